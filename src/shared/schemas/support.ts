import { z } from 'zod'
import { id, isoDate, optionalText, requiredOrOption, requiredText } from './common'
import { demand, halfDays, type Demand, type HalfDay } from './volunteers'
import {
  MATCH_PAGE,
  type MatchCounts,
  type MatchScore,
  type MatchWeights,
} from './volunteers-matching'

/**
 * Volunteers for residents (issue 16): a resident's help request, matched to a volunteer with the
 * volunteers' matching engine, and informal carers (mantelzorgers) with their load over time.
 */

// --- Kinds of help (a managed list) --------------------------------------------------------------

export interface HelpKind {
  id: number
  name: string
  active: boolean
}

export const helpKindSaveInput = z.object({
  /** Absent: a new kind. */
  id: id.nullish().transform((v) => v ?? null),
  name: requiredText(80),
  active: z.boolean({ error: 'v:required' }).default(true),
})
export type HelpKindSaveInput = z.input<typeof helpKindSaveInput>

// --- Help requests -------------------------------------------------------------------------------

export const HELP_STATUSES = ['open', 'matched', 'ended'] as const
export type HelpStatus = (typeof HELP_STATUSES)[number]

export const REQUESTER_KINDS = ['household', 'person', 'contact'] as const
export type RequesterKind = (typeof REQUESTER_KINDS)[number]

/** At most this many required courses on one request. */
export const HELP_COURSES_MAX = 10

export const helpRequestSaveInput = z
  .object({
    /** Absent: a new request (status open). */
    id: id.nullish().transform((v) => v ?? null),
    kindId: id,
    requesterKind: z.enum(REQUESTER_KINDS, { error: requiredOrOption }),
    householdId: id.nullish().transform((v) => v ?? null),
    personId: id.nullish().transform((v) => v ?? null),
    /** With `requesterKind: 'contact'`: a name and how to reach them (a resident not in the app). */
    requesterName: optionalText(120),
    requesterContact: optionalText(200),
    asked: requiredText(2000),
    place: optionalText(120),
    halfDays,
    /** Short-term: the day it ends; absent: ongoing. */
    endsOn: isoDate.nullish().transform((v) => v ?? null),
    openedOn: isoDate,
    demands: z
      .array(demand)
      .max(20)
      .default([])
      .transform((d) => [...new Set(d)].sort()),
    courseIds: z
      .array(id)
      .max(HELP_COURSES_MAX)
      .default([])
      .transform((d) => [...new Set(d)]),
  })
  .superRefine((r, ctx) => {
    if (r.requesterKind === 'household' && r.householdId === null)
      ctx.addIssue({ code: 'custom', message: 'v:required', path: ['householdId'] })
    if (r.requesterKind === 'person' && r.personId === null)
      ctx.addIssue({ code: 'custom', message: 'v:required', path: ['personId'] })
    if (r.requesterKind === 'contact' && r.requesterName === null)
      ctx.addIssue({ code: 'custom', message: 'v:required', path: ['requesterName'] })
    if (r.endsOn !== null && r.endsOn < r.openedOn)
      ctx.addIssue({ code: 'custom', message: 'v:periodOrder', path: ['endsOn'] })
  })
  .transform((r) => ({
    ...r,
    householdId: r.requesterKind === 'household' ? r.householdId : null,
    personId: r.requesterKind === 'person' ? r.personId : null,
    requesterName: r.requesterKind === 'contact' ? r.requesterName : null,
    requesterContact: r.requesterKind === 'contact' ? r.requesterContact : null,
  }))
export type HelpRequestSaveInput = z.input<typeof helpRequestSaveInput>

export const helpRequestIdInput = z.object({ id })

export const helpRequestMatchInput = z.object({
  id,
  /** The volunteer (a person of the volunteers register). */
  personId: id,
  date: isoDate,
})
export type HelpRequestMatchInput = z.input<typeof helpRequestMatchInput>

