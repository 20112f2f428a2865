import type { Db } from '../../context'
import { countActivityFigures } from '../activities/queries'
import { complaintFigures } from '../complaints/annual-report-queries'
import { countPeopleReached, countShopStats, visitsPerMonth } from '../shop/stats-queries'
import {
  countParticipantDemographics,
  countVolunteersStats,
  hoursPerMonth,
} from '../volunteers/stats-queries'
import { monthsOf, type RawFigures } from './figures'

/**
 * Everything the subsidy report counts for one period and area, each by its own domain's
 * queries (the report copies none of their SQL). `today` is main's day: it decides only whether
 * a complaint's acknowledgement never recorded is late yet.
 */
export async function collectFigures(
  db: Db,
  period: { from: string; to: string; area: string | null },
  today: string,
  now: Date,
): Promise<RawFigures> {
  const { from, to, area } = period
  const shop = await countShopStats(db, { from, to, district: area }, now)
  const volunteers = await countVolunteersStats(db, { from, to, district: area }, now)
  const complaints = await complaintFigures(db, from, to, today)
  const activities = await countActivityFigures(db, from, to, area)
  const people = await countPeopleReached(db, from, to, area)
  const participants = await countParticipantDemographics(db, from, to, area)
  const months = monthsOf(
    from,
    to,
    await visitsPerMonth(db, from, to, area),
    await hoursPerMonth(db, from, to, area),
  )
  return { shop, volunteers, complaints, activities, people, participants, months }
}
