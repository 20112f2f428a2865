import type { RetentionKind } from '../../../shared/schemas/retention'
import type { Db } from '../../context'
import type { SubjectIdentity, SubjectKind } from './types'

interface SubjectKindDef {
  /** The subject as the export names it, or null when there is none with this id. */
  identify(db: Db, id: number): Promise<SubjectIdentity | null>
  /** Whose retention term (settings, `getRetentionTerms`) the export names as the period. */
  retention: RetentionKind
}

/**
 * Every kind of subject must say how it is found and how its export is logged: a new kind in
 * SUBJECT_KINDS does not compile until it has an entry here.
 */
export const SUBJECT_KIND_DEFS: { [K in SubjectKind]: SubjectKindDef } = {
  household: {
    retention: 'households',
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
        audit: { entityType: 'household', entityId: h.id, householdId: h.id },
      }
    },
  },
}
