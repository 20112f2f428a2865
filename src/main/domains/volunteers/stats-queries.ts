import { sql, type RawBuilder } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import {
  OUTFLOW_KINDS,
  type OutflowKindCode,
  type ProgrammeFigures,
  type ProgressFigure,
  type VolunteerFigures,
  type VolunteersStats,
} from '../../../shared/schemas/volunteers-followup'
import { ZRM11_DOMAINS, type Zrm11Domain } from '../../../shared/zrm'
import type { Db } from '../../context'
import { getMeasurementSettings, wholeMonths } from './followup-queries'

/** Hours a year that make one volunteer FTE (seed 003). */
export const FTE_HOURS_PER_YEAR = 1400

const district = sql<string>`coalesce(p.district, '')`

function onlyDistrict(only: string | null): RawBuilder<unknown> {
  return only === null ? sql`` : sql`and lower(coalesce(p.district, '')) = ${only.toLowerCase()}`
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100
}

interface ProgressSums {
  n: number
  sum: number
  up: number
  same: number
  down: number
}

function emptySums(): ProgressSums {
  return { n: 0, sum: 0, up: 0, same: 0, down: 0 }
}

function toProgress(s: ProgressSums): ProgressFigure {
  return {
    n: s.n,
    mean: s.n ? round2(s.sum / s.n) : null,
    up: s.up,
    same: s.same,
    down: s.down,
  }
}

interface ProgrammeSums {
  people: number
  new: number
  placed: number
  outflow: number
}

/** The counts of one district (or of all), before means and medians are worked out. */
interface Sums {
  registered: number
  newRegistrations: number
  intakes: number
  waitingSum: number
  waitingMedian: number | null
  placementsStarted: number
  activePlacements: number
  outflow: Record<OutflowKindCode, number>
  hours: number
  progress: Record<Zrm11Domain, ProgressSums>
  ladder: ProgressSums
  programmes: Map<number, ProgrammeSums>
}

function emptySumsAll(): Sums {
  return {
    registered: 0,
    newRegistrations: 0,
    intakes: 0,
    waitingSum: 0,
    waitingMedian: null,
    placementsStarted: 0,
    activePlacements: 0,
    outflow: Object.fromEntries(OUTFLOW_KINDS.map((k) => [k, 0])) as Record<
      OutflowKindCode,
      number
    >,
    hours: 0,
    progress: Object.fromEntries(ZRM11_DOMAINS.map((d) => [d, emptySums()])) as Record<
      Zrm11Domain,
      ProgressSums
    >,
    ladder: emptySums(),
    programmes: new Map(),
  }
}

/** Where people without a programme are counted (programme ids start at 1). */
const NO_PROGRAMME = 0

function programmeAt(s: Sums, id: number): ProgrammeSums {
  let p = s.programmes.get(id)
  if (!p) s.programmes.set(id, (p = { people: 0, new: 0, placed: 0, outflow: 0 }))
  return p
}

/**
 * The volunteers' figures for a period, counted in SQL per district and added up (each person
 * has one district). Definitions: see `VolunteerFigures` and the README ("Vrijwilligers").
 * Anonymised people count as everyone else: anonymising keeps every past figure.
 */
