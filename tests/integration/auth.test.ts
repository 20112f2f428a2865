import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  newCaller,
  rejection,
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  type TestApp,
} from '../helpers/db'
import { householdInput, listIds, partnerIds } from '../helpers/fixtures'
import { hashPassword } from '../../src/main/crypto/passwords'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'

/** An audit note as the Dutch screen shows it (main stores codes). */
const nlNote = (detail: string | null): string => auditNoteText(detail, auditTranslator('nl'))

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

const MINUTE = 60_000

async function auditActions(): Promise<string[]> {
  const rows = await app.open.db.selectFrom('auditLog').select('action').orderBy('id').execute()
  return rows.map((r) => r.action)
}

describe('first start', () => {
  it('shows the setup until the first admin exists, then refuses a second setup', async () => {
    const fresh = await createTestApp(undefined, { setup: false })
    try {
      const screen = newCaller()
      expect(await fresh.call('setup.status', {}, screen)).toEqual({
        needsSetup: true,
        organisationName: null,
        canRestore: true,
      })
      const setup = {
        organisation: { name: 'Stichting De Brug', city: 'Kampen' },
        admin: {
          username: 'Anja.B',
          displayName: 'Anja Bakker',
          password: 'welkom123',
          passwordRepeat: 'welkom123',
        },
      }
      const short = await rejection(fresh.call('setup.create', setup, screen))
      expect(short.fields).toEqual([{ path: 'admin.password', key: 'passwordTooShort' }])
      const common = await rejection(
        fresh.call(
          'setup.create',
          {
            ...setup,
            admin: { ...setup.admin, password: 'qwertyuiop', passwordRepeat: 'qwertyuiop' },
          },
          screen,
        ),
      )
      expect(common.fields).toEqual([{ path: 'admin.password', key: 'passwordCommon' }])
      const mismatch = await rejection(
        fresh.call(
          'setup.create',
          { ...setup, admin: { ...setup.admin, password: 'Lang-en-sterk-1', passwordRepeat: 'x' } },
          screen,
        ),
      )
      expect(mismatch.fields).toEqual([{ path: 'admin.passwordRepeat', key: 'passwordRepeat' }])
      expect((await fresh.call('setup.status', {}, screen)).needsSetup).toBe(true)

      const good = {
        ...setup.admin,
        password: 'Lang-en-sterk-1',
        passwordRepeat: 'Lang-en-sterk-1',
      }
      const session = await fresh.call('setup.create', { ...setup, admin: good }, screen)
      expect(session.user).toMatchObject({ username: 'anja.b', role: 'admin' })
      expect(screen.sessionId).toBeTruthy()
      expect(await fresh.call('setup.status', {}, screen)).toEqual({
        needsSetup: false,
        organisationName: 'Stichting De Brug',
        canRestore: false,
      })
      expect((await fresh.call('organisation.get', {}, screen)).city).toBe('Kampen')
      const again = await rejection(
        fresh.call(
          'setup.create',
          { ...setup, admin: { ...good, username: 'tweede' } },
          newCaller(),
        ),
      )
      expect([again.code, again.key]).toEqual(['CONFLICT', 'setupDone'])
      expect(await fresh.open.db.selectFrom('account').select('username').execute()).toEqual([
        { username: 'anja.b' },
      ])
    } finally {
      await fresh.close()
    }
  })

  it('refuses a second setup before looking at or hashing its password', async () => {
    // A costlier hash than the tests' usual one, so its time stands out from a plain refusal.
    const params = { logN: 15, r: 8, p: 1 }
    const slow = await createTestApp(undefined, { passwordParams: params })
    try {
      const setup = {
        organisation: { name: 'Stichting Nog Een' },
        admin: {
          username: 'tweede',
          displayName: 'Tweede',
          password: 'Lang-en-sterk-2',
          passwordRepeat: 'Lang-en-sterk-2',
        },
      }
      // Even a password the rules would refuse gets only "already set up".
      const weak = await rejection(
        slow.call(
          'setup.create',
          {
            ...setup,
            admin: { ...setup.admin, password: 'qwertyuiop', passwordRepeat: 'qwertyuiop' },
          },
          newCaller(),
        ),
      )
      expect([weak.code, weak.key, weak.fields]).toEqual(['CONFLICT', 'setupDone', undefined])
      const hashStarted = Date.now()
      await hashPassword('Lang-en-sterk-2', params)
      const oneHash = Date.now() - hashStarted
      const started = Date.now()
      const refused = await rejection(slow.call('setup.create', setup, newCaller()))
      const took = Date.now() - started
      expect(refused.key).toBe('setupDone')
      expect(took).toBeLessThan(oneHash / 3)
    } finally {
      await slow.close()
    }
  })

  it('stores no password in the clear: a salted scrypt hash per account', async () => {
    await app.call('users.create', {
      username: 'tweeling',
      displayName: 'Tweeling',
      role: 'volunteer',
      password: ADMIN_PASSWORD,
    })
    const rows = await app.open.db.selectFrom('account').select('passwordHash').execute()
    expect(rows).toHaveLength(2)
    for (const r of rows) {
      expect(r.passwordHash).toMatch(/^scrypt\$\d+\$8\$1\$/)
      expect(r.passwordHash).not.toContain(ADMIN_PASSWORD)
    }
    // The same password gives a different hash: each account has its own salt.
    expect(rows[0].passwordHash).not.toBe(rows[1].passwordHash)
  })
})

