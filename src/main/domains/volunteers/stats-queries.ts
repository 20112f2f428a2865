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
import { inArea } from '../../db/areas'
import type { Db } from '../../context'
import { getMeasurementSettings, wholeMonths } from './followup-queries'

/** Hours a year that make one volunteer FTE (seed 003). */
export const FTE_HOURS_PER_YEAR = 1400

const district = sql<string>`coalesce(p.district, '')`

function onlyDistrict(only: string | null): RawBuilder<unknown> {
  return sql`and ${inArea('p.district', only)}`
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
/**
 * Lets other work run between the statements: better-sqlite3 answers synchronously, so without a
 * turn of the event loop the whole count would be one stretch of main's thread (some 30 ms at
 * ten years of data); with them, the longest is one statement.
 */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

export async function countVolunteersStats(
  db: Db,
  input: MethodParsed<'volunteers.stats'>,
  now: Date,
): Promise<Omit<VolunteersStats, 'support'>> {
  const { from, to } = input
  const only = input.district ?? null
  const where = onlyDistrict(only)
  const months = wholeMonths(from, to)
  const settings = await getMeasurementSettings(db)

  // People: registered on or before `to` and not gone before `from`; registered in the period;
  // outflow dated in the period. Per programme as well (no programme: id 0). Everyone ever
  // registered and everyone gone are kept per group (migration 0022); a period's figures are
  // those totals less the few read from small index ranges: registered after `to`, registered
  // in the period, gone since `from`. Registered = ever - after `to` - gone before `from` (and
  // one registered after `to` but gone before `from` is not taken off twice).
  const people = await sql<{
    d: string
    prog: number
    ever: number
    everGone: number
    later: number
    laterGoneBefore: number
    fresh: number
    goneSince: number
    gone: number
  }>`select d, prog, sum(ever) as ever, sum(ever_gone) as "everGone", sum(later) as later,
      sum(later_gone_before) as "laterGoneBefore", sum(fresh) as fresh,
      sum(gone_since) as "goneSince", sum(gone) as gone
    from (
      select g.district as d, g.programme_id as prog, g.people as ever, g.gone as ever_gone,
        0 as later, 0 as later_gone_before, 0 as fresh, 0 as gone_since, 0 as gone
      from person_count_by_group g
      where ${inArea('g.district', only)}
      union all
      select ${district}, coalesce(p.programme_id, 0), 0, 0, 1, p.outflow_on < ${from}, 0, 0, 0
      from person p indexed by person_figures
      where p.registered_on > ${to} ${where}
      union all
      select ${district}, coalesce(p.programme_id, 0), 0, 0, 0, 0, 1, 0, 0
      from person p indexed by person_figures
      where p.registered_on >= ${from} and p.registered_on <= ${to} ${where}
      union all
      select ${district}, coalesce(p.programme_id, 0), 0, 0, 0, 0, 0, 1,
        p.outflow_on <= ${to} and p.registered_on <= ${to}
      from person p indexed by person_outflow_figures
      where p.outflow_on >= ${from} ${where}
    )
    group by d, prog`.execute(db)

  await nextTurn()
  const outflow = await sql<{ d: string; kind: string; n: number }>`
    select ${district} as d, p.outflow_kind as kind, count(*) as n
    from person p indexed by person_outflow_figures
    where p.outflow_on >= ${from} and p.outflow_on <= ${to} and p.outflow_kind is not null ${where}
    group by 1, 2`.execute(db)

  // Intakes in the period and their waiting time in days (registration to intake). Read as one
  // text of "district<US>days" records from a covering index: handing ~2,000 rows to JavaScript
  // one by one costs more than the counting itself. Count, sum and median follow below.
  await nextTurn()
  const intakes = await sql<{ t: string | null }>`
    select group_concat(${district} || char(31) ||
      (julianday(p.intake_on) - julianday(p.registered_on)), char(30)) as t
    from person p indexed by person_intake_figures
    where p.intake_on >= ${from} and p.intake_on <= ${to} ${where}`.execute(db)

  // Placements: "placed" dated in the period; placed on or before `to` and not ended before
  // `from`; and per programme the people with a placement placed in the period. Read as two
  // ranges: placed in the period, and placed before it but still running at its start (not
  // ended, or ended in or after it); not every placement ever made.
  await nextTurn()
  const placements = await sql<{
    d: string
    prog: number | null
    started: number
    active: number
    placed: number
  }>`select ${district} as d, p.programme_id as prog,
      sum(x.started) as started, sum(x.active) as active,
      count(distinct case when x.started then x.person_id end) as placed
    from (
      select pl.person_id, 1 as started, (pl.ended_on is null or pl.ended_on >= ${from}) as active
      from placement pl indexed by placement_figures
      where pl.placed_on >= ${from} and pl.placed_on <= ${to}
      union all
      select pl.person_id, 0, 1
      from placement pl indexed by placement_open_figures
      where pl.ended_on is null and pl.placed_on < ${from}
      union all
      select pl.person_id, 0, 1
      from placement pl indexed by placement_open_figures
      where pl.ended_on >= ${from} and pl.placed_on < ${from}
    ) x join person p indexed by person_group on p.id = x.person_id
    where 1 ${where}
    group by 1, 2`.execute(db)

  // Hours of the months lying wholly in the period: twelve rows a district for a year, kept per
  // month and district by triggers (migration 0022). A district counts where it has hours rows.
  await nextTurn()
  const hours = months.first
    ? await sql<{ d: string; hours: number }>`
        select h.district as d, sum(h.hours) as hours
        from volunteer_hours_by_month h
        where h.month >= ${months.first} and h.month <= ${months.last}
          and ${inArea('h.district', only)}
        group by 1 having sum(h.n) > 0`.execute(db)
    : { rows: [] }

  // Progress: everyone with a measurement in the period, their first measurement ever and their
  // latest up to `to`, which is their latest in the period. The latest comes from the period's
  // range of the index `measurement_by_day` (migration 0028), one per person: the row with the
  // largest day and then id (SQLite takes the other columns from the row `max` picks; the id
  // follows the day as 13 digits, 10^12 added, which costs less than formatting it). The first
  // is kept on the person by triggers (migration 0022) as "id:ladder:scores", read with the
  // district from the narrow index `person_first_measure`.
  // Scores: one character per ZRM-11 domain, 1-5 or '-' (migration 0015).
  await nextTurn()
  // One text of "district<US>first<US>latest" records, for the same reason as the intakes.
  const progress = await sql<{ t: string | null }>`
    select group_concat(coalesce(p.district, '') || char(31) || p.first_measure || char(31) ||
      m.mark, char(30)) as t
    from (
      select m.person_id, max(m.measured_on || (1000000000000 + m.id)) as latest,
        m.id || ':' || coalesce(m.ladder, '') || ':' || coalesce(m.progress_scores, '') as mark
      from measurement m indexed by measurement_by_day
      where m.measured_on >= ${from} and m.measured_on <= ${to}
      group by m.person_id
    ) m
    cross join person p indexed by person_first_measure
      on p.id = m.person_id and p.first_measure is not null
    where 1 ${where}`.execute(db)

  await nextTurn()
  const programmes = await db
    .selectFrom('programme')
    .select(['id', 'name', 'fundedPerYear', 'active', 'sort'])
    .orderBy('sort')
    .orderBy('name')
    .execute()

  await nextTurn()
  const byDistrict = new Map<string, Sums>()
  const at = (d: string): Sums => {
    let s = byDistrict.get(d)
    if (!s) byDistrict.set(d, (s = emptySumsAll()))
    return s
  }
  for (const r of people.rows) {
    // A group counts once someone in it was registered by `to` (even if all left before `from`).
    if (Number(r.ever) - Number(r.later) <= 0) continue
    const registered =
      Number(r.ever) -
      Number(r.later) -
      (Number(r.everGone) - Number(r.goneSince)) +
      Number(r.laterGoneBefore)
    const s = at(r.d)
    s.registered += registered
    s.newRegistrations += Number(r.fresh)
    // People without a programme are counted under id 0 (no programme has it): their own row.
    const p = programmeAt(s, r.prog)
    p.people += registered
    p.new += Number(r.fresh)
    p.outflow += Number(r.gone)
  }
  for (const r of outflow.rows)
    if ((OUTFLOW_KINDS as readonly string[]).includes(r.kind))
      at(r.d).outflow[r.kind as OutflowKindCode] += Number(r.n)
  const waits = new Map<string, number[]>()
  const allWaits: number[] = []
  for (const rec of records(intakes.rows[0]?.t)) {
    const [d, days] = rec.split(US)
    const n = Number(days)
    allWaits.push(n)
    const l = waits.get(d)
    if (l) l.push(n)
    else waits.set(d, [n])
  }
  for (const [d, l] of waits) {
    const s = at(d)
    s.intakes = l.length
    s.waitingSum = l.reduce((a, b) => a + b, 0)
    s.waitingMedian = median(l)
  }
  for (const r of placements.rows) {
    const s = at(r.d)
    s.placementsStarted += Number(r.started)
    s.activePlacements += Number(r.active)
    programmeAt(s, r.prog ?? NO_PROGRAMME).placed += Number(r.placed)
  }
  for (const r of hours.rows) at(r.d).hours = Number(r.hours)
  // Thousands of records: read by position, without an object per record or per domain.
  const text = progress.rows[0]?.t ?? ''
  const domains = ZRM11_DOMAINS.length
  let current = ''
  let sums: Sums | null = null
  for (let at0 = 0; at0 < text.length;) {
    let end = text.indexOf(RS, at0)
    if (end < 0) end = text.length
    const u1 = text.indexOf(US, at0)
    const u2 = text.indexOf(US, u1 + 1)
    const d = text.slice(at0, u1)
    const first = parseMark(text, u1 + 1, u2)
    const last = parseMark(text, u2 + 1, end)
    at0 = end + 1
    // One measurement only (or none up to `to`): nothing to compare.
    if (!first || !last || first.id === last.id) continue
    if (sums === null || d !== current) sums = at((current = d))
    for (let i = 0; i < domains; i++) {
      const lc = text.charCodeAt(last.scores + i)
      const fc = text.charCodeAt(first.scores + i)
      // Only a domain scored (1-5) in both measurements is compared ('1' is 49, '5' is 53).
      if (i >= last.scoresLength || i >= first.scoresLength) continue
      if (lc < 49 || lc > 53 || fc < 49 || fc > 53) continue
      addDiff(sums.progress[ZRM11_DOMAINS[i]], lc - fc)
    }
    if (settings.ladder && last.ladder !== null && first.ladder !== null)
      addDiff(sums.ladder, last.ladder - first.ladder)
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
  total.waitingMedian = median(allWaits)

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

/** Unit and record separators of the texts the intakes and progress queries return. */
const US = String.fromCharCode(31)
const RS = String.fromCharCode(30)

function records(text: string | null | undefined): string[] {
  return text ? text.split(RS) : []
}

/** The middle value, or the mean of the two middle ones; null for none. */
function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * One measurement "id:ladder:scores" inside `text` (from `start` up to `end`), as the progress
 * query gives it: its id, ladder and where its scores begin; null for an empty one.
 */
function parseMark(
  text: string,
  start: number,
  end: number,
): { id: string; ladder: number | null; scores: number; scoresLength: number } | null {
  if (end <= start) return null
  const c1 = text.indexOf(':', start)
  const c2 = text.indexOf(':', c1 + 1)
  if (c1 < 0 || c1 >= end || c2 < 0 || c2 >= end) return null
  return {
    id: text.slice(start, c1),
    ladder: c2 > c1 + 1 ? Number(text.slice(c1 + 1, c2)) : null,
    scores: c2 + 1,
    scoresLength: end - (c2 + 1),
  }
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

/** Volunteer hours per month (`YYYY-MM`) from the kept month totals, for the report's chart. */
export async function hoursPerMonth(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<{ month: string; hours: number }[]> {
  const rows = await sql<{ month: string; hours: number }>`
    select h.month as month, sum(h.hours) as hours
    from volunteer_hours_by_month h
    where h.month >= ${from.slice(0, 7)} and h.month <= ${to.slice(0, 7)}
      and ${inArea('h.district', only)}
    group by 1`.execute(db)
  return rows.rows.map((r) => ({ month: r.month, hours: round2(Number(r.hours)) }))
}

export interface ParticipantDemographics {
  /** Registered in the period (as the figure `registered`). */
  people: number
  gender: Record<'female' | 'male' | 'other' | 'unknown', number>
  /** Per decade of birth (1980 = born 1980-1989); null: not recorded. */
  decades: { decade: number | null; n: number }[]
}

/**
 * The people registered in the period (registered on or before `to`, not gone before `from`:
 * the figure `registered`) by gender and by decade of birth. A decade, not an age band: an
 * anonymised person keeps the decade of their birth year (and their gender), so these counts
 * stay as they were when someone is anonymised.
 */
export async function countParticipantDemographics(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<ParticipantDemographics> {
  // Per gender and birth year in the order of the index `person_demographics` (migration 0027),
  // which holds every column asked: no person row read and no sort of everyone registered; the
  // decades are then a few hundred rows.
  const rows = await sql<{ gender: string; decade: number | null; n: number }>`
    select gender, decade, sum(n) as n from (
      select p.gender as gender, p.birth_year - p.birth_year % 10 as decade, count(*) as n
      from person p indexed by person_demographics
      where p.registered_on <= ${to} and (p.outflow_on is null or p.outflow_on >= ${from})
        ${onlyDistrict(only)}
      group by p.gender, p.birth_year
    )
    group by 1, 2`.execute(db)
  const gender = { female: 0, male: 0, other: 0, unknown: 0 }
  const decades = new Map<number | null, number>()
  let people = 0
  for (const r of rows.rows) {
    const n = Number(r.n)
    people += n
    const g = r.gender as keyof typeof gender
    gender[g in gender ? g : 'unknown'] += n
    decades.set(r.decade, (decades.get(r.decade) ?? 0) + n)
  }
  return {
    people,
    gender,
    decades: [...decades.entries()]
      .map(([decade, n]) => ({ decade, n }))
      .sort((a, b) => (a.decade ?? 9999) - (b.decade ?? 9999)),
  }
}
