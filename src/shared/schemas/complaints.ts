import { z } from 'zod'
import { id, isoDate, optionalText, requiredOrOption, requiredText, type NamedRef } from './common'

/** How a complaint came in. */
export const COMPLAINT_CHANNELS = ['in_person', 'letter', 'email', 'phone', 'form'] as const
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number]

/** Who complained: a household or person of the app, a name with contact details, or nobody known. */
export const COMPLAINANT_KINDS = ['household', 'person', 'contact', 'anonymous'] as const
export type ComplainantKind = (typeof COMPLAINANT_KINDS)[number]

/** What the complaint is about: a service, a staff member or volunteer, or something else. */
export const COMPLAINT_ABOUT_KINDS = ['service', 'staff', 'other'] as const
export type ComplaintAboutKind = (typeof COMPLAINT_ABOUT_KINDS)[number]

/**
 * gegrond, deels gegrond, ongegrond, ingetrokken, opgelost door bemiddeling (labels in
 * src/shared/i18n `complaintOutcomes`).
 */
export const COMPLAINT_OUTCOMES = [
  'founded',
  'partly_founded',
  'unfounded',
  'withdrawn',
  'mediated',
] as const
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number]

/** 1 mediation by the leidinggevende, 2 by the manager and/or director, 3 the committee. */
export const COMPLAINT_STEPS = [1, 2, 3] as const
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number]

export const COMPLAINT_ENTRY_KINDS = [
  'received',
  'acknowledged',
  'step_changed',
  'handler_changed',
  'note',
  'hearing',
  'advice',
  'decision',
  'extension',
  'informed',
  'closed',
  'reopened',
  'correction',
  'letter',
] as const
export type ComplaintEntryKind = (typeof COMPLAINT_ENTRY_KINDS)[number]

/** The entries `complaints.addEntry` writes; the others have their own method. */
export const ADDABLE_ENTRY_KINDS = [
  'acknowledged',
  'note',
  'hearing',
  'advice',
  'informed',
  'correction',
] as const
export type AddableEntryKind = (typeof ADDABLE_ENTRY_KINDS)[number]

/** Who was informed, or which side was heard. */
export const COMPLAINT_PARTIES = ['complainant', 'staff'] as const
export type ComplaintParty = (typeof COMPLAINT_PARTIES)[number]

/** Where a complaint stands: open, decided (not yet closed), closed. */
export const COMPLAINT_STATES = ['open', 'decided', 'closed'] as const
export type ComplaintState = (typeof COMPLAINT_STATES)[number]

/** Which complaints a list shows. */
export const COMPLAINT_LIST_FILTERS = ['open', 'closed', 'all'] as const
export type ComplaintListFilter = (typeof COMPLAINT_LIST_FILTERS)[number]

/** The two terms of a complaint. */
export const DEADLINE_KINDS = ['acknowledgement', 'decision'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

/**
 * How a term stands: met in time, met late, still open (ok), open and due within 7 days (soon),
 * open and past its day (late).
 */
export const DEADLINE_STATUSES = ['met', 'metLate', 'ok', 'soon', 'late'] as const
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number]

/**
 * The days the Algemene termijnenwet (art. 3) and the Royal Decrees under it treat as holidays,
 * plus Goede Vrijdag. Labels in src/shared/i18n `complaintHolidays`.
 */
export const HOLIDAY_CODES = [
  'newYear',
  'goodFriday',
  'easterMonday',
  'kingsDay',
  'liberationDay',
  'ascensionDay',
  'whitMonday',
  'christmasDay',
  'boxingDay',
  'decree',
] as const
export type HolidayCode = (typeof HOLIDAY_CODES)[number]

