import { describe, expect, it, vi } from 'vitest'

// Counts how many scrypt derivations run at the same moment; the derivation itself is real.
const seen = vi.hoisted(() => ({ running: 0, most: 0 }))
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>()
  const scrypt = (...args: unknown[]): void => {
    const done = args.pop() as (err: Error | null, key: Buffer) => void
    seen.running += 1
    seen.most = Math.max(seen.most, seen.running)
    ;(real.scrypt as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
      seen.running -= 1
      done(err, key)
    })
  }
  return { ...real, default: { ...real, scrypt }, scrypt }
})

const { generateDatabaseKey, unwrapKey, unwrapNothing, wrapKey } =
  await import('../../src/main/vault/keyslots')

const PARAMS = { logN: 10, r: 8, p: 1 }

describe('unwrapping key slots', () => {
  it('derives one key at a time however many requests arrive together', async () => {
    const key = generateDatabaseKey()
    const slot = await wrapKey(
      key,
      'Zonnebloem-veld-42',
      PARAMS,
      { kind: 'user', userId: 1, username: 'bea' },
      new Date('2026-06-15T10:00:00Z'),
    )
    seen.most = 0
    const results = await Promise.all([
      unwrapKey(slot, 'Zonnebloem-veld-42'),
      unwrapKey(slot, 'fout-1'),
      unwrapNothing('fout-2', PARAMS),
      unwrapKey(slot, 'fout-3'),
      unwrapKey(slot, 'Zonnebloem-veld-42'),
    ])
    expect(seen.most).toBe(1)
    expect(results[0]?.equals(key)).toBe(true)
    expect(results[1]).toBeNull()
    expect(results[3]).toBeNull()
    expect(results[4]?.equals(key)).toBe(true)
  })
})
