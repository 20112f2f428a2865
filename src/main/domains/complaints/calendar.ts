/**
 * The working-day calendar of the complaint terms, as plain functions of days (`YYYY-MM-DD`).
 *
 * A working day is Monday to Friday except the holidays of the Algemene termijnenwet (art. 3
 * lid 1: Nieuwjaarsdag, tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, Koningsdag, 5 mei,
 * eerste en tweede Kerstdag), Goede Vrijdag (art. 3 lid 2) and the days a Royal Decree equates
 * with them for a few years at a time (`DECREE_DAYS`, extended by an update of the app). Days the
 * organisation itself is closed are not part of this calendar: only the acknowledgement, the
 * organisation's own promise, skips them (see `ackDeadline`).
 */
import { addDays, isoWeekday, toDutchDate } from '../../../shared/dates'
import type {
  DeadlineWhy,
  HolidayCode,
  Phrase,
  SkippedDay,
} from '../../../shared/schemas/complaints'

/**
 * Days equated with the holidays of art. 3 by Royal Decree (Besluit van ... houdende
 * gelijkstelling van dagen met de in de Algemene termijnenwet genoemde algemeen erkende
 * feestdagen), 2026-2028. A later decree adds its years here.
 */
export const DECREE_DAYS: readonly string[] = [
  '2026-01-02',
  '2026-05-15',
  '2027-05-07',
  '2028-04-28',
  '2028-05-26',
]
const DECREE = new Set(DECREE_DAYS)

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const yearCache = new Map<number, Map<string, HolidayCode>>()

/** Every holiday of a year by day (Sundays among them, such as Easter Sunday, are left out). */
export function holidaysOf(year: number): Map<string, HolidayCode> {
  const cached = yearCache.get(year)
  if (cached) return cached
  const easter = easterSunday(year)
  const kings = `${year}-04-27`
  const map = new Map<string, HolidayCode>([
    [`${year}-01-01`, 'newYear'],
    [addDays(easter, -2), 'goodFriday'],
    [addDays(easter, 1), 'easterMonday'],
    // Koningsdag is the 26th when the 27th is a Sunday.
    [isoWeekday(kings) === 7 ? `${year}-04-26` : kings, 'kingsDay'],
    [`${year}-05-05`, 'liberationDay'],
    [addDays(easter, 39), 'ascensionDay'],
    [addDays(easter, 50), 'whitMonday'],
    [`${year}-12-25`, 'christmasDay'],
    [`${year}-12-26`, 'boxingDay'],
  ])
  for (const d of DECREE_DAYS) if (d.startsWith(`${year}-`) && !map.has(d)) map.set(d, 'decree')
  yearCache.set(year, map)
  return map
}

/** The holiday a day is, or null. */
export function holidayOn(day: string): HolidayCode | null {
  if (DECREE.has(day)) return holidaysOf(Number(day.slice(0, 4))).get(day) ?? 'decree'
  return holidaysOf(Number(day.slice(0, 4))).get(day) ?? null
}

/** Why a day is no working day (weekend first, then a holiday, then closed), or null. */
export function skipOf(day: string, closedDays?: ReadonlySet<string>): SkippedDay | null {
  const wd = isoWeekday(day)
  if (wd === 6) return { day, reason: 'saturday' }
  if (wd === 7) return { day, reason: 'sunday' }
  const holiday = holidayOn(day)
  if (holiday) return { day, reason: 'holiday', holiday }
  if (closedDays?.has(day)) return { day, reason: 'closed' }
  return null
}

/** A working day in the sense of the Algemene termijnenwet (closed days of the organisation count). */
export function isWorkingDay(day: string): boolean {
  return skipOf(day) === null
}

export interface DeadlineResult {
  dueOn: string
  why: DeadlineWhy
}

const phrase = (key: string, params?: Record<string, string | number>): Phrase =>
  params ? { key, params } : { key }

/**
 * The acknowledgement is due on the N-th working day after the day of receipt; the days the
 * organisation is closed do not count either.
 */
export function ackDeadline(
  receivedOn: string,
  workingDays: number,
  closedDays: readonly string[] = [],
): DeadlineResult {
  const closed = new Set(closedDays)
  const skipped: SkippedDay[] = []
  let day = receivedOn
  let counted = 0
  while (counted < workingDays) {
    day = addDays(day, 1)
    const skip = skipOf(day, closed)
    if (skip) skipped.push(skip)
    else counted += 1
  }
  const steps: Phrase[] = []
  if (skipped.length)
    steps.push(phrase('ackSkipped', { count: skipped.length, due: toDutchDate(day) }))
  return {
    dueOn: day,
    why: {
      rule: phrase('ackRule', { days: workingDays, received: toDutchDate(receivedOn) }),
      steps,
      skipped,
    },
  }
}

/**
 * The decision is due (weeks + extension) weeks after the day of receipt; a day that is a
 * Saturday, Sunday or holiday moves to the next working day (Algemene termijnenwet art. 1). The
 * organisation's closed days move no legal term.
 */
export function decisionDeadline(
  receivedOn: string,
  weeks: number,
  extensionWeeks = 0,
): DeadlineResult {
  const total = weeks + extensionWeeks
  const plain = addDays(receivedOn, total * 7)
  const steps: Phrase[] = []
  if (extensionWeeks > 0) steps.push(phrase('extended', { weeks: extensionWeeks, total }))
  steps.push(phrase('plainEnd', { weeks: total, date: toDutchDate(plain) }))
  const skipped: SkippedDay[] = []
  let day = plain
  for (let skip = skipOf(day); skip; skip = skipOf(day)) {
    skipped.push(skip)
    day = addDays(day, 1)
  }
  if (skipped.length)
    steps.push(phrase('movedToWorkingDay', { from: toDutchDate(plain), to: toDutchDate(day) }))
  return {
    dueOn: day,
    why: {
      rule: phrase('decisionRule', { weeks, received: toDutchDate(receivedOn) }),
      steps,
      skipped,
    },
  }
}
