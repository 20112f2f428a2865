import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/shared/schemas/accounts'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { ADMIN_PASSWORD, createTestApp, newCaller, rejection, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

/**
 * `shop.totals` on a small shop whose every figure is counted by hand below: since the start
 * (the first visit or intake) up to a date, and on that date (active families, volunteers).
 */

let app: TestApp
const NOW = '2026-06-15T10:00:00Z'
const FIRST = 'Eerste-toegang-krokus-77'
let next = 3000
/** Households by letter. */
const h: Record<string, number> = {}

async function household(
  name: string,
  district: string | null,
  birthYears: number[],
): Promise<number> {
  const n = next++
  return (
    await app.call(
      'households.create',
      householdInput({
        contactName: name,
        postcode: `${n} AB`,
        phone: null,
        district,
        members: birthYears.map((birthYear) => ({ birthYear, gender: 'x' as const })),
      }),
    )
  ).id
}

async function visit(householdId: number, date: string): Promise<void> {
  await app.call('visits.register', { householdId, date, servedBy: 'Anja', items: [] })
}

async function intake(householdId: number, date: string): Promise<void> {
  await app.call('intakes.create', {
    householdId,
    date,
    doneBy: 'Anja',
    topicIds: [],
    referrals: [],
  })
}

/** Logs `username` in on a screen of its own at `at` (UTC); returns that screen. */
async function loginAt(username: string, at: string): Promise<Caller> {
  app.clock.set(at)
  const screen = newCaller()
  await app.call('auth.login', { username, password: FIRST }, screen)
  return screen
}

beforeAll(async () => {
  app = await createTestApp(NOW)
  // A: Noord, a child born 2010 (9 in 2019, 15 in 2025) and an adult.
  h.A = await household('Anna Noord', 'Noord', [1980, 2010])
  // B: Noord, born 2006: 19 at its visit in 2025, no child.
  h.B = await household('Bram Noord', 'Noord', [2006])
  // C: Zuid, born 2020.
  h.C = await household('Cor Zuid', 'Zuid', [2020])
  // D: no district; born 2000 (19 in 2019: no child) and 2005 (14: a child).
  h.D = await household('Dina Nergens', null, [2000, 2005])
  // E: Noord, an intake and no visit yet.
  h.E = await household('Els Noord', 'Noord', [1990])

  await intake(h.D, '2019-02-01') // the shop's first day
  await visit(h.D, '2019-03-01')
  await intake(h.A, '2019-03-04')
  await visit(h.A, '2019-03-04')
  await intake(h.A, '2025-05-01') // taken in again: two intakes, one household
  await visit(h.A, '2025-05-01') // 12 months before 15-06-2026 start on 16-06-2025: not active
  await visit(h.B, '2025-07-01')
  await visit(h.C, '2026-06-10')
  await intake(h.E, '2026-06-14')

  // Volunteers: the four weeks up to 15-06-2026 start on 19-05-2026 at midnight in Amsterdam,
  // 18-05-2026 22:00 UTC; those up to 12-06-2026 on 16-05-2026.
  for (const [username, role] of [
    ...['een', 'twee', 'vier', 'vijf', 'zes', 'zeven'].map((n) => [
      `vrijwilliger-${n}`,
      'volunteer',
    ]),
    ['coordinator-een', 'coordinator'],
  ] as [string, Role][])
    await app.call('users.create', { username, displayName: username, role, password: FIRST })
  await loginAt('vrijwilliger-een', '2026-05-18T21:30:00Z') // 23:30 on 18-05: only up to 12-06
  await loginAt('vrijwilliger-twee', '2026-05-18T22:30:00Z') // 00:30 on 19-05: both
  await loginAt('vrijwilliger-twee', '2026-06-01T08:00:00Z') // the same account again
  await loginAt('coordinator-een', '2026-06-01T08:00:00Z') // no volunteer
  await loginAt('vrijwilliger-vier', '2026-06-15T21:59:00Z') // 23:59 on 15-06: only up to 15-06
  await loginAt('vrijwilliger-vijf', '2026-06-15T22:00:00Z') // 00:00 on 16-06: neither
  await loginAt('vrijwilliger-zeven', '2026-06-14T09:00:00Z') // only up to 15-06
  // Zes logged in long before and unlocked its screen on 05-06: working there then.
  const zes = await loginAt('vrijwilliger-zes', '2026-04-01T08:00:00Z')
  await app.call('auth.lock', { reason: 'button' }, zes)
  app.clock.set('2026-06-05T08:00:00Z')
  await app.call('auth.unlock', { password: FIRST }, zes)
  // Twee became coordinator afterwards: its logins as a volunteer still count.
  app.clock.set(NOW)
  await app.call('auth.unlock', { password: ADMIN_PASSWORD })
  const twee = (await app.call('users.list', {})).find((u) => u.username === 'vrijwilliger-twee')
  await app.call('users.update', { id: twee!.id, role: 'coordinator' })
})
afterAll(async () => app.close())

