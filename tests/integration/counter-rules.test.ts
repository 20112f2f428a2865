import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, atMoment, listIds, slotOn, snapshot } from '../helpers/fixtures'
import type { Caller } from '../../src/main/domains/accounts/auth'

let app: TestApp
let counter: Caller
// Monday 15 June 2026, 12:00 in Amsterdam.
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  counter = await app.loginAs('volunteer')
  await app.call('slots.generate', {
    from: '2026-06-01',
    to: '2026-06-30',
    template: [
      { weekday: 1, part: 'morning', capacity: 3 },
      { weekday: 1, part: 'afternoon', capacity: 3 },
      { weekday: 2, part: 'morning', capacity: 3 },
    ],
  })
})
afterEach(async () => app.close())

const household = (name: string, over = {}): Promise<number> => addHousehold(app, name, over)
const slot = (date: string, part: 'morning' | 'afternoon' = 'morning'): Promise<number> =>
  slotOn(app, date, part)
const back = <T>(at: string, fn: () => Promise<T>): Promise<T> => atMoment(app, at, fn)

describe('search at the counter', () => {
  it('measures the query after folding: accents alone or one letter with an accent list nobody', async () => {
    await household('Anna Jansen')
    await household('Bram Smit')
    const before = snapshot(app)
    for (const query of ['\u0300\u0300', 'a\u0301', '\u200b\u200b', ' \u0301 ']) {
      const err = await rejection(app.call('households.search', { query }, counter))
      expect(err.code).toBe('VALIDATION')
      expect(err.fields).toEqual([{ path: 'query', key: 'searchTooShort', params: { min: 2 } }])
    }
    expect(snapshot(app)).toBe(before)
    expect((await app.call('households.search', { query: 'ja' }, counter)).total).toBe(1)
    // Staff may still browse the whole list.
    expect((await app.call('households.search', { query: '' })).total).toBe(2)
  })

  it('finds Turkish, Scandinavian, German and Polish names as they are typed', async () => {
    const yilmaz = await household('Ayşe Yılmaz')
    const soren = await household('Søren Østergaard')
    const gross = await household('Jürgen Großmann')
    const lukasz = await household('Łukasz Wałęsa')
    const ince = await household('İbrahim İnce')
    const found = async (query: string): Promise<number[]> =>
      (await app.call('households.search', { query }, counter)).rows.map((r) => r.id)
    expect(await found('yilmaz')).toEqual([yilmaz])
    expect(await found('YILMAZ')).toEqual([yilmaz])
    expect(await found('ayse yil')).toEqual([yilmaz])
    expect(await found('ostergaard')).toEqual([soren])
    expect(await found('grossmann')).toEqual([gross])
    expect(await found('Großmann')).toEqual([gross])
    expect(await found('lukasz')).toEqual([lukasz])
    expect(await found('ibrahim ince')).toEqual([ince])
  })
})

describe('search finds stored names by how they are typed (property)', () => {
  it('finds any name of special letters by its plain spelling, in any case, at the counter', async () => {
    const letters: [string, string][] = [
      ['ı', 'i'],
      ['ø', 'o'],
      ['ß', 'ss'],
      ['ł', 'l'],
      ['æ', 'ae'],
      ['œ', 'oe'],
      ['đ', 'd'],
      ['þ', 'th'],
      ['ş', 's'],
      ['é', 'e'],
      ['ü', 'u'],
    ]
    const piece = fc.oneof(
      fc.constantFrom(...'abdfgkmnprtvwz'.split('')).map((c) => [c, c] as [string, string]),
      fc.constantFrom(...letters),
    )
    let n = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { minLength: 3, maxLength: 8 }),
        fc.boolean(),
        async (pieces, upper) => {
          n += 1
          const stored = `Fam ${pieces.map(([l]) => l).join('')}`
          const typed = pieces.map(([, t]) => t).join('')
          const id = await household(stored)
          const rows = (
            await app.call(
              'households.search',
              { query: upper ? typed.toUpperCase() : typed },
              counter,
            )
          ).rows
          expect(rows.map((r) => r.id)).toContain(id)
        },
      ),
      { numRuns: 15 },
    )
    expect(n).toBe(15)
  })
})

