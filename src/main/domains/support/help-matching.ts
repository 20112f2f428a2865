import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import type {
  HelpRequestCandidate,
  HelpRequestMatches,
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
  totalTenths,
  waitingDays,
} from '../volunteers/matching-score'
import {
  getMatchWeights,
  nextTurn,
  optionMap,
  readPersonRecord,
} from '../volunteers/matching-queries'
import { rankLoggingViews, type MatchingContext } from '../volunteers/matching'
import { helpCandidatesTask } from './help-matching-task'
import {
  inRequestWords,
  matchedRequests,
  rankForHelpRequest,
  reasonsFor,
  requestAsPlace,
} from './help-matching-rank'
import { requestEvents } from './help-requests'
import { helpRequestRows, readHelpRequest, toHelpRequests } from './queries'

/*
 * Matching help requests and volunteers both ways (issue 16): the ranking itself is in
 * help-matching-rank.ts (it runs in a worker too); here the calls, their log entries and the
 * check again when matching.
 */

/**
 * Everyone in the volunteers register ranked for one request, and those left out with why. A
 * large register is ranked in a worker (as a vacancy's candidates are), which tells whom it will
 * show: their views are logged on main meanwhile.
 */
export async function helpCandidates(
  ctx: MatchingContext,
  input: MethodParsed<'helpRequests.candidates'>,
): Promise<HelpRequestMatches> {
  const [request, people] = await Promise.all([
    ctx.db
      .selectFrom('helpRequest')
      .select(['id', 'personId', 'householdId', 'volunteerId'])
      .where('id', '=', input.id)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('person')
      .select((eb) => eb.fn.max<number | null>('id').as('n'))
      .executeTakeFirst(),
  ])
  if (!request) throw notFound('helpRequest')
  const today = ctx.clock.today()
  const logViews = (personIds: readonly number[], withRequest: boolean): Promise<void> =>
    auditMany(ctx.db, ctx, [
      ...(withRequest
        ? requestEvents(request, {
            action: 'view',
            entityType: 'helpRequest',
            entityId: request.id,
            detail: 'matching',
          })
        : []),
      ...personIds.map((id) => ({
        action: 'view' as const,
        entityType: 'matching',
        entityId: `helpRequest:${request.id}`,
        subject: { kind: 'person', id },
      })),
    ])
  return rankLoggingViews(
    ctx,
    Number(people?.n ?? 0),
    helpCandidatesTask,
    { input, today },
    () => rankForHelpRequest(ctx.db, input, today),
    logViews,
  )
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
  const [completed, matched] = await Promise.all([
    completedCourses(db, [personId]),
    matchedRequests(db, requestId, personId),
  ])
  const { reasons } = reasonsFor(
    found.record.facts,
    request,
    requestAsPlace(request),
    completed.get(personId) ?? new Set(),
    matched.get(personId),
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
  const [weights, rows, completed, notOpen, matchedNow] = await Promise.all([
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
    matchedRequests(db, null, p.id),
  ])
  const matched = matchedNow.get(p.id) ?? []
  const requests = await toHelpRequests(db, rows)
  // The reads above and the scoring below are each a stretch of their own on main.
  await nextTurn()
  const done = completed.get(p.id) ?? new Set<number>()
  // Every open request scored on numbers; only the shown ones are explained.
  const scored = requests.map((r) => {
    const v = requestAsPlace(r)
    const c = countsOf(p, v, today)
    return {
      request: r,
      v,
      tenths: totalTenths(c, weights),
      waitingDays: waitingDays(r.openedOn, today),
      id: r.id,
      reasons: reasonsFor(p, r, v, done, matched).reasons.length,
    }
  })
  const ranked = scored.filter((s) => s.reasons === 0).sort(compareRanked)
  const excluded = scored.filter((s) => s.reasons > 0).sort(compareExcluded)
  const explain = (s: (typeof scored)[number]): HelpRequestCandidate => {
    const extra = reasonsFor(p, s.request, s.v, done, matched)
    return inRequestWords({
      requestId: s.request.id,
      kindName: s.request.kindName,
      asked: s.request.asked,
      requesterLabel: s.request.requesterLabel,
      place: s.request.place,
      ...evaluate(p, s.v, weights, today),
      reasons: extra.reasons,
      missingCourses: extra.missingCourses,
    })
  }
  const shownRanked = ranked.slice(0, input.limit)
  const shownExcluded = excluded.slice(0, input.excludedLimit)
  // The volunteer's page, and each request shown under whoever asked it (their name is on it).
  await auditMany(ctx.db, ctx, [
    {
      action: 'view',
      entityType: 'matching',
      entityId: `person:${p.id}`,
      subject: { kind: 'person', id: p.id },
      detail: 'hulpvragen',
    },
    ...[...shownRanked, ...shownExcluded].flatMap((s) =>
      requestEvents(
        { ...s.request, volunteerId: null },
        { action: 'view', entityType: 'helpRequest', entityId: s.request.id, detail: 'matching' },
      ),
    ),
  ])
  return {
    person: {
      id: p.id,
      reference: found.record.reference,
      name: found.record.name,
      place: p.place,
    },
    weights,
    ranked: shownRanked.map(explain),
    excluded: shownExcluded.map(explain),
    counts: {
      ranked: ranked.length,
      excluded: excluded.length,
      notCandidates: Number(notOpen.n),
    },
  }
}
