// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { PersonPage } from '../../src/renderer/src/features/volunteers/person-page'
import type { Person } from '../../src/shared/schemas/volunteers'
import { callsOf, installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'
import { PERSON } from './person-fixture'

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

// Someone who left can still ask for their data.
const LEFT: Person = {
  ...PERSON,
  status: 'left',
  outflowKind: 'paid_work',
  outflowOn: '2026-05-01',
  moves: [],
}

const TICKET = {
  ticket: 'B'.repeat(43),
  filename: 'inzage-D-00004-2026-06-15.pdf',
  mime: 'application/pdf',
  sizeBytes: 30_000,
}

describe('Inzage-export on the person page', () => {
  it("exports the participant's own data, named as theirs, also after they left", async () => {
    const calls = installFakeBridge(
      { 'people.get': () => ok(LEFT), 'subjects.export': () => ok(TICKET) },
      {},
    )
    const user = userEvent.setup()
    render(
      <TestProviders role="coordinator">
        <PersonPage id={4} />
      </TestProviders>,
    )
    // Role queries over the whole person page (its profile form) are slow in jsdom on a busy
    // machine: the button is found by its text, the menu's items within the menu.
    const button = (await screen.findByText('Inzage-export')).closest('button')!
    await user.click(button)
    const menu = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[role="menu"]')
      expect(found).not.toBeNull()
      return found!
    })
    // jsdom lays nothing out, so Mantine's popover may take the button for scrolled out of view
    // and hide the open menu (display: none); the items are there all the same.
    const pdf = await within(menu).findByRole('menuitem', { name: /^PDF/, hidden: true })
    // The menu says whose data it is: the participant's, not a household's.
    expect(screen.getByText('Alle gegevens van deze deelnemer (AVG-inzage)')).toBeTruthy()
    expect(screen.queryByText(/huishouden/)).toBeNull()
    await user.click(pdf)
    await waitFor(() => expect(callsOf(calls, 'save')).toEqual([TICKET.ticket]))
    expect(callsOf(calls, 'subjects.export')).toEqual([{ kind: 'person', id: 4, format: 'pdf' }])
  })
})
