import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound } from '../../../shared/errors'
import type { ErasureResult, RetentionDue, RetentionTerms } from '../../../shared/schemas/retention'
import type { SubjectKind } from '../../../shared/schemas/subjects'
import type { ErasureLog } from '../../vault/erasure-log'
import type { ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import { RETENTION_REGISTRY } from './registry'
import { sql, type Transaction } from 'kysely'
import type { Vault } from '../../vault/vault'
import { countDue, getRetentionTerms } from './due-count'
import { retentionDueTask } from './due-task'
import type { DB } from '../../db/schema'

/** What the retention methods get: the usual context plus the log of erasures kept outside. */
export interface RetentionContext extends ServiceContext {
  erasures: ErasureLog
}

export { getRetentionTerms, retentionCutoff } from './due-count'

const KEY = 'retention'

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

/**
 * One page of the due records of one kind, with the count of every kind. A large organisation's
 * list is worked out in a worker (see `retentionDueTask`), a small one's on main.
 */
export async function listDue(
  ctx: RetentionDueContext,
  input: MethodParsed<'retention.due'>,
): Promise<RetentionDue> {
  const today = ctx.clock.today()
  // Two seeks in primary keys: the highest ids are the most records there ever were.
  const size = await sql<{ n: number | null }>`select
      coalesce((select max(id) from household), 0) + coalesce((select max(id) from person), 0)
      as n`.execute(ctx.db)
  if (Number(size.rows[0]?.n ?? 0) <= RETENTION_DUE_WORKER_FROM_RECORDS)
    return countDue(ctx.db, input, today)
  return ctx.vault.workers.run(
    retentionDueTask,
    { input, today },
    {
      jobLabelKey: 'jobs.labels.retentionDue',
      owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
    },
  )
}

/**
 * Above this many households and people together the list is worked out in a worker: each
 * record's last contact reads up to ten indexes, about 50 ms per thousand people on a busy
 * machine.
 */
export const RETENTION_DUE_WORKER_FROM_RECORDS = 1000

/** What `retention.due` needs besides the usual context: the worker pool. */
export interface RetentionDueContext extends ServiceContext {
  vault: Pick<Vault, 'workers'>
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
