import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { electronSqliteBinding } from '../../scripts/electron-native'

// `npm run test:electron`: the real app in Electron, unpackaged (`electron .`) on the built out/,
// each test on a fresh data folder. Needs the Electron binary, so it is not part of `npm test`;
// on Linux without a display run it under Xvfb (`xvfb-run -a npm run test:electron`).

const ADMIN_PASSWORD = 'Electron-test-sleutel-1'

/** The first-run setup through its screen, as the shop's first beheerder would do it. */
async function setUpThroughScreen(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Dichtbij instellen' })).toBeVisible()
  await page.getByLabel('Naam van de organisatie').fill('Stichting Test')
  await page.getByLabel('Plaats').fill('Kampen')
  await page.getByLabel('Gebruikersnaam').fill('beheerder')
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Anja Bakker')
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN_PASSWORD)
  await page.getByLabel('Herhaal het wachtwoord').fill(ADMIN_PASSWORD)
  await page.getByRole('button', { name: 'Instellen en aanmelden' }).click()
  await expect(page.getByRole('navigation')).toBeVisible()
  // The recovery key is offered right after; this test puts it off.
  const prompt = page.getByRole('dialog', { name: 'Maak een herstelsleutel' })
  if (await prompt.isVisible({ timeout: 3000 }).catch(() => false))
    await prompt.getByRole('button', { name: 'Later' }).click()
}

let app: ElectronApplication
let dataDir: string

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-electron-'))
  app = await electron.launch({
    args: ['.', `--data-dir=${dataDir}`],
    env: { ...process.env, DICHTBIJ_SQLITE_BINDING: electronSqliteBinding() },
  })
})

test.afterEach(async () => {
  // Closing twice is harmless: Playwright resolves at once for an app that has ended.
  await app.close()
  rmSync(dataDir, { recursive: true, force: true })
})

test('a fresh data folder starts at the setup screen, then shows the Dutch dashboard', async () => {
  const page = await app.firstWindow()
  // Served by the app:// protocol handler, not from file://.
  expect(page.url()).toMatch(/^app:\/\/dichtbij\/index\.html/)
  const argv = await app.evaluate(() => process.argv)
  expect(argv).toContain(`--data-dir=${dataDir}`)
  await setUpThroughScreen(page)
  await expect(page.getByRole('navigation')).toContainText('Huishoudens')
})

test('an unpackaged run keeps its own userData, apart from the installed app', async () => {
  const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
  expect(userData.endsWith('Dichtbij-dev')).toBe(true)
})

test('quitting writes the closing backup, then ends the process', async () => {
  const page = await app.firstWindow()
  await setUpThroughScreen(page)
  const before = Date.now()
  await app.close()
  const backups = join(dataDir, 'backups')
  expect(existsSync(backups)).toBe(true)
  const newest = Math.max(...readdirSync(backups).map((f) => statSync(join(backups, f)).mtimeMs))
  expect(newest).toBeGreaterThanOrEqual(before - 1000)
})

test('the page has window.api with one function and no Node', async () => {
  const page = await app.firstWindow()
  const shape = await page.evaluate(() => ({
    apiKeys: Object.keys((window as unknown as { api: object }).api),
    hasRequire: typeof (window as unknown as { require?: unknown }).require,
    hasProcess: typeof (window as unknown as { process?: unknown }).process,
  }))
  expect(shape).toEqual({ apiKeys: ['call'], hasRequire: 'undefined', hasProcess: 'undefined' })
  const call = (method: string, input: unknown) =>
    page.evaluate(
      ([m, i]) =>
        (
          window as unknown as { api: { call: (m: string, i: unknown) => Promise<unknown> } }
        ).api.call(m as string, i),
      [method, input] as const,
    )
  // A fresh data folder: nobody is logged in, so data calls are refused until the setup.
  expect(await call('lists.list', { kind: 'category' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', key: 'notLoggedIn' },
  })
  expect(await call('setup.status', {})).toMatchObject({ ok: true, value: { needsSetup: true } })
  const password = 'Electron-test-sleutel-1'
  const setup = await call('setup.create', {
    organisation: { name: 'Test' },
    admin: { username: 'beheerder', displayName: 'B', password, passwordRepeat: password },
  })
  // The window's session lives in main: no token reaches the page.
  expect(JSON.stringify(setup)).not.toMatch(/sessionId|token/i)
  expect(await call('lists.list', { kind: 'category' })).toMatchObject({ ok: true })
})

test('navigation security: no navigation away, no new windows, no permissions', async () => {
  const page = await app.firstWindow()
  const before = page.url()
  await page.evaluate(() => {
    window.location.href = 'https://example.org/'
  })
  await page.waitForTimeout(500)
  expect(page.url()).toBe(before)
  const opened = await page.evaluate(() => window.open('https://example.org/') === null)
  expect(opened).toBe(true)
  expect(app.windows()).toHaveLength(1)
  const permission = await page.evaluate(async () => {
    try {
      await navigator.mediaDevices.getUserMedia({ audio: true })
      return 'granted'
    } catch {
      return 'denied'
    }
  })
  expect(permission).toBe('denied')
})

test('app:// serves the built renderer and nothing else', async () => {
  const page = await app.firstWindow()
  const statuses = await page.evaluate(async () => {
    const status = (url: string): Promise<number | string> =>
      fetch(url).then(
        (r) => r.status,
        () => 'blocked',
      )
    return {
      index: await status('app://dichtbij/index.html'),
      escape: await status('app://dichtbij/..%2Fmain%2Findex.js'),
      missing: await status('app://dichtbij/nope.js'),
      // Another host is another origin: the CSP (connect-src 'self') stops it in the page.
      otherHost: await status('app://other/index.html'),
    }
  })
  expect(statuses).toEqual({ index: 200, escape: 403, missing: 404, otherHost: 'blocked' })
})
