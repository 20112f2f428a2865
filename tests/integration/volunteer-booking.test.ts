import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { downloadedText } from '../helpers/downloads'
import { addHousehold, atMoment, slotOn, snapshot } from '../helpers/fixtures'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'
import type { Caller } from '../../src/main/domains/accounts/auth'

let app: TestApp
let counter: Caller
// Monday 15 June 2026, 12:00 in Amsterdam. Next week starts on 22 June.
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  counter = await app.loginAs('volunteer')
  await app.call('slots.generate', {
    from: '2026-06-01',
    to: '2026-07-31',
    template: [
      { weekday: 1, part: 'morning', capacity: 2 },
      { weekday: 1, part: 'afternoon', capacity: 2 },
      { weekday: 2, part: 'morning', capacity: 2 },
    ],
  })
})
afterEach(async () => app.close())

const slot = (date: string, part: 'morning' | 'afternoon' = 'morning'): Promise<number> =>
  slotOn(app, date, part)
const bookingOff = (): Promise<unknown> => app.call('settings.update', { volunteerMayBook: false })

/** A household the volunteer found by a search on its screen, as at the counter. */
async function lookedUp(name: string): Promise<number> {
  const id = await addHousehold(app, name)
  const found = await app.call('households.search', { query: name }, counter)
  expect(found.rows.map((r) => r.id)).toContain(id)
  return id
}

async function auditOf(
  entityId: number,
): Promise<{ role: string | null; detail: string | null }[]> {
  const page = await app.call('audit.list', {
    entityType: 'appointment',
    entityId: String(entityId),
  })
  return page.rows.map((r) => ({ role: r.role, detail: r.detail }))
}

