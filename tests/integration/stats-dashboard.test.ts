import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/db'
import { householdInput, listIds, partnerIds } from '../helpers/fixtures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

let next = 2000
async function household(
  name: string,
  district: string | null,
  members: { birthYear: number; gender: 'f' | 'm' | 'x' }[],
): Promise<number> {
  const n = next++
  return (
    await app.call(
      'households.create',
      householdInput({ contactName: name, postcode: `${n} AB`, phone: null, district, members }),
    )
  ).id
}

/**
 * Runs `fn` with the clock at `at` (bookings are only made for half-days still to come), then
 * returns to the present; the long pause locks the screen, so the admin unlocks it.
 */
async function back<T>(at: string, fn: () => Promise<T>): Promise<T> {
  const now = app.clock.now().toISOString()
  app.clock.set(at)
  try {
    return await fn()
  } finally {
    app.clock.set(now)
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
  }
}

async function visit(
  householdId: number,
  date: string,
  conversation: { topics?: number[]; referrals?: { destinationId: number }[] } = {},
): Promise<void> {
  await app.call('visits.register', {
    householdId,
    date,
    servedBy: 'Anja',
    items: [],
    ...conversation,
  })
}

describe('shop.stats follows its written definitions', () => {
  it('counts reached, new, visits, children, no-shows, referrals and topics, per district', async () => {
    // Noord: two households; Zuid: one; one without district.
    const a = await household('Anna Noord', 'Noord', [
      { birthYear: 1980, gender: 'f' },
      { birthYear: 2009, gender: 'm' }, // 17 in 2026: a child; 18 in 2027
      { birthYear: 2008, gender: 'f' }, // 18 in 2026: not a child
    ])
    const b = await household('Bram Noord', 'Noord', [{ birthYear: 2015, gender: 'm' }])
    const c = await household('Cor Zuid', 'Zuid', [
      { birthYear: 2012, gender: 'f' },
      { birthYear: 2014, gender: 'x' },
    ])
    const d = await household('Dina Nergens', null, [{ birthYear: 2020, gender: 'f' }])

    const [opvoeding, werk] = await listIds(app, 'topic')
    const [schuldhulp, maatschappelijk] = await partnerIds(app)
    await visit(a, '2025-11-03') // before the period: a is not new in 2026
    await visit(a, '2026-02-10')
    // The conversation at a visit counts beside the intake's.
    await visit(a, '2026-03-10', {
      topics: [opvoeding],
      referrals: [{ destinationId: schuldhulp }],
    })
    await visit(b, '2026-04-01')
    await visit(c, '2026-05-05', {
      topics: [werk, opvoeding],
      referrals: [{ destinationId: maatschappelijk }],
    })
    await visit(d, '2025-12-30', { topics: [werk] }) // only before the period

    await app.call('slots.generate', {
      from: '2026-01-01',
      to: '2026-06-15',
      template: [{ weekday: 1, part: 'morning', capacity: 5 }],
    })
    const slots = await app.call('slots.list', { from: '2026-01-01', to: '2026-06-15' })
    const statuses: [number, 'came' | 'no_show' | 'cancelled' | 'planned'][] = [
      [a, 'came'],
      [b, 'no_show'],
      [c, 'came'],
      [d, 'cancelled'],
      [c, 'planned'],
    ]
    for (const [i, [h, status]] of statuses.entries()) {
      const { appointment } = await back('2025-12-31T10:00:00Z', () =>
        app.call('appointments.book', { slotId: slots[i].id, householdId: h }),
      )
      if (status !== 'planned')
        await app.call('appointments.setStatus', { appointmentId: appointment.id, status })
    }

    await app.call('intakes.create', {
      householdId: a,
      date: '2026-02-10',
      doneBy: 'Anja',
      topicIds: [opvoeding, werk],
      referrals: [{ destinationId: schuldhulp }, { destinationId: maatschappelijk }],
      debts: 'yes',
      multipleProblems: 'yes',
    })
    // Nothing asked: both questions unknown.
    await app.call('intakes.create', {
      householdId: b,
      date: '2026-04-01',
      doneBy: 'Anja',
      topicIds: [],
      referrals: [],
    })
    await app.call('intakes.create', {
      householdId: c,
      date: '2026-05-05',
      doneBy: 'Anja',
      topicIds: [werk],
      referrals: [{ destinationId: schuldhulp }],
      debts: 'no',
    })
    await app.call('intakes.create', {
      householdId: d,
      date: '2025-12-30',
      doneBy: 'Anja',
      topicIds: [werk],
      referrals: [{ destinationId: schuldhulp }],
      debts: 'yes',
      multipleProblems: 'no',
    })

    const s = await app.call('shop.stats', { from: '2026-01-01', to: '2026-12-31' })
    expect(s).toMatchObject({
      householdsReached: 3,
      newHouseholds: 2, // b and c; a came first in 2025
      visits: 4,
      childrenReached: 4, // a's 17-year-old, b's one, c's two
      appointmentsCame: 2,
      appointmentsNoShow: 1,
    })
    expect(s.noShowRate).toBeCloseTo(1 / 3)
    // Intakes in 2026: a (yes, yes), b (nothing asked), c (debts no); d's is in 2025.
    expect(s.intakes).toBe(3)
    expect(s.debts).toEqual({ yes: 1, no: 1, unknown: 1, shareYes: 0.5 })
    expect(s.multipleProblems).toEqual({ yes: 1, no: 0, unknown: 2, shareYes: 1 })
    // Intake: a's and c's intakes; visit: a's visit of 10-03 and c's of 05-05.
    expect(s.referrals).toEqual([
      { key: 'Schuldhulpverlening', intakes: 2, visits: 1, total: 3 },
      { key: 'Maatschappelijk werk', intakes: 1, visits: 1, total: 2 },
    ])
    expect(s.topics).toEqual([
      { key: 'Opvoeding', intakes: 1, visits: 2, total: 3 },
      { key: 'Werk en bijstand', intakes: 2, visits: 1, total: 3 },
    ])
    expect(s.byDistrict.find((x) => x.district === 'Zuid')?.topics).toEqual([
      { key: 'Werk en bijstand', intakes: 1, visits: 1, total: 2 },
      { key: 'Opvoeding', intakes: 0, visits: 1, total: 1 },
    ])
    const noord = s.byDistrict.find((x) => x.district === 'Noord')
    expect(noord).toMatchObject({
      householdsReached: 2,
      visits: 3,
      childrenReached: 2,
      newHouseholds: 1,
    })
    expect(noord?.noShowRate).toBeCloseTo(0.5)
    expect(noord).toMatchObject({
      intakes: 2,
      debts: { yes: 1, no: 0, unknown: 1, shareYes: 1 },
      multipleProblems: { yes: 1, no: 0, unknown: 1, shareYes: 1 },
    })
    // d's only booking in 2026 was cancelled: no figure, so no row for its district.
    expect(s.byDistrict.map((x) => x.district)).toEqual(['Noord', 'Zuid'])

    const zuid = await app.call('shop.stats', {
      from: '2026-01-01',
      to: '2026-12-31',
      district: 'Zuid',
    })
    expect(zuid).toMatchObject({
      householdsReached: 1,
      visits: 1,
      childrenReached: 2,
      district: 'Zuid',
    })
    expect(zuid.byDistrict).toHaveLength(1)

    const lastYear = await app.call('shop.stats', { from: '2025-01-01', to: '2025-12-31' })
    expect(lastYear).toMatchObject({
      householdsReached: 2,
      newHouseholds: 2,
      visits: 2,
      noShowRate: null,
    })
    expect(lastYear.childrenReached).toBe(3) // a's 16- and 17-year-old in 2025, d's child
    // d's intake and d's visit, both of 30-12-2025.
    expect(lastYear.topics).toEqual([{ key: 'Werk en bijstand', intakes: 1, visits: 1, total: 2 }])
    expect(lastYear.debts).toEqual({ yes: 1, no: 0, unknown: 0, shareYes: 1 })
    expect(lastYear.multipleProblems).toEqual({ yes: 0, no: 1, unknown: 0, shareYes: 0 })
    // A district with only unknown answers: no share to give.
    const zuid2026 = s.byDistrict.find((x) => x.district === 'Zuid')
    expect(zuid2026?.multipleProblems).toEqual({ yes: 0, no: 0, unknown: 1, shareYes: null })
  })
})

