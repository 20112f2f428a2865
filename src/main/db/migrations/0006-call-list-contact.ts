import { Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * When a coordinator called or invited a family from the call list. One row per contact, so the
 * list can show the last one and the subject-access export the whole history. Only the day is
 * kept, never what was said: the audit log records who marked it.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('call_list_contact')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'integer', (c) =>
      c.notNull().references('household.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('call_list_contact_household_date')
    .on('call_list_contact')
    .columns(['household_id', 'date'])
    .execute()
}
