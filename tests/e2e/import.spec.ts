import { readFileSync } from 'node:fs'
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
