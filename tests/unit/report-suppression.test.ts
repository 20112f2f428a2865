import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SubsidyFigure } from '../../src/shared/schemas/reports'
import { leaks, suppressSmallCells } from '../../src/main/domains/reports/suppression'

function figure(
  key: string,
  value: number,
  lastYear: number,
  partOf: string | null,
): SubsidyFigure {
  return {
    key,
    section: 'demographics',
    label: { nl: key, en: key },
    definitionKey: 'demographics.people',
    version: 1,
    unit: 'people',
    partOf,
    value,
    lastYear,
    target: null,
    targetBase: null,
    deviation: null,
    needsExplanation: false,
    explanation: null,
    hidden: { value: false, lastYear: false },
  }
}

/** A total with two breakdowns of it (as gender and age break down the people reached). */
function table(a: number[], b: number[], before: number[]): SubsidyFigure[] {
  const total = a.reduce((n, v) => n + v, 0)
  const rest = total - b.reduce((n, v) => n + v, 0)
  const bs = [...b, Math.max(rest, 0)]
  return [
    figure(
      't',
      total,
      before.reduce((n, v) => n + v, 0),
      null,
    ),
    ...a.map((v, i) => figure(`t.a.${i}`, v, before[i] ?? 0, 't')),
    ...bs.map((v, i) => figure(`t.b.${i}`, v, 0, 't')),
  ]
}

describe('small cells', () => {
  it('hides every count of people under the threshold, and no hidden cell can be worked out', () => {
    const counts = fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 6 })
    fc.assert(
      fc.property(counts, counts, counts, fc.integer({ min: 2, max: 6 }), (a, b, before, t) => {
        const bTrim = b.slice(0, a.length)
        if (bTrim.reduce((n, v) => n + v, 0) > a.reduce((n, v) => n + v, 0)) return
        const figures = table(a, bTrim, before.slice(0, a.length))
        suppressSmallCells(figures, t)
        for (const f of figures) {
          if (f.value !== null && f.value > 0 && f.value < t) expect(f.hidden.value).toBe(true)
          if (f.lastYear !== null && f.lastYear > 0 && f.lastYear < t)
            expect(f.hidden.lastYear).toBe(true)
        }
        expect(leaks(figures)).toEqual([])
      }),
    )
  })

  it('hides the smallest other row, not a larger one, beside a lone small row', () => {
    const figures = table([3, 9, 6], [], [])
    suppressSmallCells(figures, 5)
    expect(figures.filter((f) => f.hidden.value).map((f) => f.key)).toEqual(['t.a.0', 't.a.2'])
  })

  it('hides the total when the lone small row has no other non-zero row beside it', () => {
    const figures = [
      figure('t', 3, 0, null),
      figure('t.a.0', 3, 0, 't'),
      figure('t.a.1', 0, 0, 't'),
    ]
    suppressSmallCells(figures, 5)
    expect(figures.map((f) => f.hidden.value)).toEqual([true, true, false])
  })

  it('never hides counts that are not of people', () => {
    const f = { ...figure('v', 2, 2, null), unit: 'count' as const }
    suppressSmallCells([f], 5)
    expect(f.hidden).toEqual({ value: false, lastYear: false })
  })
})
