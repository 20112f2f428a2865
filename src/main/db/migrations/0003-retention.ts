import { Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The retention terms every existing and new database starts with: 2 years per kind. */
const TERMS_THEN = { households: 24, people: 24, complaints: 24 }

export async function up(db: Kysely<SchemaThen>): Promise<void> {
  // When set, the household's personal fields were replaced (AVG retention); its relations and
  // counts stay for the reports of past periods, and it is never listed as due again.
  await db.schema.alterTable('household').addColumn('anonymised_at', 'text').execute()
  await db.schema
    .createIndex('household_anonymised_at')
    .on('household')
    .column('anonymised_at')
    .execute()

  // Stored now rather than read from a default in code, so a later change of the default does
  // not silently shorten the terms of an organisation that never touched them.
  await db
    .insertInto('setting')
    .values({ key: 'retention', value: JSON.stringify(TERMS_THEN) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}
