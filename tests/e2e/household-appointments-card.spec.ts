import { expect, test } from '@playwright/test'
import { addDays } from '../../src/shared/dates'
import { api, goTo, openApp, screenshot } from './support'

const FAMILY = 'Rosa Wijnberg'

test('the Afspraken card fits half a 1366 screen: whole badges, dates on one line, Afzeggen asks first', async ({
  page,
}) => {
  await openApp(page, '#/')
  const today = (await api(page, 'shop.dashboard', {})).date
  await api(page, 'slots.generate', {
    from: addDays(today, 1),
    to: addDays(today, 27),
    template: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, part: 'morning', capacity: 4 })),
  })
  const h = await api(page, 'households.create', {
    contactName: FAMILY,
    postcode: '3825 BK',
    city: 'Amersfoort',
    district: 'Vathorst',
    phone: '06-55443311',
    incomeSource: 'bijstand',
    proofSeenOn: addDays(today, -20),
    consentDate: today,
    consentBy: 'Rosa',
    members: [{ birthYear: 1990, gender: 'f' }],
  })
  const free = (await api(page, 'slots.list', { from: addDays(today, 1), to: addDays(today, 27) }))
    .filter((s) => s.free > 0 && !s.over)
    .sort((a, b) => a.date.localeCompare(b.date))
  // Two coming appointments, one of them cancelled: an "Afgezegd" row beside a row with buttons.
  const first = await api(page, 'appointments.book', { slotId: free[0].id, householdId: h.id })
  await api(page, 'appointments.setStatus', {
    appointmentId: first.appointment.id,
    status: 'cancelled',
  })
  const second = free.find((s) => s.date > free[0].date && s.date > addDays(free[0].date, 1))
  if (!second) throw new Error('no second half-day')
  await api(page, 'appointments.book', { slotId: second.id, householdId: h.id })

  await goTo(page, `#/households/${h.id}`)
  await expect(page.getByRole('heading', { name: FAMILY })).toBeVisible()
  const cancel = page.getByRole('button', { name: 'Afzeggen' })
  await expect(cancel).toBeVisible()
  const card = page
    .getByTestId(`appointment-status-${first.appointment.id}`)
    .locator('xpath=ancestor::table')
  await card.scrollIntoViewIfNeeded()
  // No badge is cut off with an ellipsis, no date wraps onto two lines.
  const cut = await card
    .locator('.mantine-Badge-label')
    .evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
    )
  expect(cut).toEqual([])
  for (const cell of await card.locator('tbody tr td:first-child').all()) {
    const box = await cell.boundingBox()
    const lineHeight = await cell.evaluate((c) => parseFloat(getComputedStyle(c).lineHeight) || 22)
    expect(box && box.height).toBeLessThan(lineHeight * 2 + 20)
  }
  await screenshot(page, 'f1-01-household-appointments', false)

  await cancel.click()
  const dialog = page.getByRole('dialog', { name: 'Afspraak afzeggen' })
  await expect(
    dialog.getByText(/^Afspraak van \w+dag \d{2}-\d{2}-\d{4} ochtend afzeggen\?$/),
  ).toBeVisible()
  // Let the modal finish fading in before the picture.
  await page.waitForTimeout(400)
  await screenshot(page, 'f1-02-cancel-confirm', false)
  await dialog.getByRole('button', { name: 'Nee, laten staan' }).click()
  await expect(dialog).toHaveCount(0)
  const detail = await api(page, 'households.get', { id: h.id })
  expect(detail.appointments.filter((a) => a.status === 'planned')).toHaveLength(1)
})
