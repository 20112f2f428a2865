import { z } from 'zod'
import { id, isoDate, optionalText } from './common'
import type { Role } from './accounts'
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'lock',
  'unlock',
  'view',
  'create',
  'update',
  'delete',
  'anonymise',
  'export',
  'print',
  'backup',
  'restore',
  'settings_change',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * The kinds of record main writes in the log (`entityType`), in the order an admin looks for
 * them. A kind written anywhere in src/main (`entityType: '…'`, or a subject kind, which erasures
 * log) that is not listed here fails `tests/unit/shared-labels.test.ts`, and every listed kind
 * needs its words in `src/shared/i18n` (the same test).
 */
export const AUDIT_ENTITY_TYPES = [
  'household',
  'intake',
  'appointment',
  'visit',
  'slot',
  'account',
  'organisation',
  'settings',
  'listItem',
  'partner',
  'callList',
  'collection',
  'collectionNotice',
  'complaint',
  'complaintEntry',
  'complaintMeasure',
  'complaintCategory',
  'person',
  'personMove',
  'volOption',
  'programme',
  'vacancy',
  'volunteerHours',
  'measurement',
  'plan',
  'personContact',
  'intakeForm',
  'placement',
  'matching',
  'howWeMatch',
  'letterTemplate',
  'complaintLetter',
  'complaintsReport',
  'activity',
  'adviceTally',
  'trainingCourse',
  'trainingSession',
  'helpKind',
  'helpRequest',
  'informalCarer',
  'carerLoad',
  'carerSupport',
  'surveyQuestion',
  'surveyInvite',
  'surveyResponse',
  'careSignal',
  'story',
  'area',
  'import',
  'importMapping',
  'subsidyReport',
  'reportTarget',
  'reportText',
  'reportSubmission',
  'auditLog',
  'backup',
  'recovery_key',
] as const

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number]

/**
 * A household as an admin types it to filter the log: its reference (`H-00122`, `h122`) or its
 * number. Becomes the household's id; empty is no filter.
 */
export const auditHousehold = z
  .string()
  .max(20, { error: 'v:householdReference' })
  .nullish()
  .transform((s, ctx) => {
    if (!s || !s.trim()) return null
    const m = /^\s*(?:h\s*-?\s*)?0*(\d{1,9})\s*$/i.exec(s)
    if (!m || Number(m[1]) === 0) {
      ctx.addIssue({ code: 'custom', message: 'v:householdReference' })
      return z.NEVER
    }
    return Number(m[1])
  })

export const auditFilter = z
  .object({
    userId: id.nullish(),
    action: z.enum(AUDIT_ACTIONS, { error: 'v:invalidOption' }).nullish(),
    entityType: optionalText(40),
    entityId: optionalText(40),
    household: auditHousehold,
    from: isoDate.nullish(),
    to: isoDate.nullish(),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })

export const auditListInput = z.intersection(
  auditFilter,
  z.object({
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(10).max(200).default(50),
  }),
)

export type AuditListInput = z.input<typeof auditListInput>

export type AuditFilter = z.input<typeof auditFilter>

export type AuditFilterParsed = z.output<typeof auditFilter>

/** The export takes the list's filter and the language its headings and notes are written in. */
export const auditExportInput = z.intersection(
  auditFilter,
  z.object({ language: z.enum(['nl', 'en'], { error: 'v:invalidOption' }).default('nl') }),
)

export type AuditExportInput = z.input<typeof auditExportInput>

/**
 * The check of the chain: routine (from the last verified entry on) unless `full`, which walks
 * every entry from the first, in a worker.
 */
export const auditVerifyInput = z
  .object({ full: z.boolean({ error: 'v:invalidOption' }).optional() })
  .strict()

export type AuditVerifyInput = z.input<typeof auditVerifyInput>

/**
 * A page of the log. `total` counts the matches exactly up to `AUDIT_COUNT_LIMIT`; with `more`
 * there are more than that (counting all of a filter that matches most of ten years would read
 * them all), and the pages go up to that limit: a narrower filter finds the rest.
 */
export interface AuditPage {
  rows: AuditEntry[]
  total: number
  more?: boolean
}

export const AUDIT_COUNT_LIMIT = 10_000

export interface AuditEntry {
  id: number
  at: string
  userId: number | null
  userName: string | null
  role: Role | null
  workstation: string
  action: string
  entityType: string | null
  entityId: string | null
  /** For an account: its username, joined in, so the log names who and not "account 1". */
  entityName?: string | null
  householdId: number | null
  /** The household's reference (H-00122), joined in; also for a household deleted since. */
  householdReference: string | null
  fields: string[]
  detail: string | null
}

export type AuditVerifyResult =
  /**
   * `anchors`: this data's backups whose recorded newest entry is found unchanged in the log.
   * `full`: every entry was re-hashed this time; otherwise `rehashed` of them (the entries since
   * the previous check and a window of older ones), the rest held against what was verified.
   */
  | { ok: true; count: number; checkedAt: string; anchors: number; full: boolean; rehashed: number }
  | {
      ok: false
      count: number
      checkedAt: string
      brokenAt: number
      /**
       * 'checked': the entry an earlier check found intact (the newest then) is no longer in
       * the log as it was, e.g. the log was rewritten or cut short since.
       */
      reason: 'hash' | 'link' | 'anchor' | 'checked'
    }
