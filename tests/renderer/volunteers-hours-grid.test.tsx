// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { Profiler } from 'react'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { HoursPage } from '../../src/renderer/src/features/volunteers/hours-page'
import type { HoursMonth, HoursRow } from '../../src/shared/schemas/volunteers-followup'
import { installFakeBridge, ok, type RecordedCall } from './fake-bridge'
import { TestProviders } from './session'

afterEach(() => {
  cleanup()
  delete window.api
})

/*
 * The month grid of a busy organisation: 120 placements, of which main sends a page at a time.
 * The fake answers as main does (filters, then a page), so the screen's paging, search and
 * "not logged yet" are seen as a coordinator sees them.
 */
const ROWS: HoursRow[] = Array.from({ length: 120 }, (_, i) => {
  const n = String(i + 1).padStart(3, '0')
  return {
    personId: i + 1,
    reference: `D-00${n}`,
    name: `Pim${n} Jansen`,
    district: null,
    placementId: 1000 + i,
    vacancyTitle: i < 70 ? 'Kassa' : 'Gastvrouw',
    hostName: i < 70 ? 'Kringloop' : 'Buurthuis',
    step: 'placed',
    hours: i % 10 === 0 ? 8 : null,
  }
})

function hoursMonth(input: unknown): ReturnType<typeof ok> {
  const q = input as {
    month: string
    query?: string
    missingOnly?: boolean
    limit: number
    offset: number
  }
  const words = (q.query ?? '').toLowerCase().split(' ').filter(Boolean)
  const found = ROWS.filter(
    (r) =>
      (!q.missingOnly || r.hours === null) &&
      words.every((w) =>
        [r.name, r.reference, r.vacancyTitle, r.hostName].some((f) => f?.toLowerCase().includes(w)),
      ),
  )
  const answer: HoursMonth = {
    month: q.month,
    past: true,
    rows: found.slice(q.offset, q.offset + q.limit),
    count: found.length,
    offset: q.offset,
    rowsInMonth: ROWS.length,
    total: ROWS.reduce((s, r) => s + (r.hours ?? 0), 0),
    missing: ROWS.filter((r) => r.hours === null).length,
  }
  return ok(answer)
}

const cells = (): HTMLElement[] => screen.getAllByRole('textbox', { name: /^Uren: / })
const lastHoursCall = (calls: RecordedCall[]): Record<string, unknown> =>
  calls.filter((c) => c.method === 'hours.month').at(-1)?.input as Record<string, unknown>

