// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { notifications } from '@mantine/notifications'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdNewPage } from '../../src/renderer/src/features/shop/households/household-new-page'
import type { DuplicateCandidate } from '../../src/shared/schemas/household'
import {
  MAIN_TODAY,
  callsOf,
  describedText,
  fail,
  installBridge,
  ok,
  type RecordedCall,
} from './households-bridge'

const REQUIRED = 'Dit veld is verplicht'

const CANDIDATE: DuplicateCandidate = {
  id: 7,
  reference: 'H-00007',
  contactName: 'Fatima el Amrani',
  postcode: '3511 AB',
  phone: '06-12345678',
  reason: 'postcodeAndName',
}

function renderPage(): UserEvent {
  const user = userEvent.setup()
  render(
    <Providers>
      <HouseholdNewPage />
    </Providers>,
  )
  return user
}

/** The input with this visible label; Mantine adds ` *` to required labels. */
function field(label: string): HTMLElement {
  return screen.getByLabelText(new RegExp(`^${label}( \\*)?$`), { selector: 'input, textarea' })
}

async function save(user: UserEvent): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'Opslaan' }))
}

/** Fills in everything the intake form requires, with the values main would accept. */
async function fillValidForm(user: UserEvent): Promise<void> {
  await user.type(field('Naam contactpersoon'), 'Fatima El Amrani')
  await user.type(field('Telefoon'), '06-12345678')
  await user.type(field('Postcode'), '3511ab')
  await user.type(field('Plaats'), 'Utrecht')
  await user.click(field('Inkomensbron'))
  // Mantine's dropdowns stay display:none in jsdom (no transitions run), hence `hidden`.
  await user.click(await screen.findByRole('option', { name: 'Bijstand', hidden: true }))
  await user.type(field('Toestemming gegeven door'), 'Fatima El Amrani')
  // Filled in with who is logged in; this intake was done by someone else.
  await user.clear(field('Intake gedaan door'))
  await user.type(field('Intake gedaan door'), 'Anja')
  await user.click(await screen.findByRole('checkbox', { name: 'Opvoeding' }))
}

let calls: RecordedCall[]

beforeEach(() => {
  window.location.hash = '#/households/new'
})

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

