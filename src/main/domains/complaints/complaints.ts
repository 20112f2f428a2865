import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import { toDutchDate } from '../../../shared/dates'
import type {
  ComplaintDeadlines,
  ComplaintDetail,
  ComplaintList,
  ComplaintMeasure,
} from '../../../shared/schemas/complaints'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { ackDeadline, decisionDeadline } from './calendar'
import { refuseIfAbout } from './guards'
import { extensionProblem } from './rules'
import {
  entriesOf,
  findComplaintRow,
  getComplaintSettings,
  proposedHandlerFor,
  staffAccount,
  type ComplaintRow,
  type EntryRow,
} from './queries'
import { applyCorrections, refreshSummary } from './summary'
import { complaintDetail, deadlineOverview, lateCount, listComplaints as listAll } from './views'

/** Complaints before the app kept records are not plausible; a typo such as 1026 is refused. */
const FIRST_DAY = '2000-01-01'

/** Entries a correction may say do not count; a receipt, a step or a decision cannot be undone. */
const VOIDABLE = new Set([
  'acknowledged',
  'informed',
  'extension',
  'hearing',
  'advice',
  'note',
  'letter',
])
/** Entries whose day a correction may put right. */
const REDATABLE = new Set([
  'acknowledged',
  'informed',
  'decision',
  'closed',
  'reopened',
  'hearing',
  'advice',
  'note',
])

export function complaintSubject(id: number): { kind: 'complaint'; id: number } {
  return { kind: 'complaint', id }
}

function dayProblems(
  ctx: ServiceContext,
  path: string,
  day: string,
  notBefore: string,
): FieldError[] {
  if (day > ctx.clock.today()) return [{ path, key: 'futureDate' }]
  if (day < notBefore)
    return [{ path, key: 'dateBeforeReceipt', params: { date: toDutchDate(notBefore) } }]
  return []
}

/**
 * A correction's new day obeys the rules the step itself obeys: a closing or "informed" not
 * before the decision, a decision not after the closing. Otherwise a correction could make the
 * timeline say what the steps refuse.
 */
function redateProblems(
  ctx: ServiceContext,
  c: ComplaintRow,
  kind: string,
  day: string,
): FieldError[] {
  const problems = dayProblems(ctx, 'newDate', day, c.receivedOn)
  if (problems.length) return problems
  if ((kind === 'closed' || kind === 'informed') && c.decidedOn && day < c.decidedOn)
    return [{ path: 'newDate', key: 'beforeDecision', params: { date: toDutchDate(c.decidedOn) } }]
  if (kind === 'decision' && c.closedOn && day > c.closedOn)
    return [{ path: 'newDate', key: 'afterClosing', params: { date: toDutchDate(c.closedOn) } }]
  return []
}

/**
 * A reopening undoes the closing before it, so it lies on or after that closing's day, as
 * `reopen` requires; a closing lies on or before the reopening that followed it. Read from the
 * timeline as corrected (in the order the entries were written): once a complaint is reopened,
 * its row no longer holds the day it was closed, so `redateProblems` cannot see it.
 */
function reopeningProblems(
  entries: readonly EntryRow[],
  target: { id: number; kind: string },
  day: string,
): FieldError[] {
  const counted = applyCorrections(entries).filter((e) => !e.voided)
  if (target.kind === 'reopened') {
    const closing = counted.filter((e) => e.kind === 'closed' && e.id < target.id).at(-1)
    const params = { date: toDutchDate(closing?.effectiveDate ?? day) }
    if (closing && day < closing.effectiveDate)
      return [{ path: 'newDate', key: 'beforeClosing', params }]
  }
  if (target.kind === 'closed') {
    const reopening = counted.find((e) => e.kind === 'reopened' && e.id > target.id)
    const params = { date: toDutchDate(reopening?.effectiveDate ?? day) }
    if (reopening && day > reopening.effectiveDate)
      return [{ path: 'newDate', key: 'afterReopening', params }]
  }
  return []
}

