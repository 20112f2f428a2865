import { Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Collections: a new collection of clothes and toys (its name, season and the day it arrives)
 * opens a call list of families to tell, and when it leaves the shop it says where it went (a
 * partner project of the sociale kaart, migration 0010). No stock is kept, only these facts.
 *
 * A notice says that one family was told of one collection: on which day, how (a code) and by
 * whom (the display name of the user, as "geholpen door" on a visit). One per family per
 * collection; telling again replaces it. It goes with its household (retention deletes it
 * explicitly; the cascade is the schema's own guard). A collection is never deleted, so its
 * notices need no cascade.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('collection')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('season', 'text', (c) => c.notNull())
    .addColumn('arrives_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('left_to_partner_id', 'integer', (c) => c.references('partner.id'))
    .addColumn('left_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The list of collections shows the newest first.
  await db.schema
    .createIndex('collection_arrives_on')
    .on('collection')
    .column('arrives_on')
    .execute()

  await db.schema
    .createTable('collection_notice')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('collection_id', 'integer', (c) => c.notNull().references('collection.id'))
    .addColumn('household_id', 'integer', (c) =>
      c.notNull().references('household.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One notice per family per collection; also the call list's lookup per collection.
  await db.schema
    .createIndex('collection_notice_collection_household')
    .on('collection_notice')
    .columns(['collection_id', 'household_id'])
    .unique()
    .execute()
  // A household's notices: its subject access export and its erasure.
  await db.schema
    .createIndex('collection_notice_household')
    .on('collection_notice')
    .column('household_id')
    .execute()
}
