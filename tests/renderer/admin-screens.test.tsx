// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import { UsersPage } from '../../src/renderer/src/features/accounts/users/users-page'
import { OrganisationForm } from '../../src/renderer/src/features/accounts/organisation/organisation-form'
import type { Organisation, UserAccount } from '../../src/shared/schemas/accounts'
import { callsOf, installFakeBridge, ok } from './fake-bridge'
import { sessionOf, TestProviders } from './session'

function renderPage(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<TestProviders role="admin">{ui}</TestProviders>)
  return user
}

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

const USERS: UserAccount[] = [
  {
    id: 1,
    username: 'beheer',
    displayName: 'Anneke Beheer',
    role: 'admin',
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2026-01-01T09:00:00.000Z',
  },
  {
    id: 4,
    username: 'piet',
    displayName: 'Piet Balie',
    role: 'volunteer',
    active: true,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
  },
  {
    id: 5,
    username: 'oud',
    displayName: 'Oud Account',
    role: 'coordinator',
    active: false,
    mustChangePassword: false,
    lastLoginAt: null,
    createdAt: '2025-01-01T09:00:00.000Z',
  },
]

/** The parts an input's aria-describedby points at, by kind (Mantine's id suffixes). */
function described(input: HTMLElement, kind: 'description' | 'error'): string | null {
  const id = (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .find((i) => i.endsWith(`-${kind}`))
  return id ? (document.getElementById(id)?.textContent ?? null) : null
}

describe('users screen', () => {
  it('labels each action on an account with words, not only an icon', async () => {
    installFakeBridge({ 'users.list': () => ok(USERS) }, {})
    renderPage(<UsersPage />)
    await screen.findByText('Piet Balie')
    const piet = screen.getByText('Piet Balie').closest('tr') as HTMLElement
    const visible = (name: string): string =>
      within(piet).getByRole('button', { name }).textContent ?? ''
    expect(visible('Piet Balie wijzigen')).toBe('Wijzigen')
    expect(visible('Wachtwoord van Piet Balie resetten')).toBe('Wachtwoord resetten')
    expect(visible('Piet Balie uitschakelen')).toBe('Uitschakelen')
    const old = screen.getByText('Oud Account').closest('tr') as HTMLElement
    expect(within(old).getByRole('button', { name: 'Oud Account inschakelen' }).textContent).toBe(
      'Inschakelen',
    )
  })

  it('gives the username hint the rule and its error what is wrong, consistent with it', async () => {
    installFakeBridge({ 'users.list': () => ok(USERS) }, {})
    const user = renderPage(<UsersPage />)
    await screen.findByText('Piet Balie')
    await user.click(screen.getByRole('button', { name: 'Nieuwe gebruiker' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nieuwe gebruiker' })
    const name = within(dialog).getByLabelText(/^Gebruikersnaam/, { selector: 'input' })
    const hint = described(name, 'description')
    expect(hint).toContain('3 tot 40 tekens')
    await user.type(name, 'jan de vries')
    await user.click(within(dialog).getByRole('button', { name: 'Gebruiker aanmaken' }))
    // The hint names the rule (no spaces); the error says which part of it was broken.
    expect(hint).toContain('zonder spaties')
    await waitFor(() =>
      expect(described(name, 'error')).toBe(
        'Geen spaties in een gebruikersnaam; bijvoorbeeld anja.devries',
      ),
    )
  })
})

describe('organisation profile in the settings', () => {
  const ORG: Organisation = {
    name: 'Kledingbank Test',
    address: 'Kerkstraat 1',
    postcode: '8261 AB',
    city: 'Kampen',
    logo: null,
  }

  it('refuses "123AB" at the postcode field without saving', async () => {
    const calls = installFakeBridge(
      { 'organisation.get': () => ok(ORG) },
      { 'organisation.update': (input) => ok({ ...ORG, ...(input as object) }) },
    )
    const user = renderPage(<OrganisationForm />)
    const postcode = (await screen.findByLabelText('Postcode (optioneel)', {
      selector: 'input',
    })) as HTMLInputElement
    await user.clear(postcode)
    await user.type(postcode, '123AB')
    await user.click(screen.getByRole('button', { name: 'Organisatie opslaan' }))
    await waitFor(() =>
      expect(described(postcode, 'error')).toBe('Geen geldige postcode (1234 AB)'),
    )
    expect(callsOf(calls, 'organisation.update')).toEqual([])

    await user.clear(postcode)
    await user.type(postcode, '8262cd')
    await user.click(screen.getByRole('button', { name: 'Organisatie opslaan' }))
    await waitFor(() => expect(callsOf(calls, 'organisation.update')).toHaveLength(1))
  })
})

describe('organisation postcode at setup', () => {
  it('refuses "123AB" at the field before anything is sent, and sends "1234 AB" written any way', async () => {
    const calls = installFakeBridge(
      {},
      {
        'setup.status': () => ok({ needsSetup: true, organisationName: null, canRestore: false }),
        'setup.create': () => ok(sessionOf('admin')),
      },
    )
    window.location.hash = '#/'
    const user = userEvent.setup()
    render(<Root />)
    await screen.findByRole('heading', { name: 'Dichtbij instellen' })
    const input = (label: RegExp): HTMLElement =>
      screen.getByLabelText(label, { selector: 'input:not([type=radio]):not([type=file])' })
    await user.type(input(/^Naam van de organisatie/), 'Kledingbank Zuid')
    await user.type(input(/^Postcode/), '123AB')
    await user.type(input(/^Gebruikersnaam/), 'anneke')
    await user.type(input(/^Naam( \*)?$/), 'Anneke Beheer')
    await user.type(input(/^Wachtwoord( \*)?$/), 'paarse olifant op de fiets')
    await user.type(input(/^Herhaal het wachtwoord/), 'paarse olifant op de fiets')
    await user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    await waitFor(() =>
      expect(described(input(/^Postcode/), 'error')).toBe('Geen geldige postcode (1234 AB)'),
    )
    expect(callsOf(calls, 'setup.create')).toEqual([])

    await user.clear(input(/^Postcode/))
    await user.type(input(/^Postcode/), '3512ph')
    await user.click(screen.getByRole('button', { name: 'Instellen en aanmelden' }))
    await waitFor(() => expect(callsOf(calls, 'setup.create')).toHaveLength(1))
  })
})
