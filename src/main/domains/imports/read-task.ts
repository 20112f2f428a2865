import { AppError } from '../../../shared/errors'
import { defineTask } from '../../workers/task'
import { readImportFile, type ReadFile } from './read-file'

/** The file read, or the key of why it could not be (an AppError does not cross the thread). */
export type ReadOutcome = { ok: true; file: ReadFile } | { ok: false; key: string }

/**
 * A picked CSV or .xlsx read in a worker thread: a workbook of 10,000 rows takes exceljs a
 * second or more, which main's thread must not spend.
 */
export const readImportFileTask = defineTask<{ bytes: Uint8Array }, ReadOutcome>(
  'imports.readFile',
  async ({ bytes }, ctx) => {
    ctx.progress(0, 0, 'reading')
    try {
      return { ok: true, file: await readImportFile(bytes) }
    } catch (err) {
      if (err instanceof AppError) return { ok: false, key: err.key ?? 'importUnreadable' }
      return { ok: false, key: 'importUnreadable' }
    }
  },
)
