import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Saved column mappings of the spreadsheet import (issue 18): per kind (households or people) a
 * named mapping, so the next file from the same source reads the same way. `mapping` is the list
 * of fields with their column or fixed value, as JSON: settings of a screen, never counted in a
 * report.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table import_mapping (
    id integer primary key autoincrement,
    kind text not null check (kind in ('households', 'people')),
    name text not null,
    mapping text not null check (json_valid(mapping) and json_type(mapping) = 'array'),
    created_at text not null,
    updated_at text not null
  )`)
  await run(`create unique index import_mapping_name on import_mapping (kind, name collate nocase)`)
}
