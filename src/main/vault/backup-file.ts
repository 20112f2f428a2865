import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { closeSync, readSync } from 'node:fs'
import type { ErasureEntry } from './erasure-log'
import type { KeySlotFile } from './keyslots'
import type { RestoreMark } from './restore-marks'
import { openRegularFile, writeFileAtomically } from './safe-files'

/**
 * One backup is one file: a fixed magic, the length of a JSON header, the header (manifest, key
 * slots, erasure record) and then the encrypted database copy. The manifest and the slots are
 * readable without the key (to list backups and to unlock them); the header carries an HMAC
 * under the database key, so whoever lacks the key cannot alter the manifest or drop erasures
 * without the restore noticing.
 */

export const BACKUP_EXTENSION = '.dichtbij-backup'
const MAGIC = Buffer.from('DICHTBIJ-BACKUP1', 'ascii')
const PREFIX = MAGIC.length + 4
/** A header larger than this is not one of ours. */
const MAX_HEADER = 16 * 1024 * 1024

export type BackupKind = 'daily' | 'manual' | 'pre-migration' | 'pre-restore' | 'pre-encryption'

export interface BackupManifest {
  format: 'dichtbij-backup'
  version: 1
  kind: BackupKind
  appVersion: string
  /** The newest migration the database has. */
  schemaVersion: string
  createdAt: string
  /** Rows per table at the moment of the copy. */
  counts: Record<string, number>
  /** SHA-256 (hex) of the database part. */
  databaseSha256: string
  databaseBytes: number
  keyId: string
  /**
   * The newest audit entry at the moment of the backup. A backup kept elsewhere thus anchors
   * the hash chain: whoever rewrites the log afterwards cannot make that entry match again.
   */
  auditHead?: { id: number; hash: string } | null
  /**
   * The restores this data went through before the backup (see restore-marks.ts), so the
   * record travels with the data and is sealed with the rest of the header.
   */
  restores?: RestoreMark[]
}

export interface BackupHeader {
  manifest: BackupManifest
  keySlots: KeySlotFile
  erasures: ErasureEntry[]
  /** HMAC-SHA256 (hex) of the other three under a key derived from the database key. */
  mac: string
}

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupFormatError'
  }
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function macKey(databaseKey: Buffer): Buffer {
  return createHash('sha256').update('dichtbij-backup-mac\0').update(databaseKey).digest()
}

function macOf(header: Omit<BackupHeader, 'mac'>, databaseKey: Buffer): string {
  const body = JSON.stringify([header.manifest, header.keySlots, header.erasures])
  return createHmac('sha256', macKey(databaseKey)).update(body).digest('hex')
}

export function sealHeader(header: Omit<BackupHeader, 'mac'>, databaseKey: Buffer): BackupHeader {
  return { ...header, mac: macOf(header, databaseKey) }
}

/** True when the header was written by someone holding the database key and left unchanged. */
export function headerIntact(header: BackupHeader, databaseKey: Buffer): boolean {
  const expected = Buffer.from(macOf(header, databaseKey), 'hex')
  const actual = Buffer.from(header.mac, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Writes the backup file under a random name next to its final name, flushes it and then moves
 * it into place (see writeFileAtomically: a planted symlink is never written through).
 */
export function writeBackupFile(path: string, header: BackupHeader, database: Buffer): void {
  writeFileAtomically(path, [headerBytes(header), database])
}

/** Everything before the database part: magic, header length and the header itself. */
export function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(json.length)
  return Buffer.concat([MAGIC, length, json])
}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length)
  let read = 0
  while (read < length) {
    const n = readSync(fd, buf, read, length - read, position + read)
    if (n === 0) throw new BackupFormatError('Het bestand is korter dan de back-up zegt')
    read += n
  }
  return buf
}

function parseHeader(json: Buffer): BackupHeader {
  let header: BackupHeader
  try {
    header = JSON.parse(json.toString('utf8')) as BackupHeader
  } catch {
    throw new BackupFormatError('De kop van de back-up is onleesbaar')
  }
  if (
    header?.manifest?.format !== 'dichtbij-backup' ||
    header.manifest.version !== 1 ||
    !Array.isArray(header.keySlots?.slots) ||
    !Array.isArray(header.erasures) ||
    typeof header.mac !== 'string'
  )
    throw new BackupFormatError('Dit is geen back-up van Dichtbij')
  return header
}

/** Only the header: enough to list a backup without reading the whole file. */
export function readBackupHeader(path: string): BackupHeader {
  return readBackupLayout(path).header
}

/** The header, where the database part starts, and the size of the file. */
export function readBackupLayout(path: string): {
  header: BackupHeader
  databaseOffset: number
  fileBytes: number
} {
  // A FIFO or symlink under a backup's name is refused, never waited on or followed.
  const { fd, size } = openRegularFile(path)
  try {
    const prefix = readExactly(fd, PREFIX, 0)
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC))
      throw new BackupFormatError('Dit is geen back-up van Dichtbij')
    const length = prefix.readUInt32BE(MAGIC.length)
    if (length > MAX_HEADER) throw new BackupFormatError('Dit is geen back-up van Dichtbij')
    const header = parseHeader(readExactly(fd, length, PREFIX))
    return { header, databaseOffset: PREFIX + length, fileBytes: size }
  } finally {
    closeSync(fd)
  }
}

/** The header and the database part; the part's hash is checked against the manifest. */
export function readBackup(data: Buffer): { header: BackupHeader; database: Buffer } {
  if (data.length < PREFIX || !data.subarray(0, MAGIC.length).equals(MAGIC))
    throw new BackupFormatError('Dit is geen back-up van Dichtbij')
  const length = data.readUInt32BE(MAGIC.length)
  if (length > MAX_HEADER || PREFIX + length > data.length)
    throw new BackupFormatError('Het bestand is korter dan de back-up zegt')
  const header = parseHeader(data.subarray(PREFIX, PREFIX + length))
  const database = data.subarray(PREFIX + length)
  if (
    database.length !== header.manifest.databaseBytes ||
    sha256Hex(database) !== header.manifest.databaseSha256
  )
    throw new BackupFormatError('De controlesom klopt niet: de back-up is beschadigd of gewijzigd')
  return { header, database }
}
