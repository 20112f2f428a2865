import { describe, expect, it } from 'vitest'
import {
  ackDeadline,
  decisionDeadline,
  easterSunday,
  holidayOn,
  holidaysOf,
  isWorkingDay,
} from '../../src/main/domains/complaints/calendar'
import { extensionProblem } from '../../src/main/domains/complaints/rules'

/**
 * The official dates (rijksoverheid.nl "Officiële feestdagen"; Besluit gelijkstelling dagen
 * Algemene termijnenwet 2026-2028), typed in by hand, not computed.
 */
const OFFICIAL: Record<number, Record<string, string>> = {
  2025: {
    newYear: '2025-01-01',
    goodFriday: '2025-04-18',
    easterMonday: '2025-04-21',
    kingsDay: '2025-04-26',
    liberationDay: '2025-05-05',
    ascensionDay: '2025-05-29',
    whitMonday: '2025-06-09',
    christmasDay: '2025-12-25',
    boxingDay: '2025-12-26',
  },
  2026: {
    newYear: '2026-01-01',
    goodFriday: '2026-04-03',
    easterMonday: '2026-04-06',
    kingsDay: '2026-04-27',
    liberationDay: '2026-05-05',
    ascensionDay: '2026-05-14',
    whitMonday: '2026-05-25',
    christmasDay: '2026-12-25',
    boxingDay: '2026-12-26',
  },
  2027: {
    newYear: '2027-01-01',
    goodFriday: '2027-03-26',
    easterMonday: '2027-03-29',
    kingsDay: '2027-04-27',
    liberationDay: '2027-05-05',
    ascensionDay: '2027-05-06',
    whitMonday: '2027-05-17',
    christmasDay: '2027-12-25',
    boxingDay: '2027-12-26',
  },
  2028: {
    newYear: '2028-01-01',
    goodFriday: '2028-04-14',
    easterMonday: '2028-04-17',
    kingsDay: '2028-04-27',
    liberationDay: '2028-05-05',
    ascensionDay: '2028-05-25',
    whitMonday: '2028-06-05',
    christmasDay: '2028-12-25',
    boxingDay: '2028-12-26',
  },
  2029: {
    newYear: '2029-01-01',
    goodFriday: '2029-03-30',
    easterMonday: '2029-04-02',
    kingsDay: '2029-04-27',
    liberationDay: '2029-05-05',
    ascensionDay: '2029-05-10',
    whitMonday: '2029-05-21',
    christmasDay: '2029-12-25',
    boxingDay: '2029-12-26',
  },
  2030: {
    newYear: '2030-01-01',
    goodFriday: '2030-04-19',
    easterMonday: '2030-04-22',
    kingsDay: '2030-04-27',
    liberationDay: '2030-05-05',
    ascensionDay: '2030-05-30',
    whitMonday: '2030-06-10',
    christmasDay: '2030-12-25',
    boxingDay: '2030-12-26',
  },
}
const EASTER = {
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
}
const DECREE = ['2026-01-02', '2026-05-15', '2027-05-07', '2028-04-28', '2028-05-26']

describe('the working-day calendar', () => {
  it('finds Easter and every holiday of 2025-2030 on the official day', () => {
    for (const [year, day] of Object.entries(EASTER)) expect(easterSunday(Number(year))).toBe(day)
    for (const [year, days] of Object.entries(OFFICIAL)) {
      const found = Object.fromEntries(
        [...holidaysOf(Number(year))].filter(([, c]) => c !== 'decree').map(([d, c]) => [c, d]),
      )
      expect(found, String(year)).toEqual(days)
    }
  })

  it('knows the days of the Royal Decree 2026-2028 and no others', () => {
    for (const d of DECREE) {
      expect(holidayOn(d)).toBe('decree')
      expect(isWorkingDay(d)).toBe(false)
    }
    // The same Fridays in other years are ordinary working days.
    expect(isWorkingDay('2025-01-03')).toBe(true)
    expect(isWorkingDay('2029-05-11')).toBe(true)
    const decreeDays = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((y) =>
      [...holidaysOf(y)].filter(([, c]) => c === 'decree').map(([d]) => d),
    )
    expect(decreeDays).toEqual(DECREE)
  })

  it('counts Monday to Friday only, without the holidays', () => {
    let working = 0
    for (let d = '2026-01-01'; d <= '2026-12-31';) {
      if (isWorkingDay(d)) working += 1
      const next = new Date(`${d}T00:00:00Z`)
      next.setUTCDate(next.getUTCDate() + 1)
      d = next.toISOString().slice(0, 10)
    }
    // 261 weekdays in 2026, less 8 holidays on a weekday (Boxing Day is a Saturday) and 2 decree days.
    expect(working).toBe(261 - 8 - 2)
  })
})

