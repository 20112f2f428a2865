// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { AppointmentsPage } from '../../src/renderer/src/features/shop/appointments/appointments-page'
import type { Slot } from '../../src/shared/schemas/shop'
import { callsOf, fail, installBridge, ok } from './shop-bridge'

const MONDAY: Slot = {
  id: 7,
  date: '2026-03-09',
  part: 'morning',
  capacity: 5,
  booked: 0,
  free: 5,
  over: true,
}
const THURSDAY: Slot = {
  id: 3,
  date: '2026-03-12',
  part: 'afternoon',
  capacity: 4,
  booked: 0,
  free: 4,
  over: false,
}

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

async function openEditor(user: UserEvent, name: string): Promise<HTMLElement> {
  const group = await screen.findByRole('group', { name })
  await user.click(within(group).getByRole('button', { name: `Dagdeel wijzigen: ${name}` }))
  return screen.findByRole('dialog', { name: 'Dagdeel wijzigen' })
}

describe('a half-day that is over stays', () => {
  beforeEach(() => {
    window.location.hash = '#/appointments'
  })
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('offers no removal of a past half-day, and says why', async () => {
    const calls = installBridge({ 'slots.list': () => ok([MONDAY, THURSDAY]) })
    const user = renderWith(<AppointmentsPage />)
    const dialog = await openEditor(user, 'Maandag 09-03-2026 Ochtend')
    expect(within(dialog).queryByRole('button', { name: 'Dagdeel verwijderen' })).toBeNull()
    expect(
      within(dialog).getByText(
        'Dit dagdeel is voorbij en blijft staan: het hoort bij de cijfers van die periode.',
      ),
    ).toBeTruthy()
    expect(callsOf(calls, 'slots.remove')).toEqual([])
  })

  it("shows main's refusal in Dutch when the half-day ended while the screen was open", async () => {
    installBridge({
      'slots.list': () => ok([THURSDAY]),
      'slots.remove': () =>
        fail({ code: 'CONFLICT', key: 'slotOverRemove', params: { date: '2026-03-12' } }),
    })
    const user = renderWith(<AppointmentsPage />)
    const dialog = await openEditor(user, 'Donderdag 12-03-2026 Middag')
    await user.click(within(dialog).getByRole('button', { name: 'Dagdeel verwijderen' }))
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }))
    expect(
      await within(dialog).findByText(
        'Dit dagdeel (12-03-2026) is al voorbij en blijft staan: het hoort bij de cijfers van die periode.',
      ),
    ).toBeTruthy()
  })
})
