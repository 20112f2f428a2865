import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The complaints decided in a period (the annual complaints report and the subsidy report's
 * complaint figures: how many, late, extended, to the committee, the handling days and the
 * outcomes) were counted by reading every complaint ever made: no index held the day of the
 * decision. At ten years of data (3,000 complaints) that read costs some 2.5 ms a year on a
 * connection whose cache a write elsewhere emptied, against a few tenths from this index, which
 * holds every column those counts read. Complaints not decided have no day and are not in it.
 *
 * The complaints received per category had no index either: SQLite built one for the query each
 * time, from every complaint. `complaint_category_received` answers it per category.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await sql`create index complaint_decided_on
    on complaint (decided_on, decision_due_on, extension_weeks, step, received_on, outcome)
    where decided_on is not null`.execute(db)
  await sql`create index complaint_category_received on complaint (category_id, received_on)`.execute(
    db,
  )
}