describe('logging in', () => {
  it('gives the same answer for an unknown name and a wrong password, and logs both', async () => {
    const screen = newCaller()
    const unknown = await rejection(
      app.call('auth.login', { username: 'niemand', password: 'iets-anders' }, screen),
    )
    const wrong = await rejection(
      app.call('auth.login', { username: ADMIN_USERNAME, password: 'iets-anders' }, screen),
    )
    expect([unknown.code, unknown.key]).toEqual(['FORBIDDEN', 'loginFailed'])
    expect([wrong.code, wrong.key]).toEqual(['FORBIDDEN', 'loginFailed'])
    expect(screen.sessionId).toBeNull()
    const failed = await app.open.db
      .selectFrom('auditLog')
      .select(['userId', 'detail'])
      .where('action', '=', 'login_failed')
      .execute()
    expect(failed).toHaveLength(2)
    expect(failed[0].userId).toBeNull()
    expect(failed[1].userId).toBe(1)
    const ok = await app.call(
      'auth.login',
      { username: ' BEHEERDER ', password: ADMIN_PASSWORD },
      screen,
    )
    expect(ok.user.username).toBe('beheerder')
  })

  it('makes an account wait 30 s after five failures, doubling with each further one', async () => {
    const screen = newCaller()
    const attempt = (password: string) =>
      app.call('auth.login', { username: ADMIN_USERNAME, password }, screen)
    for (let i = 1; i <= 4; i++)
      expect((await rejection(attempt(`fout-${i}`))).key, `attempt ${i}`).toBe('loginFailed')
    const fifth = await rejection(attempt('fout-5'))
    expect([fifth.key, fifth.params]).toEqual(['loginWait', { seconds: 30 }])
    // During the wait even the right password is not tried.
    app.clock.advance(10_000)
    const during = await rejection(attempt(ADMIN_PASSWORD))
    expect([during.key, during.params]).toEqual(['loginWait', { seconds: 20 }])
    app.clock.advance(20_000)
    const sixth = await rejection(attempt('fout-6'))
    expect([sixth.key, sixth.params]).toEqual(['loginWait', { seconds: 60 }])
    app.clock.advance(60_000)
    const seventh = await rejection(attempt('fout-7'))
    expect(seventh.params).toEqual({ seconds: 120 })
    app.clock.advance(120_000)
    await attempt(ADMIN_PASSWORD)
    expect(screen.sessionId).toBeTruthy()
    // A success clears the count: the next failure is a free one again.
    expect(
      (
        await rejection(
          app.call('auth.login', { username: ADMIN_USERNAME, password: 'x' }, newCaller()),
        )
      ).key,
    ).toBe('loginFailed')
  })

  it('refuses a disabled account and ends its open session', async () => {
    const volunteer = await app.loginAs('volunteer', 'vera')
    const [account] = await app
      .call('users.list', {})
      .then((l) => l.filter((u) => u.username === 'vera'))
    await app.call('users.update', { id: account.id, active: false })
    const r = await rejection(app.call('households.search', { query: '' }, volunteer))
    expect([r.code, r.key]).toEqual(['FORBIDDEN', 'notLoggedIn'])
    expect(volunteer.sessionId).toBeNull()
    const again = await rejection(
      app.call('auth.login', { username: 'vera', password: 'Eigen-sleutelbos-1-tulp' }, volunteer),
    )
    // The same answer as a wrong password: a disabled account does not say which one is right.
    expect(again.key).toBe('loginFailed')
    await app.call('users.update', { id: account.id, active: true })
    await app.call(
      'auth.login',
      { username: 'vera', password: 'Eigen-sleutelbos-1-tulp' },
      volunteer,
    )
    expect(volunteer.sessionId).toBeTruthy()
  })

  it('makes a new account and a reset password be replaced at the next login', async () => {
    const user = await app.call('users.create', {
      username: 'kees',
      displayName: 'Kees',
      role: 'coordinator',
      password: 'Eerste-dag-in-de-winkel',
    })
    expect(user.mustChangePassword).toBe(true)
    const screen = newCaller()
    const first = await app.call(
      'auth.login',
      { username: 'kees', password: 'Eerste-dag-in-de-winkel' },
      screen,
    )
    expect(first.mustChangePassword).toBe(true)
    const blocked = await rejection(app.call('households.search', { query: '' }, screen))
    expect([blocked.code, blocked.key]).toEqual(['FORBIDDEN', 'mustChangePassword'])
    const wrongCurrent = await rejection(
      app.call(
        'auth.changePassword',
        {
          currentPassword: 'fout',
          newPassword: 'Mijn-eigen-zin-9',
          newPasswordRepeat: 'Mijn-eigen-zin-9',
        },
        screen,
      ),
    )
    expect(wrongCurrent.fields).toEqual([{ path: 'currentPassword', key: 'passwordWrong' }])
    const common = await rejection(
      app.call(
        'auth.changePassword',
        {
          currentPassword: 'Eerste-dag-in-de-winkel',
          newPassword: 'password123',
          newPasswordRepeat: 'password123',
        },
        screen,
      ),
    )
    expect(common.fields).toEqual([{ path: 'newPassword', key: 'passwordCommon' }])
    const named = await rejection(
      app.call(
        'auth.changePassword',
        {
          currentPassword: 'Eerste-dag-in-de-winkel',
          newPassword: 'kees-2026-winkel',
          newPasswordRepeat: 'kees-2026-winkel',
        },
        screen,
      ),
    )
    expect(named.fields).toEqual([{ path: 'newPassword', key: 'passwordHasUsername' }])
    const changed = await app.call(
      'auth.changePassword',
      {
        currentPassword: 'Eerste-dag-in-de-winkel',
        newPassword: 'Mijn-eigen-zin-9',
        newPasswordRepeat: 'Mijn-eigen-zin-9',
      },
      screen,
    )
    expect(changed.mustChangePassword).toBe(false)
    await app.call('households.search', { query: '' }, screen)

    await app.call('users.resetPassword', { id: user.id, password: 'Tijdelijk-van-Bea-1' })
    const afterReset = await rejection(app.call('households.search', { query: '' }, screen))
    expect(afterReset.key).toBe('mustChangePassword')
    const old = await rejection(
      app.call('auth.login', { username: 'kees', password: 'Mijn-eigen-zin-9' }, newCaller()),
    )
    expect(old.key).toBe('loginFailed')
    const fresh = await app.call(
      'auth.login',
      { username: 'kees', password: 'Tijdelijk-van-Bea-1' },
      newCaller(),
    )
    expect(fresh.mustChangePassword).toBe(true)
  })
})