describe("the counter sees today's appointments only", () => {
  it('refuses other days of appointments.byDay and shop.dashboard, without names leaking', async () => {
    const h = await household('Chantal Bakker')
    await app.call('appointments.book', {
      slotId: await slot('2026-06-16'),
      householdId: h,
      note: 'x',
    })
    await app.call('appointments.book', {
      slotId: await slot('2026-06-15', 'afternoon'),
      householdId: await household('Dirk Vos'),
    })
    for (const date of ['2026-06-16', '2026-06-08', '2026-06-14']) {
      const a = await rejection(app.call('appointments.byDay', { date }, counter))
      expect(a).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
      const d = await rejection(app.call('shop.dashboard', { date }, counter))
      expect(d).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    }
    const today = await app.call('appointments.byDay', { date: '2026-06-15' }, counter)
    expect(today.map((a) => a.contactName)).toEqual(['Dirk Vos'])
    expect((await app.call('shop.dashboard', {}, counter)).today).toHaveLength(2)
    // The week's free places come without names.
    const week = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-21' }, counter)
    expect(JSON.stringify(week)).not.toMatch(/Chantal|Bakker|Dirk/)
    expect(Object.keys(week[0]).sort()).toEqual(
      ['booked', 'capacity', 'date', 'free', 'id', 'over', 'part'].sort(),
    )
    // Staff still read any day.
    expect(await app.call('appointments.byDay', { date: '2026-06-16' })).toHaveLength(1)
  })
})

describe('one rule for the counter on check-in and visits', () => {
  it("does not let a visit revive another day's cancelled or missed appointment", async () => {
    const h = await household('Eva Mulder')
    // Looked up at the counter, so what refuses is the day, not the lookup.
    await app.call('households.search', { query: 'Eva Mulder' }, counter)
    const past = await back('2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    await app.call('appointments.setStatus', {
      appointmentId: past.appointment.id,
      status: 'cancelled',
    })
    const before = snapshot(app)
    const viaVisit = await rejection(
      app.call(
        'visits.register',
        {
          householdId: h,
          appointmentId: past.appointment.id,
          date: '2026-06-08',
          servedBy: 'Vera',
          items: [],
        },
        counter,
      ),
    )
    expect(viaVisit.fields).toEqual([{ path: 'date', key: 'counterVisitToday' }])
    const viaStatus = await rejection(
      app.call(
        'appointments.setStatus',
        { appointmentId: past.appointment.id, status: 'came' },
        counter,
      ),
    )
    expect(viaStatus.key).toBe('counterTodayOnly')
    expect(snapshot(app)).toBe(before)
  })

  it("refuses a visit on today's cancelled appointment at the counter, as check-in does", async () => {
    const h = await household('Fenna Kok')
    const { appointment } = await app.call('appointments.book', {
      slotId: await slot('2026-06-15', 'afternoon'),
      householdId: h,
    })
    await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'cancelled' })
    const before = snapshot(app)
    const err = await rejection(
      app.call(
        'visits.register',
        {
          householdId: h,
          appointmentId: appointment.id,
          date: '2026-06-15',
          servedBy: 'Vera',
          items: [],
        },
        counter,
      ),
    )
    expect(err).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    expect(snapshot(app)).toBe(before)
    // Today's planned appointment: the counter registers the visit and the family came.
    const g = await household('Gert Kok')
    const planned = await app.call('appointments.book', {
      slotId: await slot('2026-06-15', 'afternoon'),
      householdId: g,
    })
    await app.call(
      'visits.register',
      {
        householdId: g,
        appointmentId: planned.appointment.id,
        date: '2026-06-15',
        servedBy: 'Vera',
        items: [],
      },
      counter,
    )
    const [row] = (await app.call('appointments.byDay', { date: '2026-06-15' }, counter)).filter(
      (a) => a.householdId === g,
    )
    expect(row.status).toBe('came')
  })

  it('refuses visit dates before 2000 for everyone, at the field', async () => {
    const h = await household('Henk Bos')
    const before = snapshot(app)
    const err = await rejection(
      app.call('visits.register', {
        householdId: h,
        date: '1900-01-01',
        servedBy: 'Anja',
        items: [],
      }),
    )
    expect(err.fields).toEqual([{ path: 'date', key: 'visitTooEarly' }])
    expect(snapshot(app)).toBe(before)
    await app.call('visits.register', {
      householdId: h,
      date: '2026-01-05',
      servedBy: 'Anja',
      items: [],
    })
  })
})

