// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { AppointmentsPage } from '../../src/renderer/src/features/shop/appointments/appointments-page'
import type { HouseholdDetail, HouseholdSummary } from '../../src/shared/schemas/household'
import type { Slot } from '../../src/shared/schemas/shop'
import { appointment, callsOf, describedText, fail, installBridge, ok } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

const SLOTS: Slot[] = [
  { id: 1, date: '2026-03-10', part: 'morning', capacity: 5, booked: 3, free: 2 },
  { id: 2, date: '2026-03-10', part: 'afternoon', capacity: 4, booked: 4, free: 0 },
  { id: 3, date: '2026-03-12', part: 'morning', capacity: 5, booked: 0, free: 5 },
]

const MARIEKE: HouseholdSummary = {
  id: 3,
  reference: 'H-00003',
  contactName: 'Marieke Bakker',
  postcode: '1236 EF',
  city: 'Heerhugowaard',
  district: 'Zuid',
  phone: '06-33445566',
  status: 'active',
  eligibleUntil: '2025-12-31',
  lastVisitOn: null,
  childCount: 2,
}

const DETAIL: HouseholdDetail = {
  household: {
    ...MARIEKE,
    street: null,
    houseNumber: null,
    email: null,
    incomeSource: 'bijstand',
    referrer: null,
    proofSeenOn: '2024-12-31',
    consentDate: '2024-12-31',
    consentBy: 'Ans',
    notes: null,
    createdAt: '2024-12-31T10:00:00.000Z',
    updatedAt: '2024-12-31T10:00:00.000Z',
    anonymisedAt: null,
    members: [],
  },
  restricted: false,
  intakes: [],
  appointments: [],
  visits: [],
  eligibilityExpired: true,
}

function slot(name: string): HTMLElement {
  return screen.getByRole('group', { name })
}