/** Why a day did not count: weekend, a (legal) holiday, or the organisation was closed. */
export const SKIP_REASONS = ['saturday', 'sunday', 'holiday', 'closed'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

const channel = z.enum(COMPLAINT_CHANNELS, { error: requiredOrOption })
const outcome = z.enum(COMPLAINT_OUTCOMES, { error: requiredOrOption })
const step = z.union([z.literal(1), z.literal(2), z.literal(3)], { error: requiredOrOption })
const nullableId = id.nullish().transform((v) => v ?? null)

export const COMPLAINT_TEXT_MAX = 5000

/**
 * A new complaint. Which complainant fields count depends on the kind (a household's id, a
 * person's id, a name with contact details, nothing when anonymous); the same for the subject.
 * `handlerId` left out at step 1 takes the leidinggevende of the account complained about;
 * `null` means no handler yet.
 */
export const complaintCreateInput = z
  .object({
    receivedOn: isoDate,
    channel,
    complainantKind: z.enum(COMPLAINANT_KINDS, { error: requiredOrOption }),
    householdId: nullableId,
    personId: nullableId,
    complainantName: optionalText(120),
    complainantContact: optionalText(300),
    aboutKind: z.enum(COMPLAINT_ABOUT_KINDS, { error: requiredOrOption }),
    aboutAccountId: nullableId,
    aboutText: optionalText(200),
    categoryId: id,
    description: requiredText(COMPLAINT_TEXT_MAX),
    wish: optionalText(2000),
    step: step.default(1),
    handlerId: id.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, ok: boolean): void => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message: 'v:required' })
    }
    if (v.complainantKind === 'household') need('householdId', v.householdId !== null)
    if (v.complainantKind === 'person') need('personId', v.personId !== null)
    if (v.complainantKind === 'contact') need('complainantName', v.complainantName !== null)
    // About a staff member or volunteer: the account, or the name when there is none.
    if (v.aboutKind === 'staff') need('aboutText', v.aboutAccountId !== null || !!v.aboutText)
    if (v.aboutKind !== 'staff' && v.aboutKind !== 'service') need('aboutText', !!v.aboutText)
  })
export type ComplaintCreateInput = z.input<typeof complaintCreateInput>

export const complaintGetInput = z.object({ id })

export const complaintListInput = z.object({
  state: z.enum(COMPLAINT_LIST_FILTERS, { error: requiredOrOption }).default('open'),
  /** Year of receipt. */
  year: z.number({ error: 'v:invalid' }).int().min(2000).max(2200).nullish(),
  categoryId: id.nullish(),
  /** A number (K-2026-007, 2026-7, 7) or part of the complainant's name. */
  q: optionalText(80),
  limit: z.number().int().min(1).max(500).default(200),
  /** Rows to skip: the list is paged, so every complaint can be reached however many there are. */
  offset: z.number({ error: 'v:invalid' }).int().min(0).default(0),
})
export type ComplaintListInput = z.input<typeof complaintListInput>

/**
 * An entry for the timeline. Per kind:
 * - acknowledged: the day the receipt was confirmed;
 * - note: text;
 * - hearing (step 3): the side heard (`party`), who was heard (`persons`) and the record (`text`);
 * - advice (step 3): the committee's advice (`text`), optionally the advised outcome;
 * - informed: who was informed of the decision (`party`) on `date`;
 * - correction: the entry it corrects (`correctsId`), what was wrong (`text`), optionally the
 *   right day (`newDate`) or right outcome of a decision, or that the entry does not count
 *   (`voids`).
 */
export const complaintAddEntryInput = z
  .object({
    complaintId: id,
    kind: z.enum(ADDABLE_ENTRY_KINDS, { error: requiredOrOption }),
    date: isoDate,
    text: optionalText(COMPLAINT_TEXT_MAX),
    party: z.enum(COMPLAINT_PARTIES, { error: requiredOrOption }).nullish(),
    persons: optionalText(300),
    outcome: outcome.nullish(),
    correctsId: id.nullish(),
    newDate: isoDate.nullish(),
    voids: z.boolean({ error: 'v:invalid' }).default(false),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, ok: boolean): void => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [path], message: 'v:required' })
    }
    if (['note', 'hearing', 'advice', 'correction'].includes(v.kind)) need('text', !!v.text)
    if (v.kind === 'hearing' || v.kind === 'informed') need('party', !!v.party)
    if (v.kind === 'hearing') need('persons', !!v.persons)
    if (v.kind === 'correction') need('correctsId', !!v.correctsId)
  })
export type ComplaintAddEntryInput = z.input<typeof complaintAddEntryInput>

