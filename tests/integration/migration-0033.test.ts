import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0033 from '../../src/main/db/migrations/0033-marital-status'
import { MARITAL_STATUSES } from '../../src/shared/schemas/common'

/**
 * A burgerlijke staat of a person and of a household's contact (migration 0033): existing rows
 * become unknown (null), the app's codes are taken, and any other code is refused by the file
 * itself, whatever path writes it.
 */

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig33-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const [name, m] of Object.entries(MIGRATIONS)) if (name < '0033') await m.up(db)
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

const household = (reference: string) =>
  Number(
    sqlite
      .prepare(
        `insert into household (reference, contact_name, search_name, postcode, city,
          income_source, consent_date, consent_by, status, created_at, updated_at)
         values (?, 'Fam. Oud', 'fam oud', '1234 AB', 'Zwolle', 'bijstand',
          '2025-01-01', 'Anja', 'active', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z')`,
      )
      .run(reference).lastInsertRowid,
  )

const person = (reference: string) =>
  Number(
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on,
          created_at, updated_at)
         values (?, 'Marja', 'Visser', 'marja visser', '2025-01-01', 'x', 'x')`,
      )
      .run(reference).lastInsertRowid,
  )

describe('migration 0033', () => {
  it('leaves existing people and households unknown', async () => {
    const h = household('H-00001')
    const p = person('D-00001')
    await m0033.up(db)
    expect(sqlite.prepare('select marital_status from household where id = ?').get(h)).toEqual({
      marital_status: null,
    })
    expect(sqlite.prepare('select marital_status from person where id = ?').get(p)).toEqual({
      marital_status: null,
    })
  })

  it.each(['household', 'person'])(
    'takes the codes of the app on %s and refuses others',
    async (table) => {
      await m0033.up(db)
      const id = table === 'household' ? household('H-00002') : person('D-00002')
      const set = (code: string | null) =>
        sqlite.prepare(`update ${table} set marital_status = ? where id = ?`).run(code, id)
      for (const code of MARITAL_STATUSES) set(code)
      set(null)
      for (const bad of ['engaged', '', 'Married', 'single '])
        expect(() => set(bad), bad).toThrow(/CHECK constraint failed/)
      expect(sqlite.prepare(`select marital_status from ${table} where id = ?`).get(id)).toEqual({
        marital_status: null,
      })
      // A new row is refused too, not only a change.
      expect(() =>
        sqlite
          .prepare(
            table === 'household'
              ? `insert into household (reference, contact_name, search_name, postcode, city,
                income_source, consent_date, consent_by, status, created_at, updated_at,
                marital_status)
               values ('H-00003', 'X', 'x', '1234 AB', 'Zwolle', 'ao', '2025-01-01', 'A',
                'active', 'x', 'x', 'verweduwd')`
              : `insert into person (reference, first_name, last_name, search_name, registered_on,
                created_at, updated_at, marital_status)
               values ('D-00003', 'A', 'B', 'a b', '2025-01-01', 'x', 'x', 'verweduwd')`,
          )
          .run(),
      ).toThrow(/CHECK constraint failed/)
    },
  )

  it('is listed after 0032', () => {
    const names = Object.keys(MIGRATIONS)
    expect(names.indexOf('0033-marital-status')).toBe(names.indexOf('0032-outcomes') + 1)
  })
})
