import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { addDays, toDutchDate } from '../../src/shared/dates'
import { api, goTo, openApp, screenshot } from './support'

async function family(
  page: Parameters<typeof api>[0],
  contactName: string,
  postcode: string,
  phone: string | null,
): Promise<{ id: number; reference: string }> {
  const today = (await api(page, 'shop.dashboard', {})).date
  return api(page, 'households.create', {
    contactName,
    postcode,
    city: 'Amersfoort',
    district: 'Hoogland',
    phone,
    incomeSource: 'bijstand',
    proofSeenOn: addDays(today, -10),
    consentDate: today,
    consentBy: 'Anja',
    members: [
      { birthYear: 1985, gender: 'f' },
      { birthYear: 2017, gender: 'm', clothingSize: '128' },
    ],
  })
}

test('the intake form warns about a family that is already registered', async ({ page }) => {
  await openApp(page, '#/')
  const existing = await family(page, 'Karin de Jong', '3822 KL', '06-11223344')
  await goTo(page, '#/households/new')
  await page.getByLabel('Naam contactpersoon').fill('K. de Jong')
  await page.getByLabel('Postcode').fill('3822kl')
  await page.getByLabel('Plaats').fill('Amersfoort')
  await page.getByRole('combobox', { name: /Inkomensbron/ }).click()
  await page.getByRole('option', { name: 'Bijstand', exact: true }).click()
  await page.getByLabel('Toestemming gegeven door').fill('Anja')
  await page.getByLabel('Intake gedaan door').fill('Anja')
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Bestaat dit huishouden al?' })
  await expect(dialog).toContainText(existing.reference)
  await screenshot(page, '11-duplicate-warning', false)
  await dialog
    .getByRole('button', { name: `Open bestaand huishouden ${existing.reference}` })
    .click()
  await expect(page).toHaveURL(new RegExp(`#/households/${existing.id}$`))
  expect((await api(page, 'households.search', { query: 'de Jong' })).total).toBe(1)
})

test('a visit cannot be dated in the future; the message stands at the date', async ({ page }) => {
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  const h = await family(page, 'Marco Visser', '3823 AB', null)
  await goTo(page, `#/visits/new?household=${h.id}`)
  await page.getByLabel('Geholpen door').fill('Anja')
  await page.getByLabel('Kleding', { exact: true }).fill('3')
  const date = page.getByLabel('Datum bezoek')
  await date.fill(toDutchDate(addDays(today, 1)))
  await date.press('Tab')
  await page.getByRole('button', { name: 'Bezoek opslaan' }).click()
  await expect(page.getByText('Een bezoek kan niet in de toekomst liggen')).toBeVisible()
  await screenshot(page, '12-visit-future-date')
  expect((await api(page, 'households.get', { id: h.id })).visits).toHaveLength(0)
})

test('the call list shows families not seen lately and exports them as CSV', async ({ page }) => {
  await openApp(page, '#/')
  const h = await family(page, 'Nadia Yilmaz', '3824 CD', '033-4567890')
  await goTo(page, '#/calllist')
  await expect(page.getByText('Nadia Yilmaz')).toBeVisible()
  await screenshot(page, '13-call-list')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Exporteer als CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^bellijst-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync((await file.path())!, 'utf8')
  expect(csv.split('\r\n')[0]).toBe(
    '\uFEFFReferentie;Naam;Telefoon;E-mail;Wijk/kern;Laatste bezoek;Recht tot;Gebeld / uitgenodigd',
  )
  expect(csv).toContain(`${h.reference};Nadia Yilmaz;033-4567890`)
})

test('a visit with warnings is saved only after they are confirmed; a second one that day asks again', async ({
  page,
}) => {
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  const h = await api(page, 'households.create', {
    contactName: 'Olga Petrova',
    postcode: '3825 EF',
    city: 'Amersfoort',
    district: 'Vathorst',
    phone: null,
    incomeSource: 'bijstand',
    // Two years ago: the right has run out.
    proofSeenOn: addDays(today, -730),
    consentDate: today,
    consentBy: 'Anja',
    members: [
      { birthYear: 1980, gender: 'f' },
      { birthYear: 2016, gender: 'f', clothingSize: '140' },
    ],
  })
  await goTo(page, `#/visits/new?household=${h.id}`)
  // The form starts with the logged-in user as who helped.
  await expect(page.getByLabel('Geholpen door')).toHaveValue('Cor Coördinator')
  await page.getByLabel('Kleding', { exact: true }).fill('3')
  await page.getByRole('button', { name: 'Bezoek opslaan' }).click()
  const check = page.getByRole('dialog', { name: 'Eerst even nakijken' })
  await expect(check).toContainText('het recht op de winkel is verlopen')
  await expect(check.getByRole('button', { name: 'Toch opslaan' })).toBeVisible()
  await screenshot(page, '14-visit-warnings-first', false)
  expect((await api(page, 'households.get', { id: h.id })).visits).toHaveLength(0)
  await check.getByRole('button', { name: 'Toch opslaan' }).click()
  await expect(page).toHaveURL(new RegExp(`#/households/${h.id}$`))
  expect((await api(page, 'households.get', { id: h.id })).visits).toHaveLength(1)

  // The same visit again (a second click, a second volunteer): asked, not saved.
  await goTo(page, `#/visits/new?household=${h.id}`)
  await page.getByLabel('Kleding', { exact: true }).fill('3')
  await page.getByRole('button', { name: 'Bezoek opslaan' }).click()
  await expect(check).toContainText('dit huishouden had die dag al een bezoek')
  await check.getByRole('button', { name: 'Terug naar het formulier' }).click()
  await expect(check).toBeHidden()
  expect((await api(page, 'households.get', { id: h.id })).visits).toHaveLength(1)
})

test('the week view offers no booking on half-days that are over and shows who is booked', async ({
  page,
}) => {
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  const lastWeek = addDays(today, -7)
  await api(page, 'slots.generate', {
    from: lastWeek,
    to: addDays(today, 14),
    template: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
      weekday,
      part: 'afternoon' as const,
      capacity: 4,
    })),
  })
  const h = await family(page, 'Pieter Boekhout', '3826 GH', null)
  const [next] = await api(page, 'slots.list', { from: addDays(today, 1), to: addDays(today, 1) })
  await api(page, 'appointments.book', { slotId: next.id, householdId: h.id })

  await goTo(page, `#/appointments?week=${lastWeek}`)
  const past = page.getByTestId(`slot-${lastWeek}-afternoon`)
  await expect(past).toContainText('Voorbij')
  await expect(past.getByRole('button', { name: 'Boek' })).toHaveCount(0)

  await goTo(page, `#/appointments?week=${addDays(today, 1)}`)
  const coming = page.getByTestId(`slot-${addDays(today, 1)}-afternoon`)
  await expect(coming.getByRole('link', { name: 'Pieter Boekhout' })).toBeVisible()
  await expect(coming.getByRole('button', { name: 'Boek' })).toBeVisible()
  await screenshot(page, '15-week-who-is-booked')
})
