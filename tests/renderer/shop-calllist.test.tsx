// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TestProviders as Providers } from './session'
import { CallListPage } from '../../src/renderer/src/features/shop/calllist/call-list-page'
import type { CallListEntry } from '../../src/shared/schemas/household'
import { callsOf, describedText, installBridge, ok, shopDay } from './shop-bridge'

function renderWith(ui: React.JSX.Element): UserEvent {
  const user = userEvent.setup()
  render(<Providers>{ui}</Providers>)
  return user
}

const ROWS: CallListEntry[] = [
  {
    id: 8,
    reference: 'H-00008',
    contactName: 'Lotte Smit',
    phone: '06-11112222',
    email: 'lotte@example.nl',
    district: 'Noord',
    lastVisitOn: null,
    eligibleUntil: '2027-10-01',
    lastContactOn: null,
  },
  {
    id: 9,
    reference: 'H-00009',
    contactName: 'Yusuf Demir',
    phone: null,
    email: null,
    district: 'Centrum',
    lastVisitOn: '2025-12-01',
    eligibleUntil: '2026-08-01',
    lastContactOn: null,
  },
]

describe('call list', () => {
  afterEach(() => {
    cleanup()
    notifications.clean()
    vi.restoreAllMocks()
  })

  it("defaults to main's 'not seen since' day and lists the households", async () => {
    const calls = installBridge({
      'shop.day': () => ok(shopDay({ notSeenSince: '2026-01-13' })),
      'households.callList': () => ok(ROWS),
    })
    renderWith(<CallListPage />)
    expect(await screen.findByText('Lotte Smit')).toBeTruthy()
    expect(callsOf(calls, 'households.callList')).toEqual([
      { notSeenSince: '2026-01-13', district: null },
    ])
    expect((screen.getByLabelText(/^Niet geweest sinds/) as HTMLInputElement).value).toBe(
      '13-01-2026',
    )
    const yusuf = screen.getByRole('row', { name: /Yusuf Demir/ })
    expect(within(yusuf).getByText('01-12-2025')).toBeTruthy()
    expect(within(yusuf).getByText('01-08-2026')).toBeTruthy()
    expect(
      within(screen.getByRole('row', { name: /Lotte Smit/ })).getByText('nog nooit'),
    ).toBeTruthy()
    expect(screen.getByTestId('calllist-count').textContent).toBe('2 huishoudens om uit te nodigen')
  })

  it('lists and exports nothing while the date cannot be read', async () => {
    const calls = installBridge({ 'households.callList': () => ok(ROWS) })
    const user = renderWith(<CallListPage />)
    expect(await screen.findByText('Lotte Smit')).toBeTruthy()
    const since = screen.getByLabelText(/^Niet geweest sinds/) as HTMLInputElement
    await user.clear(since)
    await user.type(since, '31-02-2026')
    await user.tab()

    expect(since.value).toBe('31-02-2026')
    expect(describedText(since)).toContain('Geen geldige datum (dd-mm-jjjj)')
    expect(screen.queryByText('Lotte Smit')).toBeNull()
    expect(screen.getByRole('button', { name: 'Exporteer als CSV' })).toHaveProperty(
      'disabled',
      true,
    )
    expect(
      callsOf(calls, 'households.callList').map(
        (c) => (c as { notSeenSince: string }).notSeenSince,
      ),
    ).toEqual(['2026-01-13'])
  })

  it('downloads the CSV from main under its file name', async () => {
    const calls = installBridge({
      'households.callList': () => ok(ROWS),
      'households.callListCsv': () =>
        ok({
          filename: 'bellijst-2026-03-10.csv',
          csv: '\uFEFFReferentie;Naam\r\nH-00008;Lotte Smit\r\n',
        }),
    })
    const blobs: Blob[] = []
    const clicked: { download: string; href: string }[] = []
    URL.createObjectURL = (b: Blob | MediaSource): string => {
      blobs.push(b as Blob)
      return 'blob:bellijst'
    }
    URL.revokeObjectURL = (): void => {}
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' })
    })
    const user = renderWith(<CallListPage />)
    await screen.findByText('Lotte Smit')
    await user.click(screen.getByRole('button', { name: 'Exporteer als CSV' }))
    await waitFor(() => expect(clicked).toHaveLength(1))
    expect(clicked[0]).toEqual({ download: 'bellijst-2026-03-10.csv', href: 'blob:bellijst' })
    expect(callsOf(calls, 'households.callListCsv')).toEqual([
      { notSeenSince: '2026-01-13', district: null },
    ])
    expect(blobs[0].type).toBe('text/csv;charset=utf-8')
    expect(await blobs[0].text()).toContain('H-00008;Lotte Smit')
  })
})
