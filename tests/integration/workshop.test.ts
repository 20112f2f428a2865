import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '../../src/main/clock'
import { Vault } from '../../src/main/vault/vault'
import type { Router } from '../../src/main/router'
import {
  createWorkshop,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  type Workshop,
} from '../../src/main/domains/workshop/workshop'
import { DEMO_ACCOUNTS } from '../../scripts/demo-data'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  TEST_PASSWORD_PARAMS,
  newCaller,
  rejection,
} from '../helpers/db'
import { workshopRouter } from '../helpers/workshop'
import { householdInput } from '../helpers/fixtures'

const TODAY = '2026-06-15'

interface Setup {
  dir: string
  clock: ReturnType<typeof manualClock>
  real: Vault
  workshop: Workshop
  router: Router
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    caller: Caller,
  ): Promise<MethodOutput<M>>
}

async function setUp(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-workshop-'))
  const clock = manualClock(`${TODAY}T10:00:00Z`)
  const real = await Vault.start({ dataDir: dir, clock, slotParams: TEST_PASSWORD_PARAMS })
  const workshop = createWorkshop({
    real,
    dataDir: dir,
    clock,
    households: 3,
    startVault: (d) => Vault.start({ dataDir: d, clock, slotParams: TEST_PASSWORD_PARAMS }),
  })
  const { router, call } = workshopRouter(real, workshop, clock)
  return { dir, clock, real, workshop, router, call }
}

const household = (surname: string): MethodInput<'households.create'> =>
  householdInput({ contactName: `Test ${surname}`, postcode: '3811 AB', phone: null })

