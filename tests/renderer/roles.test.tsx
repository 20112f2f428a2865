// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import { SettingsPage } from '../../src/renderer/src/features/shop/settings/settings-page'
import { AppointmentsPage } from '../../src/renderer/src/features/shop/appointments/appointments-page'
import { AppointmentRow } from '../../src/renderer/src/features/shop/appointments/appointment-list'
import type { HouseholdDetail } from '../../src/shared/schemas/household'
import type { Role } from '../../src/shared/schemas/accounts'
import type { Slot } from '../../src/shared/schemas/shop'
import { callsOf, fail, installFakeBridge, ok, type Handler } from './fake-bridge'
import { sessionOf, TestProviders } from './session'
import { CATEGORIES, SETTINGS, TODAY, appointment, dashboard, shopDay } from './shop-bridge'

/** What main sends a counter volunteer: no intakes, income, referrer, proof date or notes. */
const RESTRICTED: HouseholdDetail = {
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
    // The counter gets the right's status, not its date (the proof date follows from it).
    eligibleUntil: null,
    consentDate: '2026-01-15',
    consentBy: 'Jan de Vries',
    status: 'active',
    createdAt: '2026-01-15T10:00:00.000Z',
    updatedAt: '2026-01-15T10:00:00.000Z',
    anonymisedAt: null,
    members: [{ id: 41, firstName: 'Sem', birthYear: 2019, gender: 'm', clothingSize: '122' }],
  },
  restricted: true,
  appointments: [],
  visits: [],
  eligibilityExpired: false,
  eligibility: 'valid',
}

const FULL: HouseholdDetail = {
  ...RESTRICTED,
  household: {
    ...RESTRICTED.household,
    incomeSource: 'ww',
    referrer: 'Buurtteam',
    proofSeenOn: '2026-01-15',
    eligibleUntil: '2027-01-15',
    notes: 'Liever bellen na 17 uur',
  },
  intakes: [],
  restricted: false,
}

const SLOTS: Slot[] = [{ id: 1, date: TODAY, part: 'morning', capacity: 5, booked: 3, free: 2 }]

function bridge(role: Role, handlers: Record<string, Handler> = {}) {
  return installFakeBridge(
    {
      'auth.session': () => ok(sessionOf(role)),
      'shop.dashboard': () => ok(dashboard()),
      'shop.day': () => ok(shopDay()),
      'households.get': () => ok(role === 'volunteer' ? RESTRICTED : FULL),
      'households.search': () => ok({ rows: [], total: 0 }),
      'slots.list': () => ok(SLOTS),
      'settings.get': () => ok(SETTINGS),
      'lists.list': () => ok(CATEGORIES),
    },
    handlers,
  )
}

function renderApp(hash: string): void {
  window.location.hash = hash
  render(<Root />)
}

async function navLinks(): Promise<string[]> {
  const nav = await screen.findByRole('navigation', { name: 'Menu' })
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '')
}

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

