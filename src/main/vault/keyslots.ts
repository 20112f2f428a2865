import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'
import type { ScryptParams } from '../crypto/passwords'

/**
 * The database key and its key slots. The key is 32 random bytes that never touch the disk in
 * the clear: each slot holds it wrapped (AES-256-GCM) under a key derived with scrypt from one
 * user's password or from the recovery key, the way disk encryption keeps one slot per
 * passphrase. A password change rewraps one slot; the database itself is never re-encrypted.
 */

export const DATABASE_KEY_BYTES = 32
const SALT_BYTES = 16
const IV_BYTES = 12

export type SlotKind = 'user' | 'recovery'

export interface KeySlot {
  kind: SlotKind
  /** The account the slot opens for; absent on the recovery slot. */
  userId?: number
  username?: string
  createdAt: string
  kdf: { name: 'scrypt'; logN: number; r: number; p: number; salt: string }
  iv: string
  tag: string
  wrapped: string
}

export interface KeySlotFile {
  format: 'dichtbij-keyslots'
  version: 1
  /** Tells which database key the slots open, without revealing it. */
  keyId: string
  /** Shown on the login screen before the database is open; not personal data. */
  organisationName: string | null
  slots: KeySlot[]
}

export function generateDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES)
}

/** A one-way tag of the key (domain-separated SHA-256), to match backups and slot files. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('dichtbij-key-id\0').update(key).digest('hex').slice(0, 32)
}

function deriveKey(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * 2 }
  return new Promise((ok, fail) =>
    scrypt(secret.normalize('NFC'), salt, 32, options, (err, key) => (err ? fail(err) : ok(key))),
  )
}

/** What a slot is bound to: moving a slot to another account makes it fail to open. */
function slotAad(kind: SlotKind, userId: number | undefined): Buffer {
  return Buffer.from(`dichtbij-slot:${kind}:${userId ?? ''}`)
}

export async function wrapKey(
  key: Buffer,
  secret: string,
  params: ScryptParams,
  owner: { kind: 'recovery' } | { kind: 'user'; userId: number; username: string },
  now: Date,
): Promise<KeySlot> {
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  const kek = await deriveKey(secret, salt, params)
  const userId = owner.kind === 'user' ? owner.userId : undefined
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  cipher.setAAD(slotAad(owner.kind, userId))
  const wrapped = Buffer.concat([cipher.update(key), cipher.final()])
  kek.fill(0)
  return {
    kind: owner.kind,
    ...(owner.kind === 'user' ? { userId: owner.userId, username: owner.username } : {}),
    createdAt: now.toISOString(),
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  }
}

/**
 * Unwrapping runs one derivation at a time: a slot's cost is chosen by whoever wrote the file,
 * and a restore without a login reads slots from an uploaded one. Requests queue instead of
 * each taking its own share of memory and threads.
 */
let unwrapTurn: Promise<unknown> = Promise.resolve()

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = unwrapTurn.then(work, work)
  unwrapTurn = run.catch(() => undefined)
  return run
}

/** True when a slot's scrypt settings are exactly one of `allowed` (the sets the app writes). */
export function slotParamsAllowed(slot: KeySlot, allowed: readonly ScryptParams[]): boolean {
  const kdf = slot.kdf as Partial<KeySlot['kdf']> | undefined
  return (
    kdf?.name === 'scrypt' &&
    typeof kdf.salt === 'string' &&
    allowed.some((a) => a.logN === kdf.logN && a.r === kdf.r && a.p === kdf.p)
  )
}

/**
 * Spends what unwrapping a slot with `params` costs and opens nothing, so a name without a slot
 * takes as long as a wrong password for one with a slot.
 */
export async function unwrapNothing(secret: string, params: ScryptParams): Promise<void> {
  const kek = await oneAtATime(() => deriveKey(secret, randomBytes(SALT_BYTES), params))
  kek.fill(0)
}

/** The database key, or null when the secret does not open this slot. */
export async function unwrapKey(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const { logN, r, p } = slot.kdf
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return null
  const salt = Buffer.from(slot.kdf.salt, 'base64')
  const kek = await oneAtATime(() => deriveKey(secret, salt, { logN, r, p }))
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'))
    decipher.setAAD(slotAad(slot.kind, slot.userId))
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'))
    const key = Buffer.concat([
      decipher.update(Buffer.from(slot.wrapped, 'base64')),
      decipher.final(),
    ])
    return key.length === DATABASE_KEY_BYTES ? key : null
  } catch {
    return null
  } finally {
    kek.fill(0)
  }
}

// Crockford's base32: no I, L, O or U, so a key read off paper is not mistyped as 1 or 0.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const RECOVERY_GROUPS = 6
const GROUP_SIZE = 5

/** 30 characters of base32 (150 bits) in groups of five, to be printed and kept on paper. */
export function generateRecoveryKey(): string {
  const bytes = randomBytes(RECOVERY_GROUPS * GROUP_SIZE)
  const chars = [...bytes].map((b) => ALPHABET[b & 31])
  const groups: string[] = []
  for (let i = 0; i < chars.length; i += GROUP_SIZE)
    groups.push(chars.slice(i, i + GROUP_SIZE).join(''))
  return groups.join('-')
}

/**
 * A recovery key as typed: case, spaces and dashes do not matter, and the letters people
 * confuse with digits (O, I, L) count as those digits. Null when it cannot be one.
 */
export function normaliseRecoveryKey(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  if (cleaned.length !== RECOVERY_GROUPS * GROUP_SIZE) return null
  if ([...cleaned].some((c) => !ALPHABET.includes(c))) return null
  return cleaned.match(new RegExp(`.{${GROUP_SIZE}}`, 'g'))!.join('-')
}

export function isKeySlotFile(value: unknown): value is KeySlotFile {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<KeySlotFile>
  return v.format === 'dichtbij-keyslots' && v.version === 1 && Array.isArray(v.slots)
}
