import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import { addDays } from '../../../shared/dates'
import type { Visit } from '../../../shared/schemas/shop'
import type { Warning } from '../../../shared/schemas/common'
import type { AppointmentStatus } from '../../../shared/schemas/shop'
import type { Db, ServiceContext } from '../../context'
import { checkListIds } from '../lists/lists'
import { eligibilityWarnings, getShopSettings, listVisits } from './queries'
import {
  assertCounterMayChange,
  assertCounterMayOpen,
  assertVolunteerMay,
  warningsForRole,
} from './counter'
import { checkConversation, hasConversation, writeConversation } from './visit-conversation'
import { assertBookable, findSlot } from './appointments'
import { dutchNote } from '../../i18n'
import { audit } from '../audit/audit'

interface PreparedVisit {
  /** The appointment the visit belongs to (given, or that day's booking found), or null. */
  appointment: { id: number; status: AppointmentStatus } | null
  /** Visits of the household already registered on the visit's date. */
  sameDay: number
  items: { categoryId: number; count: number }[]
  warnings: Warning[]
}

/**
 * Every check of a visit, without writing: what `visits.check` answers and what
 * `visits.register` relies on, so the warnings shown before saving are the ones that apply.
 */
async function prepareVisit(
  trx: Db,
  ctx: ServiceContext,
  input: MethodParsed<'visits.register'>,
): Promise<PreparedVisit> {
  const today = ctx.clock.today()
  const fields: FieldError[] = []
  if (input.date > today) fields.push({ path: 'date', key: 'futureVisit' })
  // The counter registers who comes today; visits of other days are entered by a coordinator.
  else if (ctx.session.role === 'volunteer' && input.date !== today)
    fields.push({ path: 'date', key: 'counterVisitToday' })
  const seenCategories = new Set<number>()
  input.items.forEach((item, i) => {
    if (seenCategories.has(item.categoryId))
      fields.push({ path: `items.${i}.categoryId`, key: 'duplicateCategory' })
    seenCategories.add(item.categoryId)
  })
  if (fields.length) throw validationError(fields)
  // A conversation needs the admin's switch for a volunteer; without one the visit registers as
  // before. Refused before anything is looked up or written.
  if (hasConversation(input))
    await assertVolunteerMay({ db: trx, session: ctx.session }, 'recordConversation')
  // The counter registers visits of the households it may open (looked up, or booked today):
  // the warnings tell a household's children and visits, and an id must not be a way in.
  await assertCounterMayOpen({ db: trx, clock: ctx.clock, session: ctx.session }, input.householdId)

  const household = await trx
    .selectFrom('household')
    .select(['id', 'eligibleUntil', 'anonymisedAt'])
    .where('id', '=', input.householdId)
    .executeTakeFirst()
  if (!household) throw notFound('household')
  if (household.anonymisedAt) throw conflict('householdAnonymised')
  const unknown = await checkListIds(
    trx,
    'category',
    input.items.map((i) => i.categoryId),
    (i) => `items.${i}.categoryId`,
  )
  if (unknown.length) throw validationError(unknown)
  await checkConversation(trx, input)

  // A family served without opening its appointment still had one: link the day's booking,
  // so the dashboard and the no-show figures do not count them as missing.
  let appointmentId = input.appointmentId ?? null
  if (!appointmentId) {
    const planned = await trx
      .selectFrom('appointment')
      .leftJoin('visit', 'visit.appointmentId', 'appointment.id')
      .select('appointment.id')
      .where('appointment.householdId', '=', input.householdId)
      .where('appointment.date', '=', input.date)
      .where('appointment.status', 'in', ['planned', 'came', 'no_show'])
      .where('visit.id', 'is', null)
      .executeTakeFirst()
    appointmentId = planned?.id ?? null
  }
  const { n: sameDay } = await trx
    .selectFrom('visit')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('householdId', '=', input.householdId)
    .where('date', '=', input.date)
    .executeTakeFirstOrThrow()

  let appointment: PreparedVisit['appointment'] = null
  if (appointmentId) {
    const found = await trx
      .selectFrom('appointment')
      .leftJoin('visit', 'visit.appointmentId', 'appointment.id')
      .select([
        'appointment.id',
        'appointment.slotId',
        'appointment.householdId',
        'appointment.date',
        'appointment.status',
        'visit.id as visitId',
      ])
      .where('appointment.id', '=', appointmentId)
      .executeTakeFirst()
    if (!found || found.householdId !== input.householdId)
      throw validationError([{ path: 'appointmentId', key: 'invalid' }])
    if (found.visitId) throw conflict('visitExists')
    if (found.date !== input.date) throw validationError([{ path: 'date', key: 'appointmentDate' }])
    // Registering the visit marks the appointment "came": the same change check-in makes, under
    // the same rule for the counter.
    assertCounterMayChange(ctx, found, 'came')
    // A family that cancelled but came after all takes a place again: the slot must have one.
    if (found.status === 'cancelled') {
      const slot = await findSlot(trx, found.slotId)
      await assertBookable(trx, slot, found.householdId, found.id)
    }
    appointment = { id: found.id, status: found.status }
  }

  const items = input.items.filter((i) => i.count > 0)
  const warnings: Warning[] = [
    ...eligibilityWarnings(household.eligibleUntil, input.date),
    ...(Number(sameDay) > 0 ? [{ key: 'visitSameDay', params: { count: Number(sameDay) } }] : []),
    ...(await limitWarnings(trx, input.householdId, input.date, items)),
  ]
  return {
    appointment,
    sameDay: Number(sameDay),
    items,
    warnings: warningsForRole(ctx.session.role, warnings),
  }
}

