import { describe, expect, it } from 'vitest'
import {
  hashPassword,
  parseHash,
  passwordProblem,
  PASSWORD_PARAMS,
  verifyPassword,
} from '../../src/main/crypto/passwords'
import { COMMON_PASSWORDS } from '../../src/main/crypto/common-passwords'
import { secondsLeft, waitAfterFailures } from '../../src/main/domains/accounts/backoff'

const FAST = { logN: 10, r: 8, p: 1 }

describe('password hashing', () => {
  it('uses scrypt with N = 2^17, r = 8, p = 1 and a 16-byte random salt by default', async () => {
    expect(PASSWORD_PARAMS).toEqual({ logN: 17, r: 8, p: 1 })
    const stored = await hashPassword('Correct-paard-batterij')
    const parsed = parseHash(stored)
    expect(parsed).toMatchObject({ logN: 17, r: 8, p: 1 })
    expect(parsed?.salt).toHaveLength(16)
    expect(parsed?.key).toHaveLength(32)
    expect(await verifyPassword('Correct-paard-batterij', stored)).toBe(true)
    expect(await verifyPassword('correct-paard-batterij', stored)).toBe(false)
  }, 20_000)

  it('salts every hash, keeps its parameters with it, and refuses malformed hashes', async () => {
    const a = await hashPassword('Zelfde-wachtwoord-1', FAST)
    const b = await hashPassword('Zelfde-wachtwoord-1', FAST)
    expect(a).not.toBe(b)
    expect(a.startsWith('scrypt$10$8$1$')).toBe(true)
    expect(await verifyPassword('Zelfde-wachtwoord-1', b)).toBe(true)
    for (const bad of ['', 'scrypt$10$8$1$', 'bcrypt$x', a.slice(0, -4), 'scrypt$40$8$1$aa$bb'])
      expect(await verifyPassword('Zelfde-wachtwoord-1', bad), bad).toBe(false)
  })

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('Coördinator-van-de-winkel', FAST)
    expect(await verifyPassword('Coo\u0308rdinator-van-de-winkel', stored)).toBe(true)
  })
})

describe('password rules beyond length', () => {
  it('ships the 1,000 most common passwords', () => {
    expect(COMMON_PASSWORDS).toHaveLength(1000)
    expect(new Set(COMMON_PASSWORDS).size).toBe(1000)
    expect(COMMON_PASSWORDS.slice(0, 3)).toEqual(['123456', 'password', '12345678'])
  })

  it('refuses common passwords in any case, with digits around them, and the own name', () => {
    expect(passwordProblem('qwertyuiop')).toBe('passwordCommon')
    expect(passwordProblem('QwertyUiop')).toBe('passwordCommon')
    expect(passwordProblem('Password123!')).toBe('passwordCommon')
    expect(passwordProblem('Welkom2026!')).toBe('passwordCommon')
    expect(passwordProblem('wachtwoord01')).toBe('passwordCommon')
    expect(passwordProblem('anja.bakker-2026', 'anja.bakker')).toBe('passwordHasUsername')
    expect(passwordProblem('Bakfiets-onder-de-lamp')).toBeNull()
    expect(passwordProblem('Bakfiets-onder-de-lamp', 'ann')).toBeNull()
  })
})

describe('back-off after failed attempts', () => {
  it('lets four go, then waits 30 s, doubling up to an hour', () => {
    expect([1, 2, 3, 4].map(waitAfterFailures)).toEqual([0, 0, 0, 0])
    expect([5, 6, 7, 8].map(waitAfterFailures)).toEqual([30, 60, 120, 240])
    expect(waitAfterFailures(11)).toBe(1920)
    expect(waitAfterFailures(12)).toBe(3600)
    expect(waitAfterFailures(500)).toBe(3600)
  })

  it('rounds the seconds left up and never goes below zero', () => {
    const now = Date.parse('2026-06-15T10:00:00Z')
    expect(secondsLeft(null, now)).toBe(0)
    expect(secondsLeft('2026-06-15T10:00:29.100Z', now)).toBe(30)
    expect(secondsLeft('2026-06-15T09:59:00Z', now)).toBe(0)
  })
})
