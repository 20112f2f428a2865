import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keptStatements } from '../../src/main/workers/figures-db'

// The worker's figures connection keeps its prepared statements (`keptStatements`): the counts
// read through it must stay exactly what a fresh statement reads, whatever happened in between.
describe('kept statements of a read connection', () => {
  let dir: string
  let writer: Database.Database
  let reader: Database.Database

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dichtbij-kept-'))
    writer = new Database(join(dir, 'db.sqlite'))
    writer.pragma('journal_mode = WAL')
    writer.exec('create table visit (id integer primary key, day text not null, n integer)')
    const add = writer.prepare('insert into visit (day, n) values (?, ?)')
    for (let i = 1; i <= 50; i++) add.run(`2025-01-${String((i % 28) + 1).padStart(2, '0')}`, i)
    reader = new Database(join(dir, 'db.sqlite'), { readonly: true })
  })

  afterEach(() => {
    reader.close()
    writer.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('prepares a text once and reads what was written since by another connection', () => {
    const db = keptStatements(reader)
    const count = 'select count(*) as n, sum(n) as total from visit where day >= ?'
    const first = db.prepare(count)
    expect(first.all(['2025-01-01'])).toEqual([{ n: 50, total: 1275 }])
    writer.prepare('insert into visit (day, n) values (?, ?)').run('2025-02-01', 100)
    expect(db.prepare(count)).toBe(first)
    expect(db.prepare(count).all(['2025-01-01'])).toEqual([{ n: 51, total: 1375 }])
    // A change of the schema (an index added by a migration) does not leave it reading wrongly.
    writer.exec('create index visit_day on visit (day, n)')
    writer.prepare('delete from visit where n > 40').run()
    expect(db.prepare(count).all(['2025-01-01'])).toEqual([{ n: 40, total: 820 }])
    expect(db.kept).toBe(1)
  })

  it('gives a fresh statement while the kept one is still being read', () => {
    const db = keptStatements(reader)
    const text = 'select id from visit where id <= ? order by id'
    const kept = db.prepare(text)
    const open = kept.iterate([3])
    expect(open.next().value).toEqual({ id: 1 })
    // The same text again while the iterator is open: another statement, which reads in full.
    const other = db.prepare(text)
    expect(other).not.toBe(kept)
    expect(other.all([2])).toEqual([{ id: 1 }, { id: 2 }])
    expect([...open]).toEqual([{ id: 2 }, { id: 3 }])
    // Once the iterator is done, the kept one is used again.
    expect(db.prepare(text)).toBe(kept)
  })

  it('lets the least recently used text go once it holds the most it may', () => {
    const db = keptStatements(reader, 3)
    const texts = [1, 2, 3, 4].map((i) => `select ${i} as v from visit limit 1`)
    const a = db.prepare(texts[0])
    db.prepare(texts[1])
    db.prepare(texts[2])
    // Using the first makes the second the least recently used one.
    expect(db.prepare(texts[0])).toBe(a)
    const b2 = db.prepare(texts[3])
    expect(b2.all([])).toEqual([{ v: 4 }])
    expect(db.kept).toBe(3)
    expect(db.prepare(texts[0])).toBe(a)
    expect(db.prepare(texts[1]).all([])).toEqual([{ v: 2 }])
    expect(db.kept).toBe(3)
  })

  it('serves Kysely the same rows as a connection without kept statements', async () => {
    const plain = new Kysely<Record<string, never>>({
      dialect: new SqliteDialect({ database: reader }),
      plugins: [new CamelCasePlugin()],
    })
    const keeping = new Kysely<Record<string, never>>({
      dialect: new SqliteDialect({ database: keptStatements(reader) }),
      plugins: [new CamelCasePlugin()],
    })
    const query = (day: string) =>
      sql<{
        day: string
        visits: number
      }>`select day, count(*) as visits from visit where day >= ${day} group by day order by day`
    for (const day of ['2025-01-01', '2025-01-20', '2025-01-27', '2025-01-20']) {
      const [a, b] = [await query(day).execute(plain), await query(day).execute(keeping)]
      expect(b.rows).toEqual(a.rows)
      expect(b.rows.length).toBeGreaterThan(0)
    }
  })
})
