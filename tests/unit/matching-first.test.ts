import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { firstInOrder } from '../../src/main/domains/volunteers/matching-rank'
import { compareExcluded, compareRanked } from '../../src/main/domains/volunteers/matching-score'

/*
 * A matching page shows the first twenty of thousands; the ranking picks those without sorting
 * the whole register. The pick must be exactly the start of the full sort, for either list, at
 * any page length "Meer tonen" asks for.
 */

const row = fc.record({
  tenths: fc.integer({ min: 0, max: 1000 }),
  waitingDays: fc.integer({ min: 0, max: 800 }),
  reasons: fc.integer({ min: 0, max: 3 }),
})

describe('the first of a ranked list', () => {
  it('are the start of the full sort, ranked and excluded alike, at any length', () => {
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 300 }),
        fc.integer({ min: 1, max: 320 }),
        (rows, k) => {
          // Ids as the register has them: unique, in no particular order.
          const all = rows.map((r, i) => ({ ...r, id: (i * 7919) % 10007 }))
          for (const [keep, compare] of [
            [(r: (typeof all)[number]) => r.reasons === 0, compareRanked],
            [(r: (typeof all)[number]) => r.reasons > 0, compareExcluded],
          ] as const) {
            const expected = all
              .filter(keep)
              .sort(compare)
              .slice(0, k)
              .map((r) => r.id)
            const picked = firstInOrder(
              all.length,
              k,
              (i) => keep(all[i]),
              (x, y) => compare(all[x], all[y]),
            ).map((i) => all[i].id)
            expect(picked).toEqual(expected)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('picks the highest score, then the longest wait, then the lowest id, from a long list', () => {
    const n = 5000
    const all = Array.from({ length: n }, (_, i) => ({
      id: n - i,
      tenths: i % 97,
      waitingDays: i % 13,
      reasons: 0,
    }))
    const picked = firstInOrder(
      n,
      3,
      () => true,
      (x, y) => compareRanked(all[x], all[y]),
    ).map((i) => all[i])
    expect(picked.map((r) => [r.tenths, r.waitingDays])).toEqual([
      [96, 12],
      [96, 12],
      [96, 12],
    ])
    // Equal score and wait: the lowest ids first.
    expect(picked[0].id).toBeLessThan(picked[1].id)
    expect(picked[1].id).toBeLessThan(picked[2].id)
  })
})
