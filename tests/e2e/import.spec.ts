import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { api, goTo, openApp, screenshot } from './support'

const FIXTURE = 'tests/fixtures/import/messy-households.csv'

test('a coordinator imports the messy CSV: sees and downloads the error report, imports the valid rows', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openApp(page, '#/')
  // The household line 11 of the file resembles.
  await api(page, 'households.create', {
    contactName: 'Fam. Oudewater',
    postcode: '3817 MN',
    city: 'Amersfoort',
    incomeSource: 'bijstand',
    consentDate: '2026-01-05',
    consentBy: 'Anja',
    members: [],
    confirmDuplicate: true,
  })

  await page.getByRole('navigation').getByRole('link', { name: 'Importeren', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Importeren', level: 2 })).toBeVisible()

  // 1. The file: Windows-1252 names read right, empty rows left out.
  await page.locator('input[type="file"]').setInputFiles(FIXTURE)
  await expect(page.getByText('Gelezen: 9 regels met gegevens, 14 kolommen')).toBeVisible()
  await expect(
    page.getByText('CSV, gescheiden door puntkomma, tekens als Windows-1252'),
  ).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Zoë de Vries', exact: true })).toBeVisible()
  await screenshot(page, 'import-1-file')
  await page.getByRole('button', { name: 'Volgende', exact: true }).click()

  // 2. The kind.
  await expect(page.getByRole('radio', { name: 'Huishoudens (met gezinsleden)' })).toBeChecked()
  await screenshot(page, 'import-2-kind')
  await page.getByRole('button', { name: 'Volgende', exact: true }).click()

  // 3. The columns, guessed from the Dutch headers.
  await expect(
    page.getByRole('combobox', { name: 'Kolom in het bestand: Naam contactpersoon' }),
  ).toHaveValue('Naam contactpersoon')
  await expect(page.getByRole('combobox', { name: 'Kolom in het bestand: Postcode' })).toHaveValue(
    'Postcode',
  )
  await expect(page.getByRole('combobox', { name: 'Kolom in het bestand: E-mail' })).toHaveValue(
    '(niet gebruiken)',
  )
  await screenshot(page, 'import-3-columns')
  await page.getByRole('button', { name: 'Controleren', exact: true }).click()

  // 4. The check: the preview as stored, the errors, the duplicate.
  await expect(page.getByText('9 regels: 5 goed, 4 met fouten')).toBeVisible({ timeout: 30_000 })
  const problems = page.getByRole('table', { name: 'Fouten' })
  await expect(problems.getByRole('row')).toHaveCount(5)
  await expect(problems.getByRole('row').nth(1)).toContainText('6Postcode')
  await expect(problems).toContainText('Geen geldige postcode (1234 AB)')
  await expect(problems).toContainText('Geen geldige datum (dd-mm-jjjj)')
  await expect(page.getByRole('cell', { name: '3811 AB', exact: true })).toBeVisible()
  await expect(page.getByText(/Regel 11: Fam\. Oudewater, 3817 MN — lijkt op H-/)).toBeVisible()
  await screenshot(page, 'import-4-preview')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Foutenrapport downloaden (CSV)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^importfouten-\d{4}-\d{2}-\d{2}\.csv$/)
  const report = readFileSync(await download.path(), 'utf8')
  expect(report).toContain('"Regel";"Veld";"Melding"')
  expect(report).toContain('"6";"Postcode";"Geen geldige postcode (1234 AB)"')
  expect(report).toContain('"10";"Naam contactpersoon";"Dit veld is verplicht"')

  await page.getByRole('button', { name: 'Volgende', exact: true }).click()

  // 5. The import.
  await expect(page.getByText('Klaar om 4 regels te importeren.')).toBeVisible()
  await screenshot(page, 'import-5-run')
  await page.getByRole('button', { name: 'Importeren', exact: true }).click()

  // 6. The result, and an imported household in the list.
  await expect(page.getByText('Geïmporteerd: 4')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText('Overgeslagen met fouten: 4')).toBeVisible()
  await expect(page.getByText('Overgeslagen als mogelijk dubbel: 1')).toBeVisible()
  await screenshot(page, 'import-6-result')
  await page.getByRole('link', { name: 'Naar de huishoudens' }).click()
  await page.getByLabel('Zoeken').first().fill('Çelik')
  await expect(page.getByText('Çelik', { exact: true }).first()).toBeVisible()
  await screenshot(page, 'import-7-households')
  await goTo(page, '#/')
})

test('a coordinator sees a 10,000-row import being saved and cancels it: nothing is stored', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000)
  // 10,000 households, every one valid, under names no other spec uses.
  const lines = ['Naam;Postcode;Plaats;Inkomen;Toestemming;Toestemming door']
  for (let i = 0; i < 10_000; i++)
    lines.push(`Afgebroken ${i};${1000 + (i % 8999)} AB;Amersfoort;werk;01-03-2026;Anja`)
  const file = testInfo.outputPath('groot.csv')
  writeFileSync(file, lines.join('\n'))

  await openApp(page, '#/')
  const before = (await api(page, 'households.search', { query: 'Afgebroken' })).total
  expect(before).toBe(0)
  await goTo(page, '#/import')
  await page.locator('input[type="file"]').setInputFiles(file)
  await expect(page.getByText('Gelezen: 10.000 regels met gegevens, 6 kolommen')).toBeVisible({
    timeout: 60_000,
  })
  await page.getByRole('button', { name: 'Volgende', exact: true }).click()
  await page.getByRole('button', { name: 'Volgende', exact: true }).click()
  await page.getByRole('button', { name: 'Controleren', exact: true }).click()
  await expect(page.getByText(/10\.000 regels: 10\.000 goed/)).toBeVisible({ timeout: 120_000 })
  await page.getByRole('button', { name: 'Volgende', exact: true }).click()
  await page.getByRole('button', { name: 'Importeren', exact: true }).click()

  // While the rows are written the bar moves: two different counts of the saving phase.
  const counted = page.getByText(/^[\d.]+ van 10\.000$/)
  await expect(page.getByText('Opslaan', { exact: true })).toBeVisible({ timeout: 60_000 })
  await expect(counted).toBeVisible()
  const first = await counted.textContent()
  await expect(counted).not.toHaveText(first ?? '')
  await screenshot(page, 'import-8-saving')
  await page.getByRole('button', { name: 'Annuleren', exact: true }).click()
  await expect(page.getByText('De import is geannuleerd. Er is niets opgeslagen.')).toBeVisible({
    timeout: 60_000,
  })
  await screenshot(page, 'import-9-cancelled')
  expect((await api(page, 'households.search', { query: 'Afgebroken' })).total).toBe(0)
  await goTo(page, '#/')
})
