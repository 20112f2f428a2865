import { z } from 'zod'

/** A year the annual report can be asked for: from the year the app could exist to a little ahead. */
export const annualReportInput = z.object({
  year: z
    .number({ error: 'v:required' })
    .int({ error: 'v:wholeNumber' })
    .min(2000, { error: 'v:yearTooEarly' })
    .max(2200, { error: 'v:yearTooLate' }),
})

/** One line of a breakdown: a code (channel, outcome, step) and how many. */
export interface ReportCount {
  code: string
  count: number
}

/** One category of the managed list and how many complaints received in the year were in it. */
export interface ReportCategoryCount {
  id: number | null
  name: string
  count: number
}

/**
 * The annual complaints report (`complaints.annualReport`): counts only, never a name or a text
 * typed about a complaint, so it can be published and stays the same when complaints are
 * anonymised. "Received" counts complaints received in the year; "decided" those whose decision
 * is dated in the year (they may have been received the year before).
 */
export interface AnnualComplaintsReport {
  year: number
  /** Complaints received in the year. */
  received: number
  /** Complaints decided in the year (an outcome recorded with its date in the year). */
  decided: number
  /** Received in the year and not decided by the end of it. */
  openAtYearEnd: number
  /** Received in the year, per category of the managed list (every active category, also 0). */
  byCategory: ReportCategoryCount[]
  /** Received in the year, per highest step reached (1, 2, 3). */
  byStep: ReportCount[]
  /** Decided in the year, per outcome. */
  byOutcome: ReportCount[]
  /** Received in the year, per channel. */
  byChannel: ReportCount[]
  /** Days from receipt to decision of the complaints decided in the year; null when none. */
  handlingDays: { mean: number | null; median: number | null }
  /** Received in the year and acknowledged after the due day, or not at all once it passed. */
  lateAcknowledgements: number
  /** Decided in the year after the (extended) decision deadline. */
  lateDecisions: number
  /** Decided in the year with their decision's deadline extended. */
  extended: number
  /** Complaints decided in the year that reached the committee (step 3). */
  committee: number
  /** Measures recorded with complaints decided in the year. */
  measures: { taken: number; carriedOut: number; notCarriedOut: number }
  /** Below this many, a category is shown as "< N" in the PDF (a setting). */
  smallCellThreshold: number
}
