import { sql, type Transaction } from 'kysely'
import type { DB } from '../../../db/schema'
import type { Db } from '../../../context'
import type { SubjectKindDef } from '../../subjects/kinds'
import type { ErasureRegistration } from '../../retention/erasures'
import type { RetentionRegistration } from '../../retention/registry'
import { pageOfDue, type DuePage, type DueSlice } from '../../retention/due-page'
import { labelsT } from '../../../i18n'
import { anonymiseLetters } from '../letters'

/**
 * A complaint as a data subject: its retention term ("complaints", counted from the day it was
 * closed), what anonymising replaces and keeps, and how it is found for a subject access export
 * or an erasure re-applied after a restore. Registered in retention/registry.ts,
 * retention/erasures.ts and subjects/kinds.ts.
 */

/** What an anonymised complaint says instead of its description. */
export const ANONYMISED_DESCRIPTION = 'Geanonimiseerd'

/** Who complained, as the retention list and the export name it. */
const complainantLabel = sql<string>`coalesce(
  case c.complainant_kind
    when 'household' then (select h.reference || ' ' || h.contact_name from household h
      where h.id = c.household_id)
    when 'person' then (select p.reference || ' ' || p.first_name || ' ' || p.last_name
      from person p where p.id = c.person_id)
    when 'contact' then c.complainant_name
  end, '')`

/** Due complaints (closed before the cutoff), a page at a time (see `pageOfDue`). */
async function findDueComplaints(db: Db, cutoff: string, page: DuePage): Promise<DueSlice> {
  const anonymous = labelsT('nl')('complaintCodes.complainantKinds.anonymous')
  return pageOfDue(
    db,
    {
      select: sql`select c.id, c.closed_on as last_contact from complaint c
        where c.anonymised_at is null and c.closed_on is not null`,
      cutoff,
    },
    page,
    async (ids) => {
      const rows = await db
        .selectFrom('complaint as c')
        .select(['c.id', 'c.number', complainantLabel.as('name')])
        .where('c.id', 'in', ids)
        .execute()
      return new Map(
        rows.map((r) => [
          r.id,
          {
            reference: r.number,
            name: r.name || anonymous,
            district: null,
            // Every complaint counts in the annual report of its year: only anonymising is offered.
            canDelete: false,
          },
        ]),
      )
    },
  )
}

/** The fields an anonymisation replaces, as the audit log names them. */
export const COMPLAINT_ANONYMISED_FIELDS = [
  'householdId',
  'personId',
  'complainantName',
  'complainantContact',
  'aboutAccountId',
  'aboutText',
  'description',
  'wish',
  'entries',
  'measures',
  'letters',
]

/**
 * Replaces who complained, about whom, the description and wish, the free text of every
 * timeline entry (the one change the entry triggers allow) and the values of its letters. It
 * keeps what the annual report counts: number, dates, channel, category, steps, outcome, terms,
 * the kinds and days of the entries, and the measures with whether and when they were carried
 * out (their text is replaced: it can name someone, and the report counts measures only). The complainant's kind stays (who complained is gone, not whether it was anonymous).
 */
async function anonymiseComplaint(
  trx: Transaction<DB>,
  id: number,
  now: Date,
): Promise<'done' | 'already' | 'gone'> {
  const c = await trx
    .selectFrom('complaint')
    .select(['id', 'anonymisedAt'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!c) return 'gone'
  if (c.anonymisedAt) return 'already'
  const iso = now.toISOString()
  await trx
    .updateTable('complaint')
    .set({
      householdId: null,
      personId: null,
      complainantName: null,
      complainantContact: null,
      aboutAccountId: null,
      aboutText: null,
      description: ANONYMISED_DESCRIPTION,
      wish: null,
      anonymisedAt: iso,
      updatedAt: iso,
    })
    .where('id', '=', id)
    .execute()
  await trx
    .updateTable('complaintEntry')
    .set({ text: null, persons: null, anonymisedAt: iso })
    .where('complaintId', '=', id)
    .where('anonymisedAt', 'is', null)
    .execute()
  // A measure can name the person it concerns ("gesprek met ..."); the report only counts them.
  await trx
    .updateTable('complaintMeasure')
    .set({ text: ANONYMISED_DESCRIPTION, updatedAt: iso })
    .where('complaintId', '=', id)
    .execute()
  await anonymiseLetters(trx, id)
  return 'done'
}

async function complaintExists(db: Db, id: number): Promise<boolean> {
  const c = await db.selectFrom('complaint').select('id').where('id', '=', id).executeTakeFirst()
  return !!c
}

export const complaintRetention: RetentionRegistration = {
  term: 'complaints',
  findDue: findDueComplaints,
  anonymise: anonymiseComplaint,
  anonymisedFields: COMPLAINT_ANONYMISED_FIELDS,
  // Every complaint counts in the annual report of the year it came in.
  countsInReports: complaintExists,
  inReportsKey: 'complaintInReports',
  // Never reached for a complaint that exists (it counts in a report); nothing to delete otherwise.
  delete: async () => false,
  // A complaint names who made it, in its fields, timeline and letters: it is anonymised with the
  // household or person (its figures stay, as for any anonymised complaint).
  async attachedTo(trx, kind, id) {
    if (kind !== 'household' && kind !== 'person') return []
    const rows = await trx
      .selectFrom('complaint')
      .select('id')
      .where(kind === 'household' ? 'householdId' : 'personId', '=', id)
      .where('anonymisedAt', 'is', null)
      .orderBy('id')
      .execute()
    return rows.map((r) => r.id)
  },
}

export const complaintErasure: ErasureRegistration = {
  async createdAt(db, id) {
    const c = await db
      .selectFrom('complaint')
      .select('createdAt')
      .where('id', '=', id)
      .executeTakeFirst()
    return c?.createdAt ?? null
  },
  idSequence: 'complaint',
}

/** A complaint as the subject of an access export (a complainant without a record in the app). */
export const complaintSubjectKind: SubjectKindDef = {
  async identify(db, id) {
    const c = await db
      .selectFrom('complaint as c')
      .select(['c.id', 'c.number', complainantLabel.as('name')])
      .where('c.id', '=', id)
      .executeTakeFirst()
    if (!c) return null
    return {
      kind: 'complaint',
      id: c.id,
      reference: c.number,
      name: c.name || labelsT('nl')('complaintCodes.complainantKinds.anonymous'),
      label: labelsT('nl')('subjectAccess.complaintLabel', { reference: c.number }),
      audit: { entityType: 'complaint', entityId: c.id },
    }
  },
}
