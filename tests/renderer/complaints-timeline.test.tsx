// @vitest-environment jsdom
import './setup-dom'
import '../../src/renderer/src/i18n'
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { TestProviders as Providers } from './session'
import { ComplaintTimeline } from '../../src/renderer/src/features/complaints/complaint-timeline'
import { en, nl } from '../../src/renderer/src/features/complaints/texts'
import { entryView as entry } from './complaint-fixtures'

function leaves(obj: unknown, prefix = ''): Record<string, string> {
  if (typeof obj === 'string') return { [prefix]: obj }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj as Record<string, unknown>))
    Object.assign(out, leaves(v, prefix ? `${prefix}.${k}` : k))
  return out
}

describe('the complaint timeline', () => {
  afterEach(cleanup)

  it('shows a correction beside the entry it corrects, which stays as it was, and not again on its own', () => {
    const entries = [
      entry({ id: 1, kind: 'received', step: 1 }),
      entry({
        id: 2,
        kind: 'hearing',
        party: 'complainant',
        persons: 'Ilse Klaagmans',
        text: 'Zij werd uitgelachen bij de kassa.',
        correctedBy: [4],
      }),
      entry({ id: 3, kind: 'note', text: 'Gebeld met de klager.' }),
      entry({
        id: 4,
        kind: 'correction',
        correctsId: 2,
        text: 'Niet uitgelachen maar hard toegesproken.',
        newDate: '2026-12-04',
        date: '2026-12-06',
      }),
    ]
    render(
      <Providers role="coordinator">
        <ComplaintTimeline entries={entries} onCorrect={() => undefined} />
      </Providers>,
    )
    const hearing = screen.getByTestId('entry-2')
    expect(hearing.textContent).toContain('Zij werd uitgelachen bij de kassa.')
    expect(hearing.textContent).toContain('Gehoord (klager): Ilse Klaagmans')
    expect(within(hearing).getByText('Gecorrigeerd')).toBeTruthy()
    const correction = within(hearing).getByTestId('correction-4')
    expect(correction.textContent).toContain('Niet uitgelachen maar hard toegesproken.')
    expect(correction.textContent).toContain('Juiste datum: 04-12-2026')
    // Three items: received, the hearing with its correction, the note.
    expect(screen.queryByTestId('entry-4')).toBeNull()
    expect(screen.getAllByTestId(/^entry-/)).toHaveLength(3)
    // The receipt itself is not corrected here; the others can be.
    expect(screen.getAllByRole('button', { name: /^Correctie op / })).toHaveLength(2)
  })

  it('has every Dutch text of the complaints screens in English, with the same placeholders', () => {
    const n = leaves(nl)
    const e = leaves(en)
    expect(Object.keys(e).sort()).toEqual(Object.keys(n).sort())
    const vars = (s: string): string[] => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort()
    for (const [key, text] of Object.entries(n)) {
      expect(text.trim(), key).not.toBe('')
      expect(vars(e[key]), key).toEqual(vars(text))
    }
  })
})
