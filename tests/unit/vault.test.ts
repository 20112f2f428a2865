import { describe, expect, it } from 'vitest'
import {
  generateDatabaseKey,
  generateRecoveryKey,
  keyIdOf,
  normaliseRecoveryKey,
  unwrapKey,
  wrapKey,
} from '../../src/main/vault/keyslots'
import {
  BackupFormatError,
  headerIntact,
  readBackup,
  sealHeader,
  sha256Hex,
} from '../../src/main/vault/backup-file'
import { dailyBackupsToRemove } from '../../src/main/vault/vault'

const PARAMS = { logN: 10, r: 8, p: 1 }
const NOW = new Date('2026-06-15T10:00:00Z')

describe('key slots', () => {
  it('wraps the key so that only the right password opens it', async () => {
    const key = generateDatabaseKey()
    expect(key).toHaveLength(32)
    const slot = await wrapKey(
      key,
      'Zonnebloem-veld-42',
      PARAMS,
      { kind: 'user', userId: 3, username: 'bea' },
      NOW,
    )
    expect(slot.wrapped).not.toContain(key.toString('base64'))
    expect((await unwrapKey(slot, 'Zonnebloem-veld-42'))?.equals(key)).toBe(true)
    expect(await unwrapKey(slot, 'zonnebloem-veld-42')).toBeNull()
    // Two slots for the same key and password differ (salt and IV are random).
    const again = await wrapKey(
      key,
      'Zonnebloem-veld-42',
      PARAMS,
      { kind: 'user', userId: 3, username: 'bea' },
      NOW,
    )
    expect(again.wrapped).not.toBe(slot.wrapped)
  })

  it('binds a slot to its account: moved to another user it no longer opens', async () => {
    const key = generateDatabaseKey()
    const slot = await wrapKey(
      key,
      'Geheim-wachtwoord-1',
      PARAMS,
      { kind: 'user', userId: 3, username: 'bea' },
      NOW,
    )
    expect(await unwrapKey({ ...slot, userId: 4 }, 'Geheim-wachtwoord-1')).toBeNull()
    expect(
      await unwrapKey({ ...slot, tag: Buffer.alloc(16).toString('base64') }, 'Geheim-wachtwoord-1'),
    ).toBeNull()
    expect(
      await unwrapKey({ ...slot, kdf: { ...slot.kdf, logN: 40 } }, 'Geheim-wachtwoord-1'),
    ).toBeNull()
  })

  it('tells keys apart by id without revealing them', () => {
    const a = generateDatabaseKey()
    const b = generateDatabaseKey()
    expect(keyIdOf(a)).toBe(keyIdOf(Buffer.from(a)))
    expect(keyIdOf(a)).not.toBe(keyIdOf(b))
    expect(keyIdOf(a)).not.toContain(a.toString('hex').slice(0, 8))
  })

  it('makes recovery keys of 30 base32 characters and reads them back as typed', () => {
    const keys = new Set(Array.from({ length: 50 }, () => generateRecoveryKey()))
    expect(keys.size).toBe(50)
    for (const k of keys) {
      expect(k).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
      expect(normaliseRecoveryKey(k)).toBe(k)
      expect(normaliseRecoveryKey(` ${k.toLowerCase().replace(/-/g, ' ')} `)).toBe(k)
    }
    // O, I and L typed for 0 and 1 still count; too short or foreign characters do not.
    expect(normaliseRecoveryKey('O'.repeat(5) + 'IL1'.repeat(5) + '2'.repeat(10))).toBe(
      '00000-11111-11111-11111-22222-22222',
    )
    expect(normaliseRecoveryKey('ABCDE-FGHJK')).toBeNull()
    expect(normaliseRecoveryKey('U'.repeat(30))).toBeNull()
  })
})

describe('backup file', () => {
  const manifest = {
    format: 'dichtbij-backup' as const,
    version: 1 as const,
    kind: 'manual' as const,
    appVersion: '0.1.0',
    schemaVersion: '0003-retention',
    createdAt: NOW.toISOString(),
    counts: { household: 2 },
    databaseSha256: '',
    databaseBytes: 0,
    keyId: '',
  }

  function build(database: Buffer, key: Buffer): Buffer {
    const header = sealHeader(
      {
        manifest: {
          ...manifest,
          databaseSha256: sha256Hex(database),
          databaseBytes: database.length,
          keyId: keyIdOf(key),
        },
        keySlots: {
          format: 'dichtbij-keyslots',
          version: 1,
          keyId: keyIdOf(key),
          organisationName: null,
          slots: [],
        },
        erasures: [{ at: NOW.toISOString(), action: 'anonymise', kind: 'household', id: 7 }],
      },
      key,
    )
    const json = Buffer.from(JSON.stringify(header))
    const length = Buffer.alloc(4)
    length.writeUInt32BE(json.length)
    return Buffer.concat([Buffer.from('DICHTBIJ-BACKUP1'), length, json, database])
  }

  it('reads back the header and the database part, and checks the part against its hash', () => {
    const key = generateDatabaseKey()
    const file = build(Buffer.from('versleutelde pagina'), key)
    const { header, database } = readBackup(file)
    expect(database.toString()).toBe('versleutelde pagina')
    expect(headerIntact(header, key)).toBe(true)
    expect(headerIntact(header, generateDatabaseKey())).toBe(false)
    // Dropping an erasure from the header breaks its seal.
    expect(headerIntact({ ...header, erasures: [] }, key)).toBe(false)
    const cut = file.subarray(0, file.length - 3)
    expect(() => readBackup(cut)).toThrow(BackupFormatError)
    const changed = Buffer.from(file)
    changed[changed.length - 1] ^= 1
    expect(() => readBackup(changed)).toThrow(/controlesom/)
    expect(() => readBackup(Buffer.from('SQLite format 3\0 en meer'))).toThrow(/geen back-up/)
  })
})

describe('backup retention', () => {
  function dailies(from: string, days: number, perDay = 1): { name: string; createdAt: string }[] {
    const out = []
    for (let d = 0; d < days; d++)
      for (let h = 0; h < perDay; h++) {
        const at = new Date(Date.parse(from) + d * 86_400_000 + h * 3_600_000)
        out.push({ name: `b-${at.toISOString()}`, createdAt: at.toISOString() })
      }
    return out
  }

  it('keeps the newest of each of the last 14 days and of the last 12 months', () => {
    const all = dailies('2025-01-01T09:00:00Z', 500)
    const removed = new Set(dailyBackupsToRemove(all))
    const kept = all.filter((b) => !removed.has(b.name)).map((b) => b.createdAt)
    const newest14 = all.slice(-14).map((b) => b.createdAt)
    for (const c of newest14) expect(kept).toContain(c)
    const months = new Set(kept.map((c) => c.slice(0, 7)))
    expect(months.size).toBe(12)
    // 14 days within the newest month(s) plus one per older month.
    expect(kept.length).toBeLessThanOrEqual(14 + 12)
    expect(kept.length).toBeGreaterThanOrEqual(14 + 10)
  })

  it('keeps only the last backup of a day with several', () => {
    const all = dailies('2026-06-01T08:00:00Z', 3, 3)
    const removed = dailyBackupsToRemove(all)
    expect(removed).toHaveLength(6)
    const kept = all.filter((b) => !removed.includes(b.name)).map((b) => b.createdAt.slice(11, 13))
    expect(kept).toEqual(['10', '10', '10'])
  })
})
