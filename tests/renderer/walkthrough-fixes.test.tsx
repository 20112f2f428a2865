// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import { CallListPage } from '../../src/renderer/src/features/shop/calllist/call-list-page'
import { HouseholdsPage } from '../../src/renderer/src/features/shop/households/households-page'
import { DashboardPage } from '../../src/renderer/src/features/shop/dashboard/dashboard-page'
import { AppointmentsPage } from '../../src/renderer/src/features/shop/appointments/appointments-page'
import type { Appointment } from '../../src/shared/schemas/shop'
import type { CallListEntry, HouseholdSummary } from '../../src/shared/schemas/household'
import type { Role } from '../../src/shared/schemas/accounts'
import { fail, installFakeBridge, ok } from './fake-bridge'
import { sessionOf, TestProviders } from './session'
import { TODAY, appointment, dashboard, installBridge } from './shop-bridge'

function renderWith(ui: React.JSX.Element, role: Role = 'coordinator'): UserEvent {
  const user = userEvent.setup()
  render(<TestProviders role={role}>{ui}</TestProviders>)
  return user
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  delete window.api
})

describe('call list at a normal screen width', () => {
  it('puts "Gebeld" and "Boek" right after the name, with phone and e-mail in one column', async () => {
    const lotte: CallListEntry = {
      id: 8,
      reference: 'H-00008',
      contactName: 'Lotte Smit',
      phone: '06-11112222',
      email: 'lotte.smit.van.der.heijden@example.com',
      district: 'Noord',
      lastVisitOn: null,
      eligibleUntil: '2027-10-01',
      lastContactOn: null,
    }
    installBridge({ 'households.callList': () => ok([lotte]) })
    renderWith(<CallListPage />)
    const table = await screen.findByRole('table')
    await within(table).findByRole('link', { name: 'Lotte Smit' })
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    // The buttons sat in the ninth column, beyond the page's right edge at 1280 px.
    expect(headers.slice(0, 3)).toEqual(['Naam', 'Acties', 'Telefoon / e-mail'])
    const cells = within(table).getAllByRole('row')[1].querySelectorAll('td')
    expect(within(cells[0]).getByText('H-00008')).toBeTruthy()
    expect(within(cells[1]).getByRole('button', { name: 'Lotte Smit: gebeld / uitgenodigd' }))
    expect(within(cells[1]).getByRole('button', { name: 'Afspraak maken voor Lotte Smit' }))
    expect(cells[2].textContent).toBe('06-11112222lotte.smit.van.der.heijden@example.com')
  })
})

const JAN: HouseholdSummary = {
  id: 5,
  reference: 'H-00005',
  contactName: 'Jan de Vries',
  postcode: '1234 AB',
  city: 'Alkmaar',
  district: 'Noord',
  phone: null,
  status: 'active',
  eligibleUntil: null,
  eligibility: 'valid',
  lastVisitOn: null,
  childCount: 1,
}

describe('household lookup at the counter', () => {
  it('drops the rows of "jan" when the lookup is shortened to one letter, and shows the hint', async () => {
    installBridge({
      'households.search': (input) =>
        (input as { query: string }).query.length >= 2
          ? ok({ rows: [JAN], total: 1 })
          : fail({
              code: 'VALIDATION',
              key: 'validation',
              fields: [{ path: 'query', key: 'searchTooShort', params: { min: 2 } }],
            }),
    })
    const user = renderWith(<HouseholdsPage />, 'volunteer')
    const search = await screen.findByRole('searchbox')
    await user.type(search, 'jan')
    expect(await screen.findByRole('link', { name: 'Jan de Vries' })).toBeTruthy()
    await user.clear(search)
    await user.type(search, 'a')
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Jan de Vries' })).toBeNull())
    expect(screen.getByText(/Typ minstens 2 tekens van een naam of referentie/)).toBeTruthy()
    // Still none once main has refused the one letter.
    await new Promise((r) => setTimeout(r, 400))
    expect(screen.queryByRole('link', { name: 'Jan de Vries' })).toBeNull()
    expect(screen.queryByText(/Niet alles is goed ingevuld/)).toBeNull()
  })
})

