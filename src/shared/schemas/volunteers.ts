import { z } from 'zod'
import {
  DAY_PARTS,
  id,
  isoDate,
  isRealDate,
  normalisePostcode,
  optionalEmail,
  optionalIsoDate,
  optionalMaritalStatus,
  optionalPhone,
  optionalText,
  requiredOrOption,
  requiredText,
  type DayPart,
  type MaritalStatus,
  type NamedRef,
} from './common'
import { PARTNER_KINDS } from './partners'

/**
 * The volunteers domain (issue 13): people, host organisations, vacancies and everything that
 * follows. Fixed code lists live here (labels in i18n); managed lists are rows of `vol_option`
 * and `programme`. Parts of the domain add their own inputs below or in
 * `volunteers-<part>.ts`.
 */

/**
 * What a place asks of its volunteer; a limitation names the one it rules out. Labels in
 * `volunteers.demands.*`. `public_transport`: the place needs own transport (it cannot be
 * reached by public transport), which rules out someone who depends on it.
 */
export const DEMANDS = [
  'lifting',
  'standing',
  'evening',
  'public_transport',
  'walking',
  'screen_work',
  'customer_contact',
] as const
export type Demand = (typeof DEMANDS)[number]
export const demand = z.enum(DEMANDS, { error: requiredOrOption })

export const OPTION_KINDS = [
  'skill',
  'interest',
  'learning_goal',
  'referral_source',
  'limitation',
] as const
export type OptionKind = (typeof OPTION_KINDS)[number]

export const PERSON_GENDERS = ['female', 'male', 'other', 'unknown'] as const
export type PersonGender = (typeof PERSON_GENDERS)[number]

/** Where a person stands; 'left' only through `people.setOutflow`. */
export const PERSON_STATUSES = ['registered', 'intake', 'active', 'left'] as const
export type PersonStatus = (typeof PERSON_STATUSES)[number]

export const OUTFLOW_KINDS = [
  'paid_work',
  'other_volunteer_work',
  'education',
  'stopped',
  'dropped_out',
  'moved',
  'other',
] as const
export type OutflowKind = (typeof OUTFLOW_KINDS)[number]

export const PLACEMENT_STEPS = [
  'proposed',
  'introduction',
  'trial',
  'placed',
  'ended',
  'declined',
] as const
export type PlacementStep = (typeof PLACEMENT_STEPS)[number]
/** Steps in which a placement holds one of the vacancy's places. */
export const PLACEMENT_TAKING_STEPS = ['introduction', 'trial', 'placed'] as const

export const MEASUREMENT_MOMENTS = ['intake', 'reassessment', 'end'] as const
export type MeasurementMoment = (typeof MEASUREMENT_MOMENTS)[number]
export const ZRM_VERSIONS = ['zrm11', 'zrm13'] as const
export type ZrmVersion = (typeof ZRM_VERSIONS)[number]

export const PLAN_AIMS = ['volunteer_place', 'training', 'activity', 'tegenprestatie'] as const
export type PlanAim = (typeof PLAN_AIMS)[number]
export const GOAL_STATUSES = ['open', 'realised', 'partly_realised', 'not_realised'] as const
export type GoalStatus = (typeof GOAL_STATUSES)[number]

export const CONTACT_KINDS = ['phone', 'visit', 'meeting', 'evaluation', 'other'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export { DAY_PARTS, type DayPart }

/** Monday = 1 ... Sunday = 7. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const

/** One half-day of the week in an availability grid. */
export const halfDay = z.object({
  weekday: z
    .number({ error: 'v:required' })
    .int({ error: 'v:invalidOption' })
    .min(1, { error: 'v:invalidOption' })
    .max(7, { error: 'v:invalidOption' }),
  part: z.enum(DAY_PARTS, { error: requiredOrOption }),
})
export type HalfDay = z.infer<typeof halfDay>

/** A grid: each half-day at most once (the path points at the repeated one). */
export const halfDays = z
  .array(halfDay)
  .max(21)
  .superRefine((slots, ctx) => {
    const seen = new Set<string>()
    slots.forEach((s, i) => {
      const key = `${s.weekday}-${s.part}`
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'v:duplicateChoice', path: [i] })
      seen.add(key)
    })
  })
  .default([])

