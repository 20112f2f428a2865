import type Database from 'better-sqlite3-multiple-ciphers'
import type { AuditLogTable } from '../../db/schema'
import { AUDIT_HASH_VERSION, GENESIS_HASH, sha256Hex } from './hash'

/**
 * The walk over the hash chain, written once for both ways of reading the log: the routine check
 * in main (a few batches through Kysely) and the full walk in a worker (a raw better-sqlite3
 * handle, a million entries). Both feed entries in id order to `checkRow`.
 *
 * An entry travels as a flat array in the order of its hash input (`auditHash` in hash.ts) with
 * the stored hash last, so the hash is taken over the array as read: no object per entry, which
 * matters at a million entries.
 */
export type ChainRow = [
  version: string,
  id: number,
  at: string,
  userId: number | null,
  userName: string | null,
  role: string | null,
  workstation: string,
  action: string,
  entityType: string | null,
  entityId: string | null,
  householdId: number | null,
  subjectKind: string | null,
  subjectId: number | null,
  fields: string,
  detail: string | null,
  prevHash: string,
  hash: string,
]

/** The same columns in SQL, for a raw read in `ChainRow` order. */
export const CHAIN_COLUMNS = `'${AUDIT_HASH_VERSION}', id, at, user_id, user_name, role, workstation,
  action, entity_type, entity_id, household_id, subject_kind, subject_id, fields, detail,
  prev_hash, hash`

export function toChainRow(r: AuditLogTable): ChainRow {
  return [
    AUDIT_HASH_VERSION,
    r.id,
    r.at,
    r.userId,
    r.userName,
    r.role,
    r.workstation,
    r.action,
    r.entityType,
    r.entityId,
    r.householdId,
    r.subjectKind,
    r.subjectId,
    r.fields,
    r.detail,
    r.prevHash,
    r.hash,
  ]
}

/** Where a walk stands: the entry it expects next and the hash that entry must link to. */
export interface ChainState {
  nextId: number
  prev: string
  /** Entries checked so far, counted from the first entry of the log. */
  count: number
  /**
   * The first entry with the current (v2) hash, once seen: every later entry must have it too,
   * the app never writes an old-style entry after the upgrade. Null while none was seen.
   */
  firstCurrentId: number | null
}

export interface ChainBreak {
  brokenAt: number
  reason: 'hash' | 'link'
  count: number
}

export function startState(): ChainState {
  return { nextId: 1, prev: GENESIS_HASH, count: 0, firstCurrentId: null }
}

/**
 * The hash of an entry from before migration 0007 (no subject columns, no version marker), and
 * its subject exactly what that migration derived from `household_id`. The subject columns are
 * not in that hash, so this is what makes a changed subject on an old entry a broken hash.
 */
function isUnchangedV1(r: ChainRow): boolean {
  const derived = r[10] === null ? null : 'household'
  if (r[11] !== derived || r[12] !== r[10]) return false
  const old = [r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[13], r[14], r[15]]
  return sha256Hex(JSON.stringify(old)) === r[16]
}

/** True when the entry's stored hash is the current (v2) hash of its content. */
function isCurrent(r: ChainRow): boolean {
  const hash = r[16]
  // The hash input is the entry without its stored hash: cut it off for the moment instead of
  // copying the array, once per entry of a million.
  const content = r as unknown[]
  content.length = 16
  const ok = sha256Hex(JSON.stringify(content)) === hash
  r[16] = hash
  return ok
}

/**
 * Checks one entry, the next in id order, against the state (which it moves on). Reports the
 * entry when its hash does not match its content ('hash') or its link to the entry before is
 * broken ('link', e.g. a removed row), exactly as a walk from the first entry would.
 */
export function checkRow(state: ChainState, r: ChainRow): ChainBreak | null {
  const id = r[1]
  if (id !== state.nextId || r[15] !== state.prev)
    return { brokenAt: id, reason: 'link', count: state.count }
  if (isCurrent(r)) state.firstCurrentId ??= id
  else if (state.firstCurrentId !== null || !isUnchangedV1(r))
    return { brokenAt: id, reason: 'hash', count: state.count }
  state.prev = r[16]
  state.nextId += 1
  state.count += 1
  return null
}

export interface WalkOptions {
  /** Entries read per query. */
  batch?: number
  /** Called after each batch with the entries checked so far and the log's size at the start. */
  progress?: (done: number, total: number) => void
  /** Checked between batches; throws to stop the walk (e.g. a cancelled job). */
  throwIfCancelled?: () => void
}

/**
 * The full walk over a raw handle, from the first entry to the last, in id order (the primary
 * key: no sort, no index). Synchronous between batches, so it belongs in a worker with its own
 * connection: a million entries take seconds.
 */
export function walkChain(
  sqlite: Database.Database,
  options: WalkOptions = {},
): { state: ChainState; broken: ChainBreak | null } {
  const batch = options.batch ?? 10_000
  // The ids run 1..n without gaps in an intact log, so the newest id is its size: a key lookup,
  // not a count over a million rows (a gap is what the walk reports anyway).
  const total =
    (sqlite.prepare('select max(id) from audit_log').pluck().get() as number | null) ?? 0
  const read = sqlite
    .prepare(`select ${CHAIN_COLUMNS} from audit_log where id >= ? order by id limit ?`)
    .raw()
  const state = startState()
  for (;;) {
    options.throwIfCancelled?.()
    let n = 0
    for (const r of read.iterate(state.nextId, batch) as IterableIterator<ChainRow>) {
      n += 1
      const broken = checkRow(state, r)
      if (broken) return { state, broken }
    }
    options.progress?.(state.count, Math.max(total, state.count))
    if (n < batch) return { state, broken: null }
  }
}
