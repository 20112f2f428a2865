import { z } from 'zod'
import type { DayPart, NamedRef } from './common'
import type { CallListEntry, HouseholdSummary } from './household'
import { dayPart, id, isoDate, optionalText, period, requiredText } from './common'

export const slotTemplateEntry = z.object({
  weekday: z.number().int().min(1, { error: 'v:weekday' }).max(7, { error: 'v:weekday' }),
  part: dayPart,
  capacity: z.number({ error: 'v:required' }).int().min(1).max(50),
})
export type SlotTemplateEntry = z.infer<typeof slotTemplateEntry>

/** A weekly template names each weekday/half-day once. */
export const slotTemplate = z
  .array(slotTemplateEntry)
  .max(21)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>()
    entries.forEach((e, i) => {
      const key = `${e.weekday}-${e.part}`
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: 'v:duplicateTemplate', path: [i, 'part'] })
      seen.add(key)
    })
  })

export const slotsGenerateInput = z
  .object({
    from: isoDate,
    to: isoDate,
    template: slotTemplate.refine((t) => t.length > 0, { error: 'v:templateEmpty' }),
  })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
  .refine(
    (p) => {
      const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000
      return days <= 366
    },
    { error: 'v:periodTooLong', path: ['to'] },
  )
export type SlotsGenerateInput = z.input<typeof slotsGenerateInput>

/**
 * Half-days and bookings reach at most this many months ahead of today: further is a typing
 * error, and a booking far ahead would keep a household out of the retention term for good.
 */
export const BOOKING_HORIZON_MONTHS = 18

export const slotsListInput = period

/** Change a half-day's places; fewer than are booked is refused. */
export const slotsUpdateInput = z.object({
  id,
  capacity: z.number({ error: 'v:required' }).int().min(1).max(50),
})

/** Remove a half-day (closed for a holiday); refused while families are booked on it. */
export const slotsRemoveInput = z.object({ id })

export const appointmentBookInput = z.object({
  slotId: id,
  householdId: id,
  note: optionalText(300),
})
export type AppointmentBookInput = z.input<typeof appointmentBookInput>

export const APPOINTMENT_STATUSES = ['planned', 'came', 'no_show', 'cancelled'] as const
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number]

export const appointmentSetStatusInput = z.object({
  appointmentId: id,
  status: z.enum(APPOINTMENT_STATUSES, { error: 'v:invalidOption' }),
})

/** Another half-day for a planned appointment: the rules of a new booking apply. */
export const appointmentMoveInput = z.object({ id, slotId: id })

export const appointmentsByDayInput = z.object({ date: isoDate })

/** A referral's note at a visit: a short pointer (whom to call, what to bring), not a report. */
export const VISIT_REFERRAL_NOTE_MAX = 500

/**
 * What was talked about at a visit (topics from the managed list) and the partners of the sociale
 * kaart the family was referred to. Each topic and each destination once; main checks that they
 * exist and are active.
 */
const visitConversation = {
  topics: z.array(id).max(50).default([]),
  referrals: z
    .array(z.object({ destinationId: id, note: optionalText(VISIT_REFERRAL_NOTE_MAX) }))
    .max(50)
    .default([]),
}

/** The shop did not exist before this: an earlier visit date is a typing error (1900 for 2000). */
export const EARLIEST_VISIT = '2000-01-01'

export const visitRegisterInput = z.object({
  householdId: id,
  appointmentId: id.nullish(),
  date: isoDate.refine((d) => d >= EARLIEST_VISIT, { error: 'v:visitTooEarly' }),
  servedBy: requiredText(120),
  items: z
    .array(
      z.object({
        categoryId: id,
        count: z.number().int().min(0, { error: 'v:notNegative' }).max(200),
      }),
    )
    .max(50),
  note: optionalText(1000),
  /**
   * How many visits of this household on this date the user saw and still adds one to: main
   * refuses the visit when there are more (a double click, two volunteers at once).
   */
  sameDayVisitsSeen: z.number().int().min(0).max(1000).default(0),
  ...visitConversation,
})
export type VisitRegisterInput = z.input<typeof visitRegisterInput>