describe('shop.totals follows its written definitions', () => {
  it('counts since the start and on the date, for the whole shop', async () => {
    const t = await app.call('shop.totals', { date: '2026-06-15' })
    expect(t).toMatchObject({
      date: '2026-06-15',
      district: null,
      start: '2019-02-01', // D's intake, before any visit
      sinceStart: {
        householdsReached: 4, // A, B, C, D; E has not come yet
        newHouseholds: 3, // D, A, E: households with an intake
        visits: 5,
        childrenReached: 3, // A's 2010, C's 2020, D's 2005
        intakes: 4, // A twice, D, E
      },
      onDate: {
        activeFrom: '2025-06-16',
        activeHouseholds: 2, // B (01-07-2025) and C (10-06-2026); A's last visit is older
        volunteersFrom: '2026-05-19',
        volunteers: 4, // twee, vier, zes (unlock), zeven; not een, vijf nor the coordinator
      },
    })
  })

  it('narrows the households to a district, but not the start nor the volunteers', async () => {
    const t = await app.call('shop.totals', { date: '2026-06-12', district: 'noord' })
    expect(t).toMatchObject({
      district: 'noord',
      start: '2019-02-01',
      sinceStart: {
        householdsReached: 2, // A, B
        newHouseholds: 1, // A; E's intake comes after the date
        visits: 3,
        childrenReached: 1, // A's child; B's was 19
        intakes: 2,
      },
      onDate: {
        activeFrom: '2025-06-13',
        activeHouseholds: 1, // B
        volunteersFrom: '2026-05-16',
        volunteers: 3, // een, twee, zes
      },
    })
  })

  it('has no start and counts nothing before the first visit or intake', async () => {
    const t = await app.call('shop.totals', { date: '2019-01-31' })
    expect(t.start).toBeNull()
    expect(t.sinceStart).toEqual({
      householdsReached: 0,
      newHouseholds: 0,
      visits: 0,
      childrenReached: 0,
      intakes: 0,
    })
    expect(t.onDate).toMatchObject({ activeHouseholds: 0, volunteers: 0 })
  })

  it('counts a short history on main, the same way', async () => {
    const t = await app.call('shop.totals', { date: '2019-03-01' })
    expect(t).toMatchObject({
      start: '2019-02-01',
      sinceStart: {
        householdsReached: 1,
        newHouseholds: 1,
        visits: 1,
        childrenReached: 1, // D's 2005
        intakes: 1,
      },
      onDate: { activeHouseholds: 1 },
    })
  })

  it('keeps counting a household after it is anonymised, as every past figure does', async () => {
    const before = await app.call('shop.totals', { date: '2026-06-15' })
    await app.call('retention.anonymise', { kind: 'household', id: h.D })
    const after = await app.call('shop.totals', { date: '2026-06-15' })
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' })
  })

  it('is the staff\u2019s: a volunteer is refused, a coordinator is answered', async () => {
    const volunteer = await app.loginAs('volunteer')
    expect((await rejection(app.call('shop.totals', { date: '2026-06-15' }, volunteer))).code).toBe(
      'FORBIDDEN',
    )
    const coordinator = await app.loginAs('coordinator')
    const t = await app.call('shop.totals', { date: '2026-06-15' }, coordinator)
    expect(t.sinceStart.visits).toBe(5)
  })

  it('refuses a date that is no date, with the field named', async () => {
    const e = await rejection(app.call('shop.totals', { date: '2026-02-30' }))
    expect(e.code).toBe('VALIDATION')
    expect(JSON.stringify(e)).toContain('date')
  })

  it('refuses a day still to come at the field: there is nothing to count there yet', async () => {
    const e = await rejection(app.call('shop.totals', { date: '2026-06-16' }))
    expect(e).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'date', key: 'futureDate' }] })
  })
})
