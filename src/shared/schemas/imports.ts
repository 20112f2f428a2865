import { z } from 'zod'
import { requiredText } from './common'

/** What a spreadsheet can bring in: shop households (with members) or volunteers-domain people. */
export const IMPORT_KINDS = ['households', 'people'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/**
 * The fields a household row can fill. `contactBirthYear` and `contactGender` make the contact
 * the first member; `members` holds the others as "Sara 2012 v; Tim 2015 m".
 */
export const HOUSEHOLD_IMPORT_FIELDS = [
  'contactName',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'district',
  'phone',
  'email',
  'incomeSource',
  'referrer',
  'proofSeenOn',
  'eligibleUntil',
  'consentDate',
  'consentBy',
  'notes',
  'contactBirthYear',
  'contactGender',
  'members',
] as const

export const PERSON_IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'email',
  'address',
  'postcode',
  'place',
  'district',
  'birthYear',
  'gender',
  'registeredOn',
  'intakeOn',
  'languages',
  'referrer',
  'notes',
] as const

export type HouseholdImportField = (typeof HOUSEHOLD_IMPORT_FIELDS)[number]
export type PersonImportField = (typeof PERSON_IMPORT_FIELDS)[number]
export type ImportField = HouseholdImportField | PersonImportField

export const IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  households: HOUSEHOLD_IMPORT_FIELDS,
  people: PERSON_IMPORT_FIELDS,
}

/** Fields the create schemas require: without a column or a fixed value every row fails. */
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  households: ['contactName', 'postcode', 'city', 'incomeSource', 'consentDate', 'consentBy'],
  people: ['firstName', 'lastName', 'registeredOn'],
}

const ALL_FIELDS = [
  ...new Set<ImportField>([...HOUSEHOLD_IMPORT_FIELDS, ...PERSON_IMPORT_FIELDS]),
] as [ImportField, ...ImportField[]]

/** The largest file the import reads: years of a shop's spreadsheets fit in far less. */
export const MAX_IMPORT_BYTES = 20_000_000
/** Rows at most in one file. */
export const MAX_IMPORT_ROWS = 50_000
/** Columns at most: a household row has a few dozen fields at the very most. */
export const MAX_IMPORT_COLUMNS = 200
/** What an .xlsx (a zip) may unpack to, all its parts together. */
export const MAX_IMPORT_UNPACKED_BYTES = 200_000_000

export const importFile = z.object({
  fileName: z.string({ error: 'v:required' }).trim().min(1, { error: 'v:required' }).max(260),
  bytes: z
    .instanceof(Uint8Array, {
      error: (issue) => (issue.input == null ? 'v:required' : 'v:invalidType'),
    })
    .refine((b) => b.byteLength > 0, { error: 'v:required', abort: true })
    .refine((b) => b.byteLength <= MAX_IMPORT_BYTES, { error: 'v:importFileTooLarge' }),
})
export type ImportFile = z.input<typeof importFile>

/** One field of the mapping: the file's column that fills it, or a value for every row. */
export const importMappingEntry = z.object({
  field: z.enum(ALL_FIELDS, { error: 'v:invalidOption' }),
  column: z
    .string()
    .max(200)
    .nullish()
    .transform((s) => (s && s.trim() ? s : null)),
  fixed: z
    .string()
    .max(200)
    .nullish()
    .transform((s) => (s && s.trim() ? s.trim() : null)),
})
export type ImportMappingEntry = z.output<typeof importMappingEntry>

export const importMapping = z.array(importMappingEntry).max(40)
export type ImportMapping = z.output<typeof importMapping>

const kind = z.enum(IMPORT_KINDS, { error: 'v:invalidOption' })

/** A mapping may only name fields of its kind (checked against the kind next to it). */
function fieldsOfKind(
  value: { kind: ImportKind; mapping: ImportMapping },
  ctx: z.core.$RefinementCtx,
): void {
  const allowed = new Set<string>(IMPORT_FIELDS[value.kind])
  const seen = new Set<string>()
  value.mapping.forEach((m, i) => {
    if (!allowed.has(m.field) || seen.has(m.field))
      ctx.addIssue({ code: 'custom', message: 'v:invalidOption', path: ['mapping', i, 'field'] })
    seen.add(m.field)
  })
}

