import type { Transaction } from 'kysely'
import type { RetentionKind } from '../../../shared/schemas/retention'
import type { DB } from '../../db/schema'
import type { Db } from '../../context'
import type { SubjectKind } from '../../../shared/schemas/subjects'
import type { DuePage, DueSlice } from './due-page'
import { KindRegistry } from '../subjects/kind-registry'
import { householdRetention } from '../shop/subject-parts/retention'
import { complaintRetention } from '../complaints/subject-parts/retention'
import { personRetention } from '../volunteers/subject-parts/retention'
import { helpRequestRetention } from '../support/retention'

export type { DueRecord } from './due-page'

/**
 * What retention needs of one kind of data subject: its term, which records are due, and how one
 * is anonymised or deleted. The kind's own domain writes these; `retention.ts` runs them.
 */
export interface RetentionRegistration {
  /** Which term applies. */
  term: RetentionKind
  /**
   * Records whose last contact lies before `cutoff` (a day): how many, and the page asked for,
   * oldest first (paged in SQL: at ten years of data thousands are due).
   */
  findDue(db: Db, cutoff: string, page: DuePage): Promise<DueSlice>
  /**
   * Replaces the record's personal data and keeps what reports count. 'already' when it was
   * anonymised before, 'gone' when there is no record with this id.
   */
  anonymise(
    trx: Transaction<DB>,
    id: number,
    now: Date,
    today: string,
  ): Promise<'done' | 'already' | 'gone'>
  /** The fields an anonymisation replaces, as the audit log names them. */
  anonymisedFields: readonly string[]
  /** Whether a report of some period counts the record; such a record is never deleted. */
  countsInReports(db: Db, id: number): Promise<boolean>
  /** The message (under `errors.`) when a delete is refused because a report counts it. */
  inReportsKey?: string
  /** Removes the record and everything of it; false when there is none with this id. */
  delete(trx: Transaction<DB>, id: number): Promise<boolean>
  /**
   * Records of this kind that hold another subject's personal data and go with it when that
   * subject is erased (a complaint made by a household names the family): their ids, those not
   * yet anonymised.
   */
  attachedTo?(trx: Transaction<DB>, kind: SubjectKind, id: number): Promise<number[]>
}

/** Every kind of data subject with a retention term; one entry per kind. */
export const RETENTION_REGISTRY = new KindRegistry<RetentionRegistration>('retention', {
  household: householdRetention,
  person: personRetention,
  complaint: complaintRetention,
  helpRequest: helpRequestRetention,
})
