import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '../../src/main/clock'
import { Vault } from '../../src/main/vault/vault'
import type { Router } from '../../src/main/router'
import {
  createWorkshop,
  DEMO_PASSWORD,
  type Workshop,
} from '../../src/main/domains/workshop/workshop'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { Db } from '../../src/main/context'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  TEST_PASSWORD_PARAMS,
  newCaller,
  rejection,
} from '../helpers/db'
import { workshopRouter } from '../helpers/workshop'

/**
 * The security review's findings on the oefenomgeving (F2, F3, F5, F6, F7): the switch checks a
 * password as the login does, every failed attempt lands in the log of the data it was tried on,
 * a switch that fails ends in one known state, and the demo's admin reaches no backup elsewhere.
 */

const TRAINER = 'trainer'
const TRAINER_PASSWORD = 'Zomer-sleutel-77-akker'
const SECOND = 'tweede'
const SECOND_PASSWORD = 'Winter-sleutel-88-weide'

interface Setup {
  clock: ReturnType<typeof manualClock>
  real: Vault
  workshop: Workshop
  router: Router
  /** When set, the demo's vault does not start (a damaged demo folder). */
  failStart: { on: boolean }
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    caller: Caller,
  ): Promise<MethodOutput<M>>
}

async function setUp(): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-workshop-sec-'))
  const clock = manualClock('2026-06-15T10:00:00Z')
  const real = await Vault.start({ dataDir: dir, clock, slotParams: TEST_PASSWORD_PARAMS })
  const failStart = { on: false }
  const workshop = createWorkshop({
    real,
    dataDir: dir,
    clock,
    households: 3,
    startVault: async (d) => {
      if (failStart.on) throw new Error('The demo folder cannot be read')
      return Vault.start({ dataDir: d, clock, slotParams: TEST_PASSWORD_PARAMS })
    },
  })
  const { router, call } = workshopRouter(real, workshop, clock)
  return { clock, real, workshop, router, failStart, call }
}

/** The log of one data, as its file holds it. */
function auditOf(db: Db) {
  return db
    .selectFrom('auditLog')
    .select(['action', 'userId', 'entityType', 'entityId', 'detail'])
    .orderBy('id')
    .execute()
}

