import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'

/** A plain database file migrated up to (not including) one migration, for its test. */
export interface MigratedFile {
  sqlite: Database.Database
  db: Kysely<Record<string, Record<string, unknown>>>
  /** The migration under test, run on the file. */
  up(): Promise<void>
  /** An index's columns, in order (none when there is no such index). */
  columns(index: string): string[]
  /** SQLite's plan of a query, its steps joined by " | ". */
  plan(query: string): string
}

/**
 * Registers a fresh file before each test of the calling file, with every migration before
 * `name` applied, and removes it after. Read its fields inside the tests.
 */
export function migratedBefore(name: keyof typeof MIGRATIONS): MigratedFile {
  let dir = ''
  const file = {
    up: () => MIGRATIONS[name].up(file.db),
    columns: (index: string) =>
      (
        file.sqlite.prepare(`select name from pragma_index_info(?) order by seqno`).all(index) as {
          name: string
        }[]
      ).map((c) => c.name),
    plan: (query: string) =>
      (file.sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | '),
  } as MigratedFile
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dichtbij-migration-'))
    file.sqlite = new Database(join(dir, 'm.sqlite'))
    file.sqlite.pragma('foreign_keys = ON')
    file.db = new Kysely({ dialect: new SqliteDialect({ database: file.sqlite }) })
    for (const [other, m] of Object.entries(MIGRATIONS)) if (other < name) await m.up(file.db)
  })
  afterEach(() => {
    file.sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })
  return file
}
