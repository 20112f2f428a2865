import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import {
  maskToHalfDays,
  SCORE_PARTS,
  type MatchWeights,
  type PersonMatches,
  type VacancyCandidate,
  type VacancyMatches,
} from '../../../shared/schemas/volunteers-matching'
import type { ServiceContext } from '../../context'
import type { Vault } from '../../vault/vault'
import { matchForVacancyTask } from './matching-task'
import { rankForVacancy, type Sorted } from './matching-rank'
import { audit, auditMany, changedFields } from '../audit/audit'
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
} from './matching-score'
import type { TaskDefinition } from '../../workers/task'
import {
  getMatchWeights,
  MATCHING_SETTINGS_KEY,
  nextTurn,
  optionMap,
  personAt,
  readActiveVacancies,
  readPersonRecord,
  type VacancyRecord,
} from './matching-queries'

const personSubject = (id: number): { kind: string; id: number } => ({ kind: 'person', id })

/**
 * Above this many people a vacancy's candidates are ranked in a worker: at ten years of data
 * (20,000 people) the reading and scoring take some 70 ms, which main would otherwise spend in
 * stretches while every window waits. A small register is ranked on main, sparing it the hop.
 */
export const MATCHING_WORKER_FROM_PEOPLE = 2000

export interface MatchingContext extends ServiceContext {
  vault: Pick<Vault, 'workers'>
}

/**
 * Splits candidates into ranked and excluded, sorts both, and keeps `limits` of each. Only the
 * kept ones get their full explanation (names, sentences); the rest are counted. The order of
 * the ranked: score, then the longest wait, then the lowest id; of the excluded: fewest reasons
 * first, then the same.
 */
function split<T>(
  items: readonly T[],
  facts: (item: T) => { p: PersonFacts; v: VacancyFacts },
  tieId: (item: T) => number,
  weights: MatchWeights,
  today: string,
  limits: { ranked: number; excluded: number },
): { ranked: T[]; excluded: T[]; counts: { ranked: number; excluded: number } } {
  const ranked: Sorted<T>[] = []
  const excluded: Sorted<T>[] = []
  for (const item of items) {
    const { p, v } = facts(item)
    const c = countsOf(p, v, today)
    const reasons = exclusionReasons(p, v).length
    const row = {
      item,
      tenths: totalTenths(c, weights),
      waitingDays: c.waitingDays,
      id: tieId(item),
      reasons,
    }
    if (reasons) excluded.push(row)
    else ranked.push(row)
  }
  ranked.sort(compareRanked)
  excluded.sort(compareExcluded)
  return {
    ranked: ranked.slice(0, limits.ranked).map((r) => r.item),
    excluded: excluded.slice(0, limits.excluded).map((r) => r.item),
    counts: { ranked: ranked.length, excluded: excluded.length },
  }
}

/**
 * `matching.forVacancy`: everyone who can still be matched, ranked for one vacancy, and those
 * left out with every reason. The vacancy itself may be inactive: then everyone is left out
 * with that reason, so the coordinator sees why the list is empty. The whole list is ranked on
 * numbers read in two set-based statements; only the shown ones of each list are read in full
 * and explained.
 */
export async function matchForVacancy(
  ctx: MatchingContext,
  input: MethodParsed<'matching.forVacancy'>,
): Promise<VacancyMatches> {
  // Two seeks on main decide: a vacancy that is not there is refused here, and a large register
  // is ranked in a worker (see MATCHING_WORKER_FROM_PEOPLE).
  const [found, people] = await Promise.all([
    ctx.db.selectFrom('vacancy').select('id').where('id', '=', input.vacancyId).executeTakeFirst(),
    ctx.db
      .selectFrom('person')
      .select((eb) => eb.fn.max<number | null>('id').as('n'))
      .executeTakeFirst(),
  ])
  if (!found) throw notFound('vacancy')
  const today = ctx.clock.today()
  // The list for the vacancy, and a view under each person it shows (name, place and their
  // limitations), so each one's subject access export tells who saw them here. The ranked rest
  // is not shown, so not logged. One transaction for all of them keeps this one write.
  const logViews = (personIds: readonly number[], withList: boolean): Promise<void> =>
    auditMany(ctx.db, ctx, [
      ...(withList
        ? [
            {
              action: 'view' as const,
              entityType: 'matching',
              entityId: input.vacancyId,
              fields: ['vacancyId'],
            },
          ]
        : []),
      ...personIds.map((id) => ({
        action: 'view' as const,
        entityType: 'matching',
        entityId: input.vacancyId,
        subject: personSubject(id),
        fields: ['vacancyId'],
      })),
    ])
  return rankLoggingViews(
    ctx,
    Number(people?.n ?? 0),
    matchForVacancyTask,
    { input, today },
    () => rankForVacancy(ctx.db, input, today),
    logViews,
  )
}

/** What a ranking of people answers: the shown ones of both lists. */
interface PeopleLists {
  ranked: readonly { personId: number }[]
  excluded: readonly { personId: number }[]
}

