import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig25-'))
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

const submission = `insert into report_submission (from_on, to_on, area, language, made_at,
  made_by_name, app_version, figures_json, manifest_json, pdf, pdf_sha256, figures_sha256)
  values ('2026-01-01', '2026-12-31', '', 'nl', '2027-01-10T10:00:00Z', 'Bea', '1.0.0', '[]',
  '{}', x'255044462d', 'a', 'b')`

describe('migration 0025: the subsidy report', () => {
  it('keeps a frozen report as it was: no update, no delete', () => {
    sqlite.exec(submission)
    expect(() => sqlite.exec(`update report_submission set figures_json = '[1]'`)).toThrow(/frozen/)
    expect(() => sqlite.exec(`delete from report_submission`)).toThrow(/frozen/)
    const row = sqlite.prepare('select figures_json, pdf from report_submission').get() as {
      figures_json: string
      pdf: Buffer
    }
    expect(row.figures_json).toBe('[]')
    expect(row.pdf.toString()).toBe('%PDF-')
  })

  it('refuses an activity of another kind or with a negative count', () => {
    const insert = (kind: string, participants: number): void => {
      sqlite
        .prepare(
          `insert into activity (date, kind, title, participants, volunteers, created_at,
            updated_at) values ('2026-03-01', ?, 'Koffieochtend', ?, 0, 'x', 'x')`,
        )
        .run(kind, participants)
    }
    insert('collective', 10)
    expect(() => insert('party', 10)).toThrow(/CHECK/)
    expect(() => insert('initiative', -1)).toThrow(/CHECK/)
    expect(() =>
      sqlite.exec(
        `insert into advice_tally (date, count, created_at) values ('2026-03-01', 0, 'x')`,
      ),
    ).toThrow(/CHECK/)
  })

  it('keeps one target per figure, year and area, and one text per period, kind and key', () => {
    const target = `insert into report_target (year, area, figure_key, value, updated_at)
      values (2026, '', 'shop.visits', 100, 'x')`
    sqlite.exec(target)
    expect(() => sqlite.exec(target)).toThrow(/UNIQUE|PRIMARY/)
    const text = `insert into report_text (from_on, to_on, area, kind, key, text, updated_at)
      values ('2026-01-01', '2026-12-31', '', 'narrative', 'shop', 'Tekst', 'x')`
    sqlite.exec(text)
    expect(() => sqlite.exec(text)).toThrow(/UNIQUE|PRIMARY/)
  })
})