async function handlerProblem(
  db: Db,
  handlerId: number | null,
  aboutAccountId: number | null,
): Promise<FieldError | null> {
  if (handlerId === null) return null
  if (handlerId === aboutAccountId) return { path: 'handlerId', key: 'handlerIsAbout' }
  if (!(await staffAccount(db, handlerId))) return { path: 'handlerId', key: 'handlerNotStaff' }
  return null
}

async function author(db: Db, ctx: ServiceContext): Promise<string> {
  const a = await db
    .selectFrom('account')
    .select('displayName')
    .where('id', '=', ctx.session.userId)
    .executeTakeFirst()
  return a?.displayName ?? ctx.session.userName
}

/**
 * A complaint that can still be written to, inside the write's transaction, by someone it is
 * not about.
 */
async function writable(db: Db, ctx: ServiceContext, id: number): Promise<ComplaintRow> {
  const c = await findComplaintRow(db, id)
  if (!c) throw notFound('complaint')
  refuseIfAbout(c, ctx)
  if (c.anonymisedAt) throw conflict('complaintAnonymised')
  return c
}

/**
 * A writable complaint still open and without a decision, for a step dated `date` (not before
 * its receipt, not in the future): what an extension and the decision both need.
 */
async function undecided(
  db: Db,
  ctx: ServiceContext,
  id: number,
  date: string,
): Promise<ComplaintRow> {
  const c = await writable(db, ctx, id)
  if (c.closedOn) throw conflict('complaintClosed', { date: toDutchDate(c.closedOn) })
  if (c.decidedOn) throw conflict('alreadyDecided', { date: toDutchDate(c.decidedOn) })
  const problems = dayProblems(ctx, 'date', date, c.receivedOn)
  if (problems.length) throw validationError(problems)
  return c
}

interface NewEntry {
  kind:
    | 'received'
    | 'acknowledged'
    | 'step_changed'
    | 'handler_changed'
    | 'note'
    | 'hearing'
    | 'advice'
    | 'decision'
    | 'extension'
    | 'informed'
    | 'closed'
    | 'reopened'
    | 'correction'
  date: string
  text?: string | null
  step?: number | null
  handlerId?: number | null
  party?: string | null
  persons?: string | null
  outcome?: ComplaintRow['outcome']
  weeks?: number | null
  withConsent?: boolean
  dueOn?: string | null
  correctsId?: number | null
  newDate?: string | null
  voids?: boolean
}

