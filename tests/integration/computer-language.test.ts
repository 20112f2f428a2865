import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { COMPUTER_SETTINGS_FILE_NAME } from '../../src/main/computer-settings/store'
import { createRouter } from '../../src/main/router'
import { Vault } from '../../src/main/vault/vault'
import { createTestApp, newCaller, TEST_PASSWORD_PARAMS, type TestApp } from '../helpers/db'

let app: TestApp | null = null
const extra: Vault[] = []
afterEach(async () => {
  for (const v of extra.splice(0)) await v.close()
  await app?.close()
  app = null
})

describe('the language of this computer, through the router', () => {
  it('is kept in main before anyone has logged in, and is still there after a restart', async () => {
    app = await createTestApp(undefined, { setup: false })
    const screen = newCaller()
    expect(await app.router.call(screen, 'computer.language', {})).toEqual({
      ok: true,
      value: { language: null },
    })
    expect(await app.router.call(screen, 'computer.setLanguage', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en' },
    })
    expect(await app.router.call(newCaller(), 'computer.language', {})).toEqual({
      ok: true,
      value: { language: 'en' },
    })
    const file = join(app.dir, COMPUTER_SETTINGS_FILE_NAME)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en' })

    // The app started again on the same data folder.
    const vault = await Vault.start({
      dataDir: app.dir,
      clock: app.clock,
      slotParams: TEST_PASSWORD_PARAMS,
    })
    extra.push(vault)
    const again = createRouter({ vault, clock: app.clock, logError: () => undefined })
    expect(await again.call(newCaller(), 'computer.language', {})).toEqual({
      ok: true,
      value: { language: 'en' },
    })
  })

  it('is the same for a logged-in screen, and a choice there changes it for the login screen', async () => {
    app = await createTestApp()
    await app.call('computer.setLanguage', { language: 'en' })
    await app.call('computer.setLanguage', { language: 'nl' })
    expect(await app.call('computer.language', {}, newCaller())).toEqual({ language: 'nl' })
  })

  it('refuses a language the app does not have, at the field, and keeps the one chosen', async () => {
    app = await createTestApp(undefined, { setup: false })
    const file = join(app.dir, COMPUTER_SETTINGS_FILE_NAME)
    for (const input of [{ language: 'de' }, { language: null }, {}, { language: 'en', x: 1 }]) {
      const refused = await app.router.call(newCaller(), 'computer.setLanguage', input)
      expect(refused, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      })
      expect(existsSync(file)).toBe(false)
    }
    const wrong = await app.router.call(newCaller(), 'computer.setLanguage', { language: 'de' })
    expect(wrong).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'language', key: 'invalidOption' }] },
    })
    await app.router.call(newCaller(), 'computer.setLanguage', { language: 'en' })
    await app.router.call(newCaller(), 'computer.setLanguage', { language: 'fr' })
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ language: 'en' })
  })
})