export const helpRequestEndInput = z.object({
  id,
  date: isoDate,
  note: optionalText(1000),
})
export type HelpRequestEndInput = z.input<typeof helpRequestEndInput>

export const helpRequestListInput = z.object({
  status: z
    .enum(HELP_STATUSES, { error: 'v:invalidOption' })
    .nullish()
    .transform((v) => v ?? null),
  kindId: id.nullish().transform((v) => v ?? null),
  /** Requests of this person: as the one asking or as the matched volunteer. */
  personId: id.nullish().transform((v) => v ?? null),
  householdId: id.nullish().transform((v) => v ?? null),
  limit: z.number({ error: 'v:invalid' }).int().min(1).max(500).default(100),
  offset: z.number({ error: 'v:invalid' }).int().min(0).default(0),
})
export type HelpRequestListInput = z.input<typeof helpRequestListInput>

export interface HelpRequest {
  id: number
  kindId: number
  kindName: string
  requesterKind: RequesterKind
  householdId: number | null
  personId: number | null
  /** The household's reference, the person's name, or the name given. */
  requesterLabel: string
  requesterName: string | null
  requesterContact: string | null
  asked: string
  place: string | null
  halfDays: HalfDay[]
  endsOn: string | null
  status: HelpStatus
  openedOn: string
  matchedOn: string | null
  endedOn: string | null
  volunteerId: number | null
  volunteerName: string | null
  endNote: string | null
  demands: Demand[]
  courses: { id: number; title: string }[]
}

export interface HelpRequestList {
  rows: HelpRequest[]
  total: number
  counts: Record<HelpStatus, number>
}

/** Volunteers ranked for one request, with the volunteers' engine and one filter more. */
export const helpCandidatesInput = z.object({
  id,
  limit: z.number({ error: 'v:invalid' }).int().min(1).max(200).default(20),
  excludedLimit: z.number({ error: 'v:invalid' }).int().min(0).max(200).default(20),
})

export interface HelpVolunteerCandidate extends MatchScore {
  personId: number
  reference: string
  name: string
  place: string | null
  /** Required courses the volunteer has not completed. */
  missingCourses: { id: number; title: string }[]
}

export interface HelpRequestMatches {
  request: HelpRequest
  weights: MatchWeights
  ranked: HelpVolunteerCandidate[]
  excluded: HelpVolunteerCandidate[]
  counts: MatchCounts
}

/** Open requests ranked for one volunteer: the first `limit` ranked and `excludedLimit` left out. */
export const helpForPersonInput = z.object({
  personId: id,
  limit: z.number({ error: 'v:invalid' }).int().min(1).max(200).default(MATCH_PAGE),
  excludedLimit: z.number({ error: 'v:invalid' }).int().min(0).max(200).default(MATCH_PAGE),
})

export interface HelpRequestCandidate extends MatchScore {
  requestId: number
  kindName: string
  asked: string
  requesterLabel: string
  place: string | null
  missingCourses: { id: number; title: string }[]
}

export interface PersonHelpMatches {
  person: { id: number; reference: string; name: string; place: string | null }
  weights: MatchWeights
  ranked: HelpRequestCandidate[]
  excluded: HelpRequestCandidate[]
  counts: MatchCounts
}

// --- Informal carers -----------------------------------------------------------------------------

export const CARER_LOADS = [1, 2, 3, 4, 5] as const
export const CARER_SUPPORT_KINDS = ['respite', 'course', 'activity', 'other'] as const
export type CarerSupportKind = (typeof CARER_SUPPORT_KINDS)[number]

const load = z
  .number({ error: (issue) => (issue.code === 'invalid_type' ? 'v:required' : undefined) })
  .int({ error: 'v:wholeNumber' })
  .min(1)
  .max(5)

