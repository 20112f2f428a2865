import type { MethodParsed } from '../../../shared/api'
import type { VolunteersStats } from '../../../shared/schemas/volunteers-followup'
import { daysBetween } from '../../../shared/dates'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import type { StatsContext } from '../shop/stats-task'
import { countVolunteersStats } from './stats-queries'

/**
 * A period longer than this is counted in a worker thread, as the shop's figures are.
 */
export const VOLUNTEERS_STATS_WORKER_FROM_DAYS = 366

/** `volunteers.stats` over a long period, on the worker's kept read connection. */
export const volunteersStatsTask = defineTask<
  { input: MethodParsed<'volunteers.stats'>; now: string },
  VolunteersStats
>('volunteers.stats', async ({ input, now }, ctx) => {
  return await countVolunteersStats(figuresDb(ctx), input, new Date(now))
})

/**
 * Above this many people the figures are counted in a worker whatever the period: progress
 * reads two measurements of everyone measured in the period, which at ten years of data (20,000
 * people) takes longer than main may be blocked (50 ms).
 */
export const VOLUNTEERS_STATS_WORKER_FROM_PEOPLE = 2000

/**
 * The volunteers' figures: on main for a small organisation and a period up to a year; a longer
 * period or a large history in a worker (listed as the screen's job meanwhile).
 */
export async function volunteersStats(
  ctx: StatsContext,
  input: MethodParsed<'volunteers.stats'>,
): Promise<VolunteersStats> {
  // One seek in the primary key: the highest id is the number of people ever registered or fewer.
  const people = await ctx.db
    .selectFrom('person')
    .select((eb) => eb.fn.max<number | null>('id').as('n'))
    .executeTakeFirst()
  if (
    daysBetween(input.from, input.to) < VOLUNTEERS_STATS_WORKER_FROM_DAYS &&
    Number(people?.n ?? 0) <= VOLUNTEERS_STATS_WORKER_FROM_PEOPLE
  )
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