export async function countVolunteersStats(
  db: Db,
  input: MethodParsed<'volunteers.stats'>,
  now: Date,
): Promise<VolunteersStats> {
  const { from, to } = input
  const only = input.district ?? null
  const where = onlyDistrict(only)
  const months = wholeMonths(from, to)
  const settings = await getMeasurementSettings(db)

  // People: registered on or before `to` and not gone before `from`; registered in the period;
  // outflow dated in the period. Per programme as well (no programme: id 0). Read in the order
  // of `person_by_district` (migration 0020), so the groups need no sort of every person ever
  // registered; no district and an empty one are one group, added up below.
  const people = await sql<{
    d: string | null
    prog: number | null
    registered: number
    fresh: number
    gone: number
  }>`select p.district as d, p.programme_id as prog,
      sum(p.outflow_on is null or p.outflow_on >= ${from}) as registered,
      sum(p.registered_on >= ${from}) as fresh,
      sum(p.outflow_on >= ${from} and p.outflow_on <= ${to}) as gone
    from person p indexed by person_by_district
    where p.registered_on <= ${to} ${where}
    group by p.district, p.programme_id`.execute(db)

  const outflow = await sql<{ d: string; kind: string; n: number }>`
    select ${district} as d, p.outflow_kind as kind, count(*) as n
    from person p
    where p.outflow_on >= ${from} and p.outflow_on <= ${to} and p.outflow_kind is not null ${where}
    group by 1, 2`.execute(db)

  // Intakes in the period and their waiting time in days (registration to intake).
  const waiting = sql`select ${district} as d,
      julianday(p.intake_on) - julianday(p.registered_on) as days
    from person p
    where p.intake_on >= ${from} and p.intake_on <= ${to} ${where}`
  const intakes = await sql<{ d: string; n: number; total: number }>`
    select d, count(*) as n, sum(days) as total from (${waiting}) group by d`.execute(db)
  // The median: the middle value, or the mean of the two middle ones.
  const medians = await sql<{ d: string; med: number }>`
    select d, avg(days) as med from (
      select d, days, row_number() over (partition by d order by days) as rn,
        count(*) over (partition by d) as c
      from (${waiting})
    ) where rn in ((c + 1) / 2, (c + 2) / 2) group by d`.execute(db)
  const median = await sql<{ med: number | null }>`
    select avg(days) as med from (
      select days, row_number() over (order by days) as rn, count(*) over () as c
      from (${waiting})
    ) where rn in ((c + 1) / 2, (c + 2) / 2)`.execute(db)

  // Placements: "placed" dated in the period; placed on or before `to` and not ended before
  // `from`; and per programme the people with a placement placed in the period.
  const placements = await sql<{
    d: string
    prog: number | null
    started: number
    active: number
    placed: number
  }>`select ${district} as d, p.programme_id as prog,
      sum(pl.placed_on >= ${from}) as started,
      sum(pl.ended_on is null or pl.ended_on >= ${from}) as active,
      count(distinct case when pl.placed_on >= ${from} then pl.person_id end) as placed
    from placement pl join person p on p.id = pl.person_id
    where pl.placed_on <= ${to}
      and (pl.placed_on >= ${from} or pl.ended_on is null or pl.ended_on >= ${from}) ${where}
    group by 1, 2`.execute(db)

  // Hours of the months lying wholly in the period.
  const hours = months.first
    ? await sql<{ d: string; hours: number }>`
        select ${district} as d, sum(x.hours) as hours
        from (select h.person_id, sum(h.hours) as hours
          from volunteer_hours h indexed by volunteer_hours_figures
          where h.month >= ${months.first} and h.month <= ${months.last}
          group by h.person_id) x
        join person p on p.id = x.person_id
        where 1 ${where}
        group by 1`.execute(db)
    : { rows: [] }

  // Progress: people with a measurement in the period (so their latest up to `to` lies in it),
  // their latest up to `to` and their first, when those differ. Each is read from the covering
  // index `measurement_compare` (migration 0020), in its order (day, then id), as one text
  // "id:ladder:scores" (a scalar subquery gives one column), so no measurement row is looked up
  // and nothing is sorted: at ten years of data two seeks for each of some 6,000 people. Scores:
  // one character per ZRM-11 domain, 1-5 or '-' (migration 0015).
  const mark = sql`m.id || ':' || coalesce(m.ladder, '') || ':' || coalesce(m.progress_scores, '')`
  const progress = await sql<{ d: string | null; l: string | null; f: string | null }>`
    select p.district as d, x.l, x.f from (
      select x.person_id,
        (select ${mark} from measurement m indexed by measurement_compare
          where m.person_id = x.person_id and m.measured_on <= ${to}
          order by m.measured_on desc, m.id desc limit 1) as l,
        (select ${mark} from measurement m indexed by measurement_compare
          where m.person_id = x.person_id
          order by m.measured_on, m.id limit 1) as f
      from (select distinct m.person_id from measurement m indexed by measurement_figures
        where m.measured_on >= ${from} and m.measured_on <= ${to}) x
    ) x
    join person p on p.id = x.person_id
    where 1 ${where}`.execute(db)

  const programmes = await db
    .selectFrom('programme')
    .select(['id', 'name', 'fundedPerYear', 'active', 'sort'])
    .orderBy('sort')
    .orderBy('name')
    .execute()

  const byDistrict = new Map<string, Sums>()
  const at = (d: string): Sums => {
    let s = byDistrict.get(d)
    if (!s) byDistrict.set(d, (s = emptySumsAll()))
    return s
  }
  for (const r of people.rows) {
    const s = at(r.d ?? '')
    s.registered += Number(r.registered)
    s.newRegistrations += Number(r.fresh)
    // People without a programme are counted under id 0 (no programme has it): their own row.
    const p = programmeAt(s, r.prog ?? NO_PROGRAMME)
    p.people += Number(r.registered)
    p.new += Number(r.fresh)
    p.outflow += Number(r.gone)
  }
  for (const r of outflow.rows)
    if ((OUTFLOW_KINDS as readonly string[]).includes(r.kind))
      at(r.d).outflow[r.kind as OutflowKindCode] += Number(r.n)
  for (const r of intakes.rows) {
    at(r.d).intakes = Number(r.n)
    at(r.d).waitingSum = Number(r.total)
  }
  for (const r of medians.rows) at(r.d).waitingMedian = Number(r.med)
  for (const r of placements.rows) {
    const s = at(r.d)
    s.placementsStarted += Number(r.started)
    s.activePlacements += Number(r.active)
    programmeAt(s, r.prog ?? NO_PROGRAMME).placed += Number(r.placed)
  }
  for (const r of hours.rows) at(r.d).hours = Number(r.hours)
  for (const r of progress.rows) {
    const last = splitMark(r.l)
    const first = splitMark(r.f)
    // One measurement only (or none up to `to`): nothing to compare.
    if (!last || !first || last.id === first.id) continue
    const s = at(r.d ?? '')
    ZRM11_DOMAINS.forEach((dom, i) => {
      const l = last.scores.charAt(i)
      const f = first.scores.charAt(i)
      // Only a domain scored (1-5) in both measurements is compared.
      if (!(l >= '1' && l <= '5' && f >= '1' && f <= '5')) return
      addDiff(s.progress[dom], Number(l) - Number(f))
    })
    if (settings.ladder && last.ladder !== null && first.ladder !== null)
      addDiff(s.ladder, last.ladder - first.ladder)
  }

  const total = emptySumsAll()
  for (const s of byDistrict.values()) {
    total.registered += s.registered
    total.newRegistrations += s.newRegistrations
    total.intakes += s.intakes
    total.waitingSum += s.waitingSum
    total.placementsStarted += s.placementsStarted
    total.activePlacements += s.activePlacements
    total.hours += s.hours
    for (const k of OUTFLOW_KINDS) total.outflow[k] += s.outflow[k]
    for (const d of ZRM11_DOMAINS) addSums(total.progress[d], s.progress[d])
    addSums(total.ladder, s.ladder)
    for (const [id, p] of s.programmes) {
      const t = programmeAt(total, id)
      t.people += p.people
      t.new += p.new
      t.placed += p.placed
      t.outflow += p.outflow
    }
  }
  total.waitingMedian = median.rows[0]?.med ?? null

  const figures = (s: Sums): VolunteerFigures => ({
    registered: s.registered,
    newRegistrations: s.newRegistrations,
    intakes: s.intakes,
    waitingMedian: s.intakes && s.waitingMedian !== null ? round1(Number(s.waitingMedian)) : null,
    waitingMean: s.intakes ? round1(s.waitingSum / s.intakes) : null,
    placementsStarted: s.placementsStarted,
    activePlacements: s.activePlacements,
    outflow: { ...s.outflow },
    outflowTotal: OUTFLOW_KINDS.reduce((n, k) => n + s.outflow[k], 0),
    hours: round2(s.hours),
    fte: months.count ? round2(s.hours / ((FTE_HOURS_PER_YEAR * months.count) / 12)) : null,
    progress: Object.fromEntries(
      ZRM11_DOMAINS.map((d) => [d, toProgress(s.progress[d])]),
    ) as Record<Zrm11Domain, ProgressFigure>,
    ladder: settings.ladder ? toProgress(s.ladder) : null,
    // Every active programme, and an inactive one only where it has a figure.
    programmes: programmes
      .filter((p) => p.active || s.programmes.has(p.id))
      .map((p): ProgrammeFigures => {
        const c = s.programmes.get(p.id) ?? { people: 0, new: 0, placed: 0, outflow: 0 }
        return {
          programmeId: p.id,
          name: p.name,
          fundedPerYear: p.fundedPerYear ?? null,
          fundedForPeriod:
            p.fundedPerYear === null || p.fundedPerYear === undefined || !months.count
              ? null
              : round1((p.fundedPerYear * months.count) / 12),
          ...c,
        }
      }),
    withoutProgramme: s.programmes.get(NO_PROGRAMME) ?? {
      people: 0,
      new: 0,
      placed: 0,
      outflow: 0,
    },
  })

  return {
    ...figures(total),
    period: { from, to },
    district: only,
    months,
    byDistrict: [...byDistrict.entries()]
      .map(([d, s]) => ({ district: d, ...figures(s) }))
      .sort((a, b) => a.district.localeCompare(b.district, 'nl')),
    generatedAt: now.toISOString(),
  }
}

/** One measurement as the progress query reads it: "id:ladder:scores". */
function splitMark(
  mark: string | null,
): { id: string; ladder: number | null; scores: string } | null {
  if (mark === null) return null
  const [id, ladder, scores] = mark.split(':')
  return { id, ladder: ladder ? Number(ladder) : null, scores: scores ?? '' }
}

function addDiff(into: ProgressSums, diff: number): void {
  into.n++
  into.sum += diff
  if (diff > 0) into.up++
  else if (diff < 0) into.down++
  else into.same++
}

function addSums(into: ProgressSums, s: ProgressSums): void {
  into.n += s.n
  into.sum += s.sum
  into.up += s.up
  into.same += s.same
  into.down += s.down
}
