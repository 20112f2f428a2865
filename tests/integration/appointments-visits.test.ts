import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput, listIds, snapshot } from '../helpers/fixtures'

let app: TestApp
// Monday 15 June 2026, 12:00 in Amsterdam.
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

let next = 1000
async function household(name: string, over = {}): Promise<number> {
  // A postcode of its own, so no two test families look like duplicates.
  const n = next++
  return (
    await app.call(
      'households.create',
      householdInput({ contactName: name, postcode: `${n} AB`, phone: null, ...over }),
    )
  ).id
}

async function slotsOf(from: string, to: string) {
  return app.call('slots.list', { from, to })
}

describe('slots', () => {
  it('generates slots from a weekly template, only on its weekdays, and is safe to repeat', async () => {
    const template = [
      { weekday: 2, part: 'morning' as const, capacity: 5 },
      { weekday: 2, part: 'afternoon' as const, capacity: 4 },
      { weekday: 6, part: 'morning' as const, capacity: 3 },
    ]
    const first = await app.call('slots.generate', {
      from: '2026-06-15',
      to: '2026-06-28',
      template,
    })
    expect(first).toEqual({ created: 6, skipped: 0 })
    const again = await app.call('slots.generate', {
      from: '2026-06-15',
      to: '2026-06-28',
      template,
    })
    expect(again).toEqual({ created: 0, skipped: 6 })
    const slots = await slotsOf('2026-06-15', '2026-06-28')
    expect(slots.map((s) => `${s.date} ${s.part} ${s.capacity}`)).toEqual([
      '2026-06-16 morning 5',
      '2026-06-16 afternoon 4',
      '2026-06-20 morning 3',
      '2026-06-23 morning 5',
      '2026-06-23 afternoon 4',
      '2026-06-27 morning 3',
    ])
  })

  it('refuses a settings template with the same half-day twice', async () => {
    const err = await rejection(
      app.call('settings.update', {
        slotTemplate: [
          { weekday: 2, part: 'morning', capacity: 5 },
          { weekday: 2, part: 'morning', capacity: 4 },
        ],
      }),
    )
    expect(err.fields).toEqual([{ path: 'slotTemplate.1.part', key: 'duplicateTemplate' }])
  })

  it('refuses a template with the same half-day twice', async () => {
    const err = await rejection(
      app.call('slots.generate', {
        from: '2026-06-15',
        to: '2026-06-21',
        template: [
          { weekday: 1, part: 'morning', capacity: 5 },
          { weekday: 1, part: 'morning', capacity: 3 },
        ],
      }),
    )
    expect(err.fields).toEqual([{ path: 'template.1.part', key: 'duplicateTemplate' }])
  })
})

