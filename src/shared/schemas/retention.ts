import { z } from 'zod'
import { id } from './common'
import { SUBJECT_KINDS, type SubjectKind } from './subjects'

/** The kinds of record with a retention term. Only households exist so far; see README. */
export const RETENTION_KINDS = ['households', 'people', 'complaints'] as const
export type RetentionKind = (typeof RETENTION_KINDS)[number]

export const RETENTION_MIN_MONTHS = 6
export const RETENTION_MAX_MONTHS = 120

const months = z.number().int().min(RETENTION_MIN_MONTHS).max(RETENTION_MAX_MONTHS)

/** Months after the last contact after which a record is due to be anonymised or deleted. */
export const retentionTerms = z.object({
  households: months,
  people: months,
  complaints: months,
})
export type RetentionTerms = z.infer<typeof retentionTerms>

export const DEFAULT_RETENTION_TERMS: RetentionTerms = {
  households: 24,
  people: 24,
  complaints: 24,
}

export const retentionTermsUpdate = retentionTerms.partial().strict()

/** One record to anonymise or delete: a data subject of one of the kinds the app has. */
export const retentionRecordInput = z.object({
  kind: z.enum(SUBJECT_KINDS, { error: 'v:invalidOption' }).default('household'),
  id,
})

/** A record whose retention term has passed, as the retention screen lists it. */
export interface RetentionDueRow {
  kind: SubjectKind
  id: number
  reference: string
  name: string
  district: string | null
  /** The day of the last contact (see README, "Bewaartermijnen"). */
  lastContact: string
  /** False when a report of some period counts this record: then only anonymising is offered. */
  canDelete: boolean
}

/** Rows per page of the retention list. */
export const RETENTION_PAGE_SIZE = 50

/** One page of the due records of one kind (the screen shows one kind at a time). */
export const retentionDueInput = z
  .object({
    kind: z.enum(SUBJECT_KINDS, { error: 'v:invalidOption' }).default('household'),
    limit: z.number().int().min(1).max(200).default(RETENTION_PAGE_SIZE),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()

export interface RetentionDue {
  today: string
  terms: RetentionTerms
  /** Per kind: records whose last contact lies before this day are due. */
  cutoffs: Partial<Record<RetentionKind, string>>
  /** How many records of each kind are due, whatever page is asked. */
  counts: Record<SubjectKind, number>
  /** The kind of `rows` and `total`. */
  kind: SubjectKind
  /** Due records of that kind in all; `rows` is one page of them, oldest first. */
  total: number
  offset: number
  rows: RetentionDueRow[]
}

export interface ErasureResult {
  kind: SubjectKind
  id: number
  /** False when there was nothing left to do (already anonymised). */
  changed: boolean
}
