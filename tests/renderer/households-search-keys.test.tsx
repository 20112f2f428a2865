// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdsPage } from '../../src/renderer/src/features/shop/households/households-page'
import type { HouseholdSummary } from '../../src/shared/schemas/household'
import { installBridge, ok } from './households-bridge'

function summary(id: number, contactName: string): HouseholdSummary {
  return {
    id,
    reference: `H-${String(id).padStart(5, '0')}`,
    contactName,
    postcode: '3511 AB',
    city: 'Utrecht',
    district: null,
    phone: null,
    status: 'active',
    eligibleUntil: '2027-01-31',
    lastVisitOn: null,
    childCount: 0,
  }
}

const ALL = [summary(3, 'Fatima El Amrani'), summary(4, 'Jan de Vries'), summary(7, 'Jan Jansen')]

/** Main's search, roughly: the names that contain what was typed. */
function search(input: unknown): ReturnType<typeof ok> {
  const q = ((input as { query: string }).query ?? '').toLowerCase()
  const rows = ALL.filter((h) => h.contactName.toLowerCase().includes(q))
  return ok({ rows, total: rows.length })
}

function renderPage(): UserEvent {
  const user = userEvent.setup()
  render(
    <Providers role="coordinator">
      <HouseholdsPage />
    </Providers>,
  )
  return user
}

const searchField = (): HTMLElement => screen.getByRole('searchbox', { name: /^Zoeken/ })

beforeEach(() => {
  window.location.hash = '#/households'
})
afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

describe('households search with the keyboard', () => {
  it('opens the only result on Enter, even when Enter comes before the answer', async () => {
    installBridge({ 'households.search': search })
    const user = renderPage()
    await screen.findByText('Jan Jansen')
    await user.type(searchField(), 'fatima{Enter}')
    await waitFor(() => expect(window.location.hash).toBe('#/households/3'))
  })

  it('does not guess on Enter when several families match', async () => {
    installBridge({ 'households.search': search })
    const user = renderPage()
    await user.type(searchField(), 'jan')
    await waitFor(() => expect(screen.queryByText('Fatima El Amrani')).toBeNull())
    await user.keyboard('{Enter}')
    await new Promise((r) => setTimeout(r, 100))
    expect(window.location.hash).toBe('#/households')
  })

  it('moves through the results with the arrow keys and opens the chosen one on Enter', async () => {
    installBridge({ 'households.search': search })
    const user = renderPage()
    await user.type(searchField(), 'jan')
    await waitFor(() => expect(screen.queryByText('Fatima El Amrani')).toBeNull())
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const second = screen.getByRole('row', { name: /Jan Jansen/ })
    expect(second.getAttribute('aria-selected')).toBe('true')
    expect(searchField().getAttribute('aria-activedescendant')).toBe(second.id)
    expect(screen.getByRole('row', { name: /Jan de Vries/ }).getAttribute('aria-selected')).toBe(
      'false',
    )
    // Up goes back; up from the first returns to typing.
    await user.keyboard('{ArrowUp}')
    expect(screen.getByRole('row', { name: /Jan de Vries/ }).getAttribute('aria-selected')).toBe(
      'true',
    )
    await user.keyboard('{ArrowDown}{Enter}')
    await waitFor(() => expect(window.location.hash).toBe('#/households/7'))
  })
})
