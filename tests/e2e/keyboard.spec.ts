import { expect, test, type Locator, type Page } from '@playwright/test'
import { addDays, isoWeekday } from '../../src/shared/dates'
import { api, bridgeUrl, newAccount, screenshot } from './support'

// Names of this spec's own: the specs share one bridge (and so one database).
const COORDINATOR = {
  username: 'toetsenbord-coordinator',
  displayName: 'Kees Toetsenbord',
  role: 'coordinator' as const,
  firstPassword: 'Eerste-toets-sleutel-5',
  password: 'Alleen-toetsen-sleutel-7',
}
const FAMILY = 'Fatima Toetsenbordtest'

/** Whether the element shows where the focus is: an outline or a ring drawn as a shadow. */
async function focusVisible(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const style = getComputedStyle(el)
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    return outline || style.boxShadow !== 'none'
  })
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as someone without a mouse would,
 * and checks that the focus shows there. Fails when it is not reached in `max` presses.
 */
async function tabTo(page: Page, target: Locator, max = 120, back = false): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      expect(await focusVisible(target), 'the focused element shows a focus ring').toBe(true)
      return
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`not reached with the keyboard in ${max} presses: ${target.toString()}`)
}

test('a coordinator books, checks in and registers a visit with the keyboard alone', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await newAccount(COORDINATOR)
  await page.goto(bridgeUrl())
  const today = (await api(page, 'shop.dashboard', {})).date
  // This evening's half-day (the evening is bookable all day) and a family without a booking.
  await api(page, 'slots.generate', {
    from: today,
    to: today,
    template: [{ weekday: isoWeekday(today), part: 'evening', capacity: 40 }],
  })
  const family = await api(page, 'households.create', {
    contactName: FAMILY,
    postcode: '3812 TB',
    city: 'Amersfoort',
    district: 'Schothorst',
    phone: null,
    incomeSource: 'bijstand',
    proofSeenOn: addDays(today, -5),
    consentDate: today,
    consentBy: 'Anja',
    members: [
      { birthYear: 1988, gender: 'f' },
      { birthYear: 2018, gender: 'f', clothingSize: '116' },
    ],
  })

  // Log in: type, Tab, type, Enter.
  await tabTo(page, page.getByLabel('Gebruikersnaam'))
  await page.keyboard.type(COORDINATOR.username)
  await tabTo(page, page.getByRole('textbox', { name: 'Wachtwoord', exact: true }))
  await page.keyboard.type(COORDINATOR.password)
  await page.keyboard.press('Enter')
  const menu = page.getByRole('navigation')
  // The password check is slow on purpose, and slower on a busy machine.
  await expect(menu).toBeVisible({ timeout: 60_000 })

  // To the week view through the menu.
  await tabTo(page, menu.getByRole('link', { name: 'Afspraken', exact: true }))
  await screenshot(page, 'keyboard-01-menu-focus', false)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/appointments/)

  // Book this evening: the household found by typing, chosen with the arrow keys.
  const evening = page.getByTestId(`slot-${today}-evening`)
  await tabTo(page, evening.getByRole('button', { name: 'Boek' }), 200)
  await page.keyboard.press('Enter')
  const booking = page.getByRole('dialog', { name: 'Afspraak maken' })
  await expect(booking).toBeVisible()
  const picker = booking.getByRole('combobox', { name: 'Huishouden' })
  await tabTo(page, picker, 20)
  await page.keyboard.type('Toetsenbordtest')
  // Only the family typed is offered (earlier results gone), so the arrow lands on it.
  await expect(page.getByRole('option')).toHaveCount(1)
  await expect(page.getByRole('option', { name: new RegExp(FAMILY) })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue(new RegExp(FAMILY))
  await screenshot(page, 'keyboard-02-booking', false)
  await tabTo(page, booking.getByRole('button', { name: 'Afspraak maken' }), 20)
  await page.keyboard.press('Enter')
  await expect(booking).toBeHidden()
  const booked = await api(page, 'households.get', { id: family.id })
  expect(booked.appointments.map((a) => a.date)).toContain(today)

  // Today's list: the family came.
  await tabTo(page, menu.getByRole('link', { name: 'Vandaag', exact: true }), 200, true)
  await page.keyboard.press('Enter')
  const row = page
    .getByRole('region', { name: 'Avond' })
    .getByRole('listitem')
    .filter({ hasText: FAMILY })
  await expect(row).toBeVisible()
  const came = row.getByRole('button', { name: 'Gekomen', exact: true })
  await tabTo(page, came, 200)
  await screenshot(page, 'keyboard-03-check-in-focus', false)
  await page.keyboard.press('Space')
  const register = row.getByRole('button', { name: 'Bezoek registreren' })
  await tabTo(page, register, 20)
  await page.keyboard.press('Enter')

  // What the family took, typed; saved with Enter on the button.
  await expect(page).toHaveURL(/#\/visits\/new/)
  await tabTo(page, page.getByLabel('Kleding', { exact: true }), 60)
  await page.keyboard.type('4')
  await tabTo(page, page.getByRole('button', { name: 'Bezoek opslaan' }), 80)
  await screenshot(page, 'keyboard-04-visit', false)
  await page.keyboard.press('Enter')
  await expect(page).not.toHaveURL(/#\/visits\/new/)

  const after = await api(page, 'households.get', { id: family.id })
  expect(after.visits).toHaveLength(1)
  expect(after.visits[0].items.map((i) => [i.category.name, i.count])).toEqual([['Kleding', 4]])
  expect(after.appointments.find((a) => a.date === today)?.status).toBe('came')
})
