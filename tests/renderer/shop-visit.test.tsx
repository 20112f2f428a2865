// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { VisitNewPage } from '../../src/renderer/src/features/shop/visits/visit-new-page'
import type { HouseholdDetail } from '../../src/shared/schemas/household'
import { TODAY, appointment, callsOf, describedText, fail, installBridge, ok } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

function field(label: string): HTMLElement {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return screen.getByLabelText(new RegExp(`^${escaped}( \\*)?$`), { selector: 'input, textarea' })
}

const DETAIL: HouseholdDetail = {
  household: {
    id: 2,
    reference: 'H-00002',
    contactName: 'Jan de Vries',
    street: 'Dorpsstraat',
    houseNumber: '4',
    postcode: '1235 CD',
    city: 'Heerhugowaard',
    district: 'Noord',
    phone: null,
    email: null,
    incomeSource: 'bijstand',
    referrer: null,
    proofSeenOn: '2025-01-31',
    eligibleUntil: '2026-01-31',
    consentDate: '2025-01-31',
    consentBy: 'Ans',
    status: 'active',
    notes: null,
    createdAt: '2025-01-31T10:00:00.000Z',
    updatedAt: '2025-01-31T10:00:00.000Z',
    anonymisedAt: null,
    members: [
      { id: 1, firstName: 'Tom', birthYear: 2017, gender: 'm', clothingSize: '122' },
      { id: 2, firstName: null, birthYear: 2021, gender: 'f', clothingSize: '98' },
      { id: 3, firstName: 'Jan', birthYear: 1985, gender: 'm', clothingSize: null },
    ],
  },
  restricted: false,
  intakes: [],
  appointments: [appointment({ id: 12, householdId: 2, date: '2026-03-05', part: 'afternoon' })],
  visits: [],
  eligibilityExpired: true,
}

/** "Geholpen door" starts with the logged-in user's name; these tests put in someone else. */
async function typeServedBy(user: UserEvent, name: string): Promise<void> {
  const input = await screen.findByLabelText(/^Geholpen door/)
  await user.clear(input)
  await user.type(input, name)
}

