import type { NamedRef } from '../../../shared/schemas/common'
import {
  countBits,
  maskToHalfDays,
  PLACEMENT_TAKING_STEPS,
  type ExclusionReason,
  type Explanation,
  type HalfDay,
  type MatchScore,
  type MatchWeights,
  type ScorePart,
  type ScorePartResult,
} from '../../../shared/schemas/volunteers-matching'
import { dayNumber, toDutchDate } from '../../../shared/dates'
import { placeKey } from '../../../shared/search-key'
import type { PersonFacts, VacancyFacts } from './matching-queries'

export { placeKey }

export type {
  LimitationFact,
  OtherPlacementFact,
  PersonFacts,
  VacancyFacts,
} from './matching-queries'

/*
 * The matching rules as plain functions: no database, no clock. The queries gather the facts of
 * both sides; these decide who is left out (and why), how many points each part gives, and what
 * the sentence beside it says. The ranking of a whole list uses `partTenths` on counts only, and
 * the explanation of one candidate uses the same function, so the two can never disagree.
 */

/** The numbers each part's points depend on; nothing else goes into a score. */
export interface ScoreCounts {
  skillsMatched: number
  skillsAsked: number
  interestsMatched: number
  interestsPerson: number
  interestsVacancy: number
  goalsMatched: number
  goalsPerson: number
  /** Shared half-days not taken by another placement of the person. */
  halfDaysFree: number
  /** Half-days the vacancy needs. */
  halfDaysNeeded: number
  samePlace: boolean
  waitingDays: number
}

/** A weight times a fraction, in tenths of a point (so totals add up without float drift). */
function tenths(weight: number, num: number, den: number): number {
  if (den <= 0 || num <= 0) return 0
  return Math.round((weight * 10 * Math.min(num, den)) / den)
}

// Each part's rule on its own, so the total of a whole list and the parts of one explanation
// are the same arithmetic without building a record per candidate.
// What the place asks: full points when it asks nothing in particular.
const skillsTenths = (c: ScoreCounts, w: MatchWeights): number =>
  c.skillsAsked === 0 ? w.skills * 10 : tenths(w.skills, c.skillsMatched, c.skillsAsked)
// Shared interests out of the smaller of the two lists: a short list fully shared counts full.
const interestsTenths = (c: ScoreCounts, w: MatchWeights): number =>
  tenths(w.interests, c.interestsMatched, Math.min(c.interestsPerson, c.interestsVacancy))
// What the person wants to learn, out of how much the place offers of it.
const goalsTenths = (c: ScoreCounts, w: MatchWeights): number =>
  tenths(w.learningGoals, c.goalsMatched, c.goalsPerson)
const availabilityTenths = (c: ScoreCounts, w: MatchWeights): number =>
  tenths(w.availability, c.halfDaysFree, c.halfDaysNeeded)
const samePlaceTenths = (c: ScoreCounts, w: MatchWeights): number =>
  c.samePlace ? w.samePlace * 10 : 0
const waitingTenths = (c: ScoreCounts, w: MatchWeights): number =>
  tenths(w.waiting, c.waitingDays, w.waitingFullDays)

/** Each part's points in tenths. The rules, in words, are in the README and the PDF. */
export function partTenths(c: ScoreCounts, w: MatchWeights): Record<ScorePart, number> {
  return {
    skills: skillsTenths(c, w),
    interests: interestsTenths(c, w),
    learningGoals: goalsTenths(c, w),
    availability: availabilityTenths(c, w),
    samePlace: samePlaceTenths(c, w),
    waiting: waitingTenths(c, w),
  }
}

/** The total in tenths: what the list is sorted on (the sum of `partTenths`). */
export function totalTenths(c: ScoreCounts, w: MatchWeights): number {
  return (
    skillsTenths(c, w) +
    interestsTenths(c, w) +
    goalsTenths(c, w) +
    availabilityTenths(c, w) +
    samePlaceTenths(c, w) +
    waitingTenths(c, w)
  )
}

export function sameCountsPlace(a: string | null, b: string | null): boolean {
  const ka = placeKey(a)
  return ka !== null && ka === placeKey(b)
}

/** Days waited from one `dayNumber` to another; 0 for a day that is not a date. */
export function waitingDaysBetween(sinceDay: number, todayDay: number): number {
  const d = Math.round(todayDay - sinceDay)
  return Number.isFinite(d) ? Math.max(0, d) : 0
}