describe('booking and check-in', () => {
  beforeEach(async () => {
    await app.call('slots.generate', {
      from: '2026-06-01',
      to: '2026-06-30',
      template: [
        { weekday: 1, part: 'morning', capacity: 2 },
        { weekday: 1, part: 'afternoon', capacity: 5 },
      ],
    })
  })

  it('refuses a full slot and a second booking on the same day; a cancellation frees the place', async () => {
    const [morning, afternoon] = await slotsOf('2026-06-22', '2026-06-22')
    const a = await household('Anna Jansen')
    const b = await household('Bram Smit')
    const c = await household('Chantal Bakker')
    const first = await app.call('appointments.book', { slotId: morning.id, householdId: a })
    await app.call('appointments.book', { slotId: morning.id, householdId: b })
    const before = snapshot(app)
    expect(
      (await rejection(app.call('appointments.book', { slotId: morning.id, householdId: c }))).key,
    ).toBe('slotFull')
    expect(
      (await rejection(app.call('appointments.book', { slotId: afternoon.id, householdId: a })))
        .key,
    ).toBe('alreadyBookedThatDay')
    expect(snapshot(app)).toBe(before)
    const [full] = await slotsOf('2026-06-22', '2026-06-22')
    expect(full).toMatchObject({ booked: 2, free: 0 })

    await app.call('appointments.setStatus', {
      appointmentId: first.appointment.id,
      status: 'cancelled',
    })
    await app.call('appointments.book', { slotId: morning.id, householdId: c })
    // The cancelled family may book again that day, in the afternoon.
    await app.call('appointments.book', { slotId: afternoon.id, householdId: a })
    // Undoing the cancellation would overfill the morning.
    expect(
      (
        await rejection(
          app.call('appointments.setStatus', {
            appointmentId: first.appointment.id,
            status: 'planned',
          }),
        )
      ).key,
    ).toBe('slotFull')
  })

  it('does not overfill a slot through a visit for a cancelled appointment', async () => {
    const [morning] = await slotsOf('2026-06-15', '2026-06-15')
    const a = await household('Anouk Overboekt')
    const b = await household('Bas Tweede')
    const c = await household('Cas Derde')
    const first = await app.call('appointments.book', { slotId: morning.id, householdId: a })
    await app.call('appointments.book', { slotId: morning.id, householdId: b })
    await app.call('appointments.setStatus', {
      appointmentId: first.appointment.id,
      status: 'cancelled',
    })
    await app.call('appointments.book', { slotId: morning.id, householdId: c })
    const before = snapshot(app)
    const err = await rejection(
      app.call('visits.register', {
        householdId: a,
        appointmentId: first.appointment.id,
        date: '2026-06-15',
        servedBy: 'Anja',
        items: [],
      }),
    )
    expect(err.key).toBe('slotFull')
    expect(snapshot(app)).toBe(before)
    const [slot] = await slotsOf('2026-06-15', '2026-06-15')
    expect(slot).toMatchObject({ capacity: 2, booked: 2 })
  })

  it('changes the places of a half-day, never below its bookings, and removes an empty one', async () => {
    const [morning, afternoon] = await slotsOf('2026-06-22', '2026-06-22')
    await app.call('appointments.book', {
      slotId: morning.id,
      householdId: await household('Kim Een'),
    })
    await app.call('appointments.book', {
      slotId: morning.id,
      householdId: await household('Kai Twee'),
    })
    const before = snapshot(app)
    const tooFew = await rejection(app.call('slots.update', { id: morning.id, capacity: 1 }))
    expect(tooFew).toMatchObject({
      code: 'CONFLICT',
      key: 'capacityBelowBooked',
      params: { booked: 2 },
    })
    expect(tooFew.fields).toEqual([{ path: 'capacity', key: 'tooSmall', params: { min: 2 } }])
    const busy = await rejection(app.call('slots.remove', { id: morning.id }))
    expect(busy.key).toBe('slotHasBookings')
    expect(snapshot(app)).toBe(before)
    expect(await app.call('slots.update', { id: morning.id, capacity: 4 })).toMatchObject({
      booked: 2,
      free: 2,
    })
    // Closed for a holiday: an afternoon with only a cancelled booking can go.
    const c = await household('Koen Afgezegd')
    const { appointment } = await app.call('appointments.book', {
      slotId: afternoon.id,
      householdId: c,
    })
    await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'cancelled' })
    await app.call('slots.remove', { id: afternoon.id })
    expect((await slotsOf('2026-06-22', '2026-06-22')).map((s) => s.part)).toEqual(['morning'])
  })

  it('warns at booking and check-in when eligibility has expired or is unknown', async () => {
    const expired = await household('Dirk Visser', { proofSeenOn: '2025-01-10' })
    const unknown = await household('Eva Mulder', { proofSeenOn: null })
    const [slot] = await slotsOf('2026-06-15', '2026-06-15')
    const booked = await app.call('appointments.book', { slotId: slot.id, householdId: expired })
    expect(booked.warnings).toEqual([
      { key: 'eligibilityExpired', params: { until: '2026-01-10' } },
    ])
    expect(booked.appointment.eligibilityExpired).toBe(true)
    const checkedIn = await app.call('appointments.setStatus', {
      appointmentId: booked.appointment.id,
      status: 'came',
    })
    expect(checkedIn.warnings[0].key).toBe('eligibilityExpired')
    const other = await app.call('appointments.book', { slotId: slot.id, householdId: unknown })
    expect(other.warnings).toEqual([{ key: 'eligibilityUnknown' }])
  })

  it('accepts check-ins in the past but no check-in in the future', async () => {
    const h = await household('Fleur de Boer')
    const [past] = await slotsOf('2026-06-08', '2026-06-08')
    const [future] = await slotsOf('2026-06-22', '2026-06-22')
    // Booked while that Monday was still to come.
    app.clock.set('2026-06-05T10:00:00Z')
    const p = await app.call('appointments.book', { slotId: past.id, householdId: h })
    app.clock.set('2026-06-15T10:00:00Z')
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    const done = await app.call('appointments.setStatus', {
      appointmentId: p.appointment.id,
      status: 'no_show',
    })
    expect(done.appointment.status).toBe('no_show')
    const f = await app.call('appointments.book', { slotId: future.id, householdId: h })
    expect(
      (
        await rejection(
          app.call('appointments.setStatus', { appointmentId: f.appointment.id, status: 'came' }),
        )
      ).key,
    ).toBe('checkInFuture')
    const cancelled = await app.call('appointments.setStatus', {
      appointmentId: f.appointment.id,
      status: 'cancelled',
    })
    expect(cancelled.appointment.status).toBe('cancelled')
  })

  it('lists a day per half-day with the families', async () => {
    const [morning, afternoon] = await slotsOf('2026-06-15', '2026-06-15')
    await app.call('appointments.book', {
      slotId: afternoon.id,
      householdId: await household('Zoë Peters'),
    })
    await app.call('appointments.book', {
      slotId: morning.id,
      householdId: await household('Youssef Amrani'),
    })
    const day = await app.call('appointments.byDay', { date: '2026-06-15' })
    expect(day.map((a) => [a.part, a.contactName])).toEqual([
      ['morning', 'Youssef Amrani'],
      ['afternoon', 'Zoë Peters'],
    ])
  })
})

