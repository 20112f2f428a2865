import { decisionDeadline } from './calendar'

/**
 * The decision deadline as it was before any extension: the same rule as the complaint's own
 * (its weeks as they were at receipt), without the extension.
 */
export function originalDecisionDue(c: {
  receivedOn: string
  decisionDueOn: string
  decisionWeeks: number
  extensionWeeks: number
}): string {
  if (c.extensionWeeks <= 0) return c.decisionDueOn
  return decisionDeadline(c.receivedOn, c.decisionWeeks).dueOn
}
