import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  newCaller,
  rejection,
  type TestApp,
} from '../helpers/db'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

async function freshLogin() {
  const screen = newCaller('andere-pc')
  return app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
}

function recoveryEntries() {
  return app.open.db
    .selectFrom('auditLog')
    .selectAll()
    .where('entityType', '=', 'recovery_key')
    .orderBy('id')
    .execute()
}

describe('the recovery key sheet', () => {
  it('is not done when the key is shown: every login asks until a beheerder confirms it', async () => {
    await app.call('recovery.regenerate', {})
    // The window was closed before the tick: the key exists, its sheet was never confirmed.
    expect(await app.call('auth.session', {})).toMatchObject({
      recoveryKeyMissing: false,
      recoveryKeyUnconfirmed: true,
    })
    expect(await freshLogin()).toMatchObject({ recoveryKeyUnconfirmed: true })
    expect((await app.call('backup.list', {})).recoveryKey).toEqual({
      state: 'unconfirmed',
      confirmedAt: null,
      confirmedBy: null,
    })

    app.clock.advance(60_000)
    const status = await app.call('recovery.confirm', {})
    expect(status).toEqual({
      state: 'confirmed',
      confirmedAt: '2026-06-15T10:01:00.000Z',
      confirmedBy: ADMIN_USERNAME,
    })
    expect(await freshLogin()).toMatchObject({ recoveryKeyUnconfirmed: false })
    expect((await app.call('backup.list', {})).recoveryKey?.state).toBe('confirmed')
    const logged = await recoveryEntries()
    expect(logged.map((r) => [r.action, r.userName])).toEqual([
      ['settings_change', ADMIN_USERNAME],
      ['settings_change', ADMIN_USERNAME],
    ])
    // Saying it twice changes nothing and is not logged twice.
    await app.call('recovery.confirm', {})
    expect(await recoveryEntries()).toHaveLength(2)
  })

  it('asks again for a new key, whose sheet is a different one', async () => {
    await app.call('recovery.regenerate', {})
    await app.call('recovery.confirm', {})
    await app.call('recovery.regenerate', {})
    expect(await app.call('auth.session', {})).toMatchObject({ recoveryKeyUnconfirmed: true })
  })

  it('is confirmed by a beheerder only, and only for a key that exists', async () => {
    const none = await rejection(app.call('recovery.confirm', {}))
    expect(none.code).toBe('CONFLICT')
    await app.call('recovery.regenerate', {})
    const coordinator = await app.loginAs('coordinator')
    expect((await rejection(app.call('recovery.confirm', {}, coordinator))).code).toBe('FORBIDDEN')
    // Staff are not asked: it is a beheerder's task.
    expect(await app.call('auth.session', {}, coordinator)).toMatchObject({
      recoveryKeyMissing: false,
      recoveryKeyUnconfirmed: false,
    })
    expect(await app.call('auth.session', {})).toMatchObject({ recoveryKeyUnconfirmed: true })
  })
})
