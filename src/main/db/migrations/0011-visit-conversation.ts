import { Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The conversation of a visit: what was talked about (topics from the managed list) and which
 * partners of the sociale kaart the family was referred to, each with a short note. Rows in join
 * tables, as for intakes, so the figures count them in SQL. They go with their visit; a topic
 * or partner that a visit names cannot be removed (they are only ever made inactive).
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('visit_topic')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('list_item.id'))
    .addPrimaryKeyConstraint('visit_topic_pk', ['visit_id', 'topic_id'])
    .execute()
  // The figures count per topic over a period: from the topic to its visits, not every visit.
  await db.schema.createIndex('visit_topic_topic').on('visit_topic').column('topic_id').execute()

  await db.schema
    .createTable('visit_referral')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
    .addColumn('destination_id', 'integer', (c) => c.notNull().references('partner.id'))
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('visit_referral_visit')
    .on('visit_referral')
    .column('visit_id')
    .execute()
  await db.schema
    .createIndex('visit_referral_destination')
    .on('visit_referral')
    .column('destination_id')
    .execute()
}