export function waitingDays(since: string, today: string): number {
  return waitingDaysBetween(dayNumber(since), dayNumber(today))
}

function countIn(ids: ReadonlySet<number>, list: readonly NamedRef[]): number {
  let n = 0
  for (const o of list) if (ids.has(o.id)) n++
  return n
}

/** The shared half-days, and those of them another placement of the person already holds. */
function halfDayMasks(p: PersonFacts, v: VacancyFacts): { shared: number; taken: number } {
  const shared = p.mask & v.mask
  let taken = 0
  for (const o of p.otherPlacements) taken |= o.mask & shared
  return { shared, taken }
}

/**
 * A candidate as numbers only, as the set-based read of a whole list gives them: enough to rank
 * and to count the reasons, not to say them. `numbersOf` derives the same from full facts, and
 * both the list and the explanation go through `countsFromNumbers`, so they cannot disagree.
 */
export interface CandidateNumbers {
  id: number
  left: boolean
  waitingDays: number
  /** `placeKey` of the person's place. */
  placeKey: string | null
  mask: number
  skillsMatched: number
  interestsPerson: number
  interestsMatched: number
  goalsPerson: number
  goalsMatched: number
  /** Limitations of the person whose demand the vacancy has. */
  limitationHits: number
  /** The half-days of each running placement of the person at another vacancy. */
  otherMasks: readonly number[]
  /** The step of the person's running placement at this vacancy, if any. */
  hereStep: string | null
}

export function numbersOf(p: PersonFacts, v: VacancyFacts, today: string): CandidateNumbers {
  const demands = new Set(v.demands)
  return {
    id: p.id,
    left: p.left,
    waitingDays: waitingDays(p.waitingSince, today),
    placeKey: placeKey(p.place),
    mask: p.mask,
    skillsMatched: countIn(p.skillIds, v.skills),
    interestsPerson: p.interestIds.size,
    interestsMatched: countIn(p.interestIds, v.interests),
    goalsPerson: p.learningGoalIds.size,
    goalsMatched: countIn(p.learningGoalIds, v.learningGoals),
    limitationHits: p.limitations.filter((l) => l.demand !== null && demands.has(l.demand)).length,
    otherMasks: p.otherPlacements.map((o) => o.mask),
    hereStep: p.placementHere?.step ?? null,
  }
}

function heldOf(n: CandidateNumbers, shared: number): number {
  let held = 0
  for (const m of n.otherMasks) held |= m & shared
  return held
}

/** Counts of nothing, in the shape every `ScoreCounts` has (one hidden class for all). */
export function emptyCounts(): ScoreCounts {
  return {
    skillsMatched: 0,
    skillsAsked: 0,
    interestsMatched: 0,
    interestsPerson: 0,
    interestsVacancy: 0,
    goalsMatched: 0,
    goalsPerson: 0,
    halfDaysFree: 0,
    halfDaysNeeded: 0,
    samePlace: false,
    waitingDays: 0,
  }
}

/** The counts of the score from a candidate's numbers; `vacancyPlaceKey` is `placeKey(v.place)`. */
export function countsFromNumbers(
  n: CandidateNumbers,
  v: VacancyFacts,
  vacancyPlaceKey: string | null,
  /** Filled and returned instead of a new object (a whole list reuses one). */
  into?: ScoreCounts,
): ScoreCounts {
  const shared = n.mask & v.mask
  const c = into ?? emptyCounts()
  c.skillsMatched = n.skillsMatched
  c.skillsAsked = v.skills.length
  c.interestsMatched = n.interestsMatched
  c.interestsPerson = n.interestsPerson
  c.interestsVacancy = v.interests.length
  c.goalsMatched = n.goalsMatched
  c.goalsPerson = n.goalsPerson
  c.halfDaysFree = countBits(shared & ~heldOf(n, shared))
  c.halfDaysNeeded = countBits(v.mask)
  c.samePlace = n.placeKey !== null && n.placeKey === vacancyPlaceKey
  c.waitingDays = n.waitingDays
  return c
}

const takesPlace = (step: string | null): boolean =>
  step !== null && (PLACEMENT_TAKING_STEPS as readonly string[]).includes(step)

