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

// Main sends the first 100 of each list and how many there are in all.
const waiting = Array.from({ length: 100 }, (_, i) => ({
  personId: i + 1,
  reference: `D-${String(i + 1).padStart(5, '0')}`,
  name: `Wachter ${i + 1}`,
  registeredOn: '2026-01-05',
  days: 334,
}))
const trials = Array.from({ length: 100 }, (_, i) => ({
  placementId: i + 1,
  personId: 500 + i,
  reference: `D-${String(500 + i).padStart(5, '0')}`,
  name: `Tess ${i + 1}`,
  vacancyTitle: 'Kassa',
  hostName: 'Kringloop',
  trialEndsOn: '2026-12-10',
}))
const DASHBOARD: VolunteersDashboard = {
  date: '2026-12-05',
  counts: { waitingForIntake: 2259, trialsEnding: 103, contactsDue: 0 },
  waitingForIntake: waiting,
  trialsEnding: trials,
  hoursMissing: { month: '2026-11', count: 63, total: 1166 },
  contactsDue: [],
  contactsDueUntil: '2026-12-12',
}

describe('the volunteers dashboard at a busy organisation', () => {
  it('shows the real count of each list, how many are shown, and where all of them are', async () => {
    installFakeBridge({ 'volunteers.dashboard': () => ok(DASHBOARD) }, {})
    render(
      <TestProviders role="coordinator">
        <VolunteersDashboardPage />
      </TestProviders>,
    )
    const card = await screen.findByRole('region', { name: 'Wachten op intake' })
    expect(within(card).getByText('2.259')).toBeTruthy()
    expect(within(card).getByText('12 van 2.259 getoond')).toBeTruthy()
    expect(
      within(card)
        .getByRole('link', { name: 'Iedereen die wacht, in de lijst deelnemers' })
        .getAttribute('href'),
    ).toBe('#/volunteers/people?status=registered&waitingSince=2026-12-05')
    expect(within(card).queryByText('100')).toBeNull()

    const trialsCard = screen.getByRole('region', { name: 'Proefperiode loopt af binnen 14 dagen' })
    expect(within(trialsCard).getByText('103')).toBeTruthy()
    expect(within(trialsCard).getByText('100 van 103 getoond')).toBeTruthy()
    expect(
      within(trialsCard).getByRole('link', { name: 'Alle proefperiodes bij Koppelingen' }),
    ).toBeTruthy()

    // A list shown whole says nothing more.
    const contacts = screen.getByRole('region', {
      name: 'Contact gepland: te laat of binnen 7 dagen',
    })
    expect(within(contacts).queryByTestId('dashboard-shown-of')).toBeNull()
  })
})
