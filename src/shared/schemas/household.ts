import { z } from 'zod'
import type { MaritalStatus, NamedRef } from './common'
import type { Appointment, ConversationHistoryEntry, Visit } from './shop'
import {
  id,
  isoDate,
  optionalEmail,
  optionalIsoDate,
  optionalPhone,
  optionalMaritalStatus,
  optionalText,
  postcode,
  requiredOrOption,
  requiredText,
} from './common'

/** 'ao': a benefit for incapacity for work (arbeidsongeschiktheid: WIA, WAO). */
export const INCOME_SOURCES = ['bijstand', 'ww', 'aow', 'ao', 'wajong', 'werk', 'anders'] as const
export type IncomeSource = (typeof INCOME_SOURCES)[number]

export const GENDERS = ['f', 'm', 'x'] as const
export type Gender = (typeof GENDERS)[number]

/** An intake's answer to "schulden?" and "meerdere problemen?": 'unknown' when not asked or said. */
export const INTAKE_ANSWERS = ['yes', 'no', 'unknown'] as const
export type IntakeAnswer = (typeof INTAKE_ANSWERS)[number]

export const HOUSEHOLD_STATUSES = ['active', 'inactive'] as const
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number]

/** A household's right to the shop as the counter sees it (see `Eligibility`). */
export const ELIGIBILITIES = ['valid', 'expiring', 'expired', 'unknown'] as const

export const memberInput = z.object({
  id: id.optional(),
  firstName: optionalText(100),
  birthYear: z
    .number({ error: 'v:required' })
    .int({ error: 'v:birthYear' })
    .min(1900, { error: 'v:birthYearTooEarly' })
    // The exact "not after this year" needs main's clock: main and the form check it with today.
    .max(2100, { error: 'v:birthYearFuture' }),
  gender: z.enum(GENDERS, { error: requiredOrOption }),
  clothingSize: optionalText(20),
})
export type MemberInput = z.input<typeof memberInput>

const householdFields = {
  contactName: requiredText(120),
  street: optionalText(120),
  houseNumber: optionalText(20),
  postcode,
  city: requiredText(80),
  district: optionalText(80),
  phone: optionalPhone,
  email: optionalEmail,
  incomeSource: z.enum(INCOME_SOURCES, { error: requiredOrOption }),
  /** The contact's burgerlijke staat; null is unknown. */
  maritalStatus: optionalMaritalStatus,
  referrer: optionalText(120),
  proofSeenOn: optionalIsoDate.refine((d) => d === null || d >= EARLIEST_RECORD, {
    error: 'v:proofTooEarly',
  }),
  /**
   * When left empty, main fills it in: proof date plus the eligibility term (a setting). Main
   * also refuses one further ahead than the longest term (ELIGIBLE_MAX_MONTHS).
   */
  eligibleUntil: optionalIsoDate.refine((d) => d === null || d >= EARLIEST_RECORD, {
    error: 'v:eligibleTooEarly',
  }),
  consentDate: isoDate,
  consentBy: requiredText(120),
  status: z.enum(['active', 'inactive']).default('active'),
  notes: optionalText(2000),
  members: z.array(memberInput).max(20),
}

/**
 * The shop kept no records before this day: an earlier intake, proof or end of the right is a
 * typing error (1900 for 2000), as for visits.
 */
export const EARLIEST_RECORD = '2000-01-01'

/** The intake conversation, without the household it belongs to. */
export const intakeFields = z.object({
  date: isoDate.refine((d) => d >= EARLIEST_RECORD, { error: 'v:intakeTooEarly' }),
  doneBy: requiredText(120),
  topicIds: z.array(id).max(50),
  referrals: z.array(z.object({ destinationId: id, note: optionalText(300) })).max(50),
  notes: optionalText(5000),
  debts: z.enum(INTAKE_ANSWERS, { error: requiredOrOption }).default('unknown'),
  multipleProblems: z.enum(INTAKE_ANSWERS, { error: requiredOrOption }).default('unknown'),
})
export type IntakeFields = z.input<typeof intakeFields>

/** The longest eligibility term a setting allows; a right set by hand reaches no further. */
export const ELIGIBLE_MAX_MONTHS = 60

export const householdCreateInput = z.object({
  ...householdFields,
  /** Set after the user has seen the duplicate warning and chose to create anyway. */
  confirmDuplicate: z.boolean().default(false),
  /** The first intake of a new family, saved in the same transaction as the household. */
  intake: intakeFields.optional(),
})
export type HouseholdCreateInput = z.input<typeof householdCreateInput>

