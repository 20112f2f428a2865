/**
 * The rules for the counter (the volunteer role) that every path to the same data applies:
 * what it may open, change and read of a household, an appointment and a warning.
 */
import { AppError } from '../../../shared/errors'
import type { AppointmentStatus } from '../../../shared/schemas/shop'
import type { DayPart } from '../../../shared/schemas/common'
import type { Role } from '../../../shared/schemas/accounts'
import type { Warning } from '../../../shared/schemas/common'
import type { Db, ServiceContext } from '../../context'
import type { ShopSettings } from '../../../shared/schemas/shop'
import { getShopSettings, halfDayOver } from './queries'

/**
 * What the counter may see of an appointment: whether the family's right has run out, not the
 * date it runs to (with the eligibility term, that date gives away when the proof was seen).
 */
export function forRole<T extends { eligibleUntil: string | null }>(role: Role, row: T): T {
  return role === 'volunteer' ? { ...row, eligibleUntil: null } : row
}

/** Warnings as the counter may read them: an expired right without its date. */
export function warningsForRole(role: Role, warnings: Warning[]): Warning[] {
  return role === 'volunteer'
    ? warnings.map((w) =>
        w.key === 'eligibilityExpired' ? { key: 'eligibilityExpiredCounter' } : w,
      )
    : warnings
}

/**
 * The counter (a volunteer) works on today's appointments only: it checks families in or
 * undoes a mistake, but never cancels, never revives a cancelled booking and never touches
 * another day. One rule for every path that changes an appointment (check-in and visits).
 */
export function assertCounterMayChange(
  ctx: Pick<ServiceContext, 'clock' | 'session'>,
  current: { date: string; status: AppointmentStatus },
  next: AppointmentStatus,
): void {
  if (
    ctx.session.role === 'volunteer' &&
    (current.date !== ctx.clock.today() || next === 'cancelled' || current.status === 'cancelled')
  )
    throw new AppError({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
}

/** The counter reads the appointments (with names and notes) of today only. */
export function assertCounterDay(
  ctx: Pick<ServiceContext, 'clock' | 'session'>,
  date: string,
): void {
  if (ctx.session.role === 'volunteer' && date !== ctx.clock.today())
    throw new AppError({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
}

/**
 * A counter volunteer opens a household it found by a search on this screen within the last
 * hour, or one with an appointment today (the dashboard and the day list). Walking the ids
 * therefore lists nobody; staff open any household.
 */
export async function assertCounterMayOpen(
  ctx: Pick<ServiceContext, 'clock' | 'session'> & { db: Db },
  householdId: number,
): Promise<void> {
  if (ctx.session.role !== 'volunteer') return
  if (ctx.session.lookups?.has(householdId, ctx.clock.now().getTime())) return
  const today = await ctx.db
    .selectFrom('appointment')
    .select('id')
    .where('householdId', '=', householdId)
    .where('date', '=', ctx.clock.today())
    .executeTakeFirst()
  if (!today) throw new AppError({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
}

/** The admin's switches for the volunteer role (shop settings `volunteerMay*`). */
export type VolunteerRight = 'book' | 'recordConversation' | 'seeHistory'

const RIGHT_SETTING = {
  book: 'volunteerMayBook',
  recordConversation: 'volunteerMayRecordConversation',
  seeHistory: 'volunteerMaySeeHistory',
} as const satisfies Record<VolunteerRight, keyof ShopSettings>

/**
 * Whether the caller may do what the switch governs: staff always; a volunteer when the admin
 * has the switch on. Read from the database on every call, so a switch turned off holds at the
 * next call of every open session.
 */
export async function volunteerMay(
  ctx: Pick<ServiceContext, 'session'> & { db: Db },
  right: VolunteerRight,
): Promise<boolean> {
  if (ctx.session.role !== 'volunteer') return true
  const settings = await getShopSettings(ctx.db)
  return settings[RIGHT_SETTING[right]]
}

/** Refuses a volunteer what the admin has switched off (`FORBIDDEN`, `volunteerRightOff`). */
export async function assertVolunteerMay(
  ctx: Pick<ServiceContext, 'session'> & { db: Db },
  right: VolunteerRight,
): Promise<void> {
  if (!(await volunteerMay(ctx, right)))
    throw new AppError({ code: 'FORBIDDEN', key: 'volunteerRightOff', params: { right } })
}

/**
 * Booking, moving or cancelling for a household: a volunteer needs the admin's booking switch
 * and may only act for a household it may open (looked up on this screen, or here today), so
 * the free places never turn into a way to reach other families.
 */
export async function assertCounterMayBookFor(
  ctx: Pick<ServiceContext, 'clock' | 'session'> & { db: Db },
  householdId: number,
): Promise<void> {
  if (ctx.session.role !== 'volunteer') return
  await assertVolunteerMay(ctx, 'book')
  await assertCounterMayOpen(ctx, householdId)
}

/**
 * The counter's rule for a change of status (`appointments.setStatus`): cancelling, and booking
 * a cancelled appointment again, are bookings and need the booking switch (any day); every other
 * change stays today's only, as `assertCounterMayChange` says, whatever the switch.
 */
export async function assertCounterMaySetStatus(
  ctx: Pick<ServiceContext, 'clock' | 'session'> & { db: Db },
  current: { date: string; part: DayPart; status: AppointmentStatus; householdId: number },
  next: AppointmentStatus,
): Promise<void> {
  if (ctx.session.role !== 'volunteer') return
  // Only a coming appointment is cancelled as a booking: planned, on a half-day not over. One the
  // family kept or missed (also one still "planned" after its half-day, a no-show nobody marked)
  // belongs to the figures, so undoing it stays the coordinator's.
  const booking =
    (next === 'cancelled' &&
      current.status === 'planned' &&
      !halfDayOver(ctx.clock, current.date, current.part)) ||
    (current.status === 'cancelled' && next === 'planned')
  if (booking) await assertCounterMayBookFor(ctx, current.householdId)
  else assertCounterMayChange(ctx, current, next)
}

/** Parts of a household a counter volunteer does not see: removed here, not hidden on screen. */
export const COUNTER_HIDDEN_FIELDS = [
  'incomeSource',
  'maritalStatus',
  'referrer',
  'proofSeenOn',
  'notes',
] as const
