import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import type { AuditAction, AuditFilterParsed } from '../../../shared/schemas/audit'
import type { AuditEntry, AuditVerifyResult } from '../../../shared/schemas/audit'
import type { Role } from '../../../shared/schemas/accounts'
import type { AuditLogTable } from '../../db/schema'
import { startOfDayInZone } from '../../clock'
import type { Actor, Db, ServiceContext } from '../../context'
import type { AuditAnchor, AuditEvidence } from '../../vault/restore-marks'

export type { AuditAnchor, AuditEvidence }

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditEvent {
  action: AuditAction
  /** A kind listed in `AUDIT_ENTITY_TYPES`, so the log's screen and CSV have words for it. */
  entityType?: string
  entityId?: string | number
  /**
   * The data subject the entry is about (a household, later a volunteer or a complaint), so
   * everything about one person or family can be found and shown in their subject access export.
   */
  subject?: AuditSubject | null
  /**
   * The household the entry is about. Filled from `subject` for households; still accepted on
   * its own (then the subject is that household), and kept in its own column for the audit
   * screen's household filter.
   */
  householdId?: number | null
  /** Names of the fields that were set or changed; never their values. */
  fields?: readonly string[]
  /** A short non-personal note, e.g. why the screen locked or what was exported. */
  detail?: string | null
}

/** Whom an entry is about: a kind of data subject and its id. */
export interface AuditSubject {
  kind: string
  id: number
}

type HashedContent = Omit<AuditLogTable, 'hash'>
type HashedContentV1 = Omit<HashedContent, 'subjectKind' | 'subjectId'>

/** The marker that opens the hash input of entries written since the subject columns. */
export const AUDIT_HASH_VERSION = 'v2'

/**
 * SHA-256 over the entry's content in a fixed order, including the previous entry's hash: change
 * any entry, or drop one from the middle, and every later link stops matching. The input starts
 * with a version marker, so it can never be read as the input of an older entry's hash.
 */
export function auditHash(row: HashedContent): string {
  const content = [
    AUDIT_HASH_VERSION,
    row.id,
    row.at,
    row.userId,
    row.userName,
    row.role,
    row.workstation,
    row.action,
    row.entityType,
    row.entityId,
    row.householdId,
    row.subjectKind,
    row.subjectId,
    row.fields,
    row.detail,
    row.prevHash,
  ]
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/**
 * The hash of entries written before migration 0007 (no subject columns, no version marker).
 * Frozen: those entries keep the hash they were written with, and are checked with this.
 */
export function auditHashV1(row: HashedContentV1): string {
  const content = [
    row.id,
    row.at,
    row.userId,
    row.userName,
    row.role,
    row.workstation,
    row.action,
    row.entityType,
    row.entityId,
    row.householdId,
    row.fields,
    row.detail,
    row.prevHash,
  ]
  return createHash('sha256').update(JSON.stringify(content)).digest('hex')
}

/**
 * Appends one entry to the chain. Call it inside the transaction of the change it records, so
 * the change and its entry are written together or not at all. SQLite has one writer at a time
 * and Kysely runs one query at a time on its connection, so the last hash cannot change between
 * the read and the insert.
 */
export async function writeAudit(db: Db, at: Date, actor: Actor, event: AuditEvent): Promise<void> {
  // On its own (a view, a lock, a failed login) the entry gets a transaction of its own, so the
  // read of the last hash and the insert cannot be split by another writer.
  if (!db.isTransaction) return db.transaction().execute((trx) => writeAudit(trx, at, actor, event))
  const last = await db
    .selectFrom('auditLog')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const subject: AuditSubject | null =
    event.subject ??
    (event.householdId == null ? null : { kind: 'household', id: event.householdId })
  // The household filter of the audit screen reads this column.
  const householdId = event.householdId ?? (subject?.kind === 'household' ? subject.id : null)
  const row: HashedContent = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    userId: actor.userId,
    userName: actor.userName,
    role: actor.role,
    workstation: actor.workstation,
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId === undefined ? null : String(event.entityId),
    householdId,
    subjectKind: subject?.kind ?? null,
    subjectId: subject?.id ?? null,
    fields: (event.fields ?? []).join(','),
    detail: event.detail ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  await db
    .insertInto('auditLog')
    .values({ ...row, hash: auditHash(row) })
    .execute()
}

/** The usual case: the logged-in user, now. */
export function audit(db: Db, ctx: ServiceContext, event: AuditEvent): Promise<void> {
  return writeAudit(db, ctx.clock.now(), ctx.session, event)
}

/** Names of the keys whose values differ between two snapshots of a record. */
export function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  return Object.keys(b).filter(
    (k) => k in a && JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null),
  )
}

/** Names of the keys that hold a value, for a newly created record. */
export function filledFields(record: object): string[] {
  return Object.entries(record)
    .filter(
      ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length),
    )
    .map(([k]) => k)
}

type ListedRow = AuditLogTable & {
  householdReference: string | null
  entityName?: string | null
}

/** The reference a household has; one deleted since is named by the reference it had. */
function referenceOf(id: number): string {
  return `H-${String(id).padStart(5, '0')}`
}

function toEntry(r: ListedRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.userId,
    userName: r.userName,
    role: r.role as Role | null,
    workstation: r.workstation,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityName: r.entityName ?? null,
    householdId: r.householdId,
    householdReference:
      r.householdReference ?? (r.householdId === null ? null : referenceOf(r.householdId)),
    fields: r.fields ? r.fields.split(',') : [],
    detail: r.detail,
  }
}

/**
 * The filtered entries with their household's reference joined in (one query, not one per row).
 * Day boundaries are taken as UTC instants of the Dutch calendar day's edges.
 */
