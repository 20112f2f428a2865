import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The audit log names the data subject an entry is about by kind and id (a household today,
 * volunteers and complainants later), no longer only through `household_id`.
 *
 * Existing entries keep their hash: it was computed over the columns they had, and the app
 * checks such an entry with that same formula. Filling the new columns for them therefore changes
 * no hash, and the app accepts an old entry only when its subject is exactly what this backfill
 * derives from `household_id`, so the filled columns cannot be altered unnoticed either.
 *
 * The log refuses every UPDATE (trigger `audit_log_no_update`, migration 0002). For the backfill
 * alone it is dropped and created again with the same text, inside one transaction: no moment
 * exists, not even after a crash, in which the log could be rewritten. Adding columns is no
 * UPDATE, and the insert trigger of 0004 is not involved.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log ADD COLUMN subject_kind text`.execute(trx)
    await sql`ALTER TABLE audit_log ADD COLUMN subject_id integer`.execute(trx)
    await sql`DROP TRIGGER audit_log_no_update`.execute(trx)
    await sql`UPDATE audit_log SET subject_kind = 'household', subject_id = household_id
      WHERE household_id IS NOT NULL`.execute(trx)
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(trx)
    await sql`CREATE INDEX audit_log_subject ON audit_log (subject_kind, subject_id)`.execute(trx)
  })
}
