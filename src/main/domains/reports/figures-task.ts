import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { collectFigures } from './collect'
import type { RawFigures } from './figures'

/**
 * One period's counts of the subsidy report on a worker's kept read connection: a year of the
 * shop, the volunteers and the rest is some hundred milliseconds of SQL at ten years of data,
 * which on main would hold up every window. This year and last year run as two tasks at once.
 */
export const subsidyFiguresTask = defineTask<
  { period: { from: string; to: string; area: string | null }; today: string; now: string },
  RawFigures
>('reports.figures', ({ period, today, now }, ctx) =>
  collectFigures(figuresDb(ctx), period, today, new Date(now)),
)