/** How many reasons `exclusionReasons` gives, from the numbers alone (0: the candidate passes). */
export function reasonCount(n: CandidateNumbers, v: VacancyFacts): number {
  let r = 0
  if (n.left) r++
  if (!v.active) r++
  if (n.hereStep !== null) r++
  const shared = n.mask & v.mask
  if (shared === 0) r++
  r += n.limitationHits
  if (v.places - (v.taken - (takesPlace(n.hereStep) ? 1 : 0)) <= 0) r++
  if (shared !== 0 && (shared & ~heldOf(n, shared)) === 0)
    for (const m of n.otherMasks) if (m & shared) r++
  return r
}

export function countsOf(p: PersonFacts, v: VacancyFacts, today: string): ScoreCounts {
  return countsFromNumbers(numbersOf(p, v, today), v, placeKey(v.place))
}

const HALF_DAY_KEY = (h: HalfDay): string => `matching.halfDays.${h.weekday}_${h.part}`

export function halfDayKeys(mask: number): string[] {
  return maskToHalfDays(mask).map(HALF_DAY_KEY)
}

const names = (list: readonly NamedRef[]): string => list.map((o) => o.name).join(', ')

function explain(
  key: string,
  params: Record<string, string | number> = {},
  codes?: Record<string, string[]>,
): Explanation {
  return codes ? { key: `matching.${key}`, params, codes } : { key: `matching.${key}`, params }
}

/**
 * Why a candidate is left out: every hard filter it fails, each with its own sentence. Empty when
 * it passes. `chosenMask` is a proposal's own half-days, when the coordinator picked them.
 */
export function exclusionReasons(
  p: PersonFacts,
  v: VacancyFacts,
  chosenMask: number | null = null,
): ExclusionReason[] {
  const out: ExclusionReason[] = []
  const { shared, taken: held } = halfDayMasks(p, v)
  if (p.left) out.push({ code: 'personLeft', text: explain('reasons.personLeft') })
  if (!v.active) out.push({ code: 'vacancyInactive', text: explain('reasons.vacancyInactive') })
  if (p.placementHere)
    out.push({
      code: 'alreadyHere',
      text: explain(
        'reasons.alreadyHere',
        {},
        { step: [`matching.steps.${p.placementHere.step}`] },
      ),
    })
  if (shared === 0) out.push({ code: 'noSharedHalfDay', text: explain('reasons.noSharedHalfDay') })
  const demands = new Set(v.demands)
  for (const l of p.limitations)
    if (l.demand && demands.has(l.demand))
      out.push({
        code: 'limitation',
        text: explain(
          'reasons.limitation',
          { limitation: l.name },
          { demand: [`matching.demands.${l.demand}`] },
        ),
      })
  // The person's own running placement here is one of the places taken; it does not make the
  // vacancy full for the person who holds it.
  const taken = v.taken - (takesPlace(p.placementHere?.step ?? null) ? 1 : 0)
  if (v.places - taken <= 0)
    out.push({
      code: 'noPlacesLeft',
      text: explain('reasons.noPlacesLeft', { places: v.places, taken }),
    })
  // Double booking: the half-days the placement would take are held by another placement. By
  // default a placement takes the shared half-days still free, so it collides only when all of
  // them are taken; half-days picked by hand collide as soon as one is.
  const wanted = chosenMask ?? shared
  const free = shared & ~held
  if (wanted !== 0 && (chosenMask !== null || free === 0))
    for (const o of p.otherPlacements) {
      const clash = o.mask & wanted
      if (clash)
        out.push({
          code: 'doubleBooked',
          text: explain(
            'reasons.doubleBooked',
            { vacancy: o.vacancyTitle, placementId: o.placementId },
            { halfDays: halfDayKeys(clash) },
          ),
        })
    }
  return out
}

/** The half-days a proposal takes by default: shared and still free (or all shared, if none). */
export function proposalMask(p: PersonFacts, v: VacancyFacts): number {
  const { shared, taken } = halfDayMasks(p, v)
  const free = shared & ~taken
  return free || shared || v.mask
}

function part(
  partName: ScorePart,
  pointsTenths: number,
  max: number,
  text: Explanation,
): ScorePartResult {
  return { part: partName, points: pointsTenths / 10, max, text }
}

