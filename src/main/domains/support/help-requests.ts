import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import {
  conflict,
  notFound,
  validationError,
  type AppError,
  type FieldError,
} from '../../../shared/errors'
import { halfDaysToMask } from '../../../shared/schemas/volunteers-matching'
import {
  HELP_STATUSES,
  type HelpKind,
  type HelpRequest,
  type HelpRequestList,
  type HelpStatus,
} from '../../../shared/schemas/support'
import type { Db, ServiceContext } from '../../context'
import { audit, auditMany, type AuditEvent, type AuditSubject } from '../audit/audit'
import { helpRequestRows, readHelpRequest, toHelpRequests } from './queries'

/**
 * Whom a request is about in the log: the person or household asking, or the request itself for a
 * resident who is only a name and a contact (a data subject of its own, `helpRequest`).
 */
export function requesterSubject(r: {
  id: number
  personId: number | null
  householdId: number | null
}): AuditSubject {
  if (r.personId !== null) return { kind: 'person', id: r.personId }
  if (r.householdId !== null) return { kind: 'household', id: r.householdId }
  return { kind: 'helpRequest', id: r.id }
}

/** One entry per subject a request touches: who asks, and the volunteer once matched. */
export function requestEvents(
  r: {
    id: number
    personId: number | null
    householdId: number | null
    volunteerId?: number | null
  },
  event: Omit<AuditEvent, 'subject'>,
): AuditEvent[] {
  const subjects: AuditSubject[] = [requesterSubject(r)]
  if (r.volunteerId != null && r.volunteerId !== r.personId)
    subjects.push({ kind: 'person', id: r.volunteerId })
  return subjects.map((subject) => ({ ...event, subject }))
}

// --- Kinds ---------------------------------------------------------------------------------------

export async function listKinds(ctx: ServiceContext): Promise<HelpKind[]> {
  const rows = await ctx.db
    .selectFrom('helpKind')
    .select(['id', 'name', 'active'])
    .orderBy('sort')
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.active === 1 }))
}

export async function saveKind(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.saveKind'>,
): Promise<HelpKind> {
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('helpKind')
      .select('id')
      .where(sql<boolean>`lower(name) = lower(${input.name})`)
      .$if(input.id !== null, (q) => q.where('id', '<>', input.id!))
      .executeTakeFirst()
    if (taken) throw validationError([{ path: 'name', key: 'nameTaken' }])
    let id = input.id
    if (id === null) {
      const max = await trx
        .selectFrom('helpKind')
        .select((eb) => eb.fn.max('sort').as('m'))
        .executeTakeFirstOrThrow()
      id = (
        await trx
          .insertInto('helpKind')
          .values({ name: input.name, active: input.active ? 1 : 0, sort: Number(max.m ?? 0) + 1 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'helpKind',
        entityId: id,
        fields: ['name'],
      })
    } else {
      const before = await trx
        .selectFrom('helpKind')
        .select(['name', 'active'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!before) throw notFound('helpKind')
      await trx
        .updateTable('helpKind')
        .set({ name: input.name, active: input.active ? 1 : 0 })
        .where('id', '=', id)
        .execute()
      const fields = [
        ...(before.name !== input.name ? ['name'] : []),
        ...((before.active === 1) !== input.active ? ['active'] : []),
      ]
      if (fields.length)
        await audit(trx, ctx, {
          action: 'settings_change',
          entityType: 'helpKind',
          entityId: id,
          fields,
        })
    }
    return { id, name: input.name, active: input.active }
  })
}

// --- Requests ------------------------------------------------------------------------------------

export async function listHelpRequests(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.list'>,
): Promise<HelpRequestList> {
  const filtered = (withStatus: boolean) =>
    ctx.db
      .selectFrom('helpRequest as r')
      .$if(withStatus && input.status !== null, (q) => q.where('r.status', '=', input.status!))
      .$if(input.kindId !== null, (q) => q.where('r.kindId', '=', input.kindId!))
      .$if(input.householdId !== null, (q) => q.where('r.householdId', '=', input.householdId!))
      .$if(input.personId !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb('r.personId', '=', input.personId!),
            eb('r.volunteerId', '=', input.personId!),
          ]),
        ),
      )
  const [ids, byStatus] = await Promise.all([
    filtered(true)
      .select('r.id')
      .orderBy(sql`case r.status when 'open' then 0 when 'matched' then 1 else 2 end`)
      .orderBy('r.openedOn', 'desc')
      .orderBy('r.id', 'desc')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    filtered(false)
      .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('r.status')
      .execute(),
  ])
  const counts = Object.fromEntries(HELP_STATUSES.map((s) => [s, 0])) as Record<HelpStatus, number>
  for (const r of byStatus) counts[r.status as HelpStatus] = Number(r.n)
  const total =
    input.status !== null ? counts[input.status] : Object.values(counts).reduce((a, b) => a + b, 0)
  const idList = ids.map((r) => r.id)
  const rows = idList.length
    ? await helpRequestRows(ctx.db).where('r.id', 'in', idList).execute()
    : []
  const order = new Map(idList.map((id, i) => [id, i]))
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!)
  const list = await toHelpRequests(ctx.db, rows)
  // A list names people: a view under each one shown.
  const events = list.flatMap((r) =>
    requestEvents(r, { action: 'view', entityType: 'helpRequest', entityId: r.id }),
  )
  await auditMany(
    ctx.db,
    ctx,
    events.length ? events : [{ action: 'view', entityType: 'helpRequest', detail: 'lijst' }],
  )
  return { rows: list, total, counts }
}