describe('what each role is offered', () => {
  it.each([
    ['volunteer', ['Vandaag', 'Huishoudens', 'Afspraken', 'Sociale kaart']],
    [
      'coordinator',
      [
        'Vandaag',
        'Huishoudens',
        'Afspraken',
        'Bellijst',
        'Collecties',
        'Cijfers',
        'Sociale kaart',
        'Vrijwilligerswerk',
        'Klachten',
        'Activiteiten',
        'Tevredenheid',
        'Verhalen',
        'Teamcijfers',
        'Instellingen',
        'Importeren',
      ],
    ],
    [
      'admin',
      [
        'Vandaag',
        'Huishoudens',
        'Afspraken',
        'Bellijst',
        'Collecties',
        'Cijfers',
        'Sociale kaart',
        'Vrijwilligerswerk',
        'Klachten',
        'Activiteiten',
        'Tevredenheid',
        'Verhalen',
        'Teamcijfers',
        'Verantwoording',
        'Gebieden',
        'Instellingen',
        'Gebruikers',
        'Auditlog',
        'Bewaartermijnen',
        'Back-ups',
        'Importeren',
      ],
    ],
  ] as const)('shows a %s the menu items of that role only', async (role, items) => {
    bridge(role)
    renderApp('#/')
    expect(await navLinks()).toEqual(items)
  })

  it('lists help requests and informal carers under Vrijwilligerswerk for a coordinator', async () => {
    bridge('coordinator', {
      'helpRequests.list': () =>
        ok({ rows: [], total: 0, counts: { open: 0, matched: 0, ended: 0 } }),
    })
    renderApp('#/volunteers/help')
    expect(await screen.findByRole('heading', { name: 'Hulpvragen', level: 2 })).toBeTruthy()
    const links = await navLinks()
    expect(links.slice(links.indexOf('Vrijwilligerswerk') + 1, links.indexOf('Klachten'))).toEqual([
      'Deelnemers',
      'Vacatures',
      'Organisaties',
      'Koppelingen',
      'Uren',
      'Cijfers en voortgang',
      'Cursussen',
      'Hulpvragen',
      'Mantelzorgers',
      'Lijsten en instellingen',
    ])
  })

  it.each(['#/volunteers/help', '#/volunteers/help/3', '#/volunteers/carers'])(
    'shows a volunteer "Geen toegang" on %s, without asking main',
    async (hash) => {
      const calls = bridge('volunteer')
      renderApp(hash)
      expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
      for (const m of ['helpRequests.list', 'helpRequests.get', 'carers.list'])
        expect(callsOf(calls, m), m).toEqual([])
    },
  )

  it('lets a volunteer read the sociale kaart, without adding or changing organisations', async () => {
    bridge('volunteer', {
      'partners.list': () =>
        ok([
          {
            id: 7,
            name: 'Schuldhulp Eemstad',
            kind: 'debt_help',
            area: 'Eemstad',
            contactPerson: null,
            phone: '033-555 0101',
            email: null,
            address: null,
            helpsWith: 'Schulden op een rij',
            active: true,
          },
        ]),
      'partners.areas': () => ok(['Eemstad']),
    })
    renderApp('#/partners')
    expect(await screen.findByRole('article', { name: 'Schuldhulp Eemstad' })).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Geen toegang' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Organisatie toevoegen' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Schuldhulp Eemstad wijzigen' })).toBeNull()
  })

  it.each([
    '#/calllist',
    '#/collections',
    '#/collections/1',
    '#/stats',
    '#/settings',
    '#/users',
    '#/audit',
    '#/households/new',
  ])('shows a volunteer "Geen toegang" on %s, not the page', async (hash) => {
    const calls = bridge('volunteer')
    renderApp(hash)
    expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
    expect(screen.getByText(/niet beschikbaar voor uw rol \(Vrijwilliger\)/)).toBeTruthy()
    for (const m of [
      'households.callList',
      'collections.list',
      'collections.callList',
      'shop.stats',
      'users.list',
      'audit.list',
    ])
      expect(callsOf(calls, m), m).toEqual([])
  })

  it('shows a volunteer "Geen toegang" on an intake route, without the form or a call for it', async () => {
    const calls = bridge('volunteer')
    renderApp('#/households/5/intake')
    expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
    expect(screen.queryByLabelText(/Datum intake/)).toBeNull()
    expect(callsOf(calls, 'households.get')).toEqual([])
    expect(callsOf(calls, 'lists.list')).toEqual([])
  })

  it('asks a volunteer to type a name or reference instead of listing every household', async () => {
    bridge('volunteer')
    renderApp('#/households')
    expect(await screen.findByText(/Typ minstens 2 tekens van een naam of referentie/)).toBeTruthy()
    expect(screen.queryByText(/huishoudens? gevonden|Geen huishoudens gevonden/)).toBeNull()
  })

  it('shows a volunteer today and the free places, not the coordinator cards', async () => {
    bridge('volunteer')
    renderApp('#/')
    expect(await screen.findByText('Vrije plaatsen komende 7 dagen')).toBeTruthy()
    expect(screen.queryByText(/Recht verloopt binnenkort|Uitnodigen/)).toBeNull()
  })

  it('follows a role change made by an admin as soon as main refuses a call', async () => {
    let role: Role = 'coordinator'
    bridge('coordinator', {
      // The same person (same id), with the role the admin gave them.
      'auth.session': () =>
        ok({
          ...sessionOf(role),
          user: { ...sessionOf(role).user, id: sessionOf('coordinator').user.id },
        }),
      'households.callList': () => fail({ code: 'FORBIDDEN', key: 'forbidden' }),
    })
    renderApp('#/')
    expect(await navLinks()).toContain('Bellijst')
    role = 'volunteer'
    window.location.hash = '#/calllist'
    await waitFor(async () =>
      expect(await navLinks()).toEqual(['Vandaag', 'Huishoudens', 'Afspraken', 'Sociale kaart']),
    )
    expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
  })

  it('shows a coordinator "Geen toegang" on the admin screens', async () => {
    const calls = bridge('coordinator')
    renderApp('#/users')
    expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
    expect(callsOf(calls, 'users.list')).toEqual([])
  })

  it('shows a coordinator "Geen toegang" on the subsidy report, without asking main for it', async () => {
    const calls = bridge('coordinator')
    renderApp('#/reports')
    expect(await screen.findByRole('heading', { name: 'Geen toegang' })).toBeTruthy()
    expect(callsOf(calls, 'reports.subsidy')).toEqual([])
  })

  it('shows a volunteer a household without intakes or income, and says some is hidden', async () => {
    // With the admin's booking switch off: no "Afspraak maken" (volunteer-booking.test.tsx has it on).
    bridge('volunteer', { 'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: false }) })
    renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: 'Jan de Vries' })).toBeTruthy()
    expect(
      screen.getByText(/Sommige gegevens zijn verborgen voor uw rol \(Vrijwilliger\)/),
    ).toBeTruthy()
    expect(screen.queryByRole('heading', { name: 'Intakes' })).toBeNull()
    expect(screen.queryByText('Inkomensbron')).toBeNull()
    expect(screen.queryByText('Verwijzer')).toBeNull()
    for (const name of ['Bewerken', 'Intake toevoegen', 'Afspraak maken'])
      expect(screen.queryByRole('button', { name }), name).toBeNull()
    expect(screen.getByRole('button', { name: 'Bezoek registreren' })).toBeTruthy()
    // The counter still sees what it needs: contact, members, eligibility (as a status).
    expect(screen.getByText('Sem')).toBeTruthy()
    expect(screen.getByText('030-1234567')).toBeTruthy()
    // As the badge by the name and in the card under "Recht".
    expect(screen.getAllByText('Recht geldig')).toHaveLength(2)
    expect(screen.queryByText(/15-01-2027/)).toBeNull()
  })

  it('treats a lookup of accents alone as too short, without an error message', async () => {
    const calls = bridge('volunteer', {
      'households.search': (input) =>
        (input as { query: string }).query === ''
          ? ok({ rows: [], total: 0 })
          : fail({
              code: 'VALIDATION',
              key: 'validation',
              fields: [{ path: 'query', key: 'searchTooShort', params: { min: 2 } }],
            }),
    })
    renderApp('#/households')
    const search = await screen.findByRole('searchbox')
    fireEvent.change(search, { target: { value: 'e\u0301' } })
    await waitFor(() =>
      expect(
        callsOf(calls, 'households.search').map((c) => (c as { query: string }).query),
      ).toContain('e\u0301'),
    )
    expect(await screen.findByText(/Typ minstens 2 tekens van een naam of referentie/)).toBeTruthy()
    expect(
      screen.queryByText('Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.'),
    ).toBeNull()
  })

  it('shows a coordinator the whole household with its intakes and every action', async () => {
    bridge('coordinator')
    renderApp('#/households/5')
    expect(await screen.findByRole('heading', { name: 'Jan de Vries' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Intakes' })).toBeTruthy()
    expect(screen.getByText('Inkomensbron')).toBeTruthy()
    expect(screen.queryByText(/Sommige gegevens zijn verborgen/)).toBeNull()
    for (const name of ['Bewerken', 'Intake toevoegen', 'Afspraak maken', 'Bezoek registreren'])
      expect(screen.getByRole('button', { name }), name).toBeTruthy()
  })

  it('offers a volunteer no "Nieuwe intake" on the household list', async () => {
    bridge('volunteer')
    renderApp('#/households')
    expect(await screen.findByRole('heading', { name: 'Huishoudens', level: 2 })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Nieuwe intake' })).toBeNull()
  })

  it('shows a volunteer the week without booking, creating or changing half-days', async () => {
    const calls = bridge('volunteer', {
      'settings.get': () => ok({ ...SETTINGS, volunteerMayBook: false }),
    })
    render(
      <TestProviders role="volunteer">
        <AppointmentsPage />
      </TestProviders>,
    )
    expect(await screen.findByTestId(`slot-${TODAY}-morning`)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Boek' })).toBeNull()
    expect(screen.queryByRole('button', { name: /Dagdelen aanmaken/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /wijzigen/ })).toBeNull()
    // Free places only: never the names of other days.
    expect(callsOf(calls, 'appointments.byDay')).toEqual([])
  })

  it("offers a volunteer check-in for today's appointments only, and no cancelling", async () => {
    bridge('volunteer')
    render(
      <TestProviders role="volunteer">
        <ul>
          <AppointmentRow appointment={appointment({ id: 1 })} today={TODAY} onChanged={() => {}} />
          <AppointmentRow
            appointment={appointment({ id: 2, date: '2026-03-12', contactName: 'Piet Jansen' })}
            today={TODAY}
            onChanged={() => {}}
          />
        </ul>
      </TestProviders>,
    )
    const todayRow = await screen.findByTestId('appointment-1')
    expect(within(todayRow).getByRole('button', { name: 'Gekomen' })).toBeTruthy()
    expect(within(todayRow).getByRole('button', { name: 'Niet gekomen' })).toBeTruthy()
    expect(within(todayRow).queryByRole('button', { name: 'Afgezegd' })).toBeNull()
    expect(within(screen.getByTestId('appointment-2')).queryAllByRole('button')).toEqual([])
  })

  it('shows a coordinator the shop settings read-only and keeps the lists editable', async () => {
    bridge('coordinator')
    render(
      <TestProviders role="coordinator">
        <SettingsPage />
      </TestProviders>,
    )
    const capacity = (await screen.findByLabelText(/^Plaatsen per dagdeel/, {
      selector: 'input',
    })) as HTMLInputElement
    expect(capacity.disabled).toBe(true)
    expect(
      (screen.getByLabelText(/^Scherm vergrendelen na/, { selector: 'input' }) as HTMLInputElement)
        .disabled,
    ).toBe(true)
    expect(screen.getByText('Alleen de beheerder kan deze instellingen wijzigen.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Instellingen opslaan' })).toBeNull()
    expect(screen.queryByRole('region', { name: 'Organisatie' })).toBeNull()
    const categories = screen.getByRole('region', { name: 'Categorieën' })
    await waitFor(() =>
      expect(
        (within(categories).getByLabelText('Nieuwe categorie') as HTMLInputElement).disabled,
      ).toBe(false),
    )
  })
})
