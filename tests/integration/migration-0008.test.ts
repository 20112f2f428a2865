import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as m0007 from '../../src/main/db/migrations/0007-audit-subject'
import * as m0008 from '../../src/main/db/migrations/0008-visit-span'

/** The previous version's demo data (see migration-0007.test.ts), migrations 0001-0006 applied. */
const PREVIOUS_DEMO = join(__dirname, '../fixtures/previous-version/demo-0006.sql')

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig8-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.exec(`BEGIN; ${readFileSync(PREVIOUS_DEMO, 'utf8')} COMMIT;`)
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  await m0007.up(db)
})
afterEach(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

type Span = { household_id: number; first_visit_on: string; last_visit_on: string }

const kept = (): Span[] =>
  sqlite.prepare('select * from household_visit_span order by household_id').all() as Span[]

/** The span as the visits say it, counted the slow way. */
const recount = (): Span[] =>
  sqlite
    .prepare(
      `select household_id, min(date) as first_visit_on, max(date) as last_visit_on
       from visit group by household_id order by household_id`,
    )
    .all() as Span[]

const visitOf = (householdId: number, date: string): number =>
  Number(
    sqlite
      .prepare(
        `insert into visit (household_id, date, served_by, created_at)
         values (?, ?, 'Anja', '2026-06-15T10:00:00Z')`,
      )
      .run(householdId, date).lastInsertRowid,
  )

describe('migration 0008-visit-span', () => {
  it('fills the first and last visit of every household that has visits, from the old data', async () => {
    const before = recount()
    expect(before.length).toBeGreaterThan(2)
    await m0008.up(db)
    expect(kept()).toEqual(before)
    const indexes = (
      sqlite.prepare("select name from sqlite_master where type = 'index'").all() as {
        name: string
      }[]
    ).map((r) => r.name)
    expect(indexes).toEqual(
      expect.arrayContaining([
        'household_status_eligible',
        'visit_date_household',
        'appointment_date_status_household',
        'appointment_household_status_date',
        'intake_date_household',
      ]),
    )
    // Replaced by the wider indexes that start with the same column.
    expect(indexes).not.toContain('visit_date')
    expect(indexes).not.toContain('appointment_date')
    expect(indexes).not.toContain('intake_date')
  })

  it('keeps the span right whatever writes the visits: insert, correction, move, removal', async () => {
    await m0008.up(db)
    const [a, b] = (
      sqlite.prepare('select id from household order by id limit 2').all() as { id: number }[]
    ).map((r) => r.id)
    sqlite.prepare('delete from visit_item').run()
    sqlite.prepare('delete from visit where household_id in (?, ?)').run(a, b)
    expect(kept().some((s) => s.household_id === a || s.household_id === b)).toBe(false)

    const early = visitOf(a, '2020-02-01')
    const late = visitOf(a, '2024-09-30')
    visitOf(a, '2022-05-05')
    expect(kept()).toEqual(recount())
    expect(kept().find((s) => s.household_id === a)).toEqual({
      household_id: a,
      first_visit_on: '2020-02-01',
      last_visit_on: '2024-09-30',
    })

    // A corrected date, a visit moved to another household, the first and the last removed.
    sqlite.prepare("update visit set date = '2019-12-31' where id = ?").run(late)
    expect(kept()).toEqual(recount())
    sqlite.prepare('update visit set household_id = ? where id = ?').run(b, early)
    expect(kept()).toEqual(recount())
    expect(kept().find((s) => s.household_id === b)?.first_visit_on).toBe('2020-02-01')
    sqlite.prepare('delete from visit where id = ?').run(early)
    expect(kept().some((s) => s.household_id === b)).toBe(false)
    expect(kept()).toEqual(recount())

    // Many at once, as a bulk import writes them, in one statement.
    sqlite
      .prepare(
        `insert into visit (household_id, date, served_by, created_at)
         select id, '2018-0' || (id % 9 + 1) || '-15', 'Anja', '2026-06-15T10:00:00Z'
         from household`,
      )
      .run()
    expect(kept()).toEqual(recount())

    // A household removed with everything that hangs off it leaves no span behind.
    sqlite.prepare('delete from visit_item').run()
    sqlite.prepare('update visit set appointment_id = null').run()
    sqlite.prepare('delete from appointment where household_id = ?').run(a)
    for (const t of ['intake_topic', 'intake_referral'])
      sqlite
        .prepare(
          `delete from ${t} where intake_id in (select id from intake where household_id = ?)`,
        )
        .run(a)
    sqlite.prepare('delete from intake where household_id = ?').run(a)
    sqlite.prepare('delete from member where household_id = ?').run(a)
    sqlite.prepare('delete from call_list_contact where household_id = ?').run(a)
    sqlite.prepare('delete from household where id = ?').run(a)
    expect(kept().some((s) => s.household_id === a)).toBe(false)
    expect(kept()).toEqual(recount())
  })
})
