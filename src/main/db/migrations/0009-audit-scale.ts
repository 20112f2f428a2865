import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The audit log at ten years (some 780,000 entries):
 *
 * - Its screen lists the newest entries first, by time, under any filter. Each filter gets an
 *   index that ends in `at`, so the first page is read from the end of one index range, never
 *   found by scanning the table nor sorted from all matches: action (finding the last restore
 *   was a scan of the whole table), kind of record, a record, a household. The entity and
 *   household indexes of 0002 are prefixes of the new ones and go.
 * - `audit_verified` remembers the newest entry the chain check found intact (its id and hash),
 *   so the routine check walks only what came after it; see audit/verify.ts for what that point
 *   is trusted for. One row at most.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE INDEX audit_log_action_at ON audit_log (action, at)`.execute(trx)
    await sql`CREATE INDEX audit_log_entity_type_at ON audit_log (entity_type, at)`.execute(trx)
    await sql`CREATE INDEX audit_log_entity_at ON audit_log (entity_type, entity_id, at)`.execute(
      trx,
    )
    await sql`DROP INDEX audit_log_entity`.execute(trx)
    await sql`CREATE INDEX audit_log_household_at ON audit_log (household_id, at)`.execute(trx)
    await sql`DROP INDEX audit_log_household`.execute(trx)
    await sql`CREATE TABLE audit_verified (
      id integer PRIMARY KEY CHECK (id = 1),
      entry_id integer NOT NULL,
      entry_hash text NOT NULL,
      first_current_id integer,
      sweep_next integer NOT NULL,
      verified_at text NOT NULL
    )`.execute(trx)
  })
}
