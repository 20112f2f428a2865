/**
 * The subsidy report's part of `--scale=large` (issue 15): the activities register over all the
 * seed's years (three weekly groups and the residents' initiatives, about 150 activities a
 * year), the information-and-advice tally on about half the days the shop was open (some 150 a
 * year at full size), and each subsidy year's targets, set in January. Written with prepared
 * statements as the rest of the large seed is; each row gets the audit entry the app would have
 * made, pushed into the large seed's own list of events so the chain stays in time order. The
 * targets' values are counted once everything else is written (`writeLargeTargets`); their
 * entries, which name the figures and not the values, are planned with the rest.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { filledFields } from '../src/main/domains/audit/audit'
import { addDays, daysBetween } from '../src/shared/dates'
import {
  OFF_TARGET,
  TARGET_KEYS,
  WEEKLY,
  planActivities,
  roundTarget,
  type ActivitiesRng,
  type WeeklyGroup,
} from './demo-activities'

/** The tables written here, for the large seed's list of tables whose indexes wait. */
export const LARGE_ACTIVITY_TABLES = ['activity', 'advice_tally']

/** An audit entry as the large seed collects them (scripts/demo-large.ts `AuditEvent`). */
export interface LargeActivityEvent {
  at: string
  seq: number
  actor: 'admin' | 'coordinator'
  action: 'create' | 'settings_change'
  entityType: string
  entity: number
  household: null
  subject: null
  fields: string
  detail: null
}

export interface LargeActivitiesSummary {
  activities: number
  adviceDays: number
  adviceContacts: number
}

/** A subsidy year whose targets the admin set, and when. */
export interface LargeTargetYear {
  year: number
  at: string
}

/** A busy organisation runs a language café in the village as well. */
const LARGE_WEEKLY: readonly WeeklyGroup[] = [
  ...WEEKLY,
  {
    title: 'Taalcafé Hoogland',
    weekday: 4,
    area: 'Hoogland',
    participants: [5, 16],
    volunteers: [2, 3],
    notes: ['Nieuwe deelnemers via het Taalhuis'],
  },
]

interface Events {
  push(e: LargeActivityEvent): unknown
}

const later = (a: string, b: string): string => (a > b ? a : b)
const earlier = (a: string, b: string): string => (a < b ? a : b)

/**
 * Writes the register from `start` to the day before `today` and the tally of `shopDays` (the
 * days with visits, in order), with their audit entries, by the coordinator.
 */
