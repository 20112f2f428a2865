/**
 * Demo data for the municipal subsidy report (issue 15): a year of the activities register (a
 * weekly coffee morning and sewing club, and the residents' initiatives the organisation
 * supports: a community garden, a street party and a repair café), the information-and-advice
 * tally of the days the shop was open, this subsidy year's targets, and the shop's story of last
 * year's report, which this year's report starts from. Written through the real router with the
 * clock at the day each thing happened; the targets last, from the figures the rest of the demo
 * gives, as an admin sets them after looking at the past year.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../src/main/db/schema'
import type { MethodInput, MethodName, MethodOutput } from '../src/shared/api'
import { addDays, addMonths, isoWeekday } from '../src/shared/dates'
import type { ActivityKind } from '../src/shared/schemas/activities'
import { collectFigures } from '../src/main/domains/reports/collect'
import { rowsOf } from '../src/main/domains/reports/figures'
import { FTE_HOURS_PER_YEAR } from '../src/main/domains/volunteers/stats-queries'

/** What this part needs of the demo's writer (scripts/demo-data.ts `Writer`). */
export interface ActivitiesWriter {
  vault: { db: Kysely<DB> }
  call<M extends MethodName>(
    instant: string,
    method: M,
    input: MethodInput<M>,
  ): Promise<MethodOutput<M>>
}

/** What this part needs of the demo's random numbers (scripts/demo-data.ts `Rng`). */
export interface ActivitiesRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
}

export interface ActivitiesSummary {
  collective: number
  initiatives: number
  adviceDays: number
  adviceContacts: number
}

export interface ReportTargetsSummary {
  year: number
  targets: number
  /** Keys of the targets set well away from what the year gives, on purpose. */
  offTarget: string[]
}

const at = (day: string, hour: number, minute = 0): string =>
  `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`

export type ActivityInput = MethodInput<'activities.create'>

/** A collective activity that meets every week on the same day. */
export interface WeeklyGroup {
  title: string
  /** ISO weekday, Monday 1. */
  weekday: number
  area: string | null
  participants: [number, number]
  volunteers: [number, number]
  notes: string[]
}

/** The weekly groups, in the demo's districts (scripts/demo-data.ts `DISTRICTS`). */
export const WEEKLY: readonly WeeklyGroup[] = [
  {
    title: 'Koffieochtend De Molen',
    weekday: 3,
    area: 'Molenwijk',
    participants: [6, 20],
    volunteers: [1, 3],
    notes: ['Met de wijkagent erbij', 'Verjaardag van een vaste bezoeker gevierd'],
  },
  {
    title: 'Naaiclub',
    weekday: 1,
    area: 'Kruiskamp',
    participants: [6, 14],
    volunteers: [1, 2],
    notes: ['Schoolkleding hersteld', 'Nieuwe naaimachine van een gift'],
  },
]

/** The groups stop over Christmas, in the summer holiday and on King's Day. */
function groupsMeet(day: string): boolean {
  const md = day.slice(5)
  return !(md >= '12-22' || md <= '01-04' || (md >= '07-20' && md <= '08-16') || md === '04-27')
}

/** The `n`th (1-based) Saturday of `month` (`YYYY-MM`), or its last with n = -1. */
function saturday(month: string, n: number): string {
  const first = `${month}-01`
  const firstSaturday = addDays(first, (6 - isoWeekday(first) + 7) % 7)
  if (n > 0) return addDays(firstSaturday, 7 * (n - 1))
  let last = firstSaturday
  while (addDays(last, 7).slice(0, 7) === month) last = addDays(last, 7)
  return last
}

