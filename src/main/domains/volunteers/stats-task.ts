import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import type { VolunteersStats } from '../../../shared/schemas/volunteers-followup'
import { daysBetween } from '../../../shared/dates'
import type { DB } from '../../db/schema'
import { defineTask } from '../../workers/task'
import type { StatsContext } from '../shop/stats-task'
import { countVolunteersStats } from './stats-queries'

/**
 * A period longer than this is counted in a worker thread, as the shop's figures are: a year
 * takes a few milliseconds on main at ten years of data, ten years take more.
 */
export const VOLUNTEERS_STATS_WORKER_FROM_DAYS = 366

/** `volunteers.stats` over a long period, on the worker's own read-only connection. */
export const volunteersStatsTask = defineTask<
  { input: MethodParsed<'volunteers.stats'>; now: string },
  VolunteersStats
>('volunteers.stats', async ({ input, now }, ctx) => {
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: ctx.openDatabase() }),
    plugins: [new CamelCasePlugin()],
  })
  try {
    return await countVolunteersStats(db, input, new Date(now))
  } finally {
    await db.destroy()
  }
})

/** The volunteers' figures: a period over a year in a worker (listed as the screen's job). */
export function volunteersStats(
  ctx: StatsContext,
  input: MethodParsed<'volunteers.stats'>,
): Promise<VolunteersStats> {
  if (daysBetween(input.from, input.to) < VOLUNTEERS_STATS_WORKER_FROM_DAYS)
    return countVolunteersStats(ctx.db, input, ctx.clock.now())
  return ctx.vault.workers.run(
    volunteersStatsTask,
    { input, now: ctx.clock.now().toISOString() },
    {
      jobLabelKey: 'jobs.labels.volunteersStats',
      owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
    },
  )
}
