import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { post } from './bridge'
import { E2E_ADMIN } from './global-setup'
import { bridgeUrl, goTo, screenshot } from './support'

// Names of their own: the e2e specs share one bridge (and so one database).
const COORDINATOR = {
  username: 'lijsten-coordinator',
  first: 'Eerste-lijsten-3',
  own: 'Eigen-lijsten-8',
}
const FAMILY = 'Lieke Lijstexport'
const DISTRICT = 'Exportkwartier'

async function must<T = unknown>(method: string, input: unknown, token?: string): Promise<T> {
  const r = await post(bridgeUrl(), method, input, token)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r.body.value as T
}

/** Chooses one of the export button's two files and returns the saved file's bytes and name. */
async function exported(
  page: Page,
  button: Locator,
  kind: 'Als Excel-bestand (.xlsx)' | 'Als CSV-bestand (.csv)',
): Promise<{ name: string; bytes: Buffer }> {
  await button.click()
  const download = page.waitForEvent('download', { timeout: 60_000 })
  await page.getByRole('menuitem', { name: kind }).click()
  const file = await download
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
}

test.use({ actionTimeout: 20_000 })

test('a new coordinator takes the households, the visits and the complaints to a spreadsheet', async ({
  page,
}) => {
  test.setTimeout(180_000)
  const admin = (await post(bridgeUrl(), 'auth.login', E2E_ADMIN)).session!
  await must(
    'users.create',
    {
      username: COORDINATOR.username,
      displayName: 'Lotte Lijsten',
      role: 'coordinator',
      password: COORDINATOR.first,
    },
    admin,
  )
  const today = (await must<{ today: string }>('shop.day', {}, admin)).today
  const household = await must<{ id: number; reference: string }>(
    'households.create',
    {
      contactName: FAMILY,
      postcode: '3827 XE',
      city: 'Amersfoort',
      district: DISTRICT,
      incomeSource: 'bijstand',
      proofSeenOn: today,
      consentDate: today,
      consentBy: 'Anja',
      members: [
        { firstName: 'Lieke', birthYear: 1990, gender: 'f' },
        { firstName: 'Bram', birthYear: 2018, gender: 'm' },
      ],
    },
    admin,
  )
  const [category] = await must<{ id: number }[]>('lists.list', { kind: 'category' }, admin)
  await must(
    'visits.register',
    {
      householdId: household.id,
      date: today,
      servedBy: 'Anja',
      items: [{ categoryId: category!.id, count: 3 }],
      note: 'Niet voor een lijst',
    },
    admin,
  )

  // The new coordinator logs in for the first time and chooses a password.
  await page.goto(bridgeUrl())
  await page.getByLabel('Gebruikersnaam').fill(COORDINATOR.username)
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(COORDINATOR.first)
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click()
  await page.getByLabel('Huidig wachtwoord').fill(COORDINATOR.first)
  await page.getByRole('textbox', { name: 'Nieuw wachtwoord', exact: true }).fill(COORDINATOR.own)
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(COORDINATOR.own)
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page.getByRole('navigation')).toBeVisible({ timeout: 60_000 })

  // Households: the search on screen is the list in the file.
  await page.getByRole('navigation').getByRole('link', { name: 'Huishoudens' }).click()
  await page.getByLabel('Zoeken').fill('Lijstexport')
  await expect(page.getByRole('cell', { name: FAMILY })).toBeVisible()
  const exportButton = page.getByRole('button', { name: 'Exporteren' })
  await exportButton.click()
  await expect(page.getByRole('menuitem', { name: 'Als Excel-bestand (.xlsx)' })).toBeVisible()
  await screenshot(page, 'list-export-households', false)
  await page.keyboard.press('Escape')
  const households = await exported(page, exportButton, 'Als Excel-bestand (.xlsx)')
  expect(households.name).toBe(`huishoudens-${today}.xlsx`)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(households.bytes as unknown as ArrayBuffer)
  const rows: unknown[][] = []
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  expect(rows[0]!.slice(0, 2)).toEqual(['Nummer', 'Contactpersoon'])
  expect(rows).toHaveLength(2)
  expect(rows[1]!.slice(0, 2)).toEqual([household.reference, FAMILY])
  await expect(page.getByText(/1 regel opgeslagen in huishoudens-/)).toBeVisible()

  // Visits of this year in the district, from the shop's figures: a CSV without the note.
  await goTo(page, '#/stats')
  await page.getByRole('combobox', { name: 'Wijk of kern (optioneel)' }).fill(DISTRICT)
  const visitsButton = page.getByRole('button', { name: 'Bezoeken exporteren' })
  await expect(page.getByText(`Wijk/kern: ${DISTRICT}`, { exact: false })).toBeVisible({
    timeout: 30_000,
  })
  const visits = await exported(page, visitsButton, 'Als CSV-bestand (.csv)')
  const lines = visits.bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  expect(lines[0]).toBe(
    'Datum;Huishouden;Contactpersoon;Wijk of kern;Op afspraak;Artikelen;Geholpen door',
  )
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(`${household.reference};${FAMILY};${DISTRICT};nee;3;Anja`)
  expect(visits.bytes.toString('utf8')).not.toContain('Niet voor een lijst')
  await screenshot(page, 'list-export-visits')

  // Complaints: the list as filtered, its headings in Dutch.
  await goTo(page, '#/complaints?tab=all')
  const complaints = await exported(
    page,
    page.getByRole('button', { name: 'Exporteren' }),
    'Als CSV-bestand (.csv)',
  )
  expect(complaints.name).toBe(`klachten-${today}.csv`)
  expect(complaints.bytes.toString('utf8')).toMatch(/^\uFEFFNummer;Ontvangen op;Hoe ontvangen;/)
})
