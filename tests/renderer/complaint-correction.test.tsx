// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { notifications } from '@mantine/notifications'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { callsOf, describedText, fail, installFakeBridge } from './fake-bridge'
import { CorrectionDialog } from '../../src/renderer/src/features/complaints/complaint-actions'
import type { ComplaintDetail } from '../../src/shared/schemas/complaints'
import { entryView } from './complaint-fixtures'

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

const REOPENED = entryView({
  id: 5,
  kind: 'reopened',
  date: '2026-05-20',
  text: 'Klaagster kwam met nieuwe feiten',
})

describe('correcting the day of a reopening', () => {
  it("shows main's refusal of a day before the closing at the date field, in Dutch", async () => {
    const calls = installFakeBridge(
      {},
      {
        'complaints.addEntry': () =>
          fail({
            code: 'VALIDATION',
            key: 'validation',
            fields: [{ path: 'newDate', key: 'beforeClosing', params: { date: '12-05-2026' } }],
          }),
      },
    )
    const user = userEvent.setup()
    render(
      <Providers role="coordinator">
        <CorrectionDialog
          entry={REOPENED}
          complaint={{ id: 7 } as ComplaintDetail}
          today="2026-06-15"
          onClose={() => undefined}
          onDone={() => undefined}
        />
      </Providers>,
    )
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText(/^Wat moet het zijn/), 'Datum verkeerd')
    const day = within(dialog).getByLabelText(/^Juiste datum/)
    await user.type(day, '11-05-2026')
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() =>
      expect(describedText(day)).toContain(
        'Heropenen kan niet vóór het sluiten van de klacht op 12-05-2026',
      ),
    )
    expect(callsOf(calls, 'complaints.addEntry')).toEqual([
      expect.objectContaining({ kind: 'correction', correctsId: 5, newDate: '2026-05-11' }),
    ])
  })
})
