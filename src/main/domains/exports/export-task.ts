import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { LIST_EXPORT_WORDS } from '../../../shared/i18n/list-exports'
import type { ExportsListParsed } from '../../../shared/schemas/exports'
import type { DB } from '../../db/schema'
import { csvWriter, xlsxWriter, type RowWriter } from '../../export/stream'
import { defineTask } from '../../workers/task'
import { countList, listBatches, listColumns } from './lists'

export interface ListFileInput {
  input: ExportsListParsed
  /** Main's day: it decides who counts as a child in the households list. */
  today: string
  /** The new temp file to write (it must not exist yet). */
  path: string
}

/**
 * A list written to its file in a worker thread, batch by batch with progress; a cancel stops
 * it between batches. All batches are read in one read transaction on the task's own
 * connection, so the file is one moment's list even while main goes on writing.
 */
export const writeListFileTask = defineTask<ListFileInput, { count: number; sizeBytes: number }>(
  'exports.writeList',
  async ({ input, today, path }, ctx) => {
    const sqlite = ctx.openDatabase()
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    })
    const words = LIST_EXPORT_WORDS[input.language]
    const columns = listColumns(input.list, words)
    let writer: RowWriter | undefined
    let done = false
    try {
      sqlite.exec('begin')
      const total = await countList(db, input, today)
      ctx.progress(0, total, 'writing')
      writer =
        input.format === 'csv'
          ? csvWriter(path, columns)
          : xlsxWriter(path, words.names[input.list], columns)
      let count = 0
      for await (const rows of listBatches(db, input, today, words)) {
        ctx.throwIfCancelled()
        await writer.write(rows)
        count += rows.length
        ctx.progress(count, Math.max(total, count), 'writing')
      }
      const sizeBytes = await writer.close()
      done = true
      return { count, sizeBytes }
    } finally {
      // A cancelled or failed file is closed here; main removes it.
      if (!done) await writer?.close().catch(() => undefined)
      if (sqlite.inTransaction) sqlite.exec('rollback')
      await db.destroy()
    }
  },
)
