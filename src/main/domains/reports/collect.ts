import type { Db } from '../../context'
import { countActivityFigures } from '../activities/queries'
import { complaintFigures, sameFiguresDays } from '../complaints/annual-report-queries'
import { countPeopleReached, countShopStats, visitsPerMonth } from '../shop/stats-queries'
import {
  countParticipantDemographics,
  countVolunteersStats,
  hoursPerMonth,
} from '../volunteers/stats-queries'
import { countSupportFigures } from '../support/stats-queries'
import { countOutcomeFigures } from '../outcomes/stats-queries'
import { monthsOf, type RawFigures } from './figures'

export type Period = { from: string; to: string; area: string | null }

/**
 * When a count is made: `today` is main's day (it decides only whether a complaint's
 * acknowledgement never recorded is late yet, and the days the counts stay the same), `now` the
 * instant the domains stamp their figures with.
 */
export interface CountedAt {
  today: string
  now: Date
}

/**
 * The shares of a period's counting, each by its own domain's queries (the report copies none of
 * their SQL). They are listed from the costliest to the cheapest as measured on ten years of data
 * (`npm run bench -- --scale=large`), because the report's threads take them in this order, one
 * after the other, until none is left (`subsidyFiguresTask`): two threads then end about together,
 * whatever an area's filter does to one share's cost.
 */
export const FIGURE_SHARES = {
  volunteers: (db: Db, { from, to, area }: Period, { now }: CountedAt) =>
    countVolunteersStats(db, { from, to, district: area }, now),
  shop: (db: Db, { from, to, area }: Period, { now }: CountedAt) =>
    countShopStats(db, { from, to, district: area }, now),
  outcomes: (db: Db, { from, to, area }: Period) => countOutcomeFigures(db, from, to, area),
  support: (db: Db, { from, to, area }: Period) => countSupportFigures(db, from, to, area),
  visits: (db: Db, { from, to, area }: Period) => visitsPerMonth(db, from, to, area),
  complaints: (db: Db, { from, to }: Period, { today }: CountedAt) =>
    complaintFigures(db, from, to, today),
  participants: (db: Db, { from, to, area }: Period) =>
    countParticipantDemographics(db, from, to, area),
  people: (db: Db, { from, to, area }: Period) => countPeopleReached(db, from, to, area),
  activities: (db: Db, { from, to, area }: Period) => countActivityFigures(db, from, to, area),
  hours: (db: Db, { from, to, area }: Period) => hoursPerMonth(db, from, to, area),
  days: (db: Db, { from, to }: Period, { today }: CountedAt) =>
    sameFiguresDays(db, from, to, today),
}

export type ShareName = keyof typeof FIGURE_SHARES
export type Shares = { [K in ShareName]: Awaited<ReturnType<(typeof FIGURE_SHARES)[K]>> }
/** The shares in the order the threads take them. */
export const SHARE_NAMES = Object.keys(FIGURE_SHARES) as ShareName[]

/** One share counted for each of a list of periods, in their order. */
export async function countShare(
  db: Db,
  name: ShareName,
  periods: readonly Period[],
  at: CountedAt,
): Promise<unknown[]> {
  const count = FIGURE_SHARES[name] as (db: Db, period: Period, at: CountedAt) => Promise<unknown>
  const out: unknown[] = []
  // One period after the other on the same connection: the second year reads many of the pages
  // the first one read (the same indexes of people and measurements) from its cache.
  for (const period of periods) out.push(await count(db, period, at))
  return out
}

/** The shares of a period as the report's figures, in the order they have always had. */
export function joinShares(period: Period, s: Shares): RawFigures {
  return {
    shop: s.shop,
    volunteers: { ...s.volunteers, support: s.support },
    complaints: s.complaints,
    activities: s.activities,
    people: s.people,
    participants: s.participants,
    outcomes: s.outcomes,
    months: monthsOf(period.from, period.to, s.visits, s.hours),
  }
}

/** Every share of one period, one after the other on one connection. */
export async function collectShares(db: Db, period: Period, at: CountedAt): Promise<Shares> {
  const out: Partial<Record<ShareName, unknown>> = {}
  for (const name of SHARE_NAMES) out[name] = (await countShare(db, name, [period], at))[0]
  return out as Shares
}

/** Everything the subsidy report counts for one period and area, in one go on one connection. */
export async function collectFigures(
  db: Db,
  period: Period,
  today: string,
  now: Date,
): Promise<RawFigures> {
  return joinShares(period, await collectShares(db, period, { today, now }))
}
