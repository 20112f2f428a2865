import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import { halfDaysToMask } from '../../../shared/schemas/volunteers-matching'
import type { ExclusionReason } from '../../../shared/schemas/volunteers-matching'
import type {
  HelpRequest,
  HelpRequestCandidate,
  HelpRequestMatches,
  HelpVolunteerCandidate,
  PersonHelpMatches,
} from '../../../shared/schemas/support'
import type { Db, ServiceContext } from '../../context'
import { auditMany } from '../audit/audit'
import { completedCourses } from '../trainings/queries'
import {
  compareExcluded,
  compareRanked,
  countsOf,
  evaluate,
  exclusionReasons,
  totalTenths,
  waitingDays,
  type PersonFacts,
  type VacancyFacts,
} from '../volunteers/matching-score'
import { getMatchWeights, optionMap, readPersonRecord } from '../volunteers/matching-queries'
import { rankPeople } from '../volunteers/matching-rank'
import { requestEvents } from './help-requests'
import { helpRequestRows, readHelpRequest, toHelpRequests } from './queries'

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

/** The engine's reasons, with a closed request's own words, and a missing course as a reason. */
function reasonsFor(
  p: PersonFacts,
  r: HelpRequest,
  v: VacancyFacts,
  completed: ReadonlySet<number>,
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
  const missingCourses = r.courses.filter((c) => !completed.has(c.id))
  for (const c of missingCourses)
    reasons.push({
      code: 'trainingMissing',
      text: { key: 'matching.reasons.trainingMissing', params: { course: c.title } },
    })
  return { reasons, missingCourses }
}

/**
 * How many required courses each person lacks, for everyone who lacks one: one grouped read of
 * those who completed any of them, whatever the number of people.
 */
async function missingCourseCounts(
  db: Db,
  courseIds: readonly number[],
  personIds: readonly number[],
): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  if (!courseIds.length) return out
  const rows = await sql<{ j: string | null }>`select json_group_array(person_id || ':' || n) as j
    from (select p.person_id, count(distinct s.course_id) as n
      from training_participant p join training_session s on s.id = p.session_id
      where p.person_id is not null and p.completed = 1
        and s.course_id in (${sql.join(courseIds.map((c) => sql`${c}`))})
      group by p.person_id)`.execute(db)
  const held = new Map<number, number>()
  const text = rows.rows[0]?.j
  for (const pair of text ? (JSON.parse(text) as string[]) : []) {
    const [id, n] = pair.split(':').map(Number)
    held.set(id, n)
  }
  for (const id of personIds) {
    const lacks = courseIds.length - (held.get(id) ?? 0)
    if (lacks > 0) out.set(id, lacks)
  }
  return out
}

/** Everyone in the volunteers register ranked for one request, and those left out with why. */
export async function helpCandidates(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.candidates'>,
): Promise<HelpRequestMatches> {
  const request = await readHelpRequest(ctx.db, input.id)
  if (!request) throw notFound('helpRequest')
  const db = ctx.db
  const today = ctx.clock.today()
  const v = requestAsPlace(request)
  const courseIds = request.courses.map((c) => c.id)
  const [options, weights, everyone] = await Promise.all([
    optionMap(db),
    getMatchWeights(db),
    courseIds.length
      ? sql<{ j: string | null }>`select json_group_array(id) as j from person`.execute(db)
      : Promise.resolve(null),
  ])
  const allIds = everyone ? (JSON.parse(everyone.rows[0]?.j ?? '[]') as number[]) : []
  const lacking = await missingCourseCounts(db, courseIds, allIds)
  if (request.personId !== null)
    lacking.set(request.personId, (lacking.get(request.personId) ?? 0) + 1)
  const { records, rankedCount, total, count } = await rankPeople(
    db,
    v,
    weights,
    today,
    { ranked: input.limit, excluded: input.excludedLimit },
    options,
    undefined,
    lacking,
  )
  const completed = await completedCourses(
    db,
    records.map((r) => r.facts.id),
  )
  const shown = records.map((rec): HelpVolunteerCandidate => {
    const score = evaluate(rec.facts, v, weights, today)
    const extra = reasonsFor(rec.facts, request, v, completed.get(rec.facts.id) ?? new Set())
    return {
      personId: rec.facts.id,
      reference: rec.reference,
      name: rec.name,
      place: rec.facts.place,
      ...score,
      reasons: extra.reasons,
      missingCourses: extra.missingCourses,
    }
  })
  await auditMany(ctx.db, ctx, [
    ...requestEvents(request, {
      action: 'view',
      entityType: 'helpRequest',
      entityId: request.id,
      detail: 'matching',
    }),
    ...shown.map((c) => ({
      action: 'view' as const,
      entityType: 'matching',
      entityId: `helpRequest:${request.id}`,
      subject: { kind: 'person', id: c.personId },
    })),
  ])
  return {
    request,
    weights,
    ranked: shown.filter((c) => c.reasons.length === 0),
    excluded: shown.filter((c) => c.reasons.length > 0),
    counts: { ranked: rankedCount, excluded: total - rankedCount, notCandidates: count - total },
  }
}

