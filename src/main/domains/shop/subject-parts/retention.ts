import { sql, type Transaction } from 'kysely'
import type { DB } from '../../../db/schema'
import type { Db } from '../../../context'
import type { ErasureRegistration } from '../../retention/erasures'
import type { RetentionRegistration } from '../../retention/registry'
import { anonymiseSupportOf, deleteSupportOf } from '../../support/retention'
import { anonymiseOutcomesOf, deleteOutcomesOf } from '../../outcomes/retention'
import { pageOfDue, type DuePage, type DueSlice } from '../../retention/due-page'

/**
 * The household as a data subject with a retention term: which households are due, what
 * anonymising replaces and keeps, when one may be deleted, and how an erasure is re-applied
 * after a restore. Registered in `retention/registry.ts` and `retention/erasures.ts`.
 */

/**
 * Last contact of a household: the latest of its creation day, the day its proof of income was
 * seen, its visits, its appointments that were not cancelled (a planned one in the future keeps
 * it off the list) and its intakes. SQLite's multi-argument max() is null when any argument is,
 * so each part falls back to '' (before every day).
 */
const householdLastContact = sql<string>`max(
  substr(h.created_at, 1, 10),
  coalesce(h.proof_seen_on, ''),
  coalesce((select max(v.date) from visit v where v.household_id = h.id), ''),
  coalesce((select max(a.date) from appointment a
    where a.household_id = h.id and a.status <> 'cancelled'), ''),
  coalesce((select max(i.date) from intake i where i.household_id = h.id), '')
)`

/**
 * Whether `shop.stats` or `shop.totals` shows anything of the household for some period or date:
 * a visit (households reached, new households, visits, children), any appointment (came and
 * no-show count towards the no-show rate, and even a cancelled or planned one puts its district
 * in the list of that period), or any intake (intakes and their debts and multiple problems in a
 * period, households taken in since the start), or a safety signal (counted in the outcome
 * indicators). Written against the outer alias `h`.
 */
const householdInReports = sql<number>`(
  exists (select 1 from visit v where v.household_id = h.id)
  or exists (select 1 from appointment a where a.household_id = h.id)
  or exists (select 1 from intake i where i.household_id = h.id)
  or exists (select 1 from care_signal s where s.household_id = h.id)
)`

/** Due households, a page at a time (see `pageOfDue`). */
async function findDueHouseholds(db: Db, cutoff: string, page: DuePage): Promise<DueSlice> {
  return pageOfDue(
    db,
    {
      select: sql`select h.id, ${householdLastContact} as last_contact from household h
        where h.anonymised_at is null`,
      cutoff,
    },
    page,
    async (ids) => {
      const rows = await db
        .selectFrom('household as h')
        .select([
          'h.id',
          'h.reference',
          'h.contactName',
          'h.district',
          householdInReports.as('inReports'),
        ])
        .where('h.id', 'in', ids)
        .execute()
      return new Map(
        rows.map((r) => [
          r.id,
          {
            reference: r.reference,
            name: r.contactName,
            district: r.district,
            canDelete: !r.inReports,
          },
        ]),
      )
    },
  )
}

async function householdCountsInReports(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('household as h')
    .select(householdInReports.as('inReports'))
    .where('h.id', '=', id)
    .executeTakeFirst()
  return !!row?.inReports
}

/** The fields an anonymisation replaces, as the audit log names them. */
export const HOUSEHOLD_ANONYMISED_FIELDS = [
  'contactName',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'phone',
  'email',
  'incomeSource',
  'maritalStatus',
  'referrer',
  'proofSeenOn',
  'eligibleUntil',
  'consentBy',
  'status',
  'notes',
  'members',
  'intakes',
  'appointments',
  'visits',
  'callListContacts',
  'collectionNotices',
]

/** What an anonymised household is called on every screen and list. */
export const ANONYMISED_NAME = 'Geanonimiseerd'

/**
 * Replaces a household's personal fields with neutral values and keeps what `shop.stats` counts:
 * the household row with its reference and district (figures per district), members as rows
 * (household size) with the birth year where it decides whether they counted as a child at a
 * visit, visits with their items, topics and referral destinations (not the referrals' notes),
 * appointments with date and status, intakes with date, topics and referrals. A member who was
 * an adult at every visit gets the birth year rounded down to the decade: still an adult at each
 * visit, no longer a precise fact about the person.
 * Planned appointments from today on are cancelled: nobody is expected any more.
 */
