import { readFileSync } from 'node:fs'
import { expect, test, type Download } from '@playwright/test'
import { E2E_ADMIN } from './global-setup'
import { api, bridgeUrl, logIn, screenshot } from './support'

// A year of this spec's own, far back: the specs share one bridge (and so one database), and
// no other spec reports on it.
const YEAR = new Date().getUTCFullYear() - 8

/** A long story told that year: the PDF prints every story of its period in full. */
function story(i: number): string {
  const sentence = `Verhaal ${i}: een gezin vertelt hoe de winkel en de vrijwilligers hielpen in een zwaar jaar. `
  return sentence.repeat(Math.floor(2900 / sentence.length))
}

test('an admin stops the subsidy report PDF while it is made, and gets it when starting again', async ({
  page,
}) => {
  test.setTimeout(300_000)
  // Enough stories that laying out the year's PDF takes seconds: time to see its progress and
  // to stop it before it is written.
  for (let i = 0; i < 160; i++)
    await api(page, 'stories.save', {
      section: i % 2 === 0 ? 'shop' : 'volunteers',
      about: 'resident',
      name: `Stopper${i}`,
      title: `Een jaar later (${i})`,
      text: story(i),
      toldOn: `${YEAR}-03-${String((i % 28) + 1).padStart(2, '0')}`,
      consentOn: `${YEAR}-04-01`,
    })

  const downloads: Download[] = []
  page.on('download', (d) => downloads.push(d))
  await page.goto(bridgeUrl())
  await logIn(page, E2E_ADMIN.username, E2E_ADMIN.password)

  await page.getByRole('navigation').getByRole('link', { name: 'Verantwoording' }).click()
  await expect(page.getByRole('heading', { name: 'Subsidieverantwoording' })).toBeVisible()
  await page.getByRole('radio', { name: 'Jaar', exact: true }).check({ force: true })
  await page.getByRole('combobox', { name: 'Welk jaar' }).click()
  await page.getByRole('option', { name: String(YEAR), exact: true }).click()
  await page.getByRole('button', { name: 'Toon' }).click()
  await expect(page.getByTestId('report-period')).toContainText(`01-01-${YEAR} t/m 31-12-${YEAR}`, {
    timeout: 60_000,
  })

  // Started: the progress shows with Stoppen, and she stops it.
  const pdf = page.getByRole('button', { name: 'Pdf', exact: true })
  await pdf.click()
  const progress = page.getByTestId('job-status')
  await expect(progress).toBeVisible({ timeout: 30_000 })
  // Its bar (empty at the first step, so only present) names the work.
  await expect(progress).toContainText('Subsidieverantwoording (pdf) maken')
  await expect(progress.getByRole('progressbar')).toHaveCount(1)
  await screenshot(page, 'subsidy-pdf-progress', false)
  await progress.getByRole('button', { name: 'Stoppen', exact: true }).click()
  await expect(page.getByText('Gestopt op uw verzoek. Er is niets veranderd.')).toBeVisible({
    timeout: 30_000,
  })
  await screenshot(page, 'subsidy-pdf-stopped', false)
  await expect(progress).toBeHidden()
  await expect(pdf).toBeEnabled()
  // Nothing comes after the message either.
  await page.waitForTimeout(2000)
  expect(downloads).toHaveLength(0)

  // Started again and left alone: the PDF is saved.
  const download = page.waitForEvent('download', { timeout: 120_000 })
  await pdf.click()
  const file = await download
  expect(downloads).toHaveLength(1)
  expect(file.suggestedFilename()).toMatch(/\.pdf$/)
  expect(
    readFileSync((await file.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-')
})
