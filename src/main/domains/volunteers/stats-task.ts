import type { MethodParsed } from '../../../shared/api'
import type { VolunteersStats } from '../../../shared/schemas/volunteers-followup'
import { daysBetween } from '../../../shared/dates'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import type { StatsContext } from '../shop/stats-task'
import { countVolunteersStats } from './stats-queries'
import { countSupportFigures } from '../support/stats-queries'
import type { Db } from '../../context'

/** The volunteers' figures with those of help requests, informal carers and trainings. */
export async function countVolunteersWithSupport(
  db: Db,
  input: MethodParsed<'volunteers.stats'>,
  now: Date,
): Promise<VolunteersStats> {
  const figures = await countVolunteersStats(db, input, now)
  return {
    ...figures,
    support: await countSupportFigures(db, input.from, input.to, input.district ?? null),
  }
}

/**
 * A period longer than this is counted in a worker thread, as the shop's figures are.
 */
export const VOLUNTEERS_STATS_WORKER_FROM_DAYS = 366

/** `volunteers.stats` over a long period, on the worker's kept read connection. */
export const volunteersStatsTask = defineTask<
  { input: MethodParsed<'volunteers.stats'>; now: string },
  VolunteersStats
>('volunteers.stats', async ({ input, now }, ctx) => {
  return await countVolunteersWithSupport(figuresDb(ctx), input, new Date(now))
})

/**
 * The volunteers' figures: on main for a period up to a year, a statement at a time (at ten
 * years of data some 20-30 ms of reading in all, from main's warm page cache, the longest
 * stretch one statement); a longer period in a worker (listed as the screen's job meanwhile).
 * In a worker a year took longer: each call's log entry empties the worker's page cache.
 */
export async function volunteersStats(
  ctx: StatsContext,
  input: MethodParsed<'volunteers.stats'>,
): Promise<VolunteersStats> {
  if (daysBetween(input.from, input.to) < VOLUNTEERS_STATS_WORKER_FROM_DAYS)
    return countVolunteersWithSupport(ctx.db, input, ctx.clock.now())
  return ctx.vault.workers.run(
    volunteersStatsTask,
    { input, now: ctx.clock.now().toISOString() },
    {
      jobLabelKey: 'jobs.labels.volunteersStats',
      owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
    },
  )
}