describe('new household (intake) form', () => {
  it('shows "Dit veld is verplicht" at the required fields and saves nothing when empty', async () => {
    calls = installBridge({})
    const user = renderPage()
    await save(user)

    for (const label of [
      'Naam contactpersoon',
      'Postcode',
      'Plaats',
      'Inkomensbron',
      'Toestemming gegeven door',
    ]) {
      const input = field(label)
      expect(input, label).toHaveProperty('ariaInvalid', 'true')
      expect(describedText(input), label).toContain(REQUIRED)
    }
    // Defaulted and optional fields stay quiet; the intake is by whoever is logged in.
    expect((field('Intake gedaan door') as HTMLInputElement).value).toBe('Anneke Beheer')
    expect(describedText(field('Intake gedaan door'))).not.toContain(REQUIRED)
    expect(describedText(field('Toestemming gegeven op'))).not.toContain(REQUIRED)
    expect(describedText(field('Telefoon'))).not.toContain(REQUIRED)
    expect(callsOf(calls, 'households.duplicates')).toEqual([])
    expect(callsOf(calls, 'households.create')).toEqual([])
    expect(callsOf(calls, 'intakes.create')).toEqual([])
  })

  it('marks members without birth year and gender, and rejects the postcode "1234"', async () => {
    calls = installBridge({})
    const user = renderPage()
    await user.type(field('Postcode'), '1234')
    await user.click(screen.getByRole('button', { name: 'Lid toevoegen' }))
    await save(user)

    expect(describedText(field('Postcode'))).toContain('Geen geldige postcode (1234 AB)')
    expect(describedText(field('Geboortejaar'))).toContain(REQUIRED)
    expect(describedText(field('Geslacht'))).toContain(REQUIRED)
    expect(callsOf(calls, 'households.create')).toEqual([])
  })

  it('warns about a look-alike household and creates only after "Toch ... aanmaken"', async () => {
    calls = installBridge({
      'households.duplicates': () => ok([CANDIDATE]),
      'households.create': () => ok({ id: 12, reference: 'H-00012', warnings: [] }),
      'intakes.create': (input) => ok({ id: 1, ...(input as object), topics: [], referrals: [] }),
    })
    const user = renderPage()
    await fillValidForm(user)
    await save(user)

    const dialog = await screen.findByRole('dialog', {
      name: 'Bestaat dit huishouden al?',
      hidden: true,
    })
    expect(within(dialog).getByText('H-00007')).toBeTruthy()
    expect(within(dialog).getByText('Fatima el Amrani')).toBeTruthy()
    expect(within(dialog).getByText('Zelfde postcode en een vergelijkbare naam')).toBeTruthy()
    expect(callsOf(calls, 'households.duplicates')).toEqual([
      { contactName: 'Fatima El Amrani', postcode: '3511 AB', phone: '06-12345678' },
    ])
    // Seeing the warning saves nothing.
    expect(callsOf(calls, 'households.create')).toEqual([])

    await user.click(
      within(dialog).getByRole('button', { name: 'Toch nieuw huishouden aanmaken', hidden: true }),
    )

    await waitFor(() => expect(window.location.hash).toBe('#/households/12'))
    const creates = callsOf(calls, 'households.create') as Record<string, unknown>[]
    expect(creates).toHaveLength(1)
    expect(creates[0]).toMatchObject({
      contactName: 'Fatima El Amrani',
      postcode: '3511 AB',
      city: 'Utrecht',
      incomeSource: 'bijstand',
      consentBy: 'Fatima El Amrani',
      confirmDuplicate: true,
    })
    // The intake travels with the household: one call, one transaction in main.
    expect(creates[0].intake).toEqual({
      date: MAIN_TODAY,
      doneBy: 'Anja',
      topicIds: [1],
      referrals: [],
      notes: null,
      debts: 'unknown',
      multipleProblems: 'unknown',
    })
    expect(callsOf(calls, 'intakes.create')).toEqual([])
  })

  it("dates the consent and the intake on main's day, not this computer's", async () => {
    calls = installBridge({
      'households.duplicates': () => ok([]),
      'households.create': () => ok({ id: 12, reference: 'H-00012', warnings: [] }),
    })
    const user = renderPage()
    await waitFor(() =>
      expect((field('Datum intake') as HTMLInputElement).value).toBe('10-03-2026'),
    )
    expect((field('Toestemming gegeven op') as HTMLInputElement).value).toBe('10-03-2026')
    await fillValidForm(user)
    await user.click(await screen.findByRole('checkbox', { name: 'Werk en bijstand' }))
    await user.click(field('Doorverwezen naar'))
    await user.click(await screen.findByRole('option', { name: 'Voedselbank', hidden: true }))
    const problems = screen.getByRole('radiogroup', { name: 'Meerdere problemen' })
    await user.click(within(problems).getByRole('radio', { name: 'Nee' }))
    await save(user)

    await waitFor(() => expect(window.location.hash).toBe('#/households/12'))
    expect(callsOf(calls, 'households.create')).toEqual([
      expect.objectContaining({
        consentDate: MAIN_TODAY,
        confirmDuplicate: false,
        intake: {
          date: MAIN_TODAY,
          doneBy: 'Anja',
          topicIds: [1, 2],
          referrals: [{ destinationId: 12, note: null }],
          notes: null,
          debts: 'unknown',
          multipleProblems: 'no',
        },
      }),
    ])
  })

  it('keeps a proof date it cannot read, says so at the field and saves nothing', async () => {
    calls = installBridge({
      'households.duplicates': () => ok([]),
      'households.create': () => ok({ id: 12, reference: 'H-00012', warnings: [] }),
    })
    const user = renderPage()
    await fillValidForm(user)
    const proof = field('Inkomensbewijs gezien op') as HTMLInputElement
    await user.type(proof, '31-02-2026')
    await user.tab()

    // The text stays, with the reason under it, instead of silently becoming "no date".
    expect(proof.value).toBe('31-02-2026')
    expect(describedText(proof)).toContain('Geen geldige datum (dd-mm-jjjj)')
    await save(user)
    expect(describedText(proof)).toContain('Geen geldige datum (dd-mm-jjjj)')
    expect(proof).toHaveProperty('ariaInvalid', 'true')
    expect(callsOf(calls, 'households.duplicates')).toEqual([])
    expect(callsOf(calls, 'households.create')).toEqual([])

    // Corrected, written the short way, it is read and saved.
    await user.clear(proof)
    await user.type(proof, '1-3-2026')
    await user.tab()
    expect(proof.value).toBe('01-03-2026')
    await save(user)
    await waitFor(() => expect(window.location.hash).toBe('#/households/12'))
    expect(callsOf(calls, 'households.create')).toEqual([
      expect.objectContaining({ proofSeenOn: '2026-03-01' }),
    ])
  })

  it('opens the existing household instead, without creating one', async () => {
    calls = installBridge({ 'households.duplicates': () => ok([CANDIDATE]) })
    const user = renderPage()
    await fillValidForm(user)
    await save(user)

    const dialog = await screen.findByRole('dialog', { hidden: true })
    await user.click(
      within(dialog).getByRole('button', { name: /^Open bestaand huishouden/, hidden: true }),
    )

    expect(window.location.hash).toBe('#/households/7')
    expect(callsOf(calls, 'households.create')).toEqual([])
    expect(callsOf(calls, 'intakes.create')).toEqual([])
  })

  it('shows main\'s validation error for "phone" at the phone field', async () => {
    calls = installBridge({
      'households.duplicates': () => ok([]),
      'households.create': () =>
        fail({ code: 'VALIDATION', key: 'validation', fields: [{ path: 'phone', key: 'phone' }] }),
    })
    const user = renderPage()
    await fillValidForm(user)
    await save(user)

    await waitFor(() =>
      expect(describedText(field('Telefoon'))).toContain('Geen geldig telefoonnummer'),
    )
    expect(field('Telefoon')).toHaveProperty('ariaInvalid', 'true')
    expect(callsOf(calls, 'households.create')).toHaveLength(1)
    expect(callsOf(calls, 'intakes.create')).toEqual([])
    expect(window.location.hash).toBe('#/households/new')
  })

  it("shows main's intake field errors at the intake fields and calls nothing else", async () => {
    calls = installBridge({
      'households.duplicates': () => ok([]),
      'households.create': () =>
        fail({
          code: 'VALIDATION',
          key: 'validation',
          fields: [
            { path: 'intake.doneBy', key: 'tooLong', params: { max: 120 } },
            { path: 'intake.topicIds.0', key: 'unknownOption' },
            { path: 'intake.referrals.0.destinationId', key: 'invalidOption' },
          ],
        }),
    })
    const user = renderPage()
    await fillValidForm(user)
    await user.click(field('Doorverwezen naar'))
    await user.click(await screen.findByRole('option', { name: 'Voedselbank', hidden: true }))
    await save(user)

    await waitFor(() =>
      expect(describedText(field('Intake gedaan door'))).toContain('Maximaal 120 tekens'),
    )
    expect(field('Intake gedaan door')).toHaveProperty('ariaInvalid', 'true')
    const topics = screen.getByRole('group', { name: 'Besproken onderwerpen' })
    expect(describedText(topics)).toContain('Deze keuze bestaat niet (meer)')
    expect(describedText(field('Doorverwezen naar'))).toContain('Kies een van de mogelijkheden')
    // Nothing was saved, so nothing is locked and nothing else was asked of main.
    expect(field('Naam contactpersoon')).toHaveProperty('disabled', false)
    expect(screen.queryByText(/maar de intake nog niet/)).toBeNull()
    const reads = [
      'lists.list',
      'partners.list',
      'settings.get',
      'households.districts',
      'shop.day',
    ]
    expect(calls.map((c) => c.method).filter((m) => !reads.includes(m))).toEqual([
      'households.duplicates',
      'households.create',
    ])
    expect(window.location.hash).toBe('#/households/new')
  })
})
