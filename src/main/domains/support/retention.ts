import { sql, type Transaction } from 'kysely'
import type { DB } from '../../db/schema'
import type { Db } from '../../context'
import { labelsT } from '../../i18n'
import type { SubjectKindDef } from '../subjects/kinds'
import type { ErasureRegistration } from '../retention/erasures'
import type { RetentionRegistration } from '../retention/registry'
import { requestReference } from './queries'
import { pageOfDue, type DuePage, type DueSlice } from '../retention/due-page'

/*
 * What the retention rules do to help requests and informal care when the person or household
 * they belong to is anonymised or removed (called from the person's and the household's own
 * retention, in their transaction).
 */

/** Free text that may tell who someone is goes; dates, kinds, statuses and loads stay counted. */
export async function anonymiseSupportOf(
  trx: Transaction<DB>,
  kind: 'person' | 'household',
  id: number,
): Promise<void> {
  await trx
    .updateTable('helpRequest')
    .set({ asked: '', place: null, endNote: null, requesterContact: null })
    .where(kind === 'person' ? 'personId' : 'householdId', '=', id)
    .execute()
  if (kind === 'household') return
  await trx.updateTable('informalCarer').set({ caresFor: '' }).where('personId', '=', id).execute()
  await trx.updateTable('carerSupport').set({ note: null }).where('personId', '=', id).execute()
}

/** Removes what is theirs; a request they were matched to as volunteer stays, without them. */
export async function deleteSupportOf(
  trx: Transaction<DB>,
  kind: 'person' | 'household',
  id: number,
): Promise<void> {
  const own = (
    await trx
      .selectFrom('helpRequest')
      .select('id')
      .where(kind === 'person' ? 'personId' : 'householdId', '=', id)
      .execute()
  ).map((r) => r.id)
  if (own.length)
    for (const table of ['helpRequestDemand', 'helpRequestCourse'] as const)
      await trx.deleteFrom(table).where('helpRequestId', 'in', own).execute()
  await trx
    .deleteFrom('helpRequest')
    .where(kind === 'person' ? 'personId' : 'householdId', '=', id)
    .execute()
  if (kind === 'household') return
  await trx
    .updateTable('helpRequest')
    .set({ volunteerId: null })
    .where('volunteerId', '=', id)
    .execute()
  for (const table of ['carerLoad', 'carerSupport', 'informalCarer'] as const)
    await trx.deleteFrom(table).where('personId', '=', id).execute()
}

// --- A resident who is only a name and a contact -------------------------------------------------

/** What an anonymised request's name says. */
export const ANONYMISED_REQUESTER = 'Geanonimiseerd'

/**
 * Requests of a resident who is not in the app (a name and a contact), ended before the cutoff:
 * the people's term counts from the day the request ended. One still open or matched is in use.
 */
async function findDueRequests(db: Db, cutoff: string, page: DuePage): Promise<DueSlice> {
  return pageOfDue(
    db,
    {
      select: sql`select r.id, r.ended_on as last_contact from help_request r
        where r.anonymised_at is null and r.ended_on is not null
          and r.household_id is null and r.person_id is null`,
      cutoff,
    },
    page,
    async (ids) => {
      const rows = await db
        .selectFrom('helpRequest')
        .select(['id', 'requesterName'])
        .where('id', 'in', ids)
        .execute()
      return new Map(
        rows.map((r) => [
          r.id,
          {
            reference: requestReference(r.id),
            name: r.requesterName ?? '',
            district: null,
            // Every request counts in the figures of its period: only anonymising is offered.
            canDelete: false,
          },
        ]),
      )
    },
  )
}

export const HELP_REQUEST_ANONYMISED_FIELDS = [
  'requesterName',
  'requesterContact',
  'asked',
  'place',
  'endNote',
]

/** Replaces who asked, how to reach them and every free text; kind, dates and status stay. */
async function anonymiseRequest(
  trx: Transaction<DB>,
  id: number,
  now: Date,
): Promise<'done' | 'already' | 'gone'> {
  const r = await trx
    .selectFrom('helpRequest')
    .select(['id', 'anonymisedAt'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!r) return 'gone'
  if (r.anonymisedAt) return 'already'
  const iso = now.toISOString()
  await trx
    .updateTable('helpRequest')
    .set({
      requesterName: ANONYMISED_REQUESTER,
      requesterContact: null,
      asked: '',
      place: null,
      endNote: null,
      anonymisedAt: iso,
      updatedAt: iso,
    })
    .where('id', '=', id)
    .execute()
  return 'done'
}

async function requestExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('helpRequest').select('id').where('id', '=', id).executeTakeFirst())
}

export const helpRequestRetention: RetentionRegistration = {
  term: 'people',
  findDue: findDueRequests,
  anonymise: anonymiseRequest,
  anonymisedFields: HELP_REQUEST_ANONYMISED_FIELDS,
  // Every request counts in the figures of the period it was opened, matched and ended in.
  countsInReports: requestExists,
  inReportsKey: 'helpRequestInReports',
  delete: async () => false,
}

export const helpRequestErasure: ErasureRegistration = {
  async createdAt(db, id) {
    const r = await db
      .selectFrom('helpRequest')
      .select('createdAt')
      .where('id', '=', id)
      .executeTakeFirst()
    return r?.createdAt ?? null
  },
  idSequence: 'help_request',
}

/** A help request as the subject of an access export (a resident without a record in the app). */
export const helpRequestSubjectKind: SubjectKindDef = {
  async identify(db, id) {
    const r = await db
      .selectFrom('helpRequest')
      .select(['id', 'requesterName', 'householdId', 'personId'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!r) return null
    const reference = requestReference(r.id)
    return {
      kind: 'helpRequest',
      id: r.id,
      reference,
      name: r.requesterName ?? reference,
      label: labelsT('nl')('subjectAccess.helpRequestLabel', { reference }),
      audit: { entityType: 'helpRequest', entityId: r.id },
    }
  },
}
