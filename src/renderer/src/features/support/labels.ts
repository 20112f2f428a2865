import type { HelpStatus } from '../../../../shared/schemas/support'

/** A request's status as a badge's colour: open asks for work, matched runs, ended is done. */
export const HELP_STATUS_COLOURS: Record<HelpStatus, string> = {
  open: 'blue',
  matched: 'teal',
  ended: 'gray',
}
