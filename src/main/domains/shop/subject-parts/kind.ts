import type { SubjectKindDef } from '../../subjects/kinds'

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
      label: `Huishouden ${h.reference}`,
      audit: { entityType: 'household', entityId: h.id },
    }
  },
}
