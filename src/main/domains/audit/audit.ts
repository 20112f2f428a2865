import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import type { AuditAction, AuditFilterParsed } from '../../../shared/schemas/audit'
import { AUDIT_COUNT_LIMIT, type AuditEntry, type AuditPage } from '../../../shared/schemas/audit'
import type { Role } from '../../../shared/schemas/accounts'
import type { AuditLogTable, DB } from '../../db/schema'
import { asReadRecord } from '../../db/write-gate'
import { startOfDayInZone } from '../../clock'
import type { Actor, Db, ServiceContext } from '../../context'
import type { AuditAnchor, AuditEvidence } from '../../vault/restore-marks'

export type { AuditAnchor, AuditEvidence }
// The hash lives on its own so the worker's walk needs nothing else of this module.
export { AUDIT_HASH_VERSION, auditHash, auditHashV1, GENESIS_HASH } from './hash'
export { verifyAudit } from './verify'
import { auditHash, GENESIS_HASH } from './hash'

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

/** Actions that record a reading (who saw or took out what), never a change of the data. */
const READINGS: ReadonlySet<AuditAction> = new Set<AuditAction>(['view', 'print', 'export'])

/**
 * An entry in a transaction of its own. The record of a reading passes the start-up check's
 * write gate (see asReadRecord), so a screen opened right after the login answers at once; an
 * entry written inside another transaction goes with that transaction, which waited at its
 * start if it had to. The chain stays one line either way: each append reads the last hash in
 * its own transaction on SQLite's one connection.
 */
function ownTransaction(
  db: Db,
  events: readonly AuditEvent[],
  work: (trx: Db) => Promise<void>,
): Promise<void> {
  const run = (): Promise<void> => db.transaction().execute(work)
  return events.every((e) => READINGS.has(e.action)) ? asReadRecord(run) : run()
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
  if (!db.isTransaction)
    return ownTransaction(db, [event], (trx) => writeAudit(trx, at, actor, event))
  const last = await db
    .selectFrom('auditLog')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const row = auditRow((last?.id ?? 0) + 1, at, actor, event, last?.hash ?? GENESIS_HASH)
  await db
    .insertInto('auditLog')
    .values({ ...row, hash: auditHash(row) })
    .execute()
}

/** One entry as it is chained: its id and the hash of the entry before it. */
function auditRow(
  id: number,
  at: Date,
  actor: Actor,
  event: AuditEvent,
  prevHash: string,
): HashedContent {
  const subject: AuditSubject | null =
    event.subject ??
    (event.householdId == null ? null : { kind: 'household', id: event.householdId })
  // The household filter of the audit screen reads this column.
  const householdId = event.householdId ?? (subject?.kind === 'household' ? subject.id : null)
  return {
    id,
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
    prevHash,
  }
}

/**
 * Several entries of one moment at once (one per person a page showed), chained in memory and
 * inserted in one transaction: a page of hundreds of people costs one write, not hundreds.
 */
export async function auditMany(
  db: Db,
  ctx: ServiceContext,
  events: readonly AuditEvent[],
): Promise<void> {
  if (!events.length) return
  if (!db.isTransaction)
    return ownTransaction(db, events, async (trx) => {
      await auditMany(trx, ctx, events)
      // The commit (an fsync at synchronous=FULL) in a stretch of its own, after a turn of the
      // event loop, not added to the inserts of a long batch (the people of a matching page).
      await new Promise((resolve) => setImmediate(resolve))
    })
  const last = await db
    .selectFrom('auditLog')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const at = ctx.clock.now()
  let id = last?.id ?? 0
  let prevHash = last?.hash ?? GENESIS_HASH
  const rows = events.map((event) => {
    const row = auditRow(++id, at, ctx.session, event, prevHash)
    prevHash = auditHash(row)
    return { ...row, hash: prevHash }
  })
  // A few rows per statement, with a turn of the event loop between them: each row lands in
  // eight indexes, some on pages far apart, so one statement of forty rows held main for tens of
  // milliseconds. The transaction keeps SQLite's one connection meanwhile, so no other write
  // comes between the read of the last hash and these rows.
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK) {
    if (i) await new Promise((resolve) => setImmediate(resolve))
    await db
      .insertInto('auditLog')
      .values(rows.slice(i, i + AUDIT_INSERT_CHUNK))
      .execute()
  }
}

