import { z } from 'zod'
import { isoDate, optionalText } from './common'

/** The sections of the municipal subsidy report, in the order it prints them. */
export const REPORT_SECTIONS = [
  'shop',
  'volunteers',
  'support',
  'outcomes',
  'complaints',
  'interventions',
  'demographics',
] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

/**
 * What a figure counts, which decides how it prints and whether small cells apply:
 * `people` counts people or households (a cell under the threshold is hidden outside the
 * organisation); `count` counts events (visits, contacts, activities); `rate` is a share 0..1;
 * `days`, `hours`, `fte`, `mark` (1-10) and `score` (a mean on
 * another scale, such as a load of 1-5) are measures.
 */
export const FIGURE_UNITS = [
  'people',
  'count',
  'rate',
  'days',
  'hours',
  'fte',
  'mark',
  'score',
] as const
export type FigureUnit = (typeof FIGURE_UNITS)[number]

export interface Bilingual {
  nl: string
  en: string
}

/** The languages a report prints in. */
export const REPORT_LANGUAGES = ['nl', 'en'] as const
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

/** One figure of the report, with everything printed beside it. */
export interface SubsidyFigure {
  /** Stable over the years: `shop.visits`, `shop.referrals.12`, `volunteers.outflow.paid_work`. */
  key: string
  section: ReportSection
  label: Bilingual
  /** The definition it was counted by (shared by the rows of a breakdown), and its version. */
  definitionKey: string
  version: number
  unit: FigureUnit
  /** A row of a breakdown: the key of the printed figure its rows add up to; null otherwise. */
  partOf: string | null
  value: number | null
  /** The same figure for the same period one year earlier. */
  lastYear: number | null
  /** The target for the subsidy year (pro rata for a part of it, see `targetBase`). */
  target: number | null
  /** The target as set for the whole subsidy year. */
  targetBase: number | null
  /** (value − target) / target, when both are known and the target is not 0. */
  deviation: number | null
  /** The deviation is larger than the setting allows and must be explained before freezing. */
  needsExplanation: boolean
  explanation: string | null
  /** Printed as "< threshold" outside the organisation (PDF, exports), per column. */
  hidden: { value: boolean; lastYear: boolean }
  /**
   * A mean or share of answers (the questionnaire): how many answers it was worked out from, per
   * column. Under the floor for answers it is hidden outside the organisation like a small cell.
   */
  basis?: { value: number | null; lastYear: number | null }
}

/** A definition as the appendix prints it. */
export interface FigureDefinition {
  key: string
  version: number
  label: Bilingual
  text: Bilingual
}

export interface ReportNarrative {
  section: ReportSection
  text: string
  /** Taken over from an earlier period's report (not yet saved for this one). */
  carriedFrom: { from: string; to: string } | null
}

export interface MonthFigure {
  /** `YYYY-MM`. */
  month: string
  visits: number
  hours: number
}

/** A story as the report prints it (no consent day, no id). */
export interface ReportStory {
  section: ReportSection
  about: 'resident' | 'volunteer'
  name: string
  title: string | null
  text: string
  toldOn: string
}

export interface SubsidyReport {
  period: { from: string; to: string }
  lastYearPeriod: { from: string; to: string }
  /** The district (municipality, district or village) the report is limited to; null: all. */
  area: string | null
  /** The subsidy year whose targets apply; null when the period runs over two calendar years. */
  subsidyYear: number | null
  /** Share of the subsidy year the period covers (days), for pro-rata targets; null without. */
  yearShare: number | null
  settings: { smallCellThreshold: number; deviationPercent: number }
  figures: SubsidyFigure[]
  definitions: FigureDefinition[]
  narratives: ReportNarrative[]
  /** Stories with consent to publish, told in the period, printed in their section. */
  stories: ReportStory[]
  /**
   * The figures the area's municipality asks for (keys; their breakdowns come along), or null
   * when it chose none: then every figure is in the report.
   */
  indicators?: string[] | null
  /** Per calendar month (or part of one) of the period, for the charts. */
  months: MonthFigure[]
  /** Keys of the figures whose deviation still needs an explanation. */
  missingExplanations: string[]
  generatedAt: string
}

const MAX_PERIOD_DAYS = 3 * 366

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000
}

const area = optionalText(80)

export const reportPeriodInput = z
  .object({ from: isoDate, to: isoDate, area })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
  .refine((p) => p.from > p.to || days(p.from, p.to) <= MAX_PERIOD_DAYS, {
    error: 'v:periodTooLong',
    path: ['to'],
  })
export type ReportPeriodInput = z.input<typeof reportPeriodInput>

/** Two reports side by side: two municipalities (areas) or two years. */
export const reportCompareInput = z.object({ left: reportPeriodInput, right: reportPeriodInput })
export type ReportCompareInput = z.input<typeof reportCompareInput>

export interface ReportSide {
  period: { from: string; to: string }
  area: string | null
}

export interface ReportComparison {
  left: ReportSide
  right: ReportSide
  /** Every figure of either side, in the report's order; null where a side does not have it. */
  rows: {
    key: string
    section: ReportSection
    label: Bilingual
    unit: FigureUnit
    partOf: string | null
    left: number | null
    right: number | null
  }[]
  definitions: FigureDefinition[]
  generatedAt: string
}

/** The team's figures: this calendar year so far, for the whole organisation or one area. */
export const teamDashboardInput = z.object({ area })

export interface TeamDashboard {
  period: { from: string; to: string }
  lastYearPeriod: { from: string; to: string }
  area: string | null
  figures: SubsidyFigure[]
  definitions: FigureDefinition[]
  generatedAt: string
}

export const figureKey = z
  .string({ error: 'v:required' })
  .regex(/^[a-z][a-zA-Z0-9_.-]{0,119}$/, { error: 'v:figureKey' })

