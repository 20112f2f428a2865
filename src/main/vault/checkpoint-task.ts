import { defineTask } from '../workers/task'

/** What `wal_checkpoint(PASSIVE)` answered: frames in the log, and how many are in the file. */
export interface CheckpointOutcome {
  busy: number
  log: number
  checkpointed: number
}

/**
 * Folds the write-ahead log into the database file, on a connection of its own in a worker.
 * PASSIVE: it waits for no reader or writer and copies what it can. Main's connection leaves this
 * to the worker (its automatic checkpoint is only a backstop, see `openDatabase`'s `onWrite`):
 * at ten years of data a checkpoint of a thousand pages with its fsyncs held main for 50-80 ms
 * at the commit that happened to cross the line.
 */
export const checkpointTask = defineTask<Record<string, never>, CheckpointOutcome>(
  'wal.checkpoint',
  (_input, ctx) => {
    const db = ctx.openDatabase({ readonly: false })
    const [outcome] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointOutcome[]
    return outcome
  },
)
