import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Indexes and kept values so the shop's figures read the period asked for, not ten years of
 * history.
 *
 * `household_visit_span` holds, per household with at least one visit, the day of its first and
 * of its last visit. "New households" of a period and the call list's "not seen since" read it
 * instead of grouping every visit ever made. Triggers on `visit` keep it right in the same
 * transaction as every write, whatever path the write takes: registering a visit, a correction,
 * retention removing a household, a bulk insert, or an old backup restored and migrated up. The
 * span is recomputed from the visits through `visit_household_date` (household_id, date), so a
 * trigger reads one household's visits at most, never the table.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TABLE household_visit_span (
      household_id integer PRIMARY KEY REFERENCES household (id) ON DELETE CASCADE,
      first_visit_on text NOT NULL,
      last_visit_on text NOT NULL
    )`.execute(trx)
    await sql`CREATE INDEX household_visit_span_first ON household_visit_span (first_visit_on)`.execute(
      trx,
    )
    await sql`CREATE INDEX household_visit_span_last ON household_visit_span (last_visit_on)`.execute(
      trx,
    )

    // A new visit can only widen the span: no need to read the household's other visits.
    await sql`CREATE TRIGGER visit_span_insert AFTER INSERT ON visit
    BEGIN
      INSERT INTO household_visit_span (household_id, first_visit_on, last_visit_on)
        VALUES (new.household_id, new.date, new.date)
        ON CONFLICT (household_id) DO UPDATE SET
          first_visit_on = min(first_visit_on, excluded.first_visit_on),
          last_visit_on = max(last_visit_on, excluded.last_visit_on);
    END`.execute(trx)
    // A removed or moved visit may have been the first or the last: recount that household.
    await sql`CREATE TRIGGER visit_span_delete AFTER DELETE ON visit
    BEGIN
      DELETE FROM household_visit_span WHERE household_id = old.household_id;
      INSERT INTO household_visit_span (household_id, first_visit_on, last_visit_on)
        SELECT household_id, min(date), max(date) FROM visit
        WHERE household_id = old.household_id GROUP BY household_id;
    END`.execute(trx)
    await sql`CREATE TRIGGER visit_span_update AFTER UPDATE OF household_id, date ON visit
    BEGIN
      DELETE FROM household_visit_span
        WHERE household_id IN (old.household_id, new.household_id);
      INSERT INTO household_visit_span (household_id, first_visit_on, last_visit_on)
        SELECT household_id, min(date), max(date) FROM visit
        WHERE household_id IN (old.household_id, new.household_id) GROUP BY household_id;
    END`.execute(trx)

    await sql`INSERT INTO household_visit_span (household_id, first_visit_on, last_visit_on)
      SELECT household_id, min(date), max(date) FROM visit GROUP BY household_id`.execute(trx)

    // The call list and the dashboard's "proof runs out" ask for active households by the end
    // of their right.
    await sql`CREATE INDEX household_status_eligible ON household (status, eligible_until)`.execute(
      trx,
    )
    // A period's visits per household without reading each visit's row; it starts with the
    // date, so it serves every lookup `visit_date` served, which goes.
    await sql`CREATE INDEX visit_date_household ON visit (date, household_id)`.execute(trx)
    await sql`DROP INDEX visit_date`.execute(trx)
    // A period's appointments and intakes counted from their index alone: reading each row for
    // its status or household took most of a ten-year report.
    await sql`CREATE INDEX appointment_date_status_household
      ON appointment (date, status, household_id)`.execute(trx)
    await sql`DROP INDEX appointment_date`.execute(trx)
    // "Has this family a booking coming, or one it came to lately?" (the call list asks it of
    // every eligible family) as two seeks in this index instead of reading all its bookings.
    await sql`CREATE INDEX appointment_household_status_date
      ON appointment (household_id, status, date)`.execute(trx)
    await sql`CREATE INDEX intake_date_household ON intake (date, household_id)`.execute(trx)
    await sql`DROP INDEX intake_date`.execute(trx)
  })
}