async function insertEntryRow(
  db: Db,
  e: NewEntry & { complaintId: number; authorId: number; authorName: string; createdAt: string },
): Promise<number> {
  const { id } = await db
    .insertInto('complaintEntry')
    .values({
      complaintId: e.complaintId,
      kind: e.kind,
      date: e.date,
      authorId: e.authorId,
      authorName: e.authorName,
      text: e.text ?? null,
      step: e.step ?? null,
      handlerId: e.handlerId ?? null,
      party: e.party ?? null,
      persons: e.persons ?? null,
      outcome: e.outcome ?? null,
      weeks: e.weeks ?? null,
      withConsent: e.withConsent ? 1 : 0,
      dueOn: e.dueOn ?? null,
      correctsId: e.correctsId ?? null,
      newDate: e.newDate ?? null,
      voids: e.voids ? 1 : 0,
      createdAt: e.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/**
 * Appends an entry to a complaint's timeline, rewrites the complaint's summary and logs it, all in
 * the caller's transaction.
 */
async function appendEntry(
  trx: Db,
  ctx: ServiceContext,
  complaintId: number,
  entry: NewEntry,
): Promise<number> {
  const now = ctx.clock.now()
  const id = await insertEntryRow(trx, {
    ...entry,
    complaintId,
    authorId: ctx.session.userId,
    authorName: await author(trx, ctx),
    createdAt: now.toISOString(),
  })
  await refreshSummary(trx, complaintId, now)
  await audit(trx, ctx, {
    action: 'create',
    entityType: 'complaintEntry',
    entityId: id,
    subject: complaintSubject(complaintId),
    fields: Object.entries(entry)
      .filter(([, v]) => v !== null && v !== undefined && v !== false)
      .map(([k]) => k),
  })
  return id
}

function detail(ctx: ServiceContext, id: number): Promise<ComplaintDetail> {
  return complaintDetail(ctx.db, id, ctx.clock.today())
}

/**
 * Registers a complaint with the next number of its year of receipt (K-YYYY-NNN, no gaps: the
 * number is taken inside the write transaction, which SQLite runs one at a time), the terms of
 * today's settings, and a 'received' entry. At step 1 without a handler given, the
 * leidinggevende of the account complained about handles it.
 */
export async function createComplaint(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.create'>,
): Promise<ComplaintDetail> {
  const problems: FieldError[] = dayProblems(ctx, 'receivedOn', input.receivedOn, FIRST_DAY)
  if (input.receivedOn < FIRST_DAY)
    problems.splice(0, problems.length, {
      path: 'receivedOn',
      key: 'dateTooEarly',
      params: { date: toDutchDate(FIRST_DAY) },
    })
  const kind = input.complainantKind
  const householdId = kind === 'household' ? input.householdId : null
  const personId = kind === 'person' ? input.personId : null
  const name = kind === 'contact' ? input.complainantName : null
  const contact = kind === 'contact' ? input.complainantContact : null
  const aboutAccountId = input.aboutKind === 'staff' ? input.aboutAccountId : null
  const db = ctx.db
  if (householdId !== null) {
    const h = await db
      .selectFrom('household')
      .select(['id', 'anonymisedAt'])
      .where('id', '=', householdId)
      .executeTakeFirst()
    if (!h || h.anonymisedAt) problems.push({ path: 'householdId', key: 'unknownOption' })
  }
  if (personId !== null) {
    const p = await db
      .selectFrom('person')
      .select(['id', 'anonymisedAt'])
      .where('id', '=', personId)
      .executeTakeFirst()
    if (!p || p.anonymisedAt) problems.push({ path: 'personId', key: 'unknownOption' })
  }
  if (aboutAccountId !== null) {
    const a = await db
      .selectFrom('account')
      .select('id')
      .where('id', '=', aboutAccountId)
      .executeTakeFirst()
    if (!a) problems.push({ path: 'aboutAccountId', key: 'unknownOption' })
  }
  const cat = await db
    .selectFrom('complaintCategory')
    .select(['id', 'active'])
    .where('id', '=', input.categoryId)
    .executeTakeFirst()
  if (!cat || cat.active !== 1) problems.push({ path: 'categoryId', key: 'unknownOption' })
  let handlerId = input.handlerId ?? null
  if (input.handlerId === undefined && input.step === 1)
    handlerId = (await proposedHandlerFor(db, aboutAccountId))?.id ?? null
  const hp = await handlerProblem(db, handlerId, aboutAccountId)
  if (hp) problems.push(hp)
  if (problems.length) throw validationError(problems)

  const id = await db.transaction().execute(async (trx) => {
    const settings = await getComplaintSettings(trx)
    const year = Number(input.receivedOn.slice(0, 4))
    const { max } = await trx
      .selectFrom('complaint')
      .select((eb) => eb.fn.max<number>('seq').as('max'))
      .where('year', '=', year)
      .executeTakeFirstOrThrow()
    const seq = (max ?? 0) + 1
    const now = ctx.clock.now().toISOString()
    const { id } = await trx
      .insertInto('complaint')
      .values({
        number: `K-${year}-${String(seq).padStart(3, '0')}`,
        year,
        seq,
        receivedOn: input.receivedOn,
        channel: input.channel,
        complainantKind: kind,
        householdId,
        personId,
        complainantName: name,
        complainantContact: contact,
        aboutKind: input.aboutKind,
        aboutAccountId,
        aboutText: input.aboutText,
        categoryId: input.categoryId,
        description: input.description,
        wish: input.wish,
        handlerId,
        startStep: input.step,
        step: input.step,
        ackWorkingDays: settings.ackWorkingDays,
        decisionWeeks: settings.decisionWeeks,
        ackDueOn: ackDeadline(input.receivedOn, settings.ackWorkingDays, settings.closedDays).dueOn,
        decisionDueOn: decisionDeadline(input.receivedOn, settings.decisionWeeks).dueOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'complaint',
      entityId: id,
      subject: complaintSubject(id),
      fields: Object.entries({
        receivedOn: input.receivedOn,
        channel: input.channel,
        complainantKind: kind,
        householdId,
        personId,
        complainantName: name,
        complainantContact: contact,
        aboutKind: input.aboutKind,
        aboutAccountId,
        aboutText: input.aboutText,
        categoryId: input.categoryId,
        description: input.description,
        wish: input.wish,
        handlerId,
        step: input.step,
      })
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k]) => k),
    })
    await appendEntry(trx, ctx, id, {
      kind: 'received',
      date: input.receivedOn,
      step: input.step,
      handlerId,
    })
    return id
  })
  return detail(ctx, id)
}

