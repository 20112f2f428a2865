import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import * as m0003 from '../../src/main/db/migrations/0003-retention'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig3-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 0003-retention', () => {
  it('adds anonymised_at to households and stores the 2-year terms, keeping existing ones', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    await m0001.up(db)
    sqlite
      .prepare(
        `insert into household (reference, contact_name, search_name, postcode, city,
          income_source, consent_date, consent_by, status, created_at, updated_at)
         values ('H-00001', 'Fam. Oud', 'fam oud', '1234 AB', 'Zwolle', 'bijstand',
          '2023-01-01', 'Anja', 'active', '2023-01-01T10:00:00Z', '2023-01-01T10:00:00Z')`,
      )
      .run()
    await m0003.up(db)
    expect(sqlite.prepare('select contact_name, anonymised_at from household').all()).toEqual([
      { contact_name: 'Fam. Oud', anonymised_at: null },
    ])
    const row = sqlite.prepare("select value from setting where key = 'retention'").get() as {
      value: string
    }
    expect(JSON.parse(row.value)).toEqual({ households: 24, people: 24, complaints: 24 })
    await db.destroy()
  })

  it('leaves terms that were already stored alone', async () => {
    const sqlite = new Database(join(dir, 'n.sqlite'))
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    await m0001.up(db)
    sqlite
      .prepare("insert into setting (key, value) values ('retention', '{\"households\":60}')")
      .run()
    await m0003.up(db)
    expect(sqlite.prepare("select value from setting where key = 'retention'").get()).toEqual({
      value: '{"households":60}',
    })
    await db.destroy()
  })
})
