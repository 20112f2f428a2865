import { z } from 'zod'
import type { SupportFigures } from './support'
import {
  id,
  isoDate,
  optionalIsoDate,
  optionalText,
  requiredOrOption,
  requiredText,
} from './common'
import {
  LADDER_STEPS,
  MEASUREMENT_MOMENTS,
  ZRM_DOMAINS,
  ZRM_VERSIONS,
  type LadderStep,
  type MeasurementMoment,
  type Zrm11Domain,
  type ZrmDomain,
  type ZrmVersion,
} from '../zrm'

/*
 * Follow-up of people after matching: hours per month, ZRM measurements, the trajectory plan and
 * the contact log, and the volunteers' figures and dashboard (issue 13, part V3).
 */

/** A calendar month as `YYYY-MM`. */
export const isoMonth = z
  .string({ error: 'v:required' })
  .regex(/^(\d{4})-(0[1-9]|1[0-2])$/, { error: 'v:month' })
  .refine((s) => Number(s.slice(0, 4)) >= 2000 && Number(s.slice(0, 4)) <= 2200, {
    error: 'v:month',
  })

/** At most this many hours in one month for one placement: 31 days of 16 hours is not plausible. */
export const MAX_MONTH_HOURS = 400

const hoursValue = z
  .number({ error: 'v:invalidType' })
  .finite({ error: 'v:invalidType' })
  .min(0, { error: 'v:hoursRange' })
  .max(MAX_MONTH_HOURS, { error: 'v:hoursRange' })
  // Quarter hours at most: 2.25 is fine, 2.1234 is a typo.
  .refine((n) => Number.isInteger(Math.round(n * 100) / 25), { error: 'v:quarterHours' })

export const hoursEntry = z.object({
  personId: id,
  placementId: id.nullish().transform((v) => v ?? null),
  month: isoMonth,
  /** Hours worked that month; null removes what was logged (the row shows as not logged). */
  hours: hoursValue.nullable(),
})
export type HoursEntryInput = z.input<typeof hoursEntry>

/**
 * One person's month, or the whole month grid at once (all in one transaction). One entry per
 * person, placement and month.
 */
export const hoursLogInput = z
  .object({ entries: z.array(hoursEntry).min(1, { error: 'v:required' }).max(2000) })
  .superRefine((v, ctx) => {
    const seen = new Set<string>()
    v.entries.forEach((e, i) => {
      const k = `${e.personId}:${e.placementId ?? 0}:${e.month}`
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', message: 'v:duplicate', path: ['entries', i] })
      seen.add(k)
    })
  })
export type HoursLogInput = z.input<typeof hoursLogInput>

/** Rows of the month grid per page: a page of inputs stays quick to render and to type in. */
export const HOURS_PAGE_SIZE = 50

export const hoursMonthInput = z.object({
  month: isoMonth,
  district: optionalText(80),
  /** Words that must each occur in the person's name or reference, the vacancy or its host. */
  query: z.string().trim().max(100).default(''),
  /** Only the rows whose hours are not logged yet ("nog niet ingevuld"). */
  missingOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(HOURS_PAGE_SIZE),
  offset: z.number().int().min(0).max(1_000_000).default(0),
})
export type HoursMonthInput = z.input<typeof hoursMonthInput>

export const personRefInput = z.object({ personId: id })
export type PersonRefInput = z.input<typeof personRefInput>

/** A row of the month grid: one active placement of the month, or hours logged without one. */
export interface HoursRow {
  personId: number
  reference: string
  name: string
  district: string | null
  placementId: number | null
  vacancyTitle: string | null
  hostName: string | null
  /** The placement's step now ('trial', 'placed', 'ended'); null for hours without a placement. */
  step: string | null
  /** Logged hours; null when nothing is logged for the month yet. */
  hours: number | null
}

export interface HoursMonth {
  month: string
  /** The month is over: its hours can be complete. */
  past: boolean
  /** One page of the rows matching the filters, ordered by name. */
  rows: HoursRow[]
  /** Rows matching the filters, over all pages. */
  count: number
  /** Where this page starts among them. */
  offset: number
  /** Rows of the month (in the district, if one is asked), whatever the other filters. */
  rowsInMonth: number
  /** Hours logged for the month (in the district), whatever the other filters. */
  total: number
  /** Rows of the month (in the district) whose hours are not logged yet. */
  missing: number
}

