import { expect, test, type Page } from '@playwright/test'
import { addDays, isoWeekday, toDutchDate } from '../../src/shared/dates'
import { api, goTo, openApp, screenshot } from './support'

const WEEKDAYS = ['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag', 'Zondag']

async function pick(
  page: Page,
  field: ReturnType<Page['getByRole']>,
  option: string,
): Promise<void> {
  await field.click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('a new coordinator registers a family, books, checks in, registers a visit and sees the figures change', async ({
  page,
}) => {
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  const period = { from: `${today.slice(0, 4)}-01-01`, to: today }
  const before = await api(page, 'shop.stats', period)
  const weekday = WEEKDAYS[isoWeekday(today) - 1]

  // The dashboard of an empty shop.
  await expect(page.getByRole('heading', { name: 'Vandaag', exact: true })).toBeVisible()
  await screenshot(page, '01-dashboard-empty')

  // Half-days for the coming weeks, with an evening on today's weekday so today has a slot.
  await page.getByRole('navigation').getByRole('link', { name: 'Afspraken' }).click()
  await page.getByRole('button', { name: 'Dagdelen aanmaken' }).click()
  const generate = page.getByRole('dialog')
  await generate.getByRole('button', { name: 'Regel toevoegen' }).click()
  const rows = await generate.getByRole('combobox', { name: /^Weekdag \(regel \d+\)/ }).count()
  await pick(page, generate.getByRole('combobox', { name: `Weekdag (regel ${rows})` }), weekday)
  await pick(page, generate.getByRole('combobox', { name: `Dagdeel (regel ${rows})` }), 'Avond')
  await screenshot(page, '02-generate-slots', false)
  await generate.getByRole('button', { name: 'Aanmaken', exact: true }).click()
  await expect(page.getByText(/dagdelen aangemaakt/)).toBeVisible()
  await expect(generate).toBeHidden()
  await expect(page.getByTestId(`slot-${today}-evening`)).toBeVisible()
  await screenshot(page, '03-week')

  // The intake form: a mother and two children. First a wrong postcode, refused at the field.
  await goTo(page, '#/households/new')
  await page.getByLabel('Naam contactpersoon').fill('Yasmina Bouzid-de Wit')
  await page.getByLabel('Postcode').fill('123')
  await page.getByLabel('Plaats').fill('Amersfoort')
  await page.getByLabel('Wijk of kern').fill('Kruiskamp')
  await page.getByLabel('Telefoon').fill('06-43218765')
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Lid toevoegen' }).click()
  const members: [string, string, string, string][] = [
    ['Yasmina', '1990', 'Vrouw', ''],
    ['Amir', String(Number(today.slice(0, 4)) - 7), 'Man', '122'],
    ['Lina', String(Number(today.slice(0, 4)) - 3), 'Vrouw', '98'],
  ]
  for (const [i, [name, year, gender, size]] of members.entries()) {
    const group = page.getByRole('group', { name: `Lid ${i + 1}`, exact: true })
    await group.getByLabel('Voornaam').fill(name)
    await group.getByLabel('Geboortejaar').fill(year)
    await pick(page, group.getByRole('combobox', { name: /Geslacht/ }), gender)
    if (size) await group.getByLabel('Kledingmaat').fill(size)
  }
  await pick(page, page.getByRole('combobox', { name: /Inkomensbron/ }), 'Bijstand')
  await page.getByLabel('Inkomensbewijs gezien op').fill(toDutchDate(addDays(today, -3)))
  await page.getByLabel('Inkomensbewijs gezien op').press('Tab')
  await page.getByLabel('Toestemming gegeven door').fill('Anja (coördinator)')
  await page.getByLabel('Intake gedaan door').fill('Anja')
  await page.getByRole('checkbox', { name: 'Financiën en schulden' }).check()
  await page.getByRole('checkbox', { name: 'Opvoeding' }).check()
  await page.getByRole('combobox', { name: /Doorverwezen naar/ }).click()
  await page.getByRole('option', { name: 'Schuldhulpverlening', exact: true }).click()
  await page.keyboard.press('Escape')
  await page
    .getByLabel('Notities van het gesprek')
    .fill('Achterstand huur; afspraak schuldhulp gemaakt.')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(page.getByText('Geen geldige postcode (1234 AB)')).toBeVisible()
  expect((await api(page, 'households.search', { query: 'Bouzid' })).total).toBe(0)
  await screenshot(page, '04-intake-form-error')

  await page.getByLabel('Postcode').fill('3812ab')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  await expect(page).toHaveURL(/#\/households\/\d+$/)
  await expect(page.getByRole('heading', { name: /Yasmina Bouzid-de Wit/ })).toBeVisible()
  await expect(page.getByText('Schuldhulpverlening').first()).toBeVisible()
  await screenshot(page, '05-household-detail')
  const found = await api(page, 'households.search', { query: 'Bouzid' })
  expect(found.rows).toHaveLength(1)
  expect(found.rows[0]).toMatchObject({ postcode: '3812 AB', childCount: 2 })
  const householdId = found.rows[0].id

  // Book today's evening from the household page.
  await page.getByRole('button', { name: 'Afspraak maken' }).click()
  await expect(page).toHaveURL(/#\/appointments/)
  await page.getByTestId(`slot-${today}-evening`).getByRole('button', { name: 'Boek' }).click()
  const booking = page.getByRole('dialog', { name: 'Afspraak maken' })
  await expect(booking.getByRole('combobox', { name: 'Huishouden' })).toHaveValue(/Bouzid/)
  await screenshot(page, '06-booking', false)
  await booking.getByRole('button', { name: 'Afspraak maken' }).click()
  await expect(booking).toBeHidden()
  // The half-day lists the family (an earlier spec of the run may have booked it too).
  await expect(page.getByTestId(`slot-${today}-evening`)).toContainText('Yasmina Bouzid-de Wit')

  // Check in on the dashboard.
  await page.getByRole('navigation').getByRole('link', { name: 'Vandaag' }).click()
  const evening = page.getByRole('region', { name: 'Avond' })
  const row = evening.getByRole('listitem').filter({ hasText: 'Yasmina Bouzid-de Wit' })
  await expect(row).toBeVisible()
  await screenshot(page, '07-dashboard-booked')
  await row.getByRole('button', { name: 'Gekomen', exact: true }).click()
  await row.getByRole('button', { name: 'Bezoek registreren' }).click()

  // Register what the family took.
  await expect(page).toHaveURL(/#\/visits\/new/)
  await expect(page.getByText('Amir').first()).toBeVisible()
  await page.getByLabel('Geholpen door').fill('Anja')
  await page.getByLabel('Kleding', { exact: true }).fill('6')
  await page.getByLabel('Schoenen', { exact: true }).fill('2')
  await page.getByLabel('Speelgoed', { exact: true }).fill('1')
  await screenshot(page, '08-visit')
  await page.getByRole('button', { name: 'Bezoek opslaan' }).click()
  await expect(page).not.toHaveURL(/#\/visits\/new/)
  await goTo(page, '#/')
  await expect(
    page
      .getByRole('region', { name: 'Avond' })
      .getByRole('listitem')
      .filter({ hasText: 'Yasmina Bouzid-de Wit' })
      .getByText('Bezoek geregistreerd'),
  ).toBeVisible()
  await screenshot(page, '09-dashboard-after-visit')

  // The figures moved by exactly this family.
  const after = await api(page, 'shop.stats', period)
  expect(after.visits).toBe(before.visits + 1)
  expect(after.householdsReached).toBe(before.householdsReached + 1)
  expect(after.newHouseholds).toBe(before.newHouseholds + 1)
  expect(after.childrenReached).toBe(before.childrenReached + 2)
  expect(after.appointmentsCame).toBe(before.appointmentsCame + 1)
  const detail = await api(page, 'households.get', { id: householdId })
  expect(detail.visits[0].items.map((i) => [i.category.name, i.count])).toEqual([
    ['Kleding', 6],
    ['Schoenen', 2],
    ['Speelgoed', 1],
  ])

  await page.getByRole('navigation').getByRole('link', { name: 'Cijfers', exact: true }).click()
  await expect(page.getByTestId('stat-visits')).toHaveText(String(after.visits))
  await expect(page.getByTestId('stat-children-reached')).toHaveText(String(after.childrenReached))
  await expect(page.getByTestId('stats-referrals')).toContainText('Schuldhulpverlening')
  await screenshot(page, '10-stats')
})