describe('booking only half-days still to come', () => {
  it('refuses a half-day that is over and marks it so in the list', async () => {
    const h = await household('Ilse de Wit')
    const before = snapshot(app)
    const yesterday = await rejection(
      app.call('appointments.book', { slotId: await slot('2026-06-09'), householdId: h }),
    )
    expect(yesterday).toMatchObject({ code: 'CONFLICT', key: 'slotOver' })
    expect(snapshot(app)).toBe(before)
    // At noon today's morning still runs; at two o'clock it is over, the afternoon is not.
    const [morning, afternoon] = await app.call('slots.list', {
      from: '2026-06-15',
      to: '2026-06-15',
    })
    expect([morning.over, afternoon.over]).toEqual([false, false])
    const freeAtNoon = (await app.call('shop.dashboard', {})).week.freeTotal
    app.clock.set('2026-06-15T12:00:00Z')
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    const later = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-15' })
    expect(later.map((s) => s.over)).toEqual([true, false])
    // The morning's places are no longer offered as free.
    expect((await app.call('shop.dashboard', {})).week.freeTotal).toBe(freeAtNoon - morning.free)
    expect(
      (await rejection(app.call('appointments.book', { slotId: morning.id, householdId: h }))).key,
    ).toBe('slotOver')
    const booked = await app.call('appointments.book', { slotId: afternoon.id, householdId: h })
    expect(booked.appointment.status).toBe('planned')
  })

  it('does not make a cancelled past appointment planned again', async () => {
    const h = await household('Jan Post')
    const { appointment } = await back('2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'cancelled' })
    const err = await rejection(
      app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'planned' }),
    )
    expect(err.key).toBe('slotOver')
  })
})

