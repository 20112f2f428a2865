import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0019 from '../../src/main/db/migrations/0019-volunteer-speed'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig19-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The plan SQLite picks for a statement, as one line. */
function plan(sqlite: Database.Database, statement: string): string {
  return (sqlite.prepare(`explain query plan ${statement}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ')
}

describe('migration 0019-volunteer-speed', () => {
  it("lets the dashboard read last month's missing hours and the waiting list from indexes", async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      if (name >= '0019') break
      await m.up(db)
    }
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on,
          created_at, updated_at) values ('D-00001', 'Anna', 'Jansen', 'anna jansen',
          '2025-01-01', '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z')`,
      )
      .run()
    const hours = `select count(*) as total, sum(h.id is null) as missing
      from placement pl left join volunteer_hours h
        on h.person_id = pl.person_id and h.placement_id = pl.id and h.month = '2026-11'`
    const waiting = `select p.id from person p where p.intake_on is null and p.outflow_on is null
      and p.anonymised_at is null and p.status = 'registered' and p.registered_on <= '2026-12-05'
      order by p.registered_on, p.id limit 100`
    // Before: a table row per placement, and every registered person sorted.
    expect(plan(sqlite, hours)).not.toContain('COVERING INDEX volunteer_hours_placement_person')
    expect(plan(sqlite, waiting)).toContain('TEMP B-TREE')

    await m0019.up(db)

    expect(plan(sqlite, hours)).toContain('COVERING INDEX volunteer_hours_placement_person')
    expect(plan(sqlite, waiting)).toContain('INDEX person_waiting')
    expect(plan(sqlite, waiting)).not.toContain('TEMP B-TREE')
    // The data is unchanged: the person is still there and still waiting.
    expect(sqlite.prepare(waiting).all()).toEqual([{ id: 1 }])
    await db.destroy()
  })
})