/** To a higher step only, with the reason; a new handler may be named (null: none yet). */
export const complaintEscalateInput = z.object({
  complaintId: id,
  step: z.union([z.literal(2), z.literal(3)], { error: requiredOrOption }),
  date: isoDate,
  text: requiredText(COMPLAINT_TEXT_MAX),
  handlerId: id.nullable().optional(),
})
export type ComplaintEscalateInput = z.input<typeof complaintEscalateInput>

/** Another handler (never the account the complaint is about). */
export const complaintAssignInput = z.object({
  complaintId: id,
  handlerId: nullableId,
  date: isoDate,
  text: optionalText(1000),
})

/**
 * One extension of the decision term, of at most the setting's weeks, recorded on or before the
 * day it extends, with a written reason. Anything else only with the complainant's written
 * consent (`withConsent`, the reason then says where the consent is).
 */
export const complaintExtendInput = z.object({
  complaintId: id,
  weeks: z.number({ error: 'v:required' }).int().min(1).max(26),
  date: isoDate,
  reason: requiredText(COMPLAINT_TEXT_MAX),
  withConsent: z.boolean({ error: 'v:invalid' }).default(false),
})
export type ComplaintExtendInput = z.input<typeof complaintExtendInput>

export const complaintDecideInput = z.object({
  complaintId: id,
  date: isoDate,
  outcome,
  text: requiredText(COMPLAINT_TEXT_MAX),
  measures: z
    .array(z.object({ text: requiredText(1000) }))
    .max(20)
    .default([]),
})
export type ComplaintDecideInput = z.input<typeof complaintDecideInput>

export const complaintCloseInput = z.object({
  complaintId: id,
  date: isoDate,
  text: optionalText(COMPLAINT_TEXT_MAX),
})
export const complaintReopenInput = z.object({
  complaintId: id,
  date: isoDate,
  text: requiredText(COMPLAINT_TEXT_MAX),
})

/** "Uitgevoerd": the day a measure was carried out, or null to take that back. */
export const complaintMeasureDoneInput = z.object({
  measureId: id,
  doneOn: isoDate.nullable(),
})

export const complaintProposeHandlerInput = z.object({ aboutAccountId: id })

/** An account's leidinggevende (admin): null removes it. */
export const complaintSetManagerInput = z.object({ accountId: id, managerId: nullableId })

export const complaintCategoriesInput = z.object({
  includeInactive: z.boolean({ error: 'v:invalid' }).default(false),
})
export const complaintCategoryCreateInput = z.object({ name: requiredText(80) })
export const complaintCategoryUpdateInput = z.object({
  id,
  name: requiredText(80),
  active: z.boolean({ error: 'v:invalid' }),
})

export const COMPLAINT_SETTING_LIMITS = {
  ackWorkingDays: { min: 1, max: 30 },
  decisionWeeks: { min: 1, max: 26 },
  maxExtensionWeeks: { min: 0, max: 26 },
  smallCellThreshold: { min: 1, max: 50 },
} as const

const limited = (k: keyof typeof COMPLAINT_SETTING_LIMITS) =>
  z
    .number({ error: 'v:required' })
    .int({ error: 'v:invalid' })
    .min(COMPLAINT_SETTING_LIMITS[k].min)
    .max(COMPLAINT_SETTING_LIMITS[k].max)

/**
 * The organisation's own terms (its complaints regulation; no law sets them for a welfare
 * organisation), the title of who decides at step 3, the smallest count the annual report shows
 * as a number, and the days the organisation is closed (they move only the acknowledgement).
 */
export const complaintSettings = z.object({
  ackWorkingDays: limited('ackWorkingDays'),
  decisionWeeks: limited('decisionWeeks'),
  maxExtensionWeeks: limited('maxExtensionWeeks'),
  /** "directeur" or "bestuurder", as the organisation names the one who decides. */
  deciderTitle: requiredText(60),
  smallCellThreshold: limited('smallCellThreshold'),
  closedDays: z
    .array(isoDate)
    .max(400)
    .transform((days) => [...new Set(days)].sort()),
})
export type ComplaintSettings = z.output<typeof complaintSettings>

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  ackWorkingDays: 5,
  decisionWeeks: 6,
  maxExtensionWeeks: 4,
  deciderTitle: 'directeur',
  smallCellThreshold: 5,
  closedDays: [],
}

