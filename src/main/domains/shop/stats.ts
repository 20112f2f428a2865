import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { addDays } from '../../../shared/dates'
import type { CountBy, Dashboard, ShopFigures, ShopStats } from '../../../shared/schemas/shop'
import { DAY_PARTS } from '../../../shared/schemas/common'
import type { ServiceContext } from '../../context'
import { getShopSettings, listAppointments, sameDistrict } from './queries'
import { assertCounterDay, forRole } from './counter'
import { listSlots } from './appointments'
import { listExpiring } from './households'
import { callList, countCallList } from './call-list'

const district = sql<string>`coalesce(h.district, '')`

function emptyFigures(): ShopFigures {
  return {
    householdsReached: 0,
    newHouseholds: 0,
    visits: 0,
    childrenReached: 0,
    appointmentsCame: 0,
    appointmentsNoShow: 0,
    noShowRate: null,
    referrals: [],
    topics: [],
  }
}

export function noShowRate(came: number, noShow: number): number | null {
  return came + noShow === 0 ? null : noShow / (came + noShow)
}

function addCount(list: CountBy[], key: string, count: number): void {
  const found = list.find((c) => c.key === key)
  if (found) found.count += count
  else list.push({ key, count })
}

/**
 * The shop's figures for a period, counted in SQL, per district and in total. Definitions (the
 * report prints them): households reached = distinct households with a visit in the period; new
 * households = households whose first visit ever lies in the period; visits = visits in the
 * period; children reached = distinct members under 18 (visit year minus birth year) on the date
 * of a visit in the period; no-show rate = no-shows / (came + no-shows) among appointments in
 * the period; referrals and topics = those of intakes dated in the period. A household counts in
 * the district it has now.
 */
export async function shopStats(
  ctx: ServiceContext,
  input: MethodParsed<'shop.stats'>,
): Promise<ShopStats> {
  const { from, to } = input
  const db = ctx.db
  const only = input.district ?? null

  const visits = await db
    .selectFrom('visit as v')
    .innerJoin('household as h', 'h.id', 'v.householdId')
    .select([
      district.as('d'),
      (eb) => eb.fn.count<number>('v.householdId').distinct().as('reached'),
      (eb) => eb.fn.countAll<number>().as('visits'),
    ])
    .where('v.date', '>=', from)
    .where('v.date', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy(district)
    .execute()

  const firstVisits = db
    .selectFrom('visit')
    .select(['visit.householdId', (eb) => eb.fn.min('visit.date').as('first')])
    .groupBy('visit.householdId')
    .as('f')
  const newHouseholds = await db
    .selectFrom(firstVisits)
    .innerJoin('household as h', 'h.id', 'f.householdId')
    .select([district.as('d'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('f.first', '>=', from)
    .where('f.first', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy(district)
    .execute()

  const children = await db
    .selectFrom('visit as v')
    .innerJoin('member as m', 'm.householdId', 'v.householdId')
    .innerJoin('household as h', 'h.id', 'v.householdId')
    .select([district.as('d'), sql<number>`count(distinct m.id)`.as('n')])
    .where('v.date', '>=', from)
    .where('v.date', '<=', to)
    // Age by years: 0 to 17 in the year of the visit (a child born later is not yet counted).
    .where(sql<boolean>`cast(substr(v.date, 1, 4) as integer) - m.birth_year between 0 and 17`)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy(district)
    .execute()

  const appointments = await db
    .selectFrom('appointment as a')
    .innerJoin('household as h', 'h.id', 'a.householdId')
    .select([
      district.as('d'),
      sql<number>`sum(case when a.status = 'came' then 1 else 0 end)`.as('came'),
      sql<number>`sum(case when a.status = 'no_show' then 1 else 0 end)`.as('noShow'),
    ])
    .where('a.date', '>=', from)
    .where('a.date', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy(district)
    .execute()

  const referrals = await db
    .selectFrom('intakeReferral as r')
    .innerJoin('intake as i', 'i.id', 'r.intakeId')
    .innerJoin('household as h', 'h.id', 'i.householdId')
    .innerJoin('listItem as l', 'l.id', 'r.destinationId')
    .select([district.as('d'), 'l.name as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('i.date', '>=', from)
    .where('i.date', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy([district, 'l.name'])
    .execute()

  const topics = await db
    .selectFrom('intakeTopic as t')
    .innerJoin('intake as i', 'i.id', 't.intakeId')
    .innerJoin('household as h', 'h.id', 'i.householdId')
    .innerJoin('listItem as l', 'l.id', 't.topicId')
    .select([district.as('d'), 'l.name as key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('i.date', '>=', from)
    .where('i.date', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy([district, 'l.name'])
    .execute()

  // Each household has one district, so per-district counts add up to the totals.
  const byDistrict = new Map<string, ShopFigures>()
  const at = (d: string): ShopFigures => {
    let f = byDistrict.get(d)
    if (!f) byDistrict.set(d, (f = emptyFigures()))
    return f
  }
  for (const r of visits) {
    at(r.d).householdsReached = Number(r.reached)
    at(r.d).visits = Number(r.visits)
  }
  for (const r of newHouseholds) at(r.d).newHouseholds = Number(r.n)
  for (const r of children) at(r.d).childrenReached = Number(r.n)
  for (const r of appointments) {
    at(r.d).appointmentsCame = Number(r.came ?? 0)
    at(r.d).appointmentsNoShow = Number(r.noShow ?? 0)
  }
  for (const r of referrals) addCount(at(r.d).referrals, r.key, Number(r.n))
  for (const r of topics) addCount(at(r.d).topics, r.key, Number(r.n))

  const total = emptyFigures()
  for (const f of byDistrict.values()) {
    f.noShowRate = noShowRate(f.appointmentsCame, f.appointmentsNoShow)
    total.householdsReached += f.householdsReached
    total.newHouseholds += f.newHouseholds
    total.visits += f.visits
    total.childrenReached += f.childrenReached
    total.appointmentsCame += f.appointmentsCame
    total.appointmentsNoShow += f.appointmentsNoShow
    f.referrals.forEach((c) => addCount(total.referrals, c.key, c.count))
    f.topics.forEach((c) => addCount(total.topics, c.key, c.count))
    f.referrals.sort(byCount)
    f.topics.sort(byCount)
  }
  total.noShowRate = noShowRate(total.appointmentsCame, total.appointmentsNoShow)
  total.referrals.sort(byCount)
  total.topics.sort(byCount)

  return {
    ...total,
    period: { from, to },
    district: only,
    byDistrict: [...byDistrict.entries()]
      .map(([d, f]) => ({ district: d, ...f }))
      .sort((a, b) => a.district.localeCompare(b.district, 'nl')),
    generatedAt: ctx.clock.now().toISOString(),
  }
}

function byCount(a: CountBy, b: CountBy): number {
  return b.count - a.count || a.key.localeCompare(b.key, 'nl')
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
