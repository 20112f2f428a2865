/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day. */

export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`)
}

export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

export function addDays(day: string, n: number): string {
  const d = parseDay(day)
  d.setUTCDate(d.getUTCDate() + n)
  return formatDay(d)
}

/** Adds months, clamping to the month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(day: string, n: number): string {
  const d = parseDay(day)
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1))
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay))
  return formatDay(target)
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(day: string): number {
  const wd = parseDay(day).getUTCDay()
  return wd === 0 ? 7 : wd
}

/** Monday of the week that holds `day` (weeks start on Monday in the Netherlands). */
export function startOfWeek(day: string): string {
  return addDays(day, 1 - isoWeekday(day))
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000)
}

/** Shows an ISO day as `dd-mm-jjjj`, the way Dutch users write it. */
export function toDutchDate(day: string | null | undefined): string {
  if (!day) return ''
  const [y, m, d] = day.slice(0, 10).split('-')
  return `${d}-${m}-${y}`
}

/** Reads `dd-mm-jjjj` (or `d-m-jjjj`, with - / or .) into an ISO day; null when it is no date. */
export function fromDutchDate(input: string): string | null {
  const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(input)
  if (!m) return null
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`
  const d = parseDay(iso)
  return Number.isNaN(d.getTime()) || formatDay(d) !== iso ? null : iso
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" day (NaN for anything else); no string parsing by Date. */
export function dayNumber(day: string): number {
  if (day.length < 10 || day.charCodeAt(4) !== 45 || day.charCodeAt(7) !== 45) return NaN
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const d = Number(day.slice(8, 10))
  return Date.UTC(y, m - 1, d) / 864e5
}