/** The residents' initiatives of a month (`YYYY-MM`), some with a waiting list. */
function initiativesOf(rng: ActivitiesRng, month: string): ActivityInput[] {
  const m = Number(month.slice(5))
  const out: ActivityInput[] = []
  if (m !== 8) {
    const waiting = rng.chance(0.4)
    out.push({
      date: saturday(month, 2),
      kind: 'initiative',
      title: 'Repair Café',
      participants: rng.int(10, 25),
      volunteers: rng.int(2, 4),
      area: null,
      waitingList: waiting ? rng.int(2, 6) : null,
      notes: waiting ? 'Niet iedereen kwam aan de beurt; volgende keer eerst' : null,
    })
  }
  if (m >= 4 && m <= 10) {
    // The first working day of the season hands out the plots: who got none waits for one.
    const opening = m === 4
    out.push({
      date: saturday(month, 1),
      kind: 'initiative',
      title: 'Buurtmoestuin Noord',
      participants: rng.int(8, 16),
      volunteers: rng.int(1, 2),
      area: 'Noord',
      waitingList: opening ? rng.int(4, 8) : null,
      notes: opening ? 'Bakken verdeeld; wachtlijst voor een eigen bak' : null,
    })
  }
  if (m === 6)
    out.push({
      date: saturday(month, -1),
      kind: 'initiative',
      title: 'Straatfeest Eemkade',
      participants: rng.int(60, 110),
      volunteers: rng.int(4, 8),
      area: 'Eemkwartier',
      waitingList: null,
      notes: 'Met een kleedjesmarkt en een springkussen',
    })
  return out
}

/** An activity of the register and the moment it was entered (the afternoon of its day). */
export interface PlannedActivity {
  instant: string
  input: ActivityInput
}

/**
 * The register's activities from `from` up to (not including) `until`, in the order they were
 * entered: the weekly `groups` and the residents' initiatives of each month.
 */
export function planActivities(
  rng: ActivitiesRng,
  from: string,
  until: string,
  groups: readonly WeeklyGroup[] = WEEKLY,
): PlannedActivity[] {
  const planned: PlannedActivity[] = []
  for (let day = from; day < until; day = addDays(day, 1)) {
    for (const g of groups) {
      if (isoWeekday(day) !== g.weekday || !groupsMeet(day) || rng.chance(0.04)) continue
      planned.push({
        instant: at(day, 14, rng.int(0, 59)),
        input: {
          date: day,
          kind: 'collective',
          title: g.title,
          participants: rng.int(...g.participants),
          volunteers: rng.int(...g.volunteers),
          area: g.area,
          waitingList: null,
          notes: rng.chance(0.08) ? rng.pick(g.notes) : null,
        },
      })
    }
    if (day.endsWith('-01') || day === from)
      for (const input of initiativesOf(rng, day.slice(0, 7)))
        if (input.date >= from && input.date < until)
          planned.push({ instant: at(input.date, 17, rng.int(0, 59)), input })
  }
  return planned.sort((a, b) => a.instant.localeCompare(b.instant))
}

/**
 * The register from `addMonths(today, -12)` to yesterday, and the tally on the days the shop was
 * open (the days with visits): the coordinator counts the questions at the counter that were
 * not about the shop, one to eight a day.
 */
export async function seedActivities(
  w: ActivitiesWriter,
  rng: ActivitiesRng,
  today: string,
): Promise<ActivitiesSummary> {
  const start = addMonths(today, -12)
  const planned = planActivities(rng, start, today)

  const shopDays = (
    await w.vault.db
      .selectFrom('visit')
      .select('date')
      .distinct()
      .where('date', '>=', start)
      .where('date', '<', today)
      .orderBy('date')
      .execute()
  ).map((v) => v.date)

  const s: ActivitiesSummary = { collective: 0, initiatives: 0, adviceDays: 0, adviceContacts: 0 }
  const byKind: Record<ActivityKind, 'collective' | 'initiatives'> = {
    collective: 'collective',
    initiative: 'initiatives',
  }
  let next = 0
  const writeUpTo = async (instant: string): Promise<void> => {
    for (; next < planned.length && planned[next].instant <= instant; next++) {
      const p = planned[next]
      await w.call(p.instant, 'activities.create', p.input)
      s[byKind[p.input.kind]] += 1
    }
  }
  for (const day of shopDays) {
    const instant = at(day, 15, rng.int(30, 59))
    await writeUpTo(instant)
    if (!rng.chance(0.9)) continue
    const count = rng.int(1, 8)
    await w.call(instant, 'activities.addAdvice', { date: day, area: null, count })
    s.adviceDays += 1
    s.adviceContacts += count
  }
  await writeUpTo(at(today, 0))
  return s
}