describe('screen lock', () => {
  it('answers LOCKED to a locked session until the same user unlocks it', async () => {
    const screen = await app.loginAs('coordinator')
    await app.call('auth.lock', { reason: 'shortcut' }, screen)
    const locked = await rejection(app.call('households.search', { query: '' }, screen))
    expect([locked.code, locked.key]).toEqual(['LOCKED', 'locked'])
    expect((await app.call('auth.session', {}, screen))?.locked).toBe(true)
    // Someone else's password does not unlock it.
    const other = await rejection(app.call('auth.unlock', { password: ADMIN_PASSWORD }, screen))
    expect(other.key).toBe('loginFailed')
    await app.call('auth.unlock', { password: 'Eigen-sleutelbos-1-tulp' }, screen)
    await app.call('households.search', { query: '' }, screen)
    expect(await auditActions()).toEqual(expect.arrayContaining(['lock', 'login_failed', 'unlock']))
  })

  it('locks after the idle minutes of the settings, in main, whatever the screen does', async () => {
    const screen = await app.loginAs('coordinator')
    app.clock.advance(10 * MINUTE - 1000)
    await app.call('households.search', { query: '' }, screen)
    app.clock.advance(10 * MINUTE)
    expect((await rejection(app.call('households.search', { query: '' }, screen))).code).toBe(
      'LOCKED',
    )
    await app.call('auth.unlock', { password: 'Eigen-sleutelbos-1-tulp' }, screen)
    // The admin, idle all this time, is locked as well.
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    await app.call('settings.update', { lockMinutes: 2 })
    app.clock.advance(2 * MINUTE)
    expect((await rejection(app.call('shop.dashboard', {}, screen))).code).toBe('LOCKED')
    const lock = await app.open.db
      .selectFrom('auditLog')
      .select(['detail', 'userName'])
      .where('action', '=', 'lock')
      .execute()
    expect(lock.map((l) => [l.userName, nlNote(l.detail)])).toEqual([
      ['coordinator1', 'niet gebruikt'],
      ['beheerder', 'niet gebruikt'],
      ['coordinator1', 'niet gebruikt'],
    ])
  })

  it('counts reported activity (typing without saving) as being at the screen', async () => {
    const screen = await app.loginAs('volunteer')
    for (let i = 0; i < 3; i++) {
      app.clock.advance(9 * MINUTE)
      expect((await app.call('auth.session', { activity: true }, screen))?.locked).toBe(false)
    }
    app.clock.advance(9 * MINUTE)
    // A status check alone is not activity.
    await app.call('auth.session', { activity: false }, screen)
    app.clock.advance(2 * MINUTE)
    expect((await app.call('auth.session', { activity: false }, screen))?.locked).toBe(true)
  })

  it('refuses more than 15 idle minutes as a setting', async () => {
    const r = await rejection(app.call('settings.update', { lockMinutes: 16 }))
    expect(r.fields?.[0].path).toBe('lockMinutes')
  })

  it('locks every session when the computer locks or sleeps', async () => {
    const a = await app.loginAs('coordinator')
    const b = await app.loginAs('volunteer')
    await app.router.lockAll('os')
    for (const s of [a, b, app.admin])
      expect((await rejection(app.call('shop.dashboard', {}, s))).code).toBe('LOCKED')
  })

  it('lets another user log in on a locked screen, which ends the first session', async () => {
    const screen = await app.loginAs('volunteer', 'vera')
    const first = screen.sessionId
    await app.call('auth.lock', { reason: 'button' }, screen)
    const other = await app.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      screen,
    )
    expect(other.user.username).toBe(ADMIN_USERNAME)
    expect(screen.sessionId).not.toBe(first)
    expect(app.router.sessions.get(first)).toBeNull()
    await app.call('users.list', {}, screen)
    const logout = await app.open.db
      .selectFrom('auditLog')
      .select(['userName', 'detail'])
      .where('action', '=', 'logout')
      .execute()
    expect(logout.map((l) => ({ ...l, detail: nlNote(l.detail) }))).toEqual([
      { userName: 'vera', detail: 'beheerder logde in op dit scherm' },
    ])
  })

  it('ends the session at logout', async () => {
    const screen = await app.loginAs('coordinator')
    expect(await app.call('auth.logout', {}, screen)).toEqual({ loggedOut: true })
    expect(screen.sessionId).toBeNull()
    expect(await app.call('auth.session', {}, screen)).toBeNull()
  })
})

