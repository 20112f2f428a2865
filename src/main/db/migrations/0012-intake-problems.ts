import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The answers then: asked at the intake, or not known (not asked, or not said). */
const ANSWERS_THEN = ['yes', 'no', 'unknown'] as const

/**
 * Two questions of the intake the shop counts in its figures: does the family have debts, and
 * does it face several problems at once. Existing intakes never asked them, so they become
 * 'unknown' rather than a guessed 'no'; the check keeps any other code out whatever path writes.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const allowed = sql.join(ANSWERS_THEN.map((a) => sql.lit(a)))
  for (const column of ['debts', 'multiple_problems'])
    await db.schema
      .alterTable('intake')
      .addColumn(column, 'text', (c) =>
        c
          .notNull()
          .defaultTo('unknown')
          .check(sql`${sql.ref(column)} in (${allowed})`),
      )
      .execute()
}
