import { STATEMENT_MIN_N } from '../../../shared/schemas/outcomes'
import type { SubsidyFigure } from '../../../shared/schemas/reports'

/**
 * What a hidden cell prints instead of its number: "< 5" for a small count of people, "n < 5"
 * for a mean or share of too few answers (so it does not read as a mean under 5).
 */
export function hiddenMarkOf(f: SubsidyFigure, threshold: number): string {
  return f.basis ? `n < ${Math.max(threshold, STATEMENT_MIN_N)}` : `< ${threshold}`
}

type Column = 'value' | 'lastYear'
const COLUMNS: readonly Column[] = ['value', 'lastYear']

/**
 * The breakdown a row belongs to: its total and its key without the last part, so the gender rows
 * (`demographics.people.gender.f`) and the age rows (`demographics.people.age.children`) of the
 * same total are two breakdowns, each adding up to it on its own.
 */
export function breakdownOf(f: SubsidyFigure): string {
  return `${f.partOf}\u0000${f.key.slice(0, f.key.lastIndexOf('.'))}`
}

/**
 * A count of people under the threshold (but not 0, which tells nothing about anyone), or a mean
 * or share worked out from fewer answers than the floor for answers (or the threshold, if higher).
 */
function small(f: SubsidyFigure, column: Column, threshold: number, answersFloor: number): boolean {
  const v = f[column]
  const basis = f.basis?.[column]
  if (basis !== undefined && basis !== null && v !== null)
    return basis > 0 && basis < Math.max(threshold, answersFloor)
  return f.unit === 'people' && v !== null && v > 0 && v < threshold
}

/**
 * Marks the cells that leave the organisation as "< threshold" (the PDF, the exports): every
 * count of people under the threshold, and, where a breakdown's rows add up to a printed total,
 * as many other cells as it takes that no hidden cell can be worked out by subtraction.
 *
 * A breakdown is the rows sharing a total (`partOf`) and a key prefix (`breakdownOf`). With exactly one hidden
 * row and the total shown, the smallest other non-zero row of that breakdown is hidden too
 * (complementary suppression); when no such row is left, the total is hidden. Each column
 * (this period, last year) is a table of its own. Repeated until nothing changes, since hiding
 * a total can make it the one hidden row of another breakdown.
 */
export function suppressSmallCells(
  figures: SubsidyFigure[],
  threshold: number,
  answersFloor = 0,
): void {
  const byKey = new Map(figures.map((f) => [f.key, f]))
  const groups = new Map<string, SubsidyFigure[]>()
  for (const f of figures) {
    if (f.partOf === null || !byKey.has(f.partOf)) continue
    const id = breakdownOf(f)
    const list = groups.get(id)
    if (list) list.push(f)
    else groups.set(id, [f])
  }
  for (const column of COLUMNS) {
    for (const f of figures) f.hidden[column] = small(f, column, threshold, answersFloor)
    for (let changed = true; changed;) {
      changed = false
      for (const rows of groups.values()) {
        const total = byKey.get(rows[0].partOf as string) as SubsidyFigure
        if (total.hidden[column]) continue
        const hidden = rows.filter((r) => r.hidden[column])
        if (hidden.length !== 1) continue
        const others = rows
          .filter((r) => !r.hidden[column] && (r[column] ?? 0) > 0)
          .sort((a, b) => (a[column] ?? 0) - (b[column] ?? 0))
        const next = others[0] ?? total
        next.hidden[column] = true
        changed = true
      }
    }
  }
}

/**
 * True when some hidden cell could be worked out from what is printed: a breakdown whose total is
 * shown, with exactly one hidden row (the rows must add up to the total for this to be a leak;
 * a test checks every breakdown the report prints does).
 */
export function leaks(figures: readonly SubsidyFigure[]): string[] {
  const byKey = new Map(figures.map((f) => [f.key, f]))
  const found: string[] = []
  const groups = new Map<string, SubsidyFigure[]>()
  for (const f of figures) {
    if (f.partOf === null || !byKey.has(f.partOf)) continue
    const id = breakdownOf(f)
    groups.set(id, [...(groups.get(id) ?? []), f])
  }
  for (const column of COLUMNS)
    for (const rows of groups.values()) {
      const total = byKey.get(rows[0].partOf as string) as SubsidyFigure
      if (!total.hidden[column] && rows.filter((r) => r.hidden[column]).length === 1)
        found.push(`${column}:${rows.find((r) => r.hidden[column])?.key}`)
    }
  return found
}
