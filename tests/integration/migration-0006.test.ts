import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import * as m0006 from '../../src/main/db/migrations/0006-call-list-contact'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig6-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 0006-call-list-contact', () => {
  it('adds an empty table of contacts per household, removed with its household', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
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
    await m0006.up(db)
    expect(sqlite.prepare('select count(*) as n from call_list_contact').get()).toEqual({ n: 0 })
    sqlite
      .prepare(
        `insert into call_list_contact (household_id, date, created_at)
         values (1, '2026-06-10', '2026-06-10T09:00:00Z')`,
      )
      .run()
    // Only for an existing household.
    expect(() =>
      sqlite
        .prepare(
          `insert into call_list_contact (household_id, date, created_at)
           values (99, '2026-06-10', '2026-06-10T09:00:00Z')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/)
    const plan = sqlite
      .prepare('explain query plan select max(date) from call_list_contact where household_id = 1')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('call_list_contact_household_date')
    sqlite.prepare('delete from household where id = 1').run()
    expect(sqlite.prepare('select count(*) as n from call_list_contact').get()).toEqual({ n: 0 })
    await db.destroy()
  })
})
