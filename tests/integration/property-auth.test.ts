import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createTestApp, newCaller, ADMIN_PASSWORD, type TestApp } from '../helpers/db'

let app: TestApp
let lockedScreen: ReturnType<typeof newCaller>

beforeAll(async () => {
  app = await createTestApp()
  lockedScreen = await app.loginAs('volunteer', 'vera')
  await app.call('auth.lock', { reason: 'button' }, lockedScreen)
})
afterAll(async () => app?.close())

const username = fc.oneof(
  fc.constantFrom('beheerder', 'vera', 'BEHEERDER', ' vera ', 'niemand', ''),
  fc.string({ maxLength: 30 }),
)
/** Anything but the real passwords; near misses included. */
const password = fc
  .oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      ADMIN_PASSWORD.toLowerCase(),
      ADMIN_PASSWORD + ' ',
      ' ' + ADMIN_PASSWORD,
      ADMIN_PASSWORD.slice(0, -1),
      'Eigen-sleutelbos-1-tul',
    ),
    fc.string({ unit: 'binary', maxLength: 20 }),
  )
  .filter((p) => p !== ADMIN_PASSWORD && p !== 'Eigen-sleutelbos-1-tulp')
const anyInput = fc.oneof(
  fc.anything(),
  fc.record({ username, password }),
  fc.record({ username: fc.anything(), password: fc.anything() }),
  fc.record({ password }),
  fc.record({ currentPassword: password, newPassword: password, newPasswordRepeat: password }),
)

describe('random input to auth.* never logs anyone in', () => {
  it('a fresh screen stays logged out, and no session appears', async () => {
    const sessionsBefore = app.router.sessions.size
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'auth.login',
          'auth.unlock',
          'auth.changePassword',
          'auth.session',
          'setup.create',
        ),
        anyInput,
        async (method, input) => {
          const screen = newCaller()
          const result = await app.router.call(screen, method, input)
          expect(screen.sessionId).toBeNull()
          // auth.session may answer, but only "nobody"; everything else is refused.
          if (method === 'auth.session' && result.ok) expect(result.value).toBeNull()
          else expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false)
          // Waiting after failures is a clock matter: move past it so guessing continues.
          app.clock.advance(3_600_000)
        },
      ),
      { numRuns: 250 },
    )
    expect(app.router.sessions.size).toBe(sessionsBefore)
  })

  it('a locked screen stays locked whatever is typed', async () => {
    const id = lockedScreen.sessionId
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('auth.unlock', 'auth.login', 'auth.changePassword', 'auth.lock'),
        anyInput,
        async (method, input) => {
          await app.router.call(lockedScreen, method, input)
          const state = await app.router.call(lockedScreen, 'auth.session', {})
          // Either still the same locked session, or (after a failed other login) still it.
          expect(lockedScreen.sessionId).toBe(id)
          expect(state).toMatchObject({ ok: true, value: { locked: true } })
          app.clock.advance(3_600_000)
        },
      ),
      { numRuns: 200 },
    )
  })
})