describe('the month grid at 120 rows', () => {
  it('shows one page of inputs with "1–50 van 120", pages on, and keeps what was typed', async () => {
    const calls = installFakeBridge({ 'hours.month': hoursMonth }, {})
    render(
      <TestProviders role="coordinator">
        <HoursPage month="2026-11" />
      </TestProviders>,
    )
    await screen.findByText('1–50 van 120')
    expect(cells()).toHaveLength(50)
    expect(screen.getByTestId('hours-summary').textContent).toBe(
      '108 van de 120 regels van deze maand nog niet ingevuld',
    )
    // The month's total, not the page's: 12 rows of 8 hours.
    expect(screen.getByTestId('hours-total').textContent).toBe('96')

    fireEvent.change(screen.getByRole('textbox', { name: 'Uren: Pim002 Jansen, Kassa' }), {
      target: { value: '3,5' },
    })
    expect(screen.getByTestId('hours-total').textContent).toBe('99,5')
    expect(screen.getByTestId('hours-unsaved').textContent).toBe('1 wijziging nog niet opgeslagen')

    fireEvent.click(screen.getByRole('button', { name: 'Volgende pagina' }))
    await screen.findByText('51–100 van 120')
    expect(lastHoursCall(calls)).toMatchObject({ offset: 50, limit: 50 })
    expect(cells()[0].getAttribute('aria-label')).toBe('Uren: Pim051 Jansen, Kassa')
    fireEvent.change(screen.getByRole('textbox', { name: 'Uren: Pim080 Jansen, Gastvrouw' }), {
      target: { value: '2' },
    })

    fireEvent.click(screen.getByRole('button', { name: '1' }))
    await screen.findByText('1–50 van 120')
    expect(
      (screen.getByRole('textbox', { name: 'Uren: Pim002 Jansen, Kassa' }) as HTMLInputElement)
        .value,
    ).toBe('3,5')

    // Saving sends what was typed on both pages, and only that.
    let logged: unknown = null
    window.api!.call = ((orig) => async (method: string, input: unknown) => {
      if (method === 'hours.log') {
        logged = input
        return ok({ saved: 2, removed: 0 })
      }
      return orig(method, input)
    })(window.api!.call)
    fireEvent.click(screen.getByRole('button', { name: 'Uren opslaan' }))
    await waitFor(() => expect(logged).not.toBeNull())
    expect(logged).toEqual({
      entries: [
        { personId: 2, placementId: 1001, month: '2026-11', hours: 3.5 },
        { personId: 80, placementId: 1079, month: '2026-11', hours: 2 },
      ],
    })
  })

  it('finds by organisation and shows only what is not logged yet', async () => {
    const calls = installFakeBridge({ 'hours.month': hoursMonth }, {})
    render(
      <TestProviders role="coordinator">
        <HoursPage month="2026-11" />
      </TestProviders>,
    )
    await screen.findByText('1–50 van 120')
    fireEvent.change(screen.getByLabelText('Zoeken'), { target: { value: 'buurthuis' } })
    await screen.findByText('1–50 van 50')
    expect(lastHoursCall(calls)).toMatchObject({ query: 'buurthuis', offset: 0 })
    expect(cells().every((c) => c.getAttribute('aria-label')?.endsWith('Gastvrouw'))).toBe(true)

    fireEvent.click(screen.getByLabelText('Alleen nog niet ingevuld'))
    await screen.findByText('1–45 van 45')
    expect(lastHoursCall(calls)).toMatchObject({ query: 'buurthuis', missingOnly: true })
    expect(cells().every((c) => (c as HTMLInputElement).value === '')).toBe(true)

    fireEvent.change(screen.getByLabelText('Zoeken'), { target: { value: 'niemand' } })
    await screen.findByText('Geen regels gevonden.')
  })

  it("opened from the dashboard's link, shows only what is not logged yet", async () => {
    const calls = installFakeBridge({ 'hours.month': hoursMonth }, {})
    render(
      <TestProviders role="coordinator">
        <HoursPage month="2026-11" missing />
      </TestProviders>,
    )
    await screen.findByText('1–50 van 108')
    expect(lastHoursCall(calls)).toMatchObject({ missingOnly: true })
    expect((screen.getByLabelText('Alleen nog niet ingevuld') as HTMLInputElement).checked).toBe(
      true,
    )
  })

  it('a keystroke renders the row typed in, not the whole page', async () => {
    installFakeBridge({ 'hours.month': hoursMonth }, {})
    const commits: { phase: string; actual: number; base: number }[] = []
    render(
      <Profiler
        id="grid"
        onRender={(_id, phase, actual, base) => commits.push({ phase, actual, base })}
      >
        <TestProviders role="coordinator">
          <HoursPage month="2026-11" />
        </TestProviders>
      </Profiler>,
    )
    await screen.findByText('1–50 van 120')
    commits.length = 0
    fireEvent.change(screen.getByRole('textbox', { name: 'Uren: Pim003 Jansen, Kassa' }), {
      target: { value: '4' },
    })
    const typed = commits.filter((c) => c.phase === 'update')
    expect(typed.length).toBeGreaterThan(0)
    // `base` is what rendering the whole tree costs; memoised rows leave most of it out.
    for (const c of typed) expect(c.actual).toBeLessThan(c.base / 3)
  })
})
