import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import {
  addHousehold,
  atMoment,
  householdInput,
  listIds,
  slotOn,
  snapshot,
  partnerIds,
} from '../helpers/fixtures'
import { searchKey } from '../../src/main/db/text'

let app: TestApp
// Monday 15 June 2026, 12:00 in Amsterdam.
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  await app.call('slots.generate', {
    from: '2026-06-01',
    to: '2026-06-30',
    template: [
      { weekday: 1, part: 'morning', capacity: 3 },
      { weekday: 2, part: 'morning', capacity: 3 },
    ],
  })
})
afterEach(async () => app.close())

const household = (name: string, over = {}): Promise<number> => addHousehold(app, name, over)
const slot = (date: string): Promise<number> => slotOn(app, date)
const back = <T>(at: string, fn: () => Promise<T>): Promise<T> => atMoment(app, at, fn)

function auditRows(householdId: number): { action: string; entityType: string | null }[] {
  return app.open.sqlite
    .prepare(
      'select action, entity_type as entityType, entity_id as entityId from audit_log where household_id = ? order by id',
    )
    .all(householdId) as { action: string; entityType: string | null }[]
}

describe('an anonymised household keeps its appointments as they were', () => {
  it('refuses every status change, so past figures stay the same after anonymising', async () => {
    const h = await household('Karin Anoniem')
    const past = await back('2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    await app.call('appointments.setStatus', {
      appointmentId: past.appointment.id,
      status: 'no_show',
    })
    const future = await app.call('appointments.book', {
      slotId: await slot('2026-06-16'),
      householdId: h,
    })
    await app.call('retention.anonymise', { id: h })
    const coordinator = await app.loginAs('coordinator')
    const before = snapshot(app)
    for (const [appointmentId, status] of [
      [future.appointment.id, 'planned'],
      [past.appointment.id, 'came'],
      [past.appointment.id, 'cancelled'],
    ] as const) {
      for (const caller of [app.admin, coordinator]) {
        const err = await rejection(
          app.call('appointments.setStatus', { appointmentId, status }, caller),
        )
        expect(err).toMatchObject({ code: 'CONFLICT', key: 'householdAnonymised' })
      }
    }
    expect(snapshot(app)).toBe(before)
  })
})

describe('removing a half-day', () => {
  it('refuses a half-day that is over, even with only cancelled bookings or none', async () => {
    const h = await household('Lotte Voorbij')
    const booked = await back('2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    await app.call('appointments.setStatus', {
      appointmentId: booked.appointment.id,
      status: 'cancelled',
    })
    // 13:30 in Amsterdam: today's morning (until 13:00) is over as well.
    app.clock.set('2026-06-15T11:30:00Z')
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    const before = snapshot(app)
    for (const date of ['2026-06-08', '2026-06-09', '2026-06-15']) {
      const err = await rejection(app.call('slots.remove', { id: await slot(date) }))
      expect(err).toMatchObject({ code: 'CONFLICT', key: 'slotOverRemove' })
    }
    expect(snapshot(app)).toBe(before)
  })

  it('logs each cancelled booking it removes under the household, so its export shows it', async () => {
    const h = await household('Mila Afgezegd')
    const { appointment } = await app.call('appointments.book', {
      slotId: await slot('2026-06-23'),
      householdId: h,
    })
    await app.call('appointments.setStatus', { appointmentId: appointment.id, status: 'cancelled' })
    await app.call('slots.remove', { id: await slot('2026-06-23') })
    expect(
      app.open.sqlite
        .prepare('select count(*) as n from appointment where id = ?')
        .get(appointment.id),
    ).toEqual({ n: 0 })
    expect(auditRows(h).slice(-1)).toEqual([
      { action: 'delete', entityType: 'appointment', entityId: String(appointment.id) },
    ])
    const file = await app.call('subjects.export', { kind: 'household', id: h, format: 'json' })
    const text = await downloadedText(app, file)
    expect(text).toContain('dagdeel verwijderd')
  })
})

