// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { notifications } from '@mantine/notifications'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { callsOf, describedText, installFakeBridge, ok, type Handler } from './fake-bridge'
import { DeadlineLine } from '../../src/renderer/src/features/complaints/deadline-view'
import { ActionDialog } from '../../src/renderer/src/features/complaints/complaint-actions'
import { ComplaintPage } from '../../src/renderer/src/features/complaints/complaint-page'
import { LetterTemplatesPage } from '../../src/renderer/src/features/complaints/letter-templates-page'
import { AnnualReportPage } from '../../src/renderer/src/features/complaints/annual-report-page'
import type { ComplaintDetail, Deadline } from '../../src/shared/schemas/complaints'
import type { AnnualComplaintsReport } from '../../src/shared/schemas/complaints-report'

function deadline(patch: Partial<Deadline>): Deadline {
  return {
    kind: 'acknowledgement',
    dueOn: '2026-12-07',
    metOn: null,
    status: 'soon',
    daysLeft: 2,
    why: { rule: { key: 'ackRule' }, steps: [], skipped: [] },
    ...patch,
  }
}

function complaint(patch: Partial<ComplaintDetail> = {}): ComplaintDetail {
  return {
    id: 7,
    number: 'K-2026-007',
    receivedOn: '2026-11-02',
    channel: 'in_person',
    complainant: {
      kind: 'free',
      label: 'Niels Kok',
      householdId: null,
      personId: null,
      name: 'Niels Kok',
      contact: null,
    },
    category: { id: 1, name: 'Bejegening' },
    step: 1,
    handler: null,
    state: 'open',
    outcome: null,
    closedOn: null,
    next: null,
    about: { kind: 'other', account: null, text: null },
    description: 'Onvriendelijk behandeld.',
    wish: null,
    startStep: 1,
    decidedOn: null,
    acknowledgedOn: '2026-11-03',
    informedComplainantOn: null,
    informedStaffOn: null,
    terms: { ackWorkingDays: 5, decisionWeeks: 6, extensionWeeks: 0 },
    deadlines: {
      acknowledgement: deadline({ metOn: '2026-11-03', status: 'met' }),
      decision: deadline({ kind: 'decision', dueOn: '2026-12-14', daysLeft: 9 }),
    },
    extension: { allowed: true, maxWeeks: 4, reason: null },
    proposedHandler: null,
    entries: [],
    measures: [],
    anonymised: false,
    ...patch,
  } as ComplaintDetail
}

afterEach(() => {
  cleanup()
  notifications.clean()
})

describe('"waarom deze datum?"', () => {
  it('reads every rule and step main can send as a Dutch sentence, never as its key', async () => {
    installFakeBridge({}, {})
    const user = userEvent.setup()
    const d = deadline({
      kind: 'decision',
      why: {
        rule: { key: 'decisionRule', params: { weeks: 6, received: '02-11-2026' } },
        steps: [
          { key: 'extended', params: { weeks: 4, total: 10 } },
          { key: 'plainEnd', params: { weeks: 10, date: '26-12-2026' } },
          { key: 'movedToWorkingDay', params: { from: '26-12-2026', to: '28-12-2026' } },
        ],
        skipped: [],
      },
    })
    const ack = deadline({
      why: {
        rule: { key: 'ackRule', params: { days: 5, received: '27-11-2026' } },
        steps: [{ key: 'ackSkipped', params: { count: 2, due: '07-12-2026' } }],
        skipped: [],
      },
    })
    render(
      <Providers role="coordinator">
        <DeadlineLine deadline={ack} />
        <DeadlineLine deadline={d} />
      </Providers>,
    )
    const [ackWhy, decisionWhy] = screen.getAllByRole('button', { name: 'Waarom deze datum?' })
    await user.click(ackWhy)
    const text = (): string => document.body.textContent ?? ''
    await waitFor(() =>
      expect(text()).toContain(
        'De ontvangst wordt bevestigd op de 5e werkdag na de dag van ontvangst (27-11-2026)',
      ),
    )
    expect(text()).toContain('2 dag(en) telden niet mee; daardoor is het 07-12-2026.')
    await user.click(decisionWhy)
    await waitFor(() =>
      expect(text()).toContain(
        'Het besluit volgt binnen 6 weken na de dag van ontvangst (02-11-2026).',
      ),
    )
    expect(text()).toContain('Verlengd met 4 weken: samen 10 weken na ontvangst.')
    expect(text()).toContain('10 weken na ontvangst is 26-12-2026.')
    expect(text()).toContain('26-12-2026 is geen werkdag')
    for (const key of [
      'ackRule',
      'ackSkipped',
      'decisionRule',
      'extended',
      'plainEnd',
      'movedToWorkingDay',
    ])
      expect(text()).not.toContain(key)
  })
})

