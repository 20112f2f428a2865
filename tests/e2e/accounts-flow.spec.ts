import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { post, startBridge, type Bridge } from './bridge'
import { logIn, putOffRecoveryKey, screenshot } from './support'

// This flow starts at the first-run setup, so it runs against a bridge of its own.
let bridge: Bridge
let dataDir: string
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-e2e-accounts-'))
  bridge = await startBridge(dataDir)
})
test.afterAll(async () => {
  await bridge?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const ADMIN = { username: 'anja', password: 'Rode-fiets-bij-de-kerk' }
const VERA_FIRST = 'Tijdelijk-van-Anja-7'
const VERA_OWN = 'Blauwe-jas-op-dinsdag'
const FAMILY = 'Familie Bouzid'
const INTAKE_NOTE = 'Schuld bij de woningcorporatie'

async function apiAs(username: string, password: string) {
  const login = await post(bridge.url, 'auth.login', { username, password })
  if (!login.session) throw new Error(`login failed: ${JSON.stringify(login.body)}`)
  const token = login.session
  return async (method: string, input: unknown) =>
    (await post(bridge.url, method, input, token)).body
}

async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('first-run setup, a counter volunteer with limited rights, the screen lock and the audit log', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.clock.install()
  await page.goto(bridge.url)

  // 1. First start: no accounts, so the setup screen. A weak password is refused at the field.
  await expect(page.getByRole('heading', { name: 'Dichtbij instellen' })).toBeVisible()
  await page.getByLabel('Naam van de organisatie').fill('Stichting De Brug')
  await page.getByLabel('Plaats').fill('Kampen')
  await page.getByLabel('Gebruikersnaam').fill(ADMIN.username)
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Anja Bakker')
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('welkom12345')
  await page.getByLabel('Herhaal het wachtwoord').fill('welkom12345')
  await page.getByRole('button', { name: 'Instellen en aanmelden' }).click()
  await expect(page.getByText(/veelgebruikt/i).first()).toBeVisible()
  await screenshot(page, '20-setup-refused')
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.password)
  await page.getByLabel('Herhaal het wachtwoord').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Instellen en aanmelden' }).click()
  // The first-run wizard: the recovery key later, then an empty app.
  await page
    .getByRole('dialog', { name: 'Maak een herstelsleutel' })
    .getByRole('button', { name: 'Later' })
    .click()
  await page.getByRole('button', { name: 'Leeg beginnen' }).click()
  const nav = page.getByRole('navigation')
  await expect(nav).toBeVisible()
  await putOffRecoveryKey(page)
  await expect(nav.getByRole('link', { name: 'Gebruikers' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Auditlog' })).toBeVisible()

  // A family with an intake whose notes a counter volunteer may not see; idle lock at 1 minute.
  const admin = await apiAs(ADMIN.username, ADMIN.password)
  const topics = (await admin('lists.list', { kind: 'topic' })) as { value: { id: number }[] }
  const created = await admin('households.create', {
    contactName: FAMILY,
    postcode: '8261 AB',
    city: 'Kampen',
    incomeSource: 'bijstand',
    referrer: 'Wijkteam Noord',
    proofSeenOn: '2026-01-05',
    consentDate: '2026-01-05',
    consentBy: 'Anja',
    members: [{ firstName: 'Yasmina', birthYear: 2017, gender: 'f' }],
    intake: {
      date: '2026-01-05',
      doneBy: 'Anja',
      notes: INTAKE_NOTE,
      topicIds: [topics.value[0].id],
      referrals: [],
    },
  })
  expect(created.ok).toBe(true)
  const householdId = (created as { value: { id: number } }).value.id
  expect((await admin('settings.update', { lockMinutes: 1 })).ok).toBe(true)

  // 2. The admin creates a counter volunteer.
  await nav.getByRole('link', { name: 'Gebruikers' }).click()
  await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Gebruikersnaam').fill('vera')
  await dialog.getByRole('textbox', { name: 'Naam', exact: true }).fill('Vera Visser')
  await pickOption(page, 'Rol', 'Vrijwilliger')
  await dialog.getByLabel('Eerste wachtwoord').fill(VERA_FIRST)
  await screenshot(page, '21-user-new', false)
  await dialog.getByRole('button', { name: 'Gebruiker aanmaken' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('cell', { name: 'Vera Visser' }).first()).toBeVisible()
  await screenshot(page, '22-users')

  // 3. The admin logs out; the volunteer logs in and must choose her own password first.
  await page.getByRole('button', { name: /Menu van Anja Bakker/ }).click()
  await page.getByRole('menuitem', { name: 'Afmelden' }).click()
  await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible()
  await page.getByLabel('Gebruikersnaam').fill('vera')
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(VERA_FIRST)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Kies een eigen wachtwoord' })).toBeVisible()
  await page.getByLabel('Huidig wachtwoord').fill(VERA_FIRST)
  await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill(VERA_OWN)
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(VERA_OWN)
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()

  // 4. The counter: no call list, figures, settings, users or audit; no intake, no export.
  await expect(nav.getByRole('link', { name: 'Huishoudens' })).toBeVisible()
  for (const hidden of ['Bellijst', 'Cijfers', 'Instellingen', 'Gebruikers', 'Auditlog'])
    await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Vandaag', exact: true })).toBeVisible()
  await screenshot(page, '23a-volunteer-dashboard')
  await nav.getByRole('link', { name: 'Huishoudens' }).click()
  await expect(page.getByText(/Typ minstens 2 tekens/)).toBeVisible()
  await screenshot(page, '23b-volunteer-lookup')
  await page.getByRole('searchbox').or(page.getByPlaceholder(/Zoek/)).first().fill('Bouzid')
  await page.getByRole('link', { name: FAMILY }).or(page.getByText(FAMILY)).first().click()
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()
  await expect(page.getByText(/verborgen/)).toBeVisible()
  await expect(page.getByText(INTAKE_NOTE)).toHaveCount(0)
  await expect(page.getByText('Wijkteam Noord')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /intake/i })).toHaveCount(0)
  await screenshot(page, '23-volunteer-household')
  await page.evaluate((id) => (window.location.hash = `#/households/${id}/intake`), householdId)
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible()
  await screenshot(page, '24-volunteer-no-intake')
  await page.evaluate(() => (window.location.hash = '#/calllist'))
  await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible()
  // Main refuses the export too, whatever the page offers.
  const vera = await apiAs('vera', VERA_OWN)
  expect(await vera('households.callListCsv', { notSeenSince: '2026-01-01' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(await vera('audit.export', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // Her own lookup first: the counter opens only what it searched (or today's appointments).
  expect(await vera('households.get', { id: householdId })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', key: 'counterLookupFirst' },
  })
  await vera('households.search', { query: 'Bouzid' })
  const seen = (await vera('households.get', { id: householdId })) as { value: unknown }
  expect(seen.value).toBeTruthy()
  expect(JSON.stringify(seen.value)).not.toContain(INTAKE_NOTE)

  // 5. Walking away: after a minute without input the screen locks and shows no data.
  await page.evaluate((id) => (window.location.hash = `#/households/${id}`), householdId)
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()
  // A warning first (a quarter of a 1-minute lock time), then the lock.
  await page.clock.fastForward('00:50')
  await expect(page.getByText(/Het scherm wordt over \d+ seconden vergrendeld/)).toBeVisible()
  await page.waitForTimeout(600) // the message slides in
  await screenshot(page, '24b-lock-warning')
  await page.clock.fastForward('00:20')
  await expect(page.getByRole('heading', { name: 'Scherm vergrendeld' })).toBeVisible()
  const body = await page.locator('body').innerText()
  expect(body).not.toContain('Bouzid')
  expect(body).not.toContain('Yasmina')
  expect(await page.content()).not.toContain('Bouzid')
  await screenshot(page, '25-locked')
  // Main agrees: the page's own session answers LOCKED, whatever the page would ask.
  const fromPage = await page.evaluate(async () => {
    const token = sessionStorage.getItem('dichtbij.session')
    const res = await fetch('api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method: 'households.search', input: { query: 'Bouzid' } }),
    })
    return res.json()
  })
  expect(fromPage).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(VERA_OWN)
  await page.getByRole('button', { name: 'Ontgrendelen' }).click()
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()

  // 6. The admin takes over the screen and reads the audit log, which verifies.
  await page.keyboard.press('Control+Shift+L')
  await expect(page.getByRole('heading', { name: 'Scherm vergrendeld' })).toBeVisible()
  await page.getByRole('button', { name: 'Iemand anders meldt zich aan' }).click()
  await logIn(page, ADMIN.username, ADMIN.password)
  await nav.getByRole('link', { name: 'Auditlog' }).click()
  await expect(page.getByRole('heading', { name: 'Auditlog' })).toBeVisible()
  const table = page.getByRole('table')
  for (const action of ['inloggen', 'aanmaken', 'inzien', 'vergrendelen', 'ontgrendelen'])
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible()
  await expect(table.getByText('vera').first()).toBeVisible()
  await page.getByRole('button', { name: 'Log controleren' }).click()
  await expect(page.getByText(/Het log is onveranderd: alle \d+ regels nagekeken/)).toBeVisible()
  // Field names and households in words an admin knows, and a filter on one household.
  await expect(table.getByRole('link', { name: /^huishouden H-\d{5}$/ }).first()).toBeVisible()
  await page
    .getByRole('textbox', { name: 'Huishouden' })
    .fill(`H-${String(householdId).padStart(5, '0')}`)
  await expect(table.getByRole('link', { name: /^huishouden H-\d{5}$/ }).first()).toBeVisible()
  await expect(table.getByText('vergrendelen', { exact: true })).toHaveCount(0)
  await screenshot(page, '26-audit')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: /Exporteren/ }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^auditlog-\d{4}-\d{2}-\d{2}\.csv$/)
})
