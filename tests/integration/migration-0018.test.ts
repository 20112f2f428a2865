import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>
const T = "'2026-03-01T10:00:00Z'"

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig18-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const name of Object.keys(MIGRATIONS).sort()) await MIGRATIONS[name].up(db)
  sqlite.exec(`insert into complaint (number, year, seq, received_on, channel, complainant_kind,
      complainant_name, about_kind, category_id, description, start_step, step,
      ack_working_days, decision_weeks, ack_due_on, decision_due_on, created_at, updated_at)
    values ('K-2026-001', 2026, 1, '2026-03-02', 'letter', 'contact', 'A. Klager', 'service', 1,
      'Te lang gewacht', 1, 1, 5, 6, '2026-03-09', '2026-04-13', ${T}, ${T})`)
  sqlite.exec(`insert into complaint_entry (id, complaint_id, kind, date, author_name, created_at)
    values (1, 1, 'note', '2026-03-03', 'Carla', ${T})`)
})
afterEach(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0018-complaint-entry-replace', () => {
  it('refuses INSERT OR REPLACE over an entry of the timeline, and takes a new entry', () => {
    expect(() =>
      sqlite.exec(`insert or replace into complaint_entry (id, complaint_id, kind, date,
        author_name, created_at) values (1, 1, 'note', '2026-03-04', 'Iemand', ${T})`),
    ).toThrow(/append-only/)
    expect(sqlite.prepare('select author_name from complaint_entry').all()).toEqual([
      { author_name: 'Carla' },
    ])
    sqlite.exec(`insert into complaint_entry (complaint_id, kind, date, author_name, created_at)
      values (1, 'note', '2026-03-05', 'Carla', ${T})`)
    expect(sqlite.prepare('select count(*) as n from complaint_entry').get()).toEqual({ n: 2 })
  })

  it('refuses INSERT OR REPLACE over a letter template version', () => {
    const id = (
      sqlite.prepare('select min(id) as id from complaint_letter_template').get() as {
        id: number
      }
    ).id
    expect(id).toBeGreaterThan(0)
    expect(() =>
      sqlite.exec(`insert or replace into complaint_letter_template (id, kind, version, subject,
        body, created_at) select id, kind, version, 'Anders', 'Anders', created_at
        from complaint_letter_template where id = ${id}`),
    ).toThrow(/append-only/)
  })
})
