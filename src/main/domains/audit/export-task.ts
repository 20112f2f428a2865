import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import type { DB } from '../../db/schema'
import { defineTask } from '../../workers/task'
import { writeAuditCsv, type AuditCsvInput } from './export-csv'

/**
 * The audit CSV written in a worker thread on the worker's own read-only connection (WAL lets
 * it read while main goes on writing): 780,000 entries are tens of seconds of formatting that
 * main's thread never sees. Progress per batch; a cancel stops it between batches.
 */
export const writeAuditCsvTask = defineTask<AuditCsvInput, { count: number; sizeBytes: number }>(
  'audit.writeCsv',
  async (input, ctx) => {
    // The same query builder and column names as main's, so the rows are read exactly as there.
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: ctx.openDatabase() }),
      plugins: [new CamelCasePlugin()],
    })
    try {
      return await writeAuditCsv(db, input, {
        progress: (done, total) => ctx.progress(done, total, 'writing'),
        throwIfCancelled: () => ctx.throwIfCancelled(),
      })
    } finally {
      await db.destroy()
    }
  },
)
