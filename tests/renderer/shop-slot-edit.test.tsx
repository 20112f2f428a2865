// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { AppointmentsPage } from '../../src/renderer/src/features/shop/appointments/appointments-page'
import type { Slot } from '../../src/shared/schemas/shop'
import { callsOf, describedText, fail, installBridge, ok } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

const MORNING: Slot = {
  id: 1,
  date: '2026-03-10',
  part: 'morning',
  capacity: 5,
  booked: 2,
  free: 3,
}
const THURSDAY: Slot = {
  id: 3,
  date: '2026-03-12',
  part: 'afternoon',
  capacity: 4,
  booked: 0,
  free: 4,
}

/** Opens "Dagdeel wijzigen" of the half-day called `name` and returns the dialog. */
async function openEditor(user: UserEvent, name: string): Promise<HTMLElement> {
  const group = await screen.findByRole('group', { name })
  await user.click(within(group).getByRole('button', { name: `Dagdeel wijzigen: ${name}` }))
  return screen.findByRole('dialog', { name: 'Dagdeel wijzigen' })
}

function places(dialog: HTMLElement): HTMLInputElement {
  return within(dialog).getByRole('textbox', { name: /^Plaatsen/ }) as HTMLInputElement
}

describe('changing and removing a half-day in the week view', () => {
  beforeEach(() => {
    window.location.hash = '#/appointments'
  })
  afterEach(() => {
    cleanup()
    notifications.clean()
  })

  it('changes the places of a half-day, reloads the week and says so', async () => {
    let capacity = 5
    const calls = installBridge({
      'slots.list': () => ok([{ ...MORNING, capacity, free: capacity - MORNING.booked }, THURSDAY]),
      'slots.update': (input) => {
        capacity = (input as { capacity: number }).capacity
        return ok({ ...MORNING, capacity, free: capacity - MORNING.booked })
      },
    })
    const user = renderWith(<AppointmentsPage />)
    const dialog = await openEditor(user, 'Dinsdag 10-03-2026 Ochtend')
    expect(within(dialog).getByText('Dinsdag 10-03-2026 · Ochtend')).toBeTruthy()
    expect(within(dialog).getByText('2 van 5 plaatsen geboekt')).toBeTruthy()
    expect(places(dialog).value).toBe('5')
    // The button opens the editor only; "Boek" stays as it was.
    expect(
      within(screen.getByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })).getByRole(
        'button',
        { name: 'Boek' },
      ),
    ).toBeTruthy()

    await user.clear(places(dialog))
    await user.type(places(dialog), '8')
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))

    expect(await screen.findByText('Dagdeel bijgewerkt')).toBeTruthy()
    expect(callsOf(calls, 'slots.update')).toEqual([{ id: 1, capacity: 8 }])
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Dagdeel wijzigen' })).toBeNull(),
    )
    // The week is read again and shows the new number of places.
    expect(callsOf(calls, 'slots.list')).toHaveLength(2)
    expect(
      await within(screen.getByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })).findByText(
        '2/8 geboekt',
      ),
    ).toBeTruthy()
    expect(callsOf(calls, 'slots.remove')).toEqual([])
  })

  it('stops an empty number of places before main is asked', async () => {
    const calls = installBridge({ 'slots.list': () => ok([MORNING]) })
    const user = renderWith(<AppointmentsPage />)
    const dialog = await openEditor(user, 'Dinsdag 10-03-2026 Ochtend')
    await user.clear(places(dialog))
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() => expect(describedText(places(dialog))).toContain('Dit veld is verplicht'))
    expect(callsOf(calls, 'slots.update')).toEqual([])
  })

  it("shows main's refusal of fewer places than bookings in the modal and at the field", async () => {
    // The week on screen says 1 booked; meanwhile a second family was booked.
    let booked = 1
    const calls = installBridge({
      'slots.list': () => ok([{ ...MORNING, booked, free: MORNING.capacity - booked }]),
      'slots.update': () =>
        fail({
          code: 'CONFLICT',
          key: 'capacityBelowBooked',
          params: { booked: 2 },
          fields: [{ path: 'capacity', key: 'tooSmall', params: { min: 2 } }],
        }),
    })
    const user = renderWith(<AppointmentsPage />)
    const dialog = await openEditor(user, 'Dinsdag 10-03-2026 Ochtend')
    expect(within(dialog).getByText('1 van 5 plaatsen geboekt')).toBeTruthy()
    booked = 2
    await user.clear(places(dialog))
    await user.type(places(dialog), '1')
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))

    expect(
      await within(dialog).findByText(
        'Er zijn al 2 huishoudens geboekt; minder plaatsen kan niet.',
      ),
    ).toBeTruthy()
    expect(describedText(places(dialog))).toContain('Minimaal 2')
    expect(callsOf(calls, 'slots.update')).toEqual([{ id: 1, capacity: 1 }])
    // The modal stays open with what was typed, and nothing claims success.
    expect(screen.getByRole('dialog', { name: 'Dagdeel wijzigen' })).toBe(dialog)
    expect(places(dialog).value).toBe('1')
    expect(screen.queryByText('Dagdeel bijgewerkt')).toBeNull()
    // The week is read again, so the modal shows the bookings main counted.
    expect(await within(dialog).findByText('2 van 5 plaatsen geboekt')).toBeTruthy()
    expect(callsOf(calls, 'slots.list')).toHaveLength(2)
  })

  it('asks for confirmation before removing a half-day and removes it only then', async () => {
    let slots = [MORNING, THURSDAY]
    const calls = installBridge({
      'slots.list': () => ok(slots),
      'slots.remove': (input) => {
        const { id } = input as { id: number }
        slots = slots.filter((s) => s.id !== id)
        return ok({ id })
      },
    })
    const user = renderWith(<AppointmentsPage />)
    let dialog = await openEditor(user, 'Donderdag 12-03-2026 Middag')

    // First press: only the question; nothing is removed.
    await user.click(within(dialog).getByRole('button', { name: 'Dagdeel verwijderen' }))
    expect(
      within(dialog).getByText('Weet u zeker dat u dit dagdeel wilt verwijderen?'),
    ).toBeTruthy()
    expect(callsOf(calls, 'slots.remove')).toEqual([])

    // "Annuleren" in the question keeps the half-day and the modal.
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }))
    expect(
      within(dialog).queryByText('Weet u zeker dat u dit dagdeel wilt verwijderen?'),
    ).toBeNull()
    expect(callsOf(calls, 'slots.remove')).toEqual([])
    expect(screen.getByRole('dialog', { name: 'Dagdeel wijzigen' })).toBe(dialog)

    await user.click(within(dialog).getByRole('button', { name: 'Dagdeel verwijderen' }))
    dialog = screen.getByRole('dialog', { name: 'Dagdeel wijzigen' })
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }))

    expect(await screen.findByText('Dagdeel verwijderd')).toBeTruthy()
    expect(callsOf(calls, 'slots.remove')).toEqual([{ id: 3 }])
    expect(callsOf(calls, 'slots.update')).toEqual([])
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Dagdeel wijzigen' })).toBeNull(),
    )
    // The week is read again: the Thursday has no half-days left, the Tuesday keeps its own.
    await waitFor(() =>
      expect(screen.queryByRole('group', { name: 'Donderdag 12-03-2026 Middag' })).toBeNull(),
    )
    expect(callsOf(calls, 'slots.list')).toHaveLength(2)
    expect(within(screen.getByTestId('day-2026-03-12')).getByText('Geen dagdelen')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })).toBeTruthy()
  })

  it('shows why a half-day with bookings cannot be removed', async () => {
    const calls = installBridge({
      'slots.list': () => ok([MORNING]),
      'slots.remove': () =>
        fail({ code: 'CONFLICT', key: 'slotHasBookings', params: { booked: 2 } }),
    })
    const user = renderWith(<AppointmentsPage />)
    const dialog = await openEditor(user, 'Dinsdag 10-03-2026 Ochtend')
    await user.click(within(dialog).getByRole('button', { name: 'Dagdeel verwijderen' }))
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }))

    expect(
      await within(dialog).findByText(
        'Op dit dagdeel zijn nog 2 huishoudens geboekt. Zeg die afspraken eerst af of verzet ze.',
      ),
    ).toBeTruthy()
    expect(callsOf(calls, 'slots.remove')).toEqual([{ id: 1 }])
    expect(screen.getByRole('dialog', { name: 'Dagdeel wijzigen' })).toBe(dialog)
    expect(screen.queryByText('Dagdeel verwijderd')).toBeNull()
    expect(screen.getByRole('group', { name: 'Dinsdag 10-03-2026 Ochtend' })).toBeTruthy()
  })
})