/** One complaint with its timeline; the view is logged under the complaint. */
export async function getComplaint(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.get'>,
): Promise<ComplaintDetail> {
  const d = await detail(ctx, input.id)
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'complaint',
    entityId: input.id,
    subject: complaintSubject(input.id),
  })
  return d
}

/**
 * A list of complaints. Opening one is logged (`getComplaint`); the list itself is not, as the
 * search of households is not: it is the way to find one, and a log entry with its fsync for
 * every look at the overview would cost more than the list (see README, bench).
 */
export function listComplaints(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.list'>,
): Promise<ComplaintList> {
  return listAll(ctx.db, input, ctx.clock.today())
}

/** The open complaints by their next term (not logged, as the list). */
export function complaintDeadlines(ctx: ServiceContext): Promise<ComplaintDeadlines> {
  return deadlineOverview(ctx.db, ctx.clock.today())
}

/** The start screen's count of late (and soon due) complaints. */
export function complaintLateCount(ctx: ServiceContext): Promise<{ late: number; soon: number }> {
  return lateCount(ctx.db, ctx.clock.today())
}

/**
 * An entry of one of the kinds the timeline takes as they are: an acknowledgement, a note, a
 * hearing or advice of the committee (step 3), who was informed of the decision, or a
 * correction of an earlier entry.
 */
export async function addEntry(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.addEntry'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await writable(trx, ctx, input.complaintId)
    const problems = dayProblems(ctx, 'date', input.date, c.receivedOn)
    if (problems.length) throw validationError(problems)
    if (c.closedOn && !['note', 'correction', 'informed'].includes(input.kind))
      throw conflict('complaintClosed', { date: toDutchDate(c.closedOn) })
    const entry: NewEntry = { kind: input.kind, date: input.date, text: input.text }
    switch (input.kind) {
      case 'acknowledged':
        if (c.acknowledgedOn)
          throw conflict('alreadyAcknowledged', { date: toDutchDate(c.acknowledgedOn) })
        break
      case 'hearing':
        if (c.step !== 3) throw conflict('onlyAtCommittee')
        Object.assign(entry, { party: input.party, persons: input.persons })
        break
      case 'advice':
        if (c.step !== 3) throw conflict('onlyAtCommittee')
        entry.outcome = input.outcome ?? null
        break
      case 'informed':
        if (!c.decidedOn) throw conflict('notDecidedYet')
        if (input.date < c.decidedOn)
          throw validationError([
            { path: 'date', key: 'beforeDecision', params: { date: toDutchDate(c.decidedOn) } },
          ])
        entry.party = input.party
        break
      case 'correction': {
        const timeline = await entriesOf(trx, c.id)
        const target = timeline.find((e) => e.id === input.correctsId)
        if (!target) throw validationError([{ path: 'correctsId', key: 'unknownOption' }])
        const fields: FieldError[] = []
        if (target.kind === 'correction') throw conflict('cannotCorrectCorrection')
        if (input.voids && !VOIDABLE.has(target.kind))
          fields.push({ path: 'voids', key: 'cannotVoid' })
        if (input.newDate) {
          if (!REDATABLE.has(target.kind)) fields.push({ path: 'newDate', key: 'cannotRedate' })
          else {
            const problems = redateProblems(ctx, c, target.kind, input.newDate)
            fields.push(
              ...(problems.length ? problems : reopeningProblems(timeline, target, input.newDate)),
            )
          }
        }
        if (input.outcome && target.kind !== 'decision')
          fields.push({ path: 'outcome', key: 'outcomeOnlyForDecision' })
        if (fields.length) throw validationError(fields)
        Object.assign(entry, {
          correctsId: target.id,
          newDate: input.newDate ?? null,
          outcome: input.outcome ?? null,
          voids: input.voids,
        })
        break
      }
      default:
        break
    }
    await appendEntry(trx, ctx, c.id, entry)
  })
  return detail(ctx, input.complaintId)
}