/** Rows per insert statement of a batch of entries (far under SQLite's limit of bound values). */
const AUDIT_INSERT_CHUNK = 10

/**
 * Finds, for each subject, where its next entry goes in the subject index (its latest entry).
 * Run on a worker's read connection before main logs a batch of views of these subjects: the
 * index pages main's inserts will need are then in the operating system's file cache, so main's
 * short write does not wait for the disk page by page (a matching page shows forty people,
 * scattered over the whole index).
 */
export async function readSubjectTails(
  db: Db,
  kind: string,
  ids: readonly number[],
): Promise<void> {
  if (!ids.length) return
  await sql`select (select a.id from audit_log a indexed by audit_log_subject
      where a.subject_kind = ${kind} and a.subject_id = j.value order by a.id desc limit 1)
    from json_each(${JSON.stringify(ids)}) j`.execute(db)
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
  return db
    .selectFrom('auditLog')
    .leftJoin('household', 'household.id', 'auditLog.householdId')
    .where(conditions(f, dayStart))
}

/** The filter's conditions, for the list (joined) and its count (the log alone). */
function conditions(f: AuditFilterParsed, dayStart: (d: string) => string) {
  return (eb: ExpressionBuilder<DB, 'auditLog'>): Expression<SqlBool> => {
    const c: Expression<SqlBool>[] = []
    if (f.userId) c.push(eb('auditLog.userId', '=', f.userId))
    if (f.action) c.push(eb('auditLog.action', '=', f.action))
    if (f.entityType) c.push(eb('auditLog.entityType', '=', f.entityType))
    if (f.entityId) c.push(eb('auditLog.entityId', '=', f.entityId))
    if (f.household) c.push(eb('auditLog.householdId', '=', f.household))
    if (f.from) c.push(eb('auditLog.at', '>=', dayStart(f.from)))
    if (f.to) c.push(eb('auditLog.at', '<', dayStart(nextDay(f.to))))
    return eb.and(c)
  }
}

function hasFilter(f: AuditFilterParsed): boolean {
  return Boolean(
    f.userId || f.action || f.entityType || f.entityId || f.household || f.from || f.to,
  )
}

/**
 * How many entries the filter matches, up to AUDIT_COUNT_LIMIT (and whether there are more),
 * without the household join (it cannot change the number), so the count is read from the
 * filter's index alone and stops at the limit: a filter that matches most of ten years would
 * otherwise read half a million index entries for one page. The whole log is counted by its
 * ids: they run without gaps from the first entry (the chain check reports a gap), so the newest
 * and oldest id give the number at once.
 */
async function countAudit(
  db: Db,
  f: AuditFilterParsed,
  dayStart: (d: string) => string,
): Promise<{ total: number; more: boolean }> {
  if (!hasFilter(f)) {
    const row = await db
      .selectNoFrom((eb) =>
        sql<number>`coalesce(${eb.selectFrom('auditLog').select((e) => e.fn.max('id').as('m'))} - ${eb.selectFrom('auditLog').select((e) => e.fn.min('id').as('m'))} + 1, 0)`.as(
          'n',
        ),
      )
      .executeTakeFirstOrThrow()
    return { total: Number(row.n), more: false }
  }
  const matches = db
    .selectFrom('auditLog')
    .where(conditions(f, dayStart))
    .select('auditLog.id')
    .limit(AUDIT_COUNT_LIMIT + 1)
  const row = await db
    .selectFrom(matches.as('m'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const n = Number(row.n)
  return { total: Math.min(n, AUDIT_COUNT_LIMIT), more: n > AUDIT_COUNT_LIMIT }
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
): Promise<AuditPage> {
  const dayStart = (d: string) => startOfDayInZone(d).toISOString()
  const [rows, count] = await Promise.all([
    filtered(ctx.db, input, dayStart)
      .selectAll('auditLog')
      .select('household.reference as householdReference')
      .select(accountName)
      // Newest first by time, then id: every filter has an index ending in `at` (migration
      // 0009), so the page is read from the end of one index range, never sorted from all matches.
      .orderBy('auditLog.at', 'desc')
      .orderBy('auditLog.id', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
    countAudit(ctx.db, input, dayStart),
  ])
  return { rows: rows.map(toEntry), ...count }
}

// The CSV export (export-file.ts) reads the entries as the list does.
export { filtered as filteredAudit, toEntry as toAuditEntry }