function filtered(db: Db, f: AuditFilterParsed, dayStart: (d: string) => string) {
  let q = db.selectFrom('auditLog').leftJoin('household', 'household.id', 'auditLog.householdId')
  if (f.userId) q = q.where('auditLog.userId', '=', f.userId)
  if (f.action) q = q.where('auditLog.action', '=', f.action)
  if (f.entityType) q = q.where('auditLog.entityType', '=', f.entityType)
  if (f.entityId) q = q.where('auditLog.entityId', '=', f.entityId)
  if (f.household) q = q.where('auditLog.householdId', '=', f.household)
  if (f.from) q = q.where('auditLog.at', '>=', dayStart(f.from))
  if (f.to) q = q.where('auditLog.at', '<', dayStart(nextDay(f.to)))
  return q
}

/** An account entry's username (entity ids are stored as text). */
const accountName = sql<
  string | null
>`(select a.username from account a where audit_log.entity_type = 'account' and cast(a.id as text) = audit_log.entity_id)`.as(
  'entityName',
)

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

export async function listAudit(
  ctx: ServiceContext,
  input: AuditFilterParsed & { page: number; pageSize: number },
): Promise<{ rows: AuditEntry[]; total: number }> {
  const dayStart = (d: string) => startOfDayInZone(d).toISOString()
  const base = filtered(ctx.db, input, dayStart)
  const [rows, count] = await Promise.all([
    base
      .selectAll('auditLog')
      .select('household.reference as householdReference')
      .select(accountName)
      .orderBy('auditLog.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map(toEntry), total: Number(count.n) }
}

/**
 * Walks the chain, then holds it against what the log cannot vouch for itself: the heads
 * recorded in this data's sealed backups, and the sealed record of restores (in the data folder
 * and in those backups' manifests). Someone with the key can rewrite the log and recompute every
 * hash, but not change the head a backup elsewhere recorded. A backup that no longer matches is
 * passed over only when a recorded restore explains it: the restore came after the backup, the
 * log still holds the restored copy's newest entry unchanged, and the backup's head lies beyond
 * it (on the entries the restore left behind). A `restore` entry in the log excuses nothing.
 */
export async function verifyAudit(
  db: Db,
  at: Date,
  evidence: AuditEvidence = { anchors: [], restores: [] },
): Promise<AuditVerifyResult> {
  const chain = await verifyChain(db, at)
  if (!chain.ok) return chain
  const hashes = new Map<number, string | null>()
  const inLog = async (head: { id: number; hash: string } | null): Promise<boolean> => {
    if (!head) return true
    if (!hashes.has(head.id)) {
      const row = await db
        .selectFrom('auditLog')
        .select('hash')
        .where('id', '=', head.id)
        .executeTakeFirst()
      hashes.set(head.id, row?.hash ?? null)
    }
    return hashes.get(head.id) === head.hash
  }
  const anchors = [...evidence.anchors].sort((a, b) => a.id - b.id)
  const matching: AuditAnchor[] = []
  for (const anchor of anchors) if (await inLog(anchor)) matching.push(anchor)
  // Restores recorded by backups that still match this log are part of its own history.
  const restores = [...evidence.restores, ...matching.flatMap((a) => a.restores)]
  const explained = async (anchor: AuditAnchor): Promise<boolean> => {
    for (const r of restores)
      if (
        r.at >= anchor.at &&
        anchor.id > (r.restoredHead?.id ?? 0) &&
        (await inLog(r.restoredHead))
      )
        return true
    return false
  }
  for (const anchor of anchors)
    if (!matching.includes(anchor) && !(await explained(anchor)))
      return { ...chain, ok: false, brokenAt: anchor.id, reason: 'anchor' }
  return { ...chain, anchors: matching.length }
}

/**
 * An entry from before migration 0007: its hash over the old columns matches, and its subject is
 * exactly what the migration derived from `household_id`. The subject columns are not in that
 * hash, so this is what makes a changed subject on an old entry show up as a broken hash.
 */
function isUnchangedV1(row: HashedContent, hash: string): boolean {
  const { subjectKind, subjectId, ...old } = row
  const derived = row.householdId === null ? null : 'household'
  return subjectKind === derived && subjectId === row.householdId && auditHashV1(old) === hash
}

/**
 * Walks the whole chain in order and reports the first entry whose hash does not match its
 * content ('hash') or whose link to the previous entry is broken ('link', e.g. a removed row).
 */
async function verifyChain(
  db: Db,
  at: Date,
): Promise<
  { ok: true; count: number; checkedAt: string } | Extract<AuditVerifyResult, { ok: false }>
> {
  const checkedAt = at.toISOString()
  let prev = GENESIS_HASH
  let expectedId = 1
  let count = 0
  // Once an entry with the current hash is seen, every later one must have it too: the app never
  // writes an old-style entry after the upgrade.
  let current = false
  const batch = 5000
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(batch)
      .execute()
    for (const r of rows) {
      if (r.id !== expectedId || r.prevHash !== prev)
        return { ok: false, count, checkedAt, brokenAt: r.id, reason: 'link' }
      const { hash, ...content } = r
      if (auditHash(content) === hash) current = true
      else if (current || !isUnchangedV1(content, hash))
        return { ok: false, count, checkedAt, brokenAt: r.id, reason: 'hash' }
      prev = hash
      expectedId += 1
      count += 1
    }
    if (rows.length < batch) return { ok: true, count, checkedAt }
  }
}

// The CSV export (export-file.ts) reads the entries as the list does.
export { filtered as filteredAudit, toEntry as toAuditEntry }
