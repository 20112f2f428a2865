/**
 * The shop's figures, counted in SQL: the reads other files may import (the shop's screens and
 * the subsidy report). Imports only the database schema, the context, the clock and src/shared
 * (the lint rule for every `queries.ts`).
 */
import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { addDays, addMonths } from '../../../shared/dates'
import type {
  AnswerCount,
  CountBy,
  ShopFigures,
  ShopStats,
  ShopTotals,
} from '../../../shared/schemas/shop'
import { inArea } from '../../db/areas'
import type { Db } from '../../context'
import { startOfDayInZone } from '../../clock'
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
    intakes: 0,
    debts: emptyAnswers(),
    multipleProblems: emptyAnswers(),
  }
}

function emptyAnswers(): AnswerCount {
  return { yes: 0, no: 0, unknown: 0, shareYes: null }
}

/** yes / (yes + no): the share of yes among the intakes where the answer is known. */
export function shareYes(a: Pick<AnswerCount, 'yes' | 'no'>): number | null {
  return a.yes + a.no === 0 ? null : a.yes / (a.yes + a.no)
}

function addAnswers(into: AnswerCount, a: AnswerCount): void {
  into.yes += a.yes
  into.no += a.no
  into.unknown += a.unknown
}

export function noShowRate(came: number, noShow: number): number | null {
  return came + noShow === 0 ? null : noShow / (came + noShow)
}

function addCount(list: CountBy[], key: string, intakes: number, visits: number): void {
  let found = list.find((c) => c.key === key)
  if (!found) list.push((found = { key, intakes: 0, visits: 0, total: 0 }))
  found.intakes += intakes
  found.visits += visits
  found.total += intakes + visits
}

/** The calendar year a period lies in, or null when it runs into another year. */
export function yearOfPeriod(from: string, to: string): number | null {
  return from.slice(0, 4) === to.slice(0, 4) ? Number(from.slice(0, 4)) : null
}

type Reach = {
  d: string
  reached: number
  visits: number
  children: number
  people: number
  female: number
  male: number
}

/** A row of the reach queries with every count as a number. */
function reachOf(r: Reach): Reach {
  return {
    d: r.d,
    reached: Number(r.reached),
    visits: Number(r.visits),
    children: Number(r.children),
    people: Number(r.people),
    female: Number(r.female),
    male: Number(r.male),
  }
}

/**
 * Households reached, visits, children and people of a period inside one calendar year, per
 * district, read from the year rows kept per household (migration 0027). A household whose first
 * and last visit of the year both lie in the period has all that year's visits in it (so for a
 * whole year, every household); the others are counted in the index on (household_id, date).
 * Every visit in the year falls in the same visit year, so the year row's children (born in it or
 * in the 17 years before) are those who were 0 to 17 at a visit in the period (visit year minus
 * birth year); people and gender are the members the household has now.
 */
async function reachInYear(
  db: Db,
  year: number,
  from: string,
  to: string,
  only: string | null,
): Promise<Reach[]> {
  const rows = await sql<Reach>`
    select coalesce(y.district, '') as d, count(*) as reached, sum(y.n) as visits,
      sum(y.children) as children, sum(y.people) as people, sum(y.female) as female,
      sum(y.male) as male
    from (
      select hy.district, hy.children, hy.people, hy.female, hy.male,
        case when hy.first_visit_on >= ${from} and hy.last_visit_on <= ${to} then hy.visits
          else (select count(*) from visit v where v.household_id = hy.household_id
            and v.date >= ${from} and v.date <= ${to}) end as n
      from household_year hy
      where hy.year = ${year} and hy.visits > 0
        and hy.last_visit_on >= ${from} and hy.first_visit_on <= ${to}
        and ${inArea('hy.district', only)}
    ) y
    where y.n > 0
    group by 1`.execute(db)
  return rows.rows.map(reachOf)
}

/**
 * Households reached, visits and children of a period over two or more calendar years, per
 * district, from the year rows kept per household (migration 0027): each year's row gives its
 * visits in the period (all of them, or counted in the index on (household_id, date) for a year
 * the period cuts), a household counts once over its years, and a member counts once as a child
 * when the household came in a year in which the member was 0 to 17 (visit year minus birth
 * year). For a household seen in one year only that year's kept children are those.
 */
