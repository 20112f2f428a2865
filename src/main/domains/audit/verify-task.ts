import { defineTask } from '../../workers/task'
import { walkChain } from './chain'
import type { ChainOutcome } from './verify'

/**
 * The full walk over the audit log in a worker thread, on the worker's own read-only connection
 * (WAL lets it read while main goes on writing). Progress per batch; a cancel stops it between
 * batches. Its answer is the walk's end state, which main then holds against the backups.
 */
export const verifyChainTask = defineTask<Record<string, never>, ChainOutcome>(
  'audit.verifyChain',
  (_input, ctx) => {
    const sqlite = ctx.openDatabase()
    return walkChain(sqlite, {
      progress: (done, total) => ctx.progress(done, total, 'checking'),
      throwIfCancelled: () => ctx.throwIfCancelled(),
    })
  },
)