/**
 * The reasons one person is left out of one request, as `helpRequests.match` checks them again
 * (in its transaction): the same rules as the list.
 */
export async function matchReasons(db: Db, requestId: number, personId: number): Promise<string[]> {
  const request = await readHelpRequest(db, requestId)
  if (!request) throw notFound('helpRequest')
  const options = await optionMap(db)
  const found = await readPersonRecord(db, personId, options, null)
  if (!found) throw notFound('person')
  const completed = await completedCourses(db, [personId])
  const { reasons } = reasonsFor(
    found.record.facts,
    request,
    requestAsPlace(request),
    completed.get(personId) ?? new Set(),
  )
  return reasons.map((r) => r.code)
}

/** A volunteer's page: every open request ranked for them, and those they are left out of. */
export async function helpForPerson(
  ctx: ServiceContext,
  input: MethodParsed<'helpRequests.forPerson'>,
): Promise<PersonHelpMatches> {
  const db = ctx.db
  const options = await optionMap(db)
  const found = await readPersonRecord(db, input.personId, options, null)
  if (!found) throw notFound('person')
  const p = found.record.facts
  const today = ctx.clock.today()
  const [weights, rows, completed, notOpen] = await Promise.all([
    getMatchWeights(db),
    helpRequestRows(db)
      .where('r.status', '=', 'open')
      .orderBy('r.openedOn')
      .orderBy('r.id')
      .execute(),
    completedCourses(db, [p.id]),
    db
      .selectFrom('helpRequest')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '<>', 'open')
      .executeTakeFirstOrThrow(),
  ])
  const requests = await toHelpRequests(db, rows)
  const done = completed.get(p.id) ?? new Set<number>()
  const scored = requests.map((r) => {
    const v = requestAsPlace(r)
    const c = countsOf(p, v, today)
    const extra = reasonsFor(p, r, v, done)
    const candidate: HelpRequestCandidate = {
      requestId: r.id,
      kindName: r.kindName,
      asked: r.asked,
      requesterLabel: r.requesterLabel,
      place: r.place,
      ...evaluate(p, v, weights, today),
      reasons: extra.reasons,
      missingCourses: extra.missingCourses,
    }
    return {
      candidate,
      tenths: totalTenths(c, weights),
      waitingDays: waitingDays(r.openedOn, today),
      id: r.id,
      reasons: extra.reasons.length,
    }
  })
  const ranked = scored.filter((s) => s.reasons === 0).sort(compareRanked)
  const excluded = scored.filter((s) => s.reasons > 0).sort(compareExcluded)
  await auditMany(ctx.db, ctx, [
    {
      action: 'view',
      entityType: 'matching',
      entityId: `person:${p.id}`,
      subject: { kind: 'person', id: p.id },
      detail: 'hulpvragen',
    },
  ])
  return {
    person: {
      id: p.id,
      reference: found.record.reference,
      name: found.record.name,
      place: p.place,
    },
    weights,
    ranked: ranked.map((s) => s.candidate),
    excluded: excluded.map((s) => s.candidate),
    counts: {
      ranked: ranked.length,
      excluded: excluded.length,
      notCandidates: Number(notOpen.n),
    },
  }
}
