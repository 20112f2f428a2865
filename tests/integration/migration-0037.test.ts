import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

/**
 * Migration 0037: the support figures (carers' loads, the carers and the help requests of a
 * period) read from indexes alone, so the subsidy report does not fetch their whole rows; the
 * carers' index keeps the column it had in front, and the rows already there are found.
 */

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig37-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const [name, m] of Object.entries(MIGRATIONS)) if (name < '0037') await m.up(db)
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

it('reads the support figures from indexes alone, and finds the rows already there', async () => {
  expect(columns('informal_carer_registered')).toEqual(['registered_on'])
  sqlite.exec(`
    insert into person (id, reference, first_name, last_name, search_name, registered_on,
      created_at, updated_at)
    values (1, 'P-1', 'Marja', 'Visser', 'marja visser', '2024-01-01', 'x', 'x');
    insert into informal_carer (person_id, cares_for, registered_on, created_at, updated_at)
    values (1, 'moeder', '2024-03-01', 'x', 'x');
    insert into carer_load (person_id, measured_on, load, created_at)
    values (1, '2024-03-01', 4, 'x'), (1, '2025-06-01', 2, 'x');
    insert into help_request (kind_id, person_id, asked, opened_on, created_at, updated_at)
    values (1, 1, 'boodschappen', '2025-02-01', 'x', 'x');
  `)
  await MIGRATIONS['0037-support-figure-indexes'].up(db)

  expect(columns('informal_carer_registered')).toEqual(['registered_on', 'ended_on'])
  expect(columns('carer_load_figures')).toEqual(['person_id', 'measured_on', 'load'])
  expect(columns('help_request_figures')).toEqual([
    'ended_on',
    'opened_on',
    'matched_on',
    'kind_id',
    'person_id',
    'household_id',
  ])

  // The reads of support/stats-queries.ts: no table row but the person's.
  const carers = `select c.person_id,
      (select l.load from carer_load l where l.person_id = c.person_id
        order by l.measured_on desc limit 1) as latest
    from informal_carer c
    where c.registered_on <= '2025-12-31' and (c.ended_on is null or c.ended_on >= '2025-01-01')`
  expect(plan(carers)).toContain('COVERING INDEX informal_carer_registered')
  expect(plan(carers)).toContain('COVERING INDEX carer_load_figures')
  expect(plan(carers)).not.toContain('TEMP B-TREE')
  const requests = `select kind_id, opened_on, matched_on from help_request
    where opened_on <= '2025-12-31' and (ended_on is null or ended_on >= '2025-01-01')`
  expect(
    plan(
      `${requests.replace('from help_request', 'from help_request indexed by help_request_figures')}`,
    ),
  ).toMatch(
    /SEARCH help_request USING COVERING INDEX help_request_figures \(ended_on=\?.*SEARCH help_request USING COVERING INDEX help_request_figures \(ended_on>\?\)/,
  )

  // The rows already there are found through the new indexes.
  expect(sqlite.prepare(carers).all()).toEqual([{ person_id: 1, latest: 2 }])
  expect(
    sqlite
      .prepare(
        `select count(*) as n from help_request indexed by help_request_figures
         where ended_on is null and opened_on <= '2025-12-31'`,
      )
      .get(),
  ).toEqual({ n: 1 })
})
