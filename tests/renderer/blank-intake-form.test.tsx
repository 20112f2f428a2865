// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdsPage } from '../../src/renderer/src/features/shop/households/households-page'
import type { Role } from '../../src/shared/schemas/accounts'
import { callsOf, installBridge, ok } from './households-bridge'

/** What main answers: a ticket for the PDF it wrote, never the bytes. */
const TICKET = {
  ticket: 'B'.repeat(43),
  filename: 'aanmeldformulier-2026-03-10.pdf',
  mime: 'application/pdf',
  sizeBytes: 31_000,
}

function renderAs(role: Role): UserEvent {
  const user = userEvent.setup()
  render(
    <Providers role={role}>
      <HouseholdsPage />
    </Providers>,
  )
  return user
}

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

describe('Leeg aanmeldformulier afdrukken', () => {
  it.each<Role>(['volunteer', 'coordinator'])(
    'lets the %s save the blank form main made, by its ticket',
    async (role) => {
      const calls = installBridge({
        'households.search': () => ok({ rows: [], total: 0 }),
        'intakes.blankForm': () => ok(TICKET),
      })
      const user = renderAs(role)
      await user.click(
        await screen.findByRole('button', { name: 'Leeg aanmeldformulier afdrukken' }),
      )
      await waitFor(() => expect(callsOf(calls, 'save')).toEqual([TICKET.ticket]))
      expect(callsOf(calls, 'intakes.blankForm')).toEqual([{}])
      expect(
        await screen.findByText('Aanmeldformulier opgeslagen als aanmeldformulier-2026-03-10.pdf'),
      ).toBeTruthy()
    },
  )
})
