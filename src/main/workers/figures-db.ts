import type Database from 'better-sqlite3-multiple-ciphers'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import type { DB } from '../db/schema'
import type { TaskContext } from './task'

/** One query builder per kept connection: it lives as long as the connection does. */
const builders = new WeakMap<Database.Database, Kysely<DB>>()

/**
 * A Kysely over the worker's kept read connection (`TaskContext.readDatabase`), with the same
 * column names as main's, so a figure counted in a worker is counted exactly as on main. It is
 * never destroyed by the task: destroying it would close the kept connection.
 */
export function figuresDb(ctx: TaskContext): Kysely<DB> {
  const sqlite = ctx.readDatabase()
  let db = builders.get(sqlite)
  if (!db) {
    db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    })
    builders.set(sqlite, db)
  }
  return db
}
