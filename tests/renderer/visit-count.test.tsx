// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { VisitNewPage } from '../../src/renderer/src/features/shop/visits/visit-new-page'
import { callsOf, describedText, installBridge, ok } from './shop-bridge'

afterEach(() => {
  cleanup()
  notifications.clean()
})

const HOUSEHOLD = {
  id: 2,
  reference: 'H-00002',
  contactName: 'Jan de Vries',
  postcode: '1235 CD',
  city: 'Heerhugowaard',
  eligibleUntil: '2026-12-31',
  members: [],
}

it('refuses "-2" items at the field instead of silently saving 2', async () => {
  window.location.hash = '#/visits/new?household=2'
  const calls = installBridge({
    'households.get': () =>
      ok({
        household: HOUSEHOLD,
        restricted: false,
        appointments: [],
        visits: [],
        eligibilityExpired: false,
      }),
  })
  const user = userEvent.setup()
  render(
    <Providers>
      <VisitNewPage householdId={2} />
    </Providers>,
  )
  const shoes = await screen.findByLabelText('Schoenen')
  await user.clear(shoes)
  await user.type(shoes, '-2')
  await user.tab()
  expect((shoes as HTMLInputElement).value).toBe('-2')
  await user.click(screen.getByRole('button', { name: 'Bezoek opslaan' }))

  expect(describedText(shoes)).toContain('Vul 0 of meer in, geen negatief getal')
  expect(callsOf(calls, 'visits.check')).toEqual([])
  expect(callsOf(calls, 'visits.register')).toEqual([])
})