/**
 * To a higher step (never down), with the reason. A handler given replaces the current one (null:
 * none yet, as for the committee); left out, the handler stays.
 */
export async function escalate(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.escalate'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await writable(trx, ctx, input.complaintId)
    if (c.closedOn) throw conflict('complaintClosed', { date: toDutchDate(c.closedOn) })
    if (c.decidedOn) throw conflict('alreadyDecided', { date: toDutchDate(c.decidedOn) })
    if (input.step <= c.step) throw conflict('stepOnlyUp', { step: c.step })
    const problems = dayProblems(ctx, 'date', input.date, c.receivedOn)
    const handlerId = input.handlerId === undefined ? c.handlerId : input.handlerId
    const hp = await handlerProblem(trx, handlerId, c.aboutAccountId)
    if (hp) problems.push(hp)
    if (problems.length) throw validationError(problems)
    if (handlerId !== c.handlerId)
      await trx.updateTable('complaint').set({ handlerId }).where('id', '=', c.id).execute()
    await appendEntry(trx, ctx, c.id, {
      kind: 'step_changed',
      date: input.date,
      step: input.step,
      handlerId,
      text: input.text,
    })
  })
  return detail(ctx, input.complaintId)
}

/** Another handler (never the account the complaint is about), or none. */
export async function assign(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.assign'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await writable(trx, ctx, input.complaintId)
    if (c.closedOn) throw conflict('complaintClosed', { date: toDutchDate(c.closedOn) })
    const problems = dayProblems(ctx, 'date', input.date, c.receivedOn)
    const hp = await handlerProblem(trx, input.handlerId, c.aboutAccountId)
    if (hp) problems.push(hp)
    if (problems.length) throw validationError(problems)
    if (input.handlerId === c.handlerId) return
    await trx
      .updateTable('complaint')
      .set({ handlerId: input.handlerId })
      .where('id', '=', c.id)
      .execute()
    await appendEntry(trx, ctx, c.id, {
      kind: 'handler_changed',
      date: input.date,
      handlerId: input.handlerId,
      text: input.text,
    })
  })
  return detail(ctx, input.complaintId)
}

/**
 * Extends the decision term (see rules.ts): once, at most the setting's weeks, recorded on or
 * before the day it extends, with a reason; anything else only with the complainant's written
 * consent. The new decision day is kept with the entry.
 */
export async function extend(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.extend'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await undecided(trx, ctx, input.complaintId, input.date)
    const settings = await getComplaintSettings(trx)
    const extensions = applyCorrections(await entriesOf(trx, c.id))
      .filter((e) => e.kind === 'extension' && !e.voided)
      .map((e) => ({ withConsent: e.withConsent === 1 }))
    const problem = extensionProblem({
      extensions,
      currentDue: c.decisionDueOn,
      date: input.date,
      recordedOn: ctx.clock.today(),
      weeks: input.weeks,
      withConsent: input.withConsent,
      maxWeeks: settings.maxExtensionWeeks,
    })
    if (problem && 'field' in problem)
      throw validationError([
        { path: problem.field, key: problem.fieldKey, params: problem.params },
      ])
    if (problem) throw conflict(problem.conflictKey, problem.params)
    const dueOn = decisionDeadline(
      c.receivedOn,
      c.decisionWeeks,
      c.extensionWeeks + input.weeks,
    ).dueOn
    await appendEntry(trx, ctx, c.id, {
      kind: 'extension',
      date: input.date,
      weeks: input.weeks,
      withConsent: input.withConsent,
      dueOn,
      text: input.reason,
    })
  })
  return detail(ctx, input.complaintId)
}