/** Every part with its points and sentence, in the order of `SCORE_PARTS`. */
export function explainParts(
  p: PersonFacts,
  v: VacancyFacts,
  w: MatchWeights,
  today: string,
): ScorePartResult[] {
  const c = countsOf(p, v, today)
  const pts = partTenths(c, w)
  const matchedSkills = v.skills.filter((o) => p.skillIds.has(o.id))
  const matchedInterests = v.interests.filter((o) => p.interestIds.has(o.id))
  const matchedGoals = v.learningGoals.filter((o) => p.learningGoalIds.has(o.id))
  const { shared, taken } = halfDayMasks(p, v)

  const skills =
    c.skillsAsked === 0
      ? explain('parts.skillsNoneAsked')
      : c.skillsMatched === c.skillsAsked
        ? explain('parts.skillsAll', { count: c.skillsAsked, names: names(matchedSkills) })
        : c.skillsMatched === 0
          ? explain('parts.skillsNone', { count: c.skillsAsked })
          : explain('parts.skillsSome', {
              matched: c.skillsMatched,
              count: c.skillsAsked,
              names: names(matchedSkills),
            })
  const interests =
    c.interestsVacancy === 0
      ? explain('parts.interestsNoneListed')
      : c.interestsPerson === 0
        ? explain('parts.interestsPersonNone')
        : c.interestsMatched === 0
          ? explain('parts.interestsNone')
          : explain('parts.interestsSome', {
              count: c.interestsMatched,
              names: names(matchedInterests),
            })
  const goals =
    c.goalsPerson === 0
      ? explain('parts.goalsPersonNone')
      : c.goalsMatched === 0
        ? explain('parts.goalsNotOffered', { count: c.goalsPerson })
        : explain('parts.goalsSome', {
            matched: c.goalsMatched,
            count: c.goalsPerson,
            names: names(matchedGoals),
          })
  const availability =
    c.halfDaysFree === 0
      ? explain('parts.availabilityNone', { count: c.halfDaysNeeded })
      : explain(
          taken ? 'parts.availabilitySomeTaken' : 'parts.availability',
          { matched: c.halfDaysFree, count: c.halfDaysNeeded },
          taken
            ? { halfDays: halfDayKeys(shared & ~taken), taken: halfDayKeys(taken) }
            : { halfDays: halfDayKeys(shared) },
        )
  const samePlace = c.samePlace
    ? explain('parts.samePlaceYes', { place: p.place ?? '' })
    : !placeKey(p.place) || !placeKey(v.place)
      ? explain('parts.samePlaceUnknown')
      : explain('parts.samePlaceNo', { personPlace: p.place ?? '', vacancyPlace: v.place ?? '' })
  const waiting = explain(p.hasIntake ? 'parts.waitingIntake' : 'parts.waitingRegistration', {
    count: c.waitingDays,
    since: toDutchDate(p.waitingSince),
  })
  return [
    part('skills', pts.skills, w.skills, skills),
    part('interests', pts.interests, w.interests, interests),
    part('learningGoals', pts.learningGoals, w.learningGoals, goals),
    part('availability', pts.availability, w.availability, availability),
    part('samePlace', pts.samePlace, w.samePlace, samePlace),
    part('waiting', pts.waiting, w.waiting, waiting),
  ]
}

/** The whole explanation of one candidate: score, parts, "ontbreekt", reasons. */
export function evaluate(
  p: PersonFacts,
  v: VacancyFacts,
  w: MatchWeights,
  today: string,
): MatchScore {
  const c = countsOf(p, v, today)
  return {
    score: totalTenths(c, w) / 10,
    parts: explainParts(p, v, w, today),
    missing: {
      skills: v.skills.filter((o) => !p.skillIds.has(o.id)),
      halfDays: maskToHalfDays(v.mask & ~p.mask),
    },
    waitingDays: c.waitingDays,
    halfDays: maskToHalfDays(proposalMask(p, v)),
    reasons: exclusionReasons(p, v),
  }
}

/**
 * The order of a ranked list: highest score first; on equal scores the longest waiting first,
 * then the lowest id, so the same data always gives the same list.
 */
export function compareRanked(
  a: { tenths: number; waitingDays: number; id: number },
  b: { tenths: number; waitingDays: number; id: number },
): number {
  return b.tenths - a.tenths || b.waitingDays - a.waitingDays || a.id - b.id
}

/**
 * The order of the excluded: fewest reasons first (the nearest misses, worth a look for an
 * override), then as the ranked list.
 */
export function compareExcluded(
  a: { reasons: number; tenths: number; waitingDays: number; id: number },
  b: { reasons: number; tenths: number; waitingDays: number; id: number },
): number {
  return a.reasons - b.reasons || compareRanked(a, b)
}
