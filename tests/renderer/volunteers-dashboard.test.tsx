// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { VolunteersDashboardPage } from '../../src/renderer/src/features/volunteers/dashboard-page'
import type { VolunteersDashboard } from '../../src/shared/schemas/volunteers-followup'
import { installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'

afterEach(() => {
  cleanup()
  delete window.api
})

// Saturday 5 December: the rolling week runs to Saturday 12 December.
const DASHBOARD: VolunteersDashboard = {
  date: '2026-12-05',
  counts: { waitingForIntake: 0, trialsEnding: 0, contactsDue: 2 },
  waitingForIntake: [],
  trialsEnding: [],
  hoursMissing: { month: '2026-11', count: 0, total: 0 },
  contactsDue: [
    {
      personId: 7,
      reference: 'D-00007',
      name: 'Olga Visser',
      nextOn: '2026-11-20',
      lastContactOn: '2026-11-01',
      overdue: true,
    },
    {
      personId: 8,
      reference: 'D-00008',
      name: 'Wim Bos',
      nextOn: '2026-12-09',
      lastContactOn: '2026-11-25',
      overdue: false,
    },
  ],
  contactsDueUntil: '2026-12-12',
}

describe('the volunteers dashboard', () => {
  it('names the contacts card after the coming 7 days and says up to which day', async () => {
    installFakeBridge({ 'volunteers.dashboard': () => ok(DASHBOARD) }, {})
    render(
      <TestProviders role="coordinator">
        <VolunteersDashboardPage />
      </TestProviders>,
    )
    const card = await screen.findByRole('region', {
      name: 'Contact gepland: te laat of binnen 7 dagen',
    })
    expect(within(card).getByText(/tot en met 12-12-2026/)).toBeTruthy()
    expect(within(card).getByRole('link', { name: 'Wim Bos' })).toBeTruthy()
    expect(within(card).getByText('contact 09-12-2026')).toBeTruthy()
    expect(within(card).getAllByText('te laat')).toHaveLength(1)
    expect(screen.queryByText(/deze week/)).toBeNull()
  })
})
