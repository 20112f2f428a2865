// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { VolunteerRightsCard } from '../../src/renderer/src/features/shop/settings/volunteer-rights-card'
import { HouseholdDetailPage } from '../../src/renderer/src/features/shop/households/household-detail-page'
import type { HouseholdDetail } from '../../src/shared/schemas/household'
import type { ShopSettings } from '../../src/shared/schemas/shop'
import { callsOf, fail, installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'
import { SETTINGS, TODAY, appointment, shopDay } from './shop-bridge'

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

const BOOKING = /^Afspraken maken, verzetten en afzeggen/

describe('the card "Wat vrijwilligers mogen"', () => {
  it('lets the admin turn one switch, sending only that switch', async () => {
    const calls = installFakeBridge(
      { 'settings.get': () => ok(SETTINGS) },
      { 'settings.update': (input) => ok({ ...SETTINGS, ...(input as Partial<ShopSettings>) }) },
    )
    render(
      <TestProviders role="admin">
        <VolunteerRightsCard />
      </TestProviders>,
    )
    const card = await screen.findByTestId('volunteer-rights')
    expect(within(card).getByText(/niet de namen van andere gezinnen/)).toBeTruthy()
    expect(
      within(card).getByText(/Nooit de notities, inkomensbron, verwijzer of het bewijs/),
    ).toBeTruthy()
    const booking = (await within(card).findByRole('switch', { name: BOOKING })) as HTMLInputElement
    expect(booking.checked).toBe(true)
    const history = within(card).getByRole('switch', {
      name: /^Eerdere gesprekken/,
    }) as HTMLInputElement
    expect(history.checked).toBe(false)
    fireEvent.click(booking)
    await waitFor(() =>
      expect(callsOf(calls, 'settings.update')).toEqual([{ volunteerMayBook: false }]),
    )
    await waitFor(() => expect(booking.checked).toBe(false))
  })

  it('shows a coordinator the switches without letting them change', async () => {
    const calls = installFakeBridge({ 'settings.get': () => ok(SETTINGS) }, {})
    render(
      <TestProviders role="coordinator">
        <VolunteerRightsCard />
      </TestProviders>,
    )
    const card = await screen.findByTestId('volunteer-rights')
    const switches = (await within(card).findAllByRole('switch')) as HTMLInputElement[]
    expect(switches).toHaveLength(3)
    for (const s of switches) expect(s.disabled).toBe(true)
    fireEvent.click(switches[0])
    expect(within(card).getByText('Alleen de beheerder zet deze rechten aan of uit.')).toBeTruthy()
    expect(callsOf(calls, 'settings.update')).toEqual([])
  })
})

const COMING = appointment({ id: 7, date: '2026-03-17', householdId: 5, slotId: 3 })

const DETAIL: HouseholdDetail = {
  household: {
    id: 5,
    reference: 'H-00005',
    contactName: 'Jan de Vries',
    street: 'Lange Nieuwstraat',
    houseNumber: '12a',
    postcode: '3512 PH',
    city: 'Utrecht',
    district: 'Binnenstad',
    phone: '030-1234567',
    email: null,
    eligibleUntil: null,
    consentDate: '2026-01-15',
    consentBy: 'Jan de Vries',
    status: 'active',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-15T10:00:00.000Z',
    anonymisedAt: null,
    members: [],
  },
  restricted: true,
  appointments: [COMING],
  visits: [],
  eligibilityExpired: false,
  eligibility: 'valid',
}

describe("a volunteer's household page with the booking switch", () => {
  it('offers moving, cancelling and booking; a refusal by main says why and the buttons go', async () => {
    let bookingOn = true
    installFakeBridge(
      {
        'shop.day': () => ok(shopDay()),
        'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: bookingOn }),
        'households.get': () => ok(DETAIL),
      },
      {
        // The admin turned booking off meanwhile: main refuses.
        'appointments.setStatus': () => {
          bookingOn = false
          return fail({ code: 'FORBIDDEN', key: 'volunteerRightOff', params: { right: 'book' } })
        },
      },
    )
    render(
      <TestProviders role="volunteer">
        <HouseholdDetailPage id={5} />
      </TestProviders>,
    )
    expect(await screen.findByRole('button', { name: 'Verzetten' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Afspraak maken' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Afzeggen' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, afzeggen' }))
    expect(
      await screen.findByText(/De beheerder heeft dit voor vrijwilligers uitgezet/),
    ).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Afzeggen' })).toBeNull())
    expect(screen.queryByRole('button', { name: 'Verzetten' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Afspraak maken' })).toBeNull()
    // The appointment itself still shows.
    expect(screen.getByText('17-03-2026')).toBeTruthy()
  })

  it('offers no booking buttons to a volunteer while the switch is off', async () => {
    installFakeBridge(
      {
        'shop.day': () => ok(shopDay()),
        'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: false }),
        'households.get': () => ok(DETAIL),
      },
      {},
    )
    render(
      <TestProviders role="volunteer">
        <HouseholdDetailPage id={5} />
      </TestProviders>,
    )
    expect(await screen.findByText('17-03-2026')).toBeTruthy()
    // Give the switches time to arrive, then check nothing is offered.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Bezoek registreren' })).toBeTruthy(),
    )
    await new Promise((r) => setTimeout(r, 50))
    for (const name of ['Verzetten', 'Afzeggen', 'Afspraak maken'])
      expect(screen.queryByRole('button', { name }), name).toBeNull()
    expect(TODAY).toBe('2026-03-10')
  })
})
