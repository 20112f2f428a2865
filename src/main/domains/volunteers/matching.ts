import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import {
  maskToHalfDays,
  SCORE_PARTS,
  type MatchWeights,
  type PersonCandidate,
  type PersonMatches,
  type VacancyCandidate,
  type VacancyMatches,
} from '../../../shared/schemas/volunteers-matching'
import type { ServiceContext } from '../../context'
import { audit, auditMany, changedFields } from '../audit/audit'
import {
  compareExcluded,
  compareRanked,
  countsFromNumbers,
  countsOf,
  placeKey,
  reasonCount,
  evaluate,
  exclusionReasons,
  totalTenths,
  waitingDays,
  type CandidateNumbers,
  type PersonFacts,
  type VacancyFacts,
} from './matching-score'
import {
  getMatchWeights,
  MATCHING_SETTINGS_KEY,
  nextTurn,
  optionMap,
  personAt,
  readActiveVacancies,
  readCandidateRows,
  readPersonRecord,
  readPersonRecords,
  readVacancyRecord,
  type PersonRecord,
  type RunningRow,
  type VacancyRecord,
} from './matching-queries'

const personSubject = (id: number): { kind: string; id: number } => ({ kind: 'person', id })

interface Sorted<T> {
  item: T
  tenths: number
  waitingDays: number
  id: number
  reasons: number
}

/**
 * Splits candidates into ranked and excluded, sorts both, and keeps `limit` of each. Only the
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
  limit: number,
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
    ranked: ranked.slice(0, limit).map((r) => r.item),
    excluded: excluded.slice(0, limit).map((r) => r.item),
    counts: { ranked: ranked.length, excluded: excluded.length },
  }
}

/**
 * `matching.forVacancy`: everyone who can still be matched, ranked for one vacancy, and those
 * left out with every reason. The vacancy itself may be inactive: then everyone is left out
 * with that reason, so the coordinator sees why the list is empty. The whole list is ranked on
 * numbers read in two set-based statements; only the `limit` shown of each list are read in full
 * and explained.
 */
export async function matchForVacancy(
  ctx: ServiceContext,
  input: MethodParsed<'matching.forVacancy'>,
): Promise<VacancyMatches> {
  const options = await optionMap(ctx.db)
  const [weights, vacancy] = await Promise.all([
    getMatchWeights(ctx.db),
    readVacancyRecord(ctx.db, input.vacancyId, options),
  ])
  if (!vacancy) throw notFound('vacancy')
  const today = ctx.clock.today()
  const v = vacancy.facts
  const { rows, running, people } = await readCandidateRows(ctx.db, v)
  const runningOf = new Map<number, RunningRow[]>()
  for (const pl of running) {
    const l = runningOf.get(pl.personId)
    if (l) l.push(pl)
    else runningOf.set(pl.personId, [pl])
  }
  // Many people share a place and a waiting day: each is worked out once.
  const keys = new Map<string | null, string | null>()
  const waits = new Map<string, number>()
  const vacancyKey = placeKey(v.place)
  const ranked: Sorted<number>[] = []
  const excluded: Sorted<number>[] = []
  for (const r of rows) {
    let key = keys.get(r.place)
    if (key === undefined) keys.set(r.place, (key = placeKey(r.place)))
    let wait = waits.get(r.waitingSince)
    if (wait === undefined) waits.set(r.waitingSince, (wait = waitingDays(r.waitingSince, today)))
    const otherMasks: number[] = []
    let hereStep: string | null = null
    for (const pl of runningOf.get(r.id) ?? [])
      if (pl.vacancyId === v.id) hereStep ??= pl.step
      else otherMasks.push(pl.mask)
    // Written out, not spread: a spread per row cost more than the rest of the loop.
    const n: CandidateNumbers = {
      id: r.id,
      left: false,
      waitingDays: wait,
      placeKey: key,
      mask: r.mask,
      skillsMatched: r.skillsMatched,
      interestsPerson: r.interestsPerson,
      interestsMatched: r.interestsMatched,
      goalsPerson: r.goalsPerson,
      goalsMatched: r.goalsMatched,
      limitationHits: r.limitationHits,
      otherMasks,
      hereStep,
    }
    const row = {
      item: r.id,
      tenths: totalTenths(countsFromNumbers(n, v, vacancyKey), weights),
      waitingDays: wait,
      id: r.id,
      reasons: reasonCount(n, v),
    }
    if (row.reasons) excluded.push(row)
    else ranked.push(row)
  }
  ranked.sort(compareRanked)
  excluded.sort(compareExcluded)
  await nextTurn()
  const shownIds = [
    ...ranked.slice(0, input.limit).map((r) => r.id),
    ...excluded.slice(0, input.limit).map((r) => r.id),
  ]
  const records = await readPersonRecords(ctx.db, shownIds, options, v.id)
  const shown = (r: PersonRecord): PersonCandidate => ({
    personId: r.facts.id,
    reference: r.reference,
    name: r.name,
    place: r.facts.place,
    ...evaluate(r.facts, v, weights, today),
  })
  const candidates = records.map(shown)
  // The list for the vacancy, and a view under each person it shows (name, place and their
  // limitations), so each one's subject access export tells who saw them here. The ranked rest
  // is not shown, so not logged. One transaction for all of them keeps this one write.
  await auditMany(ctx.db, ctx, [
    { action: 'view', entityType: 'matching', entityId: v.id, fields: ['vacancyId'] },
    ...records.map((r) => ({
      action: 'view' as const,
      entityType: 'matching',
      entityId: v.id,
      subject: personSubject(r.facts.id),
      fields: ['vacancyId'],
    })),
  ])
  return {
    vacancy: {
      id: v.id,
      title: vacancy.title,
      partnerName: vacancy.partnerName,
      place: v.place,
      places: v.places,
      placesLeft: Math.max(0, v.places - v.taken),
      active: v.active,
      halfDays: maskToHalfDays(v.mask),
    },
    weights,
    ranked: candidates.filter((c) => c.reasons.length === 0),
    excluded: candidates.filter((c) => c.reasons.length > 0),
    counts: {
      ranked: ranked.length,
      excluded: excluded.length,
      notCandidates: people - rows.length,
    },
  }
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
  const [weights, found, vacancies] = await Promise.all([
    getMatchWeights(ctx.db),
    readPersonRecord(ctx.db, input.personId, options, null),
    readActiveVacancies(ctx.db, options),
  ])
  if (!found) throw notFound('person')
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
    input.limit,
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
