// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { SettingsPage } from '../../src/renderer/src/features/shop/settings/settings-page'
import type { ListItem } from '../../src/shared/schemas/lists'
import { SETTINGS, callsOf, describedText, fail, installBridge, ok } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

const LISTS: Record<string, ListItem[]> = {
  topic: [{ id: 1, kind: 'topic', name: 'Opvoeding', active: true }],
  category: [
    { id: 21, kind: 'category', name: 'Kleding', active: true },
    { id: 24, kind: 'category', name: 'Babyspullen', active: false },
  ],
}

function listsBridge(): ReturnType<typeof installBridge> {
  return installBridge({
    'lists.list': (input) => ok(LISTS[(input as { kind: string }).kind]),
    'settings.update': (input) => ok({ ...SETTINGS, ...(input as object) }),
    'lists.create': (input) => {
      const { name } = input as { name: string }
      if (name === 'Kleding')
        return fail({
          code: 'CONFLICT',
          key: 'listNameTaken',
          fields: [{ path: 'name', key: 'nameTaken' }],
        })
      return ok({ id: 30, kind: 'category', name, active: true })
    },
    'lists.update': (input) => ok({ kind: 'category', ...(input as object) }),
  })
}

describe('settings page', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('refuses a negative number at the field instead of quietly making it positive', async () => {
    const calls = listsBridge()
    const user = renderWith(<SettingsPage />)
    const capacity = (await screen.findByLabelText(/^Plaatsen per dagdeel/, {
      selector: 'input',
    })) as HTMLInputElement
    await user.clear(capacity)
    await user.type(capacity, '-5')
    expect(capacity.value).toBe('-5')
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }))
    expect(describedText(capacity)).toMatch(/1/)
    expect(callsOf(calls, 'settings.update')).toEqual([])
  })

  it('shows the shop settings, refuses an emptied field and saves the rest', async () => {
    const calls = listsBridge()
    const user = renderWith(<SettingsPage />)
    const capacity = (await screen.findByLabelText(/^Plaatsen per dagdeel/, {
      selector: 'input',
    })) as HTMLInputElement
    expect(capacity.value).toBe('5')
    expect(
      (screen.getByLabelText(/^Uitnodigen na \(dagen\)/, { selector: 'input' }) as HTMLInputElement)
        .value,
    ).toBe('56')
    expect((screen.getByLabelText('Weekdag (regel 5)') as HTMLInputElement).value).toBe('Zaterdag')

    await user.clear(capacity)
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }))
    expect(describedText(capacity)).toContain('Dit veld is verplicht')
    expect(callsOf(calls, 'settings.update')).toEqual([])

    await user.type(capacity, '4')
    await user.click(screen.getByRole('button', { name: 'Regel 1 verwijderen' }))
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }))
    await waitFor(() => expect(callsOf(calls, 'settings.update')).toHaveLength(1))
    // The numbers form sends its own fields only: the volunteer switches have their own card.
    const { volunteerMayBook, volunteerMayRecordConversation, volunteerMaySeeHistory, ...numbers } =
      SETTINGS
    void [volunteerMayBook, volunteerMayRecordConversation, volunteerMaySeeHistory]
    expect(callsOf(calls, 'settings.update')[0]).toEqual({
      ...numbers,
      defaultCapacity: 4,
      slotTemplate: SETTINGS.slotTemplate.slice(1),
    })
    expect(await screen.findByText('De instellingen zijn opgeslagen.')).toBeTruthy()
  })

  it('refuses the same weekday and half-day twice in the weekly template', async () => {
    const calls = listsBridge()
    const user = renderWith(<SettingsPage />)
    await screen.findByLabelText('Weekdag (regel 1)')
    await user.click(screen.getByRole('button', { name: 'Regel toevoegen' }))
    await user.click(screen.getByLabelText('Dagdeel (regel 6)'))
    await user.click(await screen.findByRole('option', { name: 'Ochtend', hidden: true }))
    await user.click(screen.getByRole('button', { name: 'Instellingen opslaan' }))
    // The new row repeats the last weekday (Zaterdag), whose morning is already in the template.
    expect(await screen.findByText('Dit dagdeel staat er al in')).toBeTruthy()
    expect(callsOf(calls, 'settings.update')).toEqual([])
  })

  it('manages the lists: add (with the Dutch "name taken"), rename, switch on and off', async () => {
    const calls = listsBridge()
    const user = renderWith(<SettingsPage />)
    expect(await screen.findByRole('region', { name: 'Gespreksonderwerpen' })).toBeTruthy()
    // Referral destinations are no managed list any more: the page points to the sociale kaart.
    expect(screen.queryByRole('region', { name: 'Verwijsbestemmingen' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Naar de sociale kaart' }).getAttribute('href')).toBe(
      '#/partners',
    )
    const categories = screen.getByRole('region', { name: 'Categorieën' })
    await within(categories).findByText('Kleding')
    const row = (name: string): HTMLElement =>
      within(categories)
        .getAllByRole('listitem')
        .find((li) => li.textContent?.includes(name)) as HTMLElement

    const input = within(categories).getByLabelText('Nieuwe categorie')
    await user.type(input, 'Kleding')
    await user.click(within(categories).getByRole('button', { name: 'Toevoegen' }))
    await waitFor(() => expect(describedText(input)).toContain('Deze naam bestaat al'))
    await user.clear(input)
    await user.type(input, 'Boeken')
    await user.click(within(categories).getByRole('button', { name: 'Toevoegen' }))
    await waitFor(() =>
      expect(callsOf(calls, 'lists.create')).toEqual([
        { kind: 'category', name: 'Kleding' },
        { kind: 'category', name: 'Boeken' },
      ]),
    )

    expect(within(row('Babyspullen')).getByText('Inactief')).toBeTruthy()
    await user.click(within(row('Babyspullen')).getByRole('button', { name: 'Aanzetten' }))
    await user.click(within(row('Kleding')).getByRole('button', { name: 'Naam wijzigen' }))
    const rename = within(categories).getByLabelText('Nieuwe naam voor Kleding')
    await user.clear(rename)
    await user.type(rename, 'Kinderkleding')
    await user.click(within(categories).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() =>
      expect(callsOf(calls, 'lists.update')).toEqual([
        { id: 24, name: 'Babyspullen', active: true },
        { id: 21, name: 'Kinderkleding', active: true },
      ]),
    )
  })
})

it('keeps the list cards within the width of the settings cards above them', async () => {
  listsBridge()
  renderWith(<SettingsPage />)
  const list = await screen.findByRole('region', { name: 'Gespreksonderwerpen' })
  const shop = screen.getByRole('region', { name: 'Kledingwinkel' })
  // The nearest box around the lists that limits their width.
  let box: HTMLElement | null = list
  while (box && !box.style.maxWidth) box = box.parentElement
  expect(shop.style.maxWidth).not.toBe('')
  expect(box?.style.maxWidth).toBe(shop.style.maxWidth)
})
