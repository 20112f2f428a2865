import { AppError, conflict, notFound, validationError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import { addDays, addMonths, isoWeekday, toDutchDate } from '../../../shared/dates'
import type { DayPart } from '../../../shared/schemas/common'
import { BOOKING_HORIZON_MONTHS } from '../../../shared/schemas/shop'
import type { Appointment, Slot } from '../../../shared/schemas/shop'
import type { Warning } from '../../../shared/schemas/common'
import { type Clock } from '../../clock'
import type { Db, ServiceContext } from '../../context'
import { dutchNote } from '../../i18n'
import {
  eligibilityWarnings,
  getShopSettings,
  halfDayOver,
  listAppointments,
  PART_ORDER,
} from './queries'
import {
  assertCounterDay,
  assertCounterMayBookFor,
  assertCounterMayOpen,
  assertCounterMaySetStatus,
  forRole,
  warningsForRole,
} from './counter'
import { audit } from '../audit/audit'
import { auditNote } from '../../../shared/audit-text'

async function loadAppointment(db: Db, id: number): Promise<Appointment> {
  const [a] = await listAppointments(db, { id })
  if (!a) throw notFound('appointment')
  return a
}

/**
 * An appointment a caller is about to change. A volunteer gets one answer for an id that does not
 * exist and one of a family it may not open (`counterLookupFirst`), asked before any rule about
 * the appointment's day or state, so trying ids tells nothing about other families' bookings.
 */
async function appointmentToChange(trx: Db, ctx: ServiceContext, id: number): Promise<Appointment> {
  if (ctx.session.role !== 'volunteer') return loadAppointment(trx, id)
  const [a] = await listAppointments(trx, { id })
  if (!a) throw new AppError({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
  await assertCounterMayOpen({ ...ctx, db: trx }, a.householdId)
  return a
}

/**
 * The day a booking's eligibility warning is asked for. The counter asks it for today, not for the
 * half-day booked: the half-day on which the warning would first appear gives away the end of the
 * right, and with the eligibility term the day the proof of income was seen.
 */
function eligibilityDay(ctx: ServiceContext, date: string): string {
  return ctx.session.role === 'volunteer' ? ctx.clock.today() : date
}

/** Appointment states as the audit log says them. */
/** The last day a half-day may be made or booked on (see BOOKING_HORIZON_MONTHS). */
export function bookingHorizon(clock: Clock): string {
  return addMonths(clock.today(), BOOKING_HORIZON_MONTHS)
}

/** Refuses a booking on a half-day beyond the horizon (made before there was one). */
function assertWithinHorizon(clock: Clock, date: string): void {
  // The screen writes a conflict's ISO date the Dutch way.
  if (date > bookingHorizon(clock))
    throw conflict('beyondHorizon', {
      date: bookingHorizon(clock),
      months: BOOKING_HORIZON_MONTHS,
    })
}

export async function generateSlots(
  ctx: ServiceContext,
  input: MethodParsed<'slots.generate'>,
): Promise<{ created: number; skipped: number }> {
  const horizon = bookingHorizon(ctx.clock)
  if (input.to > horizon)
    throw validationError([
      {
        path: 'to',
        key: 'beyondHorizon',
        params: { date: toDutchDate(horizon), months: BOOKING_HORIZON_MONTHS },
      },
    ])
  const wanted: { date: string; part: Slot['part']; capacity: number }[] = []
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    const wd = isoWeekday(day)
    for (const t of input.template)
      if (t.weekday === wd) wanted.push({ date: day, part: t.part, capacity: t.capacity })
  }
  if (!wanted.length) return { created: 0, skipped: 0 }
  return ctx.db.transaction().execute(async (trx) => {
    // Existing slots (maybe with bookings) are left alone: generating twice is harmless.
    const result = await trx
      .insertInto('slot')
      .values(wanted)
      .onConflict((oc) => oc.columns(['date', 'part']).doNothing())
      .executeTakeFirst()
    const created = Number(result.numInsertedOrUpdatedRows ?? 0)
    if (created)
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'slot',
        fields: ['date', 'part', 'capacity'],
        detail: `${created} dagdelen, ${input.from} t/m ${input.to}`,
      })
    return { created, skipped: wanted.length - created }
  })
}

