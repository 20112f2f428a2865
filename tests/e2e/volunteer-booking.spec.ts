import { mkdirSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { addDays, startOfWeek } from '../../src/shared/dates'
import { post } from './bridge'
import { E2E_ADMIN } from './global-setup'
import { api, bridgeUrl, goTo, logIn, openApp } from './support'

const VOLUNTEER = { username: 'afspraak-vrijwilliger', password: 'Balie-afspraak-sleutel-7' }
const FAMILY = 'Naima Oukili'

async function must(method: string, input: unknown, token?: string): Promise<string | null> {
  const r = await post(bridgeUrl(), method, input, token)
  if (!r.body.ok) throw new Error(`${method} failed: ${JSON.stringify(r.body.error)}`)
  return r.session ?? null
}

/** A counter volunteer who has chosen a password, made by the admin through the API. */
async function volunteerAccount(): Promise<void> {
  const admin = await must('auth.login', E2E_ADMIN)
  const first = 'Eerste-afspraak-sleutel-6'
  await must(
    'users.create',
    { username: VOLUNTEER.username, displayName: 'Bea Balie', role: 'volunteer', password: first },
    admin ?? undefined,
  )
  const own = await must('auth.login', { username: VOLUNTEER.username, password: first })
  await must(
    'auth.changePassword',
    {
      currentPassword: first,
      newPassword: VOLUNTEER.password,
      newPasswordRepeat: VOLUNTEER.password,
    },
    own ?? undefined,
  )
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync('test-results/screens', { recursive: true })
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage })
}

test('a volunteer books a family for next week; once the admin turns booking off, main refuses and the buttons go', async ({
  page,
  browser,
}) => {
  // Two people at two computers, each logging in: longer than one flow.
  test.setTimeout(180_000)
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  const nextMonday = startOfWeek(addDays(today, 7))
  // Half-days every weekday morning of the coming weeks.
  await api(page, 'slots.generate', {
    from: today,
    to: addDays(today, 27),
    template: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, part: 'morning', capacity: 4 })),
  })
  const h = await api(page, 'households.create', {
    contactName: FAMILY,
    postcode: '3825 BK',
    city: 'Amersfoort',
    district: 'Vathorst',
    phone: '06-55443322',
    incomeSource: 'bijstand',
    proofSeenOn: addDays(today, -20),
    consentDate: today,
    consentBy: 'Bea',
    members: [{ birthYear: 1988, gender: 'f' }],
  })
  await volunteerAccount()

  // The volunteer looks the family up and opens it.
  await page.getByRole('button', { name: /Menu van/ }).click()
  await page.getByRole('menuitem', { name: 'Afmelden' }).click()
  await logIn(page, VOLUNTEER.username, VOLUNTEER.password)
  await goTo(page, '#/households')
  await page.getByRole('searchbox').fill('Oukili')
  await page.getByRole('link', { name: FAMILY }).click()
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()

  // "Afspraak maken" opens next week's free places with the family chosen.
  await page.getByRole('button', { name: 'Afspraak maken' }).click()
  await expect(page).toHaveURL(new RegExp(`week=${nextMonday}`))
  await expect(page.getByText(`Kies een dagdeel met "Boek"`)).toBeVisible()
  await page.getByTestId(`slot-${nextMonday}-morning`).getByRole('button', { name: 'Boek' }).click()
  const dialog = page.getByRole('dialog', { name: 'Afspraak maken' })
  await expect(dialog.getByRole('combobox', { name: 'Huishouden' })).toHaveValue(
    new RegExp(`^${FAMILY}`),
  )
  await dialog.getByRole('button', { name: /Afspraak maken$/ }).click()
  await expect(page.getByText(/Afspraak gemaakt voor Naima Oukili/)).toBeVisible()

  // Back on the family's page: the appointment, with "Verzetten" and "Afzeggen".
  await goTo(page, `#/households/${h.id}`)
  await expect(page.getByRole('button', { name: 'Verzetten' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Afzeggen' })).toBeVisible()
  await shot(page, 'h1-01-volunteer-household-booking')

  // The admin, at another computer, turns booking off for volunteers.
  const adminContext = await browser.newContext()
  try {
    const admin = await adminContext.newPage()
    await admin.goto(bridgeUrl())
    await logIn(admin, E2E_ADMIN.username, E2E_ADMIN.password)
    await goTo(admin, '#/settings')
    const card = admin.getByTestId('volunteer-rights')
    const booking = card.getByRole('switch', { name: /^Afspraken maken, verzetten en afzeggen/ })
    await expect(booking).toBeChecked()
    // The switch saves at once; it shows off when main has answered.
    await booking.click({ force: true })
    await expect(booking).not.toBeChecked()
    await expect(admin.getByText(/Uitgezet: Afspraken maken/)).toBeVisible()
    await card.scrollIntoViewIfNeeded()
    await admin.screenshot({ path: 'test-results/screens/h1-02-admin-switches.png' })

    // The volunteer's page still shows the old buttons; the next booking change goes to main.
    await page.getByRole('button', { name: 'Verzetten' }).click()
    const move = page.getByRole('dialog', { name: 'Afspraak verzetten' })
    await move.getByRole('button', { name: 'Hierheen' }).first().click()
    await expect(page.getByText(/De beheerder heeft dit voor vrijwilligers uitgezet/)).toBeVisible()
    // The rights were read again: the booking buttons are gone at once.
    for (const name of ['Afspraak maken', 'Verzetten', 'Afzeggen'])
      await expect(page.getByRole('button', { name })).toHaveCount(0)
    await shot(page, 'h1-03-volunteer-refused')
    // The week shows free places without "Boek".
    await goTo(page, `#/appointments?week=${nextMonday}`)
    await expect(page.getByTestId(`slot-${nextMonday}-morning`)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Boek' })).toHaveCount(0)
    await goTo(page, `#/households/${h.id}`)
    await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()
    for (const name of ['Afspraak maken', 'Verzetten', 'Afzeggen'])
      await expect(page.getByRole('button', { name })).toHaveCount(0)
    await shot(page, 'h1-04-volunteer-household-no-booking')
    // Main wrote one appointment only: next Monday's.
    const detail = await api(page, 'households.get', { id: h.id })
    expect(detail.appointments.map((a) => [a.date, a.status])).toEqual([[nextMonday, 'planned']])
  } finally {
    // Other flows expect the default (booking on).
    const adminToken = await must('auth.login', E2E_ADMIN)
    await must('settings.update', { volunteerMayBook: true }, adminToken ?? undefined)
    await adminContext.close()
  }
})