export interface HoursLogged {
  /** Rows written or changed. */
  saved: number
  /** Rows removed (hours null). */
  removed: number
}

export interface PersonHours {
  personId: number
  months: {
    month: string
    placementId: number | null
    vacancyTitle: string | null
    hours: number
  }[]
  total: number
}

// ---------------------------------------------------------------- measurements

export const zrmVersion = z.enum(ZRM_VERSIONS, { error: requiredOrOption })
export const zrmDomain = z.enum(ZRM_DOMAINS as [ZrmDomain, ...ZrmDomain[]], {
  error: requiredOrOption,
})
const score = z
  .number({ error: 'v:required' })
  .int({ error: 'v:invalidOption' })
  .min(1, { error: 'v:invalidOption' })
  .max(5, { error: 'v:invalidOption' })
const ladder = z
  .number({ error: 'v:invalidOption' })
  .int({ error: 'v:invalidOption' })
  .min(1, { error: 'v:invalidOption' })
  .max(LADDER_STEPS.length, { error: 'v:invalidOption' })

/** What a measurement holds, as recorded and as corrected: the same rules for both. */
const measurementFields = {
  measuredOn: isoDate,
  moment: z.enum(MEASUREMENT_MOMENTS, { error: requiredOrOption }),
  /** One score per domain scored; a domain left out was not assessed. */
  scores: z
    .array(z.object({ domain: zrmDomain, score }))
    .min(1, { error: 'v:required' })
    .max(13),
  /** The participation ladder's step, only while the ladder setting is on. */
  ladder: ladder.nullish().transform((v) => v ?? null),
}

