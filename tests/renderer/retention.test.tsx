// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { notifications } from '@mantine/notifications'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent, { type UserEvent } from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RetentionPage } from '../../src/renderer/src/features/retention/retention-page'
import type { RetentionDue, RetentionDueRow } from '../../src/shared/schemas/retention'
import type { SubjectKind } from '../../src/shared/schemas/subjects'
import { callsOf, describedText, fail, installFakeBridge, ok, type Handler } from './fake-bridge'
import { TestProviders } from './session'

const TERMS = { households: 24, people: 24, complaints: 24 }

const ROWS: RetentionDueRow[] = [
  {
    kind: 'household',
    id: 7,
    reference: 'H-00007',
    name: 'Anna Oud',
    district: 'Noord',
    lastContact: '2023-03-07',
    canDelete: false,
  },
  {
    kind: 'household',
    id: 9,
    reference: 'H-00009',
    name: 'Bram Leeg',
    district: null,
    lastContact: '2023-05-10',
    canDelete: true,
  },
]

/**
 * What main answers: the asked kind's page of `rows`, and the count of every kind (`extra` adds
 * records beyond those listed, to stand for a large organisation).
 */
function due(
  rows: RetentionDueRow[],
  input: unknown = {},
  extra: Partial<Record<SubjectKind, number>> = {},
): RetentionDue {
  const {
    kind = 'household',
    offset = 0,
    limit = 50,
  } = input as {
    kind?: SubjectKind
    offset?: number
    limit?: number
  }
  const count = (k: SubjectKind): number =>
    rows.filter((r) => r.kind === k).length + (extra[k] ?? 0)
  const ofKind = rows.filter((r) => r.kind === kind)
  return {
    today: '2026-06-15',
    terms: TERMS,
    cutoffs: { households: '2024-06-15', people: '2024-06-15', complaints: '2024-06-15' },
    counts: {
      household: count('household'),
      person: count('person'),
      complaint: count('complaint'),
      helpRequest: count('helpRequest'),
    },
    kind,
    total: count(kind),
    offset,
    rows: ofKind.slice(offset, offset + limit),
  }
}

function renderPage(): UserEvent {
  const user = userEvent.setup()
  render(
    <TestProviders role="admin">
      <RetentionPage />
    </TestProviders>,
  )
  return user
}

function row(name: string): HTMLElement {
  return screen.getByText(name).closest('tr') as HTMLElement
}

afterEach(() => {
  cleanup()
  notifications.clean()
  vi.restoreAllMocks()
  delete window.api
})

