// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { DashboardPage } from '../../src/renderer/src/features/shop/dashboard/dashboard-page'
import { DayPage } from '../../src/renderer/src/features/shop/appointments/day-page'
import type { Appointment } from '../../src/shared/schemas/shop'
import { SETTINGS, TODAY, appointment, callsOf, dashboard, installBridge, ok } from './shop-bridge'
import { refreshShopRights } from '../../src/renderer/src/features/shop/volunteer-rights'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

function row(region: HTMLElement, name: string): HTMLElement {
  const item = within(region)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.includes(name))
  if (!item) throw new Error(`no row for ${name}`)
  return item
}

const fatima = appointment({ id: 11, contactName: 'Fatima el Amrani', householdId: 1 })
const jan = appointment({
  id: 12,
  contactName: 'Jan de Vries',
  householdReference: 'H-00002',
  householdId: 2,
  eligibleUntil: '2026-01-31',
  eligibilityExpired: true,
})
const sanne = appointment({
  id: 13,
  contactName: 'Sanne Jansen',
  householdReference: 'H-00005',
  householdId: 5,
  part: 'afternoon',
})

function today(appointments: Appointment[]): ReturnType<typeof dashboard> {
  return dashboard({
    today: [
      {
        part: 'morning',
        capacity: 5,
        appointments: appointments.filter((a) => a.part === 'morning'),
      },
      {
        part: 'afternoon',
        capacity: 4,
        appointments: appointments.filter((a) => a.part === 'afternoon'),
      },
    ],
    week: {
      from: TODAY,
      to: '2026-03-16',
      freeTotal: 7,
      slots: [
        { id: 1, date: TODAY, part: 'morning', capacity: 5, booked: 2, free: 3 },
        { id: 3, date: '2026-03-12', part: 'morning', capacity: 5, booked: 1, free: 4 },
      ],
    },
    expiring: [
      {
        id: 7,
        reference: 'H-00007',
        contactName: 'Priya Ramdin',
        postcode: '1240 NP',
        city: 'Alkmaar',
        district: null,
        phone: null,
        status: 'active',
        eligibleUntil: '2026-03-31',
        lastVisitOn: null,
        childCount: 1,
      },
    ],
    toInvite: { count: 12, notSeenSince: '2026-01-13', sample: [] },
  })
}