describe('slots and bookings stay within 18 months', () => {
  it('refuses generating half-days beyond the horizon with a message at the end date', async () => {
    const before = snapshot(app)
    for (const [from, to] of [
      ['2199-01-01', '2200-01-02'],
      ['2027-12-01', '2027-12-16'],
    ]) {
      const err = await rejection(
        app.call('slots.generate', {
          from,
          to,
          template: [{ weekday: 1, part: 'morning', capacity: 5 }],
        }),
      )
      expect(err.code).toBe('VALIDATION')
      expect(err.fields).toEqual([
        { path: 'to', key: 'beyondHorizon', params: { date: '15-12-2027', months: 18 } },
      ])
    }
    expect(snapshot(app)).toBe(before)
    const ok = await app.call('slots.generate', {
      from: '2027-12-01',
      to: '2027-12-15',
      template: [{ weekday: 1, part: 'morning', capacity: 5 }],
    })
    expect(ok.created).toBe(2)
  })

  it('refuses a booking on a half-day beyond the horizon (one made before this rule)', async () => {
    const h = await household('Nora Ver')
    app.open.sqlite
      .prepare("insert into slot (date, part, capacity) values ('2199-01-06', 'morning', 5)")
      .run()
    const far = await slot('2199-01-06')
    const before = snapshot(app)
    const err = await rejection(app.call('appointments.book', { slotId: far, householdId: h }))
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'beyondHorizon' })
    expect(snapshot(app)).toBe(before)
  })
})

describe('names that only look alike', () => {
  const cyrillic = 'Kh\u0430dij\u0430 B\u043euj\u0430di' // Cyrillic а and о
  const greek = 'Kh\u03b1dija \u0392\u03bfujadi' // Greek α, Β and ο

  it('folds Cyrillic and Greek lookalike letters to Latin in the search key', () => {
    expect(searchKey(cyrillic)).toBe('khadija boujadi')
    expect(searchKey(greek)).toBe('khadija boujadi')
    expect(searchKey('\u0420\u0415\u0422\u0420\u041e\u0412')).toBe('petpob') // РЕТРОВ
    expect(searchKey('\u0441\u0435\u0440')).toBe(searchKey('\u0421\u0415\u0420'))
  })

  it('warns of the duplicate and lets the counter find it by its Latin name', async () => {
    const postcode = '3812 AB'
    await app.call(
      'households.create',
      householdInput({ contactName: 'Khadija Boujadi', postcode, phone: null }),
    )
    for (const name of [cyrillic, greek]) {
      const err = await rejection(
        app.call('households.create', householdInput({ contactName: name, postcode, phone: null })),
      )
      expect(err).toMatchObject({ code: 'CONFLICT', key: 'duplicates' })
      expect(await app.call('households.duplicates', { contactName: name, postcode })).toHaveLength(
        1,
      )
    }
    const { id } = await app.call(
      'households.create',
      householdInput({ contactName: cyrillic, postcode, phone: null, confirmDuplicate: true }),
    )
    const counter = await app.loginAs('volunteer')
    const found = await app.call('households.search', { query: 'Boujadi' }, counter)
    expect(found.rows.map((r) => r.id)).toContain(id)
    expect(found.total).toBe(2)
  })
})