export async function getHelpRequest(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.get'>,
): Promise<HelpRequest> {
  const r = await readHelpRequest(ctx.db, input.id)
  if (!r) throw notFound('helpRequest')
  await auditMany(
    ctx.db,
    ctx,
    requestEvents(r, { action: 'view', entityType: 'helpRequest', entityId: r.id }),
  )
  return r
}

/** The household, person, kind and courses a request names must exist and be usable. */
async function checkNames(
  db: Db,
  input: MethodParsed<'helpRequests.save'>,
  before: HelpRequest | null,
): Promise<void> {
  const errors: FieldError[] = []
  const kind = await db
    .selectFrom('helpKind')
    .select('active')
    .where('id', '=', input.kindId)
    .executeTakeFirst()
  if (!kind || (kind.active !== 1 && before?.kindId !== input.kindId))
    errors.push({ path: 'kindId', key: 'unknownOption' })
  if (input.householdId !== null && input.householdId !== before?.householdId) {
    const h = await db
      .selectFrom('household')
      .select(['id', 'anonymisedAt'])
      .where('id', '=', input.householdId)
      .executeTakeFirst()
    if (!h || h.anonymisedAt) errors.push({ path: 'householdId', key: 'unknownOption' })
  }
  if (input.personId !== null && input.personId !== before?.personId) {
    const p = await db
      .selectFrom('person')
      .select(['id', 'anonymisedAt'])
      .where('id', '=', input.personId)
      .executeTakeFirst()
    if (!p || p.anonymisedAt) errors.push({ path: 'personId', key: 'unknownOption' })
  }
  if (input.courseIds.length) {
    const had = new Set((before?.courses ?? []).map((c) => c.id))
    const found = await db
      .selectFrom('trainingCourse')
      .select(['id', 'active'])
      .where('id', 'in', input.courseIds)
      .execute()
    const usable = new Set(found.filter((c) => c.active === 1 || had.has(c.id)).map((c) => c.id))
    input.courseIds.forEach((c, i) => {
      if (!usable.has(c)) errors.push({ path: `courseIds.${i}`, key: 'unknownOption' })
    })
  }
  if (errors.length) throw validationError(errors)
}

const FIELDS = [
  'kindId',
  'householdId',
  'personId',
  'requesterName',
  'requesterContact',
  'asked',
  'place',
  'endsOn',
  'openedOn',
] as const

