import { validationError } from '../../../shared/errors'
import type { Kysely } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import type { ShopStats, ShopTotals } from '../../../shared/schemas/shop'
import { daysBetween } from '../../../shared/dates'
import type { ServiceContext } from '../../context'
import type { DB } from '../../db/schema'
import type { Vault } from '../../vault/vault'
import { figuresDb } from '../../workers/figures-db'
import { defineTask, type TaskContext } from '../../workers/task'
import { countShopStats, countShopTotals, shopStart, shopStats, shopTotals } from './stats'

/**
 * A period of this many days or more is counted in a worker thread: a year of a busy shop (19,000
 * visits) took 50 ms on main at ten years of data, ten years a few hundred, either of which holds
 * up every window. A month or so stays on main (a few milliseconds), sparing it the hop.
 */
export const STATS_WORKER_FROM_DAYS = 92

/**
 * The figures since the start are counted in a worker when the shop's history up to the date is
 * this long or longer; a younger shop's are counted on main.
 */
export const TOTALS_WORKER_FROM_DAYS = 366

/** Runs `count` on the worker's kept read connection (warm between figure tasks). */
function onWorkerDb<T>(ctx: TaskContext, count: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  return count(figuresDb(ctx))
}

/** `shop.stats` over a long period, on the worker's own read-only connection. */
export const shopStatsTask = defineTask<
  { input: MethodParsed<'shop.stats'>; now: string },
  ShopStats
>('shop.stats', ({ input, now }, ctx) =>
  onWorkerDb(ctx, (db) => countShopStats(db, input, new Date(now))),
)

/** `shop.totals` over a long history, on the worker's own read-only connection. */
export const shopTotalsTask = defineTask<
  { input: MethodParsed<'shop.totals'>; now: string },
  ShopTotals
>('shop.totals', ({ input, now }, ctx) =>
  onWorkerDb(ctx, (db) => countShopTotals(db, input, new Date(now))),
)

export interface StatsContext extends ServiceContext {
  vault: Pick<Vault, 'workers'>
}

/** The shop's figures: a long period in a worker, listed as the screen's job meanwhile. */
export function shopStatsAnywhere(
  ctx: StatsContext,
  input: MethodParsed<'shop.stats'>,
): Promise<ShopStats> {
  if (daysBetween(input.from, input.to) < STATS_WORKER_FROM_DAYS) return shopStats(ctx, input)
  return ctx.vault.workers.run(
    shopStatsTask,
    { input, now: ctx.clock.now().toISOString() },
    {
      jobLabelKey: 'jobs.labels.shopStats',
      owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
    },
  )
}

/**
 * The figures since the start and on a date. Since the start is as long as the shop's history:
 * a history longer than a year is counted in a worker (as `shop.stats` over such a period is),
 * listed as the screen's job; where the start is a year or less before the date, on main. The
 * start is two index seeks, read on main to decide.
 */
export async function shopTotalsAnywhere(
  ctx: StatsContext,
  input: MethodParsed<'shop.totals'>,
): Promise<ShopTotals> {
  // Figures of a day still to come would look like a forecast; they are refused at the field.
  if (input.date > ctx.clock.today()) throw validationError([{ path: 'date', key: 'futureDate' }])
  const start = await shopStart(ctx.db, input.date)
  if (start === null || daysBetween(start, input.date) < TOTALS_WORKER_FROM_DAYS)
    return shopTotals(ctx, input)
  return ctx.vault.workers.run(
    shopTotalsTask,
    { input, now: ctx.clock.now().toISOString() },
    {
      jobLabelKey: 'jobs.labels.shopTotals',
      owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
    },
  )
}
