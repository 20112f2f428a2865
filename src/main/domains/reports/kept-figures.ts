import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Db } from '../../context'
import { REPORT_FIGURES_CHANGE, type DB } from '../../db/schema'
import { countActivityFigures } from '../activities/queries'
import { complaintFigures, sameFiguresDays } from '../complaints/annual-report-queries'
import { countPeopleReached, countShopStats, visitsPerMonth } from '../shop/stats-queries'
import {
  countParticipantDemographics,
  countVolunteersStats,
  hoursPerMonth,
} from '../volunteers/stats-queries'
import {
  collectFigures,
  collectShares,
  countShare,
  FIGURE_SHARES,
  joinShares,
  type Period,
} from './collect'
import { countSupportFigures } from '../support/stats-queries'
import { countOutcomeFigures } from '../outcomes/stats-queries'
import { monthsOf, type RawFigures } from './figures'

/**
 * Raise this whenever what a count gives changes in a way the functions below do not show (a
 * helper they call, a migration that changes what a column holds): kept counts of another
 * version are never served.
 */
export const FIGURES_CODE_VERSION = 1

/** Kept counts at most: a few periods and areas of a few years; the oldest go first. */
export const KEPT_FIGURES_MAX = 64

let codeHash: string | null = null

/**
 * The version kept counts are keyed by: the constant above, the app's version and a hash of the
 * text of the counting functions, so that a changed query never serves counts of the old one,
 * even between releases.
 */
export function figuresVersion(appVersion: string): string {
  codeHash ??= createHash('sha256')
    .update(
      [
        collectFigures,
        collectShares,
        countShare,
        joinShares,
        ...Object.values(FIGURE_SHARES),
        countShopStats,
        countVolunteersStats,
        complaintFigures,
        sameFiguresDays,
        countActivityFigures,
        countPeopleReached,
        countParticipantDemographics,
        visitsPerMonth,
        hoursPerMonth,
        countSupportFigures,
        countOutcomeFigures,
        monthsOf,
      ]
        .map(String)
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16)
  return `${FIGURES_CODE_VERSION}:${appVersion}:${codeHash}`
}

/** The area as the kept counts key it: exactly as asked (the figures repeat it). */
function areaOf(period: Period): string {
  return JSON.stringify(period.area)
}

/**
 * The kept counts of a period and area, if no row they were counted from has changed since and
 * `today` counts them the same; null otherwise. The instants the domains stamp their figures
 * with are `now`'s, as a count made now would have them.
 */
export async function keptFigures(
  db: Db,
  period: Period,
  today: string,
  version: string,
  now: Date,
): Promise<RawFigures | null> {
  const row = await db
    .selectFrom('reportFiguresKept')
    .select('figures')
    .where('fromOn', '=', period.from)
    .where('toOn', '=', period.to)
    .where('area', '=', areaOf(period))
    .where('version', '=', version)
    .where((eb) => eb.or([eb('validAfter', 'is', null), eb('validAfter', '<', today)]))
    .where((eb) => eb.or([eb('validUntil', 'is', null), eb('validUntil', '>=', today)]))
    .executeTakeFirst()
  if (!row) return null
  const figures = JSON.parse(row.figures) as RawFigures
  figures.shop.generatedAt = now.toISOString()
  figures.volunteers.generatedAt = now.toISOString()
  return figures
}

/** The count every change to what the report counts moves (migration 0026). */
export async function figuresChangeCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom('keptChange')
    .select('n')
    .where('name', '=', REPORT_FIGURES_CHANGE)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** One period's counts as `keepFigures` keeps them. */
export interface CountedPeriod {
  period: Period
  figures: RawFigures
  days: { after: string | null; until: string | null }
}

/**
 * Keeps periods' counts in one transaction (one commit, so one wait for the disk on main),
 * unless the count `seen` (read before counting began) has moved since: then something changed
 * while the workers counted, and what they read may be older than the change. Returns whether
 * they were kept. Written on main's connection, after the workers returned (a worker's
 * connection only reads).
 */
export async function keepFigures(
  db: Kysely<DB>,
  counted: readonly CountedPeriod[],
  input: { version: string; seen: number; keptAt: Date },
): Promise<boolean> {
  const { version, seen } = input
  return db.transaction().execute(async (trx) => {
    if ((await figuresChangeCount(trx)) !== seen) return false
    for (const { period, figures, days } of counted) {
      const values = {
        validAfter: days.after,
        validUntil: days.until,
        figures: JSON.stringify(figures),
        keptAt: input.keptAt.toISOString(),
      }
      await trx
        .insertInto('reportFiguresKept')
        .values({
          fromOn: period.from,
          toOn: period.to,
          area: areaOf(period),
          version,
          ...values,
        })
        .onConflict((oc) => oc.columns(['fromOn', 'toOn', 'area', 'version']).doUpdateSet(values))
        .execute()
    }
    await sql`delete from report_figures_kept where rowid not in (
      select rowid from report_figures_kept order by kept_at desc, rowid desc
      limit ${KEPT_FIGURES_MAX})`.execute(trx)
    return true
  })
}
