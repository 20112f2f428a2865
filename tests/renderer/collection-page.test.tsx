// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { CollectionPage } from '../../src/renderer/src/features/collections/collection-page'
import { CollectionsPage } from '../../src/renderer/src/features/collections/collections-page'
import type { Collection, CollectionCallList } from '../../src/shared/schemas/collections'
import type { Partner } from '../../src/shared/schemas/partners'
import { callsOf, installBridge, ok } from './shop-bridge'

const CURRENT: Collection = {
  id: 3,
  name: 'Voorjaar',
  season: 'spring',
  arrivesOn: '2026-03-01',
  leftOn: null,
  leftTo: null,
  leftNote: null,
  state: 'current',
  toldCount: 0,
}

function partner(id: number, name: string, area: string | null): Partner {
  return {
    id,
    name,
    kind: 'partner_project',
    area,
    contactPerson: null,
    phone: null,
    email: null,
    address: null,
    helpsWith: null,
    active: true,
  }
}

const PARTNERS = [
  partner(11, 'Gemeente Eemstad (regelingen)', 'Eemstad'),
  partner(12, 'Kringloop De Cirkel', null),
]

function callList(collection: Collection): CollectionCallList {
  return {
    collection,
    entries: [
      {
        householdId: 5,
        reference: 'H-00005',
        contactName: 'Jan de Vries',
        phone: '030-1234567',
        email: null,
        district: 'Noord',
        notice: null,
      },
    ],
    counts: { total: 1, told: 0 },
  }
}

function renderPage(collection: Collection): {
  user: UserEvent
  calls: ReturnType<typeof installBridge>
} {
  const calls = installBridge({
    'collections.callList': () => ok(callList(collection)),
    'partners.list': () => ok(PARTNERS),
    'households.districts': () => ok(['Noord']),
    'collections.leave': (input) => {
      const i = input as { date: string; partnerId: number | null; note: string | null }
      return ok({ ...collection, state: 'left', leftOn: i.date, leftNote: i.note })
    },
  })
  const user = userEvent.setup()
  render(
    <Providers role="coordinator">
      <CollectionPage id={collection.id} />
    </Providers>,
  )
  return { user, calls }
}

describe('a collection page', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('offers telling a family as a button with a verb, not a green "Verteld" that reads as a status', async () => {
    renderPage(CURRENT)
    const button = await screen.findByRole('button', {
      name: 'Jan de Vries: verteld over de collectie',
    })
    expect(button.textContent).toBe('Vastleggen…')
    // Outlined like the other buttons, not a light green pill.
    expect(button.getAttribute('data-variant')).toBe('default')
  })

  it('offers "Collectie vertrekt" only once the collection has arrived', async () => {
    renderPage({ ...CURRENT, arrivesOn: '2026-04-01', state: 'coming' })
    await screen.findByText('Jan de Vries')
    expect(screen.getByRole('button', { name: 'Wijzigen' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Collectie vertrekt' })).toBeNull()
    cleanup()
    renderPage(CURRENT)
    expect(await screen.findByRole('button', { name: 'Collectie vertrekt' })).toBeTruthy()
  })

  it('names the partners in the leave dialog as "name · area", without double brackets', async () => {
    const { user } = renderPage(CURRENT)
    await user.click(await screen.findByRole('button', { name: 'Collectie vertrekt' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByLabelText(/^Naar/))
    expect(
      await screen.findByRole('option', {
        name: 'Gemeente Eemstad (regelingen) · Eemstad',
        hidden: true,
      }),
    ).toBeTruthy()
    expect(screen.getByRole('option', { name: 'Kringloop De Cirkel', hidden: true })).toBeTruthy()
    expect(screen.queryByText(/\(Eemstad\)/)).toBeNull()
  })

  it('lets staff correct the departure of a collection that left, starting from what was recorded', async () => {
    const left: Collection = {
      ...CURRENT,
      state: 'left',
      leftOn: '2026-03-05',
      leftTo: { id: 11, name: 'Gemeente Eemstad (regelingen)' },
      leftNote: 'Drie dozen',
    }
    const { user, calls } = renderPage(left)
    expect(await screen.findByTestId('collection-left')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Collectie vertrekt' })).toBeNull()
    // Telling families stays closed.
    expect(screen.queryByRole('button', { name: /verteld over de collectie/ })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Vertrek corrigeren' }))
    const dialog = await screen.findByRole('dialog', { name: 'Vertrek van Voorjaar corrigeren' })
    const note = within(dialog).getByLabelText('Opmerking (optioneel)')
    expect((note as HTMLTextAreaElement).value).toBe('Drie dozen')
    // The partner's name shows once the sociale kaart has loaded for the dialog.
    await waitFor(() =>
      expect((within(dialog).getByLabelText(/^Naar/) as HTMLInputElement).value).toBe(
        'Gemeente Eemstad (regelingen) · Eemstad',
      ),
    )
    await user.clear(note)
    await user.type(note, 'Vier dozen')
    await user.click(within(dialog).getByRole('button', { name: 'Correctie opslaan' }))
    await waitFor(() =>
      expect(callsOf(calls, 'collections.leave')).toEqual([
        { id: 3, date: '2026-03-05', partnerId: 11, note: 'Vier dozen' },
      ]),
    )
    expect(await screen.findByText('Het vertrek van Voorjaar is gecorrigeerd.')).toBeTruthy()
  })
})

describe('the collections page', () => {
  afterEach(() => cleanup())

  it('says an empty section in Dutch, not "No records"', async () => {
    installBridge({ 'collections.list': () => ok([CURRENT]) })
    render(
      <Providers role="coordinator">
        <CollectionsPage />
      </Providers>,
    )
    await screen.findByRole('link', { name: 'Voorjaar' })
    expect(screen.queryByText('No records')).toBeNull()
    expect(screen.getAllByText('Geen collecties.').length).toBeGreaterThan(0)
  })
})
