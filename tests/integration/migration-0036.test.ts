import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

/** Saved import mappings (migration 0036): one name per kind, a JSON list, known kinds only. */

let dir: string
let sqlite: Database.Database
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig36-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Record<string, Record<string, unknown>>>({
    dialect: new SqliteDialect({ database: sqlite }),
  })
  for (const name of Object.keys(MIGRATIONS).sort()) await MIGRATIONS[name].up(db)
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

const save = (kind: string, name: string, mapping: string): number =>
  Number(
    sqlite
      .prepare(
        `insert into import_mapping (kind, name, mapping, created_at, updated_at) values (?, ?, ?, 'x', 'x')`,
      )
      .run(kind, name, mapping).lastInsertRowid,
  )

describe('migration 0036', () => {
  it('is listed after 0034 (0035 belongs to another change)', () => {
    const names = Object.keys(MIGRATIONS)
    expect(names).toContain('0036-imports')
    expect(names.indexOf('0036-imports')).toBeGreaterThan(names.indexOf('0034-areas'))
  })

  it('keeps one mapping per name and kind, as a JSON list', () => {
    const id = save('households', 'Oude lijst', '[{"field":"contactName","column":"Naam"}]')
    expect(id).toBeGreaterThan(0)
    save('people', 'Oude lijst', '[]')
    expect(() => save('households', 'OUDE LIJST', '[]')).toThrow(/UNIQUE/)
    expect(() => save('complaints', 'x', '[]')).toThrow(/CHECK/)
    expect(() => save('households', 'y', 'not json')).toThrow(/CHECK/)
    expect(() => save('households', 'z', '{"a":1}')).toThrow(/CHECK/)
  })
})
