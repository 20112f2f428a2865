import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { api, openApp, screenshot } from './support'

const SHOTS = '/tmp/shots-h3'

test('a coordinator keeps the sociale kaart: adds an organisation per area, sees the field errors, retires one', async ({
  page,
}) => {
  mkdirSync(SHOTS, { recursive: true })
  await openApp(page, '#/')
  await api(page, 'partners.create', {
    name: 'Wijkteam Kaartwijk',
    kind: 'municipality',
    area: 'Kaartwijk',
    contactPerson: 'Sandra Mulder',
    phone: '033-555 0707',
    email: 'kaartwijk@wijkteam.example',
    helpsWith: 'Eerste vragen over zorg, geld, opvoeding en wonen in de wijk',
  })

  await page.getByRole('navigation').getByRole('link', { name: 'Sociale kaart' }).click()
  await expect(page.getByRole('heading', { name: 'Sociale kaart', level: 2 })).toBeVisible()
  const area = page.getByRole('region', { name: 'Kaartwijk' })
  await expect(area.getByRole('article', { name: 'Wijkteam Kaartwijk' })).toContainText(
    'Sandra Mulder · 033-555 0707',
  )

  await page.getByRole('button', { name: 'Organisatie toevoegen' }).click()
  const form = page.getByRole('dialog', { name: 'Organisatie toevoegen' })
  await form.getByLabel('Naam', { exact: false }).first().fill('schuldhulpverlening')
  await form.getByRole('combobox', { name: 'Soort' }).click()
  await page.getByRole('option', { name: 'Schuldhulpverlening', exact: true }).click()
  await form.getByLabel('Gebied').fill('Kaartwijk')
  await form.getByLabel('Telefoon').fill('bel maar')
  await form.getByRole('button', { name: 'Opslaan' }).click()
  // The form's own check: the phone number, at its field.
  await expect(form.getByText(/Geen geldig telefoonnummer/)).toBeVisible()
  await form.getByLabel('Telefoon').fill('033-555 0101')
  await form.getByRole('button', { name: 'Opslaan' }).click()
  // Main's check: the name is on the map already (a destination the first version shipped).
  await expect(form.getByText(/Schuldhulpverlening/).first()).toBeVisible()
  await expect(form).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/partners-form-errors.png` })
  await form.getByLabel('Naam', { exact: false }).first().fill('Schuldhulp Kaartwijk')
  await form.getByLabel('Waarmee ze helpen').fill('Schulden op een rij, budgetcursus')
  await form.getByRole('button', { name: 'Opslaan' }).click()
  await expect(form).toBeHidden()
  await expect(area.getByRole('article', { name: 'Schuldhulp Kaartwijk' })).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/partners-page.png`, fullPage: true })

  // Retired: gone from the page until asked for, then greyed.
  await page.getByRole('button', { name: 'Wijkteam Kaartwijk wijzigen' }).click()
  const edit = page.getByRole('dialog', { name: 'Organisatie wijzigen' })
  await edit.getByLabel('In gebruik (kiesbaar bij een doorverwijzing)').uncheck()
  await edit.getByRole('button', { name: 'Opslaan' }).click()
  await expect(edit).toBeHidden()
  await expect(page.getByRole('article', { name: 'Wijkteam Kaartwijk' })).toBeHidden()
  await page.getByLabel('Ook organisaties die niet meer gebruikt worden').check()
  await expect(page.getByRole('article', { name: 'Wijkteam Kaartwijk' })).toContainText(
    'Niet meer in gebruik',
  )
  await page.screenshot({ path: `${SHOTS}/partners-inactive.png`, fullPage: true })
  await screenshot(page, 'partners')

  // The settings page points here instead of keeping destinations as a list.
  await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click()
  await page.getByRole('link', { name: 'Naar de sociale kaart' }).click()
  await expect(page.getByRole('heading', { name: 'Sociale kaart', level: 2 })).toBeVisible()
})
