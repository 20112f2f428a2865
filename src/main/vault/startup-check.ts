import { DamagedDatabaseError, quickCheck } from '../db/open'
import { defineTask } from '../workers/task'

/**
 * SQLite's quick_check of the live database, on the worker's own read-only connection, right
 * after the first login opened it. It reads the whole file (seconds at ten years of data), so it
 * no longer stands between the password and the first screen; damage it finds puts the vault in
 * its 'damaged' state (see Vault.checkInBackground).
 */
export const startupCheckTask = defineTask<Record<string, never>, { problems: string[] }>(
  'vault.startupCheck',
  (_input, ctx) => {
    ctx.progress(0, 1, 'checking')
    const db = ctx.openDatabase()
    try {
      quickCheck(db)
      return { problems: [] }
    } catch (err) {
      if (err instanceof DamagedDatabaseError) return { problems: err.problems }
      // A file that cannot even be read is damaged as far as the user is concerned.
      return { problems: [err instanceof Error ? err.message : String(err)] }
    } finally {
      ctx.progress(1, 1, 'checking')
    }
  },
)
