import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

/** The areas tree (migration 0034): its rules hold on every path, and a change drops kept counts. */

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig34-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: sqlite }),
  })
  for (const name of Object.keys(MIGRATIONS).sort()) await MIGRATIONS[name].up(db)
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

const area = (name: string, kind: string, parent: number | null) =>
  Number(
    sqlite
      .prepare(
        `insert into area (name, kind, parent_id, created_at, updated_at) values (?, ?, ?, 'x', 'x')`,
      )
      .run(name, kind, parent).lastInsertRowid,
  )

describe('migration 0034', () => {
  it('puts only municipalities at the top, and every name once', () => {
    const m = area('Amersfoort', 'municipality', null)
    area('Noord', 'district', m)
    expect(() => area('Leusden', 'municipality', m)).toThrow(/CHECK/)
    expect(() => area('Zuid', 'district', null)).toThrow(/CHECK/)
    expect(() => area('Zuid', 'street', m)).toThrow(/CHECK/)
    expect(() => area('NOORD', 'village', m)).toThrow(/UNIQUE/)
    expect(() => area('Oost', 'district', 999)).toThrow(/FOREIGN/)
    sqlite
      .prepare(`insert into area_indicator (area_id, figure_key) values (?, 'shop.visits')`)
      .run(m)
    expect(() =>
      sqlite
        .prepare(`insert into area_indicator (area_id, figure_key) values (?, 'shop.visits')`)
        .run(m),
    ).toThrow(/UNIQUE|PRIMARY/)
  })

  it('drops the kept report counts when the tree changes', () => {
    const kept = () =>
      sqlite
        .prepare(
          `insert or replace into report_figures_kept (from_on, to_on, area, version, figures, kept_at)
           values ('2026-01-01', '2026-12-31', 'amersfoort', 'v', '{}', 'x')`,
        )
        .run()
    const count = () => sqlite.prepare('select count(*) from report_figures_kept').pluck().get()
    kept()
    const m = area('Amersfoort', 'municipality', null)
    expect(count()).toBe(0)
    kept()
    const d = area('Noord', 'district', m)
    expect(count()).toBe(0)
    kept()
    sqlite.prepare(`update area set name = 'Noord-Oost' where id = ?`).run(d)
    expect(count()).toBe(0)
    kept()
    sqlite.prepare(`delete from area where id = ?`).run(d)
    expect(count()).toBe(0)
  })
})