export function writeLargeActivities(
  sqlite: Database.Database,
  rng: ActivitiesRng,
  input: { start: string; today: string; shopDays: readonly string[]; coordinatorId: number },
  events: Events,
  seq: () => number,
): LargeActivitiesSummary {
  const planned = planActivities(rng, input.start, input.today, LARGE_WEEKLY)
  const activity = sqlite.prepare(`insert into activity (id, date, kind, title, participants,
    volunteers, area, waiting_list, notes, created_at, created_by, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const tally = sqlite.prepare(`insert into advice_tally (id, date, area, count, created_at,
    created_by) values (?, ?, ?, ?, ?, ?)`)
  const maxId = (table: string): number =>
    Number(
      (sqlite.prepare(`select coalesce(max(id), 0) as n from ${table}`).get() as { n: number }).n,
    )
  let activityId = maxId('activity')
  let tallyId = maxId('advice_tally')
  const s: LargeActivitiesSummary = { activities: 0, adviceDays: 0, adviceContacts: 0 }
  sqlite.transaction(() => {
    for (const { instant, input: a } of planned) {
      const at = instant.replace('Z', '.000Z')
      const id = ++activityId
      activity.run(
        id,
        a.date,
        a.kind,
        a.title,
        a.participants,
        a.volunteers,
        a.area ?? null,
        a.waitingList ?? null,
        a.notes ?? null,
        at,
        input.coordinatorId,
        at,
      )
      events.push({
        at,
        seq: seq(),
        actor: 'coordinator',
        action: 'create',
        entityType: 'activity',
        entity: id,
        household: null,
        subject: null,
        fields: filledFields(a).join(','),
        detail: null,
      })
      s.activities += 1
    }
    for (const day of input.shopDays) {
      if (day < input.start || day >= input.today || !rng.chance(0.5)) continue
      const count = rng.int(1, 8)
      const id = ++tallyId
      const at = `${day}T15:${String(rng.int(30, 59)).padStart(2, '0')}:00.000Z`
      tally.run(id, day, null, count, at, input.coordinatorId)
      events.push({
        at,
        seq: seq(),
        actor: 'coordinator',
        action: 'create',
        entityType: 'adviceTally',
        entity: id,
        household: null,
        subject: null,
        fields: 'count',
        detail: null,
      })
      s.adviceDays += 1
      s.adviceContacts += count
    }
  })()
  return s
}

/**
 * The admin sets each subsidy year's targets in the second week of January (the first year on
 * the day the data starts, this year no later than today): the audit entries, which name the
 * figures and not their values.
 */
export function planLargeTargets(
  start: string,
  today: string,
  events: Events,
  seq: () => number,
): LargeTargetYear[] {
  const years: LargeTargetYear[] = []
  for (let year = Number(start.slice(0, 4)); year <= Number(today.slice(0, 4)); year++) {
    const at = `${earlier(later(`${year}-01-12`, start), today)}T08:30:00.000Z`
    years.push({ year, at })
    events.push({
      at,
      seq: seq(),
      actor: 'admin',
      action: 'settings_change',
      entityType: 'reportTarget',
      entity: year,
      household: null,
      subject: null,
      fields: TARGET_KEYS.join(','),
      detail: null,
    })
  }
  return years
}

/** The figures of `TARGET_KEYS` per calendar year, counted in SQL roughly as the report does. */
function figuresPerYear(
  sqlite: Database.Database,
  years: number[],
): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>()
  type Row = { y: string | number; n: number | null }
  const put = (key: string, rows: Row[]): void => {
    out.set(key, new Map(rows.map((r) => [Number(r.y), Number(r.n ?? 0)])))
  }
  const all = (q: string): Row[] => sqlite.prepare(q).all() as Row[]
  const yearList = JSON.stringify(years)
  put('shop.visits', all(`select substr(date, 1, 4) as y, count(*) as n from visit group by 1`))
  put(
    'shop.householdsReached',
    all(`select substr(date, 1, 4) as y, count(distinct household_id) as n from visit group by 1`),
  )
  put(
    'shop.newHouseholds',
    all(`select y, count(*) as n from (select substr(min(date), 1, 4) as y from visit
      group by household_id) group by y`),
  )
  put(
    'shop.childrenReached',
    all(`select v.y, count(distinct m.id) as n
      from (select distinct household_id, cast(substr(date, 1, 4) as integer) as y from visit) v
      join member m on m.household_id = v.household_id
      where v.y - m.birth_year between 0 and 17 group by v.y`),
  )
  put(
    'volunteers.registered',
    all(`select j.value as y, (select count(*) from person p
        where p.registered_on <= j.value || '-12-31'
          and (p.outflow_on is null or p.outflow_on >= j.value || '-01-01')) as n
      from json_each('${yearList}') j`),
  )
  put(
    'volunteers.hours',
    all(`select substr(month, 1, 4) as y, sum(hours) as n from volunteer_hours group by 1`),
  )
  put(
    'complaints.decidedOnTime',
    all(`select substr(decided_on, 1, 4) as y, count(*) as n from complaint
      where decided_on is not null and decided_on <= decision_due_on group by 1`),
  )
  put(
    'interventions.information',
    all(`select substr(date, 1, 4) as y, sum(count) as n from advice_tally group by 1`),
  )
  put(
    'interventions.selfOrganisation',
    all(`select substr(date, 1, 4) as y, count(*) as n from activity
      where kind = 'initiative' group by 1`),
  )
  put(
    'interventions.collective',
    all(`select substr(date, 1, 4) as y, count(*) as n from activity
      where kind = 'collective' group by 1`),
  )
  put(
    'interventions.individual',
    all(`select y, sum(n) as n from (
        select substr(date, 1, 4) as y, count(*) as n from intake group by 1
        union all
        select substr(intake_on, 1, 4), count(*) from person where intake_on is not null group by 1
      ) group by y`),
  )
  put(
    'interventions.participants',
    all(`select substr(date, 1, 4) as y, sum(participants) as n from activity group by 1`),
  )
  return out
}

/** Figures counted over a whole year: a part of a year is taken up to a year's worth. */
const ADDITIVE = new Set<string>(
  TARGET_KEYS.filter(
    (k) => !['shop.householdsReached', 'shop.childrenReached', 'volunteers.registered'].includes(k),
  ),
)

/**
 * The targets of the years `planLargeTargets` planned, once every row they count is written:
 * roughly what each year gives (within a few percent; two well off on purpose, as in the small
 * demo). A year the data covers only in part is judged by a whole one: this year by last year;
 * the first year by its own part taken up to a year where a figure adds up over time, else by
 * the year after it. Returns how many targets were written.
 */
export function writeLargeTargets(
  sqlite: Database.Database,
  rng: ActivitiesRng,
  input: { start: string; today: string; years: LargeTargetYear[]; adminId: number },
): number {
  const years = input.years.map((y) => y.year)
  const figures = figuresPerYear(sqlite, years)
  const own = (key: string, year: number): number => figures.get(key)?.get(year) ?? 0
  /** The share of a year the data covers, from `start` to the day before `today`. */
  const covered = (year: number): number => {
    const from = later(`${year}-01-01`, input.start)
    const to = earlier(`${year}-12-31`, addDays(input.today, -1))
    const days = daysBetween(`${year}-01-01`, `${year + 1}-01-01`)
    return Math.max(1, daysBetween(from, to) + 1) / days
  }
  const whole = (key: string, year: number): number => {
    const share = covered(year)
    if (share >= 1) return own(key, year)
    const first = year === years[0]
    const other = first ? year + 1 : year - 1
    if (years.includes(other) && covered(other) >= 1 && (!first || !ADDITIVE.has(key)))
      return own(key, other)
    return ADDITIVE.has(key) ? own(key, year) / share : own(key, year)
  }
  const insert = sqlite.prepare(`insert into report_target (year, area, figure_key, value,
    updated_at, updated_by) values (?, '', ?, ?, ?, ?)`)
  let n = 0
  sqlite.transaction(() => {
    for (const { year, at } of input.years)
      for (const key of TARGET_KEYS) {
        const near = 1 + rng.int(-4, 4) / 100
        const value = roundTarget(whole(key, year) * (OFF_TARGET[key] ?? near))
        insert.run(year, key, value, at, input.adminId)
        n += 1
      }
  })()
  return n
}
