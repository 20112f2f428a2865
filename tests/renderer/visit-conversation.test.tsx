// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { VisitNewPage } from '../../src/renderer/src/features/shop/visits/visit-new-page'
import { HouseholdDetailPage } from '../../src/renderer/src/features/shop/households/household-detail-page'
import type { HouseholdDetail } from '../../src/shared/schemas/household'
import type { ListItem } from '../../src/shared/schemas/lists'
import type { Role } from '../../src/shared/schemas/accounts'
import { CATEGORIES, SETTINGS, TODAY, callsOf, installBridge, ok } from './shop-bridge'
import { describedText } from './fake-bridge'

const TOPICS: ListItem[] = [
  { id: 31, kind: 'topic', name: 'Opvoeding', active: true },
  { id: 32, kind: 'topic', name: 'Financiën en schulden', active: true },
]
const PARTNERS = [
  { id: 41, name: 'Schuldhulpverlening', kind: 'debt_help', active: true },
  {
    id: 42,
    name: 'Voedselbank',
    kind: 'food_bank',
    active: true,
    area: 'Noord',
    phone: '033-555 0102',
    helpsWith: 'Voedselpakket elke week',
  },
].map((p) => ({
  area: null,
  contactPerson: null,
  phone: null,
  email: null,
  address: null,
  helpsWith: null,
  ...p,
}))

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
    eligibleUntil: null,
    consentDate: '2025-01-31',
    consentBy: 'Ans',
    status: 'active',
    createdAt: '2025-01-31T10:00:00.000Z',
    updatedAt: '2025-01-31T10:00:00.000Z',
    anonymisedAt: null,
    members: [{ id: 1, firstName: 'Tom', birthYear: 2017, gender: 'm', clothingSize: '122' }],
  },
  restricted: true,
  appointments: [],
  visits: [],
  eligibilityExpired: false,
  eligibility: 'valid',
}

function renderAs(role: Role, ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers role={role}>{ui}</Providers>)
  return user
}

function bridge(settings = SETTINGS, detail: HouseholdDetail = DETAIL) {
  return installBridge({
    'households.get': () => ok(detail),
    'settings.get': () => ok(settings),
    'lists.list': (input) => ok((input as { kind: string }).kind === 'topic' ? TOPICS : CATEGORIES),
    'partners.list': () => ok(PARTNERS),
    'visits.register': (input) => ok({ visit: { id: 9, ...(input as object) }, warnings: [] }),
  })
}