describe('the oefenomgeving beside the real data', () => {
  let s: Setup
  const desk = newCaller('desk')

  beforeAll(async () => {
    s = await setUp()
    await s.call(
      'setup.create',
      {
        organisation: { name: 'Stichting Echt' },
        admin: {
          username: ADMIN_USERNAME,
          displayName: 'Echte Beheerder',
          password: ADMIN_PASSWORD,
          passwordRepeat: ADMIN_PASSWORD,
        },
      },
      desk,
    )
  }, 60_000)

  afterAll(async () => {
    await s.workshop.ready()
    await s.workshop.close()
    await s.real.close()
  }, 120_000)

  it('keeps the demo logins of the sheet equal to the demo data', () => {
    expect(DEMO_LOGINS.map((l) => [l.username, l.displayName, l.role])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.username, a.displayName, a.role]),
    )
  })

  it('shows a new organisation its first steps until they are done', async () => {
    const steps = await s.call('firstSteps.get', {}, desk)
    expect(steps.show).toBe(true)
    expect(steps.steps.map((x) => [x.key, x.done])).toEqual([
      ['halfDays', false],
      ['accounts', false],
      ['intake', false],
    ])
    await s.call(
      'users.create',
      {
        username: 'kees',
        displayName: 'Kees',
        role: 'volunteer',
        password: 'Eerste-toegang-1-krokus',
      },
      desk,
    )
    const after = await s.call('firstSteps.get', {}, desk)
    expect(after.steps.find((x) => x.key === 'accounts')?.done).toBe(true)
    expect(after.show).toBe(true)
  })

  it('refuses to switch with a wrong password, a volunteer or a demo login', async () => {
    const caller = newCaller('switch')
    const wrong = await rejection(
      s.call(
        'workshop.open',
        { username: ADMIN_USERNAME, password: 'niet-het-wachtwoord' },
        caller,
      ),
    )
    expect(wrong.key).toBe('workshopLoginFailed')
    const volunteer = await rejection(
      s.call('workshop.open', { username: 'kees', password: 'Eerste-toegang-1-krokus' }, caller),
    )
    expect(volunteer.key).toBe('workshopNeedsStaff')
    const demo = await rejection(
      s.call('workshop.open', { username: 'coordinator', password: DEMO_PASSWORD }, caller),
    )
    expect(demo.key).toBe('workshopLoginFailed')
    expect((await s.call('workshop.status', {}, caller)).mode).toBe('real')
    // The real admin is still logged in at the desk: nothing was switched.
    expect((await s.call('auth.session', { activity: false }, desk))?.user.username).toBe(
      ADMIN_USERNAME,
    )
  })

  it('keeps demo and real data apart, resets the demo and goes back with the real login', async () => {
    await s.call('households.create', household('Echtgezin'), desk)
    const realRefs = await s.call('households.search', { query: 'Echtgezin' }, desk)
    expect(realRefs.total).toBe(1)

    const trainer = newCaller('trainer')
    const opened = await s.call(
      'workshop.open',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      trainer,
    )
    expect(opened.mode).toBe('demo')
    expect(s.real.isOpen).toBe(false)
    await s.workshop.ready()
    // Every session ended: the desk is logged out of the real data.
    expect(await s.call('auth.session', { activity: false }, desk)).toBeNull()
    const status = await s.call('workshop.status', {}, trainer)
    expect(status).toMatchObject({ mode: 'demo', preparing: null, password: DEMO_PASSWORD })

    // The real admin's password opens nothing in the demo.
    const realInDemo = await rejection(
      s.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, trainer),
    )
    expect(realInDemo.code).toBe('FORBIDDEN')
    await s.call('auth.login', { username: 'coordinator', password: DEMO_PASSWORD }, trainer)
    const demoStart = await s.call('households.search', {}, trainer)
    expect(demoStart.total).toBe(3)
    expect((await s.call('households.search', { query: 'Echtgezin' }, trainer)).total).toBe(0)
    await s.call('households.create', household('Oefengezin'), trainer)
    expect((await s.call('households.search', { query: 'Oefengezin' }, trainer)).total).toBe(1)
    const firstDemo = await s.call('households.search', {}, trainer)
    const someDate = firstDemo.rows.map((r) => r.lastVisitOn).find(Boolean)

    // A volunteer of the demo may not reset it; its coordinator may.
    const volunteer = newCaller('demo-volunteer')
    await s.call('auth.login', { username: 'vrijwilliger', password: DEMO_PASSWORD }, volunteer)
    expect((await rejection(s.call('workshop.reset', {}, volunteer))).code).toBe('FORBIDDEN')

    // A week later the trainer resets: the same data, dates moved by a week.
    s.clock.set('2026-06-22T10:00:00Z')
    await s.call('auth.login', { username: 'coordinator', password: DEMO_PASSWORD }, trainer)
    const reset = await s.call('workshop.reset', {}, trainer)
    expect(reset.preparing).not.toBeNull()
    expect(
      (
        await rejection(
          s.call('auth.login', { username: 'coordinator', password: DEMO_PASSWORD }, trainer),
        )
      ).key,
    ).toBe('workshopPreparing')
    await s.workshop.ready()
    expect(await s.call('auth.session', { activity: false }, trainer)).toBeNull()
    await s.call('auth.login', { username: 'coordinator', password: DEMO_PASSWORD }, trainer)
    expect((await s.call('households.search', { query: 'Oefengezin' }, trainer)).total).toBe(0)
    const again = await s.call('households.search', {}, trainer)
    expect(again.total).toBe(3)
    expect(again.rows.map((r) => r.contactName).sort()).toEqual(
      firstDemo.rows
        .filter((r) => !r.contactName.includes('Oefengezin'))
        .map((r) => r.contactName)
        .sort(),
    )
    if (someDate) {
      const moved = again.rows.map((r) => r.lastVisitOn).filter(Boolean)
      const d = new Date(`${someDate}T00:00:00Z`)
      d.setUTCDate(d.getUTCDate() + 7)
      expect(moved).toContain(d.toISOString().slice(0, 10))
    }

    // Going back needs the real login: not the demo's, not a wrong one.
    const byDemo = await rejection(
      s.call('workshop.leave', { username: 'beheerder', password: DEMO_PASSWORD }, trainer),
    )
    expect(byDemo.key).toBe('workshopLoginFailed')
    expect(s.real.isOpen).toBe(false)
    expect((await s.call('workshop.status', {}, trainer)).mode).toBe('demo')
    // A demo login (the sheet's password) that returns after the switch back has ended every
    // session, while the demo is still open: its session never reaches the real data, where its
    // account id (the demo's beheerder) exists too. The login is sent at that very moment, by
    // waiting inside the workshop's own step that closes the demo.
    const sneak = newCaller('sneak')
    const leaveDemo = s.workshop.leaveDemo.bind(s.workshop)
    let sneaked: unknown = null
    s.workshop.leaveDemo = async () => {
      sneaked = await s.call(
        'auth.login',
        { username: 'beheerder', password: DEMO_PASSWORD },
        sneak,
      )
      return leaveDemo()
    }
    const leaving = s.call(
      'workshop.leave',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      trainer,
    )
    const session = await leaving
    s.workshop.leaveDemo = leaveDemo
    expect(sneaked).toMatchObject({ user: { username: 'beheerder' } })
    expect((await rejection(s.call('households.search', {}, sneak))).code).toBe('FORBIDDEN')
    expect(await s.call('auth.session', { activity: false }, sneak)).toBeNull()
    expect(session.user.username).toBe(ADMIN_USERNAME)
    expect((await s.call('workshop.status', {}, trainer)).mode).toBe('real')
    expect((await s.call('households.search', { query: 'Oefengezin' }, trainer)).total).toBe(0)
    expect((await s.call('households.search', { query: 'Echtgezin' }, trainer)).total).toBe(1)
    // The real data is the real data again: its own household only.
    expect((await s.call('households.search', {}, trainer)).total).toBe(1)

    // Its first intake is done, and the list stays until half-days are there too; then it goes.
    const before = await s.call('firstSteps.get', {}, trainer)
    expect(before.steps.find((x) => x.key === 'intake')?.done).toBe(true)
    expect(before.show).toBe(true)
    await s.call(
      'slots.generate',
      {
        from: '2027-01-04',
        to: '2027-01-10',
        template: [{ weekday: 2, part: 'morning' as const, capacity: 10 }],
      },
      trainer,
    )
    expect((await s.call('firstSteps.get', {}, trainer)).show).toBe(false)
  }, 300_000)
})
