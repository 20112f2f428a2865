import type { Db } from '../../context'
import { countActivityFigures } from '../activities/queries'
import { complaintFigures } from '../complaints/annual-report-queries'
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
 * The shop's figures, the people its households count and its visits per month, with the outcome
 * indicators and the support figures (help requests, informal carers, trainings): about half of a
 * period's counting, so a worker of its own counts them.
 */
export type ShopPart = Pick<RawFigures, 'shop' | 'people' | 'outcomes'> & {
  visits: { month: string; visits: number }[]
  support: RawFigures['volunteers']['support']
}
/** Everything else the report counts, with the volunteers' hours per month. */
export type RestPart = Omit<
  RawFigures,
  'shop' | 'people' | 'months' | 'outcomes' | 'volunteers'
> & {
  volunteers: Omit<RawFigures['volunteers'], 'support'>
  hours: { month: string; hours: number }[]
}

/** The shop's figures of a period and area. */
export async function collectShop(db: Db, period: Period, now: Date): Promise<ShopPart> {
  const { from, to, area } = period
  return {
    shop: await countShopStats(db, { from, to, district: area }, now),
    people: await countPeopleReached(db, from, to, area),
    visits: await visitsPerMonth(db, from, to, area),
    // Counted beside the shop: the other thread's volunteer figures are the largest share of the
    // rest (on ten years of data, with these two here, both threads count about as long).
    outcomes: await countOutcomeFigures(db, from, to, area),
    support: await countSupportFigures(db, from, to, area),
  }
}

/**
 * The rest of a period's figures. `today` is main's day: it decides only whether a complaint's
 * acknowledgement never recorded is late yet.
 */
export async function collectRest(
  db: Db,
  period: Period,
  today: string,
  now: Date,
): Promise<RestPart> {
  const { from, to, area } = period
  const volunteers = await countVolunteersStats(db, { from, to, district: area }, now)
  const complaints = await complaintFigures(db, from, to, today)
  const activities = await countActivityFigures(db, from, to, area)
  const participants = await countParticipantDemographics(db, from, to, area)
  const hours = await hoursPerMonth(db, from, to, area)
  return { volunteers, complaints, activities, participants, hours }
}

/** The two parts of a period as one, in the order the report's figures have always had. */
export function joinParts(period: Period, shop: ShopPart, rest: RestPart): RawFigures {
  const { hours, ...others } = rest
  return {
    shop: shop.shop,
    volunteers: { ...others.volunteers, support: shop.support },
    complaints: others.complaints,
    activities: others.activities,
    people: shop.people,
    participants: others.participants,
    outcomes: shop.outcomes,
    months: monthsOf(period.from, period.to, shop.visits, hours),
  }
}

/**
 * Everything the subsidy report counts for one period and area, each by its own domain's
 * queries (the report copies none of their SQL), in one go on one connection.
 */
export async function collectFigures(
  db: Db,
  period: Period,
  today: string,
  now: Date,
): Promise<RawFigures> {
  const shop = await collectShop(db, period, now)
  return joinParts(period, shop, await collectRest(db, period, today, now))
}
