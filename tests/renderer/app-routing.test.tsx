// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Root } from '../../src/renderer/src/root'
import { matchPath, recordId } from '../../src/renderer/src/router'
import { callsOf, installBridge, ok } from './shop-bridge'

const NOT_FOUND = 'Niet gevonden. Misschien is het intussen verwijderd.'
const INTERNAL = /^Er ging iets mis\. Probeer het opnieuw/

function renderApp(hash: string): ReturnType<typeof userEvent.setup> {
  window.location.hash = hash
  const user = userEvent.setup()
  render(<Root />)
  return user
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  delete window.api
})

describe('matchPath', () => {
  it('matches nothing for a segment that cannot be decoded, instead of throwing', () => {
    expect(() => matchPath('/households/:id', '/households/%E0')).not.toThrow()
    expect(matchPath('/households/:id', '/households/%E0')).toBeNull()
    expect(matchPath('/households/:id/edit', '/households/%E0%A4/edit')).toBeNull()
    expect(matchPath('/appointments/day/:date', '/appointments/day/2026-03-10')).toEqual({
      date: '2026-03-10',
    })
    expect(matchPath('/visits/new', '/visits/new?household=2')).toEqual({ household: '2' })
  })

  it('takes only positive whole numbers as record ids', () => {
    expect(recordId('12')).toBe(12)
    for (const bad of ['abc', '1e3', '0', '-1', '1.5', ' 1', '', undefined])
      expect(recordId(bad), String(bad)).toBeNull()
  })
})

describe('app routes', () => {
  it('shows "Niet gevonden" for #/households/%E0 and keeps the menu', async () => {
    installBridge()
    renderApp('#/households/%E0')
    expect(await screen.findByText(NOT_FOUND)).toBeTruthy()
    expect(
      within(screen.getByRole('navigation')).getByRole('link', { name: 'Huishoudens' }),
    ).toBeTruthy()
  })

  it.each(['#/households/abc', '#/households/abc/edit', '#/households/1e3/intake'])(
    'shows "Niet gevonden" for %s without asking main for a household',
    async (hash) => {
      const calls = installBridge()
      renderApp(hash)
      expect(await screen.findByText(NOT_FOUND)).toBeTruthy()
      expect(callsOf(calls, 'households.get')).toEqual([])
    },
  )

  it('catches a page that fails, says so in Dutch, and lets the user go on', async () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {})
    installBridge({ 'households.get': () => ok({ household: null }) })
    const user = renderApp('#/households/5')

    expect((await screen.findByRole('alert')).textContent).toMatch(INTERNAL)
    expect(screen.getByRole('navigation')).toBeTruthy()

    await user.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Vandaag' }))
    expect(await screen.findByRole('heading', { name: 'Vandaag', level: 2 })).toBeTruthy()
    expect(screen.queryByText(INTERNAL)).toBeNull()

    // Back to the failing page: it fails again, and is caught again.
    await act(async () => {
      window.location.hash = '#/households/5'
    })
    expect((await screen.findByRole('alert')).textContent).toMatch(INTERNAL)
  })
})
