import type { ComplaintOutcome } from '../../../shared/schemas/complaints'
import type { Db } from '../../context'
import { ackDeadline, decisionDeadline } from './calendar'
import { entriesOf, findComplaintRow, getComplaintSettings, type EntryRow } from './queries'

/** An entry as its corrections leave it: its day, its outcome, whether it still counts. */
export interface EffectiveEntry extends EntryRow {
  effectiveDate: string
  effectiveOutcome: ComplaintOutcome | null
  voided: boolean
  correctedBy: number[]
}

/** Applies every correction to the entry it points at, in the order they were written. */
export function applyCorrections(entries: readonly EntryRow[]): EffectiveEntry[] {
  const out = entries.map((e): EffectiveEntry => ({
    ...e,
    effectiveDate: e.date,
    effectiveOutcome: e.outcome,
    voided: false,
    correctedBy: [],
  }))
  const byId = new Map(out.map((e) => [e.id, e]))
  for (const c of out) {
    if (c.kind !== 'correction' || c.correctsId === null) continue
    const target = byId.get(c.correctsId)
    if (!target) continue
    target.correctedBy.push(c.id)
    if (c.voids) target.voided = true
    if (c.newDate) target.effectiveDate = c.newDate
    if (c.outcome && target.kind === 'decision') target.effectiveOutcome = c.outcome
  }
  return out
}

/** What the complaint row keeps of its timeline. */
export interface TimelineSummary {
  step: number
  extensionWeeks: number
  acknowledgedOn: string | null
  decidedOn: string | null
  outcome: ComplaintOutcome | null
  informedComplainantOn: string | null
  informedStaffOn: string | null
  closedOn: string | null
}

/**
 * Reads the timeline as it stands after its corrections. An acknowledgement is an
 * 'acknowledged' entry or the entry of an acknowledgement letter (`letterKinds`: the kind of the
 * letter each 'letter' entry records, from complaint_letter). Reopening undoes the decision, the
 * informing and the closing: the complaint is handled again and needs a new decision.
 */
export function summarise(
  startStep: number,
  entries: readonly EntryRow[],
  letterKinds: ReadonlyMap<number, string> = new Map(),
): TimelineSummary {
  const s: TimelineSummary = {
    step: startStep,
    extensionWeeks: 0,
    acknowledgedOn: null,
    decidedOn: null,
    outcome: null,
    informedComplainantOn: null,
    informedStaffOn: null,
    closedOn: null,
  }
  for (const e of applyCorrections(entries)) {
    if (e.voided) continue
    const day = e.effectiveDate
    switch (e.kind) {
      case 'received':
      case 'step_changed':
        if (e.step !== null && e.step > s.step) s.step = e.step
        break
      case 'acknowledged':
        if (!s.acknowledgedOn || day < s.acknowledgedOn) s.acknowledgedOn = day
        break
      case 'letter':
        if (
          (letterKinds.get(e.id) ?? e.party) === 'acknowledgement' &&
          (!s.acknowledgedOn || day < s.acknowledgedOn)
        )
          s.acknowledgedOn = day
        break
      case 'extension':
        s.extensionWeeks += e.weeks ?? 0
        break
      case 'decision':
        s.decidedOn = day
        s.outcome = e.effectiveOutcome
        break
      case 'informed':
        if (e.party === 'complainant') s.informedComplainantOn = day
        if (e.party === 'staff') s.informedStaffOn = day
        break
      case 'closed':
        s.closedOn = day
        break
      case 'reopened':
        s.closedOn = null
        s.decidedOn = null
        s.outcome = null
        s.informedComplainantOn = null
        s.informedStaffOn = null
        break
      default:
        break
    }
  }
  return s
}

/**
 * Rewrites the summary columns of a complaint from its timeline, and its due days: the
 * acknowledgement's while it is not given (with the closed days of today's settings), the
 * decision's from the terms at receipt plus the extensions. Call it inside the transaction that
 * wrote the entry. Exported for the letters, which add entries too.
 */
export async function refreshSummary(trx: Db, complaintId: number, now: Date): Promise<void> {
  const c = await findComplaintRow(trx, complaintId)
  if (!c) return
  const letters = await trx
    .selectFrom('complaintLetter')
    .select(['entryId', 'kind'])
    .where('complaintId', '=', complaintId)
    .execute()
  const s = summarise(
    c.startStep,
    await entriesOf(trx, complaintId),
    new Map(letters.flatMap((l) => (l.entryId === null ? [] : [[l.entryId, l.kind] as const]))),
  )
  const settings = await getComplaintSettings(trx)
  const ackDueOn = s.acknowledgedOn
    ? c.ackDueOn
    : ackDeadline(c.receivedOn, c.ackWorkingDays, settings.closedDays).dueOn
  const decisionDueOn = decisionDeadline(c.receivedOn, c.decisionWeeks, s.extensionWeeks).dueOn
  await trx
    .updateTable('complaint')
    .set({ ...s, ackDueOn, decisionDueOn, updatedAt: now.toISOString() })
    .where('id', '=', complaintId)
    .execute()
}
