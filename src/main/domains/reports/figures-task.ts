import { figuresDb } from '../../workers/figures-db'
import { MAX_THREADS, type RunOptions, type WorkerPool } from '../../workers/pool'
import { defineTask, TaskCancelledError } from '../../workers/task'
import { countShare, SHARE_NAMES, type CountedAt, type Period, type ShareName } from './collect'

export interface FiguresInput {
  periods: Period[]
  today: string
  now: string
  /**
   * The next share to take (an Int32 at 0), shared by every thread counting these periods: each
   * takes the next one with an atomic add until none is left (see `FIGURE_SHARES`).
   */
  claims: SharedArrayBuffer
}

/** A share of the periods' counting, one value per period. */
export interface CountedShare {
  name: ShareName
  values: unknown[]
}

/**
 * The subsidy report's counts of the periods not kept, on a worker's kept read connection: a year
 * is some 100 ms of SQL at ten years of data on a connection whose cache was just emptied (a
 * write anywhere empties it), which on main would hold up every window. The report runs this task
 * on two threads at once, which take the shares one by one from the same counter: a thread that
 * starts late (the other one was busy with a backup) takes what is left, or nothing.
 */
export const subsidyFiguresTask = defineTask<FiguresInput, CountedShare[]>(
  'reports.figures',
  async ({ periods, today, now, claims }, ctx) => {
    const db = figuresDb(ctx)
    const next = new Int32Array(claims)
    const at = { today, now: new Date(now) }
    const out: CountedShare[] = []
    for (;;) {
      const i = Atomics.add(next, 0, 1)
      if (i >= SHARE_NAMES.length) return out
      const name = SHARE_NAMES[i]
      out.push({ name, values: await countShare(db, name, periods, at) })
    }
  },
)

/**
 * Every share of the periods, counted by `subsidyFiguresTask` on as many threads as the pool
 * runs at once. A helper still waiting for its turn when the others have counted everything (the
 * pool was busy with a backup) is withdrawn: the report does not wait for it.
 */
export async function countSharesOn(
  workers: Pick<WorkerPool, 'run'>,
  periods: Period[],
  at: CountedAt,
  options: RunOptions,
): Promise<Map<ShareName, unknown[]>> {
  const input: FiguresInput = {
    periods,
    today: at.today,
    now: at.now.toISOString(),
    claims: new SharedArrayBuffer(4),
  }
  const withdraw = new AbortController()
  const counted = new Map<ShareName, unknown[]>()
  await Promise.all(
    Array.from({ length: MAX_THREADS }, () =>
      workers.run(subsidyFiguresTask, input, { ...options, withdraw: withdraw.signal }).then(
        (shares) => {
          for (const s of shares) counted.set(s.name, s.values)
          if (counted.size === SHARE_NAMES.length) withdraw.abort()
        },
        (err: unknown) => {
          // A helper withdrawn once everything was counted is no failure.
          if (!(withdraw.signal.aborted && err instanceof TaskCancelledError)) throw err
        },
      ),
    ),
  )
  if (counted.size !== SHARE_NAMES.length)
    throw new Error('Not every share of the report was counted')
  return counted
}
