import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { post, startBridge, type Bridge } from './bridge'
import { putOffRecoveryKey, screenshot } from './support'

// This flow starts at the first-run wizard, so it runs against a bridge of its own, on a fresh
// data folder, with a small demo (DICHTBIJ_WORKSHOP_HOUSEHOLDS, read by the bridge only).
let bridge: Bridge
let dataDir: string
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-e2e-workshop-'))
  process.env.DICHTBIJ_WORKSHOP_HOUSEHOLDS = '4'
  bridge = await startBridge(dataDir, ['--today=2026-06-15'])
  delete process.env.DICHTBIJ_WORKSHOP_HOUSEHOLDS
})
test.afterAll(async () => {
  await bridge?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const REAL = { username: 'trainer', password: 'Oranje-kaart-in-het-dorpshuis' }
const DEMO_PASSWORD = 'oefenen-met-dichtbij'
const PRACTICE_FAMILY = 'Familie Oefenmaat'

async function logInHere(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })
}

/** Waits until the demo data is made and the oefenomgeving's login screen shows. */
async function demoLoginShown(page: Page): Promise<void> {
  await expect(page.getByTestId('demo-logins')).toBeVisible({ timeout: 280_000 })
  await expect(page.getByTestId('workshop-band')).toBeVisible()
}

async function userMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: `Menu van ${name}` }).click()
}

async function countByApi(username: string, password: string, query: string): Promise<number> {
  const login = await post(bridge.url, 'auth.login', { username, password })
  if (!login.session) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  const found = await post(bridge.url, 'households.search', { query }, login.session)
  await post(bridge.url, 'auth.logout', {}, login.session)
  return (found.body.value as { total: number }).total
}

