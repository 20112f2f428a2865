import type { Slice } from '../slice'
import { quickGuide, type QuickGuideContext } from './quick-guide-task'

export const HELP_PREFIXES = ['help'] as const

export const helpHandlers: Slice<(typeof HELP_PREFIXES)[number], QuickGuideContext> = {
  'help.quickGuide': quickGuide,
}
