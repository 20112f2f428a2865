import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { GatedSqliteDialect, type WriteGate } from './write-gate'
import { CamelCasePlugin, Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely'
import { MIGRATIONS } from './migrations'
import type { DB } from './schema'

export const DB_FILE_NAME = 'dichtbij.sqlite'

export interface OpenOptions {
  /** Path of the SQLite file; created when missing. */
  file: string
  /**
   * The 32-byte database key (SQLCipher 4 format). Without it the file is opened in the clear,
   * which only the upgrade of a database from before encryption and its tests do.
   */
  key?: Buffer
  /**
   * Runs before pending migrations touch an existing file, e.g. to take a backup. It gets the
   * open handle and the names of the migrations about to run.
   */
  beforeMigrate?: (sqlite: Database.Database, pending: string[]) => Promise<void>
  /** Path to a better-sqlite3 `.node` built for another runtime (Electron). */
  nativeBinding?: string
  /**
   * Skip `quick_check` before opening: for a file checked a moment ago (a fresh copy), and at a
   * login, where the vault runs the check in a worker right after opening (it reads the whole
   * file: seconds at ten years of data).
   */
  skipQuickCheck?: boolean
  /** Writes first ask this gate (held while the start-up check runs in a worker). */
  writeGate?: WriteGate
  /**
   * False opens the file as it is, without migrating: only to log in to a database from before
   * encryption, which is migrated right after it has been encrypted.
   */
  migrate?: boolean
  /**
   * Called after every statement that wrote (with `writeGate`): whoever passes it folds the
   * write-ahead log into the file elsewhere (the vault, in a worker), and main's own automatic
   * checkpoint moves from 1,000 pages to `BACKSTOP_CHECKPOINT_PAGES`, for when that fails.
   */
  onWrite?: () => void
}

/** Main's own automatic checkpoint when a worker does them: 10,000 pages (40 MB of log). */
export const BACKSTOP_CHECKPOINT_PAGES = 10_000

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

/** The key does not open the file (or the file is not a database at all). */
export class WrongKeyError extends Error {
  constructor() {
    super('The key does not open this database')
    this.name = 'WrongKeyError'
  }
}

/** `quick_check` found damage: the file opens but cannot be trusted. */
export class DamagedDatabaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`The database is damaged: ${problems.slice(0, 3).join('; ')}`)
    this.name = 'DamagedDatabaseError'
  }
}

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
}

/**
 * SQLCipher 4 settings, then the key: the cipher and its compatibility level must be chosen
 * before the key, or SQLite3 Multiple Ciphers falls back to its own default cipher.
 */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  sqlite.pragma(`cipher = 'sqlcipher'`)
  sqlite.pragma('legacy = 4')
  // A raw key (x'..'): no passphrase derivation, the key slots already did that.
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`)
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // An acknowledged write must survive a power cut; the shop's write rate makes this cheap.
  sqlite.pragma('synchronous = FULL')
}

/**
 * The database and its -wal and -shm files are for this account only, whatever the umask of the
 * process that opens it (the demo seed and tests have none of the app's). SQLite gives the -wal and
 * -shm files the mode of the database file, so a new file is made with 600 before SQLite sees it,
 * and one that is open to others (an older seed's 644) is narrowed.
 */
export function keepDatabaseFilesPrivate(file: string): void {
  if (process.platform === 'win32') return
  try {
    writeFileSync(file, '', { mode: 0o600, flag: 'wx' })
  } catch (err) {
    // It is there already (the usual case): only its mode is looked at below.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue
    const mode = statSync(f).mode & 0o777
    if (mode & 0o077) chmodSync(f, mode & 0o700)
  }
}

/** Opens (and creates or migrates) the database file and returns a typed Kysely handle. */
export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  mkdirSync(dirname(options.file), { recursive: true })
  keepDatabaseFilesPrivate(options.file)
  const sqlite = new Database(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    if (options.key) applyKey(sqlite, options.key)
    checkReadable(sqlite)
    applyPragmas(sqlite)
    if (!options.skipQuickCheck) quickCheck(sqlite)
    if (options.migrate !== false) await migrate(sqlite, options)
  } catch (err) {
    sqlite.close()
    // Without the check up front (it runs in a worker after opening), a damaged page can first
    // show up here, while the migrations are looked at: it is the same finding.
    if (err instanceof Error && 'code' in err && /^SQLITE_CORRUPT/.test(String(err.code)))
      throw new DamagedDatabaseError([err.message])
    throw err
  }

  if (options.onWrite && options.writeGate)
    sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
  const db = new Kysely<DB>({
    dialect: options.writeGate
      ? new GatedSqliteDialect(
          { database: sqlite },
          options.writeGate,
          `${options.file}-wal`,
          options.onWrite ?? null,
        )
      : new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  })
  return {
    db,
    sqlite,
    file: options.file,
    close: async () => {
      // Kysely closes the handle only if a query went through it; close it ourselves too, or the
      // file, its WAL and the key stay open after an open-and-close without a query.
      await db.destroy()
      if (sqlite.open) sqlite.close()
    },
  }
}

/** The first read tells a wrong key (or a file that is no database) from a right one. */
function checkReadable(sqlite: Database.Database): void {
  try {
    sqlite.prepare('select count(*) from sqlite_master').get()
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_NOTADB')
      throw new WrongKeyError()
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CORRUPT')
      throw new DamagedDatabaseError([err.message])
    throw err
  }
}

/** SQLite's fast consistency check; a damaged file is refused instead of being written to. */
export function quickCheck(sqlite: Database.Database): void {
  let rows: { quick_check: string }[]
  try {
    rows = sqlite.pragma('quick_check') as { quick_check: string }[]
  } catch (err) {
    throw new DamagedDatabaseError([err instanceof Error ? err.message : String(err)])
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  if (problems.length > 0) throw new DamagedDatabaseError(problems)
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

  if (applied.length > 0 && options.beforeMigrate) await options.beforeMigrate(sqlite, pending)

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