export const carerSaveInput = z
  .object({
    personId: id,
    caresFor: requiredText(300),
    caringSince: isoDate.nullish().transform((v) => v ?? null),
    registeredOn: isoDate,
    endedOn: isoDate.nullish().transform((v) => v ?? null),
    consent: z.boolean({ error: 'v:required' }),
    /** The load at registration, when registering (ignored on a change). */
    load: load.nullish().transform((v) => v ?? null),
  })
  .superRefine((c, ctx) => {
    if (c.endedOn !== null && c.endedOn < c.registeredOn)
      ctx.addIssue({ code: 'custom', message: 'v:periodOrder', path: ['endedOn'] })
    if (c.caringSince !== null && c.caringSince > c.registeredOn)
      ctx.addIssue({ code: 'custom', message: 'v:sinceAfterRegistered', path: ['caringSince'] })
  })
export type CarerSaveInput = z.input<typeof carerSaveInput>

export const carerLoadInput = z.object({ personId: id, measuredOn: isoDate, load })
export type CarerLoadInput = z.input<typeof carerLoadInput>

export const carerSupportInput = z.object({
  personId: id,
  kind: z.enum(CARER_SUPPORT_KINDS, { error: requiredOrOption }),
  givenOn: isoDate,
  note: optionalText(500),
})
export type CarerSupportInput = z.input<typeof carerSupportInput>

export const carerGetInput = z.object({ personId: id })

export const carerListInput = z.object({
  /** Only those registered and not ended on this day; absent: every one. */
  activeOn: isoDate.nullish().transform((v) => v ?? null),
  limit: z.number({ error: 'v:invalid' }).int().min(1).max(500).default(100),
  offset: z.number({ error: 'v:invalid' }).int().min(0).default(0),
})

export interface CarerLoad {
  id: number
  measuredOn: string
  load: number
}

export interface CarerSupport {
  id: number
  kind: CarerSupportKind
  givenOn: string
  note: string | null
}

export interface Carer {
  personId: number
  reference: string
  name: string
  gender: string
  district: string | null
  caresFor: string
  caringSince: string | null
  registeredOn: string
  endedOn: string | null
  consent: boolean
  consentOn: string | null
  /** Oldest first: the first is the load at registration. */
  loads: CarerLoad[]
  support: CarerSupport[]
}

export interface CarerRow {
  personId: number
  reference: string
  name: string
  district: string | null
  caresFor: string
  registeredOn: string
  endedOn: string | null
  firstLoad: number | null
  latestLoad: number | null
  openRequests: number
}

export interface CarerList {
  rows: CarerRow[]
  total: number
}

// --- Figures -------------------------------------------------------------------------------------

export const CARER_GENDERS = ['female', 'male', 'other', 'unknown'] as const

/**
 * Help requests, informal carers and trainings in a period (`volunteers.stats` and the subsidy
 * report). Definitions: the README ("Hulpvragen, mantelzorgers en cursussen") and the report's
 * appendix.
 */
export interface SupportFigures {
  carers: {
    /** Registered on or before the end of the period and not ended before its start. */
    registered: number
    /** Registered in the period, by gender and by area. */
    new: number
    newByGender: Record<(typeof CARER_GENDERS)[number], number>
    newByDistrict: { district: string; n: number }[]
    /**
     * Of the registered: the mean of their load at registration and of their latest load up to
     * the end of the period (one decimal), and how many are lighter, the same or heavier now.
     */
    load: {
      n: number
      atRegistration: number | null
      now: number | null
      lighter: number
      same: number
      heavier: number
      /** Latest load 4 or 5. */
      overloadedNow: number
    }
  }
  helpRequests: {
    /** Opened in the period; matched in the period; ended in the period; open on its last day. */
    opened: number
    matched: number
    ended: number
    openAtEnd: number
    /** Days from opening to the match, of those matched in the period; null without. */
    daysToMatchMedian: number | null
    byKind: {
      kindId: number
      name: string
      opened: number
      matched: number
      ended: number
      openAtEnd: number
    }[]
  }
  trainings: {
    sessions: number
    /** Distinct people of the register, distinct staff, and guests (counted per session). */
    people: number
    staff: number
    external: number
    /** Every mark given at the period's sessions (named and guests): their mean, one decimal. */
    marks: number
    meanMark: number | null
  }
}
