import type { Transaction } from 'kysely'
import type { DB } from '../../db/schema'

/*
 * What the retention rules do to the outcome records of a person or household that is anonymised
 * or removed (called from their own retention, in its transaction). A safety signal keeps its day
 * and kind (the report counts them) and loses its free text; an invitation to the questionnaire
 * keeps its counts. The answers never pointed to anyone and are not touched.
 */

export async function anonymiseOutcomesOf(
  trx: Transaction<DB>,
  kind: 'person' | 'household',
  id: number,
): Promise<void> {
  await trx
    .updateTable('careSignal')
    .set({ note: null, discussedOther: null })
    .where(kind === 'person' ? 'personId' : 'householdId', '=', id)
    .execute()
}

export async function deleteOutcomesOf(
  trx: Transaction<DB>,
  kind: 'person' | 'household',
  id: number,
): Promise<void> {
  await trx
    .deleteFrom('careSignal')
    .where(kind === 'person' ? 'personId' : 'householdId', '=', id)
    .execute()
  if (kind === 'person') await trx.deleteFrom('surveyInvite').where('personId', '=', id).execute()
}
