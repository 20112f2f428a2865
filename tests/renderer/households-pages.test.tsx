// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdsPage } from '../../src/renderer/src/features/shop/households/households-page'
import { HouseholdDetailPage } from '../../src/renderer/src/features/shop/households/household-detail-page'
import { HouseholdEditPage } from '../../src/renderer/src/features/shop/households/household-edit-page'
import { IntakeNewPage } from '../../src/renderer/src/features/shop/households/intake-new-page'
import type { HouseholdDetail, HouseholdSummary } from '../../src/shared/schemas/household'
import { MAIN_TODAY, callsOf, describedText, installBridge, ok } from './households-bridge'
import { shopDay } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

function field(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label}( \\*)?$`), { selector: 'input, textarea' })
}

const SUMMARY: HouseholdSummary = {
  id: 3,
  reference: 'H-00003',
  contactName: 'Fatima El Amrani',
  postcode: '3511 AB',
  city: 'Utrecht',
  district: 'Oost',
  phone: '06-12345678',
  status: 'active',
  eligibleUntil: '2020-05-31',
  lastVisitOn: '2020-03-04',
  childCount: 2,
}

const thisYear = new Date().getFullYear()

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
    incomeSource: 'ww',
    referrer: 'Buurtteam',
    proofSeenOn: '2020-01-15',
    eligibleUntil: '2021-01-15',
    consentDate: '2020-01-15',
    consentBy: 'Jan de Vries',
    status: 'active',
    notes: null,
    createdAt: '2020-01-15T10:00:00.000Z',
    updatedAt: '2020-01-15T10:00:00.000Z',
    anonymisedAt: null,
    members: [
      {
        id: 41,
        firstName: 'Sem',
        birthYear: thisYear - 7,
        gender: 'm',
        clothingSize: '122',
      },
      { id: 42, firstName: null, birthYear: 1985, gender: 'f', clothingSize: null },
    ],
  },
  restricted: false,
  intakes: [
    {
      id: 9,
      householdId: 5,
      date: '2020-01-15',
      doneBy: 'Anja',
      notes: 'Schulden bij de energieleverancier.',
      topics: [{ id: 3, name: 'Financiën en schulden' }],
      referrals: [{ destination: { id: 11, name: 'Schuldhulpverlening' }, note: null }],
    },
  ],
  appointments: [],
  visits: [
    {
      id: 2,
      householdId: 5,
      appointmentId: null,
      date: '2020-02-01',
      servedBy: 'Piet',
      note: null,
      items: [
        { category: { id: 21, name: 'Kleding' }, count: 4 },
        { category: { id: 22, name: 'Speelgoed' }, count: 1 },
      ],
    },
  ],
  eligibilityExpired: true,
}

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

describe('households list', () => {
  it('searches as you type (debounced), flags expired eligibility and opens a row', async () => {
    const calls = installBridge({
      'households.search': () => ok({ rows: [SUMMARY], total: 1 }),
    })
    window.location.hash = '#/households'
    const user = renderWith(<HouseholdsPage />)

    await screen.findByText('Fatima El Amrani')
    const row = await waitFor(() => {
      const tr = screen.getByText('Fatima El Amrani').closest('tr')
      expect(tr).not.toBeNull()
      return tr!
    })
    expect(within(row).getByText('H-00003')).toBeTruthy()
    expect(within(row).getByText('04-03-2020')).toBeTruthy()
    expect(within(row).getByText('31-05-2020')).toBeTruthy()
    expect(within(row).getByText('Verlopen')).toBeTruthy()

    await user.type(screen.getByLabelText('Zoeken'), 'amrani')
    await waitFor(() =>
      expect(callsOf(calls, 'households.search')).toContainEqual(
        expect.objectContaining({ query: 'amrani', offset: 0 }),
      ),
    )
    // Typing fast sends one search for the whole word, not one per letter.
    const queries = callsOf(calls, 'households.search').map((i) => (i as { query: string }).query)
    expect(queries.filter((q) => q !== '' && q !== 'amrani')).toEqual([])

    await user.click(within(row).getByText('Oost'))
    expect(window.location.hash).toBe('#/households/3')
  })

  it("flags eligibility as ended by main's day, not this computer's, without the dashboard", async () => {
    const calls = installBridge({
      'shop.day': () => ok(shopDay({ today: '2099-06-01' })),
      'households.search': () =>
        ok({ rows: [{ ...SUMMARY, eligibleUntil: '2099-05-31' }], total: 1 }),
    })
    window.location.hash = '#/households'
    renderWith(<HouseholdsPage />)
    const row = await waitFor(() => {
      const tr = screen.getByText('31-05-2099').closest('tr')
      expect(tr).not.toBeNull()
      return tr!
    })
    await waitFor(() => expect(within(row).getByText('Verlopen')).toBeTruthy())
    // The day is main's few-byte answer; the whole dashboard (25 kB at ten years) is not read.
    expect(callsOf(calls, 'shop.dashboard')).toEqual([])
  })
})

describe('household detail', () => {
  it('shows expired eligibility, members with their age and the intake, and links onward', async () => {
    installBridge({ 'households.get': () => ok(DETAIL) })
    const user = renderWith(<HouseholdDetailPage id={5} />)

    expect(await screen.findByRole('heading', { name: 'Jan de Vries' })).toBeTruthy()
    expect(screen.getByText('Verlopen op 15-01-2021')).toBeTruthy()
    const sem = screen.getByText('Sem').closest('tr')!
    expect(within(sem).getByText('7')).toBeTruthy()
    expect(within(sem).getByText('122')).toBeTruthy()
    expect(screen.getByText('Financiën en schulden')).toBeTruthy()
    expect(screen.getByText('Schuldhulpverlening')).toBeTruthy()
    expect(screen.getByText('Kleding 4 · Speelgoed 1')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Afspraak maken' }))
    expect(window.location.hash).toBe('#/appointments?household=5')
    await user.click(screen.getByRole('button', { name: 'Bezoek registreren' }))
    expect(window.location.hash).toBe('#/visits/new?household=5')
    await user.click(screen.getByRole('button', { name: 'Intake toevoegen' }))
    expect(window.location.hash).toBe('#/households/5/intake')
  })
})

describe('intake for an existing household', () => {
  it('fills in "Intake gedaan door" with who is logged in, requires it, and saves topics and referrals', async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'intakes.create': (input) => ok({ id: 10, ...(input as object), topics: [], referrals: [] }),
    })
    const user = renderWith(<IntakeNewPage householdId={5} />)
    await screen.findByText('Intakegesprek met Jan de Vries (H-00005)')
    expect((field('Intake gedaan door') as HTMLInputElement).value).toBe('Anneke Beheer')

    await user.clear(field('Intake gedaan door'))
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))
    expect(describedText(field('Intake gedaan door'))).toContain('Dit veld is verplicht')
    expect(callsOf(calls, 'intakes.create')).toEqual([])

    await user.type(field('Intake gedaan door'), 'Anja')
    await user.click(await screen.findByRole('checkbox', { name: 'Werk en bijstand' }))
    await user.click(field('Doorverwezen naar'))
    await user.click(await screen.findByRole('option', { name: 'Voedselbank', hidden: true }))
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    await waitFor(() => expect(window.location.hash).toBe('#/households/5'))
    expect(callsOf(calls, 'intakes.create')).toEqual([
      expect.objectContaining({
        householdId: 5,
        // Main's day, not this computer's.
        date: MAIN_TODAY,
        doneBy: 'Anja',
        topicIds: [2],
        referrals: [{ destinationId: 12, note: null }],
      }),
    ])
  })

  it('sends "Schulden" and "Meerdere problemen" as chosen, and "Onbekend" for one left alone', async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'intakes.create': (input) => ok({ id: 10, ...(input as object), topics: [], referrals: [] }),
    })
    const user = renderWith(<IntakeNewPage householdId={5} />)
    await screen.findByText('Intakegesprek met Jan de Vries (H-00005)')
    const debts = screen.getByRole('radiogroup', { name: 'Schulden' })
    const problems = screen.getByRole('radiogroup', { name: 'Meerdere problemen' })
    // Not asked yet: "Onbekend", never a guessed "Nee".
    expect(
      (within(debts).getByRole('radio', { name: 'Onbekend' }) as HTMLInputElement).checked,
    ).toBe(true)
    expect(
      (within(problems).getByRole('radio', { name: 'Onbekend' }) as HTMLInputElement).checked,
    ).toBe(true)
    await user.click(within(debts).getByRole('radio', { name: 'Ja' }))
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    await waitFor(() => expect(window.location.hash).toBe('#/households/5'))
    expect(callsOf(calls, 'intakes.create')).toEqual([
      expect.objectContaining({ householdId: 5, debts: 'yes', multipleProblems: 'unknown' }),
    ])
  })

  it('shows a refusal of main at the question it is about', async () => {
    installBridge({
      'households.get': () => ok(DETAIL),
      'intakes.create': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          key: 'validation',
          fields: [{ path: 'multipleProblems', key: 'invalidOption' }],
        },
      }),
    })
    const user = renderWith(<IntakeNewPage householdId={5} />)
    await screen.findByText('Intakegesprek met Jan de Vries (H-00005)')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))
    const wrapper = await waitFor(() => {
      const group = screen.getByRole('radiogroup', { name: 'Meerdere problemen' })
      const box = group.closest('.mantine-InputWrapper-root') as HTMLElement
      expect(within(box).getByText('Kies een van de mogelijkheden')).toBeTruthy()
      return box
    })
    expect(wrapper).toBeTruthy()
  })
})

describe('edit household', () => {
  it('keeps member ids, drops a removed member and saves the status', async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'households.update': () => ok({ id: 5 }),
    })
    const user = renderWith(<HouseholdEditPage id={5} />)
    expect(await screen.findByDisplayValue('Lange Nieuwstraat')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Lid 2 verwijderen' }))
    await user.click(field('Status'))
    await user.click(await screen.findByRole('option', { name: 'Inactief', hidden: true }))
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    await waitFor(() => expect(window.location.hash).toBe('#/households/5'))
    const [update] = callsOf(calls, 'households.update') as Record<string, unknown>[]
    expect(update).toMatchObject({
      id: 5,
      status: 'inactive',
      postcode: '3512 PH',
      members: [{ id: 41, firstName: 'Sem', gender: 'm', clothingSize: '122' }],
    })
  })
})

describe('a counter volunteer sees whether the right holds, not a missing date', () => {
  it('the search list heads the column "Recht" and the detail page says "Recht verlopen", not "Recht tot —"', async () => {
    installBridge({
      'households.search': () =>
        ok({ rows: [{ ...SUMMARY, eligibleUntil: null, eligibility: 'expired' }], total: 1 }),
      'households.get': () =>
        ok({
          ...DETAIL,
          restricted: true,
          eligibility: 'expired',
          household: { ...DETAIL.household, eligibleUntil: null },
        }),
    })
    window.location.hash = '#/households'
    const user = userEvent.setup()
    render(
      <Providers role="volunteer">
        <HouseholdsPage />
      </Providers>,
    )
    await user.type(screen.getByLabelText('Zoeken'), 'amrani')
    const row = await waitFor(() => {
      const tr = screen.getByText('Fatima El Amrani').closest('tr')
      expect(tr).not.toBeNull()
      return tr!
    })
    expect(within(row).getByText('Recht verlopen')).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'Recht' })).toBeTruthy()
    expect(screen.queryByRole('columnheader', { name: 'Recht tot' })).toBeNull()
    cleanup()

    render(
      <Providers role="volunteer">
        <HouseholdDetailPage id={5} />
      </Providers>,
    )
    await screen.findByRole('heading', { name: 'Jan de Vries' })
    expect(screen.queryByText('Recht tot')).toBeNull()
    const label = screen.getByText('Recht', { selector: 'dt' })
    expect(label.nextElementSibling?.textContent).toBe('Recht verlopen')
  })
})
