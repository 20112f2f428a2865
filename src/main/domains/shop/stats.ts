import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { addDays } from '../../../shared/dates'
import type { CountBy, Dashboard, ShopFigures, ShopStats } from '../../../shared/schemas/shop'
import { DAY_PARTS } from '../../../shared/schemas/common'
import type { Db, ServiceContext } from '../../context'
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
export function shopStats(
  ctx: ServiceContext,
  input: MethodParsed<'shop.stats'>,
): Promise<ShopStats> {
  return countShopStats(ctx.db, input, ctx.clock.now())
}

/** The figures themselves, on any connection: main's, or a worker's own (see stats-task.ts). */
export async function countShopStats(
  db: Db,
  input: MethodParsed<'shop.stats'>,
  now: Date,
): Promise<ShopStats> {
  const { from, to } = input
  const only = input.district ?? null

  // Per household seen around the period (its first and last visit are kept, migration 0008),
  // its visits in the period counted in the index on (household_id, date): ten years of visits
  // are counted in the index without reading each visit's household row.
  const visitsPerHousehold = db
    .selectFrom('householdVisitSpan as s')
    .innerJoin('household as h', 'h.id', 's.householdId')
    .select([
      district.as('d'),
      (eb) =>
        eb
          .selectFrom('visit as v')
          .select((e) => e.fn.countAll<number>().as('c'))
          .whereRef('v.householdId', '=', 's.householdId')
          .where('v.date', '>=', from)
          .where('v.date', '<=', to)
          .as('n'),
    ])
    .where('s.lastVisitOn', '>=', from)
    .where('s.firstVisitOn', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .as('x')
  const visits = await db
    .selectFrom(visitsPerHousehold)
    .select(['x.d', sql<number>`sum(x.n > 0)`.as('reached'), sql<number>`sum(x.n)`.as('visits')])
    .groupBy('x.d')
    // Households that came before and after the period but not in it give no district a row.
    .having(sql`sum(x.n)`, '>', 0)
    .execute()

  // The first visit ever of each household is kept beside it (migration 0008): the period's
  // new households are looked up by that day instead of grouping all visits of all years.
  const newHouseholds = await db
    .selectFrom('householdVisitSpan as f')
    .innerJoin('household as h', 'h.id', 'f.householdId')
    .select([district.as('d'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('f.firstVisitOn', '>=', from)
    .where('f.firstVisitOn', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy(district)
    .execute()

  // A member counts once when a visit of the household in the period fell in a year in which
  // the member was 0 to 17 (visit year minus birth year; a child born later is not yet
  // counted). Asked per member as "is there such a visit", answered from the household's visits
  // in the index on (household_id, date), so the work follows the households seen in the period,
  // not every visit times every member. Year Y runs from 'Y-01-01' to 'Y-12-31' in ISO dates.
  const children = await db
    .selectFrom('householdVisitSpan as s')
    .innerJoin('household as h', 'h.id', 's.householdId')
    .select([
      district.as('d'),
      // Per household, so SQLite reads members through member_household, never the whole table.
      sql<number>`sum((select count(*) from member m where m.household_id = s.household_id
        and exists (select 1 from visit v where v.household_id = s.household_id
          and v.date >= max(${from}, printf('%04d-01-01', m.birth_year))
          and v.date <= min(${to}, printf('%04d-12-31', m.birth_year + 17)))))`.as('n'),
    ])
    .where('s.lastVisitOn', '>=', from)
    .where('s.firstVisitOn', '<=', to)
    .$if(only !== null, (q) => q.where(sameDistrict(only)))
    .groupBy(district)
    .execute()

  // Counted per household in the index on (date, status, household_id) first, then per
  // district: one household row read per family rather than one per appointment.
  const appointmentsPerHousehold = db
    .selectFrom('appointment as a')
    .select([
      'a.householdId',
      sql<number>`sum(a.status = 'came')`.as('came'),
      sql<number>`sum(a.status = 'no_show')`.as('noShow'),
    ])
    .where('a.date', '>=', from)
    .where('a.date', '<=', to)
    .groupBy('a.householdId')
    .as('x')
  const appointments = await db
    .selectFrom(appointmentsPerHousehold)
    .innerJoin('household as h', 'h.id', 'x.householdId')
    .select([
      district.as('d'),
      (eb) => eb.fn.sum<number>('x.came').as('came'),
      (eb) => eb.fn.sum<number>('x.noShow').as('noShow'),
    ])
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
  // A district whose households came before and after the period, not in it, has no row.
  for (const r of children) if (Number(r.n) > 0) at(r.d).childrenReached = Number(r.n)
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
    generatedAt: now.toISOString(),
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