function noDomainTwice(v: { scores: { domain: string }[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>()
  v.scores.forEach((s, i) => {
    if (seen.has(s.domain))
      ctx.addIssue({ code: 'custom', message: 'v:duplicate', path: ['scores', i, 'domain'] })
    seen.add(s.domain)
  })
}

export const measurementRecordInput = z
  .object({
    personId: id,
    ...measurementFields,
    /** The version it is scored in; the setting's version when left out. */
    version: zrmVersion.optional(),
  })
  .superRefine(noDomainTwice)
export type MeasurementRecordInput = z.input<typeof measurementRecordInput>

/**
 * A correction of a measurement entered wrongly: its day, moment, scores and ladder step. The
 * version stays the one it was scored in (the scores' domains must be of that version).
 */
export const measurementUpdateInput = z
  .object({ id, ...measurementFields })
  .superRefine(noDomainTwice)
export type MeasurementUpdateInput = z.input<typeof measurementUpdateInput>

export const measurementDeleteInput = z.object({ id })

export interface Measurement {
  id: number
  personId: number
  measuredOn: string
  moment: MeasurementMoment
  version: ZrmVersion
  ladder: LadderStep | null
  byAccountId: number | null
  byName: string | null
  scores: { domain: ZrmDomain; score: number }[]
  createdAt: string
}

export interface MeasurementSettings {
  /** The version new measurements are scored in. */
  version: ZrmVersion
  /** Whether the participation ladder is scored and counted. */
  ladder: boolean
}

// A partial settings update stays strict, as the other settings do: a misspelt key would
// otherwise change nothing without a word.
export const measurementSettingsInput = z
  .object({
    version: zrmVersion.optional(),
    ladder: z.boolean({ error: 'v:invalidOption' }).optional(),
  })
  .strict()
export type MeasurementSettingsInput = z.input<typeof measurementSettingsInput>

// ---------------------------------------------------------------- trajectory plan

export const PLAN_AIMS = ['volunteer_place', 'training', 'activity', 'tegenprestatie'] as const
export type PlanAim = (typeof PLAN_AIMS)[number]
export const GOAL_STATUSES = ['open', 'realised', 'partly_realised', 'not_realised'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]

export const planUpdateInput = z
  .object({
    personId: id,
    /** What has to come first ("eerst schuldenvrij, dan participeren"). */
    barriers: optionalText(2000),
    aim: z
      .enum(PLAN_AIMS, { error: 'v:invalidOption' })
      .nullish()
      .transform((v) => v ?? null),
    /**
     * The whole list of goals: an entry with an id changes that goal, one without adds a goal,
     * a goal left out is removed. A goal that is not open is closed, on `closedOn` or today.
     */
    goals: z
      .array(
        z.object({
          id: id.nullish().transform((v) => v ?? null),
          text: requiredText(500),
          zrmDomain: zrmDomain.nullish().transform((v) => v ?? null),
          status: z.enum(GOAL_STATUSES, { error: requiredOrOption }).default('open'),
          closedOn: optionalIsoDate,
        }),
      )
      .max(50)
      .default([]),
    /** Dated re-assessments: planned, and done with a short note. Same list rules as goals. */
    reviews: z
      .array(
        z.object({
          id: id.nullish().transform((v) => v ?? null),
          plannedOn: isoDate,
          doneOn: optionalIsoDate,
          note: optionalText(1000),
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    const ids = new Set<number>()
    v.goals.forEach((g, i) => {
      if (g.id !== null && ids.has(g.id))
        ctx.addIssue({ code: 'custom', message: 'v:duplicate', path: ['goals', i, 'id'] })
      if (g.id !== null) ids.add(g.id)
      if (g.status === 'open' && g.closedOn)
        ctx.addIssue({
          code: 'custom',
          message: 'v:openGoalClosed',
          path: ['goals', i, 'closedOn'],
        })
    })
    const reviews = new Set<number>()
    v.reviews.forEach((r, i) => {
      if (r.id !== null && reviews.has(r.id))
        ctx.addIssue({ code: 'custom', message: 'v:duplicate', path: ['reviews', i, 'id'] })
      if (r.id !== null) reviews.add(r.id)
    })
  })
export type PlanUpdateInput = z.input<typeof planUpdateInput>

export interface PlanGoal {
  id: number
  text: string
  zrmDomain: ZrmDomain | null
  status: GoalStatus
  closedOn: string | null
}

export interface PlanReview {
  id: number
  plannedOn: string
  doneOn: string | null
  note: string | null
}

export interface Plan {
  personId: number
  barriers: string | null
  aim: PlanAim | null
  updatedAt: string | null
  goals: PlanGoal[]
  reviews: PlanReview[]
}

// ---------------------------------------------------------------- contacts

export const CONTACT_KINDS = ['phone', 'visit', 'meeting', 'evaluation', 'other'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export const contactLogInput = z
  .object({
    personId: id,
    contactedOn: isoDate,
    kind: z.enum(CONTACT_KINDS, { error: requiredOrOption }),
    note: optionalText(2000),
    /** When to get in touch again; shows on the dashboard in its week. */
    nextOn: optionalIsoDate,
    /**
     * An evaluation reviews the trajectory's goals: each goal's status as it stands now. Only
     * with the kind 'evaluation'; a goal set to a closed status is closed on the contact's day.
     */
    goalReviews: z
      .array(
        z.object({
          goalId: id,
          status: z.enum(GOAL_STATUSES, { error: requiredOrOption }),
        }),
      )
      .max(50)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.nextOn && v.nextOn <= v.contactedOn)
      ctx.addIssue({ code: 'custom', message: 'v:nextAfterContact', path: ['nextOn'] })
    if (v.goalReviews.length && v.kind !== 'evaluation')
      ctx.addIssue({ code: 'custom', message: 'v:onlyEvaluation', path: ['goalReviews'] })
    const seen = new Set<number>()
    v.goalReviews.forEach((g, i) => {
      if (seen.has(g.goalId))
        ctx.addIssue({ code: 'custom', message: 'v:duplicate', path: ['goalReviews', i, 'goalId'] })
      seen.add(g.goalId)
    })
  })
export type ContactLogInput = z.input<typeof contactLogInput>

export interface Contact {
  id: number
  personId: number
  contactedOn: string
  kind: ContactKind
  byAccountId: number | null
  byName: string | null
  note: string | null
  nextOn: string | null
}

export interface PersonContacts {
  contacts: Contact[]
  /** The next contact date of the latest contact, if any. */
  nextOn: string | null
}

// ---------------------------------------------------------------- figures

export const volunteersStatsInput = z
  .object({ from: isoDate, to: isoDate, district: optionalText(80) })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
export type VolunteersStatsInput = z.input<typeof volunteersStatsInput>

export const OUTFLOW_KINDS = [
  'paid_work',
  'other_volunteer_work',
  'education',
  'stopped',
  'dropped_out',
  'moved',
  'other',
] as const
export type OutflowKindCode = (typeof OUTFLOW_KINDS)[number]

export interface ProgressFigure {
  /** People whose latest measurement (up to `to`) lies in the period and who have an earlier one. */
  n: number
  /** Mean of (latest − first), two decimals; null when n is 0. */
  mean: number | null
  up: number
  same: number
  down: number
}

export interface ProgrammeFigures {
  programmeId: number
  name: string
  fundedPerYear: number | null
  /** The funded number for the whole months of the period (funded × months / 12), one decimal. */
  fundedForPeriod: number | null
  /** Registered (as the figure "registered") in this programme. */
  people: number
  /** Registered in the period. */
  new: number
  /** Distinct people with a placement that reached "placed" in the period. */
  placed: number
  /** Outflow dated in the period. */
  outflow: number
}

export interface VolunteerFigures {
  registered: number
  newRegistrations: number
  intakes: number
  /** Days from registration to intake, of the period's intakes; one decimal; null without. */
  waitingMedian: number | null
  waitingMean: number | null
  placementsStarted: number
  activePlacements: number
  outflow: Record<OutflowKindCode, number>
  outflowTotal: number
  hours: number
  /** hours / (1,400 × months / 12), two decimals; null when no whole month lies in the period. */
  fte: number | null
  /** Per domain of the 11 (2017 measurements mapped onto them). */
  progress: Record<Zrm11Domain, ProgressFigure>
  /** Only when the ladder setting is on. */
  ladder: ProgressFigure | null
  programmes: ProgrammeFigures[]
  /**
   * People without a programme, counted as each programme is, so the per-programme rows with
   * this one add up to `registered` (and to the new registrations and the outflow).
   */
  withoutProgramme: Pick<ProgrammeFigures, 'people' | 'new' | 'placed' | 'outflow'>
}

export interface VolunteersStats extends VolunteerFigures {
  period: { from: string; to: string }
  district: string | null
  /** Months lying wholly in the period (`YYYY-MM` of the first and last), and how many. */
  months: { first: string | null; last: string | null; count: number }
  byDistrict: (VolunteerFigures & { district: string })[]
  generatedAt: string
  /** Help requests, informal carers and trainings (issue 16). */
  support: SupportFigures
}

export const volunteersDashboardInput = z.object({ date: isoDate.optional() })
export type VolunteersDashboardInput = z.input<typeof volunteersDashboardInput>

export interface VolunteersDashboard {
  date: string
  /** How many each list holds in all: a list shows at most its first 100 rows. */
  counts: { waitingForIntake: number; trialsEnding: number; contactsDue: number }
  /** Registered, no intake yet, oldest registration first; with days waiting. */
  waitingForIntake: {
    personId: number
    reference: string
    name: string
    registeredOn: string
    days: number
  }[]
  /** Placements in trial whose trial ends within 14 days from the date (or has just passed). */
  trialsEnding: {
    placementId: number
    personId: number
    reference: string
    name: string
    vacancyTitle: string
    hostName: string
    trialEndsOn: string
  }[]
  /** Last month's active placements without hours logged. */
  hoursMissing: { month: string; count: number; total: number }
  /**
   * Per person who has not left, their latest contact when its next date lies on or before
   * `contactsDueUntil` (seven days after `date`): the overdue ones and those of the coming week,
   * earliest first.
   */
  contactsDue: {
    personId: number
    reference: string
    name: string
    nextOn: string
    lastContactOn: string
    overdue: boolean
  }[]
  /** The last day whose planned contacts are listed: `date` plus seven days. */
  contactsDueUntil: string
}
