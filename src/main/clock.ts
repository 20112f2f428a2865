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

/** A clock tests can move forward, e.g. to let a screen lock after idle minutes. */
export interface ManualClock extends Clock {
  advance(ms: number): void
  set(iso: string): void
}

export function manualClock(iso: string): ManualClock {
  let instant = new Date(iso)
  return {
    now: () => new Date(instant),
    today: () => dateInZone(instant),
    advance: (ms) => {
      instant = new Date(instant.getTime() + ms)
    },
    set: (next) => {
      instant = new Date(next)
    },
  }
}

/** The time of day in the shop's time zone, `HH:MM:SS`. */
export function timeInZone(instant: Date, timeZone = SHOP_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant)
}

/**
 * The instant a calendar day starts in the shop's time zone (midnight in Amsterdam is 22:00 or
 * 23:00 UTC the day before), so "from 1 March" means what the user means.
 */
export function startOfDayInZone(day: string, timeZone = SHOP_TIME_ZONE): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`)
  // The zone's offset at that moment; two passes settle days on which the offset changes.
  let guess = utcMidnight
  for (let i = 0; i < 2; i++) {
    const local = new Date(guess)
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(local)
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00'
    const asUtc = Date.parse(
      `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}Z`,
    )
    guess = utcMidnight - (asUtc - guess)
  }
  return new Date(guess)
}