async function reachOverYears(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<Reach[]> {
  const rows = await sql<Reach>`
    with p as materialized (
      select hy.year, hy.household_id, hy.district, hy.children, hy.people, hy.female, hy.male,
        case when hy.first_visit_on >= ${from} and hy.last_visit_on <= ${to} then hy.visits
          else (select count(*) from visit v where v.household_id = hy.household_id
            and v.date >= max(${from}, printf('%04d-01-01', hy.year))
            and v.date <= min(${to}, printf('%04d-12-31', hy.year))) end as n
      from household_year hy
      where hy.year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
        and hy.visits > 0 and hy.last_visit_on >= ${from} and hy.first_visit_on <= ${to}
        and ${inArea('hy.district', only)}
    ),
    q as (
      select household_id, max(district) as district, sum(n) as n, count(*) as years,
        max(children) as children, max(people) as people, max(female) as female,
        max(male) as male
      from p where n > 0
      group by household_id
    )
    select coalesce(q.district, '') as d, count(*) as reached, sum(q.n) as visits,
      sum(case when q.years = 1 then q.children else (
        select count(*) from member m where m.household_id = q.household_id and exists (
          select 1 from p where p.household_id = q.household_id and p.n > 0
            and m.birth_year between p.year - 17 and p.year)) end) as children,
      sum(q.people) as people, sum(q.female) as female, sum(q.male) as male
    from q
    group by 1`.execute(db)
  return rows.rows.map(reachOf)
}

/**
 * Households reached, visits, children and people of a period per district, from the kept year
 * rows: `reachInYear` for a period inside one year, `reachOverYears` for a longer one. Both give
 * the figures a plain count by the definitions gives (tests/integration/household-year.test.ts).
 */
export async function reachByDistrict(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<Reach[]> {
  if (from > to) return []
  const year = yearOfPeriod(from, to)
  return year !== null ? reachInYear(db, year, from, to, only) : reachOverYears(db, from, to, only)
}

/**
 * The referrals or topics of the visits dated in a period, per district and destination or topic.
 *
 * A period inside one calendar year reads the rows kept per household, year and item (migration
 * 0029) beside the year rows (migration 0027): a household whose first and last visit of the
 * year lie in the period brings its year's rows whole (for a whole year, every household); the
 * others are counted from their visits in the period, in the index on (household_id, date).
 *
 * A longer period reads the rows as a range of visit ids instead of one probe per visit: from the
 * first to the last id of the period's visits (visits are registered on their day, so that range
 * is about the period), each row's visit then checked for its date. A visit outside the period
 * inside the range is left out by that check, and none of the period lies outside the range, so
 * the counts are exact whatever order the ids have.
 */
async function visitRows(
  db: Db,
  kind: 'referral' | 'topic',
  from: string,
  to: string,
  only: string | null,
): Promise<{ d: string; key: string; n: number }[]> {
  const year = yearOfPeriod(from, to)
  const [rows, named, item] =
    kind === 'referral'
      ? [sql`visit_referral`, sql`partner`, sql`r.destination_id`]
      : [sql`visit_topic`, sql`list_item`, sql`r.topic_id`]
  if (year !== null) {
    const inside = sql`hy.first_visit_on >= ${from} and hy.last_visit_on <= ${to}`
    const inYear = sql`hy.year = ${year} and hy.visits > 0
      and ${inArea('hy.district', only)}`
    // The kept rows in the order of their key (the year's rows of one kind lie together), each
    // with its household's year row; summed per district and item id first (a few hundred
    // groups), then named: a name looked up per group rather than per row. Whichever side has
    // fewer rows leads, the other is sought per row: a year has about twice as many topic rows as
    // households with visits, and about half as many referral rows.
    const keptRows =
      kind === 'topic'
        ? sql`household_year hy
          cross join household_year_item hi indexed by sqlite_autoindex_household_year_item_1
            on hi.year = hy.year and hi.kind = ${kind} and hi.household_id = hy.household_id`
        : sql`household_year_item hi
          cross join household_year hy on hy.year = hi.year and hy.household_id = hi.household_id`
    const kept = await sql<{ d: string; key: string; n: number }>`
      select x.d, p.name as key, sum(x.n) as n
      from (
        select d, item, sum(n) as n from (
          select coalesce(hy.district, '') as d, hi.item_id as item, hi.n as n
          from ${keptRows}
          where hi.year = ${year} and hi.kind = ${kind} and ${inYear} and ${inside}
          union all
          select coalesce(hy.district, ''), ${item}, 1
          from household_year hy
          cross join visit v indexed by visit_household_date on v.household_id = hy.household_id
            and v.date >= ${from} and v.date <= ${to}
          cross join ${rows} r on r.visit_id = v.id
          where ${inYear} and hy.last_visit_on >= ${from} and hy.first_visit_on <= ${to}
            and not (${inside})
        )
        group by 1, 2
      ) x
      cross join ${named} p on p.id = x.item
      group by 1, 2`.execute(db)
    return kept.rows
  }
  // The rows first, in visit id order (a cross join keeps SQLite to that order: started from the
  // households it would probe every visit of the period for its rows).
  const result = await sql<{ d: string; key: string; n: number }>`
    select coalesce(h.district, '') as d, p.name as key, count(*) as n
    from ${rows} r
    cross join visit v on v.id = r.visit_id
    cross join household h on h.id = v.household_id
    cross join ${named} p on p.id = ${item}
    where r.visit_id >= (${firstVisitId(db, from, to)}) and r.visit_id <= (${lastVisitId(db, from, to)})
      and v.date >= ${from} and v.date <= ${to}
      and ${inArea('h.district', only)}
    group by 1, 2`.execute(db)
  return result.rows
}

/**
 * Appointments come to and missed in a period, per district (a district with neither gives no
 * row), from the kept year rows (migration 0027): a household whose first and last such
 * appointment of a year lie in the period brings that year's counts, the others are counted in
 * the index on (household_id, status, date).
 */
async function appointmentsByDistrict(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<{ d: string; came: number; noShow: number }[]> {
  if (from > to) return []
  // A year the period cuts is counted in the index on (household_id, status, date).
  const count = (status: string) =>
    sql`(select count(*) from appointment a where a.household_id = hy.household_id
      and a.status = ${status} and a.date >= max(${from}, printf('%04d-01-01', hy.year))
      and a.date <= min(${to}, printf('%04d-12-31', hy.year)))`
  const inside = sql`hy.first_appointment_on >= ${from} and hy.last_appointment_on <= ${to}`
  const rows = await sql<{ d: string; came: number; noShow: number }>`
    select coalesce(y.district, '') as d, sum(y.came) as came, sum(y.no_show) as "noShow"
    from (
      select hy.district,
        case when ${inside} then hy.came else ${count('came')} end as came,
        case when ${inside} then hy.no_show else ${count('no_show')} end as no_show
      from household_year hy
      where hy.year between ${Number(from.slice(0, 4))} and ${Number(to.slice(0, 4))}
        and hy.came + hy.no_show > 0
        and hy.last_appointment_on >= ${from} and hy.first_appointment_on <= ${to}
        and ${inArea('hy.district', only)}
    ) y
    group by 1
    having sum(y.came) + sum(y.no_show) > 0`.execute(db)
  return rows.rows.map((r) => ({ d: r.d, came: Number(r.came), noShow: Number(r.noShow) }))
}

/**
 * The shop's figures for a period, counted in SQL, per district and in total. Definitions (the
 * report prints them): households reached = distinct households with a visit in the period; new
 * households = households whose first visit ever lies in the period; visits = visits in the
 * period; children reached = distinct members under 18 (visit year minus birth year) on the date
 * of a visit in the period; no-show rate = no-shows / (came + no-shows) among appointments in
 * the period; referrals and topics = per destination / topic, those of intakes dated in the
 * period, those of visits dated in the period, and the two together; intakes = intakes dated in
 * the period, with how many said yes / no / unknown to debts and to multiple problems and the
 * share of yes among those known. A household counts in the district it has now.
 */
/** The figures themselves, on any connection: main's, or a worker's own (see stats-task.ts). */
export async function countShopStats(
  db: Db,
  input: MethodParsed<'shop.stats'>,
  now: Date,
): Promise<ShopStats> {
  const { from, to } = input
  const only = input.district ?? null

  const reach = await reachByDistrict(db, from, to, only)
  // The first visit ever of each household is kept beside it (migration 0008): the period's
  // new households are looked up by that day instead of grouping all visits of all years.
  // The period's first visits lead (a few hundred of eight thousand households), each with its
  // district from the narrow index on (id, district) (migration 0038).
  const newHouseholds = (
    await sql<{ d: string; n: number }>`
      select ${district} as d, count(*) as n
      from household_visit_span f indexed by household_visit_span_first
        cross join household h indexed by household_id_district on h.id = f.household_id
      where f.first_visit_on >= ${from} and f.first_visit_on <= ${to}
        and ${inArea('h.district', only)}
      group by 1`.execute(db)
  ).rows
  const appointments = await appointmentsByDistrict(db, from, to, only)

  // Referrals and topics of intakes and of visits dated in the period. Intakes are few: their
  // rows are looked up from the period's intakes; those of visits: `visitRows`.
  // The period's intakes lead (the index on (date, household_id, ...)), each household's district
  // from the narrow index on (id, district) (migration 0038), named by the small lists.
  const ofIntakes = sql`intake i indexed by intake_date_household
    cross join household h indexed by household_id_district on h.id = i.household_id`
  const inPeriod = sql`i.date >= ${from} and i.date <= ${to} and ${inArea('h.district', only)}`
  const intakeReferrals = (
    await sql<{ d: string; key: string; n: number }>`
      select ${district} as d, p.name as key, count(*) as n
      from ${ofIntakes}
        join intake_referral r indexed by intake_referral_intake on r.intake_id = i.id
        join partner p on p.id = r.destination_id
      where ${inPeriod}
      group by 1, p.name`.execute(db)
  ).rows
  const visitReferrals = await visitRows(db, 'referral', from, to, only)
  const intakeTopics = (
    await sql<{ d: string; key: string; n: number }>`
      select ${district} as d, l.name as key, count(*) as n
      from ${ofIntakes}
        join intake_topic t on t.intake_id = i.id
        join list_item l on l.id = t.topic_id
      where ${inPeriod}
      group by 1, l.name`.execute(db)
  ).rows
  const visitTopics = await visitRows(db, 'topic', from, to, only)

  // The intake's yes / no / unknown questions, among intakes dated in the period.
  const answers = (
    await sql<{
      d: string
      n: number
      debtsYes: number
      debtsNo: number
      problemsYes: number
      problemsNo: number
    }>`
      select ${district} as d, count(*) as n,
        sum(i.debts = 'yes') as "debtsYes", sum(i.debts = 'no') as "debtsNo",
        sum(i.multiple_problems = 'yes') as "problemsYes",
        sum(i.multiple_problems = 'no') as "problemsNo"
      from ${ofIntakes}
      where ${inPeriod}
      group by 1`.execute(db)
  ).rows

  // Each household has one district, so per-district counts add up to the totals.
  const byDistrict = new Map<string, ShopFigures>()
  const at = (d: string): ShopFigures => {
    let f = byDistrict.get(d)
    if (!f) byDistrict.set(d, (f = emptyFigures()))
    return f
  }
  // A district whose households came before and after the period, not in it, has no row.
  for (const r of reach) {
    at(r.d).householdsReached = r.reached
    at(r.d).visits = r.visits
    at(r.d).childrenReached = r.children
  }
  for (const r of newHouseholds) at(r.d).newHouseholds = Number(r.n)
  for (const r of appointments) {
    at(r.d).appointmentsCame = r.came
    at(r.d).appointmentsNoShow = r.noShow
  }
  for (const r of intakeReferrals) addCount(at(r.d).referrals, r.key, Number(r.n), 0)
  for (const r of visitReferrals) addCount(at(r.d).referrals, r.key, 0, Number(r.n))
  for (const r of intakeTopics) addCount(at(r.d).topics, r.key, Number(r.n), 0)
  for (const r of visitTopics) addCount(at(r.d).topics, r.key, 0, Number(r.n))
  for (const r of answers) {
    const f = at(r.d)
    const n = Number(r.n)
    f.intakes = n
    const [dy, dn, py, pn] = [r.debtsYes, r.debtsNo, r.problemsYes, r.problemsNo].map(Number)
    f.debts = { yes: dy, no: dn, unknown: n - dy - dn, shareYes: null }
    f.multipleProblems = { yes: py, no: pn, unknown: n - py - pn, shareYes: null }
  }

  const total = emptyFigures()
  for (const f of byDistrict.values()) {
    f.noShowRate = noShowRate(f.appointmentsCame, f.appointmentsNoShow)
    total.householdsReached += f.householdsReached
    total.newHouseholds += f.newHouseholds
    total.visits += f.visits
    total.childrenReached += f.childrenReached
    total.appointmentsCame += f.appointmentsCame
    total.appointmentsNoShow += f.appointmentsNoShow
    total.intakes += f.intakes
    addAnswers(total.debts, f.debts)
    addAnswers(total.multipleProblems, f.multipleProblems)
    f.debts.shareYes = shareYes(f.debts)
    f.multipleProblems.shareYes = shareYes(f.multipleProblems)
    f.referrals.forEach((c) => addCount(total.referrals, c.key, c.intakes, c.visits))
    f.topics.forEach((c) => addCount(total.topics, c.key, c.intakes, c.visits))
    f.referrals.sort(byCount)
    f.topics.sort(byCount)
  }
  total.noShowRate = noShowRate(total.appointmentsCame, total.appointmentsNoShow)
  total.debts.shareYes = shareYes(total.debts)
  total.multipleProblems.shareYes = shareYes(total.multipleProblems)
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
  return b.total - a.total || a.key.localeCompare(b.key, 'nl')
}

/** Months of visits that make a household "active" on a date (`shop.totals`). */
export const ACTIVE_MONTHS = 12
/** Days up to a date in which a volunteer's login counts them as working there. */
export const VOLUNTEER_DAYS = 28

/**
 * The shop's first day with a visit or an intake, of any district, if it lies on or before
 * `upTo`. Two seeks at the start of an index: the kept first visits (migration 0008) and the
 * intakes by date.
 */
export async function shopStart(db: Db, upTo: string): Promise<string | null> {
  const visit = await db
    .selectFrom('householdVisitSpan')
    .select((eb) => eb.fn.min<string | null>('firstVisitOn').as('d'))
    .executeTakeFirst()
  const intake = await db
    .selectFrom('intake')
    .select((eb) => eb.fn.min<string | null>('date').as('d'))
    .executeTakeFirst()
  const days = [visit?.d, intake?.d].filter((d): d is string => !!d && d <= upTo).sort()
  return days[0] ?? null
}

/**
 * The figures "since the start" and "on a date" (definitions on `ShopTotals`, in the README and
 * on the screen). Since the start the households reached, visits and children are those of
 * `shop.stats` over the period from the start to the date, counted by the same queries.
 * Anonymised households count as every report counts them: anonymising keeps past figures as
 * they were (retention), and a family anonymised for want of contact has no visit in the
 * 12 months before today anyway.
 */
export async function countShopTotals(
  db: Db,
  input: MethodParsed<'shop.totals'>,
  now: Date,
): Promise<ShopTotals> {
  const { date } = input
  const only = input.district ?? null
  const start = await shopStart(db, date)

  const sinceStart: ShopTotals['sinceStart'] = {
    householdsReached: 0,
    newHouseholds: 0,
    visits: 0,
    childrenReached: 0,
    intakes: 0,
  }
  if (start !== null) {
    for (const r of await reachByDistrict(db, start, date, only)) {
      sinceStart.householdsReached += r.reached
      sinceStart.visits += r.visits
      sinceStart.childrenReached += r.children
    }
    // Read from the index on (date, household_id) alone unless a district needs the household.
    const intakes = await db
      .selectFrom('intake as i')
      .select([
        (eb) => eb.fn.countAll<number>().as('intakes'),
        (eb) => eb.fn.count<number>('i.householdId').distinct().as('households'),
      ])
      .where('i.date', '>=', start)
      .where('i.date', '<=', date)
      .$if(only !== null, (q) =>
        q.innerJoin('household as h', 'h.id', 'i.householdId').where(inArea('h.district', only)),
      )
      .executeTakeFirst()
    sinceStart.intakes = Number(intakes?.intakes ?? 0)
    sinceStart.newHouseholds = Number(intakes?.households ?? 0)
  }

  const activeFrom = addDays(addMonths(date, -ACTIVE_MONTHS), 1)
  const active = await reachByDistrict(db, activeFrom, date, only)

  // Logins and unlocks by the role the account had then, from the index on (action, at); the
  // four weeks run from midnight in the shop's time zone, as its days do.
  const volunteersFrom = addDays(date, 1 - VOLUNTEER_DAYS)
  const volunteers = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.count<number>('userId').distinct().as('n'))
    .where('action', 'in', ['login', 'unlock'])
    .where('at', '>=', startOfDayInZone(volunteersFrom).toISOString())
    .where('at', '<', startOfDayInZone(addDays(date, 1)).toISOString())
    .where('role', '=', 'volunteer')
    .executeTakeFirst()

  return {
    date,
    district: only,
    start,
    sinceStart,
    onDate: {
      activeFrom,
      activeHouseholds: active.reduce((n, r) => n + r.reached, 0),
      volunteersFrom,
      volunteers: Number(volunteers?.n ?? 0),
    },
    generatedAt: now.toISOString(),
  }
}

/** The lowest id among the visits dated in the period (a subquery; null when there are none). */
function firstVisitId(db: Db, from: string, to: string) {
  return db
    .selectFrom('visit')
    .select((eb) => eb.fn.min<number>('id').as('id'))
    .where('date', '>=', from)
    .where('date', '<=', to)
}

/** The highest id among the visits dated in the period (a subquery; null when there are none). */
function lastVisitId(db: Db, from: string, to: string) {
  return db
    .selectFrom('visit')
    .select((eb) => eb.fn.max<number>('id').as('id'))
    .where('date', '>=', from)
    .where('date', '<=', to)
}

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  return addMonths(`${month}-01`, 1).slice(0, 7)
}

/** Visits per calendar month (`YYYY-MM`) of the period, for the report's chart. */
export async function visitsPerMonth(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<{ month: string; visits: number }[]> {
  if (only === null) {
    // One count per month in the index on (date, household_id), without sorting the period's
    // visits by month. A month runs from 'YYYY-MM-01' to 'YYYY-MM-31' in ISO dates.
    const out: { month: string; visits: number }[] = []
    for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
      const first = `${month}-01` < from ? from : `${month}-01`
      const last = `${month}-31` > to ? to : `${month}-31`
      const r = await db
        .selectFrom('visit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('date', '>=', first)
        .where('date', '<=', last)
        .executeTakeFirst()
      if (Number(r?.n ?? 0) > 0) out.push({ month, visits: Number(r?.n) })
    }
    return out
  }
  // An area counts itself and every area under it, as every report figure does. The period's
  // visits lead (the index on (date, household_id)); each household's district comes from the
  // narrow index on (id, district) (migration 0038).
  const rows = await sql<{ month: string; n: number }>`
    select substr(v.date, 1, 7) as month, count(*) as n
    from visit v indexed by visit_date_household
      cross join household h indexed by household_id_district on h.id = v.household_id
    where v.date >= ${from} and v.date <= ${to} and ${inArea('h.district', only)}
    group by 1`.execute(db)
  return rows.rows.map((r) => ({ month: r.month, visits: Number(r.n) }))
}

export interface PeopleReached {
  /** Members of the households with a visit in the period. */
  people: number
  /** Of them, per gender as recorded with the member. */
  gender: { f: number; m: number; x: number }
}

/**
 * The people in the households reached in a period, by gender (the children among them are
 * `childrenReached`, counted once by `countShopStats`). The members a
 * household has now count: the app keeps no history of who lived in a household. Anonymising a
 * household keeps its members' gender, and their birth year wherever it decides whether they
 * were a child at a visit, so these counts stay as they were.
 */
export async function countPeopleReached(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<PeopleReached> {
  const rows = await reachByDistrict(db, from, to, only)
  const sum = (k: 'people' | 'female' | 'male') => rows.reduce((n, r) => n + r[k], 0)
  const people = sum('people')
  const [f, m] = [sum('female'), sum('male')]
  return { people, gender: { f, m, x: people - f - m } }
}
