import { z } from 'zod'
import { DAY_PARTS, id, isoDate, optionalText, requiredText, type NamedRef } from './common'
import {
  halfDays,
  PLACEMENT_STEPS,
  PLACEMENT_TAKING_STEPS,
  type HalfDay,
  type PlacementStep,
} from './volunteers'

export { PLACEMENT_STEPS, PLACEMENT_TAKING_STEPS, type HalfDay, type PlacementStep }

/*
 * Matching people to volunteer places, and the placements that follow (issue 13, "Matching").
 * The app proposes, the coordinator decides: every rank comes with its parts in words, and every
 * candidate left out with each reason it was left out.
 */

/**
 * A placement still running: it holds its half-days of the person (no double booking). Only from
 * the introduction on does it hold one of the vacancy's places (`PLACEMENT_TAKING_STEPS`).
 */
export const ACTIVE_STEPS = ['proposed', 'introduction', 'trial', 'placed'] as const
export type ActiveStep = (typeof ACTIVE_STEPS)[number]
/** Where `placements.advance` can go: the next step of a running placement. */
export const ADVANCE_STEPS = ['introduction', 'trial', 'placed'] as const
export type AdvanceStep = (typeof ADVANCE_STEPS)[number]

/** The parts of a match's score, in the order the screen and the PDF show them. */
export const SCORE_PARTS = [
  'skills',
  'interests',
  'learningGoals',
  'availability',
  'samePlace',
  'waiting',
] as const
export type ScorePart = (typeof SCORE_PARTS)[number]

/**
 * The hard filters. A candidate that fails one is not ranked but listed with every reason that
 * applies. `personLeft` and `vacancyInactive` cannot be overridden by a proposal (the placement
 * would contradict what is recorded); the others can, with a written reason.
 */
export const EXCLUSION_REASONS = [
  'noSharedHalfDay',
  'limitation',
  'noPlacesLeft',
  'doubleBooked',
  'alreadyHere',
  'personLeft',
  'vacancyInactive',
  /** A help request's required course the volunteer has not completed (issue 16). */
  'trainingMissing',
  /** A help request that is matched or ended: no one is a candidate for it. */
  'requestNotOpen',
  /** The volunteer is the one who asks for the help. */
  'ownRequest',
] as const
export type ExclusionReasonCode = (typeof EXCLUSION_REASONS)[number]
/** Reasons a coordinator may not override with a written reason. */
export const HARD_REASONS: readonly ExclusionReasonCode[] = [
  'alreadyHere',
  'personLeft',
  'vacancyInactive',
  'requestNotOpen',
  'ownRequest',
]

/**
 * A sentence for the screen and the PDF: an i18n key (under the shared `matching` namespace) with
 * its parameters. `codes` are parameters that are themselves labels to translate first, e.g. a
 * demand ("tillen") or a list of half-days; each value is a list of i18n keys, joined with ", ".
 * `matchingText` in `src/shared/matching-text.ts` turns one into words.
 */
export interface Explanation {
  key: string
  params: Record<string, string | number>
  codes?: Record<string, string[]>
}

/** The weights of the score parts (each 0-100) and after how many days waiting counts in full. */
export interface MatchWeights {
  skills: number
  interests: number
  learningGoals: number
  availability: number
  samePlace: number
  waiting: number
  /** Waiting since the intake counts in full from this many days on, pro rata before. */
  waitingFullDays: number
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  skills: 30,
  interests: 15,
  learningGoals: 20,
  availability: 15,
  samePlace: 10,
  waiting: 10,
  waitingFullDays: 365,
}

const weight = z.number({ error: 'v:required' }).int().min(0).max(100)

export const matchWeights = z.object({
  skills: weight,
  interests: weight,
  learningGoals: weight,
  availability: weight,
  samePlace: weight,
  waiting: weight,
  waitingFullDays: z.number({ error: 'v:required' }).int().min(1).max(3650),
})

