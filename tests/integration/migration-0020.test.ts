import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0020 from '../../src/main/db/migrations/0020-volunteer-figures-speed'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig20-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The plan SQLite picks for a statement, as one line. */
function plan(sqlite: Database.Database, statement: string): string {
  return (sqlite.prepare(`explain query plan ${statement}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ')
}

describe('migration 0020-volunteer-figures-speed', () => {
  it('counts people per district without a sort and compares measurements from one index', async () => {
    const sqlite = new Database(join(dir, 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: sqlite }),
    })
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      if (name >= '0020') break
      await m.up(db)
    }
    const person = sqlite.prepare(
      `insert into person (reference, first_name, last_name, search_name, registered_on, district,
        created_at, updated_at) values (?, 'Anna', 'Jansen', 'anna jansen', '2025-01-01', ?,
        '2025-01-01T10:00:00Z', '2025-01-01T10:00:00Z')`,
    )
    person.run('D-00001', 'Noord')
    person.run('D-00002', null)
    const measurement = sqlite.prepare(
      `insert into measurement (person_id, measured_on, moment, version, progress_scores,
        created_at) values (1, ?, ?, 'zrm11', ?, '2025-01-01T10:00:00Z')`,
    )
    measurement.run('2025-02-01', 'intake', '12345123451')
    measurement.run('2025-09-01', 'reassessment', '22345123452')

    const people = `select p.district, p.programme_id, count(*) from person p
      where p.registered_on <= '2026-12-05' group by p.district, p.programme_id`
    const latest = `select m.id || ':' || coalesce(m.ladder, '') || ':' || m.progress_scores
      from measurement m where m.person_id = 1 and m.measured_on <= '2026-12-05'
      order by m.measured_on desc, m.id desc limit 1`
    // Before: every registered person sorted into groups; the latest measurement needs its row.
    expect(plan(sqlite, people)).toContain('TEMP B-TREE')
    expect(plan(sqlite, latest)).not.toContain('COVERING INDEX')

    await m0020.up(db)

    expect(
      plan(sqlite, people.replace('person p', 'person p indexed by person_by_district')),
    ).not.toContain('TEMP B-TREE')
    const after = plan(
      sqlite,
      latest.replace('measurement m', 'measurement m indexed by measurement_compare'),
    )
    expect(after).toContain('COVERING INDEX measurement_compare')
    expect(after).not.toContain('TEMP B-TREE')
    // The data is unchanged, and read the same way.
    expect(sqlite.prepare(latest).pluck().get()).toBe('2::22345123452')
    expect(
      sqlite
        .prepare(
          `select name from sqlite_master where type = 'index' and name = 'measurement_progress'`,
        )
        .all(),
    ).toEqual([])
    await db.destroy()
  })
})