/**
 * The decision: outcome, its grounds and the measures. At step 3 it follows the committee's
 * advice (a withdrawn complaint needs none) and is taken by the role the settings name.
 */
export async function decide(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.decide'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await undecided(trx, ctx, input.complaintId, input.date)
    const entries = applyCorrections(await entriesOf(trx, c.id))
    if (
      c.step === 3 &&
      input.outcome !== 'withdrawn' &&
      !entries.some((e) => e.kind === 'advice' && !e.voided)
    )
      throw conflict('adviceFirst')
    const settings = await getComplaintSettings(trx)
    const entryId = await appendEntry(trx, ctx, c.id, {
      kind: 'decision',
      date: input.date,
      outcome: input.outcome,
      text: input.text,
      party: c.step === 3 ? settings.deciderTitle : null,
    })
    const now = ctx.clock.now().toISOString()
    for (const m of input.measures) {
      const { id } = await trx
        .insertInto('complaintMeasure')
        .values({ complaintId: c.id, entryId, text: m.text, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'complaintMeasure',
        entityId: id,
        subject: complaintSubject(c.id),
        fields: ['text'],
      })
    }
  })
  return detail(ctx, input.complaintId)
}

/** Closes a decided complaint (on or after the day of the decision). */
export async function close(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.close'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await writable(trx, ctx, input.complaintId)
    if (c.closedOn) throw conflict('complaintClosed', { date: toDutchDate(c.closedOn) })
    if (!c.decidedOn) throw conflict('decideFirst')
    const problems = dayProblems(ctx, 'date', input.date, c.decidedOn)
    if (problems.length) throw validationError(problems)
    await appendEntry(trx, ctx, c.id, { kind: 'closed', date: input.date, text: input.text })
  })
  return detail(ctx, input.complaintId)
}

/** Opens a closed complaint again, with the reason; it needs a new decision. */
export async function reopen(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.reopen'>,
): Promise<ComplaintDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await writable(trx, ctx, input.complaintId)
    if (!c.closedOn) throw conflict('complaintNotClosed')
    const problems = dayProblems(ctx, 'date', input.date, c.closedOn)
    if (problems.length) throw validationError(problems)
    await appendEntry(trx, ctx, c.id, { kind: 'reopened', date: input.date, text: input.text })
  })
  return detail(ctx, input.complaintId)
}

/** "Uitgevoerd" on a measure, with its day; null takes it back. */
export async function measureDone(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.measureDone'>,
): Promise<ComplaintMeasure> {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await trx
      .selectFrom('complaintMeasure')
      .select(['id', 'complaintId', 'text', 'doneOn', 'entryId'])
      .where('id', '=', input.measureId)
      .executeTakeFirst()
    if (!m) throw notFound('complaintMeasure')
    const c = await writable(trx, ctx, m.complaintId)
    if (input.doneOn) {
      const problems = dayProblems(ctx, 'doneOn', input.doneOn, c.receivedOn)
      if (problems.length) throw validationError(problems)
    }
    if (m.doneOn === input.doneOn) return m
    await trx
      .updateTable('complaintMeasure')
      .set({ doneOn: input.doneOn, updatedAt: ctx.clock.now().toISOString() })
      .where('id', '=', m.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'complaintMeasure',
      entityId: m.id,
      subject: complaintSubject(c.id),
      fields: ['doneOn'],
    })
    return { id: m.id, text: m.text, doneOn: input.doneOn, entryId: m.entryId }
  })
}

/** The leidinggevende step 1 proposes as handler of a complaint about an account. */
export function proposeHandler(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.proposeHandler'>,
): Promise<{ id: number; name: string } | null> {
  return proposedHandlerFor(ctx.db, input.aboutAccountId)
}
