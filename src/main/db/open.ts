import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely'
import { MIGRATIONS } from './migrations'
import type { DB } from './schema'

export const DB_FILE_NAME = 'dichtbij.sqlite'

export interface OpenOptions {
  /** Path of the SQLite file; created when missing. */
  file: string
  /** Folder for the backup taken before migrating an existing file. */
  backupDir?: string
  /** Path to a better-sqlite3 `.node` built for another runtime (Electron). */
  nativeBinding?: string
  /** Used only to name the pre-migration backup. */
  now?: () => Date
}

export interface OpenDatabase {
  db: Kysely<DB>
  sqlite: Database.Database
  file: string
  close(): Promise<void>
}

export class DatabaseTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(`Database was written by a newer version of Dichtbij (migrations ${unknown.join(', ')})`)
    this.name = 'DatabaseTooNewError'
  }
}

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // An acknowledged write must survive a power cut; the shop's write rate makes this cheap.
  sqlite.pragma('synchronous = FULL')
}

/** Opens (and creates or migrates) the database file and returns a typed Kysely handle. */
export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  mkdirSync(dirname(options.file), { recursive: true })
  const sqlite = new Database(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  applyPragmas(sqlite)

  try {
    await migrate(sqlite, options)
  } catch (err) {
    sqlite.close()
    throw err
  }

  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  })
  return {
    db,
    sqlite,
    file: options.file,
    close: async () => {
      // Kysely's destroy closes the underlying better-sqlite3 handle.
      await db.destroy()
    },
  }
}

async function migrate(sqlite: Database.Database, options: OpenOptions): Promise<void> {
  const known = new Set(Object.keys(MIGRATIONS))
  const hasTable = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get()
  const applied: string[] = hasTable
    ? (sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map(
        (r) => r.name,
      )
    : []
  const unknown = applied.filter((n) => !known.has(n))
  if (unknown.length > 0) throw new DatabaseTooNewError(unknown)
  const pending = [...known].filter((n) => !applied.includes(n))
  if (pending.length === 0) return

  if (applied.length > 0 && options.backupDir) {
    mkdirSync(options.backupDir, { recursive: true })
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    await sqlite.backup(join(options.backupDir, `voor-migratie-${stamp}.sqlite`))
  }

  // Migrations run on a plain handle without plugins, so they stay frozen in time.
  const plain = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: sqlite }),
  })
  const migrator = new Migrator({ db: plain, provider })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error || failed) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  // Not destroyed: that would close the shared better-sqlite3 handle.
}