describe('extending the decision term', () => {
  it('says at the field that 5 weeks is more than the 4 allowed, and sends nothing', async () => {
    const calls = installFakeBridge({}, { 'complaints.extend': () => ok(complaint()) })
    const user = userEvent.setup()
    render(
      <Providers role="coordinator">
        <ActionDialog
          action="extend"
          complaint={complaint()}
          today="2026-12-05"
          accounts={[]}
          deciderTitle="directeur"
          onClose={() => undefined}
          onDone={() => undefined}
        />
      </Providers>,
    )
    const dialog = await screen.findByRole('dialog')
    const weeks = within(dialog).getByLabelText(/^Verlengen met/)
    await user.clear(weeks)
    await user.type(weeks, '5')
    await user.type(within(dialog).getByLabelText(/^Reden/), 'Commissie komt pas in januari.')
    await user.click(within(dialog).getByRole('button', { name: 'Opslaan' }))
    await waitFor(() => expect(describedText(weeks)).toContain('hoogstens 4 weken'))
    expect((weeks as HTMLInputElement).value).toBe('5')
    expect(callsOf(calls, 'complaints.extend')).toEqual([])
  })
})

const page: Record<string, Handler> = {
  'complaints.accounts': () => ok([]),
  'complaints.settings': () => ok({ deciderTitle: 'directeur' }),
  'complaints.letters': () => ok([]),
}

describe('the letters of a complaint', () => {
  it('on a closed complaint, offers no letter and says why', async () => {
    const closed = complaint({
      state: 'closed',
      closedOn: '2026-12-01',
      outcome: 'founded',
      decidedOn: '2026-11-20',
    })
    const calls = installFakeBridge(page, { 'complaints.get': () => ok(closed) })
    render(
      <Providers role="coordinator">
        <ComplaintPage id={7} />
      </Providers>,
    )
    await screen.findByRole('button', { name: 'Ontvangstbevestiging maken' })
    for (const name of [
      'Ontvangstbevestiging maken',
      'Verlengingsbrief maken',
      'Besluitbrief maken',
    ]) {
      const b = screen.getByRole('button', { name })
      expect((b as HTMLButtonElement).disabled).toBe(true)
      expect(describedText(b)).toContain('Gesloten op 01-12-2026')
    }
    expect(callsOf(calls, 'complaints.letter')).toEqual([])
  })

  it('on an open complaint, offers the acknowledgement only until there is an extension or a decision', async () => {
    installFakeBridge(page, { 'complaints.get': () => ok(complaint()) })
    render(
      <Providers role="coordinator">
        <ComplaintPage id={7} />
      </Providers>,
    )
    const ack = await screen.findByRole('button', { name: 'Ontvangstbevestiging maken' })
    expect((ack as HTMLButtonElement).disabled).toBe(false)
    const ext = screen.getByRole('button', { name: 'Verlengingsbrief maken' })
    expect((ext as HTMLButtonElement).disabled).toBe(true)
    expect(describedText(ext)).toContain('als er een verlenging is vastgelegd')
    const dec = screen.getByRole('button', { name: 'Besluitbrief maken' })
    expect((dec as HTMLButtonElement).disabled).toBe(true)
    expect(describedText(dec)).toContain('als het besluit is vastgelegd')
  })
})

describe('the letter templates', () => {
  it('keeps unsaved edits of one letter while another letter is looked at', async () => {
    const template = (kind: string): unknown => ({
      kind,
      version: 1,
      current: true,
      subject: `Onderwerp ${kind}`,
      body: `Tekst van ${kind}`,
      versions: [{ version: 1, createdAt: '2026-12-01T10:00:00.000Z', createdBy: null }],
    })
    installFakeBridge(
      {},
      {
        'complaints.template': (input) => ok(template((input as { kind: string }).kind)),
      },
    )
    const user = userEvent.setup()
    render(
      <Providers role="admin">
        <LetterTemplatesPage />
      </Providers>,
    )
    const subject = await screen.findByDisplayValue('Onderwerp acknowledgement')
    await user.clear(subject)
    await user.type(subject, 'Uw klacht is ontvangen')
    await user.click(screen.getByText('Verlengingsbrief'))
    await screen.findByDisplayValue('Onderwerp extension')
    // The letter with unsaved changes says so while another is shown.
    expect(screen.getByText(/Ontvangstbevestiging.*niet opgeslagen/i)).toBeTruthy()
    await user.click(screen.getByText(/^Ontvangstbevestiging/))
    expect(await screen.findByDisplayValue('Uw klacht is ontvangen')).toBeTruthy()
  })
})

describe('the annual report', () => {
  it('shows handling times with one decimal and the steps in the words of the PDF', async () => {
    const report: AnnualComplaintsReport = {
      year: 2026,
      received: 12,
      decided: 9,
      openAtYearEnd: 3,
      byCategory: [],
      byStep: [
        { code: '1', count: 6 },
        { code: '2', count: 4 },
        { code: '3', count: 2 },
      ],
      byOutcome: [],
      byChannel: [],
      handlingDays: { mean: 38, median: 33.5 },
      lateAcknowledgements: 0,
      lateDecisions: 1,
      extended: 1,
      committee: 2,
      measures: { taken: 1, carriedOut: 1, notCarriedOut: 0 },
      smallCellThreshold: 5,
    } as AnnualComplaintsReport
    installFakeBridge({}, { 'complaints.annualReport': () => ok(report) })
    render(
      <Providers role="coordinator">
        <AnnualReportPage />
      </Providers>,
    )
    expect((await screen.findByTestId('report-mean')).textContent).toBe('38,0 dagen')
    expect(screen.getByTestId('report-median').textContent).toBe('33,5 dagen')
    expect(screen.getByText('Stap 2: bemiddeling door leidinggevende en/of directie')).toBeTruthy()
  })
})
