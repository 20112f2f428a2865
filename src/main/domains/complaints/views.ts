/**
 * Complaints as the screens get them: a summary row with its next term, and the whole complaint
 * with its timeline, measures and both terms with "waarom deze datum?". No audit here: the
 * services that call these log the view or the change.
 */
import { sql } from 'kysely'
import { addDays, daysBetween } from '../../../shared/dates'
import type {
  ComplainantView,
  ComplaintAboutKind,
  ComplaintChannel,
  ComplaintDeadlines,
  ComplaintDetail,
  ComplaintEntryView,
  ComplaintList,
  ComplaintOutcome,
  ComplaintState,
  ComplaintStep,
  ComplaintSummary,
  Deadline,
  DeadlineKind,
  NextDeadline,
} from '../../../shared/schemas/complaints'
import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import type { Db } from '../../context'
import { ackDeadline, decisionDeadline } from './calendar'
import { extensionProblem } from './rules'
import { matchComplaints, nextDue } from './list-queries'
import {
  entriesOf,
  findComplaintRow,
  getComplaintSettings,
  proposedHandlerFor,
  type ComplaintRow,
} from './queries'
import { applyCorrections } from './summary'

/** Within this many days a term shows as due soon. */
export const SOON_DAYS = 7

type ListParsed = MethodParsed<'complaints.list'>

function summaryQuery(db: Db) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('complaintCategory as k', 'k.id', 'c.categoryId')
    .leftJoin('account as hd', 'hd.id', 'c.handlerId')
    .leftJoin('household as h', 'h.id', 'c.householdId')
    .leftJoin('person as p', 'p.id', 'c.personId')
    .select([
      'c.id',
      'c.number',
      'c.receivedOn',
      'c.channel',
      'c.complainantKind',
      'c.householdId',
      'c.personId',
      'c.complainantName',
      'c.complainantContact',
      'k.id as categoryId',
      'k.name as categoryName',
      'c.step',
      'hd.id as handlerId',
      'hd.displayName as handlerName',
      'c.outcome',
      'c.acknowledgedOn',
      'c.ackDueOn',
      'c.decidedOn',
      'c.decisionDueOn',
      'c.closedOn',
      'c.anonymisedAt',
      'h.reference as householdReference',
      'h.contactName as householdName',
      'p.reference as personReference',
      'p.firstName as personFirstName',
      'p.lastName as personLastName',
    ])
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number]

function complainantOf(r: SummaryRow): ComplainantView {
  let label: string | null = null
  if (r.complainantKind === 'household' && r.householdReference)
    label = `${r.householdReference} ${r.householdName ?? ''}`.trim()
  else if (r.complainantKind === 'person' && r.personReference)
    label = `${r.personReference} ${r.personFirstName ?? ''} ${r.personLastName ?? ''}`.trim()
  else if (r.complainantKind === 'contact') label = r.complainantName
  return {
    kind: r.complainantKind,
    label,
    householdId: r.householdId,
    personId: r.personId,
    name: r.complainantName,
    contact: r.complainantContact,
  }
}

export function stateOf(r: { closedOn: string | null; decidedOn: string | null }): ComplaintState {
  if (r.closedOn) return 'closed'
  return r.decidedOn ? 'decided' : 'open'
}

function openStatus(dueOn: string, today: string): 'ok' | 'soon' | 'late' {
  if (dueOn < today) return 'late'
  return dueOn <= addDays(today, SOON_DAYS) ? 'soon' : 'ok'
}

/** The next open term: the acknowledgement until it is given, then the decision. */
export function nextDeadline(
  r: {
    closedOn: string | null
    acknowledgedOn: string | null
    ackDueOn: string
    decidedOn: string | null
    decisionDueOn: string
  },
  today: string,
): NextDeadline | null {
  if (r.closedOn) return null
  let kind: DeadlineKind
  let dueOn: string
  if (!r.acknowledgedOn) [kind, dueOn] = ['acknowledgement', r.ackDueOn]
  else if (!r.decidedOn) [kind, dueOn] = ['decision', r.decisionDueOn]
  else return null
  return { kind, dueOn, status: openStatus(dueOn, today), daysLeft: daysBetween(today, dueOn) }
}

