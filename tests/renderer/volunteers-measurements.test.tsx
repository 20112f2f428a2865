// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { PersonMeasurements } from '../../src/renderer/src/features/volunteers/person-measurements'
import { AuditPage } from '../../src/renderer/src/features/audit/audit-page'
import type { Measurement } from '../../src/shared/schemas/volunteers-followup'
import type { AuditEntry } from '../../src/shared/schemas/audit'
import { auditFieldText, auditTranslator } from '../../src/shared/audit-text'
import { ZRM_DOMAINS } from '../../src/shared/zrm'
import { callsOf, installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'

/*
 * A ZRM measurement entered wrongly is corrected or deleted from the measurements tab of the
 * person page, and the audit log names the scores that changed in words.
 */

afterEach(() => {
  cleanup()
  notifications.clean()
  delete window.api
})

const TODAY = '2026-06-15'

const MEASUREMENTS: Measurement[] = [
  {
    id: 7,
    personId: 4,
    measuredOn: '2026-02-01',
    moment: 'intake',
    version: 'zrm11',
    ladder: null,
    byAccountId: 2,
    byName: 'Carla Coördinator',
    scores: [
      { domain: 'finances', score: 2 },
      { domain: 'housing', score: 3 },
    ],
    createdAt: '2026-02-01T10:00:00.000Z',
  },
  {
    id: 8,
    personId: 4,
    measuredOn: '2026-05-01',
    moment: 'reassessment',
    version: 'zrm11',
    ladder: null,
    byAccountId: 2,
    byName: 'Carla Coördinator',
    scores: [
      { domain: 'finances', score: 3 },
      { domain: 'housing', score: 3 },
    ],
    createdAt: '2026-05-01T10:00:00.000Z',
  },
]

function renderTab(
  handlers: Parameters<typeof installFakeBridge>[1],
): ReturnType<typeof installFakeBridge> {
  const calls = installFakeBridge(
    {
      'measurements.list': () => ok(MEASUREMENTS),
      'measurements.settings': () => ok({ version: 'zrm11', ladder: false }),
    },
    handlers,
  )
  render(
    <TestProviders role="coordinator">
      <PersonMeasurements personId={4} today={TODAY} />
    </TestProviders>,
  )
  return calls
}

describe('measurements tab', () => {
  it('corrects a measurement: the form opens with what was recorded, and sends the change', async () => {
    const calls = renderTab({
      'measurements.update': (input) => ok({ ...MEASUREMENTS[1], ...(input as object) }),
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Meting van 01-05-2026 corrigeren' }))
    const dialog = await screen.findByRole('dialog', { name: 'Meting van 01-05-2026 corrigeren' })
    // What was recorded: the moment, and finances at 3.
    expect(within(dialog).getByLabelText('Moment', { selector: 'input' })).toHaveProperty(
      'value',
      'Herbeoordeling',
    )
    const finances = within(dialog).getByRole('radiogroup', { name: 'Financiën' })
    expect(
      (within(finances).getByRole('radio', { name: '3: Beperkt zelfredzaam' }) as HTMLInputElement)
        .checked,
    ).toBe(true)
    // The version it was scored in cannot change.
    expect(within(dialog).getByLabelText('Versie', { selector: 'input' })).toHaveProperty(
      'disabled',
      true,
    )

    const user = userEvent.setup()
    await user.click(within(finances).getByRole('radio', { name: '1: Acute problematiek' }))
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() =>
      expect(callsOf(calls, 'measurements.update')).toEqual([
        {
          id: 8,
          measuredOn: '2026-05-01',
          moment: 'reassessment',
          scores: [
            { domain: 'finances', score: 1 },
            { domain: 'housing', score: 3 },
          ],
          ladder: null,
        },
      ]),
    )
    expect(await screen.findByText('De meting is gecorrigeerd.')).toBeTruthy()
    expect(callsOf(calls, 'measurements.record')).toEqual([])
    // The list is read again, so the charts show the corrected score.
    await waitFor(() => expect(callsOf(calls, 'measurements.list').length).toBe(2))
  })

  it('clears a score entered by mistake, so the domain is sent as not scored', async () => {
    const calls = renderTab({ 'measurements.update': () => ok(MEASUREMENTS[1]) })
    fireEvent.click(await screen.findByRole('button', { name: 'Meting van 01-05-2026 corrigeren' }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Score Huisvesting wissen (niet gescoord)' }),
    )
    fireEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() =>
      expect(callsOf(calls, 'measurements.update')).toMatchObject([
        { id: 8, scores: [{ domain: 'finances', score: 3 }] },
      ]),
    )
  })

  it('deletes a measurement only after confirming, naming its day', async () => {
    const calls = renderTab({ 'measurements.delete': () => ok({ id: 7 }) })
    fireEvent.click(
      await screen.findByRole('button', { name: 'Meting van 01-02-2026 verwijderen' }),
    )
    expect(await screen.findByText('Meting van 01-02-2026 verwijderen?')).toBeTruthy()
    expect(screen.getByText(/De meting \(intake\) met 2 scores wordt verwijderd/)).toBeTruthy()
    expect(callsOf(calls, 'measurements.delete')).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Verwijderen' }))
    await waitFor(() => expect(callsOf(calls, 'measurements.delete')).toEqual([{ id: 7 }]))
    expect(await screen.findByText('De meting is verwijderd.')).toBeTruthy()
  })
})

describe('audit log names ZRM scores', () => {
  it('shows the score fields of a corrected measurement in Dutch words', async () => {
    const entry: AuditEntry = {
      id: 90,
      at: '2026-06-15T09:00:00.000Z',
      userId: 2,
      userName: 'carla',
      role: 'coordinator',
      workstation: 'kantoor-pc',
      action: 'update',
      entityType: 'measurement',
      entityId: '8',
      householdId: null,
      householdReference: null,
      fields: ['measuredOn', 'score.finances', 'score.time_use', 'score.instrumental_adl'],
      detail: null,
    }
    installFakeBridge(
      {
        'users.list': () => ok([]),
        'audit.list': () => ok({ rows: [entry], total: 1 }),
      },
      {},
    )
    render(
      <TestProviders role="admin">
        <AuditPage />
      </TestProviders>,
    )
    expect(
      await screen.findByText(
        'gemeten op, score financiën, score tijdsbesteding, score instrumentele ADL',
      ),
    ).toBeTruthy()
    expect(screen.queryByText(/score\./)).toBeNull()
  })

  it('has a label for every domain of both ZRM versions, in both languages', () => {
    const nl = auditTranslator('nl')
    const en = auditTranslator('en')
    for (const d of ZRM_DOMAINS) {
      expect(auditFieldText(`score.${d}`, nl), d).toMatch(/^score [a-zë]/)
      expect(auditFieldText(`score.${d}`, en), d).toMatch(/^score [a-z]/)
    }
    expect(auditFieldText('score.daytime', nl)).toBe('score dagbesteding')
    expect(auditFieldText('score.substance_use', en)).toBe('score substance use')
  })
})
