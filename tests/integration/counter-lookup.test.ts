import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, slotOn, snapshot } from '../helpers/fixtures'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { COUNTER_SEARCH_LIMIT } from '../../src/shared/search-key'

// Monday 15 June 2026, 12:00 in Amsterdam.
let app: TestApp
let counter: Caller
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  counter = await app.loginAs('volunteer')
  await app.call('slots.generate', {
    from: '2026-06-15',
    to: '2026-06-21',
    template: [
      { weekday: 1, part: 'afternoon', capacity: 10 },
      { weekday: 2, part: 'morning', capacity: 10 },
    ],
  })
})
afterEach(async () => app.close())

const household = (name: string): Promise<number> => addHousehold(app, name)
const slot = (date: string): Promise<number> => slotOn(app, date)

describe('the counter opens only the households it looked up or expects today', () => {
  it('refuses walking the ids, and opens a household found by a search or booked today', async () => {
    const found = await household('Fatima Amrani')
    const today = await household('Gerrit Hoekstra')
    const tomorrow = await household('Henk Jansen')
    const other = await household('Ingrid Kok')
    await app.call('appointments.book', { slotId: await slot('2026-06-15'), householdId: today })
    await app.call('appointments.book', {
      slotId: await slot('2026-06-16'),
      householdId: tomorrow,
    })

    // Walking the ids, as the tester did: every household but today's is refused, and a refusal
    // does not tell an existing id from a missing one.
    for (const id of [found, tomorrow, other, 999]) {
      const err = await rejection(app.call('households.get', { id }, counter))
      expect(err).toMatchObject({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
    }
    expect((await app.call('households.get', { id: today }, counter)).household.contactName).toBe(
      'Gerrit Hoekstra',
    )

    // After a search, the household in its results opens; the others still do not.
    const search = await app.call('households.search', { query: 'amrani' }, counter)
    expect(search.rows.map((r) => r.id)).toEqual([found])
    expect((await app.call('households.get', { id: found }, counter)).household.contactName).toBe(
      'Fatima Amrani',
    )
    expect(await rejection(app.call('households.get', { id: other }, counter))).toMatchObject({
      key: 'counterLookupFirst',
    })

    // A search result counts for an hour, on the screen that searched only.
    const second = await app.loginAs('volunteer')
    expect(await rejection(app.call('households.get', { id: found }, second))).toMatchObject({
      key: 'counterLookupFirst',
    })
    app.clock.set('2026-06-15T10:50:00Z')
    await app.call('auth.unlock', { password: 'Eigen-sleutelbos-1-tulp' }, counter)
    expect((await app.call('households.get', { id: found }, counter)).household.id).toBe(found)
    app.clock.set('2026-06-15T11:51:00Z')
    await app.call('auth.unlock', { password: 'Eigen-sleutelbos-1-tulp' }, counter)
    expect(await rejection(app.call('households.get', { id: found }, counter))).toMatchObject({
      key: 'counterLookupFirst',
    })

    // Staff open any household, as before.
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    expect((await app.call('households.get', { id: other })).household.contactName).toBe(
      'Ingrid Kok',
    )
  })

  it('registers or checks a visit at the counter only for a household it may open', async () => {
    const walkIn = await household('Kees Loper')
    const input = { householdId: walkIn, date: '2026-06-15', servedBy: 'Vera', items: [] }
    const before = snapshot(app)
    for (const m of ['visits.check', 'visits.register'] as const) {
      const err = await rejection(app.call(m, input, counter))
      expect(err).toMatchObject({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
    }
    expect(snapshot(app)).toBe(before)
    await app.call('households.search', { query: 'kees loper' }, counter)
    expect((await app.call('visits.register', input, counter)).visit.householdId).toBe(walkIn)
  })

  it('gives the counter one short page of results, no paging: a longer query narrows it', async () => {
    for (let i = 0; i < 14; i++) await household(`Jansen ${String.fromCharCode(65 + i)}`)
    const first = await app.call('households.search', { query: 'jansen', limit: 200 }, counter)
    expect(first.rows).toHaveLength(COUNTER_SEARCH_LIMIT)
    expect(COUNTER_SEARCH_LIMIT).toBe(10)
    expect(first.total).toBe(14)
    const paging = await rejection(
      app.call('households.search', { query: 'jansen', limit: 10, offset: 10 }, counter),
    )
    expect(paging).toMatchObject({ code: 'VALIDATION' })
    expect(paging.fields).toEqual([{ path: 'query', key: 'searchRefine', params: { max: 10 } }])
    // Only what was shown can be opened: the 11th Jansen was never in a result.
    const all = await app.call('households.search', { query: 'jansen', limit: 200 })
    expect(all.rows).toHaveLength(14)
    const unseen = all.rows.filter((r) => !first.rows.some((f) => f.id === r.id))
    expect(
      await rejection(app.call('households.get', { id: unseen[0].id }, counter)),
    ).toMatchObject({ key: 'counterLookupFirst' })
    const narrowed = await app.call('households.search', { query: 'jansen n' }, counter)
    expect(narrowed.rows.map((r) => r.contactName)).toEqual(['Jansen N'])
    expect(
      (await app.call('households.get', { id: narrowed.rows[0].id }, counter)).household.id,
    ).toBe(narrowed.rows[0].id)
    // Staff still page through everything.
    const page2 = await app.call('households.search', { query: 'jansen', limit: 10, offset: 10 })
    expect(page2.rows).toHaveLength(4)
  })
})
