import { expect, test, type Page } from '@playwright/test'
import { bridgeUrl, goTo, putOffRecoveryKey } from './support'
import { E2E_COORDINATOR } from './global-setup'

/** The asset files a page asked for so far, as `assets/name.ext`. */
function recordAssets(page: Page): string[] {
  const asked: string[] = []
  page.on('request', (r) => {
    const m = /\/(assets\/[^/?#]+)/.exec(new URL(r.url()).pathname)
    if (m) asked.push(m[1])
  })
  return asked
}

/** The files index.html itself loads: its script, what it preloads, its stylesheets. */
async function initialSet(): Promise<string[]> {
  const html = await (await fetch(bridgeUrl())).text()
  return [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1])
}

test('the login screen loads only its own files; the app comes as the login is sent, the date picker when first opened', async ({
  page,
}) => {
  const asked = recordAssets(page)
  // The app's chunk is held back until a moment after main has answered the login, so what
  // shows while it loads can be seen.
  let loginAnswered: () => void = () => undefined
  const answered = new Promise<void>((done) => (loginAnswered = done))
  const askedAtAnswer: string[] = []
  page.on('response', (r) => {
    if (r.url().endsWith('/api') && r.request().postData()?.includes('"auth.login"')) {
      askedAtAnswer.push(...asked)
      loginAnswered()
    }
  })
  await page.route('**/assets/signed-in-app-*.js', async (route) => {
    await answered
    await new Promise((r) => setTimeout(r, 1500))
    await route.continue()
  })
  await page.goto(bridgeUrl())
  await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect([...new Set(asked)].sort()).toEqual((await initialSet()).sort())

  await page.getByLabel('Gebruikersnaam').fill(E2E_COORDINATOR.username)
  await page
    .getByRole('textbox', { name: 'Wachtwoord', exact: true })
    .fill(E2E_COORDINATOR.password)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await answered
  // The app was asked for as the form was sent, not only once main had checked the password.
  expect(askedAtAnswer.some((f) => f.startsWith('assets/signed-in-app-'))).toBe(true)
  // While the app is read in: a quiet spinner, not the login form again and no empty page.
  await expect(page.getByLabel('Laden…')).toBeVisible()
  await expect(page.getByLabel('Gebruikersnaam')).toBeHidden()
  await expect(page.getByRole('navigation')).toBeVisible()
  await putOffRecoveryKey(page)
  await expect(page.getByRole('heading', { name: 'Vandaag' })).toBeVisible()

  // A form with date fields shows without the calendar; opening one reads it in, in Dutch.
  await goTo(page, '#/households/new')
  await expect(page.getByRole('heading', { name: 'Nieuwe intake' })).toBeVisible()
  expect(asked.some((f) => f.startsWith('assets/calendar-picker-'))).toBe(false)
  await page.getByPlaceholder('dd-mm-jjjj').first().click()
  // dayjs's Dutch weekdays ("ma", shown as "Ma"), Monday first.
  const weekdays = page.locator('[data-dates-dropdown] thead th')
  await expect(weekdays.first()).toHaveText(/^ma$/i)
  expect(asked.some((f) => f.startsWith('assets/calendar-picker-'))).toBe(true)
})