describe('week view and booking', () => {
  beforeEach(() => {
    window.location.hash = '#/appointments'
  })
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it("shows main's current week Monday to Sunday with booked/capacity and Boek only when free", async () => {
    const calls = installBridge({ 'slots.list': () => ok(SLOTS) })
    const user = renderWith(<AppointmentsPage />)
    const morning = await screen.findByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })
    expect(callsOf(calls, 'slots.list')).toEqual([{ from: '2026-03-09', to: '2026-03-15' }])
    expect(screen.getByText('Week 11 · 09-03-2026 t/m 15-03-2026')).toBeTruthy()
    expect(within(morning).getByText('3/5 geboekt')).toBeTruthy()
    expect(within(morning).getByRole('button', { name: 'Boek' })).toBeTruthy()
    const full = slot('Dinsdag 10-03-2026 Middag')
    expect(within(full).queryByRole('button', { name: 'Boek' })).toBeNull()
    expect(within(full).getByText('Vol')).toBeTruthy()
    const days = ['Maandag', 'Dinsdag', 'Woensdag', 'Donderdag', 'Vrijdag', 'Zaterdag', 'Zondag']
    days.forEach((d, i) =>
      expect(
        screen.getByRole('link', { name: `${d} ${String(9 + i).padStart(2, '0')}-03-2026` }),
      ).toBeTruthy(),
    )
    expect(screen.getByRole('link', { name: 'Woensdag 11-03-2026' }).getAttribute('href')).toBe(
      '#/appointments/day/2026-03-11',
    )

    await user.click(screen.getByRole('button', { name: 'Volgende week' }))
    expect(window.location.hash).toBe('#/appointments?week=2026-03-16')
  })

  it('reads the week from its prop', async () => {
    const calls = installBridge({ 'slots.list': () => ok([]) })
    renderWith(<AppointmentsPage week="2026-04-02" />)
    await screen.findByText('Week 14 · 30-03-2026 t/m 05-04-2026')
    expect(callsOf(calls, 'slots.list')).toEqual([{ from: '2026-03-30', to: '2026-04-05' }])
  })

  it('shows who is booked per half-day to staff, and no Boek on a half-day that is over', async () => {
    const calls = installBridge({
      'slots.list': () => ok([{ ...SLOTS[0], over: true }, SLOTS[1], { ...SLOTS[2], over: false }]),
      'appointments.byDay': (input) =>
        ok(
          (input as { date: string }).date === '2026-03-10'
            ? [
                appointment({ id: 7, slotId: 1, contactName: 'Fatima el Amrani' }),
                appointment({
                  id: 8,
                  slotId: 1,
                  contactName: 'Piet Afgezegd',
                  status: 'cancelled',
                }),
              ]
            : [],
        ),
    })
    renderWith(<AppointmentsPage />)
    const morning = await screen.findByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })
    expect(await within(morning).findByRole('link', { name: 'Fatima el Amrani' })).toBeTruthy()
    expect(within(morning).queryByText('Piet Afgezegd')).toBeNull()
    expect(within(morning).queryByRole('button', { name: 'Boek' })).toBeNull()
    expect(within(morning).getByText('Voorbij')).toBeTruthy()
    const thursday = slot('Donderdag 12-03-2026 Ochtend')
    expect(within(thursday).getByRole('button', { name: 'Boek' })).toBeTruthy()
    expect(callsOf(calls, 'appointments.byDay')).toHaveLength(7)
  })

  it('never asks for or shows names at the counter, and links only today (booking on: free places)', async () => {
    const calls = installBridge({ 'slots.list': () => ok(SLOTS) })
    render(
      <Providers role="volunteer">
        <AppointmentsPage />
      </Providers>,
    )
    await screen.findByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })
    expect(callsOf(calls, 'appointments.byDay')).toEqual([])
    // The admin's booking switch is on by default: the free places can be booked, no names shown.
    expect((await screen.findAllByRole('button', { name: 'Boek' })).length).toBeGreaterThan(0)
    expect(callsOf(calls, 'appointments.byDay')).toEqual([])
    expect(screen.getByRole('link', { name: 'Dinsdag 10-03-2026' })).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'Woensdag 11-03-2026' })).toBeNull()
  })

  it('preselects ?household= in the booking modal, shows main\'s warnings before booking and "vol" from main', async () => {
    window.location.hash = '#/appointments?household=3'
    const calls = installBridge({
      'slots.list': () => ok(SLOTS),
      'households.get': () => ok(DETAIL),
      'appointments.check': () =>
        ok({
          warnings: [
            { key: 'eligibilityExpired', params: { until: '2025-12-31' } },
            { key: 'bookingLimit', params: { count: 2, days: 28, max: 1 } },
          ],
        }),
      'households.search': () => ok({ rows: [], total: 0 }),
      'appointments.book': () =>
        fail({ code: 'CONFLICT', key: 'slotFull', params: { capacity: 5 } }),
    })
    const user = renderWith(<AppointmentsPage />)
    await screen.findByText(/om een afspraak te maken voor Marieke Bakker/)
    // The week's half-days arrive in their own call: wait for them, not only for the banner.
    const thursday = await screen.findByRole('group', { name: 'Donderdag 12-03-2026 Ochtend' })
    await user.click(within(thursday).getByRole('button', { name: 'Boek' }))
    const dialog = await screen.findByRole('dialog', { name: 'Afspraak maken' })
    const picker = within(dialog).getByRole('combobox', { name: /Huishouden/ }) as HTMLInputElement
    // The household arrives asynchronously; on a busy machine it may take a moment.
    await waitFor(() => expect(picker.value).toBe('Marieke Bakker · H-00003 · 1236 EF'))
    expect(
      await within(dialog).findByText(
        'Let op: het recht op de winkel is verlopen op 31-12-2025. Vraag om een nieuw inkomensbewijs.',
      ),
    ).toBeTruthy()
    expect(
      within(dialog).getByText(
        'Let op: met deze afspraak 2 bezoeken of afspraken binnen 28 dagen (richtlijn: 1).',
      ),
    ).toBeTruthy()
    expect(callsOf(calls, 'appointments.check')).toEqual([{ slotId: 3, householdId: 3, note: '' }])

    await user.type(within(dialog).getByLabelText('Opmerking (optioneel)'), 'Met kinderwagen')
    await user.click(within(dialog).getByRole('button', { name: 'Toch afspraak maken' }))
    expect(await within(dialog).findByText('Dit dagdeel zit vol (5 plaatsen).')).toBeTruthy()
    expect(callsOf(calls, 'appointments.book')).toEqual([
      { slotId: 3, householdId: 3, note: 'Met kinderwagen' },
    ])
  })

  it('finds a household by typing, books it and shows the Dutch date of a same-day conflict', async () => {
    let attempts = 0
    const calls = installBridge({
      'slots.list': () => ok(SLOTS),
      'households.search': (input) => {
        const { query } = input as { query: string }
        return ok(
          query.toLowerCase().startsWith('mar')
            ? { rows: [MARIEKE], total: 1 }
            : { rows: [], total: 0 },
        )
      },
      'appointments.book': () => {
        attempts += 1
        if (attempts === 1)
          return fail({
            code: 'CONFLICT',
            key: 'alreadyBookedThatDay',
            params: { date: '2026-03-10' },
          })
        return ok({
          appointment: appointment({ id: 50, contactName: 'Marieke Bakker' }),
          warnings: [],
        })
      },
    })
    const user = renderWith(<AppointmentsPage />)
    await user.click(
      within(await screen.findByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })).getByRole(
        'button',
        { name: 'Boek' },
      ),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Afspraak maken' })

    // Nothing chosen yet: the form says so at the field and sends nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Afspraak maken' }))
    expect(await within(dialog).findByText('Dit veld is verplicht')).toBeTruthy()
    expect(callsOf(calls, 'appointments.book')).toEqual([])

    await user.type(within(dialog).getByRole('combobox', { name: /Huishouden/ }), 'Mar')
    // Mantine's dropdown is still in its opening transition in jsdom, hence `hidden`.
    await user.click(
      await screen.findByRole('option', {
        name: 'Marieke Bakker · H-00003 · 1236 EF',
        hidden: true,
      }),
    )
    await waitFor(() =>
      expect(callsOf(calls, 'households.search')).toContainEqual({
        query: 'Mar',
        status: 'all',
        limit: 20,
      }),
    )
    await user.click(within(dialog).getByRole('button', { name: 'Afspraak maken' }))
    expect(
      await within(dialog).findByText('Dit huishouden heeft op 10-03-2026 al een afspraak.'),
    ).toBeTruthy()

    await user.click(within(dialog).getByRole('button', { name: 'Afspraak maken' }))
    expect(
      await screen.findByText('Afspraak gemaakt voor Marieke Bakker op 10-03-2026 (Ochtend).'),
    ).toBeTruthy()
    expect(callsOf(calls, 'appointments.book')).toEqual([
      { slotId: 1, householdId: 3, note: '' },
      { slotId: 1, householdId: 3, note: '' },
    ])
    // The week is read again, so the new booking shows.
    await waitFor(() => expect(callsOf(calls, 'slots.list').length).toBeGreaterThan(1))
  })

  it('generates half-days from the settings template and reports created and skipped', async () => {
    const calls = installBridge({
      'slots.list': () => ok(SLOTS),
      'settings.get': () =>
        ok({
          defaultCapacity: 4,
          eligibilityMonths: 12,
          maxVisitsPerPeriod: 1,
          visitPeriodDays: 28,
          maxItemsPerChild: 10,
          inviteAfterDays: 56,
          expiringWithinDays: 30,
          slotTemplate: [
            { weekday: 2, part: 'morning', capacity: 5 },
            { weekday: 4, part: 'afternoon', capacity: 3 },
          ],
        }),
      'slots.generate': () => ok({ created: 14, skipped: 2 }),
    })
    const user = renderWith(<AppointmentsPage />)
    await user.click(await screen.findByRole('button', { name: 'Dagdelen aanmaken' }))
    const dialog = await screen.findByRole('dialog', { name: 'Dagdelen aanmaken' })
    const from = (await within(dialog).findByLabelText(/^Van/)) as HTMLInputElement
    expect(from.value).toBe('09-03-2026')
    expect((within(dialog).getByLabelText(/^Tot en met/) as HTMLInputElement).value).toBe(
      '03-05-2026',
    )
    expect((within(dialog).getByLabelText('Weekdag (regel 2)') as HTMLInputElement).value).toBe(
      'Donderdag',
    )
    expect((within(dialog).getByLabelText('Plaatsen (regel 2)') as HTMLInputElement).value).toBe(
      '3',
    )

    // A new row needs a half-day; the form says so before main is asked.
    await user.click(within(dialog).getByRole('button', { name: 'Regel toevoegen' }))
    await user.click(within(dialog).getByRole('button', { name: 'Aanmaken' }))
    expect(await within(dialog).findByText('Dit veld is verplicht')).toBeTruthy()
    expect(callsOf(calls, 'slots.generate')).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Regel 3 verwijderen' }))

    // An end date it cannot read stays, is marked, and stops the form; corrected, it goes.
    const to = within(dialog).getByLabelText(/^Tot en met/) as HTMLInputElement
    await user.clear(to)
    await user.type(to, '3-5-26')
    await user.click(within(dialog).getByRole('button', { name: 'Aanmaken' }))
    expect(to.value).toBe('3-5-26')
    expect(describedText(to)).toContain('Geen geldige datum (dd-mm-jjjj)')
    expect(callsOf(calls, 'slots.generate')).toEqual([])
    await user.clear(to)
    await user.type(to, '3-5-2026')

    await user.click(within(dialog).getByRole('button', { name: 'Aanmaken' }))
    expect(await screen.findByText('14 dagdelen aangemaakt, 2 bestonden al.')).toBeTruthy()
    expect(callsOf(calls, 'slots.generate')).toEqual([
      {
        from: '2026-03-09',
        to: '2026-05-03',
        template: [
          { weekday: 2, part: 'morning', capacity: 5 },
          { weekday: 4, part: 'afternoon', capacity: 3 },
        ],
      },
    ])
  })
})