const targetValue = z
  .number({ error: 'v:number' })
  .min(0, { error: 'v:notNegative' })
  .max(10_000_000, { error: 'v:tooLarge' })

export const subsidyYear = z
  .number({ error: 'v:required' })
  .int({ error: 'v:wholeNumber' })
  .min(2000, { error: 'v:yearTooEarly' })
  .max(2200, { error: 'v:yearTooLate' })

/** Targets of one subsidy year and area: a value per figure key, or null to remove one. */
export const setTargetsInput = z.object({
  year: subsidyYear,
  area,
  targets: z
    .array(z.object({ key: figureKey, value: targetValue.nullable() }))
    .min(1, { error: 'v:required' })
    .max(500, { error: 'v:tooMany' }),
})
export type SetTargetsInput = z.input<typeof setTargetsInput>

export const NARRATIVE_MAX = 8000
export const EXPLANATION_MAX = 2000

export const saveNarrativeInput = z
  .object({
    from: isoDate,
    to: isoDate,
    area,
    section: z.enum(REPORT_SECTIONS, { error: 'v:required' }),
    /** Empty removes the saved text. */
    text: optionalText(NARRATIVE_MAX),
  })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
export type SaveNarrativeInput = z.input<typeof saveNarrativeInput>

export const saveExplanationInput = z
  .object({
    from: isoDate,
    to: isoDate,
    area,
    key: figureKey,
    text: optionalText(EXPLANATION_MAX),
  })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
export type SaveExplanationInput = z.input<typeof saveExplanationInput>

export const REPORT_SETTING_LIMITS = {
  smallCellThreshold: { min: 2, max: 50 },
  deviationPercent: { min: 1, max: 100 },
} as const

export const reportSettingsInput = z.object({
  smallCellThreshold: z
    .number({ error: 'v:number' })
    .int({ error: 'v:wholeNumber' })
    .min(REPORT_SETTING_LIMITS.smallCellThreshold.min, { error: 'v:tooSmall' })
    .max(REPORT_SETTING_LIMITS.smallCellThreshold.max, { error: 'v:tooLarge' }),
  deviationPercent: z
    .number({ error: 'v:number' })
    .int({ error: 'v:wholeNumber' })
    .min(REPORT_SETTING_LIMITS.deviationPercent.min, { error: 'v:tooSmall' })
    .max(REPORT_SETTING_LIMITS.deviationPercent.max, { error: 'v:tooLarge' }),
})
export type ReportSettings = z.output<typeof reportSettingsInput>
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  smallCellThreshold: 5,
  deviationPercent: 10,
}

const language = z.enum(REPORT_LANGUAGES, { error: 'v:invalidOption' }).default('nl')

/** Formats a report's files come in: the PDF, the figures as CSV or .xlsx, or all in a ZIP. */
export const REPORT_FILE_FORMATS = ['pdf', 'csv', 'xlsx', 'zip'] as const
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number]
const format = z.enum(REPORT_FILE_FORMATS, { error: 'v:invalidOption' })

function inOrder<T extends { from: string; to: string }>(p: T): boolean {
  return p.from <= p.to
}

export const reportFileInput = z
  .object({ from: isoDate, to: isoDate, area, language, format })
  .refine(inOrder, { error: 'v:periodOrder', path: ['to'] })
export type ReportFileInput = z.input<typeof reportFileInput>

/** `reports.subsidyPdf`: the report as it stands, as its PDF (`subsidyFile` with format pdf). */
export const subsidyPdfInput = z
  .object({ from: isoDate, to: isoDate, area, language })
  .refine(inOrder, { error: 'v:periodOrder', path: ['to'] })

/** `reports.subsidyExport`: the figures as CSV or .xlsx, or the ZIP for the municipality. */
export const subsidyExportInput = z
  .object({
    from: isoDate,
    to: isoDate,
    area,
    language,
    format: z.enum(['csv', 'xlsx', 'zip'], { error: 'v:invalidOption' }).default('xlsx'),
  })
  .refine(inOrder, { error: 'v:periodOrder', path: ['to'] })

export const freezeInput = z
  .object({ from: isoDate, to: isoDate, area, language })
  .refine(inOrder, { error: 'v:periodOrder', path: ['to'] })
export type FreezeInput = z.input<typeof freezeInput>

export const frozenInput = z.object({ id: z.number({ error: 'v:required' }).int().positive() })
export const frozenFileInput = frozenInput.extend({ format })

/** A frozen report as the list of submissions shows it. */
export interface SubmissionSummary {
  id: number
  period: { from: string; to: string }
  area: string | null
  language: ReportLanguage
  madeAt: string
  madeByName: string
  appVersion: string
  pdfSha256: string
  figuresSha256: string
}

/** What a frozen report's manifest says, beside its files. */
export interface SubmissionManifest {
  format: 'dichtbij-subsidieverantwoording'
  version: 1
  period: { from: string; to: string }
  lastYearPeriod: { from: string; to: string }
  area: string | null
  filters: { area: string | null; smallCellThreshold: number; deviationPercent: number }
  language: ReportLanguage
  definitions: { key: string; version: number }[]
  appVersion: string
  madeAt: string
  madeBy: string
  files: { name: string; sha256: string }[]
}

/** A figure whose value differs between the frozen report and the data as it is now. */
export interface FigureDifference {
  key: string
  label: Bilingual
  frozen: number | null
  now: number | null
}

export interface FrozenReport {
  submission: SubmissionSummary
  manifest: SubmissionManifest
  /** The figures exactly as they were sent. */
  report: SubsidyReport
  /** Where the figures as counted now differ (a late-registered visit, say). */
  differences: FigureDifference[]
}
