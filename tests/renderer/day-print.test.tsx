// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, it, vi } from 'vitest'
import { TestProviders as Providers } from './session'
import { DayPage } from '../../src/renderer/src/features/shop/appointments/day-page'
import { TODAY, appointment, installBridge, ok } from './shop-bridge'
import { fail } from './fake-bridge'

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
})

it('prints the day list with a button, headed by the organisation and the day it was printed', async () => {
  installBridge({
    'slots.list': () =>
      ok([{ id: 1, date: TODAY, part: 'morning', capacity: 5, booked: 1, free: 4 }]),
    'appointments.byDay': () => ok([appointment({ id: 11, contactName: 'Fatima el Amrani' })]),
  })
  const print = vi.fn()
  window.print = print
  const user = userEvent.setup()
  render(
    <Providers>
      <DayPage date={TODAY} />
    </Providers>,
  )
  expect(await screen.findByText('Fatima el Amrani')).toBeTruthy()
  await user.click(screen.getByRole('button', { name: 'Lijst afdrukken' }))
  expect(print).toHaveBeenCalledOnce()
  // Shown on paper only (print.css): whose list, printed when.
  const heading = await screen.findByTestId('print-heading')
  expect(heading.className).toContain('print-only')
  expect(heading.textContent).toBe('Kledingbank Test · afgedrukt op 10-03-2026')
})

it('tells a counter volunteer on another day that only today shows, without a print button, and leads back to today', async () => {
  installBridge({
    'slots.list': () => ok([]),
    'appointments.byDay': () => fail({ code: 'FORBIDDEN', key: 'counterTodayOnly' }),
  })
  const user = userEvent.setup()
  render(
    <Providers role="volunteer">
      <DayPage date="2026-03-12" />
    </Providers>,
  )
  // Neutral information (a status), not an error alert.
  const info = await screen.findByRole('status')
  expect(info.textContent).toContain('Aan de balie ziet u alleen de afspraken van vandaag')
  expect(screen.queryByRole('alert')).toBeNull()
  expect(screen.queryByRole('button', { name: 'Lijst afdrukken' })).toBeNull()
  await user.click(screen.getByRole('button', { name: 'Naar vandaag' }))
  expect(window.location.hash).toBe(`#/appointments/day/${TODAY}`)
})
