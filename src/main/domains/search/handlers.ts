import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { globalSearch } from './search'

export const SEARCH_PREFIXES = ['search'] as const

export const searchHandlers: Slice<(typeof SEARCH_PREFIXES)[number], ServiceContext> = {
  'search.global': globalSearch,
}