export async function listSlots(
  db: Db,
  input: { from: string; to: string },
  clock?: Clock,
): Promise<Slot[]> {
  const rows = await db
    .selectFrom('slot as s')
    .select([
      's.id',
      's.date',
      's.part',
      's.capacity',
      (eb) =>
        eb
          .selectFrom('appointment as a')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('a.slotId', '=', 's.id')
          .where('a.status', '!=', 'cancelled')
          .as('booked'),
    ])
    .where('s.date', '>=', input.from)
    .where('s.date', '<=', input.to)
    .orderBy('s.date')
    .execute()
  return rows
    .map((r) => {
      const booked = Number(r.booked ?? 0)
      return {
        ...r,
        booked,
        free: Math.max(0, r.capacity - booked),
        ...(clock ? { over: halfDayOver(clock, r.date, r.part) } : {}),
      }
    })
    .sort((a, b) => a.date.localeCompare(b.date) || PART_ORDER[a.part] - PART_ORDER[b.part])
}

interface SlotRow {
  id: number
  date: string
  part: DayPart
  capacity: number
}

/** The slot, or NOT_FOUND. */
export async function findSlot(trx: Db, id: number): Promise<SlotRow> {
  const slot = await trx
    .selectFrom('slot')
    .select(['id', 'date', 'part', 'capacity'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!slot) throw notFound('slot')
  return slot
}

/** Places taken in a slot: every booking but the cancelled ones (and the one being changed). */
async function bookedIn(trx: Db, slotId: number, exceptAppointmentId?: number): Promise<number> {
  const { n } = await trx
    .selectFrom('appointment')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('slotId', '=', slotId)
    .where('status', '!=', 'cancelled')
    .$if(exceptAppointmentId !== undefined, (q) => q.where('id', '!=', exceptAppointmentId!))
    .executeTakeFirstOrThrow()
  return Number(n)
}

export async function updateSlot(
  ctx: ServiceContext,
  input: MethodParsed<'slots.update'>,
): Promise<Slot> {
  return ctx.db.transaction().execute(async (trx) => {
    const slot = await findSlot(trx, input.id)
    const booked = await bookedIn(trx, slot.id)
    if (input.capacity < booked)
      throw new AppError({
        code: 'CONFLICT',
        key: 'capacityBelowBooked',
        params: { booked },
        fields: [{ path: 'capacity', key: 'tooSmall', params: { min: booked } }],
      })
    await trx
      .updateTable('slot')
      .set({ capacity: input.capacity })
      .where('id', '=', slot.id)
      .execute()
    if (input.capacity !== slot.capacity)
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'slot',
        entityId: slot.id,
        fields: ['capacity'],
      })
    const [updated] = (await listSlots(trx, { from: slot.date, to: slot.date }, ctx.clock)).filter(
      (s) => s.id === slot.id,
    )
    return updated
  })
}

export async function removeSlot(
  ctx: ServiceContext,
  input: MethodParsed<'slots.remove'>,
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const slot = await findSlot(trx, input.id)
    // A half-day that is over belongs to the figures of its period (and its cancellations to
    // the families' history): it stays.
    if (halfDayOver(ctx.clock, slot.date, slot.part))
      throw conflict('slotOverRemove', { date: slot.date })
    const booked = await bookedIn(trx, slot.id)
    if (booked > 0) throw conflict('slotHasBookings', { booked })
    // Cancelled bookings go with it: they only recorded that nobody would come. Each removal is
    // logged under its household, so the family's export still shows it.
    const cancelled = await trx
      .selectFrom('appointment')
      .select(['id', 'householdId'])
      .where('slotId', '=', slot.id)
      .orderBy('id')
      .execute()
    for (const a of cancelled) {
      await trx.deleteFrom('appointment').where('id', '=', a.id).execute()
      await audit(trx, ctx, {
        action: 'delete',
        entityType: 'appointment',
        entityId: a.id,
        householdId: a.householdId,
        detail: `afgezegd; dagdeel verwijderd (${toDutchDate(slot.date)})`,
      })
    }
    await trx.deleteFrom('slot').where('id', '=', slot.id).execute()
    await audit(trx, ctx, {
      action: 'delete',
      entityType: 'slot',
      entityId: slot.id,
      detail: slot.date,
    })
    return { id: slot.id }
  })
}

/** Refuses a full slot and a second booking of the household that day. */
export async function assertBookable(
  trx: Db,
  slot: SlotRow,
  householdId: number,
  exceptAppointmentId?: number,
): Promise<void> {
  if ((await bookedIn(trx, slot.id, exceptAppointmentId)) >= slot.capacity)
    throw conflict('slotFull', { capacity: slot.capacity })

  let sameDay = trx
    .selectFrom('appointment')
    .select('id')
    .where('householdId', '=', householdId)
    .where('date', '=', slot.date)
    .where('status', '!=', 'cancelled')
  if (exceptAppointmentId) sameDay = sameDay.where('id', '!=', exceptAppointmentId)
  if (await sameDay.executeTakeFirst()) throw conflict('alreadyBookedThatDay', { date: slot.date })
}