describe('messages and page changes', () => {
  function app(): UserEvent {
    installFakeBridge(
      {
        'auth.session': () => ok(sessionOf('coordinator')),
        'shop.dashboard': () => ok(dashboard()),
        'households.search': () => ok({ rows: [], total: 0 }),
        'slots.list': () => ok([]),
        'appointments.byDay': () => ok([]),
      },
      {},
    )
    window.location.hash = '#/'
    const user = userEvent.setup()
    render(<Root />)
    return user
  }

  it('closes a message of the page being left, but keeps one that came with the page change', async () => {
    const user = app()
    const nav = await screen.findByRole('navigation', { name: 'Menu' })
    const start = Date.now()
    act(() => {
      notifications.show({ message: 'Let op: het recht is verlopen' })
    })
    expect(await screen.findByText('Let op: het recht is verlopen')).toBeTruthy()
    // The user reads it, then moves on to another page.
    vi.spyOn(Date, 'now').mockReturnValue(start + 5_000)
    await user.click(within(nav).getByRole('link', { name: 'Huishoudens' }))
    await screen.findByRole('heading', { name: 'Huishoudens' })
    await waitFor(() => expect(screen.queryByText('Let op: het recht is verlopen')).toBeNull())

    // "Opgeslagen" shown as the step that saved it opens the next page stays there.
    act(() => {
      notifications.show({ message: 'Bezoek geregistreerd' })
      window.location.hash = '#/appointments'
    })
    await screen.findByRole('heading', { name: 'Afspraken' })
    expect(screen.getByText('Bezoek geregistreerd')).toBeTruthy()
  })
})

describe('check-in warnings', () => {
  const jan = appointment({
    id: 12,
    contactName: 'Jan de Vries',
    householdReference: 'H-00002',
    householdId: 2,
    eligibleUntil: '2026-01-31',
    eligibilityExpired: true,
  })
  const fatima = appointment({ id: 11, contactName: 'Fatima el Amrani', householdId: 1 })

  it('shows the expired right in the row of the family that came, not as a passing message', async () => {
    let current: Appointment[] = [fatima, jan]
    installBridge({
      'shop.dashboard': () =>
        ok(dashboard({ today: [{ part: 'morning', capacity: 5, appointments: current }] })),
      'appointments.setStatus': (input) => {
        const { appointmentId, status } = input as { appointmentId: number; status: string }
        current = current.map((a) =>
          a.id === appointmentId ? { ...a, status: status as Appointment['status'] } : a,
        )
        return ok({
          appointment: current.find((a) => a.id === appointmentId),
          warnings: [{ key: 'eligibilityExpired', params: { until: '2026-01-31' } }],
        })
      },
    })
    const user = renderWith(<DashboardPage />)
    const morning = await screen.findByRole('region', { name: 'Ochtend' })
    const row = (name: string): HTMLElement =>
      within(screen.getByRole('region', { name: 'Ochtend' }))
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes(name))!
    await user.click(within(row('Jan de Vries')).getByRole('button', { name: 'Gekomen' }))
    const text =
      'Let op: het recht op de winkel is verlopen op 31-01-2026. Vraag om een nieuw inkomensbewijs.'
    expect(await within(row('Jan de Vries')).findByRole('alert')).toBeTruthy()
    expect(within(row('Jan de Vries')).getByText(text)).toBeTruthy()
    expect(within(row('Fatima el Amrani')).queryByText(text)).toBeNull()
    expect(document.querySelector('.mantine-Notification-root')).toBeNull()
    expect(morning).toBeTruthy()
  })
})

describe('week view', () => {
  it('shows the whole name of who is booked, not cut off after one line', async () => {
    window.location.hash = '#/appointments'
    installBridge({
      'slots.list': () =>
        ok([{ id: 1, date: TODAY, part: 'morning', capacity: 5, booked: 1, free: 4 }]),
      'appointments.byDay': (input) =>
        ok(
          (input as { date: string }).date === TODAY
            ? [appointment({ id: 7, slotId: 1, contactName: 'Marieke van den Berg-Ouwehand' })]
            : [],
        ),
    })
    renderWith(<AppointmentsPage />)
    const morning = await screen.findByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })
    const name = await within(morning).findByRole('link', { name: 'Marieke van den Berg-Ouwehand' })
    // A one-line clamp cut it to "Marieke…" in a seventh of a 1280 px screen.
    const item = name.closest('li')!
    expect(item.hasAttribute('data-line-clamp')).toBe(false)
    expect(item.style.overflowWrap).toBe('anywhere')
  })
})