describe('the acknowledgement term', () => {
  it('is due on the fifth working day after the day of receipt', () => {
    const r = ackDeadline('2026-03-06', 5)
    expect(r.dueOn).toBe('2026-03-13')
    expect(r.why.rule).toEqual({ key: 'ackRule', params: { days: 5, received: '06-03-2026' } })
    expect(r.why.skipped).toEqual([
      { day: '2026-03-07', reason: 'saturday' },
      { day: '2026-03-08', reason: 'sunday' },
    ])
  })

  it('received just before Christmas: skips Christmas, the weekend and New Year', () => {
    const r = ackDeadline('2026-12-24', 5)
    expect(r.dueOn).toBe('2027-01-04')
    expect(r.why.skipped).toEqual([
      { day: '2026-12-25', reason: 'holiday', holiday: 'christmasDay' },
      { day: '2026-12-26', reason: 'saturday' },
      { day: '2026-12-27', reason: 'sunday' },
      { day: '2027-01-01', reason: 'holiday', holiday: 'newYear' },
      { day: '2027-01-02', reason: 'saturday' },
      { day: '2027-01-03', reason: 'sunday' },
    ])
  })

  it('skips Koningsdag and 5 May', () => {
    const r = ackDeadline('2026-04-24', 5)
    expect(r.dueOn).toBe('2026-05-04')
    expect(r.why.skipped.filter((s) => s.reason === 'holiday')).toEqual([
      { day: '2026-04-27', reason: 'holiday', holiday: 'kingsDay' },
    ])
    expect(ackDeadline('2026-04-30', 3).dueOn).toBe('2026-05-06')
  })

  it("skips the organisation's closed days, which the decision term does not", () => {
    const r = ackDeadline('2026-03-06', 5, ['2026-03-09', '2026-03-10'])
    expect(r.dueOn).toBe('2026-03-17')
    expect(r.why.skipped).toContainEqual({ day: '2026-03-09', reason: 'closed' })
    expect(decisionDeadline('2026-01-26', 6).dueOn).toBe('2026-03-09')
  })
})

describe('the decision term', () => {
  it('is six weeks after the day of receipt, on a working day as it is', () => {
    const r = decisionDeadline('2026-03-02', 6)
    expect(r.dueOn).toBe('2026-04-13')
    expect(r.why.skipped).toEqual([])
    expect(r.why.steps).toEqual([{ key: 'plainEnd', params: { weeks: 6, date: '13-04-2026' } }])
  })

  it('moves from a Saturday to the Monday', () => {
    const r = decisionDeadline('2026-03-07', 6)
    expect(r.dueOn).toBe('2026-04-20')
    expect(r.why.skipped.map((s) => s.reason)).toEqual(['saturday', 'sunday'])
  })

  it('received so that it ends on Christmas Day: moves past Christmas and the weekend', () => {
    const r = decisionDeadline('2026-11-13', 6)
    expect(r.dueOn).toBe('2026-12-28')
    expect(r.why.skipped).toEqual([
      { day: '2026-12-25', reason: 'holiday', holiday: 'christmasDay' },
      { day: '2026-12-26', reason: 'saturday' },
      { day: '2026-12-27', reason: 'sunday' },
    ])
    expect(r.why.steps).toContainEqual({
      key: 'movedToWorkingDay',
      params: { from: '25-12-2026', to: '28-12-2026' },
    })
  })

  it('landing on Koningsdag moves to the next day', () => {
    const r = decisionDeadline('2026-03-16', 6)
    expect(r.dueOn).toBe('2026-04-28')
    expect(r.why.skipped).toEqual([{ day: '2026-04-27', reason: 'holiday', holiday: 'kingsDay' }])
  })

  it('landing on 5 May moves to the next day', () => {
    const r = decisionDeadline('2026-03-24', 6)
    expect(r.dueOn).toBe('2026-05-06')
    expect(r.why.skipped).toEqual([
      { day: '2026-05-05', reason: 'holiday', holiday: 'liberationDay' },
    ])
  })

  it('landing on Ascension Day moves past the decree Friday and the weekend', () => {
    expect(decisionDeadline('2026-04-02', 6).dueOn).toBe('2026-05-18')
  })

  it('with an extension of E weeks is (6 + E) weeks after receipt', () => {
    const r = decisionDeadline('2026-03-02', 6, 4)
    expect(r.dueOn).toBe('2026-05-11')
    expect(r.why.steps[0]).toEqual({ key: 'extended', params: { weeks: 4, total: 10 } })
  })
})

describe('an extension', () => {
  const base = {
    extensions: [],
    currentDue: '2026-04-13',
    date: '2026-04-10',
    weeks: 4,
    withConsent: false,
    maxWeeks: 4,
  }
  it('of at most the setting, recorded before the term ends, is allowed once', () => {
    expect(extensionProblem(base)).toBeNull()
    // On the last day itself it is still in time.
    expect(extensionProblem({ ...base, date: '2026-04-13' })).toBeNull()
    expect(extensionProblem({ ...base, extensions: [{ withConsent: false }] })).toEqual({
      conflictKey: 'extensionOnlyOnce',
    })
  })
  it('longer than the setting is refused at the field', () => {
    expect(extensionProblem({ ...base, weeks: 5 })).toEqual({
      field: 'weeks',
      fieldKey: 'extensionTooLong',
      params: { max: 4 },
    })
  })
  it('recorded after the term it extends is refused', () => {
    expect(extensionProblem({ ...base, date: '2026-04-14' })).toEqual({
      conflictKey: 'extensionTooLate',
      params: { due: '13-04-2026' },
    })
  })
  it("later, longer or a second one only with the complainant's written consent", () => {
    expect(
      extensionProblem({
        ...base,
        date: '2026-05-20',
        weeks: 8,
        extensions: [{ withConsent: false }],
        withConsent: true,
      }),
    ).toBeNull()
  })
})