/**
 * Everything a booking is checked against, without writing: the half-day must not be over
 * (entering a past visit stays possible, a past booking makes no sense), have a place and not
 * be the household's second that day. Returns what the coordinator should know first.
 */
async function prepareBooking(
  trx: Db,
  ctx: ServiceContext,
  input: MethodParsed<'appointments.book'>,
): Promise<{ slot: SlotRow; householdId: number; warnings: Warning[] }> {
  const slot = await findSlot(trx, input.slotId)
  const household = await trx
    .selectFrom('household')
    .select(['id', 'status', 'anonymisedAt', 'eligibleUntil'])
    .where('id', '=', input.householdId)
    .executeTakeFirst()
  if (!household) throw notFound('household')
  if (household.anonymisedAt) throw conflict('householdAnonymised')
  if (halfDayOver(ctx.clock, slot.date, slot.part))
    throw conflict('slotOver', { date: slot.date, part: slot.part })
  assertWithinHorizon(ctx.clock, slot.date)
  await assertBookable(trx, slot, household.id)
  const warnings = eligibilityWarnings(household.eligibleUntil, eligibilityDay(ctx, slot.date))
  if (household.status === 'inactive') warnings.push({ key: 'householdInactive' })
  warnings.push(...(await periodWarnings(trx, household.id, slot.date)))
  return { slot, householdId: household.id, warnings }
}

/**
 * The "visits per period" guideline at booking time: the most contacts (days with a visit or a
 * planned or kept appointment) in any period of `visitPeriodDays` that holds the new date,
 * counting the new booking. Warns, never blocks.
 */
export async function periodWarnings(
  trx: Db,
  householdId: number,
  date: string,
): Promise<Warning[]> {
  const settings = await getShopSettings(trx)
  const days = settings.visitPeriodDays
  const from = addDays(date, -(days - 1))
  const to = addDays(date, days - 1)
  const [visits, appointments] = await Promise.all([
    trx
      .selectFrom('visit')
      .select('date')
      .where('householdId', '=', householdId)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
    trx
      .selectFrom('appointment')
      .select('date')
      .where('householdId', '=', householdId)
      .where('status', 'in', ['planned', 'came'])
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
  ])
  // A visit and its appointment are one contact: count days, not rows.
  const contacts = [
    ...new Set([date, ...visits.map((v) => v.date), ...appointments.map((a) => a.date)]),
  ]
  let count = 0
  for (let start = from; start <= date; start = addDays(start, 1)) {
    const end = addDays(start, days - 1)
    count = Math.max(count, contacts.filter((d) => d >= start && d <= end).length)
  }
  return count > settings.maxVisitsPerPeriod
    ? [{ key: 'bookingLimit', params: { count, days, max: settings.maxVisitsPerPeriod } }]
    : []
}

/** What booking would say, without booking: the dialog shows it before the coordinator books. */
export async function checkBooking(
  ctx: ServiceContext,
  input: MethodParsed<'appointments.check'>,
): Promise<{ warnings: Warning[] }> {
  await assertCounterMayBookFor(ctx, input.householdId)
  const { warnings } = await prepareBooking(ctx.db, ctx, input)
  return { warnings: warningsForRole(ctx.session.role, warnings) }
}

export async function bookAppointment(
  ctx: ServiceContext,
  input: MethodParsed<'appointments.book'>,
): Promise<{ appointment: Appointment; warnings: Warning[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    // Inside the transaction: a switch turned off meanwhile holds for this booking.
    await assertCounterMayBookFor({ ...ctx, db: trx }, input.householdId)
    const { slot, householdId, warnings } = await prepareBooking(trx, ctx, input)
    const { id } = await trx
      .insertInto('appointment')
      .values({
        slotId: slot.id,
        householdId,
        date: slot.date,
        status: 'planned',
        note: input.note,
        bookedAt: ctx.clock.now().toISOString(),
        statusChangedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'appointment',
      entityId: id,
      householdId,
      fields: input.note ? ['slotId', 'note'] : ['slotId'],
    })
    const appointment = await loadAppointment(trx, id)
    const role = ctx.session.role
    return { appointment: forRole(role, appointment), warnings: warningsForRole(role, warnings) }
  })
}

