import { sql, type Transaction } from 'kysely'
import type { DB } from '../../../db/schema'
import type { Db } from '../../../context'
import type { SubjectKindDef } from '../../subjects/kinds'
import type { ErasureRegistration } from '../../retention/erasures'
import type { RetentionRegistration } from '../../retention/registry'
import { pageOfDue, type DuePage, type DueSlice } from '../../retention/due-page'
import { labelsT } from '../../../i18n'
import { anonymiseSupportOf, deleteSupportOf } from '../../support/retention'
import { anonymiseOutcomesOf, deleteOutcomesOf } from '../../outcomes/retention'
import { ANONYMISED_PERSON_NAME } from '../people-queries'

/**
 * A person of the volunteers domain as a data subject with a retention term ("people"): which
 * people are due, what anonymising replaces and keeps, when one may be deleted, and how an
 * erasure is re-applied after a restore. Registered in `retention/registry.ts`,
 * `retention/erasures.ts` and `subjects/kinds.ts`.
 */

/** A person as the subject of an access export: found by id, named by the reference. */
export const personSubject: SubjectKindDef = {
  async identify(db, id) {
    const p = await db
      .selectFrom('person')
      .select(['id', 'reference', 'firstName', 'lastName'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!p) return null
    return {
      kind: 'person',
      id: p.id,
      reference: p.reference,
      name: `${p.firstName} ${p.lastName}`.trim(),
      label: labelsT('nl')('subjectAccess.personLabel', { reference: p.reference }),
      audit: { entityType: 'person', entityId: p.id },
    }
  },
}

/**
 * Last contact with a person: the latest of the day the record was made, the registration, the
 * intake, the outflow, any dated step of a placement, the last day of a month with hours, a
 * measurement, a contact, a re-assessment done and a doorstroom. A placement still running
 * (proposed, introduction, trial or placed) keeps the person off the list altogether. SQLite's
 * multi-argument max() is null when any argument is, so each part falls back to ''.
 */
const personLastContact = sql<string>`(case when exists (select 1 from placement pl
    where pl.person_id = p.id and pl.step in ('proposed', 'introduction', 'trial', 'placed'))
  then '9999-12-31' else max(
  substr(p.created_at, 1, 10),
  p.registered_on,
  coalesce(p.intake_on, ''),
  coalesce(p.outflow_on, ''),
  coalesce((select max(max(pl.proposed_on, coalesce(pl.introduction_on, ''),
      coalesce(pl.trial_on, ''), coalesce(pl.placed_on, ''), coalesce(pl.ended_on, ''),
      coalesce(pl.declined_on, ''))) from placement pl where pl.person_id = p.id), ''),
  coalesce((select max(h.month) || '-28' from volunteer_hours h where h.person_id = p.id), ''),
  coalesce((select max(m.measured_on) from measurement m where m.person_id = p.id), ''),
  coalesce((select max(c.contacted_on) from person_contact c where c.person_id = p.id), ''),
  coalesce((select max(r.done_on) from plan_review r where r.person_id = p.id), ''),
  coalesce((select max(mv.moved_on) from person_move mv where mv.person_id = p.id), '')
) end)`

/** Due people, a page at a time (see `pageOfDue`). */
async function findDuePeople(db: Db, cutoff: string, page: DuePage): Promise<DueSlice> {
  return pageOfDue(
    db,
    {
      select: sql`select p.id, ${personLastContact} as last_contact from person p
        where p.anonymised_at is null`,
      cutoff,
    },
    page,
    async (ids) => {
      const rows = await db
        .selectFrom('person as p')
        .select(['p.id', 'p.reference', 'p.firstName', 'p.lastName', 'p.district'])
        .where('p.id', 'in', ids)
        .execute()
      return new Map(
        rows.map((r) => [
          r.id,
          {
            reference: r.reference,
            name: `${r.firstName} ${r.lastName}`.trim(),
            district: r.district,
            // Every person counts in `volunteers.stats`: registered and new registrations of the
            // period of their registration day, whatever else happened.
            canDelete: false,
          },
        ]),
      )
    },
  )
}

/**
 * Whether `volunteers.stats` shows anything of the person for some period: always, once the
 * person exists, because "registered" and "new registrations" count everyone by the day they
 * registered. So a person is anonymised, never deleted, unless there is no such person.
 */
async function personCountsInReports(db: Db, id: number): Promise<boolean> {
  const p = await db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst()
  return p !== undefined
}

/** The fields an anonymisation replaces, as the audit log names them. */
export const PERSON_ANONYMISED_FIELDS = [
  'firstName',
  'lastName',
  'phone',
  'email',
  'address',
  'postcode',
  'place',
  'birthYear',
  'maritalStatus',
  'languages',
  'referrer',
  'householdId',
  'notes',
  'outflowNote',
  'skills',
  'interests',
  'learningGoals',
  'limitations',
  'availability',
  'moves',
  'placementReasons',
  'planBarriers',
  'goals',
  'reviews',
  'contacts',
]

/**
 * Replaces a person's personal data and keeps what `volunteers.stats` counts: the person row
 * with its reference, district, programme, registration, intake and outflow (kind and day),
 * the gender and the birth year rounded down to its decade (the subsidy report's demographics); placements with their steps and days; hours;
 * measurements with their scores; goals with their status and domain; contacts and reviews with
 * their days. Names, contact details, notes and every free text go; so do the person's skills,
 * interests, learning goals, limitations and availability, which no figure counts.
 */
async function anonymisePerson(
  trx: Transaction<DB>,
  id: number,
  now: Date,
): Promise<'done' | 'already' | 'gone'> {
  const p = await trx
    .selectFrom('person')
    .select(['id', 'anonymisedAt'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!p) return 'gone'
  if (p.anonymisedAt) return 'already'
  const iso = now.toISOString()
  await trx
    .updateTable('person')
    .set({
      firstName: ANONYMISED_PERSON_NAME,
      lastName: '',
      searchName: ANONYMISED_PERSON_NAME.toLowerCase(),
      phone: null,
      phoneDigits: null,
      email: null,
      address: null,
      postcode: null,
      place: null,
      birthYear: sql<number | null>`birth_year - birth_year % 10`,
      maritalStatus: null,
      languages: null,
      referrer: null,
      householdId: null,
      notes: null,
      outflowNote: null,
      updatedAt: iso,
      anonymisedAt: iso,
    })
    .where('id', '=', id)
    .execute()
  await trx.deleteFrom('personOption').where('personId', '=', id).execute()
  await trx.deleteFrom('personSlot').where('personId', '=', id).execute()
  await trx
    .updateTable('personMove')
    .set({ toText: '', note: null })
    .where('personId', '=', id)
    .execute()
  await trx
    .updateTable('placement')
    .set({ reason: null, overrideReason: null })
    .where('personId', '=', id)
    .execute()
  await trx.updateTable('plan').set({ barriers: null }).where('personId', '=', id).execute()
  await trx.updateTable('planGoal').set({ text: '' }).where('personId', '=', id).execute()
  await trx.updateTable('planReview').set({ note: null }).where('personId', '=', id).execute()
  await trx.updateTable('personContact').set({ note: null }).where('personId', '=', id).execute()
  await anonymiseSupportOf(trx, 'person', id)
  await anonymiseOutcomesOf(trx, 'person', id)
  return 'done'
}

/** Removes a person and everything of them. The audit log keeps its entries. */
async function deletePerson(trx: Transaction<DB>, id: number): Promise<boolean> {
  const p = await trx.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst()
  if (!p) return false
  // Children first, explicitly, rather than leaning on the cascades of the schema.
  await trx
    .deleteFrom('measurementScore')
    .where('measurementId', 'in', (eb) =>
      eb.selectFrom('measurement').select('measurement.id').where('measurement.personId', '=', id),
    )
    .execute()
  await trx.deleteFrom('volunteerHours').where('personId', '=', id).execute()
  await trx
    .deleteFrom('placementSlot')
    .where('placementId', 'in', (eb) =>
      eb.selectFrom('placement').select('placement.id').where('placement.personId', '=', id),
    )
    .execute()
  await deleteSupportOf(trx, 'person', id)
  await deleteOutcomesOf(trx, 'person', id)
  for (const table of [
    'measurement',
    'placement',
    'planGoal',
    'planReview',
    'plan',
    'personContact',
    'personMove',
    'personOption',
    'personSlot',
    'trainingParticipant',
  ] as const)
    await trx.deleteFrom(table).where('personId', '=', id).execute()
  await trx.deleteFrom('person').where('id', '=', id).execute()
  return true
}

async function personCreatedAt(db: Db, id: number): Promise<string | null> {
  const p = await db
    .selectFrom('person')
    .select('createdAt')
    .where('id', '=', id)
    .executeTakeFirst()
  return p?.createdAt ?? null
}

export const personRetention: RetentionRegistration = {
  term: 'people',
  findDue: findDuePeople,
  anonymise: anonymisePerson,
  anonymisedFields: PERSON_ANONYMISED_FIELDS,
  countsInReports: personCountsInReports,
  inReportsKey: 'retentionPersonInReports',
  delete: deletePerson,
}

export const personErasure: ErasureRegistration = {
  createdAt: personCreatedAt,
  idSequence: 'person',
}
