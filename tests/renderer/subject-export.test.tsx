// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TestProviders as Providers } from './session'
import { HouseholdDetailPage } from '../../src/renderer/src/features/shop/households/household-detail-page'
import type { HouseholdDetail } from '../../src/shared/schemas/household'
import type { Role } from '../../src/shared/schemas/accounts'
import { callsOf, fail, installBridge, ok } from './households-bridge'

const DETAIL: HouseholdDetail = {
  household: {
    id: 5,
    reference: 'H-00005',
    contactName: 'Jan de Vries',
    street: null,
    houseNumber: null,
    postcode: '3512 PH',
    city: 'Utrecht',
    district: null,
    phone: null,
    email: null,
    incomeSource: 'ww',
    referrer: null,
    proofSeenOn: null,
    eligibleUntil: '2030-01-15',
    consentDate: '2020-01-15',
    consentBy: 'Jan de Vries',
    status: 'active',
    notes: null,
    createdAt: '2020-01-15T10:00:00.000Z',
    updatedAt: '2020-01-15T10:00:00.000Z',
    anonymisedAt: null,
    members: [],
  },
  restricted: false,
  intakes: [],
  appointments: [],
  visits: [],
  eligibilityExpired: false,
}

/** What main answers for an export: a ticket for the file it wrote, never the bytes. */
const TICKET = {
  ticket: 'A'.repeat(43),
  filename: 'inzage.pdf',
  mime: 'application/pdf',
  sizeBytes: 48_213,
}

function renderAs(role: Role): UserEvent {
  const user = userEvent.setup()
  render(
    <Providers role={role}>
      <HouseholdDetailPage id={5} />
    </Providers>,
  )
  return user
}

function captureDownloads(): { blobs: Blob[]; clicked: { download: string; href: string }[] } {
  const blobs: Blob[] = []
  const clicked: { download: string; href: string }[] = []
  URL.createObjectURL = (b: Blob | MediaSource): string => {
    blobs.push(b as Blob)
    return 'blob:inzage'
  }
  URL.revokeObjectURL = (): void => {}
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' })
  })
  return { blobs, clicked }
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  delete window.api
})

describe('Inzage-export on the household page', () => {
  it("saves the PDF main made by its ticket: main's save dialog, no bytes in the page", async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'subjects.export': () => ok({ ...TICKET, filename: 'inzage-H-00005-2026-03-10.pdf' }),
    })
    const { blobs, clicked } = captureDownloads()
    const user = renderAs('coordinator')
    await user.click(await screen.findByRole('button', { name: 'Inzage-export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^PDF/ }, { timeout: 5000 }))
    await waitFor(() => expect(callsOf(calls, 'save')).toEqual([TICKET.ticket]))
    expect(callsOf(calls, 'subjects.export')).toEqual([{ kind: 'household', id: 5, format: 'pdf' }])
    // The file never passes through the page: no blob, no anchor.
    expect(blobs).toEqual([])
    expect(clicked).toEqual([])
    expect(await screen.findByText(/inzage-H-00005-2026-03-10\.pdf is gemaakt/)).toBeTruthy()
  })

  it('offers JSON as well', async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'subjects.export': () =>
        ok({ ...TICKET, filename: 'inzage-H-00005-2026-03-10.json', mime: 'application/json' }),
    })
    captureDownloads()
    const user = renderAs('admin')
    await user.click(await screen.findByRole('button', { name: 'Inzage-export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^JSON/ }, { timeout: 5000 }))
    await waitFor(() => expect(callsOf(calls, 'save')).toEqual([TICKET.ticket]))
    expect(callsOf(calls, 'subjects.export')).toEqual([
      { kind: 'household', id: 5, format: 'json' },
    ])
  })

  it('says nothing was made when the save dialog is cancelled', async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'subjects.export': () => ok({ ...TICKET, filename: 'inzage-H-00005-2026-03-10.pdf' }),
      save: () => ok({ saved: false }),
    })
    const user = renderAs('coordinator')
    await user.click(await screen.findByRole('button', { name: 'Inzage-export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^PDF/ }, { timeout: 5000 }))
    await waitFor(() => expect(callsOf(calls, 'save')).toHaveLength(1))
    await new Promise((r) => setTimeout(r, 50))
    expect(screen.queryByText(/is gemaakt/)).toBeNull()
  })

  it('says in Dutch when main no longer holds the file to save', async () => {
    installBridge({
      'households.get': () => ok(DETAIL),
      'subjects.export': () => ok({ ...TICKET, filename: 'inzage-H-00005-2026-03-10.pdf' }),
      save: () => fail({ code: 'NOT_FOUND', key: 'downloadGone' }),
    })
    const user = renderAs('coordinator')
    await user.click(await screen.findByRole('button', { name: 'Inzage-export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^PDF/ }, { timeout: 5000 }))
    expect(await screen.findByText(/niet meer klaar om op te slaan/)).toBeTruthy()
  })

  it('says so in Dutch when main refuses', async () => {
    const calls = installBridge({
      'households.get': () => ok(DETAIL),
      'subjects.export': () =>
        fail({ code: 'NOT_FOUND', key: 'notFound', params: { entity: 'household' } }),
    })
    const user = renderAs('coordinator')
    await user.click(await screen.findByRole('button', { name: 'Inzage-export' }))
    await user.click(await screen.findByRole('menuitem', { name: /^PDF/ }, { timeout: 5000 }))
    expect(await screen.findByText(/Niet gevonden/)).toBeTruthy()
    expect(callsOf(calls, 'save')).toEqual([])
  })

  it('is not there for a counter volunteer', async () => {
    installBridge({ 'households.get': () => ok({ ...DETAIL, restricted: true }) })
    renderAs('volunteer')
    await screen.findByText('Jan de Vries', { selector: 'h2' })
    expect(screen.queryByRole('button', { name: 'Inzage-export' })).toBeNull()
  })
})
