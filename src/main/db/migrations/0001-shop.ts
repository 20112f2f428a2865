import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('list_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('topic','destination','category')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('list_item_kind_name', ['kind', 'name'])
    .execute()

  await db.schema
    .createTable('household')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('street', 'text')
    .addColumn('house_number', 'text')
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('phone', 'text')
    .addColumn('phone_digits', 'text')
    .addColumn('email', 'text')
    .addColumn('income_source', 'text', (c) => c.notNull())
    .addColumn('referrer', 'text')
    .addColumn('proof_seen_on', 'text')
    .addColumn('eligible_until', 'text')
    .addColumn('consent_date', 'text', (c) => c.notNull())
    .addColumn('consent_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','inactive')`))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('household_postcode').on('household').column('postcode').execute()
  await db.schema.createIndex('household_phone').on('household').column('phone_digits').execute()
  await db.schema
    .createIndex('household_search_name')
    .on('household')
    .column('search_name')
    .execute()
  await db.schema.createIndex('household_district').on('household').column('district').execute()

  await db.schema
    .createTable('member')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'integer', (c) =>
      c.notNull().references('household.id').onDelete('cascade'),
    )
    .addColumn('first_name', 'text')
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull().check(sql`gender in ('f','m','x')`))
    .addColumn('clothing_size', 'text')
    .execute()
  await db.schema.createIndex('member_household').on('member').column('household_id').execute()

  await db.schema
    .createTable('intake')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'integer', (c) =>
      c.notNull().references('household.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('intake_household').on('intake').column('household_id').execute()
  await db.schema.createIndex('intake_date').on('intake').column('date').execute()

  await db.schema
    .createTable('intake_topic')
    .addColumn('intake_id', 'integer', (c) =>
      c.notNull().references('intake.id').onDelete('cascade'),
    )
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('list_item.id'))
    .addPrimaryKeyConstraint('intake_topic_pk', ['intake_id', 'topic_id'])
    .execute()

  await db.schema
    .createTable('intake_referral')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('intake_id', 'integer', (c) =>
      c.notNull().references('intake.id').onDelete('cascade'),
    )
    .addColumn('destination_id', 'integer', (c) => c.notNull().references('list_item.id'))
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('intake_referral_intake')
    .on('intake_referral')
    .column('intake_id')
    .execute()

  await db.schema
    .createTable('slot')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('part', 'text', (c) =>
      c.notNull().check(sql`part in ('morning','afternoon','evening')`),
    )
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addUniqueConstraint('slot_date_part', ['date', 'part'])
    .execute()

  await db.schema
    .createTable('appointment')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('slot_id', 'integer', (c) => c.notNull().references('slot.id'))
    .addColumn('household_id', 'integer', (c) =>
      c.notNull().references('household.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned','came','no_show','cancelled')`),
    )
    .addColumn('note', 'text')
    .addColumn('booked_at', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text')
    .execute()
  await db.schema.createIndex('appointment_slot').on('appointment').column('slot_id').execute()
  await db.schema
    .createIndex('appointment_household_date')
    .on('appointment')
    .columns(['household_id', 'date'])
    .execute()
  await db.schema.createIndex('appointment_date').on('appointment').column('date').execute()

  await db.schema
    .createTable('visit')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('household_id', 'integer', (c) =>
      c.notNull().references('household.id').onDelete('cascade'),
    )
    .addColumn('appointment_id', 'integer', (c) => c.references('appointment.id').unique())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('served_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('visit_household_date')
    .on('visit')
    .columns(['household_id', 'date'])
    .execute()
  await db.schema.createIndex('visit_date').on('visit').column('date').execute()

  await db.schema
    .createTable('visit_item')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('list_item.id'))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('visit_item_pk', ['visit_id', 'category_id'])
    .execute()

  // Starting lists, so a new shop can work at once; coordinators rename or add to them.
  const lists: [string, string[]][] = [
    [
      'topic',
      [
        'Opvoeding',
        'Werk en bijstand',
        'Financiën en schulden',
        'Gezondheid',
        'Wonen',
        'Sociaal netwerk',
      ],
    ],
    [
      'destination',
      [
        'Schuldhulpverlening',
        'Maatschappelijk werk',
        'Sociaal raadslieden',
        'Voedselbank',
        'Gemeente (regelingen)',
        'Vrijwilligerscentrale',
      ],
    ],
    ['category', ['Kleding', 'Schoenen', 'Speelgoed', 'Babyspullen']],
  ]
  for (const [kind, names] of lists) {
    await db
      .insertInto('list_item')
      .values(names.map((name, i) => ({ kind, name, active: 1, sort: i })))
      .execute()
  }
}
