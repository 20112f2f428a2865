import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The codes of a burgerlijke staat as they were when this migration was written. */
const CODES = ['single', 'married', 'cohabiting', 'divorced', 'widowed']

/**
 * An optional burgerlijke staat (issue 17, for the outcome indicators) of a person of the
 * volunteers register and of a household's contact: alleenstaand/ongehuwd, gehuwd of
 * geregistreerd partner, samenwonend, gescheiden, weduwe/weduwnaar. Null is unknown, which every
 * existing row becomes; a CHECK keeps any other code out whatever path writes it.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const check = `check (marital_status in (${CODES.map((c) => `'${c}'`).join(', ')}))`
  for (const table of ['person', 'household'])
    await sql.raw(`alter table ${table} add column marital_status text ${check}`).execute(db)
}
