/** Time as the services see it; tests pass a fixed clock, the app the wall clock. */
export interface Clock {
  /** The current instant. */
  now(): Date
  /** Today's date in the shop's time zone, `YYYY-MM-DD`. */
  today(): string
}

export const SHOP_TIME_ZONE = 'Europe/Amsterdam'

export function dateInZone(instant: Date, timeZone = SHOP_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => dateInZone(new Date()),
}

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso)
  return { now: () => new Date(instant), today: () => dateInZone(instant) }
}
