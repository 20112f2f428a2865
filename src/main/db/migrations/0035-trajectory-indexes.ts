import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The subsidy report's trajectory figures (issue 17: duration per programme from the intake to the
 * end, waiting time from registration to the intake) read every person who ended or had an intake
 * in the year. Both figure indexes of `person` gain the columns those figures need, so the report
 * reads them from the index alone instead of fetching about 3,000 whole person rows a year. The
 * columns they had stay in front, in the same order: every query that used them still does.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run('drop index person_outflow_figures')
  await run(`create index person_outflow_figures on person
    (outflow_on, registered_on, district, programme_id, outflow_kind, intake_on)`)
  await run('drop index person_intake_figures')
  await run(`create index person_intake_figures on person
    (intake_on, registered_on, district, programme_id)`)
}