describe('accounts', () => {
  it('refuses a taken username and a weak first password at the field', async () => {
    const input = {
      username: 'Beheerder',
      displayName: 'X',
      role: 'volunteer' as const,
      password: 'Goed-genoeg-wachtwoord',
    }
    const taken = await rejection(app.call('users.create', input))
    expect(taken.fields).toEqual([{ path: 'username', key: 'usernameTaken' }])
    const both = await rejection(app.call('users.create', { ...input, password: 'password1234' }))
    expect(both.fields).toEqual([
      { path: 'username', key: 'usernameTaken' },
      { path: 'password', key: 'passwordCommon' },
    ])
    const empty = await rejection(
      app.call('users.create', { ...input, username: 'leeg', password: '' }),
    )
    expect(empty.fields).toEqual([{ path: 'password', key: 'required' }])
    const weak = await rejection(
      app.call('users.create', { ...input, username: 'nieuw', password: '1234567890' }),
    )
    expect(weak.fields).toEqual([{ path: 'password', key: 'passwordCommon' }])
    const bad = await rejection(app.call('users.create', { ...input, username: 'met spatie' }))
    expect(bad.fields?.[0]).toMatchObject({ path: 'username', key: 'usernameSpaces' })
  })

  it('keeps at least one active admin and never lets an admin lock themselves out', async () => {
    const own = await rejection(app.call('users.update', { id: 1, active: false }))
    expect([own.code, own.key]).toEqual(['CONFLICT', 'ownAccount'])
    const demote = await rejection(app.call('users.update', { id: 1, role: 'coordinator' }))
    expect(demote.key).toBe('ownAccount')
    const second = await app.loginAs('admin', 'tweede')
    const refused = await rejection(app.call('users.update', { id: 2, active: false }, second))
    expect(refused.key).toBe('ownAccount')
    // The second admin may disable the first: one active admin remains.
    await app.call('users.update', { id: 1, active: false }, second)
    expect((await rejection(app.call('users.list', {}))).key).toBe('notLoggedIn')
  })

  it('applies a role change at the next call', async () => {
    const screen = await app.loginAs('coordinator', 'cor')
    await app.call('shop.stats', { from: '2026-01-01', to: '2026-06-15' }, screen)
    await app.call('users.update', { id: 2, role: 'volunteer' })
    const [entry] = (await app.call('audit.list', { entityType: 'account', action: 'update' })).rows
    expect([entry.fields, entry.detail]).toEqual([['role'], 'rol: coördinator → vrijwilliger'])
    const r = await rejection(
      app.call('shop.stats', { from: '2026-01-01', to: '2026-06-15' }, screen),
    )
    expect(r.code).toBe('FORBIDDEN')
  })
})

