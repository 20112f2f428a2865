import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * `INSERT OR REPLACE` (and `REPLACE INTO`) with the id of an existing entry deletes that row as a
 * conflict resolution, which does not fire DELETE triggers. An insert trigger sees the statement
 * before the conflict is resolved, so refusing any insert whose id is taken closes that way of
 * rewriting the log. The trigger lives in the schema, so every connection to the file gets it.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await sql`CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
    WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db)
}
