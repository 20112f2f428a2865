// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SettingsPage } from '../../src/renderer/src/features/shop/settings/settings-page'
import { TestProviders } from './session'
import { installBridge, ok } from './shop-bridge'

afterEach(() => {
  cleanup()
  delete window.api
})

async function cardTitles(role: 'admin' | 'coordinator'): Promise<string[]> {
  installBridge({
    'organisation.get': () => ok({ name: 'Stichting Dichtbij', logo: null }),
    'lists.list': () => ok([]),
  })
  render(
    <TestProviders role={role}>
      <SettingsPage />
    </TestProviders>,
  )
  await screen.findByRole('heading', { name: 'Wat vrijwilligers mogen' })
  return screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent ?? '')
}

describe('the settings page', () => {
  it('shows the admin "Wat vrijwilligers mogen" right after the organisation, before the shop form', async () => {
    const titles = await cardTitles('admin')
    expect(titles.slice(0, 3)).toEqual(['Organisatie', 'Wat vrijwilligers mogen', 'Kledingwinkel'])
  })

  it('shows a coordinator the switches first', async () => {
    const titles = await cardTitles('coordinator')
    expect(titles[0]).toBe('Wat vrijwilligers mogen')
  })
})