/**
 * Ranks people in a worker for a large register (over MATCHING_WORKER_FROM_PEOPLE) and on main
 * for a small one, and logs a view under each person the lists show. The worker tells whom it
 * will show before it reads their records, so the views are logged on main meanwhile, not after;
 * whoever is shown is logged, even one the worker did not tell of. (A vacancy's candidates and a
 * help request's.)
 */
export async function rankLoggingViews<I, T extends PeopleLists>(
  ctx: MatchingContext,
  people: number,
  task: TaskDefinition<I, T>,
  taskInput: I,
  onMain: () => Promise<T>,
  logViews: (personIds: readonly number[], withList: boolean) => Promise<void>,
): Promise<T> {
  const told: { ids?: Set<number>; logged?: Promise<void> } = {}
  let matches: T
  try {
    matches =
      people > MATCHING_WORKER_FROM_PEOPLE
        ? await ctx.vault.workers.run(task, taskInput, {
            owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
            onTold: (value) => {
              if (told.logged) return
              const ids = Array.isArray(value) ? value.filter(Number.isInteger) : []
              told.ids = new Set(ids)
              told.logged = logViews(ids, true)
            },
          })
        : await onMain()
  } catch (err) {
    await told.logged?.catch(() => undefined)
    throw err
  }
  const shown = [...matches.ranked, ...matches.excluded].map((c) => c.personId)
  if (told.logged && told.ids) {
    await told.logged
    const missing = shown.filter((id) => !told.ids?.has(id))
    if (missing.length) await logViews(missing, false)
  } else await logViews(shown, true)
  return matches
}

/**
 * `matching.forPerson`: every active vacancy ranked for one person, and those left out with
 * every reason. Equal scores: the person's wait is the same for all, so the lowest vacancy id
 * comes first. A person who left is shown with that reason on every vacancy.
 */
export async function matchForPerson(
  ctx: ServiceContext,
  input: MethodParsed<'matching.forPerson'>,
): Promise<PersonMatches> {
  const options = await optionMap(ctx.db)
  const [weights, found] = await Promise.all([
    getMatchWeights(ctx.db),
    readPersonRecord(ctx.db, input.personId, options, null),
  ])
  if (!found) throw notFound('person')
  // better-sqlite3 answers synchronously: a turn of the event loop before and after reading
  // every active vacancy (a thousand at ten years of data) keeps that read, and the ranking after
  // it, each a stretch of its own on main.
  await nextTurn()
  const vacancies = await readActiveVacancies(ctx.db, options)
  await nextTurn()
  const { record, placements } = found
  const today = ctx.clock.today()
  const at = new Map<number, PersonFacts>()
  const factsAt = (v: VacancyRecord): PersonFacts => {
    let p = at.get(v.facts.id)
    if (!p) {
      p = personAt(record, placements, v.facts.id)
      at.set(v.facts.id, p)
    }
    return p
  }
  const { ranked, excluded, counts } = split(
    vacancies.records,
    (v) => ({ p: factsAt(v), v: v.facts }),
    (v) => v.facts.id,
    weights,
    today,
    { ranked: input.limit, excluded: input.excludedLimit },
  )
  const shown = (v: VacancyRecord): VacancyCandidate => ({
    vacancyId: v.facts.id,
    title: v.title,
    partnerId: v.partnerId,
    partnerName: v.partnerName,
    place: v.facts.place,
    places: v.facts.places,
    placesLeft: Math.max(0, v.facts.places - v.facts.taken),
    ...evaluate(factsAt(v), v.facts, weights, today),
  })
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'matching',
    entityId: record.facts.id,
    subject: personSubject(record.facts.id),
    fields: ['personId'],
  })
  return {
    person: {
      id: record.facts.id,
      reference: record.reference,
      name: record.name,
      place: record.facts.place,
      status: record.status,
      waitingDays: waitingDays(record.facts.waitingSince, today),
      halfDays: maskToHalfDays(record.facts.mask),
    },
    weights,
    ranked: ranked.map(shown),
    excluded: excluded.map(shown),
    counts: { ...counts, notCandidates: vacancies.inactive },
  }
}

export async function readWeights(ctx: ServiceContext): Promise<MatchWeights> {
  return getMatchWeights(ctx.db)
}

/**
 * The admin sets the weights. Logged as a settings change naming each weight that changed
 * (`matching.skills`, ...), in the same transaction.
 */
export async function updateWeights(
  ctx: ServiceContext,
  input: MethodParsed<'matching.updateWeights'>,
): Promise<MatchWeights> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getMatchWeights(trx)
    const next: MatchWeights = {
      ...Object.fromEntries(SCORE_PARTS.map((p) => [p, input[p]])),
      waitingFullDays: input.waitingFullDays,
    } as MatchWeights
    const fields = changedFields(before, next)
    if (!fields.length) return before
    const value = JSON.stringify(next)
    await trx
      .insertInto('setting')
      .values({ key: MATCHING_SETTINGS_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'settings',
      fields: fields.map((f) => `matching.${f}`),
    })
    return next
  })
}