describe('visit registration', () => {
  beforeEach(() => {
    window.location.hash = '#/visits/new?household=2&appointment=12'
  })
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('shows the household with its children, ages and sizes, and the ended eligibility', async () => {
    installBridge({ 'households.get': () => ok(DETAIL) })
    renderWith(<VisitNewPage householdId={2} appointmentId={12} />)
    expect(await screen.findByRole('heading', { name: 'Jan de Vries' })).toBeTruthy()
    expect(screen.getByText('2 kinderen')).toBeTruthy()
    expect(screen.getByText(/Tom · jongen · 9 jaar · maat 122/)).toBeTruthy()
    expect(screen.getByText(/^Meisje · 5 jaar · maat 98/)).toBeTruthy()
    expect(screen.getByText('en 1 volwassene')).toBeTruthy()
    expect(
      screen.getByText(
        'Let op: het recht op de winkel is verlopen op 31-01-2026. Vraag om een nieuw inkomensbewijs.',
      ),
    ).toBeTruthy()
    // The date defaults to the appointment's day (a paper list entered afterwards).
    expect((field('Datum bezoek') as HTMLInputElement).value).toBe('05-03-2026')
    for (const name of ['Kleding', 'Schoenen', 'Speelgoed']) expect(field(name)).toBeTruthy()
  })

  it('fills "Geholpen door" with the logged-in user and still requires it', async () => {
    const calls = installBridge({ 'households.get': () => ok(DETAIL) })
    const user = renderWith(<VisitNewPage householdId={2} appointmentId={12} />)
    const servedBy = (await screen.findByLabelText(/^Geholpen door/)) as HTMLInputElement
    expect(servedBy.value).toBe('Anneke Beheer')
    await user.clear(servedBy)
    await user.click(await screen.findByRole('button', { name: 'Bezoek opslaan' }))
    expect(describedText(field('Geholpen door'))).toContain('Dit veld is verplicht')
    expect(callsOf(calls, 'visits.register')).toEqual([])
  })

  it("shows main's futureVisit error at the date field", async () => {
    installBridge({
      'households.get': () => ok({ ...DETAIL, appointments: [] }),
      'visits.register': () =>
        fail({
          code: 'VALIDATION',
          key: 'validation',
          fields: [{ path: 'date', key: 'futureVisit' }],
        }),
    })
    window.location.hash = '#/visits/new?household=2'
    const user = renderWith(<VisitNewPage householdId={2} />)
    await typeServedBy(user, 'Ans')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await waitFor(() =>
      expect(describedText(field('Datum bezoek'))).toContain(
        'Een bezoek kan niet in de toekomst liggen',
      ),
    )
    expect(field('Datum bezoek').getAttribute('aria-invalid')).toBe('true')
    expect(window.location.hash).toBe('#/visits/new?household=2')
  })

  it('shows the warnings before saving and saves only once they are confirmed', async () => {
    const warnings = [
      { key: 'eligibilityExpired', params: { until: '2026-01-31' } },
      { key: 'itemsPerChild', params: { items: 25, children: 2, max: 10 } },
    ]
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'visits.check': () => ok({ warnings, sameDay: 0 }),
      'visits.register': (input) =>
        ok({ visit: { id: 9, ...(input as object), items: [] }, warnings }),
    })
    const user = renderWith(<VisitNewPage householdId={2} appointmentId={12} />)
    await typeServedBy(user, 'Ans')
    await user.clear(field('Kleding'))
    await user.type(field('Kleding'), '20')
    await user.clear(field('Speelgoed'))
    await user.type(field('Speelgoed'), '5')
    await user.type(field('Opmerking (optioneel)'), 'Winterjas')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))

    const dialog = await screen.findByRole('dialog', { name: 'Eerst even nakijken' })
    expect(dialog.textContent).toContain(
      'Let op: 25 artikelen voor 2 kinderen (richtlijn: 10 per kind).',
    )
    expect(dialog.textContent).toContain(
      'Let op: het recht op de winkel is verlopen op 31-01-2026. Vraag om een nieuw inkomensbewijs.',
    )
    // Nothing saved yet: the user decides with the warnings in front of them.
    expect(callsOf(calls, 'visits.register')).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Toch opslaan' }))

    await waitFor(() => expect(callsOf(calls, 'visits.register')).toHaveLength(1))
    expect(callsOf(calls, 'visits.register')[0]).toEqual({
      householdId: 2,
      appointmentId: 12,
      date: '2026-03-05',
      servedBy: 'Ans',
      items: [
        { categoryId: 21, count: 20 },
        { categoryId: 22, count: 0 },
        { categoryId: 23, count: 5 },
      ],
      note: 'Winterjas',
      sameDayVisitsSeen: 0,
      // The conversation part was left empty.
      topics: [],
      referrals: [],
    })
    // The appointment was on another day than today, so back to that day's list.
    await waitFor(() => expect(window.location.hash).toBe('#/appointments/day/2026-03-05'))
  })

  it('asks before a second visit that day and sends how many it saw', async () => {
    const calls = installBridge({
      'households.get': () => ok({ ...DETAIL, appointments: [] }),
      'visits.check': () =>
        ok({ warnings: [{ key: 'visitSameDay', params: { count: 1 } }], sameDay: 1 }),
      'visits.register': () => ok({ visit: { id: 9 }, warnings: [] }),
    })
    window.location.hash = '#/visits/new?household=2'
    const user = renderWith(<VisitNewPage householdId={2} />)
    await typeServedBy(user, 'Ans')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    const dialog = await screen.findByRole('dialog', { name: 'Eerst even nakijken' })
    expect(dialog.textContent).toContain('Let op: dit huishouden had die dag al een bezoek.')
    // Going back saves nothing.
    await user.click(screen.getByRole('button', { name: 'Terug naar het formulier' }))
    expect(callsOf(calls, 'visits.register')).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await user.click(await screen.findByRole('button', { name: 'Ja, nog een bezoek opslaan' }))
    await waitFor(() => expect(callsOf(calls, 'visits.register')).toHaveLength(1))
    expect(callsOf(calls, 'visits.register')[0]).toMatchObject({ sameDayVisitsSeen: 1 })
  })

  it('at the counter: today only, the right as a status without its date', async () => {
    const calls = installBridge({
      'households.get': () =>
        ok({
          ...DETAIL,
          household: { ...DETAIL.household, eligibleUntil: null },
          restricted: true,
          appointments: [],
          eligibility: 'expired',
        }),
    })
    window.location.hash = '#/visits/new?household=2'
    const user = userEvent.setup()
    render(
      <Providers role="volunteer">
        <VisitNewPage householdId={2} />
      </Providers>,
    )
    expect(
      await screen.findByText(
        'Let op: het recht op de winkel is verlopen. Vraag om een nieuw inkomensbewijs (de coördinator legt het vast).',
      ),
    ).toBeTruthy()
    const date = field('Datum bezoek') as HTMLInputElement
    expect(date.value).toBe('10-03-2026')
    expect(date.readOnly).toBe(true)
    expect((field('Geholpen door') as HTMLInputElement).value).toBe('Vera Vrijwilliger')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await waitFor(() => expect(callsOf(calls, 'visits.register')).toHaveLength(1))
    expect(callsOf(calls, 'visits.register')[0]).toMatchObject({ date: TODAY })
  })

  it('refuses a visit date it cannot read instead of saving it for today', async () => {
    const calls = installBridge({
      'households.get': () => ok({ ...DETAIL, appointments: [] }),
      'visits.register': () => ok({ visit: { id: 9 }, warnings: [] }),
    })
    window.location.hash = '#/visits/new?household=2'
    const user = renderWith(<VisitNewPage householdId={2} />)
    await typeServedBy(user, 'Ans')
    const date = field('Datum bezoek') as HTMLInputElement
    await user.clear(date)
    await user.type(date, '2026-03-09')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))

    expect(date.value).toBe('2026-03-09')
    expect(describedText(date)).toContain('Geen geldige datum (dd-mm-jjjj)')
    // The children are still counted (for today) while the date is wrong.
    expect(screen.getByText('2 kinderen')).toBeTruthy()
    expect(callsOf(calls, 'visits.register')).toEqual([])
    expect(window.location.hash).toBe('#/visits/new?household=2')
  })

  it("defaults to main's today without an appointment and returns to the household", async () => {
    const calls = installBridge({
      'households.get': () => ok({ ...DETAIL, appointments: [] }),
      'visits.register': () => ok({ visit: { id: 9 }, warnings: [] }),
    })
    window.location.hash = '#/visits/new?household=2'
    const user = renderWith(<VisitNewPage householdId={2} />)
    await typeServedBy(user, 'Ans')
    expect((field('Datum bezoek') as HTMLInputElement).value).toBe('10-03-2026')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await waitFor(() => expect(window.location.hash).toBe('#/households/2'))
    expect(callsOf(calls, 'visits.register')[0]).toMatchObject({
      date: TODAY,
      appointmentId: null,
    })
  })
})