describe('visit warnings before saving, and no double registration', () => {
  it('answers visits.check with the warnings, writing nothing', async () => {
    await app.call('settings.update', {
      maxVisitsPerPeriod: 1,
      visitPeriodDays: 28,
      maxItemsPerChild: 5,
    })
    const h = await household('Karin Smit', { proofSeenOn: '2025-01-01' }) // expired, two children
    const [kleding] = await listIds(app, 'category')
    await app.call('visits.register', {
      householdId: h,
      date: '2026-06-15',
      servedBy: 'Anja',
      items: [],
    })
    const input = {
      householdId: h,
      date: '2026-06-15',
      servedBy: 'Vera',
      items: [{ categoryId: kleding, count: 40 }],
    }
    // A walk-in: the counter looks the family up first.
    await app.call('households.search', { query: 'karin smit' }, counter)
    const before = snapshot(app)
    const checked = await app.call('visits.check', input, counter)
    expect(snapshot(app)).toBe(before)
    expect(checked.sameDay).toBe(1)
    expect(checked.warnings.map((w) => w.key)).toEqual([
      'eligibilityExpiredCounter',
      'visitSameDay',
      'visitLimit',
      'itemsPerChild',
    ])
    // The counter does not get the end date of the right (it gives away the proof date).
    expect(JSON.stringify(checked)).not.toContain('2026-01-01')
    const staff = await app.call('visits.check', input)
    expect(staff.warnings[0]).toEqual({
      key: 'eligibilityExpired',
      params: { until: '2026-01-01' },
    })
  })

  it('saves exactly one visit from a double click or two volunteers at once', async () => {
    const h = await household('Lotte Brouwer')
    const other = await app.loginAs('volunteer')
    const input = { householdId: h, date: '2026-06-15', servedBy: 'Vera', items: [] }
    // Both screens looked the walk-in up.
    for (const screen of [counter, other])
      await app.call('households.search', { query: 'lotte brouwer' }, screen)
    const results = await Promise.allSettled([
      app.call('visits.register', input, counter),
      app.call('visits.register', input, other),
      app.call('visits.register', input, counter),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ code: 'CONFLICT', key: 'visitSameDayUnconfirmed' })
    expect((await app.call('households.get', { id: h })).visits).toHaveLength(1)
    // A confirmed second visit goes in once, even when it is sent twice.
    const again = await Promise.allSettled([
      app.call('visits.register', { ...input, sameDayVisitsSeen: 1 }, counter),
      app.call('visits.register', { ...input, sameDayVisitsSeen: 1 }, counter),
    ])
    expect(again.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect((await app.call('households.get', { id: h })).visits).toHaveLength(2)
  })
})

describe('the visits-per-period guideline at booking', () => {
  it('warns before booking a household that already has a booking or visit in the period', async () => {
    await app.call('settings.update', { maxVisitsPerPeriod: 1, visitPeriodDays: 28 })
    const h = await household('Mila Jansen')
    const fresh = await household('Noor Jansen')
    await app.call('appointments.book', { slotId: await slot('2026-06-16'), householdId: h })
    const input = { slotId: await slot('2026-06-22'), householdId: h }
    const before = snapshot(app)
    const checked = await app.call('appointments.check', input)
    expect(snapshot(app)).toBe(before)
    expect(checked.warnings).toEqual([
      { key: 'bookingLimit', params: { count: 2, days: 28, max: 1 } },
    ])
    expect(
      (await app.call('appointments.check', { slotId: input.slotId, householdId: fresh })).warnings,
    ).toEqual([])
    // A visit earlier in the period counts too; a cancelled booking does not.
    await app.call('visits.register', {
      householdId: fresh,
      date: '2026-06-01',
      servedBy: 'Anja',
      items: [],
    })
    expect(
      (await app.call('appointments.check', { slotId: input.slotId, householdId: fresh })).warnings,
    ).toEqual([{ key: 'bookingLimit', params: { count: 2, days: 28, max: 1 } }])
    const booked = await app.call('appointments.book', input)
    expect(booked.warnings.map((w) => w.key)).toEqual(['bookingLimit'])
  })
})

describe('the proof date stays away from the counter', () => {
  it('gives the counter the status of the right, never its date', async () => {
    const valid = await household('Olga Valid', { proofSeenOn: '2026-03-01' }) // until 2027-03-01
    const soon = await household('Olga Soon', { proofSeenOn: '2025-07-01' }) // until 2026-07-01
    const gone = await household('Olga Gone', { proofSeenOn: '2025-01-01' }) // until 2026-01-01
    await app.call('appointments.book', {
      slotId: await slot('2026-06-15', 'afternoon'),
      householdId: gone,
    })
    const search = await app.call('households.search', { query: 'olga' }, counter)
    expect(search.rows.map((r) => [r.contactName, r.eligibleUntil, r.eligibility])).toEqual([
      ['Olga Gone', null, 'expired'],
      ['Olga Soon', null, 'expiring'],
      ['Olga Valid', null, 'valid'],
    ])
    const detail = await app.call('households.get', { id: gone }, counter)
    expect(detail.household.eligibleUntil).toBeNull()
    expect(detail.eligibility).toBe('expired')
    expect(detail.appointments[0].eligibleUntil).toBeNull()
    expect(detail.appointments[0].eligibilityExpired).toBe(true)
    const dashboard = await app.call('shop.dashboard', {}, counter)
    const day = await app.call('appointments.byDay', { date: '2026-06-15' }, counter)
    const checkIn = await app.call(
      'appointments.setStatus',
      { appointmentId: detail.appointments[0].id, status: 'came' },
      counter,
    )
    expect(checkIn.warnings).toEqual([{ key: 'eligibilityExpiredCounter' }])
    for (const answer of [search, detail, dashboard, day, checkIn])
      expect(JSON.stringify(answer)).not.toMatch(/2026-01-01|2026-07-01|2027-03-01/)
    // Staff still see the dates.
    expect((await app.call('households.get', { id: soon })).household.eligibleUntil).toBe(
      '2026-07-01',
    )
    expect((await app.call('households.get', { id: valid })).eligibility).toBe('valid')
  })
})
