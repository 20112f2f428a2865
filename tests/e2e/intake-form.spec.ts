import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { api, goTo, openApp, screenshot } from './support'

/** Also kept where the person checking this part looks at them. */
const SHOTS = process.env.SHOTS ?? '/tmp/shots-h4'
function keep(name: string): void {
  mkdirSync(SHOTS, { recursive: true })
  copyFileSync(`test-results/screens/${name}.png`, `${SHOTS}/${name}.png`)
}

test('a new family: Schulden and Meerdere problemen on the intake, and the blank paper form', async ({
  page,
}) => {
  await openApp(page, '#/')
  await goTo(page, '#/households/new')
  await page.getByLabel('Naam contactpersoon').fill('Samira El Idrissi')
  await page.getByLabel('Postcode').fill('3825 AB')
  await page.getByLabel('Plaats').fill('Amersfoort')
  await page.getByRole('combobox', { name: /Inkomensbron/ }).click()
  await page.getByRole('option', { name: 'Bijstand', exact: true }).click()
  await page.getByLabel('Toestemming gegeven door').fill('Samira El Idrissi')
  await page.getByLabel('Intake gedaan door').fill('Anja')
  const debts = page.getByRole('radiogroup', { name: 'Schulden' })
  const problems = page.getByRole('radiogroup', { name: 'Meerdere problemen' })
  await expect(debts.getByRole('radio', { name: 'Onbekend' })).toBeChecked()
  await debts.getByText('Ja', { exact: true }).click()
  await problems.getByText('Nee', { exact: true }).click()
  await debts.scrollIntoViewIfNeeded()
  await screenshot(page, 'h4-intake-questions', false)
  keep('h4-intake-questions')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(page).toHaveURL(/#\/households\/\d+$/)
  const id = Number(/households\/(\d+)$/.exec(page.url())![1])
  const detail = await api(page, 'households.get', { id })
  expect(detail.intakes?.[0]).toMatchObject({ debts: 'yes', multipleProblems: 'no' })
  await expect(page.getByText('Schulden:')).toBeVisible()
  await screenshot(page, 'h4-household-intake')
  keep('h4-household-intake')

  await goTo(page, '#/households')
  const blank = page.getByRole('button', { name: 'Leeg aanmeldformulier afdrukken' })
  await expect(blank).toBeVisible()
  await expect(page.getByText('Samira El Idrissi')).toBeVisible()
  await screenshot(page, 'h4-households-blank-form-button', false)
  keep('h4-households-blank-form-button')
  const download = page.waitForEvent('download')
  await blank.click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^aanmeldformulier-\d{4}-\d{2}-\d{2}\.pdf$/)
  expect(
    readFileSync((await file.path())!)
      .subarray(0, 5)
      .toString('latin1'),
  ).toBe('%PDF-')
})