/** A target as an admin writes one down: whole below 20, else to 5, 10 or 50. */
export function roundTarget(n: number): number {
  const step = n < 20 ? 1 : n < 200 ? 5 : n < 2000 ? 10 : 50
  return Math.max(0, Math.round(n / step) * step)
}

/** The dozen main figures that get a target, by key. */
export const TARGET_KEYS = [
  'shop.visits',
  'shop.householdsReached',
  'shop.newHouseholds',
  'shop.childrenReached',
  'volunteers.registered',
  'volunteers.hours',
  'complaints.decidedOnTime',
  'interventions.information',
  'interventions.selfOrganisation',
  'interventions.collective',
  'interventions.individual',
  'interventions.participants',
] as const

/**
 * Targets set well away from the past year on purpose: more visits than there were (the plan was
 * a second shop evening), fewer participants in activities than came. Both add up over the year
 * and are steady through it, so this year's report (its targets pro rata) shows them as
 * deviations larger than the setting allows, which need an explanation, whatever day the demo
 * is seeded on.
 */
export const OFF_TARGET: Partial<Record<(typeof TARGET_KEYS)[number], number>> = {
  'shop.visits': 1.3,
  'interventions.participants': 0.75,
}

/**
 * This subsidy year's targets, from the figures of the past twelve months (each within a few
 * percent, two on purpose well off), and the shop's story of last calendar year's report.
 */
export async function seedReportTargets(
  w: ActivitiesWriter,
  rng: ActivitiesRng,
  today: string,
): Promise<ReportTargetsSummary> {
  const year = Number(today.slice(0, 4))
  const instant = at(today, 7, 30)
  // The past year as the report counts it, with the report's own queries. Read here on the
  // seed's connection: reports.subsidy would start two worker threads for it, which from the
  // TypeScript sources costs the seed several seconds.
  const past = rowsOf(
    await collectFigures(
      w.vault.db,
      { from: addDays(addMonths(today, -12), 1), to: today, area: null },
      today,
      new Date(instant),
    ),
  )
  const value = (key: string): number => {
    // Hours count whole months only: a year of them is the FTE times the hours of one FTE.
    const fte = past.find((r) => r.key === 'volunteers.fte')?.value
    if (key === 'volunteers.hours' && typeof fte === 'number') return fte * FTE_HOURS_PER_YEAR
    return past.find((r) => r.key === key)?.value ?? 0
  }
  const targets = TARGET_KEYS.map((key) => {
    const near = 1 + rng.int(-4, 4) / 100
    return { key, value: roundTarget(value(key) * (OFF_TARGET[key] ?? near)) }
  })
  await w.call(instant, 'reports.setTargets', { year, targets })

  const lastYear = year - 1
  const written = `${year}-01-15` < today ? `${year}-01-15` : today
  await w.call(at(written, 9, 15), 'reports.saveNarrative', {
    from: `${lastYear}-01-01`,
    to: `${lastYear}-12-31`,
    section: 'shop',
    text:
      `In ${lastYear} kwamen de meeste gezinnen uit Kruiskamp en Noord. Na de zomer meldden ` +
      'zich meer nieuwe gezinnen aan via het wijkteam en de schuldhulpverlening; op drukke ' +
      'zaterdagen hielp een extra vrijwilliger aan de balie.\n\n' +
      'De wintercollectie was in november snel op. Dit jaar geven we een nieuwe collectie in ' +
      'delen uit, zodat ook gezinnen met een latere afspraak nog keuze hebben.',
  })
  return { year, targets: targets.length, offTarget: Object.keys(OFF_TARGET) }
}