describe('intakes, proofs and lists', () => {
  it('refuses an intake dated before 2000, also with a new household', async () => {
    const h = await household('Olaf Oud')
    const before = snapshot(app)
    const err = await rejection(
      app.call('intakes.create', {
        householdId: h,
        date: '1900-01-01',
        doneBy: 'Anja',
        topicIds: [],
        referrals: [],
      }),
    )
    expect(err.fields).toEqual([{ path: 'date', key: 'intakeTooEarly' }])
    const withNew = await rejection(
      app.call(
        'households.create',
        householdInput({
          contactName: 'Pien Nieuw',
          postcode: '3813 AB',
          intake: { date: '1999-12-31', doneBy: 'Anja', topicIds: [], referrals: [] },
        }),
      ),
    )
    expect(withNew.fields).toEqual([{ path: 'intake.date', key: 'intakeTooEarly' }])
    expect(snapshot(app)).toBe(before)
  })

  it('refuses the same referral destination twice in one intake', async () => {
    const h = await household('Quinten Dubbel')
    const [d1, d2] = await partnerIds(app)
    const [t1] = await listIds(app, 'topic')
    const before = snapshot(app)
    const err = await rejection(
      app.call('intakes.create', {
        householdId: h,
        date: '2026-06-10',
        doneBy: 'Anja',
        topicIds: [t1, t1],
        referrals: [
          { destinationId: d1, note: 'gebeld' },
          { destinationId: d2 },
          { destinationId: d1, note: 'nog eens' },
        ],
      }),
    )
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([{ path: 'referrals.2.destinationId', key: 'duplicateReferral' }])
    expect(snapshot(app)).toBe(before)
    // The same topic twice is one topic: stored once.
    const intake = await app.call('intakes.create', {
      householdId: h,
      date: '2026-06-10',
      doneBy: 'Anja',
      topicIds: [t1, t1],
      referrals: [{ destinationId: d1 }, { destinationId: d2 }],
    })
    expect(intake.topics).toHaveLength(1)
    expect(intake.referrals).toHaveLength(2)
  })

  it('refuses list items that differ only by case, accents or their Unicode form', async () => {
    const before = snapshot(app)
    for (const [kind, name, existing] of [
      ['topic', 'opvoeding', 'Opvoeding'],
      ['topic', 'OPVOEDING ', 'Opvoeding'],
      ['topic', 'Financie\u0308n en schulden', 'Financiën en schulden'],
      ['topic', 'Financien en  schulden', 'Financiën en schulden'],
      ['category', 'speelgoed', 'Speelgoed'],
    ] as const) {
      const err = await rejection(app.call('lists.create', { kind, name }))
      expect(err).toMatchObject({ code: 'CONFLICT', key: 'listNameTaken' })
      expect(err.fields).toEqual([
        { path: 'name', key: 'nameTakenFolded', params: { name: existing } },
      ])
    }
    const topics = await app.call('lists.list', { kind: 'topic' })
    const wonen = topics.find((t) => t.name === 'Wonen')!
    const renamed = await rejection(
      app.call('lists.update', { id: wonen.id, name: 'OPVOEDING', active: true }),
    )
    expect(renamed.fields).toEqual([
      { path: 'name', key: 'nameTakenFolded', params: { name: 'Opvoeding' } },
    ])
    expect(snapshot(app)).toBe(before)
    // A broken surrogate half is no character: refused at the field, nothing stored.
    for (const name of ['Kleding\ud800', 'Kleding\udbff']) {
      const broken = await rejection(app.call('lists.create', { kind: 'category', name }))
      expect(broken).toMatchObject({
        code: 'VALIDATION',
        fields: [{ path: 'name', key: 'badCharacters' }],
      })
    }
    expect(snapshot(app)).toBe(before)
    // Its own name in other letters is a rename of itself, and other kinds may share a name.
    expect(
      (await app.call('lists.update', { id: wonen.id, name: 'WONEN', active: true })).name,
    ).toBe('WONEN')
    expect((await app.call('lists.create', { kind: 'category', name: 'Opvoeding' })).name).toBe(
      'Opvoeding',
    )
  })

  it('refuses a proof before 2000 and a right that runs further than five years ahead', async () => {
    const h = await household('Rosa Bewijs')
    const { household: current } = await app.call('households.get', { id: h })
    const base = {
      ...householdInput({ contactName: 'Rosa Bewijs', postcode: current.postcode, phone: null }),
      id: h,
      members: current.members,
    }
    const before = snapshot(app)
    const proof = await rejection(
      app.call('households.update', { ...base, proofSeenOn: '1900-01-01', eligibleUntil: null }),
    )
    expect(proof.fields).toEqual([{ path: 'proofSeenOn', key: 'proofTooEarly' }])
    const far = await rejection(
      app.call('households.update', { ...base, eligibleUntil: '2200-12-31' }),
    )
    expect(far.fields).toEqual([
      { path: 'eligibleUntil', key: 'eligibleTooFar', params: { date: '15-06-2031' } },
    ])
    const created = await rejection(
      app.call(
        'households.create',
        householdInput({
          contactName: 'Sem Ver',
          postcode: '3814 AB',
          eligibleUntil: '2031-06-16',
        }),
      ),
    )
    expect(created.fields).toEqual([
      { path: 'eligibleUntil', key: 'eligibleTooFar', params: { date: '15-06-2031' } },
    ])
    expect(snapshot(app)).toBe(before)
    await app.call('households.update', { ...base, eligibleUntil: '2031-06-15' })
  })
})