/** Ids chosen from a managed list, each once. */
export const optionIds = z
  .array(id)
  .max(50)
  .superRefine((ids, ctx) => {
    const seen = new Set<number>()
    ids.forEach((v, i) => {
      if (seen.has(v)) ctx.addIssue({ code: 'custom', message: 'v:duplicateChoice', path: [i] })
      seen.add(v)
    })
  })
  .default([])

/** The volunteers domain keeps no records from before this day: an earlier one is a typo. */
export const EARLIEST_VOLUNTEER_DATE = '2000-01-01'

const volunteerDate = isoDate.refine((d) => d >= EARLIEST_VOLUNTEER_DATE, {
  error: 'v:volunteerDateTooEarly',
})
const optionalVolunteerDate = optionalIsoDate.refine(
  (d) => d === null || d >= EARLIEST_VOLUNTEER_DATE,
  { error: 'v:volunteerDateTooEarly' },
)

/** Optional Dutch postcode, normalised to `1234 AB`; empty becomes null. */
export const optionalPostcode = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || !s.trim()) return null
    const n = normalisePostcode(s)
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'v:postcode' })
      return z.NEVER
    }
    return n
  })

const birthYear = z
  .number({ error: 'v:birthYear' })
  .int({ error: 'v:birthYear' })
  .min(1900, { error: 'v:birthYearTooEarly' })
  // "Not after this year" needs main's clock: main checks it with today.
  .max(2100, { error: 'v:birthYearFuture' })
  .nullish()
  .transform((v) => v ?? null)

// ---------------------------------------------------------------- managed lists

export const volunteerListsListInput = z.object({
  kind: z.enum(OPTION_KINDS, { error: requiredOrOption }),
  includeInactive: z.boolean().default(false),
})

export const volunteerListsCreateInput = z.object({
  kind: z.enum(OPTION_KINDS, { error: requiredOrOption }),
  name: requiredText(80),
  /** Required for a limitation, refused for any other kind (main checks which). */
  demand: demand.nullish().transform((v) => v ?? null),
})

export const volunteerListsUpdateInput = z.object({
  id,
  name: requiredText(80),
  active: z.boolean(),
  demand: demand.nullish().transform((v) => v ?? null),
})

export interface VolunteerOption {
  id: number
  kind: OptionKind
  name: string
  demand: Demand | null
  active: boolean
  /** People and vacancies that name it (a name in use is better renamed than removed). */
  used: number
}

export const programmesListInput = z.object({ includeInactive: z.boolean().default(false) })

const programmeFields = {
  name: requiredText(80),
  partnerId: id.nullish().transform((v) => v ?? null),
  fundedPerYear: z
    .number({ error: 'v:number' })
    .int({ error: 'v:wholeNumber' })
    .min(0, { error: 'v:notNegative' })
    .max(10_000, { error: 'v:tooLargeNumber' })
    .nullish()
    .transform((v) => v ?? null),
}
export const programmesCreateInput = z.object(programmeFields)
export const programmesUpdateInput = z.object({ id, ...programmeFields, active: z.boolean() })

export interface Programme {
  id: number
  name: string
  partnerId: number | null
  partnerName: string | null
  fundedPerYear: number | null
  active: boolean
  /** People in the programme (any status). */
  people: number
}

// ---------------------------------------------------------------- people

const personFields = {
  firstName: requiredText(80),
  lastName: requiredText(120),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalText(200),
  postcode: optionalPostcode,
  place: optionalText(80),
  district: optionalText(80),
  birthYear,
  gender: z.enum(PERSON_GENDERS, { error: requiredOrOption }).default('unknown'),
  /** Burgerlijke staat; null is unknown. */
  maritalStatus: optionalMaritalStatus,
  registeredOn: volunteerDate,
  /** The day of the intake conversation; waiting time = days from registration to it. */
  intakeOn: optionalVolunteerDate,
  programmeId: id.nullish().transform((v) => v ?? null),
  participationDuty: z.boolean().default(false),
  dutyToApply: z.boolean().default(false),
  ownTransport: z.boolean().default(false),
  languages: optionalText(200),
  referralSourceId: id.nullish().transform((v) => v ?? null),
  referrer: optionalText(120),
  notes: optionalText(5000),
  skillIds: optionIds,
  interestIds: optionIds,
  learningGoalIds: optionIds,
  limitationIds: optionIds,
  availability: halfDays,
}

