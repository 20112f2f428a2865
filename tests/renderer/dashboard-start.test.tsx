// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import { TestProviders as Providers } from './session'
import { DashboardPage } from '../../src/renderer/src/features/shop/dashboard/dashboard-page'
import type { Role } from '../../src/shared/schemas/accounts'
import { TODAY, callsOf, dashboard, installBridge, ok } from './shop-bridge'
import type { Handler } from './fake-bridge'

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

function renderAs(role: Role): ReturnType<typeof userEvent.setup> {
  const user = userEvent.setup()
  render(
    <Providers role={role}>
      <DashboardPage />
    </Providers>,
  )
  return user
}

describe('dashboard on opening', () => {
  it('asks main once, also when React mounts it twice (strict mode, as main.tsx renders it)', async () => {
    window.location.hash = '#/'
    const calls = installBridge()
    render(
      <StrictMode>
        <Root />
      </StrictMode>,
    )
    await screen.findByRole('heading', { name: 'Vandaag', level: 2 })
    await new Promise((r) => setTimeout(r, 300))
    expect(callsOf(calls, 'shop.dashboard')).toHaveLength(1)
  })
})

/** Main's count of the first steps: the given ones done. */
function stepsDone(...done: string[]): Handler {
  const steps = ['halfDays', 'accounts', 'intake'].map((key) => ({ key, done: done.includes(key) }))
  return () => ok({ show: !(done.includes('halfDays') && done.includes('intake')), steps })
}

describe('a new, empty installation', () => {
  it('tells a beheerder what to do first, in order, with a way to each', async () => {
    installBridge({ 'shop.dashboard': () => ok(dashboard()), 'firstSteps.get': stepsDone() })
    const user = renderAs('admin')
    const steps = await screen.findByRole('region', { name: 'Eerste stappen' })
    expect(screen.queryByText(/de winkel niet open/)).toBeNull()
    const items = within(steps).getAllByRole('listitem')
    expect(items.map((li) => within(li).getByRole('button').textContent)).toEqual([
      'Dagdelen aanmaken',
      'Accounts toevoegen',
      'Eerste intake',
    ])
    await user.click(within(steps).getByRole('button', { name: 'Dagdelen aanmaken' }))
    expect(window.location.hash).toBe('#/appointments')
  })

  it('ticks the steps main counts done, and shows none once the shop has run', async () => {
    installBridge({
      'shop.dashboard': () => ok(dashboard()),
      'firstSteps.get': stepsDone('accounts'),
    })
    renderAs('admin')
    const steps = await screen.findByRole('region', { name: 'Eerste stappen' })
    const items = within(steps).getAllByRole('listitem')
    expect(items.map((li) => within(li).getByRole('img').getAttribute('aria-label'))).toEqual([
      'nog te doen',
      'gedaan',
      'nog te doen',
    ])
    cleanup()
    installBridge({
      'shop.dashboard': () => ok(dashboard()),
      'firstSteps.get': stepsDone('halfDays', 'intake'),
    })
    renderAs('admin')
    await screen.findByText(/de winkel niet open/)
    expect(screen.queryByRole('region', { name: 'Eerste stappen' })).toBeNull()
  })

  it('offers a coordinator only the steps a coordinator may take', async () => {
    installBridge({ 'shop.dashboard': () => ok(dashboard()), 'firstSteps.get': stepsDone() })
    renderAs('coordinator')
    const steps = await screen.findByRole('region', { name: 'Eerste stappen' })
    expect(within(steps).getByRole('button', { name: 'Dagdelen aanmaken' })).toBeTruthy()
    expect(within(steps).getByRole('button', { name: 'Eerste intake' })).toBeTruthy()
    expect(within(steps).queryByRole('button', { name: 'Accounts toevoegen' })).toBeNull()
  })

  it('tells the counter whom to ask', async () => {
    installBridge({ 'shop.dashboard': () => ok(dashboard()) })
    renderAs('volunteer')
    const steps = await screen.findByRole('region', { name: 'Eerste stappen' })
    expect(within(steps).getByText(/Vraag de coördinator/)).toBeTruthy()
    expect(within(steps).queryByRole('button')).toBeNull()
  })

  it('keeps "not open today" for a shop that has half-days later on', async () => {
    installBridge({
      'shop.dashboard': () =>
        ok(
          dashboard({
            week: {
              from: TODAY,
              to: '2026-03-16',
              freeTotal: 5,
              slots: [
                { id: 3, date: '2026-03-12', part: 'morning', capacity: 5, booked: 0, free: 5 },
              ],
            },
          }),
        ),
    })
    renderAs('coordinator')
    expect(await screen.findByText(/Vandaag is de winkel niet open/)).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Eerste stappen' })).toBeNull()
  })
})

it('keeps a reference such as H-00073 whole in "Recht verloopt binnenkort"', async () => {
  installBridge({
    'shop.dashboard': () =>
      ok(
        dashboard({
          expiring: [
            {
              id: 73,
              reference: 'H-00073',
              contactName: 'Marieke van den Bosch-Hoogeveen',
              postcode: '1240 NP',
              city: 'Alkmaar',
              district: null,
              phone: null,
              status: 'active',
              eligibleUntil: '2026-03-31',
              lastVisitOn: null,
              childCount: 1,
            },
          ],
        }),
      ),
  })
  renderAs('coordinator')
  const card = await screen.findByRole('region', { name: 'Recht verloopt binnenkort' })
  expect(within(card).getByText('H-00073').style.whiteSpace).toBe('nowrap')
})
