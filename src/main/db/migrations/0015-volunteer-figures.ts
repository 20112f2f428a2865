import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The 11 ZRM domains in their order as this migration knew them, each with the codes that count
 * for it (a ZRM 2017 domain that was split or renamed counts for the one it came from; a
 * measurement holds codes of its own version only, so the lists do not overlap).
 */
const DOMAINS_THEN: string[][] = [
  ['finances'],
  ['daytime', 'work_education', 'time_use'],
  ['housing'],
  ['domestic_relations'],
  ['mental_health'],
  ['physical_health'],
  ['addiction', 'substance_use'],
  ['adl', 'basic_adl', 'instrumental_adl'],
  ['social_network'],
  ['participation'],
  ['justice'],
]

/**
 * Indexes for the volunteers' figures (`volunteers.stats`), the dashboard and the month grid at
 * ten years of data: each figure is read from an index that holds every column it needs, so a
 * year's figures read index entries instead of one table row per person, placement or month-hour
 * row; and a column with each measurement's scores on the 11 domains.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  // Each measurement's scores on the 11 domains, one character each (1-5, '-' not scored; the
  // lower where two 2017 domains meet), so progress reads one narrow row per measurement instead
  // of its score rows. Filled here for measurements recorded before.
  await db.schema.alterTable('measurement').addColumn('progress_scores', 'text').execute()
  const perDomain = DOMAINS_THEN.map(
    (codes) => sql`coalesce((select cast(min(s.score) as text) from measurement_score s
      where s.measurement_id = measurement.id and s.domain in (${sql.join(codes)})), '-')`,
  )
  await sql`update measurement set progress_scores = ${sql.join(perDomain, sql` || `)}`.execute(db)
  await db.schema
    .createIndex('measurement_progress')
    .on('measurement')
    .columns(['person_id', 'measured_on', 'progress_scores', 'ladder'])
    .execute()
  // Registered, new and outflow per district and programme: every person, but only these.
  await db.schema
    .createIndex('person_figures')
    .on('person')
    .columns(['registered_on', 'outflow_on', 'programme_id', 'district'])
    .execute()
  // Placements started and active in a period, per person (for the district).
  await db.schema
    .createIndex('placement_figures')
    .on('placement')
    .columns(['placed_on', 'ended_on', 'person_id'])
    .execute()
  // The month grid and the dashboard: placements that still run, or ended on or after a day.
  await db.schema
    .createIndex('placement_running')
    .on('placement')
    .columns(['step', 'ended_on', 'trial_on', 'placed_on', 'person_id'])
    .execute()
  // Hours of whole months, summed per person.
  await db.schema
    .createIndex('volunteer_hours_figures')
    .on('volunteer_hours')
    .columns(['month', 'person_id', 'hours'])
    .execute()
  // Progress: who was measured in a period, and each measurement's scores.
  await db.schema
    .createIndex('measurement_figures')
    .on('measurement')
    .columns(['measured_on', 'person_id'])
    .execute()
}
