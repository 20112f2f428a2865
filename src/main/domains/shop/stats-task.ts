import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import type { ShopStats } from '../../../shared/schemas/shop'
import { daysBetween } from '../../../shared/dates'
import type { ServiceContext } from '../../context'
import type { DB } from '../../db/schema'
import type { Vault } from '../../vault/vault'
import { defineTask } from '../../workers/task'
import { countShopStats, shopStats } from './stats'

/**
 * A period longer than this is counted in a worker thread. A year stays on main (tens of
 * milliseconds at ten years of data); ten years take a few hundred, which would hold up every
 * window if counted on main's thread.
 */
export const STATS_WORKER_FROM_DAYS = 366

/** `shop.stats` over a long period, on the worker's own read-only connection. */
export const shopStatsTask = defineTask<
  { input: MethodParsed<'shop.stats'>; now: string },
  ShopStats
>('shop.stats', async ({ input, now }, ctx) => {
  // The same query builder and column names as main's, so the figures are counted exactly so.
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: ctx.openDatabase() }),
    plugins: [new CamelCasePlugin()],
  })
  try {
    return await countShopStats(db, input, new Date(now))
  } finally {
    await db.destroy()
  }
})

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
      owner: { sessionId: ctx.session.sessionId ?? null },
    },
  )
}
