/**
 * The rules of an extension of the decision term, as a plain function so the unit tests can try
 * every case at fixed dates.
 */
import { toDutchDate } from '../../../shared/dates'

export interface ExtensionCase {
  /** Extensions recorded so far (not voided by a correction), with and without consent. */
  extensions: { withConsent: boolean }[]
  /** The decision day the extension would extend. */
  currentDue: string
  /** The day the extension is dated (typed in; may lie before the day it is recorded). */
  date: string
  /**
   * The day it is actually recorded (the clock's today). A typed date alone could be set back
   * after the term ended; left out, the typed date is taken (the views ask about today).
   */
  recordedOn?: string
  weeks: number
  withConsent: boolean
  /** The setting: at most this many weeks, once. */
  maxWeeks: number
}

/** VALIDATION at a field (`field` and `fieldKey`), or CONFLICT with an error key (`conflictKey`). */
export type RuleProblem =
  | { field: string; fieldKey: string; params?: Record<string, string | number> }
  | { conflictKey: string; params?: Record<string, string | number> }

/**
 * An extension exists only when it is recorded on or before the day it extends, with a written
 * reason (the schema requires one), only once and of at most `maxWeeks` weeks. Anything else
 * needs the complainant's written consent, recorded on the timeline with the extension.
 */
export function extensionProblem(c: ExtensionCase): RuleProblem | null {
  if (c.withConsent) return null
  if (c.extensions.length > 0) return { conflictKey: 'extensionOnlyOnce' }
  if (c.maxWeeks === 0) return { conflictKey: 'extensionNotAllowed' }
  if (c.weeks > c.maxWeeks)
    return { field: 'weeks', fieldKey: 'extensionTooLong', params: { max: c.maxWeeks } }
  if (c.date > c.currentDue || (c.recordedOn ?? c.date) > c.currentDue)
    return { conflictKey: 'extensionTooLate', params: { due: toDutchDate(c.currentDue) } }
  return null
}
