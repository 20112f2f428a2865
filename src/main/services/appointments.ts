import { AppError, conflict, notFound } from '../../shared/errors'
import { eligibilityExpired, eligibilityWarnings } from './households'
import type { MethodParsed } from '../../shared/api'
import { addDays, isoWeekday } from '../../shared/dates'
import type { Appointment, Slot, Warning } from '../../shared/types'
import type { Db, ServiceContext } from './context'
import { audit } from './audit'

const PART_ORDER = { morning: 0, afternoon: 1, evening: 2 } as const

function appointmentQuery(db: Db) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('slot as s', 's.id', 'a.slotId')
    .innerJoin('household as h', 'h.id', 'a.householdId')
    .leftJoin('visit as v', 'v.appointmentId', 'a.id')
    .select([
      'a.id',
      'a.slotId',
      's.date',
      's.part',
      'a.householdId',
      'h.reference as householdReference',
      'h.contactName',
      'a.status',
      'a.note',
      'h.eligibleUntil',
      'v.id as visitId',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number]

function toAppointment(r: Row): Appointment {
  return {
    ...r,
    visitId: r.visitId ?? null,
    eligibilityExpired: eligibilityExpired(r.eligibleUntil, r.date),
  }
}

export async function listAppointments(
  db: Db,
  filter: { householdId?: number; date?: string; id?: number },
): Promise<Appointment[]> {
  let q = appointmentQuery(db)
  if (filter.householdId !== undefined) q = q.where('a.householdId', '=', filter.householdId)
  if (filter.date !== undefined) q = q.where('s.date', '=', filter.date)
  if (filter.id !== undefined) q = q.where('a.id', '=', filter.id)
  const rows = await q.orderBy('s.date', 'desc').orderBy('h.contactName').execute()
  return rows
    .map(toAppointment)
    .sort((a, b) =>
      a.date !== b.date
        ? b.date.localeCompare(a.date)
        : PART_ORDER[a.part] - PART_ORDER[b.part] || a.contactName.localeCompare(b.contactName),
    )
}

async function loadAppointment(db: Db, id: number): Promise<Appointment> {
  const [a] = await listAppointments(db, { id })
  if (!a) throw notFound('appointment')
  return a
}

/** Appointment states as the audit log says them. */
export const STATUS_NL: Record<string, string> = {
  planned: 'gepland',
  came: 'gekomen',
  no_show: 'niet gekomen',
  cancelled: 'afgezegd',
}

export async function generateSlots(
  ctx: ServiceContext,
  input: MethodParsed<'slots.generate'>,
): Promise<{ created: number; skipped: number }> {
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

export async function listSlots(db: Db, input: { from: string; to: string }): Promise<Slot[]> {
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
      return { ...r, booked, free: Math.max(0, r.capacity - booked) }
    })
    .sort((a, b) => a.date.localeCompare(b.date) || PART_ORDER[a.part] - PART_ORDER[b.part])
}

interface SlotRow {
  id: number
  date: string
  capacity: number
}

/** The slot, or NOT_FOUND. */
export async function findSlot(trx: Db, id: number): Promise<SlotRow> {
  const slot = await trx
    .selectFrom('slot')
    .select(['id', 'date', 'capacity'])
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
    const [updated] = (await listSlots(trx, { from: slot.date, to: slot.date })).filter(
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
    const booked = await bookedIn(trx, slot.id)
    if (booked > 0) throw conflict('slotHasBookings', { booked })
    // Cancelled bookings go with it: they only recorded that nobody would come.
    await trx.deleteFrom('appointment').where('slotId', '=', slot.id).execute()
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

export async function bookAppointment(
  ctx: ServiceContext,
  input: MethodParsed<'appointments.book'>,
): Promise<{ appointment: Appointment; warnings: Warning[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const slot = await findSlot(trx, input.slotId)
    const household = await trx
      .selectFrom('household')
      .select(['id', 'status', 'anonymisedAt'])
      .where('id', '=', input.householdId)
      .executeTakeFirst()
    if (!household) throw notFound('household')
    if (household.anonymisedAt) throw conflict('householdAnonymised')
    await assertBookable(trx, slot, household.id)
    const { id } = await trx
      .insertInto('appointment')
      .values({
        slotId: slot.id,
        householdId: household.id,
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
      householdId: household.id,
      fields: input.note ? ['slotId', 'note'] : ['slotId'],
    })
    const appointment = await loadAppointment(trx, id)
    const warnings = eligibilityWarnings(appointment.eligibleUntil, appointment.date)
    if (household.status === 'inactive') warnings.push({ key: 'householdInactive' })
    return { appointment, warnings }
  })
}

export async function setAppointmentStatus(
  ctx: ServiceContext,
  input: MethodParsed<'appointments.setStatus'>,
): Promise<{ appointment: Appointment; warnings: Warning[] }> {
  const today = ctx.clock.today()
  return ctx.db.transaction().execute(async (trx) => {
    const current = await loadAppointment(trx, input.appointmentId)
    // The counter checks today's families in (or undoes a mistake); cancelling and other days
    // are the coordinator's.
    if (
      ctx.session.role === 'volunteer' &&
      (current.date !== today || input.status === 'cancelled' || current.status === 'cancelled')
    )
      throw new AppError({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    if (current.visitId !== null && input.status !== 'came') throw conflict('visitRegistered')
    if ((input.status === 'came' || input.status === 'no_show') && current.date > today)
      throw conflict('checkInFuture', { date: current.date })
    if (current.status === 'cancelled' && input.status !== 'cancelled') {
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
      detail: `${STATUS_NL[current.status]} → ${STATUS_NL[input.status]}`,
    })
    const appointment = await loadAppointment(trx, input.appointmentId)
    const warnings =
      input.status === 'came'
        ? eligibilityWarnings(appointment.eligibleUntil, appointment.date)
        : []
    return { appointment, warnings }
  })
}

export async function appointmentsByDay(ctx: ServiceContext, date: string): Promise<Appointment[]> {
  return listAppointments(ctx.db, { date })
}
