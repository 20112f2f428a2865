import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import * as m0012 from '../../src/main/db/migrations/0012-intake-problems'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig12-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 0012-intake-problems', () => {
  it("gives existing intakes 'unknown' for debts and multiple problems and refuses other codes", async () => {
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
    sqlite
      .prepare(
        `insert into intake (household_id, date, done_by, notes, created_at)
         values (1, '2023-01-01', 'Anja', null, '2023-01-01T10:00:00Z')`,
      )
      .run()
    await m0012.up(db)
    // An intake from before the questions existed: never asked, so not known, not "no".
    expect(sqlite.prepare('select debts, multiple_problems from intake').get()).toEqual({
      debts: 'unknown',
      multiple_problems: 'unknown',
    })
    const insert = sqlite.prepare(
      `insert into intake (household_id, date, done_by, created_at, debts, multiple_problems)
       values (1, '2024-02-02', 'Anja', '2024-02-02T10:00:00Z', ?, ?)`,
    )
    insert.run('yes', 'no')
    expect(
      sqlite.prepare("select debts, multiple_problems from intake where date = '2024-02-02'").get(),
    ).toEqual({ debts: 'yes', multiple_problems: 'no' })
    expect(() => insert.run('ja', 'no')).toThrow(/CHECK/)
    expect(() => insert.run('yes', 'maybe')).toThrow(/CHECK/)
    expect(() => insert.run(null, 'no')).toThrow(/NOT NULL/)
    expect(sqlite.prepare('select count(*) as n from intake').get()).toEqual({ n: 2 })
    await db.destroy()
  })
})
