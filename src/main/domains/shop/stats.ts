import type { MethodParsed } from '../../../shared/api'
import { addDays } from '../../../shared/dates'
import type { Dashboard, ShopStats, ShopTotals } from '../../../shared/schemas/shop'
import { DAY_PARTS } from '../../../shared/schemas/common'
import type { ServiceContext } from '../../context'
import { getShopSettings, listAppointments } from './queries'
import { assertCounterDay, forRole } from './counter'
import { listSlots } from './appointments'
import { listExpiring } from './households'
import { callList, countCallList } from './call-list'
import { countShopStats, countShopTotals } from './stats-queries'

export {
  ACTIVE_MONTHS,
  VOLUNTEER_DAYS,
  countShopStats,
  countShopTotals,
  noShowRate,
  shareYes,
  shopStart,
} from './stats-queries'

/** The shop's figures for a period (definitions: `countShopStats`). */
export function shopStats(
  ctx: ServiceContext,
  input: MethodParsed<'shop.stats'>,
): Promise<ShopStats> {
  return countShopStats(ctx.db, input, ctx.clock.now())
}

/** `shop.totals` on main's connection (a short history; see stats-task.ts for a long one). */
export function shopTotals(
  ctx: ServiceContext,
  input: MethodParsed<'shop.totals'>,
): Promise<ShopTotals> {
  return countShopTotals(ctx.db, input, ctx.clock.now())
}

export async function shopDashboard(
  ctx: ServiceContext,
  input: MethodParsed<'shop.dashboard'>,
): Promise<Dashboard> {
  const date = input.date ?? ctx.clock.today()
  // The counter sees today's families by name; another day's list is the coordinator's.
  assertCounterDay(ctx, date)
  const settings = await getShopSettings(ctx.db)
  // The coming seven days, so on a Sunday the free places of next week show, not a past week.
  const weekFrom = date
  const weekTo = addDays(date, 6)
  // The counter sees today and the free places; who to invite or whose proof runs out (with
  // their phone numbers) is the coordinator's work, and is left out here, not just hidden.
  const counter = ctx.session.role === 'volunteer'
  const [appointments, todaySlots, weekSlots, expiring] = await Promise.all([
    listAppointments(ctx.db, { date }),
    listSlots(ctx.db, { from: date, to: date }, ctx.clock),
    listSlots(ctx.db, { from: weekFrom, to: weekTo }, ctx.clock),
    counter ? Promise.resolve([]) : listExpiring(ctx, settings.expiringWithinDays),
  ])
  const notSeenSince = addDays(ctx.clock.today(), -settings.inviteAfterDays)
  const [count, sample] = counter
    ? [0, []]
    : await Promise.all([
        countCallList(ctx, notSeenSince),
        callList(ctx, { notSeenSince, district: null }, 10),
      ])
  const today = DAY_PARTS.flatMap((part) => {
    const slot = todaySlots.find((s) => s.part === part)
    const list = appointments
      .filter((a) => a.part === part)
      .map((a) => forRole(ctx.session.role, a))
    return slot || list.length ? [{ part, capacity: slot?.capacity ?? 0, appointments: list }] : []
  })
  return {
    date,
    today,
    week: {
      from: weekFrom,
      to: weekTo,
      slots: weekSlots,
      // A half-day that is over has no places left to offer, whatever its count says.
      freeTotal: weekSlots
        .filter((s) => s.date >= ctx.clock.today() && !s.over)
        .reduce((n, s) => n + s.free, 0),
    },
    expiring,
    toInvite: { count, notSeenSince, sample },
  }
}
