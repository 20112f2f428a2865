import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Indexes for the coordinator's volunteers dashboard at ten years of data (20,000 people,
 * 240,000 month-hour rows), which runs on main: each list is read from an index that holds what
 * it needs, so it no longer reads or sorts rows it does not show.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  // Last month's placements without hours: per running placement one seek that answers from
  // the index, instead of a table row per placement read for its person.
  await db.schema
    .createIndex('volunteer_hours_placement_person')
    .on('volunteer_hours')
    .columns(['placement_id', 'month', 'person_id'])
    .execute()
  // Waiting for an intake, longest first: only the people still waiting, in the order shown, so
  // the first 100 are read and nothing is sorted.
  await db.schema
    .createIndex('person_waiting')
    .on('person')
    .columns(['status', 'registered_on'])
    .where(sql<boolean>`intake_on is null and outflow_on is null and anonymised_at is null`)
    .execute()
}
