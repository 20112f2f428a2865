// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { PlacementsBoardPage } from '../../src/renderer/src/features/volunteers/placements-board-page'
import { VacanciesPage } from '../../src/renderer/src/features/volunteers/vacancies-page'
import { ComplaintsPage } from '../../src/renderer/src/features/complaints/complaints-page'
import type { Placement, PlacementStep } from '../../src/shared/schemas/volunteers-matching'
import type { VacancyListItem } from '../../src/shared/schemas/volunteers'
import type { ComplaintSummary } from '../../src/shared/schemas/complaints'
import { callsOf, installFakeBridge, ok } from './fake-bridge'
import { TestProviders } from './session'

/*
 * Long lists at a busy organisation: the board's columns say their real counts and show a few
 * cards with "Meer tonen"; the vacancies and all complaints are paged with "x–y van N".
 */

afterEach(() => {
  cleanup()
  delete window.api
  window.location.hash = ''
})

const COUNTS = { proposed: 2271, introduction: 16, trial: 49, placed: 904, ended: 0, declined: 0 }

function placement(id: number, step: PlacementStep): Placement {
  return {
    id,
    personId: id,
    personReference: `D-${id}`,
    personName: `Persoon ${id}`,
    vacancyId: 1,
    vacancyTitle: 'Kassamedewerker',
    partnerId: 1,
    partnerName: 'Eigen winkel',
    step,
    proposedOn: '2026-12-01',
    introductionOn: null,
    trialOn: null,
    trialEndsOn: null,
    placedOn: null,
    endedOn: null,
    declinedOn: null,
    reason: null,
    overrideReason: null,
    halfDays: [],
  }
}

/** A step's cards from `offset`, as main pages them (ids 1000 * column + n). */
function page(step: PlacementStep, offset: number, n: number): Placement[] {
  const col = ['proposed', 'introduction', 'trial', 'placed'].indexOf(step) + 1
  const left = Math.max(0, Math.min(n, COUNTS[step] - offset))
  return Array.from({ length: left }, (_, i) => placement(col * 10000 + offset + i, step))
}

describe('placements board', () => {
  it('shows the real count of each step, 25 cards, and the next 25 on "Meer tonen"', async () => {
    const calls = installFakeBridge(
      {
        'placements.list': (input) => {
          const i = input as { step?: PlacementStep; perStep: number; offset?: number }
          const steps = i.step
            ? [i.step]
            : (['proposed', 'introduction', 'trial', 'placed'] as const)
          const rows = steps.flatMap((s) => page(s, i.offset ?? 0, i.perStep))
          return ok({ rows, total: 3240, counts: COUNTS })
        },
      },
      {},
    )
    render(
      <TestProviders role="coordinator">
        <PlacementsBoardPage />
      </TestProviders>,
    )
    const proposed = await screen.findByRole('region', { name: 'Voorgesteld' })
    expect(screen.getByTestId('board-count-proposed').textContent).toBe('2.271')
    expect(screen.getByTestId('board-count-placed').textContent).toBe('904')
    expect(screen.getByTestId('board-count-introduction').textContent).toBe('16')
    expect(within(proposed).getAllByRole('article')).toHaveLength(25)
    expect(screen.getByTestId('board-per-step-note').textContent).toMatch(/nieuwste 25/)
    expect(within(proposed).getByText('25 van 2.271 getoond')).toBeTruthy()
    // A column with all its cards has nothing more to show.
    const intro = screen.getByRole('region', { name: 'Kennismaking' })
    expect(within(intro).getAllByRole('article')).toHaveLength(16)
    expect(within(intro).queryByRole('button', { name: 'Meer tonen' })).toBeNull()

    fireEvent.click(within(proposed).getByRole('button', { name: 'Meer tonen' }))
    await waitFor(() => expect(within(proposed).getAllByRole('article')).toHaveLength(50))
    expect(within(proposed).getByText('50 van 2.271 getoond')).toBeTruthy()
    expect(callsOf(calls, 'placements.list')).toEqual([
      { scope: 'active', perStep: 25 },
      { step: 'proposed', perStep: 25, offset: 25 },
    ])
  })
})

function vacancy(id: number): VacancyListItem {
  return {
    id,
    partnerId: 1,
    partnerName: 'Eigen winkel',
    title: `Plek ${id}`,
    place: 'Eemstad',
    district: null,
    places: 2,
    taken: 1,
    active: true,
  }
}

describe('vacancies list', () => {
  it('shows one page of 25 with the total and fetches the next page from main', async () => {
    const calls = installFakeBridge(
      {
        'organisations.list': () => ok([]),
        'vacancies.list': (input) => {
          const { offset, limit } = input as { offset: number; limit: number }
          const n = Math.min(limit, 1000 - offset)
          return ok({
            rows: Array.from({ length: n }, (_, i) => vacancy(offset + i + 1)),
            total: 1000,
          })
        },
      },
      {},
    )
    render(
      <TestProviders role="coordinator">
        <VacanciesPage />
      </TestProviders>,
    )
    expect((await screen.findByTestId('vacancies-count')).textContent).toBe('1.000 vacatures')
    expect(await screen.findByText('1–25 van 1.000')).toBeTruthy()
    expect(screen.getByText('Plek 25')).toBeTruthy()
    expect(screen.queryByText('Plek 26')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: /volgende/i }))
    expect(await screen.findByText('26–50 van 1.000')).toBeTruthy()
    expect(await screen.findByText('Plek 26')).toBeTruthy()
    expect(callsOf(calls, 'vacancies.list').at(-1)).toMatchObject({ limit: 25, offset: 25 })
  })
})

function complaint(id: number): ComplaintSummary {
  return {
    id,
    number: `K-2026-${String(id).padStart(3, '0')}`,
    receivedOn: '2026-09-01',
    channel: 'letter',
    complainant: {
      kind: 'contact',
      label: null,
      householdId: null,
      personId: null,
      name: `Klager ${id}`,
      contact: null,
    },
    category: { id: 1, name: 'Bejegening' },
    step: 1,
    handler: null,
    state: 'closed',
    outcome: 'founded',
    closedOn: '2026-10-01',
    next: null,
  } as ComplaintSummary
}

describe('all complaints', () => {
  it('says the real total and pages through every complaint', async () => {
    window.location.hash = '#/complaints?tab=all'
    const calls = installFakeBridge(
      {
        'complaints.categories': () => ok([]),
        'complaints.deadlines': () => ok({ today: '2026-12-05', rows: [], late: 0, soon: 0 }),
        'complaints.list': (input) => {
          const { offset, limit } = input as { offset: number; limit: number }
          const n = Math.min(limit, 3000 - offset)
          return ok({
            rows: Array.from({ length: n }, (_, i) => complaint(offset + i + 1)),
            total: 3000,
          })
        },
      },
      {},
    )
    render(
      <TestProviders role="coordinator">
        <ComplaintsPage />
      </TestProviders>,
    )
    expect((await screen.findByTestId('complaints-count')).textContent).toBe('3.000 klachten')
    expect(await screen.findByText('1–50 van 3.000')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '60' }))
    expect(await screen.findByText('2.951–3.000 van 3.000')).toBeTruthy()
    expect(await screen.findByText('K-2026-3000')).toBeTruthy()
    expect(callsOf(calls, 'complaints.list').at(-1)).toMatchObject({ limit: 50, offset: 2950 })
  })
})
