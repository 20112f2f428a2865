import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { REPORT_FIGURES_SOURCES } from '../../src/main/db/migrations/0026-report-figures-kept'

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig26-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: sqlite }),
  })
  for (const m of Object.values(MIGRATIONS)) await m.up(db)
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Keeps a count for each period (from, to). */
function keep(...periods: [string, string][]): void {
  for (const [from, to] of periods)
    sqlite
      .prepare(
        `insert or replace into report_figures_kept (from_on, to_on, area, version, figures, kept_at)
         values (?, ?, 'null', 'v', '{}', 'x')`,
      )
      .run(from, to)
}
const kept = (): string[] =>
  (
    sqlite.prepare('select from_on from report_figures_kept order by from_on').all() as {
      from_on: string
    }[]
  ).map((r) => r.from_on)
const changes = (): number =>
  (sqlite.prepare(`select n from kept_change where name = 'report-figures'`).get() as { n: number })
    .n

function addHousehold(district: string): void {
  sqlite
    .prepare(
      `insert into household (reference, contact_name, search_name, postcode, city, district,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values ('H-1', 'A', 'a', '1234AB', 'Utrecht', ?, 'werk', '2024-01-01', 'Anja', 'active',
        'x', 'x')`,
    )
    .run(district)
}

const YEARS: [string, string][] = [
  ['2024-01-01', '2024-12-31'],
  ['2025-01-01', '2025-12-31'],
  ['2026-01-01', '2026-12-31'],
]

describe('migration 0026: the subsidy report keeps its counts', () => {
  it('watches every table the counts read: insert, update and delete', () => {
    const triggers = new Set(
      (
        sqlite.prepare(`select name from sqlite_master where type = 'trigger'`).all() as {
          name: string
        }[]
      ).map((r) => r.name),
    )
    for (const table of REPORT_FIGURES_SOURCES) {
      for (const what of ['update', 'delete'])
        expect(triggers.has(`${table}_kept_figures_${what}`), `${table} ${what}`).toBe(true)
      // A new household has no visit yet: it moves no figure until one is written.
      expect(triggers.has(`${table}_kept_figures_insert`), `${table} insert`).toBe(
        table !== 'household',
      )
    }
  })

  it('drops the counts of the periods a dated row can move, and moves the change count', () => {
    keep(...YEARS)
    const before = changes()
    addHousehold('Noord')
    // A household alone moves nothing.
    expect(kept()).toEqual(['2024-01-01', '2025-01-01', '2026-01-01'])
    sqlite.exec(`insert into visit (household_id, date, served_by, created_at)
      values (1, '2025-06-01', 'Anja', 'x')`)
    expect(kept()).toEqual(['2024-01-01'])
    expect(changes()).toBeGreaterThan(before)
    keep(YEARS[1], YEARS[2])
    // Moved from 2026 to 2025: the earlier of the two days counts.
    sqlite.exec(`insert into visit (household_id, date, served_by, created_at)
      values (1, '2026-02-01', 'Anja', 'x')`)
    keep(YEARS[1], YEARS[2])
    sqlite.exec(`update visit set date = '2025-03-01' where date = '2026-02-01'`)
    expect(kept()).toEqual(['2024-01-01'])
    keep(YEARS[1], YEARS[2])
    // An activity counts on its day.
    sqlite.exec(`insert into activity (date, kind, title, participants, volunteers, created_at,
      updated_at) values ('2026-03-01', 'collective', 'Koffie', 3, 0, 'x', 'x')`)
    expect(kept()).toEqual(['2024-01-01', '2025-01-01'])
  })

  it('drops every count when a row that counts in any period changes, and only then', () => {
    keep(...YEARS)
    addHousehold('Noord')
    // What the figures do not read of a household moves nothing.
    sqlite.exec(`update household set notes = 'belt terug', district = 'Noord'`)
    expect(kept()).toHaveLength(3)
    sqlite.exec(`update household set district = 'Zuid'`)
    expect(kept()).toEqual([])
    keep(...YEARS)
    sqlite.exec(`insert into setting (key, value) values ('x', '1')`)
    expect(kept()).toEqual([])
    keep(...YEARS)
    sqlite.exec(`insert into complaint_category (name, search_name, active, sort)
      values ('Test-categorie', 'test-categorie', 1, 99)`)
    expect(kept()).toEqual([])
  })
})
