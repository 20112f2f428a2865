import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { COMMON_PASSWORDS } from './common-passwords'

export interface ScryptParams {
  /** log2 of scrypt's cost N. */
  logN: number
  r: number
  p: number
}

/** N = 2^17, r = 8, p = 1: about 128 MiB and a few hundred milliseconds per hash. */
export const PASSWORD_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_LENGTH = 16

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node refuses more than 32 MiB by default; scrypt needs 128 * N * r bytes, plus headroom.
    maxmem: 128 * N * params.r * 2,
  }
  return new Promise((ok, fail) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? fail(err) : ok(key),
    ),
  )
}

/**
 * `scrypt$<logN>$<r>$<p>$<salt>$<hash>` (base64). The parameters travel with the hash, so a later
 * version can raise them and still check passwords set earlier.
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = PASSWORD_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await scryptAsync(password, salt, params)
  return [
    'scrypt',
    params.logN,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$')
}

export function parseHash(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [logN, r, p] = parts.slice(1, 4).map(Number)
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 22) return null
  return { logN, r, p, salt: Buffer.from(parts[4], 'base64'), key: Buffer.from(parts[5], 'base64') }
}

/** Checks a password against a stored hash in constant time. A malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false
  const key = await scryptAsync(password, parsed.salt, parsed)
  return timingSafeEqual(key, parsed.key)
}

const dummyHashes = new Map<string, Promise<string>>()

/**
 * Spends the same time as checking a real password, so a login for a name that does not exist
 * cannot be told apart by how long the answer takes.
 */
export async function verifyAgainstNothing(password: string, params: ScryptParams): Promise<void> {
  const key = `${params.logN}/${params.r}/${params.p}`
  let dummy = dummyHashes.get(key)
  if (!dummy) {
    dummy = hashPassword(randomBytes(16).toString('hex'), params)
    dummyHashes.set(key, dummy)
  }
  await verifyPassword(password, await dummy)
}

const COMMON = new Set(COMMON_PASSWORDS)
/** Words a Dutch shop's users reach for first; refused along with the common list. */
const LOCAL_WORDS = ['wachtwoord', 'welkom', 'dichtbij', 'kledingwinkel', 'vrijwilliger']

/**
 * The i18n key (under `validation.`) of what is wrong with a new password beyond its length, or
 * null. Refuses the 1,000 most common passwords, local words with only digits or symbols
 * around them, and the user's own name.
 */
export function passwordProblem(password: string, username?: string): string | null {
  const lower = password.normalize('NFC').toLowerCase()
  if (COMMON.has(lower)) return 'passwordCommon'
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '')
  if (LOCAL_WORDS.includes(core) || COMMON.has(core)) return 'passwordCommon'
  const name = username?.toLowerCase()
  if (name && (core === name || (name.length >= 4 && lower.includes(name))))
    return 'passwordHasUsername'
  return null
}
