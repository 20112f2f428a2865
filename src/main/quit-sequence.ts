/**
 * How the app ends: one more backup of the day's work, then the database closes (and with it the
 * key leaves memory). Both are bounded in time: a backup folder on a hanging network drive or USB
 * stick must not keep a window-less process alive that holds the single-instance lock, so that
 * the next start of Dichtbij does nothing. No Electron import: index.ts wires it to will-quit,
 * Windows' session-end and powerMonitor's shutdown; the unit tests drive it with fake timers.
 */

/** A normal quit: enough for the backup of a large database on a slow USB stick. */
export const QUIT_TIME_LIMIT_MS = 30_000
/**
 * Shutdown or log-off: the system kills the app soon after it asks (Windows a few seconds after
 * session-end, systemd-logind's delay inhibitor 5 s by default). What is not backed up by then is
 * safe in the database file all the same: every acknowledged write is on disk (synchronous=FULL).
 */
export const SHUTDOWN_TIME_LIMIT_MS = 4_000

export type QuitReason = 'quit' | 'shutdown'
export type QuitOutcome = 'clean' | 'timedOut'

export interface QuitSteps {
  /** The closing backup; may reject (logged) or never settle (cut off by the time limit). */
  backup(): Promise<void>
  /** Closes the database; runs after the backup, also when the backup failed. */
  close(): Promise<void>
  log(message: string, err?: unknown): void
  /** setTimeout, replaceable in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
}

export function quitTimeLimitMs(reason: QuitReason): number {
  return reason === 'shutdown' ? SHUTDOWN_TIME_LIMIT_MS : QUIT_TIME_LIMIT_MS
}

export interface QuitSequence {
  /**
   * Starts the sequence, or joins the one under way. A later call with a shorter limit (a
   * shutdown during a normal quit) shortens it. Resolves once the database is closed ('clean')
   * or the limit passed ('timedOut'); then the caller ends the process.
   */
  run(reason: QuitReason): Promise<QuitOutcome>
  readonly started: boolean
}

export function createQuitSequence(steps: QuitSteps): QuitSequence {
  const setTimer = steps.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer =
    steps.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>))
  let outcome: Promise<QuitOutcome> | null = null
  let settle: (value: QuitOutcome) => void = () => {}
  let done = false
  const timers: unknown[] = []

  const finish = (value: QuitOutcome): void => {
    if (done) return
    done = true
    for (const timer of timers) clearTimer(timer)
    settle(value)
  }

  const work = async (): Promise<void> => {
    try {
      await steps.backup()
    } catch (err) {
      steps.log('Backup at close failed', err)
    }
    try {
      await steps.close()
    } catch (err) {
      steps.log('Closing the database failed', err)
    }
  }

  return {
    get started(): boolean {
      return outcome !== null
    },
    run(reason: QuitReason): Promise<QuitOutcome> {
      const limit = quitTimeLimitMs(reason)
      if (!done)
        timers.push(
          setTimer(() => {
            if (done) return
            steps.log(`Closing took longer than ${limit / 1000} s; quitting without waiting`)
            finish('timedOut')
          }, limit),
        )
      if (!outcome) {
        outcome = new Promise<QuitOutcome>((resolve) => {
          settle = resolve
        })
        void work().then(() => finish('clean'))
      }
      return outcome
    },
  }
}
