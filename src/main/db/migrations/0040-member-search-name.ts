import { sql, type Kysely } from 'kysely'
// Another frozen migration, not app code: the search key as 0010 wrote it down, which is the key
// the app still makes (`src/shared/search-key.ts`; a test holds the two together).
import { keyThen } from './0010-partners'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Ctrl+K finds a family by a member's first name ("Fatima" finds the family whose contact is her
 * mother): the member gets the search key of its first name and an index on it, as the
 * household's name has. Members without a first name, and those of anonymised households (whose
 * first names were removed), have none and are not in the index.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`alter table member add column search_name text`.execute(trx)
    const named = await sql<{ id: number; first_name: string }>`
      select id, first_name from member where first_name is not null`.execute(trx)
    for (const m of named.rows) {
      const key = keyThen(m.first_name)
      if (key) await sql`update member set search_name = ${key} where id = ${m.id}`.execute(trx)
    }
    await sql`create index member_search_name on member (search_name, household_id)
      where search_name is not null`.execute(trx)
  })
}