function toSummary(r: SummaryRow, today: string): ComplaintSummary {
  return {
    id: r.id,
    number: r.number,
    receivedOn: r.receivedOn,
    channel: r.channel as ComplaintChannel,
    complainant: complainantOf(r),
    category: { id: r.categoryId, name: r.categoryName },
    step: r.step as ComplaintStep,
    handler:
      r.handlerId !== null && r.handlerName !== null
        ? { id: r.handlerId, name: r.handlerName }
        : null,
    state: stateOf(r),
    outcome: r.outcome as ComplaintOutcome | null,
    closedOn: r.closedOn,
    next: nextDeadline(r, today),
  }
}

/** Complaints by state, year, category or a number or name; open ones by their next term. */
export async function listComplaints(
  db: Db,
  input: ListParsed,
  today: string,
): Promise<ComplaintList> {
  const ids = matchComplaints(db, input).select('c.id')
  const { total } = await matchComplaints(db, input)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow()
  let q = summaryQuery(db).where('c.id', 'in', ids)
  q =
    input.state === 'open'
      ? q.orderBy(nextDue).orderBy('c.id')
      : q.orderBy('c.receivedOn', 'desc').orderBy('c.id', 'desc')
  const rows = await q.limit(input.limit).offset(input.offset).execute()
  return { rows: rows.map((r) => toSummary(r, today)), total: Number(total) }
}

/** Every open complaint with its next term; how many are late and due soon. */
export async function deadlineOverview(db: Db, today: string): Promise<ComplaintDeadlines> {
  const rows = await summaryQuery(db)
    .where('c.closedOn', 'is', null)
    .orderBy(nextDue)
    .orderBy('c.id')
    .execute()
  const all = rows.map((r) => toSummary(r, today))
  const withTerm = all.filter((r) => r.next)
  return {
    today,
    rows: withTerm,
    late: withTerm.filter((r) => r.next?.status === 'late').length,
    soon: withTerm.filter((r) => r.next?.status === 'soon').length,
  }
}

/**
 * How many open complaints are late and due within 7 days, counted in SQL: the number on the
 * coordinator's start screen (no personal data, so no view to log).
 */
export async function lateCount(db: Db, today: string): Promise<{ late: number; soon: number }> {
  const soonDay = addDays(today, SOON_DAYS)
  const row = await db
    .selectFrom('complaint as c')
    .select([
      sql<number>`coalesce(sum(${nextDue} < ${today}), 0)`.as('late'),
      sql<number>`coalesce(sum(${nextDue} >= ${today} and ${nextDue} <= ${soonDay}), 0)`.as('soon'),
    ])
    .where('c.closedOn', 'is', null)
    .executeTakeFirstOrThrow()
  return { late: Number(row.late), soon: Number(row.soon) }
}

function deadline(
  kind: DeadlineKind,
  dueOn: string,
  metOn: string | null,
  today: string,
  why: Deadline['why'],
): Deadline {
  return {
    kind,
    dueOn,
    metOn,
    status: metOn ? (metOn <= dueOn ? 'met' : 'metLate') : openStatus(dueOn, today),
    daysLeft: daysBetween(today, dueOn),
    why,
  }
}

async function accountRef(db: Db, id: number | null): Promise<{ id: number; name: string } | null> {
  if (id === null) return null
  const a = await db
    .selectFrom('account')
    .select(['id', 'displayName as name'])
    .where('id', '=', id)
    .executeTakeFirst()
  return a ?? null
}

