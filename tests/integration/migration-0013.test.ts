import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0013 from '../../src/main/db/migrations/0013-collections'

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig13-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  // Every migration before this one (the partner table of 0010 among them), in order.
  for (const name of Object.keys(MIGRATIONS).sort())
    if (name < '0013') await MIGRATIONS[name].up(db)
  sqlite
    .prepare(
      `insert into household (reference, contact_name, search_name, postcode, city,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values ('H-00001', 'Fam. Oud', 'fam oud', '1234 AB', 'Zwolle', 'bijstand',
        '2023-01-01', 'Anja', 'active', '2023-01-01T10:00:00Z', '2023-01-01T10:00:00Z')`,
    )
    .run()
})
afterEach(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const count = (table: string): number =>
  (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n

const T = "'2026-03-01T10:00:00Z'"

describe('migration 0013-collections', () => {
  it('adds empty collections and notices; a notice is one per family per collection', async () => {
    await m0013.up(db)
    expect(count('collection')).toBe(0)
    expect(count('collection_notice')).toBe(0)
    sqlite.exec(`insert into collection (name, season, arrives_on, created_at, updated_at)
      values ('Voorjaar', 'spring', '2026-03-01', ${T}, ${T})`)
    sqlite.exec(`insert into collection_notice (collection_id, household_id, date, how, by,
      created_at, updated_at) values (1, 1, '2026-03-02', 'phone', 'Anja', ${T}, ${T})`)
    // Twice for the same family and collection: refused by the schema itself.
    expect(() =>
      sqlite.exec(`insert into collection_notice (collection_id, household_id, date, how, by,
        created_at, updated_at) values (1, 1, '2026-03-03', 'email', 'Anja', ${T}, ${T})`),
    ).toThrow(/UNIQUE/)
    // Only for a collection and a household that exist.
    expect(() =>
      sqlite.exec(`insert into collection_notice (collection_id, household_id, date, how, by,
        created_at, updated_at) values (9, 1, '2026-03-03', 'email', 'Anja', ${T}, ${T})`),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      sqlite.exec(`insert into collection_notice (collection_id, household_id, date, how, by,
        created_at, updated_at) values (1, 9, '2026-03-03', 'email', 'Anja', ${T}, ${T})`),
    ).toThrow(/FOREIGN KEY/)
    const plan = sqlite
      .prepare('explain query plan select date from collection_notice where household_id = 1')
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('collection_notice_household')
    // The notices go with their household; the collection stays.
    sqlite.exec('delete from household where id = 1')
    expect(count('collection_notice')).toBe(0)
    expect(count('collection')).toBe(1)
  })

  it('records where a collection went: a partner that exists, or none', async () => {
    await m0013.up(db)
    sqlite.exec(`insert into partner (name, search_name, kind, created_at, updated_at)
      values ('Kringloop De Cirkel', 'kringloop de cirkel', 'other', ${T}, ${T})`)
    const partner = (sqlite.prepare('select id from partner').get() as { id: number }).id
    sqlite.exec(`insert into collection (name, season, arrives_on, left_on, left_to_partner_id,
      left_note, created_at, updated_at) values ('Winter', 'winter', '2025-11-01', '2026-03-01',
      ${partner}, 'Twee dozen', ${T}, ${T})`)
    sqlite.exec(`insert into collection (name, season, arrives_on, left_on, created_at,
      updated_at) values ('Zomer', 'summer', '2025-06-01', '2025-10-01', ${T}, ${T})`)
    expect(() =>
      sqlite.exec(`insert into collection (name, season, arrives_on, left_to_partner_id,
        created_at, updated_at) values ('X', 'winter', '2025-11-01', 999, ${T}, ${T})`),
    ).toThrow(/FOREIGN KEY/)
    // A partner a collection went to cannot be removed from under it.
    expect(() => sqlite.exec(`delete from partner where id = ${partner}`)).toThrow(/FOREIGN KEY/)
  })
})