describe('visits', () => {
  it('registers a visit for an appointment, marks it came, and refuses a second one', async () => {
    await app.call('slots.generate', {
      from: '2026-06-15',
      to: '2026-06-15',
      template: [{ weekday: 1, part: 'morning', capacity: 5 }],
    })
    const [slot] = await slotsOf('2026-06-15', '2026-06-15')
    const h = await household('Gerrit Kok')
    const { appointment } = await app.call('appointments.book', { slotId: slot.id, householdId: h })
    const [kleding, schoenen] = await listIds(app, 'category')
    const { visit, warnings } = await app.call('visits.register', {
      householdId: h,
      appointmentId: appointment.id,
      date: '2026-06-15',
      servedBy: 'Anja',
      items: [
        { categoryId: kleding, count: 6 },
        { categoryId: schoenen, count: 2 },
      ],
    })
    expect(warnings).toEqual([])
    expect(visit.items.map((i) => [i.category.name, i.count])).toEqual([
      ['Kleding', 6],
      ['Schoenen', 2],
    ])
    const [after] = await app.call('appointments.byDay', { date: '2026-06-15' })
    expect(after).toMatchObject({ status: 'came', visitId: visit.id })
    const again = await rejection(
      app.call('visits.register', {
        householdId: h,
        appointmentId: appointment.id,
        date: '2026-06-15',
        servedBy: 'Anja',
        items: [],
      }),
    )
    expect(again.key).toBe('visitExists')
    expect(
      (
        await rejection(
          app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'no_show' }),
        )
      ).key,
    ).toBe('visitRegistered')
  })

  it("links a visit registered from the household page to that day's appointment", async () => {
    await app.call('slots.generate', {
      from: '2026-06-15',
      to: '2026-06-15',
      template: [{ weekday: 1, part: 'afternoon', capacity: 5 }],
    })
    const [slot] = await slotsOf('2026-06-15', '2026-06-15')
    const h = await household('Jet Koppel')
    const { appointment } = await app.call('appointments.book', { slotId: slot.id, householdId: h })
    const first = await app.call('visits.register', {
      householdId: h,
      date: '2026-06-15',
      servedBy: 'Anja',
      items: [],
    })
    expect(first.visit.appointmentId).toBe(appointment.id)
    expect(first.warnings).toEqual([])
    const [day] = await app.call('appointments.byDay', { date: '2026-06-15' })
    expect(day).toMatchObject({ status: 'came', visitId: first.visit.id })
    // A second visit that day is saved only once the user saw the first and confirmed.
    const input = { householdId: h, date: '2026-06-15', servedBy: 'Anja', items: [] }
    const before = snapshot(app)
    const unconfirmed = await rejection(app.call('visits.register', input))
    expect(unconfirmed).toMatchObject({ code: 'CONFLICT', key: 'visitSameDayUnconfirmed' })
    expect(snapshot(app)).toBe(before)
    const second = await app.call('visits.register', { ...input, sameDayVisitsSeen: 1 })
    expect(second.visit.appointmentId).toBeNull()
    expect(second.warnings.map((w) => w.key)).toContain('visitSameDay')
  })

  it('takes a visit entered afterwards but never one in the future', async () => {
    const h = await household('Hanna Vos')
    await app.call('visits.register', {
      householdId: h,
      date: '2026-05-02',
      servedBy: 'Anja',
      items: [],
    })
    const err = await rejection(
      app.call('visits.register', {
        householdId: h,
        date: '2026-06-16',
        servedBy: 'Anja',
        items: [],
      }),
    )
    expect(err.fields).toEqual([{ path: 'date', key: 'futureVisit' }])
  })

  it('warns, but does not block, above the visit and item limits', async () => {
    await app.call('settings.update', {
      maxVisitsPerPeriod: 1,
      visitPeriodDays: 28,
      maxItemsPerChild: 5,
    })
    const h = await household('Iris Jacobs') // two children
    const [kleding] = await listIds(app, 'category')
    const first = await app.call('visits.register', {
      householdId: h,
      date: '2026-06-01',
      servedBy: 'Anja',
      items: [{ categoryId: kleding, count: 10 }],
    })
    expect(first.warnings).toEqual([])
    const second = await app.call('visits.register', {
      householdId: h,
      date: '2026-06-15',
      servedBy: 'Anja',
      items: [{ categoryId: kleding, count: 11 }],
    })
    expect(second.warnings).toEqual([
      { key: 'visitLimit', params: { count: 2, days: 28, max: 1 } },
      { key: 'itemsPerChild', params: { items: 11, children: 2, max: 5 } },
    ])
    const detail = await app.call('households.get', { id: h })
    expect(detail.visits).toHaveLength(2)
  })
})

