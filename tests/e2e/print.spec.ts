import { expect, test } from '@playwright/test'
import { api, goTo, openApp, screenshot } from './support'

test('the day list and the call list print as the list only: no menu, buttons or filters', async ({
  page,
}) => {
  await openApp(page, '#/calllist')
  const today = (await api(page, 'shop.dashboard', {})).date
  await expect(page.getByRole('button', { name: 'Bellijst afdrukken' })).toBeVisible()

  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('heading', { name: 'Bellijst', level: 2 })).toBeVisible()
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Vergrendelen' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Bellijst afdrukken' })).toBeHidden()
  await expect(page.getByLabel(/^Niet geweest sinds/)).toBeHidden()
  // On paper it says whose list it is, when it was printed and what it lists.
  await expect(page.getByTestId('print-heading')).toContainText('Stichting E2E · afgedrukt op')
  await expect(page.getByText(/^Niet geweest sinds \d\d-\d\d-\d{4}/)).toBeVisible()
  await screenshot(page, 'print-call-list')

  await page.emulateMedia({ media: 'screen' })
  await goTo(page, `#/appointments/day/${today}`)
  await expect(page.getByRole('button', { name: 'Lijst afdrukken' })).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('heading', { name: /\d{4}$/, level: 2 })).toBeVisible()
  await expect(page.getByRole('navigation')).toBeHidden()
  await expect(page.getByRole('button', { name: 'Lijst afdrukken' })).toBeHidden()
  await expect(page.getByRole('link', { name: 'Naar de week' })).toBeHidden()
  await screenshot(page, 'print-day-list')
  await page.emulateMedia({ media: 'screen' })
})