export const importsInspectInput = z.object({ file: importFile })

export const importsCheckInput = z
  .object({ file: importFile, kind, mapping: importMapping })
  .superRefine(fieldsOfKind)
export type ImportsCheckInput = z.input<typeof importsCheckInput>

export const importsRunInput = z
  .object({
    file: importFile,
    kind,
    mapping: importMapping,
    /** None unless every row is valid. */
    strict: z.boolean().default(false),
    /** Lines flagged as a possible duplicate that the user still wants imported. */
    importDuplicates: z
      .array(z.number().int().min(1).max(1_000_000))
      .max(MAX_IMPORT_ROWS)
      .default([]),
  })
  .superRefine(fieldsOfKind)
export type ImportsRunInput = z.input<typeof importsRunInput>

const jobId = z.string({ error: 'v:required' }).regex(/^[0-9a-f-]{36}$/, { error: 'v:invalid' })
export const importsJobInput = z.object({ jobId })

export const importsMappingsListInput = z.object({ kind })
export const importsMappingsSaveInput = z
  .object({ kind, name: requiredText(80), mapping: importMapping })
  .superRefine(fieldsOfKind)
export type ImportsMappingsSaveInput = z.input<typeof importsMappingsSaveInput>
export const importsMappingsDeleteInput = z.object({ id: z.number().int().positive() })

// ---------------------------------------------------------------- results

export interface ImportInspect {
  format: 'csv' | 'xlsx'
  /** For CSV: the separator and the text encoding found. */
  separator: string | null
  encoding: 'utf-8' | 'windows-1252' | null
  headers: string[]
  /** Rows with at least one filled cell (empty rows are left out). */
  rowCount: number
  /** The first rows as read, cells as text. */
  sample: string[][]
  /** The guess from the headers, one entry per field of each kind. */
  guess: Record<ImportKind, ImportMapping>
}

/** A problem of one row: its line in the file, the field, a Dutch message. */
export interface ImportProblem {
  line: number
  field: string
  /** The field's Dutch label, as the error report names it. */
  fieldLabel: string
  message: string
}

export interface ImportDuplicate {
  line: number
  /** The row as the user knows it (a name and postcode). */
  label: string
  /** The record it resembles (a household's reference, a person's reference). */
  existing: string
}

/** One row as it will be stored: field label -> value as text. */
export interface ImportPreviewRow {
  line: number
  values: { field: string; label: string; value: string }[]
}

export interface ImportCheck {
  rowCount: number
  /** Rows that pass every rule (duplicates included). */
  validCount: number
  /** Rows with at least one problem. */
  invalidCount: number
  /** The first problems (all of them are in the downloadable report). */
  problems: ImportProblem[]
  problemCount: number
  duplicates: ImportDuplicate[]
  preview: ImportPreviewRow[]
}

export interface ImportRunResult {
  imported: number
  skippedInvalid: number
  skippedDuplicates: number
  /** True when strict mode stopped the import because a row was not valid. */
  strictRefused: boolean
}

export const IMPORT_JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number]
export const IMPORT_PHASES = ['reading', 'checking', 'saving'] as const
export type ImportPhase = (typeof IMPORT_PHASES)[number]

export interface ImportJobView {
  jobId: string
  /** 'check' makes the preview and error report; 'run' imports. */
  task: 'check' | 'run'
  state: ImportJobState
  phase: ImportPhase
  done: number
  total: number
  check: ImportCheck | null
  run: ImportRunResult | null
  /** The error key when the job failed (e.g. an unreadable file). */
  errorKey: string | null
}

export interface ImportSavedMapping {
  id: number
  kind: ImportKind
  name: string
  mapping: ImportMapping
  updatedAt: string
}
