import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound } from '../../../shared/errors'
import { addMonths } from '../../../shared/dates'
import {
  DEFAULT_RETENTION_TERMS,
  retentionTerms,
  type ErasureResult,
  type RetentionDue,
  type RetentionDueRow,
  type RetentionTerms,
} from '../../../shared/schemas/retention'
import type { SubjectKind } from '../../../shared/schemas/subjects'
import type { ErasureLog } from '../../vault/erasure-log'
import type { Db, ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import { RETENTION_REGISTRY } from './registry'
import type { Transaction } from 'kysely'
import type { DB } from '../../db/schema'

/** What the retention methods get: the usual context plus the log of erasures kept outside. */
export interface RetentionContext extends ServiceContext {
  erasures: ErasureLog
}

const KEY = 'retention'

export async function getRetentionTerms(db: Db): Promise<RetentionTerms> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst()
  if (!row) return DEFAULT_RETENTION_TERMS
  const parsed = retentionTerms.partial().safeParse(JSON.parse(row.value))
  return { ...DEFAULT_RETENTION_TERMS, ...(parsed.success ? parsed.data : {}) }
}

export async function updateRetentionTerms(
  ctx: ServiceContext,
  patch: MethodParsed<'retention.updateTerms'>,
): Promise<RetentionTerms> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getRetentionTerms(trx)
    const next = { ...before, ...patch }
    const value = JSON.stringify(next)
    await trx
      .insertInto('setting')
      .values({ key: KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
    const fields = changedFields(before, next).map((f) => `retention.${f}`)
    if (fields.length)
      await audit(trx, ctx, { action: 'settings_change', entityType: 'settings', fields })
    return next
  })
}

/** The day before which a last contact counts as too long ago. */
export function retentionCutoff(today: string, months: number): string {
  return addMonths(today, -months)
}

export async function listDue(ctx: ServiceContext): Promise<RetentionDue> {
  const today = ctx.clock.today()
  const terms = await getRetentionTerms(ctx.db)
  const cutoffs: RetentionDue['cutoffs'] = {}
  const rows: RetentionDueRow[] = []
  for (const [kind, reg] of RETENTION_REGISTRY.entries()) {
    const cutoff = retentionCutoff(today, terms[reg.term])
    cutoffs[reg.term] = cutoff
    rows.push(...(await reg.findDue(ctx.db, cutoff)).map((r) => ({ ...r, kind })))
  }
  // Each kind comes sorted from SQL; this only merges the kinds into one list.
  rows.sort((a, b) => a.lastContact.localeCompare(b.lastContact) || a.id - b.id)
  return { today, terms, cutoffs, rows }
}

/** One record of some kind of data subject, e.g. `{ kind: 'household', id: 12 }`. */
interface RecordRef {
  kind: SubjectKind
  id: number
}

/**
 * Anonymises one record (also before its term, e.g. on a person's request to be forgotten).
 * Already anonymised: nothing happens and nothing is logged.
 */
export async function anonymiseRecord(
  ctx: RetentionContext,
  input: RecordRef,
): Promise<ErasureResult> {
  const reg = RETENTION_REGISTRY.get(input.kind)
  const now = ctx.clock.now()
  return ctx.db.transaction().execute(async (trx) => {
    const outcome = await reg.anonymise(trx, input.id, now, ctx.clock.today())
    if (outcome === 'gone') throw notFound(input.kind)
    // Records naming the subject go with it; also when the subject itself was anonymised before
    // such records were erased with it.
    const attached = await anonymiseAttached(ctx, trx, input)
    if (outcome === 'already') return { kind: input.kind, id: input.id, changed: attached > 0 }
    await logErasure(ctx, trx, 'anonymise', input, reg.anonymisedFields)
    return { kind: input.kind, id: input.id, changed: true }
  })
}

/** The audit entry and the line in the erasure log outside the database, for one erasure. */
async function logErasure(
  ctx: RetentionContext,
  trx: Transaction<DB>,
  action: 'anonymise' | 'delete',
  ref: RecordRef,
  fields?: readonly string[],
): Promise<void> {
  await audit(trx, ctx, {
    action,
    entityType: ref.kind,
    entityId: ref.id,
    subject: { kind: ref.kind, id: ref.id },
    ...(fields ? { fields: [...fields] } : {}),
  })
  // Last in the transaction: if the log cannot be written, the erasure rolls back with it.
  ctx.erasures.append({ at: ctx.clock.now().toISOString(), action, kind: ref.kind, id: ref.id })
}

/**
 * Anonymises the records of other kinds that name this subject (the complaints a household or
 * person made), each logged and written to the erasure log as an erasure of its own, so a restore
 * re-applies them too. Returns how many were anonymised.
 */
async function anonymiseAttached(
  ctx: RetentionContext,
  trx: Transaction<DB>,
  subject: RecordRef,
): Promise<number> {
  let changed = 0
  for (const [kind, reg] of RETENTION_REGISTRY.entries()) {
    if (!reg.attachedTo) continue
    for (const id of await reg.attachedTo(trx, subject.kind, subject.id)) {
      if ((await reg.anonymise(trx, id, ctx.clock.now(), ctx.clock.today())) !== 'done') continue
      await logErasure(ctx, trx, 'anonymise', { kind, id }, reg.anonymisedFields)
      changed += 1
    }
  }
  return changed
}

/**
 * Deletes one record with everything that belongs to it, only when no report counts it: past
 * figures must not change. Otherwise CONFLICT, and the screen offers anonymising instead.
 */
export async function deleteRecord(
  ctx: RetentionContext,
  input: RecordRef,
): Promise<ErasureResult> {
  const reg = RETENTION_REGISTRY.get(input.kind)
  return ctx.db.transaction().execute(async (trx) => {
    if (await reg.countsInReports(trx, input.id))
      throw conflict(reg.inReportsKey ?? 'retentionInReports')
    // Complaints the household or person made stay for their figures, without their name.
    await anonymiseAttached(ctx, trx, input)
    if (!(await reg.delete(trx, input.id))) throw notFound(input.kind)
    await logErasure(ctx, trx, 'delete', input)
    return { kind: input.kind, id: input.id, changed: true }
  })
}
