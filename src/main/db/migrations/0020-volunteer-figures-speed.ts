import type { Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Indexes for `volunteers.stats` at ten years of data (20,000 people, 84,000 measurements): the
 * registered people are counted per district and programme in index order, without sorting
 * everyone ever registered, and a person's first and latest measurement are read from an index
 * in day-then-id order, scores included, so no measurement row is looked up or sorted.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createIndex('person_by_district')
    .on('person')
    .columns(['district', 'programme_id', 'registered_on', 'outflow_on'])
    .execute()
  await db.schema
    .createIndex('measurement_compare')
    .on('measurement')
    .columns(['person_id', 'measured_on', 'id', 'ladder', 'progress_scores'])
    .execute()
  // Replaced by measurement_compare, which has the id in its order (ties on a day broken by id).
  await db.schema.dropIndex('measurement_progress').execute()
}