/** ADMIN: new weights; at least one part must count, or every candidate would score 0. */
export const matchWeightsUpdateInput = matchWeights.refine(
  (w) => SCORE_PARTS.some((p) => w[p] > 0),
  { error: 'v:weightsAllZero', path: ['skills'] },
)

/**
 * How many of each list a matching call returns; the counts always cover everyone. Each person
 * shown is a view in the log under that person, so the screen asks for the top of each list
 * (what a coordinator reads), not for everyone who would fit.
 */
/**
 * Candidates shown of each list at first, and added per "Meer tonen": as many as a coordinator
 * reads before proposing, and each one shown is read in full, explained and logged as a view.
 */
export const MATCH_PAGE = 20

const listLimit = z.number({ error: 'v:required' }).int().min(1).max(2000).default(MATCH_PAGE)

/** `limit`: how many of the ranked to show; `excludedLimit`: of those left out. */
export const matchForVacancyInput = z.object({
  vacancyId: id,
  limit: listLimit,
  excludedLimit: listLimit,
})
export const matchForPersonInput = z.object({
  personId: id,
  limit: listLimit,
  excludedLimit: listLimit,
})

/** One part of a candidate's score: its points out of its weight, and why, in words. */
export interface ScorePartResult {
  part: ScorePart
  points: number
  max: number
  text: Explanation
}

export interface ExclusionReason {
  code: ExclusionReasonCode
  text: Explanation
}

/** What the vacancy asks that the person lacks: skills wanted, half-days needed. */
export interface Missing {
  skills: NamedRef[]
  halfDays: HalfDay[]
}

/** What every ranked or excluded candidate carries, whichever side is being ranked. */
export interface MatchScore {
  /** Sum of the parts' points, one decimal. */
  score: number
  parts: ScorePartResult[]
  missing: Missing
  /** Days the person waits since the intake (or registration, without one). */
  waitingDays: number
  /** The half-days a proposal would take: shared, and not taken by another placement. */
  halfDays: HalfDay[]
  /** Empty for a ranked candidate. */
  reasons: ExclusionReason[]
}

export interface PersonCandidate extends MatchScore {
  personId: number
  reference: string
  name: string
  place: string | null
}

export interface VacancyCandidate extends MatchScore {
  vacancyId: number
  title: string
  partnerId: number
  partnerName: string
  place: string | null
  places: number
  placesLeft: number
}

export interface MatchCounts {
  ranked: number
  excluded: number
  /** People who left (or were anonymised), or inactive vacancies: not candidates at all. */
  notCandidates: number
}

export interface VacancyMatches {
  vacancy: {
    id: number
    title: string
    partnerName: string
    place: string | null
    places: number
    placesLeft: number
    active: boolean
    halfDays: HalfDay[]
  }
  weights: MatchWeights
  ranked: PersonCandidate[]
  excluded: PersonCandidate[]
  counts: MatchCounts
}

export interface PersonMatches {
  person: {
    id: number
    reference: string
    name: string
    place: string | null
    status: string
    waitingDays: number
    halfDays: HalfDay[]
  }
  weights: MatchWeights
  ranked: VacancyCandidate[]
  excluded: VacancyCandidate[]
  counts: MatchCounts
}

// --- Placements ----------------------------------------------------------------------------------

/** What proposing would do, without doing it: the filters it fails and the warnings. */
export const placementCheckInput = z.object({
  personId: id,
  vacancyId: id,
  /** The half-days of the placement; by default the shared ones not taken by another placement. */
  halfDays: halfDays.nullish().transform((v) => (v && v.length ? v : null)),
})

export const placementProposeInput = placementCheckInput.extend({
  date: isoDate.nullish().transform((v) => v ?? null),
  /** Required when the candidate fails a filter: why the coordinator proposes anyway. */
  overrideReason: optionalText(1000),
})
export type PlacementProposeInput = z.input<typeof placementProposeInput>

export const placementAdvanceInput = z.object({
  id,
  to: z.enum(ADVANCE_STEPS, { error: 'v:invalidOption' }),
  date: isoDate,
  /** With `to: 'trial'`: the day the trial ends (on or after its start, within a year). */
  trialEndsOn: isoDate.nullish().transform((v) => v ?? null),
})
export type PlacementAdvanceInput = z.input<typeof placementAdvanceInput>

