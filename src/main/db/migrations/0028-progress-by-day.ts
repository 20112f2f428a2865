import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * Two narrow indexes for the progress figures (the ZRM and the ladder, `volunteers.stats` and the
 * subsidy report). A period's progress compares, for everyone measured in it, their first
 * measurement ever with their latest up to the period's end. That latest is the latest of the
 * period itself, so it is read from a range of measurements by day: `measurement_by_day` holds
 * every column the comparison needs, in day order. The first one is kept on the person (migration
 * 0022); `person_first_measure` holds it with the district, by id, so the seek per person does not
 * read the person's wide row.
 *
 * Before these, the latest up to the period's end was sought per person measured since the
 * period's start, also those measured again after it (most, for last year): some 20 ms for a year
 * at ten years of data on a connection whose cache was just emptied, against some 9 ms now. The
 * index that sought served (`person_measured`) has no other reader and goes.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await sql`create index measurement_by_day
    on measurement (measured_on, person_id, id, ladder, progress_scores)`.execute(db)
  await sql`create index person_first_measure on person (id, district, first_measure)
    where first_measure is not null`.execute(db)
  await sql`drop index person_measured`.execute(db)
}