describe('what a counter volunteer sees of a household', () => {
  it('carries no intake notes, income, referrer or referrals; a coordinator sees them', async () => {
    const [topic] = await listIds(app, 'topic')
    const [destination] = await partnerIds(app)
    const { id } = await app.call(
      'households.create',
      householdInput({
        referrer: 'Wijkteam Noord',
        notes: 'Vader net ontslagen',
        intake: {
          date: '2026-06-10',
          doneBy: 'Anja',
          notes: 'Schulden bij de woningcorporatie',
          topicIds: [topic],
          referrals: [{ destinationId: destination, note: 'Gebeld met schuldhulp' }],
        },
      }),
    )
    const coordinator = await app.loginAs('coordinator')
    const full = await app.call('households.get', { id }, coordinator)
    expect(JSON.stringify(full)).toContain('Schulden bij de woningcorporatie')
    expect(full.household.incomeSource).toBeDefined()

    const volunteer = await app.loginAs('volunteer')
    // The counter opens a household it looked up.
    await app.call('households.search', { query: 'de vries' }, volunteer)
    const counter = await app.call('households.get', { id }, volunteer)
    const text = JSON.stringify(counter)
    for (const hidden of [
      'Schulden bij de woningcorporatie',
      'Gebeld met schuldhulp',
      'Wijkteam Noord',
      'Vader net ontslagen',
      'incomeSource',
      'intakes',
    ])
      expect(text, hidden).not.toContain(hidden)
    expect(counter.restricted).toBe(true)
    expect(counter.household.contactName).toBe(full.household.contactName)
    // The end of the right gives away the proof date: the counter gets its status only.
    expect(counter.household.eligibleUntil).toBeNull()
    expect(counter.eligibility).toBe(full.eligibility)
  })
})

describe('sessions left behind', () => {
  it('are dropped when someone logs in more than 12 hours later', async () => {
    const left = await app.loginAs('volunteer')
    const id = left.sessionId
    app.clock.advance(13 * 60 * MINUTE)
    await app.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    expect(app.router.sessions.get(id)).toBeNull()
  })
})

