import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

/** The trainings register's tables hold their own rules, whatever path writes them. */

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig30-'))
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

function session(): number {
  const course = sqlite
    .prepare(
      `insert into training_course (title, created_at, updated_at) values ('Basis', 'x', 'x')`,
    )
    .run().lastInsertRowid
  return Number(
    sqlite
      .prepare(
        `insert into training_session (course_id, date, created_at, updated_at)
         values (?, '2026-03-01', 'x', 'x')`,
      )
      .run(course).lastInsertRowid,
  )
}

function person(): number {
  return Number(
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on,
          created_at, updated_at)
         values ('D-1', 'Sanne', 'Visser', 'sanne visser', '2026-01-01', 'x', 'x')`,
      )
      .run().lastInsertRowid,
  )
}

describe('migration 0030: trainings', () => {
  it('names exactly one of an account and a person, once per session, with a mark of 1 to 10', () => {
    const s = session()
    const p = person()
    const add = sqlite.prepare(
      'insert into training_participant (session_id, account_id, person_id, mark) values (?, ?, ?, ?)',
    )
    expect(() => add.run(s, null, null, 5)).toThrow(/CHECK/)
    expect(() => add.run(s, 1, p, 5)).toThrow()
    expect(() => add.run(s, null, p, 11)).toThrow(/CHECK/)
    expect(() => add.run(s, null, p, 0)).toThrow(/CHECK/)
    add.run(s, null, p, 10)
    expect(() => add.run(s, null, p, 9)).toThrow(/UNIQUE/)
    expect(() =>
      sqlite.prepare('insert into training_external_mark (session_id, mark) values (?, 11)').run(s),
    ).toThrow(/CHECK/)
    expect(() =>
      sqlite.prepare(`update training_session set external_count = -1 where id = ?`).run(s),
    ).toThrow(/CHECK/)
  })

  it('takes everyone on a session away with it, and keeps a course that has sessions', () => {
    const s = session()
    const p = person()
    sqlite
      .prepare('insert into training_participant (session_id, person_id) values (?, ?)')
      .run(s, p)
    sqlite.prepare('insert into training_external_mark (session_id, mark) values (?, 7)').run(s)
    expect(() => sqlite.prepare('delete from training_course').run()).toThrow(/FOREIGN KEY/)
    sqlite.prepare('delete from training_session where id = ?').run(s)
    const count = (t: string) => sqlite.prepare(`select count(*) from ${t}`).pluck().get()
    expect([count('training_participant'), count('training_external_mark')]).toEqual([0, 0])
  })
})
