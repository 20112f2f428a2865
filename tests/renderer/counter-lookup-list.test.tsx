// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdsPage } from '../../src/renderer/src/features/shop/households/households-page'
import type { HouseholdSummary } from '../../src/shared/schemas/household'
import { callsOf, installBridge, ok } from './households-bridge'

function summary(i: number): HouseholdSummary {
  return {
    id: 100 + i,
    reference: `H-00${100 + i}`,
    contactName: `Jansen ${String.fromCharCode(65 + i)}`,
    postcode: '3511 AB',
    city: 'Utrecht',
    district: 'Oost',
    phone: null,
    status: 'active',
    eligibleUntil: null,
    eligibility: 'valid',
    lastVisitOn: null,
    childCount: 1,
  }
}

afterEach(() => {
  cleanup()
  notifications.clean()
})

describe('the counter looks a family up', () => {
  it('asks main for one page of 10, shows no paging, and says to type more when there are more', async () => {
    const calls = installBridge({
      'households.search': (input) => {
        const { query, limit } = input as { query: string; limit: number }
        const all = query.length >= 2 ? Array.from({ length: 14 }, (_, i) => summary(i)) : []
        return ok({ rows: all.slice(0, limit), total: all.length })
      },
    })
    window.location.hash = '#/households'
    const user = userEvent.setup()
    render(
      <Providers role="volunteer">
        <HouseholdsPage />
      </Providers>,
    )
    await user.type(screen.getByLabelText('Zoeken'), 'jansen')
    expect(
      await screen.findByText(
        '14 huishoudens gevonden; u ziet de eerste 10. Typ meer van de naam, of de postcode of het telefoonnummer.',
      ),
    ).toBeTruthy()
    await waitFor(() => expect(screen.getAllByText(/^Jansen [A-Z]$/)).toHaveLength(10))
    expect(screen.queryByRole('button', { name: /Volgende pagina/ })).toBeNull()
    expect(screen.queryByText(/van 14/)).toBeNull()
    for (const input of callsOf(calls, 'households.search'))
      expect(input).toMatchObject({ limit: 10, offset: 0 })

    // A row still opens the household.
    await user.click(screen.getByText('Jansen C'))
    expect(window.location.hash).toBe('#/households/102')
  })
})