/** No intake before the registration. */
function intakeAfterRegistration<T extends { registeredOn: string; intakeOn: string | null }>(
  p: T,
): boolean {
  return p.intakeOn === null || p.intakeOn >= p.registeredOn
}

export const peopleCreateInput = z
  .object({
    ...personFields,
    status: z.enum(['registered', 'intake', 'active'], { error: requiredOrOption }).optional(),
    /** The shop's household the person came from ("interesse in vrijwilligerswerk"). */
    householdId: id.nullish().transform((v) => v ?? null),
  })
  .refine(intakeAfterRegistration, { error: 'v:intakeBeforeRegistration', path: ['intakeOn'] })
export type PeopleCreateInput = z.input<typeof peopleCreateInput>

export const peopleUpdateInput = z
  .object({
    id,
    ...personFields,
    /** 'left' is set and undone by `people.setOutflow` only. */
    status: z.enum(['registered', 'intake', 'active'], { error: requiredOrOption }),
  })
  .refine(intakeAfterRegistration, { error: 'v:intakeBeforeRegistration', path: ['intakeOn'] })
export type PeopleUpdateInput = z.input<typeof peopleUpdateInput>

export const peopleGetInput = z.object({ id })

export const peopleSearchInput = z.object({
  query: z.string().trim().max(100).default(''),
  status: z.enum([...PERSON_STATUSES, 'all'], { error: requiredOrOption }).default('all'),
  programmeId: id.nullish().transform((v) => v ?? null),
  /** Registered on or before this day and no intake yet: who waits since then. */
  waitingSince: optionalIsoDate,
  district: optionalText(80),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
})
export type PeopleSearchInput = z.input<typeof peopleSearchInput>

/** Outflow: how and when a person left; `kind: null` undoes it (a mistake, or they returned). */
export const peopleSetOutflowInput = z
  .object({
    id,
    kind: z
      .enum(OUTFLOW_KINDS, { error: requiredOrOption })
      .nullable()
      .transform((v) => v ?? null),
    on: optionalVolunteerDate,
    note: optionalText(1000),
  })
  .refine((o) => o.kind === null || o.on !== null, { error: 'v:required', path: ['on'] })
export type PeopleSetOutflowInput = z.input<typeof peopleSetOutflowInput>

/** Doorstroom: on to another role or place within the organisation. */
export const peopleAddMoveInput = z.object({
  personId: id,
  movedOn: volunteerDate,
  toText: requiredText(200),
  note: optionalText(1000),
})
export const peopleRemoveMoveInput = z.object({ id })

/** "Interesse in vrijwilligerswerk" on a shop household: a registration linked to it. */
export const peopleFromHouseholdInput = z.object({
  householdId: id,
  firstName: requiredText(80),
  lastName: requiredText(120),
  registeredOn: volunteerDate,
})
export const peopleForHouseholdInput = z.object({ householdId: id })

export interface PersonListItem {
  id: number
  reference: string
  firstName: string
  lastName: string
  place: string | null
  district: string | null
  status: PersonStatus
  programmeId: number | null
  programmeName: string | null
  registeredOn: string
  intakeOn: string | null
  outflowKind: OutflowKind | null
  outflowOn: string | null
  anonymised: boolean
}

export interface PeopleSearchResult {
  rows: PersonListItem[]
  total: number
}

export interface PersonMove {
  id: number
  movedOn: string
  toText: string
  note: string | null
}

export interface Person extends PersonListItem {
  phone: string | null
  email: string | null
  address: string | null
  postcode: string | null
  birthYear: number | null
  gender: PersonGender
  /** Burgerlijke staat; null is unknown. */
  maritalStatus: MaritalStatus | null
  participationDuty: boolean
  dutyToApply: boolean
  ownTransport: boolean
  languages: string | null
  referralSourceId: number | null
  referralSourceName: string | null
  referrer: string | null
  notes: string | null
  outflowNote: string | null
  household: { id: number; reference: string; contactName: string } | null
  skills: NamedRef[]
  interests: NamedRef[]
  learningGoals: NamedRef[]
  limitations: (NamedRef & { demand: Demand | null })[]
  availability: HalfDay[]
  moves: PersonMove[]
  createdAt: string
  updatedAt: string
}

