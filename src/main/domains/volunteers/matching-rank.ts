import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import {
  maskToHalfDays,
  type MatchWeights,
  type PersonCandidate,
  type VacancyMatches,
} from '../../../shared/schemas/volunteers-matching'
import { dayNumber } from '../../../shared/dates'
import type { Db } from '../../context'
import {
  compareExcluded,
  compareRanked,
  countsFromNumbers,
  evaluate,
  emptyCounts,
  placeKey,
  reasonCount,
  totalTenths,
  waitingDaysBetween,
  type CandidateNumbers,
  type VacancyFacts,
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
  /** Told whom the lists will show (ranked first) before their records are read. */
  onShown?: (personIds: readonly number[]) => Promise<void> | void,
): Promise<VacancyMatches> {
  const options = await optionMap(db)
  const [weights, vacancy] = await Promise.all([
    getMatchWeights(db),
    readVacancyRecord(db, input.vacancyId, options),
  ])
  if (!vacancy) throw notFound('vacancy')
  const v = vacancy.facts
  const { records, rankedCount, total, count } = await rankPeople(
    db,
    v,
    weights,
    today,
    { ranked: input.limit, excluded: input.excludedLimit },
    options,
    onShown,
  )
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
      ranked: rankedCount,
      excluded: total - rankedCount,
      notCandidates: count - total,
    },
  }
}

/**
 * Everyone who can still be matched, ranked for the place `v` (a vacancy, or a help request in
 * its shape): the whole register is scored on numbers, only the first `limits` of the ranked and
 * of the excluded are read in full. `extraReasons` adds hard filters the engine does not know of
 * (a help request's required courses), as a number of reasons for a person id.
 */
export async function rankPeople(
  db: Db,
  v: VacancyFacts,
  weights: MatchWeights,
  today: string,
  limits: { ranked: number; excluded: number },
  options: Awaited<ReturnType<typeof optionMap>>,
  onShown?: (personIds: readonly number[]) => Promise<void> | void,
  extraReasons?: (personId: number) => number,
): Promise<{ records: PersonRecord[]; rankedCount: number; total: number; count: number }> {
  // Another look (on main) may change the register in place between this read and the ranking
  // below, which runs in one stretch: then it is taken again.
  let rows = await readCandidateRows(db, v)
  while (!rows.current()) rows = await readCandidateRows(db, v)
  const { people, running, count } = rows
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
  const vacancyKey = placeKey(v.place)
  const todayDay = dayNumber(today)
  const none: number[] = []
  const total = people.ids.length
  // What each person is ranked by, by their place in the register: no object per person.
  const tenthsAt = new Int32Array(total)
  const waitAt = new Int32Array(total)
  const reasonsAt = new Int32Array(total)
  let rankedCount = 0
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
  const counts = emptyCounts()
  for (let i = 0; i < total; i++) {
    const id = people.ids[i]
    const wait = waitingDaysBetween(people.sinceDays[i], todayDay)
    n.id = id
    n.waitingDays = wait
    n.placeKey = people.placeKeys[i]
    n.mask = people.masks[i]
    n.skillsMatched = people.skillsMatched[i]
    n.interestsPerson = people.interestCounts[i]
    n.interestsMatched = people.interestsMatched[i]
    n.goalsPerson = people.goalCounts[i]
    n.goalsMatched = people.goalsMatched[i]
    n.limitationHits = people.limitationHits[i]
    n.otherMasks = otherMasksOf.get(id) ?? none
    n.hereStep = hereStepOf.get(id) ?? null
    tenthsAt[i] = totalTenths(countsFromNumbers(n, v, vacancyKey, counts), weights)
    waitAt[i] = wait
    const reasons = reasonCount(n, v) + (extraReasons ? extraReasons(id) : 0)
    reasonsAt[i] = reasons
    if (reasons === 0) rankedCount++
  }
  // The order of both lists is the rule of compareRanked and compareExcluded, read through two
  // scratch rows; only the first of each list are picked, the rest is never sorted.
  const a: Sorted<number> = { item: 0, tenths: 0, waitingDays: 0, id: 0, reasons: 0 }
  const b: Sorted<number> = { ...a }
  const fill = (row: Sorted<number>, i: number): Sorted<number> => {
    row.tenths = tenthsAt[i]
    row.waitingDays = waitAt[i]
    row.id = people.ids[i]
    row.reasons = reasonsAt[i]
    return row
  }
  const shownIds = [
    ...firstInOrder(
      total,
      limits.ranked,
      (i) => reasonsAt[i] === 0,
      (x, y) => compareRanked(fill(a, x), fill(b, y)),
    ),
    ...firstInOrder(
      total,
      limits.excluded,
      (i) => reasonsAt[i] > 0,
      (x, y) => compareExcluded(fill(a, x), fill(b, y)),
    ),
  ].map((i) => people.ids[i])
  await nextTurn()
  await onShown?.(shownIds)
  const records = await readPersonRecords(db, shownIds, options, v.id)
  return { records, rankedCount, total, count: count }
}

/**
 * The first `k` of the indices 0..n-1 that `keep` lets through, in the order of `compare` (a
 * total order), sorted. A page shows the first twenty of thousands: the rest is compared once
 * against the last one kept and never sorted. A large `k` sorts everything instead.
 */
export function firstInOrder(
  n: number,
  k: number,
  keep: (i: number) => boolean,
  compare: (x: number, y: number) => number,
): number[] {
  if (k <= 0) return []
  if (k * 4 >= n) {
    const all: number[] = []
    for (let i = 0; i < n; i++) if (keep(i)) all.push(i)
    return all.sort(compare).slice(0, k)
  }
  const top: number[] = []
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue
    if (top.length === k) {
      if (compare(i, top[k - 1]) >= 0) continue
      top.pop()
    }
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compare(top[mid], i) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, i)
  }
  return top
}