describe('dashboard', () => {
  beforeEach(() => {
    window.location.hash = '#/'
  })
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('shows today in Dutch words and the families under their half-day', async () => {
    installBridge({ 'shop.dashboard': () => ok(today([fatima, jan, sanne])) })
    renderWith(<DashboardPage />)

    expect(await screen.findByText('Dinsdag 10 maart 2026')).toBeTruthy()
    const morning = screen.getByRole('region', { name: 'Ochtend' })
    const afternoon = screen.getByRole('region', { name: 'Middag' })
    expect(within(morning).getByText('Fatima el Amrani')).toBeTruthy()
    expect(within(morning).getByText('Jan de Vries')).toBeTruthy()
    expect(within(morning).queryByText('Sanne Jansen')).toBeNull()
    expect(within(afternoon).getByText('Sanne Jansen')).toBeTruthy()
    expect(within(morning).getByText('2 van 5 plaatsen bezet')).toBeTruthy()

    // Only the household whose eligibility has ended carries the red badge.
    expect(within(row(morning, 'Jan de Vries')).getByText('Recht verlopen')).toBeTruthy()
    expect(within(row(morning, 'Fatima el Amrani')).queryByText('Recht verlopen')).toBeNull()

    const free = screen.getByRole('region', { name: 'Vrije plaatsen komende 7 dagen' })
    expect(within(free).getByTestId('free-total').textContent).toBe('7')
    expect(within(free).getByText(/10-03-2026 t\/m 16-03-2026/)).toBeTruthy()
    expect(within(free).getByText('Donderdag 12-03-2026 · Ochtend')).toBeTruthy()
    const expiring = screen.getByRole('region', { name: 'Recht verloopt binnenkort' })
    expect(within(expiring).getByRole('link', { name: 'Priya Ramdin' }).getAttribute('href')).toBe(
      '#/households/7',
    )
    expect(within(expiring).getByText('tot 31-03-2026')).toBeTruthy()
    const invite = screen.getByRole('region', { name: 'Uitnodigen' })
    expect(within(invite).getByText('12')).toBeTruthy()
    expect(within(invite).getByText(/niet meer geweest sinds 13-01-2026/)).toBeTruthy()
  })

  it('says "geen dagdelen" when the coming 7 days have none, and "vol" only when all are taken', async () => {
    installBridge({ 'shop.dashboard': () => ok(dashboard()) })
    renderWith(<DashboardPage />)
    let free = await screen.findByRole('region', { name: 'Vrije plaatsen komende 7 dagen' })
    expect(within(free).getByTestId('free-total').textContent).toBe('0')
    expect(within(free).getByText('Geen dagdelen in de komende 7 dagen.')).toBeTruthy()
    expect(within(free).queryByText(/vol/)).toBeNull()
    cleanup()

    const full = [
      { id: 1, date: TODAY, part: 'morning' as const, capacity: 5, booked: 5, free: 0 },
      { id: 2, date: '2026-03-16', part: 'afternoon' as const, capacity: 4, booked: 4, free: 0 },
    ]
    installBridge({
      'shop.dashboard': () =>
        ok(dashboard({ week: { from: TODAY, to: '2026-03-16', slots: full, freeTotal: 0 } })),
    })
    renderWith(<DashboardPage />)
    free = await screen.findByRole('region', { name: 'Vrije plaatsen komende 7 dagen' })
    expect(within(free).getByText('Alle dagdelen in de komende 7 dagen zijn vol.')).toBeTruthy()
    expect(within(free).queryByText(/Geen dagdelen/)).toBeNull()
  })

  it('checks a family in with "Gekomen", shows the warning and offers "Bezoek registreren"', async () => {
    let current = [fatima, jan, sanne]
    const calls = installBridge({
      'shop.dashboard': () => ok(today(current)),
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
    expect(
      within(row(morning, 'Jan de Vries')).queryByRole('button', { name: 'Bezoek registreren' }),
    ).toBeNull()

    await user.click(within(row(morning, 'Jan de Vries')).getByRole('button', { name: 'Gekomen' }))

    await waitFor(() =>
      expect(callsOf(calls, 'appointments.setStatus')).toEqual([
        { appointmentId: 12, status: 'came' },
      ]),
    )
    expect(
      await screen.findByText(
        'Let op: het recht op de winkel is verlopen op 31-01-2026. Vraag om een nieuw inkomensbewijs.',
      ),
    ).toBeTruthy()
    const register = await within(
      row(screen.getByRole('region', { name: 'Ochtend' }), 'Jan de Vries'),
    ).findByRole('button', { name: 'Bezoek registreren' })
    await user.click(register)
    expect(window.location.hash).toBe('#/visits/new?household=2&appointment=12')
  })

  it('sends "Niet gekomen" and "Afgezegd" as no_show and cancelled, and shows conflicts in Dutch', async () => {
    const calls = installBridge({
      'shop.dashboard': () => ok(today([fatima, sanne])),
      'appointments.setStatus': (input) => {
        const { status } = input as { status: string }
        if (status === 'cancelled')
          return {
            ok: false,
            error: { code: 'CONFLICT', key: 'visitRegistered' },
          }
        return ok({ appointment: { ...fatima, status }, warnings: [] })
      },
    })
    const user = renderWith(<DashboardPage />)
    const morning = await screen.findByRole('region', { name: 'Ochtend' })
    await user.click(
      within(row(morning, 'Fatima el Amrani')).getByRole('button', { name: 'Niet gekomen' }),
    )
    await user.click(
      within(row(morning, 'Fatima el Amrani')).getByRole('button', { name: 'Afgezegd' }),
    )
    await waitFor(() =>
      expect(callsOf(calls, 'appointments.setStatus')).toEqual([
        { appointmentId: 11, status: 'no_show' },
        { appointmentId: 11, status: 'cancelled' },
      ]),
    )
    expect(
      await screen.findByText('Voor deze afspraak is al een bezoek geregistreerd.'),
    ).toBeTruthy()
  })
})

describe('day page', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('lists a past day per half-day, with capacity, and checks in with the same buttons', async () => {
    const day = '2026-03-05'
    const list = [
      appointment({ id: 31, date: day, part: 'afternoon', contactName: 'Kees Visser' }),
      appointment({ id: 32, date: day, part: 'morning', contactName: 'Ahmed Yilmaz' }),
    ]
    const calls = installBridge({
      'slots.list': () =>
        ok([
          { id: 5, date: day, part: 'morning', capacity: 5, booked: 1, free: 4 },
          { id: 6, date: day, part: 'afternoon', capacity: 3, booked: 1, free: 2 },
        ]),
      'appointments.byDay': () => ok(list),
      'appointments.setStatus': () =>
        ok({ appointment: { ...list[1], status: 'came' }, warnings: [] }),
    })
    const user = renderWith(<DayPage date={day} />)
    // Only the first letter is a capital: not "Donderdag 5 Maart 2026".
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Donderdag 5 maart 2026')
    const afternoon = await screen.findByRole('region', { name: 'Middag' })
    expect(within(afternoon).getByText('Kees Visser')).toBeTruthy()
    expect(within(afternoon).getByText('1 van 3 plaatsen bezet')).toBeTruthy()
    const morning = screen.getByRole('region', { name: 'Ochtend' })
    expect(callsOf(calls, 'appointments.byDay')).toEqual([{ date: day }])

    await user.click(within(row(morning, 'Ahmed Yilmaz')).getByRole('button', { name: 'Gekomen' }))
    await waitFor(() =>
      expect(callsOf(calls, 'appointments.setStatus')).toEqual([
        { appointmentId: 32, status: 'came' },
      ]),
    )
    // The list is read again after a change.
    await waitFor(() => expect(callsOf(calls, 'appointments.byDay')).toHaveLength(2))
  })

  it('lets staff book from the day list on half-days still to come, not the counter', async () => {
    const day = TODAY
    const slots = [
      { id: 5, date: day, part: 'morning' as const, capacity: 5, booked: 1, free: 4, over: true },
      {
        id: 6,
        date: day,
        part: 'afternoon' as const,
        capacity: 3,
        booked: 1,
        free: 2,
        over: false,
      },
    ]
    installBridge({ 'slots.list': () => ok(slots), 'appointments.byDay': () => ok([]) })
    const user = renderWith(<DayPage date={day} />)
    await screen.findByRole('region', { name: 'Middag' })
    expect(screen.queryByRole('button', { name: 'Boek op de ochtend' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Boek op de middag' }))
    const dialog = await screen.findByRole('dialog', { name: 'Afspraak maken' })
    expect(dialog.textContent).toContain('Middag')
    cleanup()

    // The counter books only when the admin's booking switch is on (volunteer-rights.test.tsx).
    installBridge({
      'slots.list': () => ok(slots),
      'appointments.byDay': () => ok([]),
      'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: false }),
    })
    await refreshShopRights()
    render(
      <Providers role="volunteer">
        <DayPage date={day} />
      </Providers>,
    )
    await screen.findByRole('region', { name: 'Middag' })
    expect(screen.queryByRole('button', { name: /^Boek/ })).toBeNull()
    // The counter has today's list only: no walking to other days.
    expect(screen.queryByRole('button', { name: 'Volgende dag' })).toBeNull()
    cleanup()

    // With the switch on the counter books from the list, and still does not walk the days.
    installBridge({ 'slots.list': () => ok(slots), 'appointments.byDay': () => ok([]) })
    await refreshShopRights()
    render(
      <Providers role="volunteer">
        <DayPage date={day} />
      </Providers>,
    )
    expect(await screen.findByRole('button', { name: 'Boek op de middag' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Volgende dag' })).toBeNull()
  })

  it('leaves out "Gekomen" and "Niet gekomen" on a day still to come', async () => {
    const day = '2026-03-12'
    installBridge({
      'slots.list': () =>
        ok([{ id: 5, date: day, part: 'morning', capacity: 5, booked: 1, free: 4 }]),
      'appointments.byDay': () =>
        ok([appointment({ id: 41, date: day, contactName: 'Kees Visser' })]),
    })
    renderWith(<DayPage date={day} />)
    const morning = await screen.findByRole('region', { name: 'Ochtend' })
    const kees = row(morning, 'Kees Visser')
    await waitFor(() => expect(within(kees).queryByRole('button', { name: 'Gekomen' })).toBeNull())
    expect(within(kees).getByRole('button', { name: 'Afgezegd' })).toBeTruthy()
  })
})
