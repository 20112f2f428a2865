import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'

let app: TestApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

describe('the organisation postcode printed on the letterhead', () => {
  it('refuses "123AB" in the settings at the postcode field and changes nothing', async () => {
    app = await createTestApp()
    await app.call('organisation.update', { name: 'Stichting Testwinkel', postcode: '8261 AB' })
    const logBefore = await app.open.db.selectFrom('auditLog').select('id').execute()
    const bad = await rejection(
      app.call('organisation.update', { name: 'Stichting Testwinkel', postcode: '123AB' }),
    )
    expect(bad.code).toBe('VALIDATION')
    expect(bad.fields).toEqual([{ path: 'postcode', key: 'postcode' }])
    expect((await app.call('organisation.get', {})).postcode).toBe('8261 AB')
    expect(await app.open.db.selectFrom('auditLog').select('id').execute()).toHaveLength(
      logBefore.length,
    )
  })

  it('stores a valid postcode as "1234 AB" whatever its spacing and case, and allows none', async () => {
    app = await createTestApp()
    const saved = await app.call('organisation.update', {
      name: 'Stichting Testwinkel',
      postcode: ' 8261ab ',
    })
    expect(saved.postcode).toBe('8261 AB')
    const cleared = await app.call('organisation.update', {
      name: 'Stichting Testwinkel',
      postcode: '',
    })
    expect(cleared.postcode).toBeNull()
  })

  it('refuses a bad postcode at setup, before anything is made', async () => {
    app = await createTestApp(undefined, { setup: false })
    const bad = await rejection(
      app.call('setup.create', {
        organisation: { name: 'Stichting Testwinkel', postcode: '123AB' },
        admin: {
          username: 'beheerder',
          displayName: 'Bea',
          password: ADMIN_PASSWORD,
          passwordRepeat: ADMIN_PASSWORD,
        },
      }),
    )
    expect(bad.fields).toEqual([{ path: 'organisation.postcode', key: 'postcode' }])
    expect((await app.call('setup.status', {})).needsSetup).toBe(true)
    await app.call('setup.create', {
      organisation: { name: 'Stichting Testwinkel', postcode: '8261ab' },
      admin: {
        username: 'beheerder',
        displayName: 'Bea',
        password: ADMIN_PASSWORD,
        passwordRepeat: ADMIN_PASSWORD,
      },
    })
    expect((await app.call('organisation.get', {})).postcode).toBe('8261 AB')
  })
})
