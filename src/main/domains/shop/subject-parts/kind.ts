import type { SubjectKindDef } from '../../subjects/kinds'
import { labelsT } from '../../../i18n'

/** A household as the subject of an access export: found by id, named by its reference. */
export const householdSubject: SubjectKindDef = {
  async identify(db, id) {
    const h = await db
      .selectFrom('household')
      .select(['id', 'reference', 'contactName'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!h) return null
    return {
      kind: 'household',
      id: h.id,
      reference: h.reference,
      name: h.contactName,
      label: labelsT('nl')('subjectAccess.householdLabel', { reference: h.reference }),
      audit: { entityType: 'household', entityId: h.id },
    }
  },
}