describe('retention page', () => {
  function bridge(handlers: Record<string, Handler> = {}) {
    let rows = ROWS
    return installFakeBridge(
      {
        'retention.due': (input) => ok(due(rows, input)),
        'retention.terms': () => ok(TERMS),
        'retention.anonymise': (input) => {
          const { id } = input as { id: number }
          rows = rows.filter((r) => r.id !== id)
          return ok({ kind: 'household', id, changed: true })
        },
        'retention.delete': (input) => {
          const { id } = input as { id: number }
          rows = rows.filter((r) => r.id !== id)
          return ok({ kind: 'household', id, changed: true })
        },
      },
      handlers,
    )
  }

  it('lists the due households with their last contact, oldest first', async () => {
    bridge()
    renderPage()
    await screen.findByText('Anna Oud')
    expect(within(row('Anna Oud')).getByText('07-03-2023')).toBeTruthy()
    expect(within(row('Bram Leeg')).getByText('10-05-2023')).toBeTruthy()
    expect(screen.getByTestId('retention-count').textContent).toBe('2 huishoudens')
    expect(screen.getByText(/Laatste contact vóór 15-06-2024 \(termijn 24 maanden\)/)).toBeTruthy()
    // A household that counts in past figures cannot be deleted; the button says why.
    const del = within(row('Anna Oud')).getByRole('button', {
      name: 'Anna Oud (H-00007) verwijderen',
    }) as HTMLButtonElement
    expect(del.disabled).toBe(true)
    expect(del.title).toMatch(/Anonimiseer het in plaats daarvan/)
    // Also said in the page itself, for keyboard and touch users.
    expect(screen.getByTestId('retention-delete-note').textContent).toMatch(
      /Anonimiseer het in plaats daarvan/,
    )
  })

  it('anonymises after a confirmation that says it cannot be undone', async () => {
    const calls = bridge()
    const user = renderPage()
    await screen.findByText('Anna Oud')
    await user.click(
      within(row('Anna Oud')).getByRole('button', { name: 'Anna Oud (H-00007) anonimiseren' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Anna Oud (H-00007) anonimiseren?' })
    expect(within(dialog).getByText(/kan niet ongedaan worden gemaakt/)).toBeTruthy()
    // Honest about backups: erased again after a restore here, but not everywhere.
    expect(within(dialog).getByText(/wist Dichtbij het opnieuw/).textContent).toMatch(
      /op een andere computer wordt teruggezet, zonder de nieuwere back-ups, kan het terugbrengen/,
    )
    expect(within(dialog).queryByText(/ook niet door een oudere back-up/)).toBeNull()
    expect(within(dialog).getByText(/cijfers van eerdere periodes niet veranderen/)).toBeTruthy()
    // Cancelling does nothing.
    await user.click(within(dialog).getByRole('button', { name: 'Annuleren' }))
    expect(callsOf(calls, 'retention.anonymise')).toEqual([])

    await user.click(
      within(row('Anna Oud')).getByRole('button', { name: 'Anna Oud (H-00007) anonimiseren' }),
    )
    const again = await screen.findByRole('dialog', { name: 'Anna Oud (H-00007) anonimiseren?' })
    await user.click(within(again).getByRole('button', { name: 'Anonimiseren' }))
    await screen.findByText('H-00007 is geanonimiseerd.')
    expect(callsOf(calls, 'retention.anonymise')).toEqual([{ kind: 'household', id: 7 }])
    await waitFor(() => expect(screen.queryByText('Anna Oud')).toBeNull())
  })

  it("deletes a household no report counts, and shows main's refusal in Dutch", async () => {
    const calls = bridge({
      'retention.delete': () => fail({ code: 'CONFLICT', key: 'retentionInReports' }),
    })
    const user = renderPage()
    await screen.findByText('Bram Leeg')
    await user.click(
      within(row('Bram Leeg')).getByRole('button', { name: 'Bram Leeg (H-00009) verwijderen' }),
    )
    const dialog = await screen.findByRole('dialog', { name: 'Bram Leeg (H-00009) verwijderen?' })
    expect(within(dialog).getByText(/helemaal verwijderd/)).toBeTruthy()
    await user.click(within(dialog).getByRole('button', { name: 'Verwijderen' }))
    await screen.findByText(/telt mee in de cijfers van eerdere periodes/)
    expect(callsOf(calls, 'retention.delete')).toEqual([{ kind: 'household', id: 9 }])
  })

  it('saves the terms, checking their range first', async () => {
    const calls = bridge({
      'retention.updateTerms': (input) => ok({ ...TERMS, ...(input as object) }),
    })
    const user = renderPage()
    const households = await screen.findByRole('textbox', { name: /^Huishoudens/ })
    // People have their part now; complaints say when theirs applies.
    expect(screen.getAllByText('Geldt zodra dit deel van Dichtbij er is.')).toHaveLength(1)
    expect(screen.getByText(/Deelnemers en vrijwilligers, met koppelingen/)).toBeTruthy()
    await user.clear(households)
    await user.type(households, '3')
    await user.click(screen.getByRole('button', { name: 'Termijnen opslaan' }))
    expect(describedText(households)).toContain('Minimaal 6')
    expect(callsOf(calls, 'retention.updateTerms')).toEqual([])
    await user.clear(households)
    await user.type(households, '36')
    await user.click(screen.getByRole('button', { name: 'Termijnen opslaan' }))
    await screen.findByText('De bewaartermijnen zijn opgeslagen.')
    expect(callsOf(calls, 'retention.updateTerms')).toEqual([
      { households: 36, people: 24, complaints: 24 },
    ])
  })
})

describe('retention page with people of the volunteers domain', () => {
  it('links a person to the person page and says what anonymising a person keeps', async () => {
    const person: RetentionDueRow = {
      kind: 'person',
      id: 12,
      reference: 'D-00012',
      name: 'Sanne Bakker',
      district: 'Zuid',
      lastContact: '2023-02-01',
      canDelete: false,
    }
    installFakeBridge(
      {
        'retention.due': (input) => ok(due([ROWS[0], person], input)),
        'retention.terms': () => ok(TERMS),
      },
      {},
    )
    const user = renderPage()
    await screen.findByText('Anna Oud')
    expect(within(row('Anna Oud')).getByText('H-00007').getAttribute('href')).toBe('#/households/7')
    await user.click(screen.getByText('Deelnemers (1)'))
    await screen.findByText('Sanne Bakker')
    expect(within(row('Sanne Bakker')).getByText('D-00012').getAttribute('href')).toBe(
      '#/volunteers/people/12',
    )
    expect(screen.getByTestId('retention-count').textContent).toBe('1 deelnemer')
    await user.click(
      within(row('Sanne Bakker')).getByRole('button', {
        name: 'Sanne Bakker (D-00012) anonimiseren',
      }),
    )
    const dialog = await screen.findByRole('dialog', {
      name: 'Sanne Bakker (D-00012) anonimiseren?',
    })
    expect(within(dialog).getByText(/Aanmelding, intake, koppelingen, uren, metingen/)).toBeTruthy()
    expect(within(dialog).queryByText(/gezinsleden/)).toBeNull()
    // The term for people applies now: it no longer says it will once the part exists.
    expect(screen.getByText(/Deelnemers en vrijwilligers, met koppelingen/)).toBeTruthy()
  })
})

describe('retention page of a large organisation', () => {
  it('shows one kind at a time with its own count, and asks main for each page', async () => {
    const people: RetentionDueRow[] = Array.from({ length: 60 }, (_, i) => ({
      kind: 'person',
      id: 100 + i,
      reference: `D-${String(100 + i).padStart(5, '0')}`,
      name: `Deelnemer ${i}`,
      district: null,
      lastContact: '2020-01-01',
      canDelete: false,
    }))
    const calls = installFakeBridge(
      {
        'retention.due': (input) =>
          ok(due([...ROWS, ...people], input, { person: 14_334, household: 655 })),
        'retention.terms': () => ok(TERMS),
      },
      {},
    )
    const user = renderPage()
    await screen.findByText('Anna Oud')
    // The count names the kind shown, with a thousands point.
    expect(screen.getByTestId('retention-count').textContent).toBe('657 huishoudens')
    expect(screen.getByText('Deelnemers (14.394)')).toBeTruthy()
    await user.click(screen.getByText('Deelnemers (14.394)'))
    await screen.findByText('Deelnemer 0')
    expect(screen.getByTestId('retention-count').textContent).toBe('14.394 deelnemers')
    expect(screen.queryByText('Anna Oud')).toBeNull()
    // Only a page is rendered; the next one is asked of main.
    expect(screen.queryByText('Deelnemer 50')).toBeNull()
    expect(screen.getByText('1–50 van 14.394')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /pagina 2|^2$/i }))
    await screen.findByText('Deelnemer 50')
    expect(callsOf(calls, 'retention.due')).toContainEqual({
      kind: 'person',
      offset: 50,
      limit: 50,
    })
  })
})
