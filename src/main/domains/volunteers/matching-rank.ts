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
  const { people, running, count } = await readCandidateRows(db, v)
  // Each person's running placements elsewhere (their half-days) and the step of one here.
  const otherMasksOf = new Map<number, number[]>()
  const hereStepOf = new Map<number, string>()
  for (let k = 0; k < running.personIds.length; k++) {
    const personId = running.personIds[k]
    if (running.vacancyIds[k] === v.id) {
      if (!hereStepOf.has(personId)) hereStepOf.set(personId, running.steps[k])
      continue
    }
    const l = otherMasksOf.get(personId)
    if (l) l.push(running.masks[k])
    else otherMasksOf.set(personId, [running.masks[k]])
  }
  // Many people share a place and a waiting day: each is worked out once.
  const keys = new Map<string | null, string | null>()
  const waits = new Map<string, number>()
  const vacancyKey = placeKey(v.place)
  const none: number[] = []
  const ranked: Sorted<number>[] = []
  const excluded: Sorted<number>[] = []
  // One object for every person in turn: the rules read it and keep nothing of it.
  const n: CandidateNumbers = {
    id: 0,
    left: false,
    waitingDays: 0,
    placeKey: null,
    mask: 0,
    skillsMatched: 0,
    interestsPerson: 0,
    interestsMatched: 0,
    goalsPerson: 0,
    goalsMatched: 0,
    limitationHits: 0,
    otherMasks: none,
    hereStep: null,
  }
  for (let i = 0; i < people.ids.length; i++) {
    const id = people.ids[i]
    const place = people.places[i]
    let key = keys.get(place)
    if (key === undefined) keys.set(place, (key = placeKey(place)))
    const since = people.waitingSince[i]
    let wait = waits.get(since)
    if (wait === undefined) waits.set(since, (wait = waitingDays(since, today)))
    n.id = id
    n.waitingDays = wait
    n.placeKey = key
    n.mask = people.masks[i]
    n.skillsMatched = people.skillsMatched[i]
    n.interestsPerson = people.interestCounts[i]
    n.interestsMatched = people.interestsMatched[i]
    n.goalsPerson = people.goalCounts[i]
    n.goalsMatched = people.goalsMatched[i]
    n.limitationHits = people.limitationHits[i]
    n.otherMasks = otherMasksOf.get(id) ?? none
    n.hereStep = hereStepOf.get(id) ?? null
    const row = {
      item: id,
      tenths: totalTenths(countsFromNumbers(n, v, vacancyKey), weights),
      waitingDays: wait,
      id,
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
    ...excluded.slice(0, input.excludedLimit).map((r) => r.id),
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
      notCandidates: count - people.ids.length,
    },
  }
}
