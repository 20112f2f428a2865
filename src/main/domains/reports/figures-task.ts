import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { sameFiguresDays } from '../complaints/annual-report-queries'
import { collectRest, collectShop, type Period, type RestPart, type ShopPart } from './collect'

interface FiguresInput {
  periods: Period[]
  today: string
  now: string
}

/**
 * The shop's counts of the subsidy report's periods not kept (its figures, the people of its
 * households and its visits per month), on a worker's kept read connection: a year is some 30 ms
 * of SQL at ten years of data on a connection whose cache was just emptied, which on main would
 * hold up every window. A second task counts the rest of the same periods at the same time on the other thread (see
 * `countIn` in subsidy.ts). Each task counts all the periods, one after the other, so the second
 * year reads the pages the first one read (the same indexes of people and measurements) from the
 * connection's cache: a write elsewhere empties that cache, and a count after a change starts cold.
 */
export const subsidyShopFiguresTask = defineTask<FiguresInput, ShopPart[]>(
  'reports.figuresShop',
  async ({ periods, now }, ctx) => {
    const db = figuresDb(ctx)
    const out: ShopPart[] = []
    for (const period of periods) out.push(await collectShop(db, period, new Date(now)))
    return out
  },
)

/** The rest of the periods' counts, and the days on which `today` gives them the same. */
export const subsidyFiguresTask = defineTask<
  FiguresInput,
  { figures: RestPart; days: { after: string | null; until: string | null } }[]
>('reports.figures', async ({ periods, today, now }, ctx) => {
  const db = figuresDb(ctx)
  const out: { figures: RestPart; days: { after: string | null; until: string | null } }[] = []
  for (const period of periods)
    out.push({
      figures: await collectRest(db, period, today, new Date(now)),
      days: await sameFiguresDays(db, period.from, period.to, today),
    })
  return out
})
