/** Failures allowed before an account has to wait. */
export const FREE_ATTEMPTS = 4
export const FIRST_WAIT_SECONDS = 30
/** The wait stops doubling at an hour, so a guesser cannot lock a coordinator out for days. */
export const MAX_WAIT_SECONDS = 3600

/**
 * Seconds an account waits after its `failures`-th failed attempt in a row: none for the first
 * four, 30 after the fifth, then doubling with each further failure (60, 120, ...), at most an hour.
 */
export function waitAfterFailures(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0
  const doublings = failures - FREE_ATTEMPTS - 1
  if (doublings >= 12) return MAX_WAIT_SECONDS
  return Math.min(FIRST_WAIT_SECONDS * 2 ** doublings, MAX_WAIT_SECONDS)
}

/**
 * Runs one password check per key at a time. Without it, many requests sent at once would all
 * read "no wait" before the first failure is counted, and guess in parallel.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve()
    const result = before.then(task, task)
    const tail = result.catch(() => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }
}

/**
 * Failures for usernames that do not exist, kept in memory, so an unknown name meets the same
 * waits as a real one and the answers do not tell which names exist.
 */
export class UnknownNameFailures {
  private readonly byName = new Map<string, { failures: number; waitUntil: number }>()

  secondsLeft(name: string, nowMs: number): number {
    const entry = this.byName.get(name)
    return entry ? Math.max(0, Math.ceil((entry.waitUntil - nowMs) / 1000)) : 0
  }

  /** Counts a failure and returns the wait it brings, like an account's counter. */
  fail(name: string, nowMs: number): number {
    const failures = (this.byName.get(name)?.failures ?? 0) + 1
    const wait = waitAfterFailures(failures)
    this.byName.set(name, { failures, waitUntil: nowMs + wait * 1000 })
    // A guesser trying endless names must not fill memory: forget the oldest.
    if (this.byName.size > 10_000) this.byName.delete(this.byName.keys().next().value as string)
    return wait
  }
}

/** Whole seconds left until `until`, or 0 when it has passed or is not set. */
export function secondsLeft(until: string | null, nowMs: number): number {
  if (!until) return 0
  return Math.max(0, Math.ceil((Date.parse(until) - nowMs) / 1000))
}
