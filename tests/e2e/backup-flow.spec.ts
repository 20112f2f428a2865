import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { post, startBridge, type Bridge } from './bridge'
import { logIn, screenshot } from './support'

// This flow starts at the first-run setup and ends with a restore that logs everyone out, so it
// runs against a bridge and a data folder of its own.
let bridge: Bridge
let dataDir: string
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dichtbij-e2e-backup-'))
  bridge = await startBridge(dataDir)
})
test.afterAll(async () => {
  await bridge?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const ADMIN = { username: 'ria', password: 'Groene-deur-naast-de-bakker' }
const FAMILY = 'Familie Terpstra'

test('first-run recovery key, a backup, and restoring it through the screens', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto(bridge.url)

  // 1. A new computer: the setup screen also offers to restore a backup.
  await expect(page.getByRole('heading', { name: 'Dichtbij instellen' })).toBeVisible()
  await page.getByRole('button', { name: /Gegevens terugzetten uit een back-up/ }).click()
  await expect(page.getByRole('heading', { name: 'Back-up terugzetten' })).toBeVisible()
  await expect(page.getByLabel('Back-upbestand')).toBeVisible()
  await screenshot(page, '30-setup-restore')
  await page.getByRole('button', { name: 'Annuleren' }).click()

  // 2. Setting up as usual; the new admin is asked for a recovery key at once.
  await page.getByLabel('Naam van de organisatie').fill('Stichting Het Anker')
  await page.getByLabel('Gebruikersnaam').fill(ADMIN.username)
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Ria Hoekstra')
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.password)
  await page.getByLabel('Herhaal het wachtwoord').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Instellen en aanmelden' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Maak een herstelsleutel')).toBeVisible()
  await screenshot(page, '31-recovery-prompt', false)
  await dialog.getByRole('button', { name: 'Herstelsleutel maken' }).click()
  const key = dialog.getByTestId('recovery-key')
  await expect(key).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/)
  const done = dialog.getByRole('button', { name: 'Klaar' })
  await expect(done).toBeDisabled()
  const pdfDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download PDF om te printen' }).click()
  const pdf = await pdfDownload
  expect(pdf.suggestedFilename()).toMatch(/^herstelsleutel-dichtbij-\d{4}-\d{2}-\d{2}\.pdf$/)
  const pdfPath = await pdf.path()
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await screenshot(page, '32-recovery-key', false)
  await dialog.getByRole('checkbox', { name: /geprint en veilig opgeborgen/ }).check()
  await done.click()
  await expect(dialog).toBeHidden()
  // The first-run wizard ends with how to start: an empty app.
  await page.getByRole('button', { name: 'Volgende' }).click()
  await page.getByRole('button', { name: 'Leeg beginnen' }).click()

  // 3. The backups page: a folder that is no full path is refused at the field.
  const nav = page.getByRole('navigation')
  await nav.getByRole('link', { name: 'Back-ups' }).click()
  await expect(page.getByRole('heading', { name: 'Back-ups en herstel' })).toBeVisible()
  await expect(page.getByText('Er is nog geen herstelsleutel')).toHaveCount(0)
  // "Klaar" was stored in main: the screen says when the sheet was confirmed, and by whom.
  await expect(page.getByTestId('recovery-confirmed')).toContainText(`bevestigd als opgeborgen op`)
  await expect(page.getByTestId('recovery-confirmed')).toContainText(ADMIN.username)
  await page.getByLabel('Andere map').fill('usb/back-ups')
  await page.getByRole('button', { name: 'Map opslaan' }).click()
  await expect(page.getByText(/Vul een volledig pad in/)).toBeVisible()
  await screenshot(page, '33-backups-folder-refused')
  await page.getByLabel('Andere map').fill('')

  // A backup now, checked; and one as a download for the USB stick.
  await page.getByRole('button', { name: 'Nu back-up maken' }).click()
  // Copied, encrypted and checked in a worker: a while on a busy machine.
  await expect(page.getByText(/Back-up gemaakt:/)).toBeVisible({ timeout: 60_000 })
  const table = page.getByRole('table', { name: 'Back-ups in de map' })
  await expect(table.getByRole('cell', { name: 'handmatig' }).first()).toBeVisible()
  await table
    .getByRole('button', { name: /controleren$/ })
    .first()
    .click()
  await expect(table.getByText('In orde')).toBeVisible()
  const backupDownload = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Back-up maken en downloaden' }).click()
  // Named with the Dutch time the screen shows, not UTC.
  expect((await backupDownload).suggestedFilename()).toMatch(
    /^dichtbij-\d{8}-\d{6}-handmatig(-\d+)?\.dichtbij-backup$/,
  )
  await expect(table.getByRole('row')).toHaveCount(3) // the header and two backups
  // The checks outlive a reload: main remembers them, with their time.
  await page.reload()
  await expect(table.getByText('In orde')).toHaveCount(2)
  await expect(table.getByText(/^gecontroleerd \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/)).toHaveCount(2)
  await screenshot(page, '34-backups')

  // 4. A family is added after the backups.
  const login = await post(bridge.url, 'auth.login', ADMIN)
  const added = await post(
    bridge.url,
    'households.create',
    {
      contactName: FAMILY,
      postcode: '8911 AB',
      city: 'Leeuwarden',
      incomeSource: 'bijstand',
      proofSeenOn: '2026-01-05',
      consentDate: '2026-01-05',
      consentBy: 'Ria',
      members: [{ firstName: 'Sietske', birthYear: 2016, gender: 'f' }],
    },
    login.session ?? undefined,
  )
  expect(added.body.ok).toBe(true)
  await nav.getByRole('link', { name: 'Huishoudens' }).click()
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Terpstra')
  await expect(page.getByText(FAMILY).first()).toBeVisible()

  // 5. Restoring the first backup (the oldest row) with the admin's password.
  await nav.getByRole('link', { name: 'Back-ups' }).click()
  await table
    .getByRole('button', { name: /terugzetten$/ })
    .last()
    .click()
  await expect(
    dialog
      .getByRole('textbox', { name: 'Back-up' })
      .or(dialog.getByRole('combobox', { name: 'Back-up' })),
  ).toHaveValue(/handmatig/)
  await dialog.getByRole('button', { name: 'Verder' }).click()
  // A wrong password is refused at the field, and nothing happens.
  await dialog.getByLabel('Gebruikersnaam').fill(ADMIN.username)
  await dialog.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill('Niet-het-goede-1')
  await dialog.getByRole('button', { name: 'Controleren' }).click()
  await expect(dialog.getByText(/Hiermee gaat deze back-up niet open/)).toBeVisible()
  await dialog.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(ADMIN.password)
  await dialog.getByRole('button', { name: 'Controleren' }).click()
  const manifest = dialog.getByTestId('backup-manifest')
  await expect(manifest).toBeVisible()
  await expect(manifest.getByRole('row', { name: /Huishoudens\s+0/ })).toBeVisible()
  await expect(manifest.getByRole('row', { name: /Accounts\s+1/ })).toBeVisible()
  await screenshot(page, '35-restore-manifest', false)
  await dialog.getByRole('button', { name: 'Verder' }).click()
  await expect(dialog.getByText(/Iedereen wordt afgemeld/)).toBeVisible()
  await screenshot(page, '36-restore-confirm', false)
  await dialog.getByRole('button', { name: 'Terugzetten', exact: true }).click()

  // 6. Everyone is logged out; after logging in again the family is gone.
  await expect(page.getByRole('button', { name: 'Aanmelden', exact: true })).toBeVisible()
  await expect(page.getByText('De back-up is teruggezet.', { exact: false })).toBeVisible()
  await screenshot(page, '37-restored-login')
  expect(
    (await post(bridge.url, 'households.search', { query: 'Terpstra' }, login.session ?? undefined))
      .body,
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  await logIn(page, ADMIN.username, ADMIN.password)
  // The key was made before the backup, so the restored data has it: no new prompt.
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await nav.getByRole('link', { name: 'Huishoudens' }).click()
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill('Terpstra')
  await expect(page.getByText('Geen huishoudens gevonden')).toBeVisible()
  await expect(page.getByText(FAMILY)).toHaveCount(0)
  // The data from before the restore was kept as a backup of its own.
  await nav.getByRole('link', { name: 'Back-ups' }).click()
  await expect(table.getByRole('cell', { name: 'vóór terugzetten' })).toBeVisible()
  await screenshot(page, '38-backups-after-restore')
})
