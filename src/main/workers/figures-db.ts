import type Database from 'better-sqlite3-multiple-ciphers'
import { CamelCasePlugin, Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import type { DB } from '../db/schema'
import type { TaskContext } from './task'

/** One query builder per kept connection: it lives as long as the connection does. */
const builders = new WeakMap<Database.Database, Kysely<DB>>()

/** How many prepared statements a kept connection holds on to (the least recently used go). */
export const STATEMENTS_KEPT = 200

/**
 * The connection as Kysely's dialect sees it, with its prepared statements kept by their text.
 * Kysely prepares every query anew, which parses and plans it each time: the subsidy report runs
 * some 120 statements for two years (48 different texts), about 10 ms of preparing on one thread
 * at ten years of data. A kept statement is used again only when no earlier run of it is still
 * being read (`busy`, an open iterator); otherwise a fresh one is prepared for that run.
 */
export function keptStatements(
  sqlite: Database.Database,
  max: number = STATEMENTS_KEPT,
): SqliteDatabase & { readonly kept: number } {
  const kept = new Map<string, Database.Statement>()
  return {
    get kept() {
      return kept.size
    },
    prepare(text: string) {
      const found = kept.get(text)
      if (found && !found.busy) {
        // Most recently used last, so the first in the map is the one to let go of.
        kept.delete(text)
        kept.set(text, found)
        return found
      }
      const statement = sqlite.prepare(text)
      if (!found) {
        kept.set(text, statement)
        if (kept.size > max) kept.delete(kept.keys().next().value as string)
      }
      return statement
    },
    close() {
      kept.clear()
      sqlite.close()
    },
  }
}

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
      dialect: new SqliteDialect({ database: keptStatements(sqlite) }),
      plugins: [new CamelCasePlugin()],
    })
    builders.set(sqlite, db)
  }
  return db
}
