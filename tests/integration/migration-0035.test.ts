import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

/**
 * Migration 0035: the two figure indexes of `person` gain the columns of the trajectory figures,
 * so the subsidy report reads endings and intakes from the index alone (its speed on ten years of
 * data depends on it), and the volunteers' figures that name those indexes still find them.
 */

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig35-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const [name, m] of Object.entries(MIGRATIONS)) if (name < '0035') await m.up(db)
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

const columns = (index: string) =>
  (
    sqlite.prepare(`select name from pragma_index_info(?) order by seqno`).all(index) as {
      name: string
    }[]
  ).map((c) => c.name)

const plan = (query: string) =>
  (sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ')

it('keeps the columns the indexes had in front and adds what the trajectory figures read', async () => {
  expect(columns('person_outflow_figures')).toEqual([
    'outflow_on',
    'registered_on',
    'district',
    'programme_id',
    'outflow_kind',
  ])
  sqlite
    .prepare(
      `insert into person (reference, first_name, last_name, search_name, registered_on,
        intake_on, outflow_on, outflow_kind, created_at, updated_at)
       values ('P-1', 'Marja', 'Visser', 'marja visser', '2025-01-01', '2025-02-01',
        '2025-06-01', 'paid_work', 'x', 'x')`,
    )
    .run()
  await MIGRATIONS['0035-trajectory-indexes'].up(db)

  expect(columns('person_outflow_figures')).toEqual([
    'outflow_on',
    'registered_on',
    'district',
    'programme_id',
    'outflow_kind',
    'intake_on',
  ])
  expect(columns('person_intake_figures')).toEqual([
    'intake_on',
    'registered_on',
    'district',
    'programme_id',
  ])
  // The report's two reads (outcomes/stats-queries.ts) need no person row.
  expect(
    plan(`select programme_id, outflow_kind, intake_on, district from person
      where outflow_on between '2025-01-01' and '2025-12-31' and outflow_kind is not null`),
  ).toContain('COVERING INDEX person_outflow_figures')
  expect(
    plan(`select programme_id, registered_on, district from person
      where intake_on between '2025-01-01' and '2025-12-31'`),
  ).toContain('COVERING INDEX person_intake_figures')
  // The person is still there, and found through the rebuilt index.
  expect(
    sqlite
      .prepare(
        `select count(*) as n from person indexed by person_outflow_figures
         where outflow_on between '2025-01-01' and '2025-12-31'`,
      )
      .get(),
  ).toEqual({ n: 1 })
})