export const complaintSettingsUpdate = complaintSettings.partial().strict()

// ---- Results ----

/** A text to show: an i18n key (under `complaints.why.` in src/shared/i18n) and its params. */
export interface Phrase {
  key: string
  params?: Record<string, string | number>
}

/** A day that did not count towards a term, and why. */
export interface SkippedDay {
  day: string
  reason: SkipReason
  /** For reason 'holiday'. */
  holiday?: HolidayCode
}

/**
 * "Waarom deze datum?": the rule (e.g. "5 werkdagen na ontvangst op 02-03-2026"), the steps of
 * the reckoning, and every day skipped with its reason.
 */
export interface DeadlineWhy {
  rule: Phrase
  steps: Phrase[]
  skipped: SkippedDay[]
}

export interface Deadline {
  kind: DeadlineKind
  dueOn: string
  /** The day the term was met (acknowledged, decided), or null. */
  metOn: string | null
  status: DeadlineStatus
  /** Days from today to the due day (negative when late). */
  daysLeft: number
  why: DeadlineWhy
}

/** The next open term of a complaint, for lists. */
export interface NextDeadline {
  kind: DeadlineKind
  dueOn: string
  status: 'ok' | 'soon' | 'late'
  daysLeft: number
}

export interface ComplainantView {
  kind: ComplainantKind
  /** The household's reference and name, the person's, the name given, or null (anonymous). */
  label: string | null
  householdId: number | null
  personId: number | null
  name: string | null
  contact: string | null
}

export interface ComplaintSummary {
  id: number
  number: string
  receivedOn: string
  channel: ComplaintChannel
  complainant: ComplainantView
  category: NamedRef
  step: ComplaintStep
  handler: NamedRef | null
  state: ComplaintState
  outcome: ComplaintOutcome | null
  closedOn: string | null
  next: NextDeadline | null
}

export interface ComplaintEntryView {
  id: number
  kind: ComplaintEntryKind
  date: string
  authorName: string
  text: string | null
  step: ComplaintStep | null
  handler: NamedRef | null
  party: string | null
  persons: string | null
  outcome: ComplaintOutcome | null
  weeks: number | null
  withConsent: boolean
  dueOn: string | null
  correctsId: number | null
  newDate: string | null
  voids: boolean
  /** Ids of the corrections of this entry (the screen shows both). */
  correctedBy: number[]
  /** A correction said this entry does not count. */
  voided: boolean
  createdAt: string
  anonymised: boolean
}

export interface ComplaintMeasure {
  id: number
  text: string
  doneOn: string | null
  entryId: number | null
}

export interface ComplaintDetail extends ComplaintSummary {
  about: { kind: ComplaintAboutKind; account: NamedRef | null; text: string | null }
  description: string
  wish: string | null
  startStep: ComplaintStep
  decidedOn: string | null
  acknowledgedOn: string | null
  informedComplainantOn: string | null
  informedStaffOn: string | null
  /** The terms at receipt, and the weeks added by extensions. */
  terms: { ackWorkingDays: number; decisionWeeks: number; extensionWeeks: number }
  deadlines: { acknowledgement: Deadline; decision: Deadline }
  /** Whether an extension without consent is still possible today, else why not (an i18n key). */
  extension: { allowed: boolean; maxWeeks: number; reason: string | null }
  /** The leidinggevende of the account complained about, for step 1. */
  proposedHandler: NamedRef | null
  entries: ComplaintEntryView[]
  measures: ComplaintMeasure[]
  anonymised: boolean
}

export interface ComplaintList {
  rows: ComplaintSummary[]
  /** All that match, beyond `limit`. */
  total: number
}

/** The overview of open complaints by their next term; `late` is the start screen's count. */
export interface ComplaintDeadlines {
  today: string
  rows: ComplaintSummary[]
  late: number
  soon: number
}

export interface ComplaintCategory {
  id: number
  name: string
  active: boolean
}

/** An account as the complaint screens pick it (about whom, handler, leidinggevende). */
export interface ComplaintAccount {
  id: number
  name: string
  role: 'admin' | 'coordinator' | 'volunteer'
  active: boolean
  manager: NamedRef | null
}
