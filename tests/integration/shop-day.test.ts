import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, newCaller, rejection, type TestApp } from '../helpers/db'

describe('shop.day: the day every screen needs, without the dashboard', () => {
  let app: TestApp

  beforeEach(async () => {
    // Late in the evening in Amsterdam, already the next day there (UTC 22:30 = 00:30 CEST).
    app = await createTestApp('2026-06-15T22:30:00Z')
  })

  afterEach(async () => {
    await app.close()
  })

  it("answers main's today and the call list's day, as the dashboard does, to every role", async () => {
    await app.call('settings.update', { inviteAfterDays: 30 })
    const dashboard = await app.call('shop.dashboard', {})
    const day = await app.call('shop.day', {})
    expect(day).toEqual({ today: '2026-06-16', notSeenSince: '2026-05-17' })
    expect(day).toEqual({ today: dashboard.date, notSeenSince: dashboard.toInvite.notSeenSince })
    const counter = await app.loginAs('volunteer')
    expect(await app.call('shop.day', {}, counter)).toEqual(day)
    expect(await rejection(app.call('shop.day', {}, newCaller()))).toMatchObject({
      code: 'FORBIDDEN',
    })
  })
})