/** Creates a request (open) or changes what it asks; its status changes through match and end. */
export async function saveHelpRequest(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.save'>,
): Promise<HelpRequest> {
  const iso = ctx.clock.now().toISOString()
  const slotMask = halfDaysToMask(input.halfDays)
  const values = {
    kindId: input.kindId,
    householdId: input.householdId,
    personId: input.personId,
    requesterName: input.requesterName,
    requesterContact: input.requesterContact,
    asked: input.asked,
    place: input.place,
    slotMask,
    endsOn: input.endsOn,
    openedOn: input.openedOn,
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const before = input.id === null ? null : await readHelpRequest(trx, input.id)
    if (input.id !== null && !before) throw notFound('helpRequest')
    if (input.openedOn > ctx.clock.today())
      throw validationError([{ path: 'openedOn', key: 'futureDate' }])
    if (before?.matchedOn && input.openedOn > before.matchedOn)
      throw validationError([{ path: 'openedOn', key: 'periodOrder' }])
    await checkNames(trx, input, before)
    let id: number
    let fields: string[]
    if (!before) {
      id = (
        await trx
          .insertInto('helpRequest')
          .values({
            ...values,
            status: 'open',
            createdAt: iso,
            createdBy: ctx.session.userId,
            updatedAt: iso,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
      fields = [
        ...FIELDS.filter((f) => values[f] !== null),
        ...(slotMask ? ['halfDays'] : []),
        ...(input.demands.length ? ['demands'] : []),
        ...(input.courseIds.length ? ['courseIds'] : []),
      ]
    } else {
      id = before.id
      const was = {
        kindId: before.kindId,
        householdId: before.householdId,
        personId: before.personId,
        requesterName: before.requesterName,
        requesterContact: before.requesterContact,
        asked: before.asked,
        place: before.place,
        endsOn: before.endsOn,
        openedOn: before.openedOn,
      }
      fields = FIELDS.filter((f) => was[f] !== values[f])
      if (halfDaysToMask(before.halfDays) !== slotMask) fields.push('halfDays')
      if (before.demands.join(',') !== input.demands.join(',')) fields.push('demands')
      const hadCourses = before.courses.map((c) => c.id).sort((a, b) => a - b)
      if (hadCourses.join(',') !== [...input.courseIds].sort((a, b) => a - b).join(','))
        fields.push('courseIds')
      if (!fields.length) return id
      await trx
        .updateTable('helpRequest')
        .set({ ...values, updatedAt: iso })
        .where('id', '=', id)
        .execute()
      await trx.deleteFrom('helpRequestDemand').where('helpRequestId', '=', id).execute()
      await trx.deleteFrom('helpRequestCourse').where('helpRequestId', '=', id).execute()
    }
    if (input.demands.length)
      await trx
        .insertInto('helpRequestDemand')
        .values(input.demands.map((demand) => ({ helpRequestId: id, demand })))
        .execute()
    if (input.courseIds.length)
      await trx
        .insertInto('helpRequestCourse')
        .values(input.courseIds.map((courseId) => ({ helpRequestId: id, courseId })))
        .execute()
    const events: AuditEvent[] = requestEvents(
      { id, ...values, volunteerId: before?.volunteerId ?? null },
      { action: before ? 'update' : 'create', entityType: 'helpRequest', entityId: id, fields },
    )
    // One who no longer asks still finds the change in their own log.
    if (before) {
      const old = requesterSubject(before)
      const now = requesterSubject({ id, ...values })
      if (old.kind !== now.kind || old.id !== now.id)
        events.push({
          action: 'update',
          entityType: 'helpRequest',
          entityId: id,
          fields,
          subject: old,
        })
    }
    await auditMany(trx, ctx, events)
    return id
  })
  return (await readHelpRequest(ctx.db, id))!
}

function notOpen(): AppError {
  return validationError([{ path: 'id', key: 'requestNotOpen' }])
}

/**
 * Matches an open request to a volunteer. The hard filters are the engine's (checked again here,
 * whatever the screen showed): the volunteer must be in the register and not have left, share a
 * half-day, have no limitation against a demand, and have completed every required course.
 */
export async function matchHelpRequest(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.match'>,
  reasonsFor: (db: Db, requestId: number, personId: number) => Promise<string[]>,
): Promise<HelpRequest> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readHelpRequest(trx, input.id)
    if (!before) throw notFound('helpRequest')
    if (before.status !== 'open') throw notOpen()
    const errors: FieldError[] = []
    if (input.date > ctx.clock.today()) errors.push({ path: 'date', key: 'futureDate' })
    else if (input.date < before.openedOn) errors.push({ path: 'date', key: 'matchBeforeOpened' })
    const person = await trx
      .selectFrom('person')
      .select(['id', 'status', 'anonymisedAt'])
      .where('id', '=', input.personId)
      .executeTakeFirst()
    if (!person) throw notFound('person')
    if (person.status === 'left' || person.anonymisedAt)
      errors.push({ path: 'personId', key: 'notAVolunteer' })
    if (errors.length) throw validationError(errors)
    const reasons = await reasonsFor(trx, input.id, input.personId)
    if (reasons.length)
      throw conflict('matchExcluded', { reasons: reasons.join('; ') }, { reasons })
    await trx
      .updateTable('helpRequest')
      .set({
        status: 'matched',
        volunteerId: input.personId,
        matchedOn: input.date,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', input.id)
      .execute()
    await auditMany(
      trx,
      ctx,
      requestEvents(
        { ...before, volunteerId: input.personId },
        {
          action: 'update',
          entityType: 'helpRequest',
          entityId: input.id,
          fields: ['status', 'volunteerId', 'matchedOn'],
        },
      ),
    )
  })
  return (await readHelpRequest(ctx.db, input.id))!
}

/** Ends a request (matched or still open): the help was given, or it is no longer asked. */
export async function endHelpRequest(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.end'>,
): Promise<HelpRequest> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readHelpRequest(trx, input.id)
    if (!before) throw notFound('helpRequest')
    if (before.status === 'ended') throw notOpen()
    if (input.date > ctx.clock.today()) throw validationError([{ path: 'date', key: 'futureDate' }])
    if (input.date < (before.matchedOn ?? before.openedOn))
      throw validationError([{ path: 'date', key: 'periodOrder' }])
    await trx
      .updateTable('helpRequest')
      .set({
        status: 'ended',
        endedOn: input.date,
        endNote: input.note,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', input.id)
      .execute()
    await auditMany(
      trx,
      ctx,
      requestEvents(before, {
        action: 'update',
        entityType: 'helpRequest',
        entityId: input.id,
        fields: ['status', 'endedOn', ...(input.note ? ['endNote'] : [])],
      }),
    )
  })
  return (await readHelpRequest(ctx.db, input.id))!
}
