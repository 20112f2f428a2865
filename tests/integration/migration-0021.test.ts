import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0021 from '../../src/main/db/migrations/0021-placement-board'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig21-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The plan SQLite picks for a statement, as one line. */
function plan(sqlite: Database.Database, statement: string): string {
  return (sqlite.prepare(`explain query plan ${statement}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ')
}

describe('migration 0021-placement-board', () => {
  it("reads a board column's newest placements of one step without sorting the step", async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      if (name >= '0021') break
      await m.up(db)
    }
    const column = `select pl.id from placement pl where pl.step = 'proposed'
      order by pl.proposed_on desc, pl.id desc limit 25 offset 25`
    const counts = `select pl.step, count(*) from placement pl
      where pl.step in ('proposed', 'introduction') group by pl.step`
    // Before: every proposed placement is sorted to show the newest 25.
    expect(plan(sqlite, column)).toContain('TEMP B-TREE')

    await m0021.up(db)

    const after = plan(sqlite, column)
    expect(after).toContain('placement_step_proposed')
    expect(after).not.toContain('TEMP B-TREE')
    expect(plan(sqlite, counts)).toContain('COVERING INDEX placement_step_proposed')
    const indexes = sqlite
      .prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'placement'`)
      .pluck()
      .all()
    expect(indexes).toContain('placement_step_proposed')
    expect(indexes).not.toContain('placement_step')
    await db.destroy()
  })
})
