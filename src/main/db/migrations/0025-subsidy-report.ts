import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The municipal subsidy report (issue 15):
 *
 * - `activity`: the register of collective activities and residents' initiatives
 *   (bewonersinitiatieven), counted per kind of service. Counts of participants and volunteers
 *   only, never who: it holds nobody's personal data, so it has no retention term.
 * - `advice_tally`: a quick tally of information-and-advice contacts (a count per day and area).
 * - `report_target`: the target (streefwaarde) of a figure for a subsidy year and area ('' is
 *   the whole organisation).
 * - `report_text`: the story per section and the explanation of a deviation per figure, saved
 *   per period and area.
 * - `report_submission`: a frozen report as it was sent: the PDF, the figures and the manifest.
 *   Never changed or removed (triggers), so a report opens years later exactly as sent.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('activity')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('collective', 'initiative')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull().check(sql`participants >= 0`))
    .addColumn('volunteers', 'integer', (c) => c.notNull().check(sql`volunteers >= 0`))
    .addColumn('area', 'text')
    .addColumn('waiting_list', 'integer', (c) => c.check(sql`waiting_list >= 0`))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('account.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('activity_date').on('activity').columns(['date', 'kind']).execute()

  await db.schema
    .createTable('advice_tally')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('account.id'))
    .execute()
  await db.schema.createIndex('advice_tally_date').on('advice_tally').column('date').execute()

  await db.schema
    .createTable('report_target')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('figure_key', 'text', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('account.id'))
    .addPrimaryKeyConstraint('report_target_pk', ['year', 'area', 'figure_key'])
    .execute()

  await db.schema
    .createTable('report_text')
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('narrative', 'explanation')`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('account.id'))
    .addPrimaryKeyConstraint('report_text_pk', ['from_on', 'to_on', 'area', 'kind', 'key'])
    .execute()
  // "Next year's report starts from it": the latest earlier story of a section and area.
  await db.schema
    .createIndex('report_text_latest')
    .on('report_text')
    .columns(['kind', 'key', 'area', 'to_on'])
    .execute()

  await db.schema
    .createTable('report_submission')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('made_by', 'integer', (c) => c.references('account.id'))
    .addColumn('made_by_name', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('manifest_json', 'text', (c) => c.notNull())
    .addColumn('pdf', 'blob', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('figures_sha256', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('report_submission_period')
    .on('report_submission')
    .columns(['from_on', 'to_on', 'area'])
    .execute()
  await sql`CREATE TRIGGER report_submission_no_update BEFORE UPDATE ON report_submission
    BEGIN SELECT RAISE(ABORT, 'report_submission is frozen'); END`.execute(db)
  await sql`CREATE TRIGGER report_submission_no_delete BEFORE DELETE ON report_submission
    BEGIN SELECT RAISE(ABORT, 'report_submission is frozen'); END`.execute(db)
}
