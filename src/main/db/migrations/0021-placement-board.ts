import type { Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The placements board at ten years of data (30,000 placements, 2,000 proposed at once): each
 * column reads its newest few placements of one step in index order, instead of sorting every
 * placement of that step to show 25 of them. The index also counts per step as placement_step
 * did, so that one goes.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createIndex('placement_step_proposed')
    .on('placement')
    .columns(['step', 'proposed_on', 'id'])
    .execute()
  await db.schema.dropIndex('placement_step').execute()
}
