import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { sameFiguresDays } from '../complaints/annual-report-queries'
import { collectRest, collectShop, type Period, type RestPart, type ShopPart } from './collect'

interface FiguresInput {
  period: Period
  today: string
  now: string
}

/**
 * One period's counts of the subsidy report on a worker's kept read connection: a year is some
 * 230 ms of SQL at ten years of data, which on main would hold up every window. The shop's
 * figures are about half of it, so they can be a task of their own: a single period not kept is
 * counted by two threads at once (see `countIn` in subsidy.ts).
 */
export const subsidyShopFiguresTask = defineTask<FiguresInput, ShopPart>(
  'reports.figuresShop',
  ({ period, now }, ctx) => collectShop(figuresDb(ctx), period, new Date(now)),
)

/**
 * The rest of a period's counts (with `shop`, the shop's figures first, for a period counted by one
 * thread), and the days on which `today` gives them the same.
 */
export const subsidyFiguresTask = defineTask<
  FiguresInput & { shop: boolean },
  {
    shop: ShopPart | null
    figures: RestPart
    days: { after: string | null; until: string | null }
  }
>('reports.figures', async ({ period, today, now, shop }, ctx) => {
  const db = figuresDb(ctx)
  const shopPart = shop ? await collectShop(db, period, new Date(now)) : null
  const figures = await collectRest(db, period, today, new Date(now))
  return {
    shop: shopPart,
    figures,
    days: await sameFiguresDays(db, period.from, period.to, today),
  }
})