/** Add or replace the conversation of a visit already registered (the lists replace the old). */
export const visitRecordConversationInput = z.object({
  visitId: id,
  ...visitConversation,
})
export type VisitRecordConversationInput = z.input<typeof visitRecordConversationInput>

export const shopSettings = z.object({
  /** Places per half-day when a template entry does not say otherwise. */
  defaultCapacity: z.number().int().min(1).max(50),
  /** Months a proof of income counts for, to derive "eligible until". */
  eligibilityMonths: z.number().int().min(1).max(60),
  /** Warn when a household has more than this many visits within `visitPeriodDays`. */
  maxVisitsPerPeriod: z.number().int().min(1).max(100),
  visitPeriodDays: z.number().int().min(1).max(365),
  /** Warn when a visit holds more items than this per child in the household. */
  maxItemsPerChild: z.number().int().min(1).max(100),
  /** Households not seen for this many days are due to be invited. */
  inviteAfterDays: z.number().int().min(1).max(730),
  /** Days ahead in which an ending eligibility is shown on the dashboard. */
  expiringWithinDays: z.number().int().min(1).max(365),
  slotTemplate,
  /** Minutes without activity after which the screen locks: at most 15. */
  lockMinutes: z.number().int().min(1).max(15),
  /**
   * What the counter (the volunteer role) may do besides checking in and registering today's
   * visits: the admin's switches, each applied in main on every path (`domains/shop/counter.ts`).
   * Book, move and cancel appointments of any day (free places only, no other families' names).
   */
  volunteerMayBook: z.boolean(),
  /** Record the conversation of a visit: topics talked about and referrals made. */
  volunteerMayRecordConversation: z.boolean(),
  /** See a family's earlier topics and referrals (never notes, income, referrer or proof). */
  volunteerMaySeeHistory: z.boolean(),
})
export type ShopSettings = z.infer<typeof shopSettings>

export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  defaultCapacity: 5,
  eligibilityMonths: 12,
  maxVisitsPerPeriod: 1,
  visitPeriodDays: 28,
  maxItemsPerChild: 10,
  inviteAfterDays: 56,
  expiringWithinDays: 30,
  lockMinutes: 10,
  // As in the seeds' shop: the volunteers make the appointments and talk with every family.
  volunteerMayBook: true,
  volunteerMayRecordConversation: true,
  volunteerMaySeeHistory: false,
  slotTemplate: [
    { weekday: 2, part: 'morning', capacity: 5 },
    { weekday: 2, part: 'afternoon', capacity: 5 },
    { weekday: 4, part: 'morning', capacity: 5 },
    { weekday: 4, part: 'afternoon', capacity: 5 },
    { weekday: 6, part: 'morning', capacity: 5 },
  ],
}

export const settingsUpdateInput = shopSettings.partial()

export const dashboardInput = z.object({ date: isoDate.optional() })

export const shopStatsInput = z
  .object({ from: isoDate, to: isoDate, district: optionalText(80) })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
export type ShopStatsInput = z.input<typeof shopStatsInput>

/** Figures since the shop's start up to a day, and on that day (see `ShopTotals`). */
export const shopTotalsInput = z.object({ date: isoDate, district: optionalText(80) })
export type ShopTotalsInput = z.input<typeof shopTotalsInput>

export interface Appointment {
  id: number
  slotId: number
  date: string
  part: DayPart
  householdId: number
  householdReference: string
  contactName: string
  status: AppointmentStatus
  note: string | null
  eligibleUntil: string | null
  /** True when eligibility has ended before the appointment's date, or was never recorded. */
  eligibilityExpired: boolean
  visitId: number | null
}

export interface Visit {
  id: number
  householdId: number
  appointmentId: number | null
  date: string
  servedBy: string
  note: string | null
  items: { category: NamedRef; count: number }[]
  /**
   * What was talked about. Absent where the caller may not see it: a volunteer sees it with the
   * history switch on, or for today's visits with the record switch on (see `getHousehold`).
   */
  topics?: NamedRef[]
  /** Referrals made; `note` is absent where the caller sees the referral but not its note. */
  referrals?: VisitReferral[]
}