describe('children reached', () => {
  it('does not count a child born after the visit year', async () => {
    const h = await household('Gea Zwanger', 'Noord', [
      { birthYear: 1995, gender: 'f' },
      { birthYear: 2026, gender: 'm' },
    ])
    await visit(h, '2025-12-01')
    await visit(h, '2026-02-01')
    const dec = await app.call('shop.stats', { from: '2025-12-01', to: '2025-12-31' })
    expect(dec.childrenReached).toBe(0)
    const feb = await app.call('shop.stats', { from: '2026-02-01', to: '2026-02-28' })
    expect(feb.childrenReached).toBe(1)
  })
})

describe('shop.dashboard', () => {
  it("shows today's appointments per half-day, free places this week, expiring and to invite", async () => {
    await app.call('slots.generate', {
      from: '2026-06-15',
      to: '2026-06-21',
      template: [
        { weekday: 1, part: 'morning', capacity: 5 },
        { weekday: 1, part: 'afternoon', capacity: 5 },
        { weekday: 3, part: 'morning', capacity: 4 },
      ],
    })
    const soon = await household('Els Binnenkort', 'Noord', [{ birthYear: 2018, gender: 'f' }])
    await app.call('households.update', {
      id: soon,
      ...householdInput({
        contactName: 'Els Binnenkort',
        postcode: '2999 AB',
        phone: null,
        proofSeenOn: '2025-07-01', // eligible until 01-07-2026: within 30 days
        members: [{ birthYear: 2018, gender: 'f' }],
      }),
    })
    const [morning] = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-15' })
    await app.call('appointments.book', { slotId: morning.id, householdId: soon })

    const dash = await app.call('shop.dashboard', {})
    expect(dash.date).toBe('2026-06-15')
    expect(dash.today.map((p) => [p.part, p.appointments.map((a) => a.contactName)])).toEqual([
      ['morning', ['Els Binnenkort']],
      ['afternoon', []],
    ])
    expect(dash.week).toMatchObject({ from: '2026-06-15', to: '2026-06-21', freeTotal: 13 })
    expect(dash.expiring.map((h) => h.contactName)).toEqual(['Els Binnenkort'])
    // Els has an appointment coming, so she is not on the invite list.
    expect(dash.toInvite.count).toBe(0)
    const other = await household('Frits Nooit', 'Zuid', [{ birthYear: 2016, gender: 'm' }])
    const again = await app.call('shop.dashboard', {})
    expect(again.toInvite.count).toBe(1)
    expect(again.toInvite.sample[0].id).toBe(other)
  })

  it('shows free places of the coming seven days, also on a Sunday', async () => {
    const sunday = await createTestApp('2026-06-21T10:00:00Z')
    try {
      await sunday.call('slots.generate', {
        from: '2026-06-15',
        to: '2026-06-30',
        template: [{ weekday: 2, part: 'morning', capacity: 5 }],
      })
      const dash = await sunday.call('shop.dashboard', {})
      expect(dash.week).toMatchObject({ from: '2026-06-21', to: '2026-06-27', freeTotal: 5 })
      expect(dash.week.slots.map((s) => s.date)).toEqual(['2026-06-23'])
    } finally {
      await sunday.close()
    }
  })
})
