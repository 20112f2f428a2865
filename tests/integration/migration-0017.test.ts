import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0017 from '../../src/main/db/migrations/0017-complaint-letters'
import { unknownPlaceholders } from '../../src/shared/schemas/complaint-letters'

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>

const T = "'2026-03-01T10:00:00Z'"

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig17-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  // Every migration before this one (the complaint and its timeline of 0016 among them).
  for (const name of Object.keys(MIGRATIONS).sort())
    if (name < '0017') await MIGRATIONS[name].up(db)
  sqlite.exec(`insert into complaint (number, year, seq, received_on, channel, complainant_kind,
      complainant_name, about_kind, category_id, description, start_step, step,
      ack_working_days, decision_weeks, ack_due_on, decision_due_on, created_at, updated_at)
    values ('K-2026-001', 2026, 1, '2026-03-02', 'letter', 'contact', 'A. Klager', 'service', 1,
      'Te lang gewacht', 1, 1, 5, 6, '2026-03-09', '2026-04-13', ${T}, ${T})`)
  sqlite.exec(`insert into complaint_entry (complaint_id, kind, date, author_name, created_at)
    values (1, 'letter', '2026-03-03', 'Carla', ${T})`)
})
afterEach(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const all = (q: string): unknown[] => sqlite.prepare(q).all()

describe('migration 0017-complaint-letters', () => {
  it('starts each letter at version 1 with the default Dutch text, every placeholder known', async () => {
    await m0017.up(db)
    const rows = all(
      'select kind, version, subject, body from complaint_letter_template order by id',
    ) as { kind: string; version: number; subject: string; body: string }[]
    expect(rows.map((r) => [r.kind, r.version])).toEqual([
      ['acknowledgement', 1],
      ['extension', 1],
      ['decision', 1],
    ])
    expect(rows[0]!.subject).toBe('Ontvangstbevestiging van uw klacht {{klachtnummer}}')
    expect(rows[1]!.body).toContain('{{reden_verlenging}}')
    expect(rows[1]!.body).toContain('{{nieuwe_beslistermijn}}')
    expect(rows[2]!.body).toContain('{{uitkomst}}')
    expect(rows[2]!.body).toContain('{{maatregelen}}')
    expect(rows[2]!.body).toContain('{{beslisser}}')
    for (const r of rows) expect(unknownPlaceholders(r.subject + r.body), r.kind).toEqual([])
  })

  it('never overwrites or removes a template version, and a version is unique per kind', async () => {
    await m0017.up(db)
    expect(() =>
      sqlite.exec(`update complaint_letter_template set body = 'x' where id = 1`),
    ).toThrow(/append-only/)
    expect(() => sqlite.exec('delete from complaint_letter_template where id = 1')).toThrow(
      /append-only/,
    )
    expect(() =>
      sqlite.exec(`insert into complaint_letter_template (kind, version, subject, body, created_at)
        values ('decision', 1, 's', 'b', ${T})`),
    ).toThrow(/UNIQUE/)
    expect(() =>
      sqlite.exec(`insert into complaint_letter_template (kind, version, subject, body, created_at)
        values ('reminder', 1, 's', 'b', ${T})`),
    ).toThrow(/CHECK/)
    sqlite.exec(`insert into complaint_letter_template (kind, version, subject, body, created_at)
        values ('decision', 2, 's', 'b', ${T})`)
    expect(all('select count(*) as n from complaint_letter_template')).toEqual([{ n: 4 }])
  })

  it('keeps a letter fixed but for its filled-in values, which anonymising clears', async () => {
    await m0017.up(db)
    sqlite.exec(`insert into complaint_letter (complaint_id, kind, template_id, letter_date,
        entry_id, values_json, created_at, created_by_name)
      values (1, 'acknowledgement', 1, '2026-03-03', 1, '[{"address":["A. Klager"]}]', ${T},
        'Carla')`)
    sqlite.exec('update complaint_letter set values_json = null where id = 1')
    expect(all('select values_json from complaint_letter')).toEqual([{ values_json: null }])
    for (const change of [
      `letter_date = '2026-03-04'`,
      'template_id = 2',
      `kind = 'decision'`,
      'entry_id = null',
      `created_by_name = 'Iemand'`,
    ])
      expect(
        () => sqlite.exec(`update complaint_letter set ${change} where id = 1`),
        change,
      ).toThrow(/fixed/)
    // Only for a complaint, a template and an entry that exist.
    expect(() =>
      sqlite.exec(`insert into complaint_letter (complaint_id, kind, template_id, letter_date,
          created_at, created_by_name) values (9, 'decision', 1, '2026-03-03', ${T}, 'Carla')`),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      sqlite.exec(`insert into complaint_letter (complaint_id, kind, template_id, letter_date,
          created_at, created_by_name) values (1, 'decision', 99, '2026-03-03', ${T}, 'Carla')`),
    ).toThrow(/FOREIGN KEY/)
    const plan = all(
      'explain query plan select id from complaint_letter where complaint_id = 1 order by id',
    ) as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('complaint_letter_complaint')
  })
})