describe('guessing at once or guessing names', () => {
  it('checks one password per account at a time: a burst of guesses meets the wait', async () => {
    const guesses = Array.from({ length: 30 }, (_, i) =>
      app.router.call(newCaller(), 'auth.login', {
        username: ADMIN_USERNAME,
        password: `fout-${i}`,
      }),
    )
    const right = app.router.call(newCaller(), 'auth.login', {
      username: ADMIN_USERNAME,
      password: ADMIN_PASSWORD,
    })
    const results = await Promise.all([...guesses, right])
    expect(results.every((r) => !r.ok)).toBe(true)
    const last = results[results.length - 1]
    if (!last.ok) expect(last.error.key).toBe('loginWait')
    const { failedAttempts } = await app.open.db
      .selectFrom('account')
      .select('failedAttempts')
      .where('username', '=', ADMIN_USERNAME)
      .executeTakeFirstOrThrow()
    expect(failedAttempts).toBe(5)
  })

  it('makes a name that does not exist wait exactly like one that does', async () => {
    const answers = async (username: string) => {
      const keys: string[] = []
      for (let i = 0; i < 6; i++) {
        const r = await rejection(
          app.call('auth.login', { username, password: `x-${i}` }, newCaller()),
        )
        keys.push(r.params ? `${r.key}:${r.params.seconds}` : r.key)
      }
      return keys
    }
    const real = await answers(ADMIN_USERNAME)
    const made = await answers('bestaat.niet')
    expect(made).toEqual(real)
    expect(real.slice(4)).toEqual(['loginWait:30', 'loginWait:30'])
  })

  it('logs every lock and failed login of a busy moment, and the chain stays whole', async () => {
    const screens = await Promise.all([1, 2, 3, 4].map(() => app.loginAs('volunteer')))
    const before = (await app.call('audit.verify', {})).count
    const calls = [
      ...screens.map((s) => app.router.call(s, 'auth.lock', { reason: 'button' })),
      ...screens.map(() =>
        app.router.call(newCaller(), 'auth.login', { username: 'niemand', password: 'x' }),
      ),
      ...screens.map((s) => app.router.call(s, 'auth.session', { activity: true })),
    ]
    const results = await Promise.all(calls)
    expect(results.filter((r) => !r.ok && r.error.code === 'INTERNAL')).toEqual([])
    const after = await app.call('audit.verify', {})
    expect(after.ok).toBe(true)
    expect(after.count - before).toBe(8)
  })

  it('locks every session when the computer sleeps, even while others write', async () => {
    const screens = await Promise.all([1, 2, 3].map(() => app.loginAs('coordinator')))
    await Promise.all([
      app.router.lockAll('os'),
      ...screens.map((s) => app.router.call(s, 'households.get', { id: 999 })),
      app.router.call(newCaller(), 'auth.login', { username: 'niemand', password: 'x' }),
    ])
    for (const s of [...screens, app.admin])
      expect((await rejection(app.call('shop.dashboard', {}, s))).code).toBe('LOCKED')
    expect((await app.router.call(screens[0], 'auth.session', {})).ok).toBe(true)
  })

  it('lets a user who must still choose a password unlock a screen that locked meanwhile', async () => {
    await app.call('users.create', {
      username: 'nieuw',
      displayName: 'Nieuw',
      role: 'volunteer',
      password: 'Eerste-keer-bij-de-balie',
    })
    const screen = newCaller()
    await app.call(
      'auth.login',
      { username: 'nieuw', password: 'Eerste-keer-bij-de-balie' },
      screen,
    )
    app.clock.advance(11 * MINUTE)
    expect((await app.call('auth.session', {}, screen))?.locked).toBe(true)
    await app.call('auth.unlock', { password: 'Eerste-keer-bij-de-balie' }, screen)
    const info = await app.call(
      'auth.changePassword',
      {
        currentPassword: 'Eerste-keer-bij-de-balie',
        newPassword: 'Groene-deur-achterom',
        newPasswordRepeat: 'Groene-deur-achterom',
      },
      screen,
    )
    expect(info.mustChangePassword).toBe(false)
  })

  it('logs the end of a session that was left behind', async () => {
    await app.loginAs('volunteer', 'vera')
    app.clock.advance(13 * 60 * MINUTE)
    await app.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    const ends = await app.open.db
      .selectFrom('auditLog')
      .select(['userName', 'detail'])
      .where('action', '=', 'logout')
      .execute()
    expect(ends.map((e) => ({ ...e, detail: nlNote(e.detail) }))).toEqual(
      expect.arrayContaining([{ userName: 'vera', detail: 'verlopen: 12 uur niet gebruikt' }]),
    )
  })
})

