import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0001 from '../../src/main/db/migrations/0001-shop'
import * as m0003 from '../../src/main/db/migrations/0003-retention'
import * as m0005 from '../../src/main/db/migrations/0005-search-fold'
import { searchKey } from '../../src/shared/search-key'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig5-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const NAMES = [
  'Ayşe Yılmaz',
  'İbrahim Öztürk',
  'Søren Østergaard',
  'Jürgen Großmann',
  'Łukasz Wałęsa',
  'Ægir Þórsson',
  'Đorđe Petrović',
  'Cœur de Lion',
  'Fam. D’Souza',
  'Jan  de\u00a0Vries ',
]

describe('migration 0005-search-fold', () => {
  it('recomputes the stored search keys of existing households with the new fold', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    await m0001.up(db)
    await m0003.up(db)
    const insert = sqlite.prepare(
      `insert into household (reference, contact_name, search_name, postcode, city,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values (?, ?, ?, '1234 AB', 'Zwolle', 'bijstand',
        '2023-01-01', 'Anja', 'active', '2023-01-01T10:00:00Z', '2023-01-01T10:00:00Z')`,
    )
    // The key as the app wrote it before: accents dropped, the other letters left as they were.
    const oldKey = (s: string): string =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()
    NAMES.forEach((name, i) => insert.run(`H-0000${i}`, name, oldKey(name)))
    expect(
      (sqlite.prepare('select search_name from household').all() as { search_name: string }[])
        .map((r) => r.search_name)
        .filter((k) => k.includes('yilmaz')),
    ).toEqual([])

    await m0005.up(db)
    const rows = sqlite
      .prepare('select contact_name, search_name from household order by id')
      .all() as { contact_name: string; search_name: string }[]
    // The frozen copy of the fold agrees with the app's today.
    expect(rows.map((r) => r.search_name)).toEqual(NAMES.map(searchKey))
    expect(rows.map((r) => r.search_name)).toEqual([
      'ayse yilmaz',
      'ibrahim ozturk',
      'soren ostergaard',
      'jurgen grossmann',
      'lukasz walesa',
      'aegir thorsson',
      'dorde petrovic',
      'coeur de lion',
      "fam. d'souza",
      'jan de vries',
    ])
    await db.destroy()
  })
})