export const householdUpdateInput = z.object({ id, ...householdFields })
export type HouseholdUpdateInput = z.input<typeof householdUpdateInput>

export const householdDuplicatesInput = z.object({
  contactName: z.string().trim().max(120),
  postcode: z.string().max(20).nullish(),
  phone: z.string().max(40).nullish(),
  excludeId: id.optional(),
})

export const householdGetInput = z.object({ id })

export const householdSearchInput = z.object({
  query: z.string().trim().max(100).default(''),
  status: z.enum(['active', 'inactive', 'all']).default('all'),
  limit: z.number().int().min(1).max(200).default(25),
  offset: z.number().int().min(0).max(1_000_000).default(0),
})
export type HouseholdSearchInput = z.input<typeof householdSearchInput>

export const intakeCreateInput = intakeFields.extend({ householdId: id })
export type IntakeCreateInput = z.input<typeof intakeCreateInput>

/** "Gebeld / uitgenodigd" from the call list: which family, and on which day. */
export const callListContactInput = z.object({
  householdId: id,
  date: isoDate,
})
export type CallListContactInput = z.input<typeof callListContactInput>

export const callListInput = z.object({
  notSeenSince: isoDate,
  district: optionalText(80),
})

export interface Member {
  id: number
  firstName: string | null
  birthYear: number
  gender: Gender
  clothingSize: string | null
}

/**
 * A household's right to the shop as the counter sees it: whether it holds, and whether it runs
 * out soon (within the dashboard's "expiring" days), never the date itself.
 */
export type Eligibility = (typeof ELIGIBILITIES)[number]

export interface HouseholdSummary {
  id: number
  reference: string
  contactName: string
  postcode: string
  city: string
  district: string | null
  phone: string | null
  status: HouseholdStatus
  /** Null for a counter volunteer, who gets `eligibility` only. */
  eligibleUntil: string | null
  eligibility?: Eligibility
  lastVisitOn: string | null
  childCount: number
}

export interface Household {
  id: number
  reference: string
  contactName: string
  street: string | null
  houseNumber: string | null
  postcode: string
  city: string
  district: string | null
  phone: string | null
  email: string | null
  /** Absent for a counter volunteer, as are referrer, proof date and notes. */
  incomeSource?: IncomeSource
  /** The contact's burgerlijke staat (null: unknown); absent for a counter volunteer. */
  maritalStatus?: MaritalStatus | null
  referrer?: string | null
  proofSeenOn?: string | null
  eligibleUntil: string | null
  consentDate: string
  consentBy: string
  status: HouseholdStatus
  notes?: string | null
  createdAt: string
  updatedAt: string
  /** Set once the household was anonymised (AVG): nothing of it can be changed any more. */
  anonymisedAt: string | null
  members: Member[]
}

export interface Intake {
  id: number
  householdId: number
  date: string
  doneBy: string
  notes: string | null
  /** Absent for a counter volunteer, as are the notes' contents (see households.get). */
  debts?: IntakeAnswer
  multipleProblems?: IntakeAnswer
  topics: NamedRef[]
  referrals: { destination: NamedRef; note: string | null }[]
}

export interface HouseholdDetail {
  household: Household
  /** Absent for a counter volunteer: intakes carry notes, topics and referrals. */
  intakes?: Intake[]
  /**
   * A counter volunteer's view of the family's earlier conversations (intakes and visits: day,
   * topics, destinations; never notes), present only when the admin's history switch is on.
   */
  conversations?: ConversationHistoryEntry[]
  /** True when parts were left out for the caller's role. */
  restricted: boolean
  appointments: Appointment[]
  visits: Visit[]
  eligibilityExpired: boolean
  /** Whether the right holds today; for a counter volunteer the household's date is left out. */
  eligibility?: Eligibility
}

export interface DuplicateCandidate {
  id: number
  reference: string
  contactName: string
  postcode: string
  phone: string | null
  reason: 'postcodeAndName' | 'phone'
}

export interface CallListEntry {
  id: number
  reference: string
  contactName: string
  phone: string | null
  email: string | null
  district: string | null
  lastVisitOn: string | null
  eligibleUntil: string | null
  /** The last day someone called or invited the family from the call list; null if never. */
  lastContactOn: string | null
}