async function anonymiseHousehold(
  trx: Transaction<DB>,
  id: number,
  now: Date,
  today: string,
): Promise<'done' | 'already' | 'gone'> {
  const h = await trx
    .selectFrom('household')
    .select(['id', 'anonymisedAt'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!h) return 'gone'
  if (h.anonymisedAt) return 'already'
  const iso = now.toISOString()
  await trx
    .updateTable('household')
    .set({
      contactName: ANONYMISED_NAME,
      searchName: ANONYMISED_NAME.toLowerCase(),
      street: null,
      houseNumber: null,
      postcode: '',
      city: '',
      phone: null,
      phoneDigits: null,
      email: null,
      incomeSource: 'anders',
      maritalStatus: null,
      referrer: null,
      proofSeenOn: null,
      eligibleUntil: null,
      consentBy: '',
      status: 'inactive',
      notes: null,
      updatedAt: iso,
      anonymisedAt: iso,
    })
    .where('id', '=', id)
    .execute()
  // Before names go: the birth year stays exact wherever a visit's child count depends on it.
  await sql`update member set birth_year = birth_year - birth_year % 10
    where household_id = ${id} and not exists (
      select 1 from visit v where v.household_id = member.household_id and (
        cast(substr(v.date, 1, 4) as integer) - member.birth_year between 0 and 17
        or cast(substr(v.date, 1, 4) as integer) - (member.birth_year - member.birth_year % 10)
          between 0 and 17))`.execute(trx)
  await trx
    .updateTable('member')
    // The gender stays, as the birth year does where it counts: the subsidy report counts the
    // people reached by gender, and anonymising must not change a figure already reported.
    .set({ firstName: null, searchName: null, clothingSize: null })
    .where('householdId', '=', id)
    .execute()
  await trx
    .updateTable('intake')
    .set({ notes: null, doneBy: '' })
    .where('householdId', '=', id)
    .execute()
  await trx
    .updateTable('intakeReferral')
    .set({ note: null })
    .where('intakeId', 'in', (eb) =>
      eb.selectFrom('intake').select('intake.id').where('intake.householdId', '=', id),
    )
    .execute()
  await trx.updateTable('appointment').set({ note: null }).where('householdId', '=', id).execute()
  await trx
    .updateTable('appointment')
    .set({ status: 'cancelled', statusChangedAt: iso })
    .where('householdId', '=', id)
    .where('status', '=', 'planned')
    .where('date', '>=', today)
    .execute()
  await trx
    .updateTable('visit')
    .set({ note: null, servedBy: '' })
    .where('householdId', '=', id)
    .execute()
  // A visit's topics and destinations stay for the figures; what was noted about a referral goes.
  await trx
    .updateTable('visitReferral')
    .set({ note: null })
    .where('visitId', 'in', (eb) =>
      eb.selectFrom('visit').select('visit.id').where('visit.householdId', '=', id),
    )
    .execute()
  // When the family was called counts in no report; with nobody left to call, it goes.
  await trx.deleteFrom('callListContact').where('householdId', '=', id).execute()
  // When and how the family was told of a collection counts in no report either.
  await trx.deleteFrom('collectionNotice').where('householdId', '=', id).execute()
  await anonymiseSupportOf(trx, 'household', id)
  await anonymiseOutcomesOf(trx, 'household', id)
  return 'done'
}

/** Removes a household and everything that hangs off it. The audit log keeps its entries. */
async function deleteHousehold(trx: Transaction<DB>, id: number): Promise<boolean> {
  const h = await trx.selectFrom('household').select('id').where('id', '=', id).executeTakeFirst()
  if (!h) return false
  // Children first, explicitly, rather than leaning on the cascades of the schema.
  for (const table of ['visitItem', 'visitTopic', 'visitReferral'] as const)
    await trx
      .deleteFrom(table)
      .where('visitId', 'in', (eb) =>
        eb.selectFrom('visit').select('visit.id').where('visit.householdId', '=', id),
      )
      .execute()
  await trx.deleteFrom('visit').where('householdId', '=', id).execute()
  await trx.deleteFrom('appointment').where('householdId', '=', id).execute()
  await trx
    .deleteFrom('intakeTopic')
    .where('intakeId', 'in', (eb) =>
      eb.selectFrom('intake').select('intake.id').where('intake.householdId', '=', id),
    )
    .execute()
  await trx
    .deleteFrom('intakeReferral')
    .where('intakeId', 'in', (eb) =>
      eb.selectFrom('intake').select('intake.id').where('intake.householdId', '=', id),
    )
    .execute()
  await trx.deleteFrom('intake').where('householdId', '=', id).execute()
  await trx.deleteFrom('member').where('householdId', '=', id).execute()
  await trx.deleteFrom('callListContact').where('householdId', '=', id).execute()
  await trx.deleteFrom('collectionNotice').where('householdId', '=', id).execute()
  await deleteSupportOf(trx, 'household', id)
  await deleteOutcomesOf(trx, 'household', id)
  await trx.deleteFrom('household').where('id', '=', id).execute()
  return true
}

async function householdCreatedAt(db: Db, id: number): Promise<string | null> {
  const h = await db
    .selectFrom('household')
    .select('createdAt')
    .where('id', '=', id)
    .executeTakeFirst()
  return h?.createdAt ?? null
}

export const householdRetention: RetentionRegistration = {
  term: 'households',
  findDue: findDueHouseholds,
  anonymise: anonymiseHousehold,
  anonymisedFields: HOUSEHOLD_ANONYMISED_FIELDS,
  countsInReports: householdCountsInReports,
  delete: deleteHousehold,
}

export const householdErasure: ErasureRegistration = {
  createdAt: householdCreatedAt,
  idSequence: 'household',
}