/** The whole complaint as its page shows it. */
export async function complaintDetail(db: Db, id: number, today: string): Promise<ComplaintDetail> {
  const row = await summaryQuery(db).where('c.id', '=', id).executeTakeFirst()
  const c: ComplaintRow | undefined = await findComplaintRow(db, id)
  if (!row || !c) throw notFound('complaint')
  const settings = await getComplaintSettings(db)
  const entries = applyCorrections(await entriesOf(db, id))
  const handlerIds = [
    ...new Set(entries.map((e) => e.handlerId).filter((x): x is number => x !== null)),
  ]
  const handlers = new Map<number, string>()
  if (handlerIds.length)
    for (const a of await db
      .selectFrom('account')
      .select(['id', 'displayName'])
      .where('id', 'in', handlerIds)
      .execute())
      handlers.set(a.id, a.displayName)
  const measures = await db
    .selectFrom('complaintMeasure')
    .select(['id', 'text', 'doneOn', 'entryId'])
    .where('complaintId', '=', id)
    .orderBy('id')
    .execute()
  const ack = ackDeadline(c.receivedOn, c.ackWorkingDays, settings.closedDays)
  const dec = decisionDeadline(c.receivedOn, c.decisionWeeks, c.extensionWeeks)
  const extensions = entries
    .filter((e) => e.kind === 'extension' && !e.voided)
    .map((e) => ({ withConsent: e.withConsent === 1 }))
  const problem =
    c.closedOn || c.decidedOn
      ? { conflictKey: c.closedOn ? 'complaintClosed' : 'alreadyDecided' }
      : extensionProblem({
          extensions,
          currentDue: c.decisionDueOn,
          date: today,
          weeks: 1,
          withConsent: false,
          maxWeeks: settings.maxExtensionWeeks,
        })
  const entryViews: ComplaintEntryView[] = entries.map((e) => ({
    id: e.id,
    kind: e.kind,
    date: e.date,
    authorName: e.authorName,
    text: e.text,
    step: e.step as ComplaintStep | null,
    handler:
      e.handlerId !== null ? { id: e.handlerId, name: handlers.get(e.handlerId) ?? '' } : null,
    party: e.party,
    persons: e.persons,
    outcome: e.outcome,
    weeks: e.weeks,
    withConsent: e.withConsent === 1,
    dueOn: e.dueOn,
    correctsId: e.correctsId,
    newDate: e.newDate,
    voids: e.voids === 1,
    correctedBy: e.correctedBy,
    voided: e.voided,
    createdAt: e.createdAt,
    anonymised: e.anonymisedAt !== null,
  }))
  return {
    ...toSummary(row, today),
    about: {
      kind: c.aboutKind as ComplaintAboutKind,
      account: await accountRef(db, c.aboutAccountId),
      text: c.aboutText,
    },
    description: c.description,
    wish: c.wish,
    startStep: c.startStep as ComplaintStep,
    decidedOn: c.decidedOn,
    acknowledgedOn: c.acknowledgedOn,
    informedComplainantOn: c.informedComplainantOn,
    informedStaffOn: c.informedStaffOn,
    terms: {
      ackWorkingDays: c.ackWorkingDays,
      decisionWeeks: c.decisionWeeks,
      extensionWeeks: c.extensionWeeks,
    },
    deadlines: {
      // The stored day is the one that applied; the reckoning explains how it came about.
      acknowledgement: deadline('acknowledgement', c.ackDueOn, c.acknowledgedOn, today, ack.why),
      decision: deadline('decision', c.decisionDueOn, c.decidedOn, today, dec.why),
    },
    extension: {
      allowed: problem === null,
      maxWeeks: settings.maxExtensionWeeks,
      reason: problem ? ('conflictKey' in problem ? problem.conflictKey : problem.fieldKey) : null,
    },
    proposedHandler: await proposedHandlerFor(db, c.aboutAccountId),
    entries: entryViews,
    measures,
    anonymised: c.anonymisedAt !== null,
  }
}
