// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { HouseholdAppointments } from '../../src/renderer/src/features/shop/appointments/household-appointments'
import { AppointmentsPage } from '../../src/renderer/src/features/shop/appointments/appointments-page'
import type { Role } from '../../src/shared/schemas/accounts'
import type { Slot } from '../../src/shared/schemas/shop'
import { callsOf, installBridge, ok, SETTINGS, appointment } from './shop-bridge'
import { TestProviders } from './session'

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

// Today is Tuesday 10 March 2026 (shop-bridge); 17 March is the coming Tuesday.
const COMING = appointment({ id: 7, date: '2026-03-17', part: 'morning', slotId: 3 })
const CAME = appointment({ id: 6, date: '2026-03-03', part: 'afternoon', status: 'came' })
const CANCELLED = appointment({ id: 5, date: '2026-03-24', status: 'cancelled' })

function card(role: Role, bookingOn = true): { calls: ReturnType<typeof installBridge> } {
  const calls = installBridge({
    'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: bookingOn }),
    'appointments.setStatus': () => ok({ ...COMING, status: 'cancelled' }),
  })
  render(
    <TestProviders role={role}>
      <HouseholdAppointments
        appointments={[CANCELLED, COMING, CAME]}
        anonymised={false}
        onChanged={() => {}}
      />
    </TestProviders>,
  )
  return { calls }
}

describe('the Afspraken card on the household page', () => {
  for (const role of ['admin', 'coordinator', 'volunteer'] as const)
    it(`asks ${role} before cancelling, naming the day and half-day`, async () => {
      const { calls } = card(role)
      fireEvent.click(await screen.findByRole('button', { name: 'Afzeggen' }))
      const dialog = await screen.findByRole('dialog', { name: 'Afspraak afzeggen' })
      expect(
        within(dialog).getByText('Afspraak van dinsdag 17-03-2026 ochtend afzeggen?'),
      ).toBeTruthy()
      expect(callsOf(calls, 'appointments.setStatus')).toEqual([])
      fireEvent.click(within(dialog).getByRole('button', { name: 'Nee, laten staan' }))
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      expect(callsOf(calls, 'appointments.setStatus')).toEqual([])

      fireEvent.click(screen.getByRole('button', { name: 'Afzeggen' }))
      const again = await screen.findByRole('dialog', { name: 'Afspraak afzeggen' })
      fireEvent.click(within(again).getByRole('button', { name: 'Ja, afzeggen' }))
      await waitFor(() =>
        expect(callsOf(calls, 'appointments.setStatus')).toEqual([
          { appointmentId: 7, status: 'cancelled' },
        ]),
      )
    })

  it('keeps the buttons beside the status badge, in three columns, so the badge is not squeezed', async () => {
    card('coordinator')
    const move = await screen.findByRole('button', { name: 'Verzetten' })
    expect(screen.getAllByRole('columnheader')).toHaveLength(3)
    const status = screen.getByTestId('appointment-status-7')
    expect(status.contains(move)).toBe(true)
    expect(within(status).getByText('Gepland')).toBeTruthy()
    // The full status words, and dates kept on one line.
    expect(screen.getByText('Afgezegd')).toBeTruthy()
    expect(screen.getByText('Gekomen')).toBeTruthy()
    expect(screen.getByText('17-03-2026').style.whiteSpace).toBe('nowrap')
  })

  it('tells a volunteer whose booking switch is off why there are no buttons', async () => {
    card('volunteer', false)
    expect(
      await screen.findByText(
        'Afspraken maken, verzetten en afzeggen staat uit voor vrijwilligers. Vraag het de coördinator.',
      ),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Afzeggen' })).toBeNull()
  })

  it('says nothing of the switch to a coordinator, or to a volunteer while it is on', async () => {
    card('coordinator')
    await screen.findByRole('button', { name: 'Afzeggen' })
    expect(screen.queryByTestId('booking-switched-off')).toBeNull()
    cleanup()
    card('volunteer', true)
    await screen.findByRole('button', { name: 'Afzeggen' })
    expect(screen.queryByTestId('booking-switched-off')).toBeNull()
  })
})

const SLOTS: Slot[] = [
  { id: 1, date: '2026-03-12', part: 'morning', capacity: 5, booked: 0, free: 5 },
]

describe('the Afspraken week page for a volunteer', () => {
  it('says above the week that booking is off, instead of only leaving out "Boek"', async () => {
    installBridge({
      'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: false }),
      'slots.list': () => ok(SLOTS),
    })
    render(
      <TestProviders role="volunteer">
        <AppointmentsPage />
      </TestProviders>,
    )
    expect(
      await screen.findByText(
        'Afspraken maken staat uit voor vrijwilligers: u ziet hier alleen de vrije plaatsen. Vraag het de coördinator.',
      ),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Boek' })).toBeNull()
  })

  it('shows no such note while booking is on', async () => {
    installBridge({ 'slots.list': () => ok(SLOTS) })
    render(
      <TestProviders role="volunteer">
        <AppointmentsPage />
      </TestProviders>,
    )
    expect((await screen.findAllByRole('button', { name: 'Boek' })).length).toBe(1)
    expect(screen.queryByTestId('booking-switched-off')).toBeNull()
  })
})
