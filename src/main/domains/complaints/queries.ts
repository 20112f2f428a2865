/**
 * The complaints' reads that other files may import. Imports only the database schema, the
 * context, the clock and src/shared (the lint rule for every `queries.ts`).
 */
import {
  DEFAULT_COMPLAINT_SETTINGS,
  complaintSettings,
  type ComplaintSettings,
} from '../../../shared/schemas/complaints'
import type { Db } from '../../context'
import { readSettings } from '../../db/settings'

export const SETTINGS_KEY = 'complaints'

/** The complaints settings as stored (migration 0016 writes the defaults), defaults filling gaps. */
export async function getComplaintSettings(db: Db): Promise<ComplaintSettings> {
  return readSettings(db, SETTINGS_KEY, complaintSettings, DEFAULT_COMPLAINT_SETTINGS)
}

/** One complaint row, or undefined. */
export function findComplaintRow(db: Db, id: number) {
  return db.selectFrom('complaint').selectAll().where('id', '=', id).executeTakeFirst()
}

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaintRow>>>

/** A complaint's timeline in the order it was written. */
export function entriesOf(db: Db, complaintId: number) {
  return db
    .selectFrom('complaintEntry')
    .selectAll()
    .where('complaintId', '=', complaintId)
    .orderBy('id')
    .execute()
}

export type EntryRow = Awaited<ReturnType<typeof entriesOf>>[number]

/** An active staff account (admin or coordinator) by id, with its display name. */
export async function staffAccount(
  db: Db,
  id: number,
): Promise<{ id: number; name: string } | undefined> {
  const a = await db
    .selectFrom('account')
    .select(['id', 'displayName as name'])
    .where('id', '=', id)
    .where('active', '=', 1)
    .where('role', 'in', ['admin', 'coordinator'])
    .executeTakeFirst()
  return a
}

/**
 * The leidinggevende of an account who may handle step 1 of a complaint about it: an active
 * staff account other than the account itself; null when there is none.
 */
export async function proposedHandlerFor(
  db: Db,
  aboutAccountId: number | null,
): Promise<{ id: number; name: string } | null> {
  if (aboutAccountId === null) return null
  const row = await db
    .selectFrom('account as a')
    .innerJoin('account as m', 'm.id', 'a.managerId')
    .select(['m.id', 'm.displayName as name'])
    .where('a.id', '=', aboutAccountId)
    .where('m.active', '=', 1)
    .where('m.role', 'in', ['admin', 'coordinator'])
    .where('m.id', '<>', aboutAccountId)
    .executeTakeFirst()
  return row ?? null
}

/** The complaints a household or person made, for their subject access export. */
export function complaintsMadeBy(db: Db, kind: 'household' | 'person', id: number) {
  return db
    .selectFrom('complaint as c')
    .innerJoin('complaintCategory as k', 'k.id', 'c.categoryId')
    .select([
      'c.id',
      'c.number',
      'c.receivedOn',
      'c.channel',
      'k.name as category',
      'c.description',
      'c.wish',
      'c.step',
      'c.outcome',
      'c.decidedOn',
      'c.closedOn',
      'c.anonymisedAt',
    ])
    .where(kind === 'household' ? 'c.householdId' : 'c.personId', '=', id)
    .orderBy('c.receivedOn')
    .orderBy('c.id')
    .execute()
}
