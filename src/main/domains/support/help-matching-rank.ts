import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import {
  halfDaysToMask,
  type ExclusionReason,
  type Explanation,
  type MatchScore,
} from '../../../shared/schemas/volunteers-matching'
import type {
  HelpRequest,
  HelpRequestMatches,
  HelpVolunteerCandidate,
} from '../../../shared/schemas/support'
import type { Db } from '../../context'
import { completedCourses } from '../trainings/queries'
import {
  evaluate,
  exclusionReasons,
  halfDayKeys,
  type PersonFacts,
  type VacancyFacts,
} from '../volunteers/matching-score'
import { getMatchWeights, optionMap } from '../volunteers/matching-queries'
import { rankPeople } from '../volunteers/matching-rank'
import { readHelpRequest, requestReference } from './queries'

/*
 * A help request is matched with the volunteers' engine: the request is put in the shape of a
 * vacancy with one place (its half-days, place and demands; it asks no skills, interests or
 * learning goals), so the hard filters, the score parts, "ontbreekt" and the reasons are the
 * engine's own. One filter is the request's: every required course must have been completed.
 */

/** The request as the engine sees a place. Its id is negative: no placement is ever "here". */
export function requestAsPlace(r: HelpRequest): VacancyFacts {
  return {
    id: -r.id,
    active: r.status === 'open',
    place: r.place,
    places: 1,
    taken: 0,
    mask: halfDaysToMask(r.halfDays),
    demands: r.demands,
    skills: [],
    interests: [],
    learningGoals: [],
  }
}

/** Sentences that speak of "de plek": said of a help request instead (`matching.helpParts`). */
const HELP_PARTS = new Set([
  'skillsNoneAsked',
  'interestsNoneListed',
  'goalsNotOffered',
  'availability',
  'availabilitySomeTaken',
  'availabilityNone',
  'samePlaceYes',
  'samePlaceNo',
  'samePlaceUnknown',
])
const HELP_REASONS = new Set(['noSharedHalfDay', 'limitation'])

function reworded(e: Explanation): Explanation {
  const [, group, name] = /^matching\.(parts|reasons)\.(\w+)$/.exec(e.key) ?? []
  if (group === 'parts' && HELP_PARTS.has(name)) return { ...e, key: `matching.helpParts.${name}` }
  if (group === 'reasons' && HELP_REASONS.has(name))
    return { ...e, key: `matching.helpReasons.${name}` }
  return e
}

/** A score of the engine in the words of a help request: the points and reasons are the same. */
export function inRequestWords<T extends MatchScore>(score: T): T {
  return {
    ...score,
    parts: score.parts.map((p) => ({ ...p, text: reworded(p.text) })),
    reasons: score.reasons.map((r) => ({ ...r, text: reworded(r.text) })),
  }
}

/** The engine's reasons, with a closed request's own words, and a missing course as a reason. */
export function reasonsFor(
  p: PersonFacts,
  r: HelpRequest,
  v: VacancyFacts,
  completed: ReadonlySet<number>,
  /** The person's other matched requests: one on a half-day of this one is a double booking. */
  matched: readonly MatchedRequest[] = [],
): { reasons: ExclusionReason[]; missingCourses: { id: number; title: string }[] } {
  const reasons = exclusionReasons(p, v).map((x) =>
    x.code === 'vacancyInactive'
      ? {
          code: 'requestNotOpen' as const,
          text: { key: 'matching.reasons.requestNotOpen', params: {} },
        }
      : x,
  )
  if (r.personId === p.id)
    reasons.push({ code: 'ownRequest', text: { key: 'matching.reasons.ownRequest', params: {} } })
  for (const m of matched) {
    const clash = m.mask & v.mask
    if (m.id !== r.id && clash)
      reasons.push({
        code: 'doubleBooked',
        text: {
          key: 'matching.helpReasons.doubleBookedRequest',
          params: { reference: requestReference(m.id), kind: m.kindName },
          codes: { halfDays: halfDayKeys(clash) },
        },
      })
  }
  const missingCourses = r.courses.filter((c) => !completed.has(c.id))
  for (const c of missingCourses)
    reasons.push({
      code: 'trainingMissing',
      text: { key: 'matching.reasons.trainingMissing', params: { course: c.title } },
    })
  return { reasons, missingCourses }
}

/** A request a volunteer is matched to now: its half-days are theirs for as long as it runs. */
export interface MatchedRequest {
  id: number
  mask: number
  kindName: string
}

