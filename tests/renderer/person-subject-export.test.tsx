// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { PersonPage } from '../../src/renderer/src/features/volunteers/person-page'
import type { Person } from '../../src/shared/schemas/volunteers'
import { callsOf, installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

const PERSON: Person = {
  id: 4,
  reference: 'D-00004',
  firstName: 'Ana',
  lastName: 'Jansen',
  place: 'Zwolle',
  district: null,
  status: 'left',
  programmeId: null,
  programmeName: null,
  registeredOn: '2026-01-05',
  intakeOn: '2026-02-01',
  outflowKind: 'paid_work',
  outflowOn: '2026-05-01',
  anonymised: false,
  phone: null,
  email: null,
  address: null,
  postcode: null,
  birthYear: null,
  gender: 'female',
  participationDuty: false,
  dutyToApply: false,
  ownTransport: false,
  languages: null,
  referralSourceId: null,
  referralSourceName: null,
  referrer: null,
  notes: null,
  outflowNote: null,
  household: null,
  skills: [],
  interests: [],
  learningGoals: [],
  limitations: [],
  availability: [],
  moves: [],
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
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
      { 'people.get': () => ok(PERSON), 'subjects.export': () => ok(TICKET) },
      {},
    )
    const user = userEvent.setup()
    render(
      <TestProviders role="coordinator">
        <PersonPage id={4} />
      </TestProviders>,
    )
    await user.click(await screen.findByRole('button', { name: 'Inzage-export' }))
    const pdf = await screen.findByRole('menuitem', { name: /^PDF/ })
    // The menu says whose data it is: the participant's, not a household's.
    expect(screen.getByText('Alle gegevens van deze deelnemer (AVG-inzage)')).toBeTruthy()
    expect(screen.queryByText(/huishouden/)).toBeNull()
    await user.click(pdf)
    await waitFor(() => expect(callsOf(calls, 'save')).toEqual([TICKET.ticket]))
    expect(callsOf(calls, 'subjects.export')).toEqual([{ kind: 'person', id: 4, format: 'pdf' }])
  })
})
