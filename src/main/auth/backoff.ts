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

/** Whole seconds left until `until`, or 0 when it has passed or is not set. */
export function secondsLeft(until: string | null, nowMs: number): number {
  if (!until) return 0
  return Math.max(0, Math.ceil((Date.parse(until) - nowMs) / 1000))
}
