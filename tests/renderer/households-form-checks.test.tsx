// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { notifications } from '@mantine/notifications'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdNewPage } from '../../src/renderer/src/features/shop/households/household-new-page'
import { IntakeNewPage } from '../../src/renderer/src/features/shop/households/intake-new-page'
import { callsOf, describedText, fail, installBridge, ok } from './households-bridge'

const DETAIL = {
  household: {
    id: 5,
    reference: 'H-00005',
    contactName: 'Jan de Vries',
    postcode: '3512 PH',
    city: 'Utrecht',
    members: [],
  },
  restricted: false,
  appointments: [],
  visits: [],
  eligibilityExpired: false,
}

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

function field(label: string, within_: HTMLElement = document.body): HTMLElement {
  return within(within_).getByLabelText(new RegExp(`^${label}( \\*)?$`), {
    selector: 'input, textarea',
  })
}

async function fillRequired(user: UserEvent): Promise<void> {
  await user.type(field('Naam contactpersoon'), 'Fatima El Amrani')
  await user.type(field('Postcode'), '3511ab')
  await user.type(field('Plaats'), 'Utrecht')
  await user.click(field('Inkomensbron'))
  await user.click(await screen.findByRole('option', { name: 'Bijstand', hidden: true }))
  await user.type(field('Toestemming gegeven door'), 'Fatima El Amrani')
}

/** The form's own message area: an alert inside the form, before its buttons. */
function formAlert(): HTMLElement | null {
  const form = screen.getByRole('button', { name: 'Opslaan' }).closest('form')!
  return within(form).queryByRole('alert')
}

beforeEach(() => {
  window.location.hash = '#/households/new'
})

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

describe('intake form: checks at once, with the reason', () => {
  it('refuses a birth year in the future in the form, saying so, before asking main anything', async () => {
    const calls = installBridge({})
    const user = renderWith(<HouseholdNewPage />)
    await fillRequired(user)
    await user.click(screen.getByRole('button', { name: 'Lid toevoegen' }))
    const member = screen.getByRole('group', { name: 'Lid 1' })
    // Main's day is 10-03-2026: 2027 lies in the future.
    await user.type(field('Geboortejaar', member), '2027')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    expect(describedText(field('Geboortejaar', member))).toContain(
      'Dit geboortejaar ligt in de toekomst',
    )
    expect(callsOf(calls, 'households.duplicates')).toEqual([])
    expect(callsOf(calls, 'households.create')).toEqual([])
  })

  it('says a birth year before 1900 is not possible, and keeps a typed minus instead of dropping it', async () => {
    installBridge({})
    const user = renderWith(<HouseholdNewPage />)
    await user.click(screen.getByRole('button', { name: 'Lid toevoegen' }))
    await user.click(screen.getByRole('button', { name: 'Lid toevoegen' }))
    const first = screen.getByRole('group', { name: 'Lid 1' })
    const second = screen.getByRole('group', { name: 'Lid 2' })
    await user.type(field('Geboortejaar', first), '1899')
    await user.type(field('Geboortejaar', second), '-2')
    expect((field('Geboortejaar', second) as HTMLInputElement).value).toBe('-2')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    expect(describedText(field('Geboortejaar', first))).toContain(
      'Een geboortejaar vóór 1900 kan niet',
    )
    expect(describedText(field('Geboortejaar', second))).toContain(
      'Een geboortejaar vóór 1900 kan niet',
    )
  })

  it('says "Niet alles is goed ingevuld" in the form by its buttons, not in a message over them', async () => {
    installBridge({})
    const user = renderWith(<HouseholdNewPage />)
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    expect(formAlert()?.textContent).toBe(
      'Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.',
    )
    expect(document.querySelector('.mantine-Notification-root')).toBeNull()
  })

  it('shows a refusal from main in the form, not as a message over the buttons', async () => {
    installBridge({
      'households.get': () => ok(DETAIL),
      'intakes.create': () => fail({ code: 'NOT_FOUND', key: 'notFound' }),
    })
    window.location.hash = '#/households/5/intake'
    const user = renderWith(<IntakeNewPage householdId={5} />)
    await screen.findByText('Intakegesprek met Jan de Vries (H-00005)')
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))

    await waitFor(() =>
      expect(formAlert()?.textContent).toBe('Niet gevonden. Misschien is het intussen verwijderd.'),
    )
    expect(document.querySelector('.mantine-Notification-root')).toBeNull()
    expect(window.location.hash).toBe('#/households/5/intake')
  })
})

describe('intake form: Annuleren', () => {
  it('asks before throwing away a half-filled intake, and keeps it on "Verder invullen"', async () => {
    const calls = installBridge({})
    const user = renderWith(<HouseholdNewPage />)
    await user.type(field('Naam contactpersoon'), 'Fatima El Amrani')
    await user.click(screen.getByRole('button', { name: 'Annuleren' }))

    const dialog = await screen.findByRole('dialog', { name: 'Stoppen zonder op te slaan?' })
    expect(window.location.hash).toBe('#/households/new')
    await user.click(within(dialog).getByRole('button', { name: 'Verder invullen' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect((field('Naam contactpersoon') as HTMLInputElement).value).toBe('Fatima El Amrani')
    expect(window.location.hash).toBe('#/households/new')

    await user.click(screen.getByRole('button', { name: 'Annuleren' }))
    const again = await screen.findByRole('dialog', { name: 'Stoppen zonder op te slaan?' })
    await user.click(within(again).getByRole('button', { name: 'Stoppen, niet opslaan' }))
    await waitFor(() => expect(window.location.hash).toBe('#/households'))
    expect(callsOf(calls, 'households.create')).toEqual([])
  })

  it('leaves an untouched form at once, without asking', async () => {
    installBridge({})
    const user = renderWith(<HouseholdNewPage />)
    // Main's day arrives and replaces the dates: that is not something the user filled in.
    await waitFor(() =>
      expect((field('Datum intake') as HTMLInputElement).value).toBe('10-03-2026'),
    )
    await user.click(screen.getByRole('button', { name: 'Annuleren' }))
    expect(window.location.hash).toBe('#/households')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('asks on the intake of an existing household too', async () => {
    installBridge({ 'households.get': () => ok(DETAIL) })
    window.location.hash = '#/households/5/intake'
    const user = renderWith(<IntakeNewPage householdId={5} />)
    await screen.findByText('Intakegesprek met Jan de Vries (H-00005)')
    await user.type(field('Notities van het gesprek'), 'Zorgen over de huur')
    await user.click(screen.getByRole('button', { name: 'Annuleren' }))
    expect(await screen.findByRole('dialog', { name: 'Stoppen zonder op te slaan?' })).toBeTruthy()
    expect(window.location.hash).toBe('#/households/5/intake')
  })
})

describe('duplicate warning', () => {
  it('gives the look-alikes room: a wide dialog, references, postcodes and phones on one line', async () => {
    installBridge({
      'households.duplicates': () =>
        ok([
          {
            id: 73,
            reference: 'H-00073',
            contactName: 'Fatima el Amrani-van den Berg',
            postcode: '3511 AB',
            phone: '06-12345678',
            reason: 'postcodeAndName',
          },
        ]),
    })
    const user = renderWith(<HouseholdNewPage />)
    await fillRequired(user)
    await user.click(screen.getByRole('button', { name: 'Opslaan' }))
    const dialog = await screen.findByRole('dialog', {
      name: 'Bestaat dit huishouden al?',
      hidden: true,
    })
    for (const text of ['H-00073', '3511 AB', '06-12345678'])
      expect(within(dialog).getByText(text).style.whiteSpace, text).toBe('nowrap')
  })
})
