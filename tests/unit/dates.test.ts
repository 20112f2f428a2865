import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addDays,
  addMonths,
  fromDutchDate,
  isoWeekday,
  startOfWeek,
  toDutchDate,
} from '../../src/shared/dates'
import { dateInZone, fixedClock } from '../../src/main/clock'

describe('calendar helpers', () => {
  it('starts weeks on Monday', () => {
    expect(isoWeekday('2026-11-22')).toBe(7) // a Sunday
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16')
    expect(startOfWeek('2026-11-16')).toBe('2026-11-16')
  })
  it('adds months clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15')
  })
  it('crosses the summer-time change without losing a day', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
  })
  it('writes and reads dd-mm-jjjj', () => {
    expect(toDutchDate('2026-03-05')).toBe('05-03-2026')
    expect(fromDutchDate('5-3-2026')).toBe('2026-03-05')
    expect(fromDutchDate('31-02-2026')).toBeNull()
    expect(fromDutchDate('2026-03-05')).toBeNull()
  })
  it('round-trips every day through the Dutch notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const day = addDays('1950-01-01', n)
        return fromDutchDate(toDutchDate(day)) === day
      }),
    )
  })
})

describe('clock', () => {
  it("gives today's date in the shop's time zone, not UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(dateInZone(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(fixedClock('2026-06-30T22:30:00Z').today()).toBe('2026-07-01')
  })
})