export async function setAppointmentStatus(
  ctx: ServiceContext,
  input: MethodParsed<'appointments.setStatus'>,
): Promise<{ appointment: Appointment; warnings: Warning[] }> {
  const today = ctx.clock.today()
  return ctx.db.transaction().execute(async (trx) => {
    const current = await appointmentToChange(trx, ctx, input.appointmentId)
    await assertCounterMaySetStatus({ ...ctx, db: trx }, current, input.status)
    // As for booking: nothing changes for an anonymised household, so the figures of a past
    // period stay what they were when it was anonymised.
    const household = await trx
      .selectFrom('household')
      .select('anonymisedAt')
      .where('id', '=', current.householdId)
      .executeTakeFirst()
    if (household?.anonymisedAt) throw conflict('householdAnonymised')
    if (current.visitId !== null && input.status !== 'came') throw conflict('visitRegistered')
    if ((input.status === 'came' || input.status === 'no_show') && current.date > today)
      throw conflict('checkInFuture', { date: current.date })
    if (current.status === 'cancelled' && input.status !== 'cancelled') {
      // Booking a cancelled family again on a half-day that is over would leave it "planned" in
      // the past; that is a booking, and bookings are for half-days still to come.
      const slot = await findSlot(trx, current.slotId)
      if (input.status === 'planned' && halfDayOver(ctx.clock, slot.date, slot.part))
        throw conflict('slotOver', { date: slot.date, part: slot.part })
      if (input.status === 'planned') assertWithinHorizon(ctx.clock, slot.date)
      await assertBookable(
        trx,
        await findSlot(trx, current.slotId),
        current.householdId,
        current.id,
      )
    }
    await trx
      .updateTable('appointment')
      .set({ status: input.status, statusChangedAt: ctx.clock.now().toISOString() })
      .where('id', '=', input.appointmentId)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'appointment',
      entityId: current.id,
      householdId: current.householdId,
      fields: ['status'],
      detail: dutchNote({ k: 'statusChanged', from: current.status, to: input.status }),
    })
    const appointment = await loadAppointment(trx, input.appointmentId)
    const warnings =
      input.status === 'came'
        ? eligibilityWarnings(appointment.eligibleUntil, appointment.date)
        : []
    const role = ctx.session.role
    return { appointment: forRole(role, appointment), warnings: warningsForRole(role, warnings) }
  })
}

/**
 * Moves a planned appointment to another half-day, with the rules of a new booking (a place free,
 * the half-day not over, within the horizon, not a second booking that day) and the booking
 * switch for a volunteer. One audited change, so the family keeps one appointment.
 */
export async function moveAppointment(
  ctx: ServiceContext,
  input: MethodParsed<'appointments.move'>,
): Promise<{ appointment: Appointment; warnings: Warning[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await appointmentToChange(trx, ctx, input.id)
    await assertCounterMayBookFor({ ...ctx, db: trx }, current.householdId)
    const household = await trx
      .selectFrom('household')
      .select('anonymisedAt')
      .where('id', '=', current.householdId)
      .executeTakeFirst()
    if (household?.anonymisedAt) throw conflict('householdAnonymised')
    if (current.visitId !== null) throw conflict('visitRegistered')
    if (current.status !== 'planned') throw conflict('moveNotPlanned')
    if (current.slotId === input.slotId) throw conflict('moveSameSlot')
    const slot = await findSlot(trx, input.slotId)
    if (halfDayOver(ctx.clock, slot.date, slot.part))
      throw conflict('slotOver', { date: slot.date, part: slot.part })
    assertWithinHorizon(ctx.clock, slot.date)
    await assertBookable(trx, slot, current.householdId, current.id)
    await trx
      .updateTable('appointment')
      .set({ slotId: slot.id, date: slot.date })
      .where('id', '=', current.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'appointment',
      entityId: current.id,
      householdId: current.householdId,
      fields: ['slotId'],
      detail: auditNote({
        k: 'appointmentMoved',
        from: current.date,
        fromPart: current.part,
        to: slot.date,
        toPart: slot.part,
      }),
    })
    const appointment = await loadAppointment(trx, current.id)
    // Read after the move, so the old date no longer counts as a second contact.
    const warnings = [
      ...eligibilityWarnings(appointment.eligibleUntil, eligibilityDay(ctx, slot.date)),
      ...(await periodWarnings(trx, current.householdId, slot.date)),
    ]
    const role = ctx.session.role
    return { appointment: forRole(role, appointment), warnings: warningsForRole(role, warnings) }
  })
}

export async function appointmentsByDay(ctx: ServiceContext, date: string): Promise<Appointment[]> {
  assertCounterDay(ctx, date)
  return (await listAppointments(ctx.db, { date })).map((a) => forRole(ctx.session.role, a))
}