describe('the conversation at a visit', () => {
  beforeEach(() => {
    window.location.hash = '#/visits/new?household=2'
  })
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('a volunteer with the right records topics and a referral with its note', async () => {
    const calls = bridge()
    const user = renderAs('volunteer', <VisitNewPage householdId={2} />)
    const group = await screen.findByRole('group', { name: 'Gesprek' })
    await user.click(within(group).getByText('Financiën en schulden'))
    await user.click(within(group).getByRole('button', { name: '+ Doorverwijzing toevoegen' }))
    await user.click(within(group).getByLabelText('Doorverwezen naar'))
    // Each option says what kind of organisation it is, where and how to reach it, and what
    // it helps with, so the volunteer can tell the family where to go.
    const food = await screen.findByRole('option', { name: /^Voedselbank/, hidden: true })
    expect(food.textContent).toContain('Voedselbank · Noord · 033-555 0102')
    expect(food.textContent).toContain('Helpt bij: Voedselpakket elke week')
    const debt = screen.getByRole('option', { name: /^Schuldhulpverlening/, hidden: true })
    expect(debt.textContent).toContain('Schuldhulpverlening · overal')
    await user.click(food)
    expect(describedText(within(group).getByLabelText('Doorverwezen naar'))).toContain(
      'Voedselbank · Noord · 033-555 0102',
    )
    await user.type(within(group).getByLabelText('Korte toelichting'), 'Belt zelf')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await waitFor(() => expect(callsOf(calls, 'visits.register')).toHaveLength(1))
    expect(callsOf(calls, 'visits.register')[0]).toMatchObject({
      date: TODAY,
      topics: [32],
      referrals: [{ destinationId: 42, note: 'Belt zelf' }],
    })
  })

  it('a referral with a note but no destination is refused at its row, nothing sent', async () => {
    const calls = bridge()
    const user = renderAs('volunteer', <VisitNewPage householdId={2} />)
    const group = await screen.findByRole('group', { name: 'Gesprek' })
    await user.click(within(group).getByRole('button', { name: '+ Doorverwijzing toevoegen' }))
    await user.type(within(group).getByLabelText('Korte toelichting'), 'Belt zelf')
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await waitFor(() =>
      expect(within(group).getByLabelText('Doorverwezen naar').getAttribute('aria-invalid')).toBe(
        'true',
      ),
    )
    expect(callsOf(calls, 'visits.check')).toEqual([])
    expect(callsOf(calls, 'visits.register')).toEqual([])
  })

  it('without the admin’s switch the volunteer sees no conversation and sends none', async () => {
    const calls = bridge({ ...SETTINGS, volunteerMayRecordConversation: false })
    const user = renderAs('volunteer', <VisitNewPage householdId={2} />)
    await screen.findByRole('heading', { name: 'Jan de Vries' })
    await waitFor(() => expect(callsOf(calls, 'settings.get').length).toBeGreaterThan(0))
    expect(screen.queryByRole('group', { name: 'Gesprek' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))
    await waitFor(() => expect(callsOf(calls, 'visits.register')).toHaveLength(1))
    const sent = callsOf(calls, 'visits.register')[0] as Record<string, unknown>
    expect(sent.topics).toEqual([])
    expect(sent.referrals).toEqual([])
  })

  it('the household page shows a visit’s conversation and, with history, the earlier ones', async () => {
    bridge(SETTINGS, {
      ...DETAIL,
      visits: [
        {
          id: 7,
          householdId: 2,
          appointmentId: null,
          date: '2026-02-10',
          servedBy: 'Vera',
          note: null,
          items: [],
          topics: [{ id: 31, name: 'Opvoeding' }],
          referrals: [{ destination: { id: 41, name: 'Schuldhulpverlening' } }],
        },
      ],
      conversations: [
        {
          kind: 'visit',
          id: 7,
          date: '2026-02-10',
          topics: [{ id: 31, name: 'Opvoeding' }],
          destinations: [{ id: 41, name: 'Schuldhulpverlening' }],
        },
        {
          kind: 'intake',
          id: 3,
          date: '2025-01-31',
          topics: [{ id: 32, name: 'Financiën en schulden' }],
          destinations: [],
        },
      ],
    })
    renderAs('volunteer', <HouseholdDetailPage id={2} />)
    const history = await screen.findByRole('region', { name: 'Eerdere gesprekken' })
    expect(history.textContent).toContain('10-02-2026')
    expect(history.textContent).toContain('naar Schuldhulpverlening')
    expect(history.textContent).toContain('Intake')
    expect(history.textContent).toContain('Financiën en schulden')
    expect(screen.getByTestId('visit-conversation-7').textContent).toContain('Opvoeding')
    // Another day's visit: the counter cannot change its conversation.
    expect(screen.queryByRole('button', { name: /Gesprek (vastleggen|aanpassen)/ })).toBeNull()
  })

  it('the visit form shows what was talked about before: staff the newest three of intakes and visits, a volunteer only with history', async () => {
    const visit = (id: number, date: string, topic: ListItem | null) => ({
      id,
      householdId: 2,
      appointmentId: null,
      date,
      servedBy: 'Vera',
      note: null,
      items: [],
      topics: topic ? [{ id: topic.id, name: topic.name }] : [],
      referrals: [],
    })
    const staffView: HouseholdDetail = {
      ...DETAIL,
      restricted: false,
      intakes: [
        {
          id: 3,
          householdId: 2,
          date: '2025-01-31',
          doneBy: 'Ans',
          notes: null,
          topics: [{ id: 32, name: 'Financiën en schulden' }],
          referrals: [{ destination: { id: 41, name: 'Schuldhulpverlening' }, note: 'bellen' }],
        },
      ],
      // A visit without a conversation is no earlier conversation.
      visits: [
        visit(5, '2025-06-01', TOPICS[0]),
        visit(6, '2025-09-01', null),
        visit(7, '2026-02-10', TOPICS[1]),
        visit(8, '2026-03-03', TOPICS[0]),
      ],
    }
    bridge(SETTINGS, staffView)
    renderAs('coordinator', <VisitNewPage householdId={2} />)
    const history = await screen.findByRole('region', { name: 'Eerdere gesprekken' })
    const days = [...history.textContent!.matchAll(/\d\d-\d\d-\d{4}/g)].map((m) => m[0])
    expect(days).toEqual(['03-03-2026', '10-02-2026', '01-06-2025'])
    expect(history.textContent).toContain('En nog 1 eerder gesprek')
    cleanup()

    // A volunteer without the history switch sees none of it; with it, main's own list.
    bridge(SETTINGS, DETAIL)
    renderAs('volunteer', <VisitNewPage householdId={2} />)
    await screen.findByRole('group', { name: 'Gesprek' })
    expect(screen.queryByRole('region', { name: 'Eerdere gesprekken' })).toBeNull()
    cleanup()
    bridge(SETTINGS, {
      ...DETAIL,
      conversations: [
        {
          kind: 'intake',
          id: 3,
          date: '2025-01-31',
          topics: [{ id: 32, name: 'Financiën en schulden' }],
          destinations: [{ id: 41, name: 'Schuldhulpverlening' }],
        },
      ],
    })
    renderAs('volunteer', <VisitNewPage householdId={2} />)
    const own = await screen.findByRole('region', { name: 'Eerdere gesprekken' })
    expect(own.textContent).toContain('naar Schuldhulpverlening')
  })
})