export interface VisitReferral {
  destination: NamedRef
  note?: string | null
}

/**
 * One earlier conversation as a volunteer with the history switch sees it: the day, whether it
 * was an intake or a visit, what was talked about and where the family was referred. Never the
 * notes of the intake, the visit or the referral.
 */
export interface ConversationHistoryEntry {
  kind: 'intake' | 'visit'
  id: number
  date: string
  topics: NamedRef[]
  destinations: NamedRef[]
}

export interface Slot {
  id: number
  date: string
  part: DayPart
  capacity: number
  booked: number
  free: number
  /** True when the half-day is over (by main's clock): nobody can be booked on it any more. */
  over?: boolean
}

/**
 * Today as main's clock sees it, for the screens that only need the day (`shop.day`): a few
 * bytes instead of the whole dashboard.
 */
export interface ShopDay {
  /** Today in the shop's time zone, `YYYY-MM-DD`. */
  today: string
  /** Households not seen since this day are due to be invited (today minus the setting). */
  notSeenSince: string
}

export interface Dashboard {
  date: string
  today: { part: DayPart; capacity: number; appointments: Appointment[] }[]
  week: { from: string; to: string; slots: Slot[]; freeTotal: number }
  expiring: HouseholdSummary[]
  toInvite: { count: number; notSeenSince: string; sample: CallListEntry[] }
}

/** A topic or a referral destination, counted where it was recorded. */
export interface CountBy {
  key: string
  /** From intakes dated in the period. */
  intakes: number
  /** From visits dated in the period (the conversation at a visit). */
  visits: number
  /** intakes + visits. */
  total: number
}

/** How a yes / no / unknown question of the intake was answered, among intakes in the period. */
export interface AnswerCount {
  yes: number
  no: number
  unknown: number
  /** yes / (yes + no): the share among the intakes where it is known; null when none is. */
  shareYes: number | null
}

export interface ShopFigures {
  householdsReached: number
  newHouseholds: number
  visits: number
  childrenReached: number
  appointmentsCame: number
  appointmentsNoShow: number
  /** no-shows / (came + no-shows); null when there were neither. */
  noShowRate: number | null
  referrals: CountBy[]
  topics: CountBy[]
  /** Intakes dated in the period. */
  intakes: number
  /** "Schulden" at those intakes. */
  debts: AnswerCount
  /** "Meerdere problemen" at those intakes. */
  multipleProblems: AnswerCount
}

export interface ShopStats extends ShopFigures {
  period: { from: string; to: string }
  district: string | null
  byDistrict: ({ district: string } & ShopFigures)[]
  generatedAt: string
}

/**
 * The shop's figures "since the start" and "on a date" (`shop.totals`). The district, when
 * given, narrows the household counts to the households that live there now; the start and the
 * volunteers are the whole shop's.
 */
export interface ShopTotals {
  /** The day asked about: "since the start" runs up to and including it. */
  date: string
  district: string | null
  /**
   * The shop's first day with a visit or an intake (of any district), or null when there was
   * none up to the date: then every count since the start is 0.
   */
  start: string | null
  sinceStart: {
    /** Distinct households with a visit from the start up to the date. */
    householdsReached: number
    /** Distinct households with an intake dated from the start up to the date. */
    newHouseholds: number
    /** Visits dated from the start up to the date. */
    visits: number
    /** Distinct members aged 0 to 17 (visit year minus birth year) at a visit in that time. */
    childrenReached: number
    /** Intakes dated from the start up to the date (a household taken in twice counts twice). */
    intakes: number
  }
  onDate: {
    /** First day of the 12 months that end on the date. */
    activeFrom: string
    /** Distinct households with at least one visit from `activeFrom` up to the date. */
    activeHouseholds: number
    /** First day of the four weeks (28 days) that end on the date. */
    volunteersFrom: string
    /**
     * Distinct volunteer accounts (role volunteer at the time) that logged in or unlocked their
     * screen in those four weeks, from the audit log. Accounts, not people; the whole shop's.
     */
    volunteers: number
  }
  generatedAt: string
}