/** Ending a placement that started, or declining one that did not get to "placed". */
export const placementCloseInput = z.object({
  id,
  date: isoDate,
  reason: requiredText(1000),
})
export type PlacementCloseInput = z.input<typeof placementCloseInput>

export const PLACEMENT_LIST_SCOPES = ['active', 'closed', 'all'] as const
export const placementListInput = z.object({
  personId: id.nullish().transform((v) => v ?? null),
  vacancyId: id.nullish().transform((v) => v ?? null),
  step: z
    .enum(PLACEMENT_STEPS, { error: 'v:invalidOption' })
    .nullish()
    .transform((v) => v ?? null),
  /** Without a step: running placements (the board), closed ones, or both. */
  scope: z.enum(PLACEMENT_LIST_SCOPES, { error: 'v:invalidOption' }).default('active'),
  limit: z.number({ error: 'v:required' }).int().min(1).max(2000).default(500),
  /** Rows to skip (newest first): the next part of one column of the board. */
  offset: z.number({ error: 'v:invalid' }).int().min(0).default(0),
  /**
   * The board: at most this many rows of each step, newest first, so a busy organisation gets
   * a readable column per step instead of hundreds of cards; `counts` still says how many there are.
   */
  perStep: z
    .number({ error: 'v:invalid' })
    .int()
    .min(1)
    .max(200)
    .nullish()
    .transform((v) => v ?? null),
})

export interface Placement {
  id: number
  personId: number
  personReference: string
  personName: string
  vacancyId: number
  vacancyTitle: string
  partnerId: number
  partnerName: string
  step: PlacementStep
  proposedOn: string
  introductionOn: string | null
  trialOn: string | null
  trialEndsOn: string | null
  placedOn: string | null
  endedOn: string | null
  declinedOn: string | null
  /** Why it ended or was declined. */
  reason: string | null
  /** Why it was proposed although the candidate failed a filter. */
  overrideReason: string | null
  halfDays: HalfDay[]
}

export interface PlacementList {
  rows: Placement[]
  /** All that match the filters, beyond `limit` or `perStep`. */
  total: number
  /** How many match per step (counted in SQL, not from `rows`): the board's column counts. */
  counts: Record<PlacementStep, number>
}

export interface PlacementCheck {
  /** The filters the candidate fails (empty: a proposal needs no written reason). */
  reasons: ExclusionReason[]
  /** Double booking, half-days the person did not give as available: sentences to show. */
  warnings: Explanation[]
  /** The half-days a proposal would take. */
  halfDays: HalfDay[]
}

export interface PlacementProposed {
  placement: Placement
  warnings: Explanation[]
}

// --- Half-days as bits ---------------------------------------------------------------------------

/** Bit of a half-day in a 21-bit mask: Monday morning is bit 0, Sunday evening bit 20. */
export function halfDayBit(h: HalfDay): number {
  return (h.weekday - 1) * 3 + DAY_PARTS.indexOf(h.part)
}

export function halfDaysToMask(list: readonly HalfDay[]): number {
  let mask = 0
  for (const h of list) mask |= 1 << halfDayBit(h)
  return mask
}

/** The half-days of a mask, Monday morning first. */
export function maskToHalfDays(mask: number): HalfDay[] {
  const out: HalfDay[] = []
  for (let bit = 0; bit < 21; bit++)
    if (mask & (1 << bit)) out.push({ weekday: Math.floor(bit / 3) + 1, part: DAY_PARTS[bit % 3] })
  return out
}

export function countBits(mask: number): number {
  let n = 0
  for (let m = mask; m; m &= m - 1) n++
  return n
}

/** The "hoe wij matchen" page: Dutch unless the screen asks in English. */
export const howWeMatchInput = z.object({
  language: z.enum(['nl', 'en'], { error: 'v:invalidOption' }).default('nl'),
})
