import type { Transaction } from 'kysely'
import type { DB } from '../../db/schema'

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
