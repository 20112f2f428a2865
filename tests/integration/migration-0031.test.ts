import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { SUPPORT_FIGURES_SOURCES } from '../../src/main/db/migrations/0031-support'

/**
 * Help requests and informal carers (migration 0031): the tables hold their own rules whatever
 * path writes them, and a change in any table the report's support figures read drops the kept
 * report counts.
 */

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig31-'))
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

function person(): number {
  return Number(
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on, created_at, updated_at)
         values ('D-' || abs(random() % 100000), 'Marja', 'Visser', 'marja visser', '2026-01-01', 'x', 'x')`,
      )
      .run().lastInsertRowid,
  )
}

const request = (extra: string, values: string) =>
  sqlite
    .prepare(
      `insert into help_request (kind_id, asked, opened_on, created_at, updated_at${extra})
       values (1, 'Hulp', '2026-03-01', 'x', 'x'${values})`,
    )
    .run()

describe('migration 0031', () => {
  it('lists the five kinds of help, and keeps a request to its rules', () => {
    expect(sqlite.prepare('select name from help_kind order by sort').pluck().all()).toEqual([
      'Maatje',
      'Respijt voor een mantelzorger',
      'Thuisadministratie',
      'Vervoer of wandelen',
      'Anders',
    ])
    const p = person()
    // Nobody asking: refused. A person asking, or only a name: kept.
    expect(() => request('', '')).toThrow(/CHECK/)
    request(', person_id', `, ${p}`)
    request(', requester_name', `, 'Mevrouw Jansen'`)
    // Both a household and a person, a matched one without its day, an ended one without its day.
    expect(() => request(', person_id, household_id', `, ${p}, 1`)).toThrow(/CHECK|FOREIGN/)
    expect(() => request(', person_id, status', `, ${p}, 'matched'`)).toThrow(/CHECK/)
    expect(() => request(', person_id, status', `, ${p}, 'ended'`)).toThrow(/CHECK/)
    expect(() => request(', person_id, slot_mask', `, ${p}, 2097152`)).toThrow(/CHECK/)
  })

  it('keeps a load between 1 and 5, once per day, and removes a carer with their person', () => {
    const p = person()
    sqlite
      .prepare(
        `insert into informal_carer (person_id, cares_for, registered_on, created_at, updated_at)
         values (?, 'partner', '2026-02-01', 'x', 'x')`,
      )
      .run(p)
    const load = (day: string, n: number) =>
      sqlite
        .prepare(
          `insert into carer_load (person_id, measured_on, load, created_at) values (?, ?, ?, 'x')`,
        )
        .run(p, day, n)
    load('2026-02-01', 4)
    expect(() => load('2026-02-01', 3)).toThrow(/UNIQUE/)
    expect(() => load('2026-03-01', 6)).toThrow(/CHECK/)
    expect(() => load('2026-03-01', 0)).toThrow(/CHECK/)
    sqlite.prepare('delete from person where id = ?').run(p)
    expect(sqlite.prepare('select count(*) from carer_load').pluck().get()).toBe(0)
    expect(sqlite.prepare('select count(*) from informal_carer').pluck().get()).toBe(0)
  })

  it('drops the kept report counts on a change in every table the support figures read', () => {
    const kept = () => {
      sqlite
        .prepare(
          `insert or replace into report_figures_kept (from_on, to_on, area, version, figures, kept_at)
           values ('2026-01-01', '2026-12-31', '', 'v', '{}', 'x')`,
        )
        .run()
    }
    const count = () => sqlite.prepare('select count(*) from report_figures_kept').pluck().get()
    const p = person()
    const writes: Record<(typeof SUPPORT_FIGURES_SOURCES)[number], string> = {
      help_kind: `insert into help_kind (name, sort) values ('Boodschappen', 9)`,
      help_request: `insert into help_request (kind_id, person_id, asked, opened_on, created_at, updated_at)
        values (1, ${p}, 'Hulp', '2026-03-01', 'x', 'x')`,
      informal_carer: `insert into informal_carer (person_id, cares_for, registered_on, created_at, updated_at)
        values (${p}, 'partner', '2026-02-01', 'x', 'x')`,
      carer_load: `insert into carer_load (person_id, measured_on, load, created_at)
        values (${p}, '2026-02-01', 3, 'x')`,
      carer_support: `insert into carer_support (person_id, kind, given_on, created_at)
        values (${p}, 'respite', '2026-02-02', 'x')`,
      training_course: `insert into training_course (title, created_at, updated_at) values ('Basis', 'x', 'x')`,
      training_session: `insert into training_session (course_id, date, created_at, updated_at)
        values ((select max(id) from training_course), '2026-03-01', 'x', 'x')`,
      training_participant: `insert into training_participant (session_id, person_id, mark)
        values ((select max(id) from training_session), ${p}, 8)`,
      training_external_mark: `insert into training_external_mark (session_id, mark)
        values ((select max(id) from training_session), 7)`,
    }
    for (const table of SUPPORT_FIGURES_SOURCES) {
      kept()
      sqlite.prepare(writes[table]).run()
      expect(count(), `insert into ${table}`).toBe(0)
    }
    // And a change of a row already there.
    kept()
    sqlite.prepare(`update carer_load set load = 5`).run()
    expect(count()).toBe(0)
    kept()
    sqlite.prepare(`delete from training_external_mark`).run()
    expect(count()).toBe(0)
  })
})
