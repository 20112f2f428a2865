import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The support figures (informal carers and help requests, `volunteers.stats` and the subsidy
 * report) read from indexes alone instead of fetching whole rows:
 * - a carer's first load and their latest up to the period's end come from
 *   `carer_load_figures`, which holds the load beside the day;
 * - the carers of a period (registered by its end, not ended before its start) from
 *   `informal_carer_registered`, which gains the end day after the day of registration it had
 *   (every query that used it still does);
 * - the help requests of a period (not ended before its start) from `help_request_figures`: those
 *   still open and those ended since the start, two ranges of the end day, with every column the
 *   figures and the area filter read.
 * All three tables are written a few times a day at most, and read for every report.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run('create index carer_load_figures on carer_load (person_id, measured_on, load)')
  await run('drop index informal_carer_registered')
  await run('create index informal_carer_registered on informal_carer (registered_on, ended_on)')
  await run(`create index help_request_figures on help_request
    (ended_on, opened_on, matched_on, kind_id, person_id, household_id)`)
}