/** Every running match (status matched) by volunteer, but that of request `except`. */
export async function matchedRequests(
  db: Db,
  except: number | null,
  volunteerId: number | null = null,
): Promise<Map<number, MatchedRequest[]>> {
  const rows = await db
    .selectFrom('helpRequest as r')
    .innerJoin('helpKind as k', 'k.id', 'r.kindId')
    .select(['r.id', 'r.volunteerId', 'r.slotMask', 'k.name'])
    .where('r.status', '=', 'matched')
    .where('r.volunteerId', 'is not', null)
    .$if(except !== null, (q) => q.where('r.id', '<>', except!))
    .$if(volunteerId !== null, (q) => q.where('r.volunteerId', '=', volunteerId!))
    .execute()
  const out = new Map<number, MatchedRequest[]>()
  for (const r of rows) {
    const l = out.get(r.volunteerId!) ?? []
    l.push({ id: r.id, mask: Number(r.slotMask), kindName: r.name })
    out.set(r.volunteerId!, l)
  }
  return out
}

/**
 * How many of the required courses each person completed, for those who completed any: one
 * grouped read of the participants of those courses' sessions, whatever the number of people.
 */
async function completedCounts(db: Db, courseIds: readonly number[]): Promise<Map<number, number>> {
  const held = new Map<number, number>()
  if (!courseIds.length) return held
  const rows = await sql<{ j: string | null }>`select json_group_array(person_id || ':' || n) as j
    from (select p.person_id, count(distinct s.course_id) as n
      from training_participant p join training_session s on s.id = p.session_id
      where p.person_id is not null and p.completed = 1
        and s.course_id in (${sql.join(courseIds.map((c) => sql`${c}`))})
      group by p.person_id)`.execute(db)
  const text = rows.rows[0]?.j
  for (const pair of text ? (JSON.parse(text) as string[]) : []) {
    const [id, n] = pair.split(':').map(Number)
    held.set(id, n)
  }
  return held
}

/**
 * The ranking of `helpRequests.candidates`, on main or in a worker (on its kept read connection):
 * reads only. `onShown` is told whom the lists will show before their records are read, so the
 * caller logs those views meanwhile.
 */
export async function rankForHelpRequest(
  db: Db,
  input: MethodParsed<'helpRequests.candidates'>,
  today: string,
  onShown?: (personIds: readonly number[]) => Promise<void> | void,
): Promise<HelpRequestMatches> {
  const request = await readHelpRequest(db, input.id)
  if (!request) throw notFound('helpRequest')
  const v = requestAsPlace(request)
  const courseIds = request.courses.map((c) => c.id)
  const [options, weights, held, matched] = await Promise.all([
    optionMap(db),
    getMatchWeights(db),
    completedCounts(db, courseIds),
    matchedRequests(db, request.id),
  ])
  const required = courseIds.length
  const asker = request.personId
  const clashes = (id: number): number => {
    let n = 0
    for (const m of matched.get(id) ?? []) if (m.mask & v.mask) n++
    return n
  }
  // Each course not completed is a reason, and so are asking for the help oneself and each
  // running match on one of the request's half-days.
  const lacking = (id: number): number =>
    required - (held.get(id) ?? 0) + (id === asker ? 1 : 0) + clashes(id)
  const { records, rankedCount, total, count } = await rankPeople(
    db,
    v,
    weights,
    today,
    { ranked: input.limit, excluded: input.excludedLimit },
    options,
    onShown,
    lacking,
  )
  const completed = await completedCourses(
    db,
    records.map((r) => r.facts.id),
  )
  const shown = records.map((rec): HelpVolunteerCandidate => {
    const score = evaluate(rec.facts, v, weights, today)
    const extra = reasonsFor(
      rec.facts,
      request,
      v,
      completed.get(rec.facts.id) ?? new Set(),
      matched.get(rec.facts.id),
    )
    return inRequestWords({
      personId: rec.facts.id,
      reference: rec.reference,
      name: rec.name,
      place: rec.facts.place,
      ...score,
      reasons: extra.reasons,
      missingCourses: extra.missingCourses,
    })
  })
  return {
    request,
    weights,
    ranked: shown.filter((c) => c.reasons.length === 0),
    excluded: shown.filter((c) => c.reasons.length > 0),
    counts: { ranked: rankedCount, excluded: total - rankedCount, notCandidates: count - total },
  }
}
