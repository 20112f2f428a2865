import type { Db } from '../../context'
import { householdSubject } from '../shop/subject-parts/kind'
import { personSubject } from '../volunteers/subject-parts/retention'
import { complaintSubjectKind } from '../complaints/subject-parts/retention'
import { helpRequestSubjectKind } from '../support/retention'
import { KindRegistry } from './kind-registry'
import type { SubjectIdentity } from './types'

/**
 * How a subject access export finds a subject of one kind. The parts that hold its data register
 * in `parts.ts`; the retention period it names comes from the retention registry.
 */
export interface SubjectKindDef {
  /** The subject as the export names it, or null when there is none with this id. */
  identify(db: Db, id: number): Promise<SubjectIdentity | null>
}

/**
 * Every kind of subject must say how it is found: a new kind in SUBJECT_KINDS does not compile
 * until it has an entry here.
 */
export const SUBJECT_KIND_REGISTRY = new KindRegistry<SubjectKindDef>('subject access', {
  household: householdSubject,
  person: personSubject,
  complaint: complaintSubjectKind,
  helpRequest: helpRequestSubjectKind,
})
