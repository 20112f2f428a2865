import type { Slice } from '../slice'
import { exportList, type ExportsContext } from './exports'

export const EXPORTS_PREFIXES = ['exports'] as const

export const exportsHandlers: Slice<(typeof EXPORTS_PREFIXES)[number], ExportsContext> = {
  'exports.list': exportList,
}
