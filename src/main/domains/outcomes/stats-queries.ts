import { sql } from 'kysely'
import { dayNumber } from '../../../shared/dates'
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
import { inArea } from '../../db/areas'
import type { Db } from '../../context'

/*
 * The outcome indicators of a period and an area (the subsidy report's section 'outcomes').
 * Definitions in words: `reports/definitions.ts` (`outcomes.*`). Few rows a year (hundreds of
 * answers, goals and trajectories, tens of signals): each is one small read through an index on
 * its date, counted in JavaScript.
 */

const round1 = (n: number): number => Math.round(n * 10) / 10

function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : round1((s[mid - 1] + s[mid]) / 2)
}

const mean = (values: readonly number[]): number | null =>
  values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null

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
  const responses = await sql<{ id: number; occasion: string; mark: number }>`
    select id, occasion, mark from survey_response
    where month between ${first} and ${last} and ${areaIs('district', area)}`.execute(db)
  const answers = await sql<{ questionId: number; text: string; n: number; total: number }>`
    select a.question_id as "questionId", q.text, count(*) as n, sum(a.score) as total
    from survey_response r
    join survey_answer a on a.response_id = r.id
    join survey_question q on q.id = a.question_id
    where r.month between ${first} and ${last} and ${areaIs('r.district', area)}
    group by a.question_id order by q.sort, q.id`.execute(db)
  const marks = responses.rows.map((r) => r.mark)
  return {
    invited: Number(invites.rows[0]?.invited ?? 0),
    answered: Number(invites.rows[0]?.answered ?? 0),
    responses: marks.length,
    meanMark: mean(marks),
    satisfied: marks.filter((m) => m >= SATISFIED_FROM).length,
    byOccasion: SURVEY_OCCASIONS.map((occasion) => {
      const of = responses.rows.filter((r) => r.occasion === occasion).map((r) => r.mark)
      return { occasion, responses: of.length, meanMark: mean(of) }
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
  // Without an area the goals' own index answers it; with one, each goal's person is read.
  const rows =
    area === null
      ? await sql<{ status: string; n: number }>`
          select g.status, count(*) as n from plan_goal g
          where g.closed_on between ${from} and ${to} and g.status <> 'open'
          group by g.status`.execute(db)
      : await sql<{ status: string; n: number }>`
          select g.status, count(*) as n from plan_goal g join person p on p.id = g.person_id
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

async function trajectories(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<OutcomeFigures['trajectories']> {
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
  const intakes = await sql<{ prog: number | null; registeredOn: string; intakeOn: string }>`
    select p.programme_id as prog, p.registered_on as "registeredOn", p.intake_on as "intakeOn"
    from person p
    where p.intake_on between ${from} and ${to} and ${areaIs('p.district', area)}`.execute(db)
  const programmes = await db
    .selectFrom('programme')
    .select(['id', 'name'])
    .orderBy('sort')
    .orderBy('id')
    .execute()
  // Days in a trajectory: from the intake to the end (a person who left without an intake has no
  // trajectory to measure and only counts among those who ended).
  const days = (rows: typeof ended.rows) =>
    rows
      .filter((r) => r.intakeOn !== null && r.intakeOn <= r.outflowOn)
      .map((r) => dayNumber(r.outflowOn) - dayNumber(r.intakeOn as string))
  const waiting = (rows: typeof intakes.rows) =>
    rows
      .filter((r) => r.registeredOn <= r.intakeOn)
      .map((r) => dayNumber(r.intakeOn) - dayNumber(r.registeredOn))
  const all = days(ended.rows)
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
        daysMedian: median(days(e)),
        intakes: i.length,
        waitingMedian: median(waiting(i)),
      }
    })
    .filter((g) => g.ended > 0 || g.intakes > 0)
  return {
    ended: ended.rows.length,
    droppedOut: ended.rows.filter((r) => r.kind === 'dropped_out').length,
    daysMedian: median(all),
    daysMean: mean(all),
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
    left join household h on h.id = s.household_id
    left join person p on p.id = s.person_id
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
          select count(*) as n from household_visit_span s join household h on h.id = s.household_id
          where s.first_visit_on <= ${to} and ${areaIs('h.district', area)}`.execute(db)
  const people = await sql<{ n: number }>`
    select count(*) as n from person p
    where p.registered_on <= ${to} and ${areaIs('p.district', area)}`.execute(db)
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
