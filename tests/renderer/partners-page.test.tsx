// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { PartnersPage } from '../../src/renderer/src/features/partners/partners-page'
import type { Partner } from '../../src/shared/schemas/partners'
import type { Role } from '../../src/shared/schemas/accounts'
import { callsOf, describedText, fail, installFakeBridge, ok } from './fake-bridge'

const PARTNERS: Partner[] = [
  {
    id: 7,
    name: 'Schuldhulp Eemstad',
    kind: 'debt_help',
    area: 'Eemstad',
    contactPerson: 'Marleen Bosch',
    phone: '033-555 0101',
    email: null,
    address: null,
    helpsWith: 'Schulden op een rij',
    active: true,
  },
  {
    id: 8,
    name: 'Taalhuis',
    kind: 'education_language',
    area: null,
    contactPerson: null,
    phone: null,
    email: 'taal@bieb.example',
    address: null,
    helpsWith: null,
    active: true,
  },
  {
    id: 9,
    name: 'Oude kledingbank',
    kind: 'other',
    area: 'Noord',
    contactPerson: null,
    phone: null,
    email: null,
    address: null,
    helpsWith: null,
    active: false,
  },
]

function bridge(): ReturnType<typeof installFakeBridge> {
  return installFakeBridge(
    {},
    {
      'partners.list': (input) => {
        const { includeInactive } = input as { includeInactive?: boolean }
        return ok(PARTNERS.filter((p) => includeInactive || p.active))
      },
      'partners.areas': () => ok(['Eemstad', 'Noord']),
      'partners.create': (input) => {
        const { name } = input as { name: string }
        if (name === 'Voedselbank')
          return fail({
            code: 'CONFLICT',
            key: 'partnerNameTaken',
            fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: 'Voedselbank' } }],
          })
        return ok({ ...PARTNERS[1], ...(input as object), id: 30, active: true })
      },
    },
  )
}

function renderAs(role: Role = 'coordinator'): UserEvent {
  const user = userEvent.setup()
  render(
    <Providers role={role}>
      <PartnersPage />
    </Providers>,
  )
  return user
}

describe('the sociale kaart page', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('lists the active organisations by area with what they help with and their contact', async () => {
    bridge()
    renderAs()
    const eemstad = await screen.findByRole('region', { name: 'Eemstad' })
    const card = within(eemstad).getByRole('article', { name: 'Schuldhulp Eemstad' })
    expect(card.textContent).toContain('Schuldhulpverlening')
    expect(card.textContent).toContain('Schulden op een rij')
    expect(card.textContent).toContain('Marleen Bosch · 033-555 0101')
    // Without an area: under "Geen gebied", after the areas.
    const regions = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'))
    expect(regions).toEqual(['Eemstad', 'Geen gebied'])
    // The inactive one is hidden until asked for, then shown greyed and marked.
    expect(screen.queryByText('Oude kledingbank')).toBeNull()
  })

  it('shows inactive organisations greyed when asked', async () => {
    const calls = bridge()
    const user = renderAs()
    await screen.findByRole('region', { name: 'Eemstad' })
    await user.click(screen.getByLabelText('Ook organisaties die niet meer gebruikt worden'))
    const old = await screen.findByRole('article', { name: 'Oude kledingbank' })
    expect(old.textContent).toContain('Niet meer in gebruik')
    expect(old.style.opacity).toBe('0.55')
    expect(callsOf(calls, 'partners.list').at(-1)).toMatchObject({ includeInactive: true })
  })

  it('adds an organisation in a dialog, with Dutch messages at the fields first from the form and then from main', async () => {
    const calls = bridge()
    const user = renderAs()
    await user.click(await screen.findByRole('button', { name: 'Organisatie toevoegen' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText(/^Telefoon/), 'bel maar')
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    const name = within(dialog).getByLabelText(/^Naam/)
    await waitFor(() => expect(describedText(name)).toContain('Dit veld is verplicht'))
    expect(describedText(within(dialog).getByLabelText(/^Telefoon/))).toMatch(/telefoonnummer/i)
    expect(callsOf(calls, 'partners.create')).toEqual([])

    await user.clear(within(dialog).getByLabelText(/^Telefoon/))
    await user.type(name, 'Voedselbank')
    await user.click(within(dialog).getByLabelText(/^Soort/))
    await user.click(await screen.findByRole('option', { name: 'Voedselbank', hidden: true }))
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() => expect(describedText(name)).toContain('Voedselbank'))
    expect(callsOf(calls, 'partners.create')).toEqual([
      expect.objectContaining({ name: 'Voedselbank', kind: 'food_bank' }),
    ])
  })

  it('says an area filter also lists the organisations without an area, and keeps the search hint short', async () => {
    const calls = bridge()
    const user = renderAs()
    await screen.findByRole('region', { name: 'Eemstad' })
    expect(screen.getByLabelText('Zoeken').getAttribute('placeholder')).toBe('Naam, gebied of hulp')
    await user.click(screen.getByLabelText('Gebied'))
    await user.click(await screen.findByRole('option', { name: 'Noord', hidden: true }))
    await waitFor(() =>
      expect(callsOf(calls, 'partners.list').at(-1)).toMatchObject({ area: 'Noord' }),
    )
    expect(describedText(screen.getByLabelText('Gebied'))).toContain(
      'zonder gebied: die helpen overal',
    )
  })

  it('offers a volunteer no adding or changing', async () => {
    bridge()
    renderAs('volunteer')
    await screen.findByRole('region', { name: 'Eemstad' })
    expect(screen.queryByRole('button', { name: 'Organisatie toevoegen' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Schuldhulp Eemstad wijzigen' })).toBeNull()
  })
})
