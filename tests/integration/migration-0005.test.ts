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

  it("folds exactly as the app's searchKey does, lookalike letters included", async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    // Hundreds of rows, each updated on its own: no need to wait for the disk here.
    sqlite.pragma('synchronous = OFF')
    await m0001.up(db)
    await m0003.up(db)
    // Every letter of Latin, Greek and Cyrillic and the punctuation and full-width blocks, eight
    // at a time, besides names written with lookalikes.
    const ranges: [number, number][] = [
      [0x20, 0x24f],
      [0x250, 0x2af],
      [0x370, 0x3ff],
      [0x400, 0x52f],
      [0x1e00, 0x1eff],
      [0x2000, 0x206f],
      [0xff00, 0xffef],
    ]
    const strings = [
      ...NAMES,
      'Kh\u0430dij\u0430 B\u043euj\u0430di',
      'Kh\u03b1dija \u0392\u03bfujadi',
      '\u0420\u0415\u0422\u0420\u041e\u0412 \u0441\u0435\u0440',
      '\u039d\u03af\u03ba\u03bf\u03c2 \u0393\u03b9\u03ac\u03bd\u03bd\u03b7\u03c2',
    ]
    for (const [from, to] of ranges)
      for (let c = from; c <= to; c += 8) {
        const chars = []
        for (let k = c; k < Math.min(c + 8, to + 1); k++) chars.push(String.fromCodePoint(k))
        strings.push(`x${chars.join('')}x`)
      }
    const insert = sqlite.prepare(
      `insert into household (reference, contact_name, search_name, postcode, city,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values (?, ?, '', '1234 AB', 'Zwolle', 'bijstand',
        '2023-01-01', 'Anja', 'active', '2023-01-01T10:00:00Z', '2023-01-01T10:00:00Z')`,
    )
    strings.forEach((name, i) => insert.run(`H-${i}`, name))
    await m0005.up(db)
    const rows = sqlite
      .prepare('select contact_name, search_name from household order by id')
      .all() as { contact_name: string; search_name: string }[]
    expect(rows).toHaveLength(strings.length)
    for (const r of rows) expect(r.search_name, r.contact_name).toBe(searchKey(r.contact_name))
    await db.destroy()
  })
})