async function account(db: Db, username: string) {
  return db
    .selectFrom('account')
    .select(['id', 'failedAttempts', 'waitUntil'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow()
}

describe('the switch to and from the oefenomgeving, as the security review asked', () => {
  let s: Setup
  const desk = newCaller('desk')
  const trainerDesk = newCaller('trainer-desk')
  let trainerId = 0
  let secondId = 0

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
    for (const [username, password] of [
      [TRAINER, TRAINER_PASSWORD],
      [SECOND, SECOND_PASSWORD],
    ] as const) {
      await s.call(
        'users.create',
        { username, displayName: `Coördinator ${username}`, role: 'coordinator', password },
        desk,
      )
      // A first login gives the account its key slot to the real data.
      await s.call('auth.login', { username, password }, newCaller(`first-${username}`))
    }
    trainerId = (await account(s.real.db, TRAINER)).id
    secondId = (await account(s.real.db, SECOND)).id
  }, 60_000)

  afterAll(async () => {
    await s.workshop.ready()
    await s.workshop.close()
    await s.real.close()
  }, 120_000)

  it('counts wrong passwords at the switch toward the account wait, logs them, and lets a waiting account not switch', async () => {
    const caller = newCaller('switch')
    const keys: string[] = []
    for (let i = 0; i < 5; i++)
      keys.push(
        (
          await rejection(
            s.call('workshop.open', { username: TRAINER, password: 'niet-goed-geraden' }, caller),
          )
        ).key,
      )
    expect(keys).toEqual([...Array(4).fill('workshopLoginFailed'), 'loginWait'])
    // The account itself has to wait now, as after five wrong logins: the accounts screen shows it.
    const row = await account(s.real.db, TRAINER)
    expect(row.failedAttempts).toBe(5)
    expect(row.waitUntil).not.toBeNull()
    // Each try is in the real data's log, as a failed login of that account at the switch.
    const failed = (await auditOf(s.real.db)).filter(
      (e) => e.action === 'login_failed' && e.entityId === String(trainerId),
    )
    expect(failed).toHaveLength(5)
    for (const e of failed) expect(e.detail).toContain('attemptWorkshop')
    // The login sees the switch's failures, and the switch the login's: the right password waits.
    const login = await rejection(
      s.call('auth.login', { username: TRAINER, password: TRAINER_PASSWORD }, newCaller('x')),
    )
    expect(login.key).toBe('loginWait')

    // The trainer's wait ends; the second coordinator now gets five wrong logins.
    s.clock.advance(60_000)
    for (let i = 0; i < 5; i++)
      await rejection(
        s.call('auth.login', { username: SECOND, password: 'ook-niet-goed' }, newCaller('y')),
      )
    const waiting = await rejection(
      s.call('workshop.open', { username: SECOND, password: SECOND_PASSWORD }, caller),
    )
    expect(waiting.key).toBe('loginWait')
    expect(s.workshop.mode).toBe('real')
    expect(s.real.isOpen).toBe(true)

    // The trainer's right password switches.
    const opened = await s.call(
      'workshop.open',
      { username: TRAINER, password: TRAINER_PASSWORD },
      trainerDesk,
    )
    expect(opened.mode).toBe('demo')
    await s.workshop.ready()
    expect(s.workshop.mode).toBe('demo')
  }, 300_000)

  it('refuses the switch back to an account that must wait, and logs failed switches back in the real log only', async () => {
    expect(s.real.isOpen).toBe(false)
    // The second coordinator's wait (five wrong logins) is not over: its right password waits.
    const waiting = await rejection(
      s.call('workshop.leave', { username: SECOND, password: SECOND_PASSWORD }, trainerDesk),
    )
    expect(waiting.key).toBe('loginWait')
    expect(s.workshop.mode).toBe('demo')
    // The real data this check opened is closed again: its key left memory.
    expect(s.real.isOpen).toBe(false)

    // A participant guesses the trainer's password at the switch back.
    const guess = await rejection(
      s.call('workshop.leave', { username: TRAINER, password: 'geraden-wachtwoord' }, trainerDesk),
    )
    expect(guess.key).toBe('workshopLoginFailed')
    expect(s.real.isOpen).toBe(false)

    // The first demo login opens the demo's data: the real data's failures stay out of its log.
    const participant = newCaller('participant')
    await s.call('auth.login', { username: 'beheerder', password: DEMO_PASSWORD }, participant)
    const demoLog = await auditOf(s.workshop.active.db)
    expect(demoLog.filter((e) => e.detail?.includes('attemptWorkshop'))).toEqual([])
    expect(demoLog.filter((e) => e.detail?.includes(TRAINER))).toEqual([])
  }, 120_000)

  it('refuses the demo admin a backup folder of its choice and a restore', async () => {
    const participant = newCaller('participant-backup')
    await s.call('auth.login', { username: 'beheerder', password: DEMO_PASSWORD }, participant)
    const folder = await rejection(
      s.call('backup.setFolder', { folder: join(tmpdir(), 'elders') }, participant),
    )
    expect(folder).toMatchObject({ code: 'CONFLICT', key: 'workshopBackupRefused' })
    const list = await s.call('backup.list', {}, participant)
    expect(list.isDefaultFolder).toBe(true)
    const made = await s.call('backup.create', { download: false }, participant)
    const restore = await rejection(
      s.call(
        'backup.restore',
        {
          source: { kind: 'folder', name: made.backup.name },
          secret: { method: 'password', username: 'beheerder', password: DEMO_PASSWORD },
          confirm: false,
        },
        participant,
      ),
    )
    expect(restore).toMatchObject({ code: 'CONFLICT', key: 'workshopBackupRefused' })
  }, 120_000)

  it('writes a demo reset and the failed switches back into the real log once it is open', async () => {
    const coordinator = newCaller('demo-coordinator')
    await s.call('auth.login', { username: 'coordinator', password: DEMO_PASSWORD }, coordinator)
    await s.call('workshop.reset', {}, coordinator)
    await s.workshop.ready()
    expect(s.workshop.mode).toBe('demo')

    const back = await s.call(
      'workshop.leave',
      { username: TRAINER, password: TRAINER_PASSWORD },
      trainerDesk,
    )
    expect(back.user.username).toBe(TRAINER)
    const log = await auditOf(s.real.db)
    const guessed = log.filter(
      (e) =>
        e.action === 'login_failed' &&
        e.detail?.includes('attemptWorkshop') &&
        e.detail.includes(`"name":"${TRAINER}"`),
    )
    expect(guessed).toHaveLength(1)
    expect(guessed[0]!.detail).toContain('passwordWrong')
    // The second coordinator's refused switches (in, and back while its check had the data
    // open) are both in the real log.
    expect(
      log.filter(
        (e) =>
          e.action === 'login_failed' &&
          e.entityId === String(secondId) &&
          e.detail?.includes('attemptWorkshop') &&
          e.detail.includes('refusedWhileWaiting'),
      ),
    ).toHaveLength(2)
    // The reset, by the demo's coordinator, names no account of the real data.
    const reset = log.filter((e) => e.detail?.includes('workshopReset'))
    expect(reset).toHaveLength(1)
    expect(reset[0]).toMatchObject({ action: 'settings_change', userId: null })
    expect(reset[0]!.detail).toContain('coordinator')
  }, 300_000)

  it('ends a switch that fails partway on the real data, runs two switches one after the other, and logs a failed preparation', async () => {
    expect(s.workshop.mode).toBe('real')
    s.failStart.on = true
    const failed = await s.router.call(trainerDesk, 'workshop.open', {
      username: TRAINER,
      password: TRAINER_PASSWORD,
    })
    expect(failed.ok).toBe(false)
    s.failStart.on = false
    // Not stuck between the two: the real data answers, and its login opens it again.
    expect((await s.call('workshop.status', {}, desk)).mode).toBe('real')
    const session = await s.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      desk,
    )
    expect(session.user.username).toBe(ADMIN_USERNAME)

    // Two trainers open it at once: one switches, the other is told it is already open.
    const [a, b] = await Promise.all([
      s.router.call(newCaller('a'), 'workshop.open', {
        username: TRAINER,
        password: TRAINER_PASSWORD,
      }),
      s.router.call(newCaller('b'), 'workshop.open', {
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      }),
    ])
    expect(a.ok).toBe(true)
    expect(b).toMatchObject({ ok: false, error: { key: 'workshopAlreadyOpen' } })
    await s.workshop.ready()
    expect(s.workshop.mode).toBe('demo')
    expect(s.real.isOpen).toBe(false)

    // Making the demo data anew fails: the app falls back to the real data, whose log says so.
    const coordinator = newCaller('demo-coordinator-2')
    await s.call('auth.login', { username: 'coordinator', password: DEMO_PASSWORD }, coordinator)
    s.failStart.on = true
    await s.call('workshop.reset', {}, coordinator)
    await s.workshop.ready()
    s.failStart.on = false
    expect(await s.call('workshop.status', {}, desk)).toMatchObject({ mode: 'real', failed: true })
    await s.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, desk)
    const log = await auditOf(s.real.db)
    expect(log.filter((e) => e.detail?.includes('workshopPreparationFailed'))).toHaveLength(1)
  }, 300_000)
})