/** The warnings a visit would give, without saving it: the form asks about them first. */
export async function checkVisit(
  ctx: ServiceContext,
  input: MethodParsed<'visits.check'>,
): Promise<{ warnings: Warning[]; sameDay: number }> {
  const { warnings, sameDay } = await prepareVisit(ctx.db, ctx, input)
  return { warnings, sameDay }
}

export async function registerVisit(
  ctx: ServiceContext,
  input: MethodParsed<'visits.register'>,
): Promise<{ visit: Visit; warnings: Warning[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const prepared = await prepareVisit(trx, ctx, input)
    // A second visit of the family that day is saved only when the user saw the ones before and
    // confirmed: a double click, or two volunteers saving the same family at once, find the
    // first visit here (transactions run one after the other) and are refused.
    if (prepared.sameDay > input.sameDayVisitsSeen)
      throw conflict('visitSameDayUnconfirmed', { count: prepared.sameDay, date: input.date })
    const { appointment, items } = prepared
    if (appointment) {
      await trx
        .updateTable('appointment')
        .set({ status: 'came', statusChangedAt: ctx.clock.now().toISOString() })
        .where('id', '=', appointment.id)
        .execute()
      if (appointment.status !== 'came')
        await audit(trx, ctx, {
          action: 'update',
          entityType: 'appointment',
          entityId: appointment.id,
          householdId: input.householdId,
          fields: ['status'],
          detail: dutchNote({ k: 'statusChanged', from: appointment.status, to: 'came' }),
        })
    }

    const { id } = await trx
      .insertInto('visit')
      .values({
        householdId: input.householdId,
        appointmentId: appointment?.id ?? null,
        date: input.date,
        servedBy: input.servedBy,
        note: input.note,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (items.length)
      await trx
        .insertInto('visitItem')
        .values(items.map((i) => ({ visitId: id, categoryId: i.categoryId, count: i.count })))
        .execute()
    await writeConversation(trx, id, input)

    await audit(trx, ctx, {
      action: 'create',
      entityType: 'visit',
      entityId: id,
      householdId: input.householdId,
      fields: [
        'date',
        'servedBy',
        ...(input.note ? ['note'] : []),
        ...(items.length ? ['items'] : []),
        ...(input.topics.length ? ['topics'] : []),
        ...(input.referrals.length ? ['referrals'] : []),
      ],
    })
    const [visit] = await listVisits(trx, { id })
    return { visit, warnings: prepared.warnings }
  })
}

/** The shop's limits warn, never block: a coordinator may have good reasons to give more. */
async function limitWarnings(
  trx: Db,
  householdId: number,
  date: string,
  items: { count: number }[],
): Promise<Warning[]> {
  const settings = await getShopSettings(trx)
  const warnings: Warning[] = []
  const since = addDays(date, -(settings.visitPeriodDays - 1))
  const { before } = await trx
    .selectFrom('visit')
    .select((e) => e.fn.countAll<number>().as('before'))
    .where('householdId', '=', householdId)
    .where('date', '>=', since)
    .where('date', '<=', date)
    .executeTakeFirstOrThrow()
  // Checked before the visit is saved: it counts itself.
  const n = Number(before) + 1
  if (n > settings.maxVisitsPerPeriod)
    warnings.push({
      key: 'visitLimit',
      params: {
        count: Number(n),
        days: settings.visitPeriodDays,
        max: settings.maxVisitsPerPeriod,
      },
    })
  const year = Number(date.slice(0, 4))
  const { children } = await trx
    .selectFrom('member')
    .select((e) => e.fn.countAll<number>().as('children'))
    .where('householdId', '=', householdId)
    .where('birthYear', '>', year - 18)
    .where('birthYear', '<=', year)
    .executeTakeFirstOrThrow()
  const total = items.reduce((s, i) => s + i.count, 0)
  const max = Number(children) * settings.maxItemsPerChild
  if (total > max)
    warnings.push({
      key: 'itemsPerChild',
      params: { items: total, children: Number(children), max: settings.maxItemsPerChild },
    })
  return warnings
}
