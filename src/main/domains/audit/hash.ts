import { createHash, hash as oneShotHash } from 'node:crypto'
import type { AuditLogTable } from '../../db/schema'

/**
 * SHA-256 in hex. The one-shot `crypto.hash` (Node 20.12+, Electron's Node 22) is over twice as
 * fast as a Hash object per entry, which is most of the time a walk over a million entries takes.
 */
export function sha256Hex(text: string): string {
  return typeof oneShotHash === 'function'
    ? oneShotHash('sha256', text, 'hex')
    : createHash('sha256').update(text).digest('hex')
}

/** The first entry links to this: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64)

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
  return sha256Hex(JSON.stringify(content))
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
  return sha256Hex(JSON.stringify(content))
}
