import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatabaseTooNewError, DB_FILE_NAME, openDatabase } from '../../src/main/db/open'
import { Vault } from '../../src/main/vault/vault'
import { TEST_PASSWORD_PARAMS } from '../helpers/db'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import { createRouter } from '../../src/main/router'
import { fixedClock } from '../../src/main/clock'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('opening the database', () => {
  it('creates the schema with WAL, foreign keys and synchronous=FULL', async () => {
    const db = await openDatabase({ file: join(dir, 'a.sqlite') })
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    const names = (
      db.sqlite.prepare('select name from kysely_migration').all() as { name: string }[]
    ).map((r) => r.name)
    expect(names).toEqual(Object.keys(MIGRATIONS))
    await db.close()
  })

  it('refuses a database written by a newer version and leaves it alone', async () => {
    const file = join(dir, 'b.sqlite')
    const db = await openDatabase({ file })
    db.sqlite
      .prepare("insert into kysely_migration (name, timestamp) values ('9999-future', 'x')")
      .run()
    await db.close()
    await expect(openDatabase({ file })).rejects.toBeInstanceOf(DatabaseTooNewError)
  })

  it('lets a hook (the vault backup) run before migrating an existing file', async () => {
    const file = join(dir, 'c.sqlite')
    // An older version's file: every migration so far ran, a later one (simulated) is pending.
    const first = await openDatabase({ file })
    await first.close()
    const seen: string[][] = []
    MIGRATIONS['9000-test-only'] = { up: async () => undefined }
    try {
      const again = await openDatabase({
        file,
        beforeMigrate: async (_sqlite, pending) => void seen.push(pending),
      })
      await again.close()
      // Nothing pending: no hook.
      const third = await openDatabase({ file, beforeMigrate: async () => void seen.push([]) })
      await third.close()
    } finally {
      delete MIGRATIONS['9000-test-only']
    }
    expect(seen).toEqual([['9000-test-only']])
  })

  it('upgrades the shop-only version: households stay, encrypted at setup', async () => {
    const file = join(dir, DB_FILE_NAME)
    const accounts = MIGRATIONS['0002-accounts']
    const later = Object.keys(MIGRATIONS).filter((n) => n > '0002')
    const saved = Object.fromEntries(later.map((n) => [n, MIGRATIONS[n]]))
    delete MIGRATIONS['0002-accounts']
    for (const n of later) delete MIGRATIONS[n]
    try {
      const old = await openDatabase({ file })
      old.sqlite
        .prepare(
          `insert into household (reference, contact_name, search_name, postcode, city,
            income_source, consent_date, consent_by, status, created_at, updated_at)
           values ('H-00001', 'Fam. Oudewater', 'fam oudewater', '1234 AB', 'Zwolle', 'bijstand',
            '2026-01-01', 'Anja', 'active', '2026-01-01T10:00:00Z', '2026-01-01T10:00:00Z')`,
        )
        .run()
      await old.close()
    } finally {
      MIGRATIONS['0002-accounts'] = accounts
      Object.assign(MIGRATIONS, saved)
    }
    const clock = fixedClock('2026-06-15T10:00:00Z')
    const vault = await Vault.start({ dataDir: dir, clock, slotParams: TEST_PASSWORD_PARAMS })
    try {
      expect(vault.state).toBe('plain')
      const router = createRouter({ vault, clock })
      const screen = { sessionId: null, workstation: 't' }
      const status = await router.call(screen, 'setup.status', {})
      expect(status).toEqual({
        ok: true,
        value: { needsSetup: true, organisationName: null, canRestore: false },
      })
      const setup = await router.call(screen, 'setup.create', {
        organisation: { name: 'Stichting Oud' },
        admin: {
          username: 'beheerder',
          displayName: 'Bea',
          password: 'Zonnebloem-veld-42',
          passwordRepeat: 'Zonnebloem-veld-42',
        },
      })
      expect(setup.ok).toBe(true)
      expect(vault.state).toBe('open')
      const names = vault.sqlite.prepare('select contact_name as n from household').all()
      expect(names).toEqual([{ n: 'Fam. Oudewater' }])
      // The plain file is gone; the data folder and its backup hold no family name in the clear.
      expect(readFileSync(file).includes('Oudewater')).toBe(false)
      const backups = readdirSync(join(dir, 'backups'))
      expect(backups.some((n) => n.endsWith('-voor-versleuteling.dichtbij-backup'))).toBe(true)
      for (const n of backups)
        expect(readFileSync(join(dir, 'backups', n)).includes('Oudewater')).toBe(false)
    } finally {
      await vault.close()
    }
  })
})

describe('migration 0001-shop', () => {
  it('creates the shop tables with their constraints and starting lists', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    await m0001.up(db)
    const tables = (
      sqlite.prepare("select name from sqlite_master where type='table' order by name").all() as {
        name: string
      }[]
    ).map((t) => t.name)
    expect(tables).toEqual(
      expect.arrayContaining([
        'household',
        'member',
        'intake',
        'slot',
        'appointment',
        'visit',
        'visit_item',
        'list_item',
      ]),
    )
    const kinds = sqlite
      .prepare('select kind, count(*) n from list_item group by kind order by kind')
      .all()
    expect(kinds).toEqual([
      { kind: 'category', n: 4 },
      { kind: 'destination', n: 6 },
      { kind: 'topic', n: 6 },
    ])
    expect(() =>
      sqlite
        .prepare("insert into slot (date, part, capacity) values ('2026-01-01', 'night', 5)")
        .run(),
    ).toThrow(/CHECK/)
    sqlite
      .prepare("insert into slot (date, part, capacity) values ('2026-01-01', 'morning', 5)")
      .run()
    expect(() =>
      sqlite
        .prepare("insert into slot (date, part, capacity) values ('2026-01-01', 'morning', 3)")
        .run(),
    ).toThrow(/UNIQUE/)
    expect(() =>
      sqlite
        .prepare("insert into member (household_id, birth_year, gender) values (999, 2000, 'f')")
        .run(),
    ).toThrow(/FOREIGN KEY/)
    await db.destroy()
  })
})
