/**
 * The activities' reads that other files may import (the subsidy report). Imports only the
 * database schema, the context, the clock and src/shared (the lint rule for every `queries.ts`).
 */
import { sql, type RawBuilder } from 'kysely'
import type { ActivityKind } from '../../../shared/schemas/activities'
import { inArea } from '../../db/areas'
import type { Db } from '../../context'

/** An area filter as every report applies it: the area and the areas under it; null is all. */
function sameArea(column: string, only: string | null): RawBuilder<boolean> {
  return inArea(column, only)
}

export interface ActivityFigures {
  /** Activities dated in the period, per kind. */
  count: Record<ActivityKind, number>
  /** Participants of those activities, summed (a person at two activities counts twice). */
  participants: Record<ActivityKind, number>
  /** Volunteers involved, summed the same way. */
  volunteers: Record<ActivityKind, number>
  /** The waiting lists recorded with the period's activities, summed. */
  waitingList: number
  /** Information-and-advice contacts tallied in the period. */
  adviceContacts: number
}

/** The register's figures for a period (and area), counted in SQL from the date indexes. */
export async function countActivityFigures(
  db: Db,
  from: string,
  to: string,
  only: string | null,
): Promise<ActivityFigures> {
  const rows = await db
    .selectFrom('activity')
    .select([
      'kind',
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(participants), 0)`.as('participants'),
      sql<number>`coalesce(sum(volunteers), 0)`.as('volunteers'),
      sql<number>`coalesce(sum(waiting_list), 0)`.as('waiting'),
    ])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where(sameArea('area', only))
    .groupBy('kind')
    .execute()
  const advice = await db
    .selectFrom('adviceTally')
    .select(sql<number>`coalesce(sum(count), 0)`.as('n'))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where(sameArea('area', only))
    .executeTakeFirstOrThrow()
  const figures: ActivityFigures = {
    count: { collective: 0, initiative: 0 },
    participants: { collective: 0, initiative: 0 },
    volunteers: { collective: 0, initiative: 0 },
    waitingList: 0,
    adviceContacts: Number(advice.n),
  }
  for (const r of rows) {
    figures.count[r.kind] = Number(r.n)
    figures.participants[r.kind] = Number(r.participants)
    figures.volunteers[r.kind] = Number(r.volunteers)
    figures.waitingList += Number(r.waiting)
  }
  return figures
}

/** The activities list's filters: a period, a kind, an area (as its screen). */
export interface ActivityMatch {
  from: string
  to: string
  kind?: ActivityKind | null
  area: string | null
}

/** An activity's own columns, as the register's screen and its export read them (no notes). */
export const ACTIVITY_COLUMNS = [
  'a.date',
  'a.kind',
  'a.title',
  'a.participants',
  'a.volunteers',
  'a.area',
  'a.waitingList',
] as const

/** The activities the filters find, as the register's screen and its export both filter them. */
export function matchActivities(db: Db, input: ActivityMatch) {
  return db
    .selectFrom('activity as a')
    .where('a.date', '>=', input.from)
    .where('a.date', '<=', input.to)
    .$if(!!input.kind, (q) => q.where('a.kind', '=', input.kind as ActivityKind))
    .where(sameArea('a.area', input.area))
}

export async function countActivities(db: Db, input: ActivityMatch): Promise<number> {
  const r = await matchActivities(db, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** An activity as the exported list has it: the counts, without the notes. */
export interface ActivityListRow {
  date: string
  kind: ActivityKind
  title: string
  participants: number
  volunteers: number
  area: string | null
  waitingList: number | null
}

/** One page of the activities, newest first (as the register's screen). */
export async function activityListPage(
  db: Db,
  input: ActivityMatch,
  offset: number,
  limit: number,
): Promise<ActivityListRow[]> {
  return matchActivities(db, input)
    .select(ACTIVITY_COLUMNS)
    .orderBy('a.date', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}
