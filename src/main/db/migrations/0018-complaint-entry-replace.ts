import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * `INSERT OR REPLACE` deletes the row in its way without firing the delete trigger (SQLite runs
 * delete triggers on a replace only with recursive_triggers on), so the append-only timeline and
 * the versioned letter templates could be rewritten in place. A BEFORE INSERT trigger refusing an
 * id that already exists runs before the replace, whatever the conflict clause.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  for (const table of ['complaint_entry', 'complaint_letter_template']) {
    await sql
      .raw(
        `create trigger ${table}_no_replace before insert on ${table}
         when new.id is not null and exists (select 1 from ${table} where id = new.id)
         begin select raise(abort, '${table} is append-only'); end`,
      )
      .execute(db)
  }
}