test('a first run through the wizard into the oefenomgeving, its reset, and back with the real login', async ({
  page,
}) => {
  test.setTimeout(900_000)
  await page.goto(bridge.url)

  // 1. The wizard: organisation and first admin, the recovery key later, then the choice.
  await expect(page.getByRole('heading', { name: 'Dichtbij instellen' })).toBeVisible({
    timeout: 60_000,
  })
  await page.getByLabel('Naam van de organisatie').fill('Stichting Dorpshuis')
  await page.getByLabel('Gebruikersnaam').fill(REAL.username)
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Tineke Trainer')
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(REAL.password)
  await page.getByLabel('Herhaal het wachtwoord').fill(REAL.password)
  await screenshot(page, '70-wizard-organisation')
  await page.getByRole('button', { name: 'Instellen en aanmelden' }).click()
  const recovery = page.getByRole('dialog', { name: 'Maak een herstelsleutel' })
  await expect(recovery).toBeVisible({ timeout: 60_000 })
  await recovery.getByRole('button', { name: 'Later' }).click()
  await expect(page.getByRole('heading', { name: 'Hoe wilt u beginnen?' })).toBeVisible()
  await screenshot(page, '71-wizard-start')

  // 2. Into the oefenomgeving: the real password again; a wrong one is refused.
  await page.getByRole('button', { name: 'De oefenomgeving openen' }).click()
  const ask = page.getByRole('dialog', { name: 'Oefenomgeving openen' })
  await expect(ask.getByLabel('Gebruikersnaam')).toHaveValue(REAL.username)
  await ask.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('niet-het-goede-1')
  await ask.getByRole('button', { name: 'Openen' }).click()
  await expect(ask.getByText(/klopt niet voor de echte gegevens/)).toBeVisible()
  await ask.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(REAL.password)
  await ask.getByRole('button', { name: 'Openen' }).click()
  await expect(page.getByRole('heading', { name: 'Oefenomgeving klaarzetten' })).toBeVisible({
    timeout: 60_000,
  })
  await expect(page.getByTestId('workshop-band')).toBeVisible()
  await screenshot(page, '72-workshop-preparing')
  await demoLoginShown(page)
  await screenshot(page, '73-workshop-login')

  // 3. A demo login: the band on every screen; a household made here stays here.
  await logInHere(page, 'coordinator', DEMO_PASSWORD)
  await expect(page.getByTestId('workshop-band')).toBeVisible()
  await screenshot(page, '74-workshop-app')
  const demo = await post(bridge.url, 'auth.login', {
    username: 'coordinator',
    password: DEMO_PASSWORD,
  })
  const made = await post(
    bridge.url,
    'households.create',
    {
      contactName: PRACTICE_FAMILY,
      postcode: '3811 AB',
      city: 'Eemstad',
      incomeSource: 'bijstand',
      consentDate: '2026-06-15',
      consentBy: 'Cor',
      members: [{ firstName: 'Saar', birthYear: 2016, gender: 'f' }],
    },
    demo.session ?? undefined,
  )
  expect(made.body.ok).toBe(true)
  expect(await countByApi('coordinator', DEMO_PASSWORD, PRACTICE_FAMILY)).toBe(1)

  // 4. The logins sheet for the trainer, as a PDF.
  await userMenu(page, 'Cor Coördinator')
  const download = page.waitForEvent('download')
  await page.getByRole('menuitem', { name: 'Inlogblad afdrukken' }).click()
  const sheet = await download
  expect(sheet.suggestedFilename()).toBe('oefenomgeving-inloggegevens.pdf')
  mkdirSync('test-results/screens', { recursive: true })
  const pdf = join('test-results/screens', 'oefenomgeving-inloggegevens.pdf')
  await sheet.saveAs(pdf)
  expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-singlefile',
    pdf,
    'test-results/screens/75-logins-sheet',
  ])

  // 5. Reset, with a confirm: the same demo data again, without the household made here.
  await userMenu(page, 'Cor Coördinator')
  await page.getByRole('menuitem', { name: 'Demo terugzetten' }).click()
  const confirm = page.getByRole('dialog', { name: 'Demo terugzetten?' })
  await screenshot(page, '76-workshop-reset-confirm', false)
  await confirm.getByRole('button', { name: 'Terugzetten' }).click()
  await demoLoginShown(page)
  expect(await countByApi('coordinator', DEMO_PASSWORD, PRACTICE_FAMILY)).toBe(0)
  expect(await countByApi('coordinator', DEMO_PASSWORD, '')).toBe(4)

  // 6. Back to the real data: a demo login is refused, the real one logs in.
  await page.getByRole('button', { name: 'Terug naar de echte gegevens' }).click()
  const back = page.getByRole('dialog', { name: 'Terug naar de echte gegevens' })
  await back.getByLabel('Gebruikersnaam').fill('beheerder')
  await back.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(DEMO_PASSWORD)
  await back.getByRole('button', { name: 'Terug en inloggen' }).click()
  await expect(back.getByText(/klopt niet voor de echte gegevens/)).toBeVisible()
  await screenshot(page, '77-workshop-leave-refused', false)
  await back.getByLabel('Gebruikersnaam').fill(REAL.username)
  await back.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(REAL.password)
  await back.getByRole('button', { name: 'Terug en inloggen' }).click()
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('workshop-band')).toHaveCount(0)
  await expect(page.getByTestId('user-name')).toHaveText('Tineke Trainer')
  // The recovery key was put off in the wizard: the app asks again, and it is put off again.
  await putOffRecoveryKey(page)

  // 7. The real data is empty: the first steps on the start screen, none ticked yet.
  const steps = page.getByRole('region', { name: 'Eerste stappen' })
  await expect(steps).toBeVisible({ timeout: 30_000 })
  await expect(steps.getByRole('button', { name: 'Dagdelen aanmaken' })).toBeVisible()
  await expect(steps.getByLabel('nog te doen')).toHaveCount(3)
  await screenshot(page, '78-first-steps')
  expect(await countByApi(REAL.username, REAL.password, '')).toBe(0)
})