describe('call list', () => {
  it('lists eligible active households not seen since a date, without those already booked', async () => {
    const seenLongAgo = await household('Karin Hendriks')
    const seenRecently = await household('Lars Dekker')
    const neverSeen = await household('Maria Santos')
    await household('Niels Expired', { proofSeenOn: '2025-01-01' })
    await household('Olga Inactive', { status: 'inactive' })
    const booked = await household('Piet Booked')
    await app.call('visits.register', {
      householdId: seenLongAgo,
      date: '2026-02-01',
      servedBy: 'A',
      items: [],
    })
    await app.call('visits.register', {
      householdId: seenRecently,
      date: '2026-06-01',
      servedBy: 'A',
      items: [],
    })
    await app.call('slots.generate', {
      from: '2026-06-22',
      to: '2026-06-22',
      template: [{ weekday: 1, part: 'morning', capacity: 5 }],
    })
    const [slot] = await slotsOf('2026-06-22', '2026-06-22')
    await app.call('appointments.book', { slotId: slot.id, householdId: booked })

    const list = await app.call('households.callList', { notSeenSince: '2026-04-20' })
    expect(list.map((r) => r.id).sort()).toEqual([seenLongAgo, neverSeen].sort())
    const sameInLowerCase = await app.call('households.callList', {
      notSeenSince: '2026-04-20',
      district: 'binnenstad',
    })
    expect(sameInLowerCase).toHaveLength(2)
    const { filename, csv } = await app.call('households.callListCsv', {
      notSeenSince: '2026-04-20',
    })
    expect(filename).toBe('bellijst-2026-06-15.csv')
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe(
      'Referentie;Naam;Telefoon;E-mail;Wijk/kern;Laatste bezoek;Recht tot;Gebeld / uitgenodigd',
    )
    expect(lines).toHaveLength(3)
    expect(csv).toContain('Karin Hendriks')
    expect(lines.find((l) => l.includes('Karin Hendriks'))).toContain(';01-02-2026;')
  })
})
