import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A record, kept outside the database, of each restore this data went through. The audit log's
 * hash chain is anchored in backups (each manifest records the newest entry); a restore rightly
 * leaves the entries of the replaced data behind, so backups made on that abandoned branch no
 * longer match. Which ones may be passed over must not be decided by the log being checked:
 * whoever holds the key could append a `restore` entry to it. The restore itself writes this
 * record instead, sealed under the database key, into the data folder and into every later
 * backup's manifest.
 */
export interface RestoreMark {
  /** When the restore was done (the app's clock). */
  at: string
  /** When the restored backup was made. */
  backupCreatedAt: string
  /**
   * The newest audit entry of the restored copy, read from the copy itself: the log goes on
   * from there, so everything up to it must still match.
   */
  restoredHead: { id: number; hash: string } | null
}

export interface RestoreMarkFile {
  format: 'dichtbij-terugzettingen'
  version: 1
  /** The data the marks belong to (see keyIdOf). */
  keyId: string
  marks: RestoreMark[]
  /** HMAC-SHA256 (hex) of keyId and marks under a key derived from the database key. */
  mac: string
}

function macOf(keyId: string, marks: readonly RestoreMark[], databaseKey: Buffer): string {
  const macKey = createHash('sha256').update('dichtbij-restore-marks\0').update(databaseKey)
  return createHmac('sha256', macKey.digest())
    .update(JSON.stringify([keyId, marks]))
    .digest('hex')
}

export function sealMarks(
  keyId: string,
  marks: readonly RestoreMark[],
  databaseKey: Buffer,
): RestoreMarkFile {
  return {
    format: 'dichtbij-terugzettingen',
    version: 1,
    keyId,
    marks: [...marks],
    mac: macOf(keyId, marks, databaseKey),
  }
}

function isHead(value: unknown): value is { id: number; hash: string } | null {
  if (value === null) return true
  const v = value as { id?: unknown; hash?: unknown } | undefined
  return typeof v === 'object' && Number.isInteger(v.id) && typeof v.hash === 'string'
}

/** Only well-formed marks: anything else in a file or manifest is left out, not trusted. */
export function validMarks(value: unknown): RestoreMark[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (m): m is RestoreMark =>
      typeof m === 'object' &&
      m !== null &&
      typeof m.at === 'string' &&
      typeof m.backupCreatedAt === 'string' &&
      isHead(m.restoredHead),
  )
}

/**
 * The marks in a parsed file when it is sealed with `databaseKey` and belongs to `keyId`;
 * otherwise none (a file of other data, an altered or a foreign one).
 */
export function openMarks(file: unknown, keyId: string, databaseKey: Buffer): RestoreMark[] {
  const f = file as Partial<RestoreMarkFile> | null
  if (!f || f.format !== 'dichtbij-terugzettingen' || f.version !== 1 || f.keyId !== keyId)
    return []
  if (typeof f.mac !== 'string' || !Array.isArray(f.marks)) return []
  const expected = Buffer.from(macOf(keyId, f.marks, databaseKey), 'hex')
  const actual = Buffer.from(f.mac, 'hex')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return []
  return validMarks(f.marks)
}

/** An audit entry as a sealed backup of this data recorded it. */
export interface AuditAnchor {
  id: number
  hash: string
  /** When the backup was made. */
  at: string
  /** The restores the data had been through when the backup was made. */
  restores: RestoreMark[]
}

/** What the audit log is held against: none of it comes from the log itself. */
export interface AuditEvidence {
  /** The heads recorded in this data's sealed backups in the backup folder. */
  anchors: AuditAnchor[]
  /** The sealed record of restores in the data folder. */
  restores: RestoreMark[]
}