describe('what the counter gets from the dashboard and the search', () => {
  it('leaves out who to invite and whose proof runs out, and lists nobody without a lookup', async () => {
    await app.call(
      'households.create',
      householdInput({ proofSeenOn: '2025-06-20', consentDate: '2025-06-20' }),
    )
    const coordinator = await app.loginAs('coordinator')
    const full = await app.call('shop.dashboard', {}, coordinator)
    expect(full.toInvite.sample.length + full.expiring.length).toBeGreaterThan(0)
    const volunteer = await app.loginAs('volunteer')
    const counter = await app.call('shop.dashboard', {}, volunteer)
    expect(counter.expiring).toEqual([])
    expect(counter.toInvite).toMatchObject({ count: 0, sample: [] })
    expect(JSON.stringify(counter)).not.toContain('06-12345678')
    expect(await app.call('households.search', { query: '' }, volunteer)).toEqual({
      rows: [],
      total: 0,
    })
    // Too short to be a lookup: said at the field, nobody listed.
    expect(
      (await rejection(app.call('households.search', { query: 'S' }, volunteer))).fields,
    ).toEqual([{ path: 'query', key: 'searchTooShort', params: { min: 2 } }])
    expect((await app.call('households.search', { query: 'Sanne' }, volunteer)).total).toBe(1)
    expect((await app.call('households.search', { query: 'H-' }, volunteer)).total).toBe(0)
    expect((await app.call('households.search', { query: 'H-000' }, volunteer)).total).toBe(0)
    expect((await app.call('households.search', { query: 'h-00001' }, volunteer)).total).toBe(1)
    expect((await app.call('households.search', { query: '1' }, coordinator)).total).toBe(1)
    expect((await app.call('households.search', { query: 'H-' }, coordinator)).total).toBe(1)
    expect((await app.call('households.search', { query: '' }, coordinator)).total).toBe(1)
  })
})

describe('check-in at the counter', () => {
  it("lets a volunteer check in today's families only, not cancel or change other days (booking off)", async () => {
    const { id } = await app.call('households.create', householdInput())
    await app.call('slots.generate', {
      from: '2026-06-15',
      to: '2026-06-16',
      template: [
        { weekday: 1, part: 'morning', capacity: 3 },
        { weekday: 2, part: 'morning', capacity: 3 },
      ],
    })
    const [today, tomorrow] = await app.call('slots.list', { from: '2026-06-15', to: '2026-06-16' })
    const a = (await app.call('appointments.book', { slotId: today.id, householdId: id }))
      .appointment
    const { id: other } = await app.call(
      'households.create',
      householdInput({ contactName: 'Piet Jansen', phone: null, postcode: '1011 AB' }),
    )
    const b = (await app.call('appointments.book', { slotId: tomorrow.id, householdId: other }))
      .appointment
    const counter = await app.loginAs('volunteer')
    // With the admin's booking switch on, cancelling is the volunteer's too (volunteer-booking.test.ts).
    await app.call('settings.update', { volunteerMayBook: false })
    const set = (appointmentId: number, status: 'came' | 'no_show' | 'planned' | 'cancelled') =>
      app.call('appointments.setStatus', { appointmentId, status }, counter)
    expect((await set(a.id, 'came')).appointment.status).toBe('came')
    const [entry] = (await app.call('audit.list', { entityType: 'appointment', action: 'update' }))
      .rows
    expect(entry.detail).toBe('gepland → gekomen')
    expect((await set(a.id, 'planned')).appointment.status).toBe('planned')
    for (const [appointmentId, status, key] of [
      [a.id, 'cancelled', 'volunteerRightOff'],
      // Tomorrow's family was not looked up at the counter: one answer, whatever the state.
      [b.id, 'cancelled', 'counterLookupFirst'],
      [b.id, 'planned', 'counterLookupFirst'],
    ] as const) {
      const r = await rejection(set(appointmentId, status))
      expect([r.code, r.key]).toEqual(['FORBIDDEN', key])
    }
    // The coordinator still can.
    await app.call('appointments.setStatus', { appointmentId: b.id, status: 'cancelled' })
  })
})