// ---------------------------------------------------------------- host organisations

/**
 * A host organisation is a partner of the sociale kaart with `isHost`: one list, not two. Its
 * kind defaults to 'other' when it is entered here.
 */
const organisationFields = {
  name: requiredText(120),
  kind: z.enum(PARTNER_KINDS, { error: requiredOrOption }).default('other'),
  area: optionalText(80),
  contactPerson: optionalText(120),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalText(200),
  helpsWith: optionalText(1000),
}

export const organisationsCreateInput = z.object(organisationFields)
export const organisationsUpdateInput = z.object({
  id,
  ...organisationFields,
  active: z.boolean(),
})
export const organisationsListInput = z.object({
  query: optionalText(80),
  includeInactive: z.boolean().default(false),
})
/** An organisation already on the sociale kaart starts (or stops) hosting volunteers. */
export const organisationsSetHostInput = z.object({ id, isHost: z.boolean() })

export interface HostOrganisation {
  id: number
  name: string
  kind: string
  area: string | null
  contactPerson: string | null
  phone: string | null
  email: string | null
  address: string | null
  helpsWith: string | null
  active: boolean
  /** The shop itself. */
  isOwn: boolean
  activeVacancies: number
  /** Placements in introduction, trial or placed. */
  activePlacements: number
}

// ---------------------------------------------------------------- vacancies

const vacancyFields = {
  partnerId: id,
  title: requiredText(120),
  tasks: optionalText(2000),
  place: optionalText(80),
  district: optionalText(80),
  places: z
    .number({ error: 'v:required' })
    .int({ error: 'v:wholeNumber' })
    .min(1, { error: 'v:atLeastOne' })
    .max(100, { error: 'v:tooLargeNumber' }),
  notes: optionalText(2000),
  /** Skills wanted. */
  skillIds: optionIds,
  /** Learning goals one can work on there. */
  learningGoalIds: optionIds,
  /** Interests it suits. */
  interestIds: optionIds,
  demands: z
    .array(demand)
    .max(DEMANDS.length)
    .superRefine((ds, ctx) => {
      const seen = new Set<string>()
      ds.forEach((d, i) => {
        if (seen.has(d)) ctx.addIssue({ code: 'custom', message: 'v:duplicateChoice', path: [i] })
        seen.add(d)
      })
    })
    .default([]),
  /** The half-days it needs. */
  availability: halfDays,
}

export const vacanciesCreateInput = z.object(vacancyFields)
export const vacanciesUpdateInput = z.object({ id, ...vacancyFields, active: z.boolean() })
export const vacanciesGetInput = z.object({ id })
export const vacanciesListInput = z.object({
  partnerId: id.nullish().transform((v) => v ?? null),
  query: optionalText(80),
  place: optionalText(80),
  includeInactive: z.boolean().default(false),
  /** One page: at a thousand places the whole list is too long to read or to draw. */
  limit: z.number({ error: 'v:invalid' }).int().min(1).max(500).default(50),
  offset: z.number({ error: 'v:invalid' }).int().min(0).default(0),
})

/** A page of vacancies and how many match in all. */
export interface VacancyList {
  rows: VacancyListItem[]
  total: number
}

export interface VacancyListItem {
  id: number
  partnerId: number
  partnerName: string
  title: string
  place: string | null
  district: string | null
  places: number
  /** Places held by placements in introduction, trial or placed. */
  taken: number
  active: boolean
}

export interface Vacancy extends VacancyListItem {
  tasks: string | null
  notes: string | null
  skills: NamedRef[]
  learningGoals: NamedRef[]
  interests: NamedRef[]
  demands: Demand[]
  availability: HalfDay[]
  createdAt: string
  updatedAt: string
}

/** True for a 'YYYY-MM' month that exists. */
export function isMonth(s: string): boolean {
  return /^\d{4}-\d{2}$/.test(s) && isRealDate(`${s}-01`)
}
