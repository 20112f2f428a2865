// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TestProviders as Providers } from './session'
import { CallListPage } from '../../src/renderer/src/features/shop/calllist/call-list-page'
import type { CallListEntry, HouseholdDetail } from '../../src/shared/schemas/household'
import type { Slot } from '../../src/shared/schemas/shop'
import { TODAY, appointment, callsOf, describedText, fail, installBridge, ok } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

const LOTTE: CallListEntry = {
  id: 8,
  reference: 'H-00008',
  contactName: 'Lotte Smit',
  phone: '06-11112222',
  email: null,
  district: 'Noord',
  lastVisitOn: null,
  eligibleUntil: '2027-10-01',
  lastContactOn: null,
}
const YUSUF: CallListEntry = {
  id: 9,
  reference: 'H-00009',
  contactName: 'Yusuf Demir',
  phone: null,
  email: null,
  district: 'Centrum',
  lastVisitOn: '2025-12-01',
  eligibleUntil: '2026-08-01',
  lastContactOn: '2026-03-02',
}

const SLOTS: Slot[] = [
  { id: 31, date: TODAY, part: 'morning', capacity: 5, booked: 5, free: 0 },
  { id: 32, date: '2026-03-12', part: 'afternoon', capacity: 5, booked: 2, free: 3 },
]

const LOTTE_DETAIL = {
  household: {
    id: 8,
    reference: 'H-00008',
    contactName: 'Lotte Smit',
    postcode: '1811 AB',
    city: 'Alkmaar',
    district: 'Noord',
    phone: '06-11112222',
    status: 'active',
    eligibleUntil: '2027-10-01',
    members: [],
  },
  restricted: false,
  appointments: [],
  visits: [],
  eligibilityExpired: false,
  eligibility: 'valid',
} as unknown as HouseholdDetail

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
})

describe('call list: gebeld / uitgenodigd and booking from the row', () => {
  it('shows when a family was last called, and records a call with today as the date', async () => {
    let rows = [LOTTE, YUSUF]
    const calls = installBridge({
      'households.callList': () => ok(rows),
      'households.markContacted': (input) => {
        rows = [{ ...LOTTE, lastContactOn: TODAY }, YUSUF]
        return ok({ id: 1, ...(input as object) })
      },
    })
    const user = renderWith(<CallListPage />)
    const yusuf = await screen.findByRole('row', { name: /Yusuf Demir/ })
    expect(within(yusuf).getByText('02-03-2026')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Lotte Smit: gebeld / uitgenodigd' }))
    const dialog = await screen.findByRole('dialog', { name: 'Lotte Smit gebeld of uitgenodigd' })
    const date = within(dialog).getByLabelText(/^Gebeld of uitgenodigd op/) as HTMLInputElement
    // Main's day, not this computer's.
    expect(date.value).toBe('10-03-2026')
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(callsOf(calls, 'households.markContacted')).toEqual([{ householdId: 8, date: TODAY }])
    const lotte = await screen.findByRole('row', { name: /Lotte Smit/ })
    await waitFor(() => expect(within(lotte).getByText('10-03-2026')).toBeTruthy())
  })

  it('refuses a call date in the future at the field and records nothing', async () => {
    const calls = installBridge({ 'households.callList': () => ok([LOTTE]) })
    const user = renderWith(<CallListPage />)
    await user.click(
      await screen.findByRole('button', { name: 'Lotte Smit: gebeld / uitgenodigd' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Lotte Smit gebeld of uitgenodigd' })
    const date = within(dialog).getByLabelText(/^Gebeld of uitgenodigd op/)
    await user.clear(date)
    await user.type(date, '11-03-2026')
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }))

    expect(describedText(date)).toContain('Deze datum ligt in de toekomst')
    expect(callsOf(calls, 'households.markContacted')).toEqual([])
  })

  it('shows main’s refusal in the dialog', async () => {
    installBridge({
      'households.callList': () => ok([LOTTE]),
      'households.markContacted': () => fail({ code: 'CONFLICT', key: 'householdAnonymised' }),
    })
    const user = renderWith(<CallListPage />)
    await user.click(
      await screen.findByRole('button', { name: 'Lotte Smit: gebeld / uitgenodigd' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Lotte Smit gebeld of uitgenodigd' })
    await user.click(within(dialog).getByRole('button', { name: 'Vastleggen' }))
    expect(await within(dialog).findByRole('alert')).toBeTruthy()
  })

  it('books from the row: a free half-day, then the booking dialog with the family filled in', async () => {
    let rows = [LOTTE, YUSUF]
    const calls = installBridge({
      'households.callList': () => ok(rows),
      'slots.list': () => ok(SLOTS),
      'households.get': () => ok(LOTTE_DETAIL),
      'appointments.book': (input) => {
        rows = [YUSUF]
        return ok({
          appointment: appointment({
            id: 70,
            householdId: 8,
            contactName: 'Lotte Smit',
            date: '2026-03-12',
            part: 'afternoon',
            ...(input as object),
          }),
          warnings: [],
        })
      },
    })
    const user = renderWith(<CallListPage />)
    await user.click(await screen.findByRole('button', { name: 'Afspraak maken voor Lotte Smit' }))
    const choice = await screen.findByRole('dialog', { name: 'Afspraak voor Lotte Smit' })
    // Only half-days with a free place are offered.
    expect(within(choice).queryByText(/Dinsdag 10-03-2026/)).toBeNull()
    await user.click(await within(choice).findByText('Donderdag 12-03-2026 · Middag'))
    expect(callsOf(calls, 'slots.list')).toEqual([{ from: TODAY, to: '2026-04-06' }])

    const booking = await screen.findByRole('dialog', { name: 'Afspraak maken' })
    expect(within(booking).getByDisplayValue(/Lotte Smit · H-00008/)).toBeTruthy()
    await user.click(within(booking).getByRole('button', { name: 'Afspraak maken' }))

    await waitFor(() =>
      expect(callsOf(calls, 'appointments.book')).toEqual([
        expect.objectContaining({ slotId: 32, householdId: 8 }),
      ]),
    )
    // The family has an appointment now: it leaves the list.
    await waitFor(() => expect(screen.queryByRole('row', { name: /Lotte Smit/ })).toBeNull())
  })

  it('prints the list: a print button, and the filters and actions are left off the paper', async () => {
    installBridge({ 'households.callList': () => ok([LOTTE]) })
    const print = vi.fn()
    window.print = print
    const user = renderWith(<CallListPage />)
    await screen.findByRole('row', { name: /Lotte Smit/ })
    await user.click(screen.getByRole('button', { name: 'Bellijst afdrukken' }))
    expect(print).toHaveBeenCalledOnce()

    const filters = screen.getByLabelText(/^Niet geweest sinds/).closest('[data-print="hide"]')
    expect(filters).not.toBeNull()
    expect(screen.getByTestId('print-heading').className).toContain('print-only')
    expect(screen.getByText('Niet geweest sinds 13-01-2026').className).toContain('print-only')
  })
})
