import { sql } from 'kysely'
import {
  CARE_SIGNAL_KINDS,
  CARE_SIGNAL_PARTIES,
  SATISFIED_FROM,
  SURVEY_OCCASIONS,
  type CareSignalKind,
  type CareSignalParty,
  type OutcomeFigures,
} from '../../../shared/schemas/outcomes'
import type { ReportStory } from '../../../shared/schemas/reports'
import { dayNumber } from '../../../shared/dates'
import { inArea } from '../../db/areas'
import type { Db } from '../../context'

/*
 * The outcome indicators of a period and an area (the subsidy report's section 'outcomes').
 * Definitions in words: `reports/definitions.ts` (`outcomes.*`). Few rows a year (hundreds of
 * answers, goals and trajectories, tens of signals): each is one small read through an index on
 * its date, grouped by SQLite where only sums or days are needed, the rest counted in JavaScript.
 */

const round1 = (n: number): number => Math.round(n * 10) / 10

function areaIs(column: string, area: string | null) {
  return inArea(column, area)
}

/** The months whose first day lies in the period (an answer keeps only its month). */
function monthsIn(from: string, to: string): { first: string; last: string } {
  const first = from.slice(8) === '01' ? from.slice(0, 7) : nextMonth(from.slice(0, 7))
  return { first, last: to.slice(0, 7) }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

export async function countOutcomeFigures(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<OutcomeFigures> {
  return {
    satisfaction: await satisfaction(db, from, to, area),
    goals: await goals(db, from, to, area),
    trajectories: await trajectories(db, from, to, area),
    careSignals: await careSignals(db, from, to, area),
    sinceStart: await sinceStart(db, to, area),
  }
}

async function satisfaction(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<OutcomeFigures['satisfaction']> {
  const invites = await sql<{ invited: number | null; answered: number | null }>`
    select sum(invited) as invited, sum(answered) as answered from survey_invite
    where invited_on between ${from} and ${to} and ${areaIs('district', area)}`.execute(db)
  const { first, last } = monthsIn(from, to)
  // Counted per occasion by SQLite: a year has about a thousand answers, and only their sums
  // are needed (a mean of whole marks is their sum over their number, as it was in JavaScript).
  const responses = await sql<{ occasion: string; n: number; total: number; satisfied: number }>`
    select occasion, count(*) as n, sum(mark) as total, sum(mark >= ${SATISFIED_FROM}) as satisfied
    from survey_response
    where month between ${first} and ${last} and ${areaIs('district', area)}
    group by occasion`.execute(db)
  const answers = await sql<{ questionId: number; text: string; n: number; total: number }>`
    select a.question_id as "questionId", q.text, count(*) as n, sum(a.score) as total
    from survey_response r
    join survey_answer a on a.response_id = r.id
    join survey_question q on q.id = a.question_id
    where r.month between ${first} and ${last} and ${areaIs('r.district', area)}
    group by a.question_id order by q.sort, q.id`.execute(db)
  const sumOf = (key: 'n' | 'total' | 'satisfied') =>
    responses.rows.reduce((sum, r) => sum + Number(r[key]), 0)
  const meanOf = (n: number, total: number) => (n ? round1(total / n) : null)
  return {
    invited: Number(invites.rows[0]?.invited ?? 0),
    answered: Number(invites.rows[0]?.answered ?? 0),
    responses: sumOf('n'),
    meanMark: meanOf(sumOf('n'), sumOf('total')),
    satisfied: sumOf('satisfied'),
    byOccasion: SURVEY_OCCASIONS.map((occasion) => {
      const row = responses.rows.find((r) => r.occasion === occasion)
      const n = Number(row?.n ?? 0)
      return { occasion, responses: n, meanMark: meanOf(n, Number(row?.total ?? 0)) }
    }),
    statements: answers.rows.map((a) => ({
      questionId: a.questionId,
      text: a.text,
      n: Number(a.n),
      mean: round1(Number(a.total) / Number(a.n)),
    })),
  }
}

async function goals(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<OutcomeFigures['goals']> {
  // The goals' own index answers it (migration 0038 adds the person to it); with an area, each
  // goal's person's district comes from the narrow index `person_group`.
  const rows =
    area === null
      ? await sql<{ status: string; n: number }>`
          select g.status, count(*) as n from plan_goal g
          where g.closed_on between ${from} and ${to} and g.status <> 'open'
          group by g.status`.execute(db)
      : await sql<{ status: string; n: number }>`
          select g.status, count(*) as n from plan_goal g indexed by plan_goal_closed
            join person p indexed by person_group on p.id = g.person_id
          where g.closed_on between ${from} and ${to} and g.status <> 'open'
            and ${areaIs('p.district', area)}
          group by g.status`.execute(db)
  const of = (s: string) => Number(rows.rows.find((r) => r.status === s)?.n ?? 0)
  return {
    realised: of('realised'),
    partlyRealised: of('partly_realised'),
    notRealised: of('not_realised'),
  }
}

/** Days and how many had them (a waiting time grouped by SQLite, or one trajectory). */
type DayCounts = { days: number; n: number }[]

function medianOfCounts(counts: DayCounts): number | null {
  const total = counts.reduce((sum, c) => sum + c.n, 0)
  if (!total) return null
  const sorted = [...counts].sort((a, b) => a.days - b.days)
  // The value at a position (0-based) of the sorted list the counts stand for.
  const at = (position: number): number => {
    let seen = 0
    for (const c of sorted) {
      seen += c.n
      if (position < seen) return c.days
    }
    return sorted[sorted.length - 1].days
  }
  const mid = total >> 1
  return total % 2 ? at(mid) : round1((at(mid - 1) + at(mid)) / 2)
}

function meanOfCounts(counts: DayCounts): number | null {
  const total = counts.reduce((sum, c) => sum + c.n, 0)
  return total ? round1(counts.reduce((sum, c) => sum + c.days * c.n, 0) / total) : null
}

async function trajectories(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<OutcomeFigures['trajectories']> {
  // Days in a trajectory: from the intake to the end (a person who left without an intake has no
  // trajectory to measure and only counts among those who ended). Both reads are answered by the
  // person figure indexes alone (migration 0035). The endings come back a row each (their days
  // are spread over years, so grouping them would save few rows and cost a date sum each); the
  // intakes grouped by their waiting days, a few hundred rows for 1,800 intakes a year.
  const ended = await sql<{
    prog: number | null
    kind: string
    intakeOn: string | null
    outflowOn: string
  }>`select p.programme_id as prog, p.outflow_kind as kind, p.intake_on as "intakeOn",
      p.outflow_on as "outflowOn"
    from person p
    where p.outflow_on between ${from} and ${to} and p.outflow_kind is not null
      and ${areaIs('p.district', area)}`.execute(db)
  // Waiting: from the registration to the intake (an intake dated before it is not measured).
  const intakes = await sql<{ prog: number | null; days: number | null; n: number }>`
    select p.programme_id as prog,
      case when p.registered_on <= p.intake_on
        then cast(julianday(p.intake_on) - julianday(p.registered_on) as integer) end as days,
      count(*) as n
    from person p
    where p.intake_on between ${from} and ${to} and ${areaIs('p.district', area)}
    group by 1, 2`.execute(db)
  const programmes = await db
    .selectFrom('programme')
    .select(['id', 'name'])
    .orderBy('sort')
    .orderBy('id')
    .execute()
  const count = (rows: { n: number }[]) => rows.reduce((sum, r) => sum + Number(r.n), 0)
  const waiting = (rows: { days: number | null; n: number }[]): DayCounts =>
    rows.flatMap((r) => (r.days === null ? [] : [{ days: Number(r.days), n: Number(r.n) }]))
  const days = (rows: typeof ended.rows): DayCounts =>
    rows.flatMap((r) =>
      r.intakeOn !== null && r.intakeOn <= r.outflowOn
        ? [{ days: dayNumber(r.outflowOn) - dayNumber(r.intakeOn), n: 1 }]
        : [],
    )
  const groups: { programmeId: number | null; name: string }[] = [
    ...programmes.map((p) => ({ programmeId: p.id, name: p.name })),
    { programmeId: null, name: '' },
  ]
  const byProgramme = groups
    .map((g) => {
      const e = ended.rows.filter((r) => r.prog === g.programmeId)
      const i = intakes.rows.filter((r) => r.prog === g.programmeId)
      return {
        ...g,
        ended: e.length,
        daysMedian: medianOfCounts(days(e)),
        intakes: count(i),
        waitingMedian: medianOfCounts(waiting(i)),
      }
    })
    .filter((g) => g.ended > 0 || g.intakes > 0)
  const all = days(ended.rows)
  return {
    ended: ended.rows.length,
    droppedOut: ended.rows.filter((r) => r.kind === 'dropped_out').length,
    daysMedian: medianOfCounts(all),
    daysMean: meanOfCounts(all),
    byProgramme,
  }
}

async function careSignals(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<OutcomeFigures['careSignals']> {
  const rows = await sql<{ who: string; kind: string; parties: string }>`
    select case when s.household_id is not null then 'h' || s.household_id
      else 'p' || s.person_id end as who, s.kind, s.discussed_with as parties
    from care_signal s
    left join household h indexed by household_id_district on h.id = s.household_id
    left join person p indexed by person_group on p.id = s.person_id
    where s.signalled_on between ${from} and ${to}
      and ${areaIs('coalesce(h.district, p.district)', area)}`.execute(db)
  const byKind = Object.fromEntries(CARE_SIGNAL_KINDS.map((k) => [k, 0])) as Record<
    CareSignalKind,
    number
  >
  for (const kind of CARE_SIGNAL_KINDS)
    byKind[kind] = new Set(rows.rows.filter((r) => r.kind === kind).map((r) => r.who)).size
  const byParty = Object.fromEntries(CARE_SIGNAL_PARTIES.map((k) => [k, 0])) as Record<
    CareSignalParty,
    number
  >
  for (const r of rows.rows)
    for (const party of r.parties ? r.parties.split(',') : [])
      if (party in byParty) byParty[party as CareSignalParty]++
  return { subjects: new Set(rows.rows.map((r) => r.who)).size, byKind, byParty }
}

async function sinceStart(
  db: Db,
  to: string,
  area: string | null,
): Promise<OutcomeFigures['sinceStart']> {
  const households =
    area === null
      ? await sql<{ n: number }>`
          select count(*) as n from household_visit_span s where s.first_visit_on <= ${to}`.execute(
          db,
        )
      : await sql<{ n: number }>`
          select count(*) as n from household_visit_span s indexed by household_visit_span_first
            cross join household h indexed by household_id_district on h.id = s.household_id
          where s.first_visit_on <= ${to} and ${areaIs('h.district', area)}`.execute(db)
  // Everyone ever registered is kept per district and programme (migration 0022); those
  // registered after `to` are the few taken off, read from a short range of `person_figures`.
  const people = await sql<{ n: number }>`
    select (select coalesce(sum(g.people), 0) from person_count_by_group g
        where ${areaIs('g.district', area)})
      - (select count(*) from person p indexed by person_figures
        where p.registered_on > ${to} and ${areaIs('p.district', area)}) as n`.execute(db)
  return {
    households: Number(households.rows[0]?.n ?? 0),
    participants: Number(people.rows[0]?.n ?? 0),
  }
}

/** The stories told in the period (of the area, or of every area), oldest first. */
export async function reportStories(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<ReportStory[]> {
  const rows = await sql<ReportStory>`
    select section, about, name, title, text, told_on as "toldOn" from story
    where told_on between ${from} and ${to}
      and (area is null or ${inArea('area', area)})
    order by told_on, id`.execute(db)
  return rows.rows
}