describe('a volunteer with the booking switch on', () => {
  it('books, checks, moves, cancels and books again for a household it looked up, each audited', async () => {
    const h = await lookedUp('Chantal Bakker')
    const nextWeek = await slot('2026-06-22')
    const check = await app.call(
      'appointments.check',
      { slotId: nextWeek, householdId: h },
      counter,
    )
    expect(check.warnings).toEqual([])
    const booked = await app.call(
      'appointments.book',
      { slotId: nextWeek, householdId: h },
      counter,
    )
    expect(booked.appointment).toMatchObject({ date: '2026-06-22', status: 'planned' })
    // The counter gets whether the right holds, never the date it runs to.
    expect(booked.appointment.eligibleUntil).toBeNull()

    const moved = await app.call(
      'appointments.move',
      { id: booked.appointment.id, slotId: await slot('2026-06-23') },
      counter,
    )
    expect(moved.appointment).toMatchObject({ date: '2026-06-23', part: 'morning' })
    expect(moved.appointment.eligibleUntil).toBeNull()
    const cancelled = await app.call(
      'appointments.setStatus',
      { appointmentId: booked.appointment.id, status: 'cancelled' },
      counter,
    )
    expect(cancelled.appointment.status).toBe('cancelled')
    const again = await app.call(
      'appointments.setStatus',
      { appointmentId: booked.appointment.id, status: 'planned' },
      counter,
    )
    expect(again.appointment.status).toBe('planned')

    const entries = await auditOf(booked.appointment.id)
    expect(entries.map((e) => e.role)).toEqual(['volunteer', 'volunteer', 'volunteer', 'volunteer'])
    const notes = entries.map((e) => auditNoteText(e.detail, auditTranslator('nl')))
    expect(notes).toContain('verzet: 22-06-2026 ochtend → 23-06-2026 ochtend')
  })

  it('still never sees other days of the day list or the dashboard, but sees free places', async () => {
    const other = await addHousehold(app, 'Dirk Vos')
    await app.call('appointments.book', { slotId: await slot('2026-06-22'), householdId: other })
    const before = snapshot(app)
    for (const refused of [
      app.call('appointments.byDay', { date: '2026-06-22' }, counter),
      app.call('shop.dashboard', { date: '2026-06-22' }, counter),
    ])
      expect(await rejection(refused)).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    const places = await app.call('slots.list', { from: '2026-06-22', to: '2026-06-28' }, counter)
    const monday = places.find((s) => s.date === '2026-06-22' && s.part === 'morning')
    expect(monday).toMatchObject({ booked: 1, free: 1 })
    expect(JSON.stringify(places)).not.toContain('Vos')
    expect(snapshot(app)).toBe(before)
  })

  it('refuses every booking path for a household it did not look up, writing nothing', async () => {
    const h = await addHousehold(app, 'Eva Mulder')
    const { appointment } = await app.call('appointments.book', {
      slotId: await slot('2026-06-22'),
      householdId: h,
    })
    const before = snapshot(app)
    const tries = [
      app.call('appointments.check', { slotId: await slot('2026-06-23'), householdId: h }, counter),
      app.call('appointments.book', { slotId: await slot('2026-06-29'), householdId: h }, counter),
      app.call(
        'appointments.move',
        { id: appointment.id, slotId: await slot('2026-06-23') },
        counter,
      ),
      app.call(
        'appointments.setStatus',
        { appointmentId: appointment.id, status: 'cancelled' },
        counter,
      ),
    ]
    for (const t of tries)
      expect(await rejection(t)).toMatchObject({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
    expect(snapshot(app)).toBe(before)
  })

  it("still only checks in today's appointments: a past or coming one stays today-only", async () => {
    const h = await lookedUp('Fenna Kok')
    const past = await atMoment(app, '2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    const before = snapshot(app)
    for (const status of ['came', 'no_show'] as const)
      expect(
        await rejection(
          app.call(
            'appointments.setStatus',
            { appointmentId: past.appointment.id, status },
            counter,
          ),
        ),
      ).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    expect(snapshot(app)).toBe(before)
  })

  it('never cancels an appointment the family already kept or missed: that rewrites the figures', async () => {
    const h = await lookedUp('Hanna Wit')
    const past = await atMoment(app, '2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    await app.call('appointments.setStatus', { appointmentId: past.appointment.id, status: 'came' })
    const before = snapshot(app)
    expect(
      await rejection(
        app.call(
          'appointments.setStatus',
          { appointmentId: past.appointment.id, status: 'cancelled' },
          counter,
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    expect(snapshot(app)).toBe(before)
  })
})

describe('what booking tells a volunteer about other things', () => {
  it('gives no eligibility warning that changes with the half-day, so the end of the right stays hidden', async () => {
    // The right ends on Thursday 25 June: staff are warned for the 29th, not for the 22nd.
    const h = await addHousehold(app, 'Ilse Koster', { eligibleUntil: '2026-06-25' })
    await app.call('households.search', { query: 'Ilse Koster' }, counter)
    const keys = async (date: string, who?: Caller): Promise<string[]> =>
      (
        await app.call('appointments.check', { slotId: await slot(date), householdId: h }, who)
      ).warnings.map((w) => w.key)
    expect(await keys('2026-06-22')).not.toContain('eligibilityExpired')
    expect(await keys('2026-06-29')).toContain('eligibilityExpired')
    const counterKeys = [await keys('2026-06-22', counter), await keys('2026-06-29', counter)]
    expect(counterKeys[0]).toEqual(counterKeys[1])
    expect(counterKeys.flat()).not.toContain('eligibilityExpiredCounter')
  })

  it('does not cancel a planned appointment whose half-day is over: that was a no-show', async () => {
    const h = await lookedUp('Jan Post')
    const past = await atMoment(app, '2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: h }),
    )
    // This morning's booking, asked at 12:00 with the morning over at 13:00, can still be cancelled.
    const before = snapshot(app)
    expect(
      await rejection(
        app.call(
          'appointments.setStatus',
          { appointmentId: past.appointment.id, status: 'cancelled' },
          counter,
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    expect(snapshot(app)).toBe(before)
  })

  it('answers alike for an appointment id that does not exist and one of a family not looked up', async () => {
    const other = await addHousehold(app, 'Kees Mol')
    const kept = await atMoment(app, '2026-06-01T08:00:00Z', async () =>
      app.call('appointments.book', { slotId: await slot('2026-06-08'), householdId: other }),
    )
    await app.call('appointments.setStatus', { appointmentId: kept.appointment.id, status: 'came' })
    const coming = await app.call('appointments.book', {
      slotId: await slot('2026-06-22'),
      householdId: other,
    })
    const answers = []
    for (const id of [kept.appointment.id, coming.appointment.id, 999999]) {
      for (const status of ['cancelled', 'came'] as const)
        answers.push(
          await rejection(
            app.call('appointments.setStatus', { appointmentId: id, status }, counter),
          ),
        )
      answers.push(
        await rejection(
          app.call('appointments.move', { id, slotId: await slot('2026-06-23') }, counter),
        ),
      )
    }
    for (const a of answers)
      expect(a).toMatchObject({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
  })
})

describe('a volunteer with the booking switch off', () => {
  it('is refused book, check, move, cancel and re-booking on every path, and nothing is written', async () => {
    const h = await lookedUp('Gert Smit')
    const { appointment } = await app.call('appointments.book', {
      slotId: await slot('2026-06-22'),
      householdId: h,
    })
    const cancelledOne = await app.call('appointments.book', {
      slotId: await slot('2026-06-29'),
      householdId: h,
    })
    await app.call('appointments.setStatus', {
      appointmentId: cancelledOne.appointment.id,
      status: 'cancelled',
    })
    // Today's appointment: cancelling it is a booking change too.
    const today = await app.call('appointments.book', {
      slotId: await slot('2026-06-15', 'afternoon'),
      householdId: h,
    })
    await bookingOff()
    const before = snapshot(app)
    const tries = [
      app.call('appointments.check', { slotId: await slot('2026-06-23'), householdId: h }, counter),
      app.call('appointments.book', { slotId: await slot('2026-06-23'), householdId: h }, counter),
      app.call(
        'appointments.move',
        { id: appointment.id, slotId: await slot('2026-06-23') },
        counter,
      ),
      app.call(
        'appointments.setStatus',
        { appointmentId: appointment.id, status: 'cancelled' },
        counter,
      ),
      app.call(
        'appointments.setStatus',
        { appointmentId: today.appointment.id, status: 'cancelled' },
        counter,
      ),
      app.call(
        'appointments.setStatus',
        { appointmentId: cancelledOne.appointment.id, status: 'planned' },
        counter,
      ),
    ]
    for (const t of tries)
      expect(await rejection(t)).toMatchObject({ code: 'FORBIDDEN', key: 'volunteerRightOff' })
    expect(snapshot(app)).toBe(before)

    // Checking in today's appointment stays the counter's work, whatever the switch says.
    const came = await app.call(
      'appointments.setStatus',
      { appointmentId: today.appointment.id, status: 'came' },
      counter,
    )
    expect(came.appointment.status).toBe('came')
    // Staff keep booking as before.
    await app.call('appointments.move', { id: appointment.id, slotId: await slot('2026-06-23') })
  })

  it('holds at the next call of a session that was already open when the admin turned it off', async () => {
    const h = await lookedUp('Hans de Wit')
    const nextWeek = await slot('2026-06-22')
    await app.call('appointments.check', { slotId: nextWeek, householdId: h }, counter)
    await bookingOff()
    const before = snapshot(app)
    expect(
      await rejection(app.call('appointments.book', { slotId: nextWeek, householdId: h }, counter)),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'volunteerRightOff' })
    expect(snapshot(app)).toBe(before)
    await app.call('settings.update', { volunteerMayBook: true })
    await app.call('appointments.book', { slotId: nextWeek, householdId: h }, counter)
  })
})

describe('moving an appointment keeps the rules of a new booking', () => {
  it('refuses a full, past, too far, same or second-that-day half-day and a non-planned one', async () => {
    const h = await addHousehold(app, 'Ilse Jong')
    const { appointment } = await app.call('appointments.book', {
      slotId: await slot('2026-06-22'),
      householdId: h,
    })
    const full = await slot('2026-06-23')
    for (const name of ['Jan Boer', 'Karin Post'])
      await app.call('appointments.book', {
        slotId: full,
        householdId: await addHousehold(app, name),
      })
    const before = snapshot(app)
    const move = (slotId: number): Promise<unknown> =>
      app.call('appointments.move', { id: appointment.id, slotId })
    expect((await rejection(move(full))).key).toBe('slotFull')
    expect((await rejection(move(await slot('2026-06-09')))).key).toBe('slotOver')
    expect((await rejection(move(await slot('2026-06-22')))).key).toBe('moveSameSlot')
    expect((await rejection(move(999_999))).code).toBe('NOT_FOUND')
    expect(snapshot(app)).toBe(before)

    // The afternoon of the same day is fine: the family keeps one appointment that day.
    const moved = await app.call('appointments.move', {
      id: appointment.id,
      slotId: await slot('2026-06-22', 'afternoon'),
    })
    expect(moved.appointment).toMatchObject({ date: '2026-06-22', part: 'afternoon' })
    // A second booking that day is refused when moving onto it.
    const other = await app.call('appointments.book', {
      slotId: await slot('2026-06-29'),
      householdId: h,
    })
    expect(
      (
        await rejection(
          app.call('appointments.move', {
            id: other.appointment.id,
            slotId: await slot('2026-06-22'),
          }),
        )
      ).key,
    ).toBe('alreadyBookedThatDay')
    await app.call('appointments.setStatus', {
      appointmentId: other.appointment.id,
      status: 'cancelled',
    })
    expect(
      (
        await rejection(
          app.call('appointments.move', {
            id: other.appointment.id,
            slotId: await slot('2026-06-30'),
          }),
        )
      ).key,
    ).toBe('moveNotPlanned')
  })

  it('refuses moving beyond the booking horizon and for an anonymised household', async () => {
    const h = await addHousehold(app, 'Lotte Dam')
    const { appointment } = await app.call('appointments.book', {
      slotId: await slot('2026-06-22'),
      householdId: h,
    })
    // A half-day made before there was a horizon: moving onto it is refused.
    app.open.sqlite
      .prepare("insert into slot (date, part, capacity) values ('2199-01-06', 'morning', 5)")
      .run()
    const far = await slot('2199-01-06')
    const before = snapshot(app)
    expect(
      (await rejection(app.call('appointments.move', { id: appointment.id, slotId: far }))).key,
    ).toBe('beyondHorizon')
    expect(snapshot(app)).toBe(before)
    await app.call('retention.anonymise', { kind: 'household', id: h })
    const anonymisedBefore = snapshot(app)
    expect(
      (
        await rejection(
          app.call('appointments.move', { id: appointment.id, slotId: await slot('2026-06-29') }),
        )
      ).key,
    ).toBe('householdAnonymised')
    expect(snapshot(app)).toBe(anonymisedBefore)
  })
})

describe('moving, as a property', () => {
  it('never leaves more bookings on a half-day than places, nor two for a family on one day', async () => {
    const days = ['2026-06-22', '2026-06-23', '2026-06-29', '2026-06-30']
    const slots: number[] = []
    for (const d of days) slots.push(await slot(d))
    const families: number[] = []
    for (const name of ['Anna Aa', 'Bert Bee', 'Cor Cee'])
      families.push(await addHousehold(app, name))
    const booked: number[] = []
    for (const [i, f] of families.entries())
      booked.push(
        (await app.call('appointments.book', { slotId: slots[i % 2], householdId: f })).appointment
          .id,
      )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(booked.length - 1), fc.nat(slots.length - 1)), { maxLength: 12 }),
        async (moves) => {
          for (const [a, s] of moves)
            await app
              .call('appointments.move', { id: booked[a], slotId: slots[s] })
              .catch(() => null)
          const list = await app.call('slots.list', { from: days[0], to: days[3] })
          for (const s of list) expect(s.booked).toBeLessThanOrEqual(s.capacity)
          const rows = app.open.sqlite
            .prepare(
              "select household_id, date, count(*) n from appointment where status != 'cancelled' group by 1, 2",
            )
            .all() as { n: number }[]
          for (const r of rows) expect(r.n).toBe(1)
        },
      ),
      { numRuns: 20 },
    )
  })
})

describe('the switches in the audit log', () => {
  it('logs every change of a switch as a settings change naming it, in Dutch words in the CSV', async () => {
    await app.call('settings.update', { volunteerMayBook: false })
    await app.call('settings.update', { volunteerMayRecordConversation: false })
    await app.call('settings.update', { volunteerMaySeeHistory: true })
    // Saving the same value again changes nothing and logs nothing.
    await app.call('settings.update', { volunteerMaySeeHistory: true })
    const page = await app.call('audit.list', { action: 'settings_change', entityType: 'settings' })
    expect(page.rows.map((r) => r.fields)).toEqual([
      ['volunteerMaySeeHistory'],
      ['volunteerMayRecordConversation'],
      ['volunteerMayBook'],
    ])
    const csv = await downloadedText(
      app,
      await app.call('audit.export', {
        action: 'settings_change',
        entityType: 'settings',
        language: 'nl',
      }),
    )
    expect(csv).toContain('vrijwilligers mogen afspraken maken, verzetten en afzeggen')
    expect(csv).toContain('vrijwilligers mogen het gesprek bij een bezoek vastleggen')
    expect(csv).toContain('vrijwilligers zien eerdere onderwerpen en doorverwijzingen')
    expect(csv).not.toContain('volunteerMay')
  })

  it('says in the log whether each switch was turned on or off, in Dutch and English', async () => {
    await app.call('settings.update', { volunteerMayBook: false })
    await app.call('settings.update', { volunteerMayBook: true, volunteerMaySeeHistory: true })
    // A number changed alone gets no switch note.
    await app.call('settings.update', { defaultCapacity: 9 })
    const page = await app.call('audit.list', { action: 'settings_change', entityType: 'settings' })
    const nl = page.rows.map((r) => auditNoteText(r.detail, auditTranslator('nl')))
    expect(nl).toEqual([
      '',
      'vrijwilligers mogen afspraken maken, verzetten en afzeggen: aangezet; ' +
        'vrijwilligers zien eerdere onderwerpen en doorverwijzingen: aangezet',
      'vrijwilligers mogen afspraken maken, verzetten en afzeggen: uitgezet',
    ])
    expect(auditNoteText(page.rows[2].detail, auditTranslator('en'))).toBe(
      'volunteers may make, move and cancel appointments: turned off',
    )
    const csv = await downloadedText(
      app,
      await app.call('audit.export', {
        action: 'settings_change',
        entityType: 'settings',
        language: 'nl',
      }),
    )
    expect(csv).toContain('verzetten en afzeggen: uitgezet')
  })

  it('lets only the admin change a switch', async () => {
    const coordinator = await app.loginAs('coordinator')
    const before = snapshot(app)
    for (const who of [coordinator, counter])
      expect(
        await rejection(app.call('settings.update', { volunteerMayBook: false }, who)),
      ).toMatchObject({ code: 'FORBIDDEN' })
    expect(snapshot(app)).toBe(before)
  })
})
