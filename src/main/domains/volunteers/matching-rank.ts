import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import {
  maskToHalfDays,
  type PersonCandidate,
  type VacancyMatches,
} from '../../../shared/schemas/volunteers-matching'
import type { Db } from '../../context'
import {
  compareExcluded,
  compareRanked,
  countsFromNumbers,
  evaluate,
  placeKey,
  reasonCount,
  totalTenths,
  waitingDays,
  type CandidateNumbers,
} from './matching-score'
import {
  getMatchWeights,
  nextTurn,
  optionMap,
  readCandidateRows,
  readPersonRecords,
  readVacancyRecord,
  type PersonRecord,
  type RunningRow,
} from './matching-queries'

/** A candidate in the sort: what it is ranked by. */
export interface Sorted<T> {
  item: T
  tenths: number
  waitingDays: number
  id: number
  reasons: number
}

/**
 * The ranking of `matching.forVacancy`, on main or in a worker (on the worker's kept read
 * connection): reads only, so the same answer wherever it runs. The views are logged by the
 * caller, on main.
 */
export async function rankForVacancy(
  db: Db,
  input: MethodParsed<'matching.forVacancy'>,
  today: string,
): Promise<VacancyMatches> {
  const options = await optionMap(db)
  const [weights, vacancy] = await Promise.all([
    getMatchWeights(db),
    readVacancyRecord(db, input.vacancyId, options),
  ])
  if (!vacancy) throw notFound('vacancy')
  const v = vacancy.facts
  const { rows, running, people } = await readCandidateRows(db, v)
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
  const records = await readPersonRecords(db, shownIds, options, v.id)
  const shown = (r: PersonRecord): PersonCandidate => ({
    personId: r.facts.id,
    reference: r.reference,
    name: r.name,
    place: r.facts.place,
    ...evaluate(r.facts, v, weights, today),
  })
  const candidates = records.map(shown)
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
