import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The categories an organisation starts with (issue 14); a managed list afterwards. */
const CATEGORIES_THEN = [
  ['Bejegening', 'bejegening'],
  ['Kwaliteit van de dienstverlening', 'kwaliteit van de dienstverlening'],
  ['Privacy', 'privacy'],
  ['Bereikbaarheid', 'bereikbaarheid'],
  ['Wachttijd', 'wachttijd'],
  ['Overig', 'overig'],
] as const

/** The terms as the organisation's complaints regulation sets them by default (see README). */
const SETTINGS_THEN = {
  ackWorkingDays: 5,
  decisionWeeks: 6,
  maxExtensionWeeks: 4,
  deciderTitle: 'directeur',
  smallCellThreshold: 5,
  closedDays: [] as string[],
}

const ENTRY_KINDS = [
  'received',
  'acknowledged',
  'step_changed',
  'handler_changed',
  'note',
  'hearing',
  'advice',
  'decision',
  'extension',
  'informed',
  'closed',
  'reopened',
  'correction',
  'letter',
]
const OUTCOMES = ['founded', 'partly_founded', 'unfounded', 'withdrawn', 'mediated']
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','))

/**
 * Complaints (issue 14): the complaint with its number K-YYYY-NNN, its timeline of entries that
 * are never changed, the measures of a decision, a managed list of categories, and each
 * account's leidinggevende (who handles step 1 of a complaint about that account).
 *
 * - Numbers: (year, seq) is unique; the service takes max(seq) + 1 of the year inside its write
 *   transaction, so a number is never skipped (a rolled-back insert uses none, unlike
 *   AUTOINCREMENT) and two complaints saved at once cannot get the same one.
 * - The complaint row also keeps a summary of its timeline (step, acknowledged, decided, closed,
 *   due dates) that the services rewrite after each entry, so lists and the annual report count
 *   in SQL. The terms that applied at receipt are kept with it.
 * - complaint_entry is append-only: triggers refuse every DELETE and every UPDATE except the one
 *   an erasure under the AVG makes (the free text of an entry of a complaint being anonymised is
 *   emptied; nothing else may change, and only once).
 * - The complainant is a household, a person (volunteers, migration 0014), a name with contact
 *   details, or anonymous. When the household or person is deleted the complaint stays (it has
 *   its own retention term) and only loses the link.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await sql`ALTER TABLE account ADD COLUMN manager_id integer REFERENCES account(id)`.execute(db)

  await db.schema
    .createTable('complaint_category')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull().unique())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  let sort = 0
  for (const [name, searchName] of CATEGORIES_THEN)
    await db
      .insertInto('complaint_category')
      .values({ name, search_name: searchName, active: 1, sort: (sort += 10) })
      .execute()

  await db.schema
    .createTable('complaint')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq > 0`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('in_person','letter','email','phone','form')`),
    )
    .addColumn('complainant_kind', 'text', (c) =>
      c.notNull().check(sql`complainant_kind in ('household','person','contact','anonymous')`),
    )
    .addColumn('household_id', 'integer', (c) => c.references('household.id').onDelete('set null'))
    .addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('complainant_name', 'text')
    .addColumn('complainant_contact', 'text')
    .addColumn('about_kind', 'text', (c) =>
      c.notNull().check(sql`about_kind in ('service','staff','other')`),
    )
    .addColumn('about_account_id', 'integer', (c) => c.references('account.id'))
    .addColumn('about_text', 'text')
    .addColumn('category_id', 'integer', (c) => c.notNull().references('complaint_category.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('wish', 'text')
    .addColumn('handler_id', 'integer', (c) => c.references('account.id'))
    .addColumn('start_step', 'integer', (c) => c.notNull().check(sql`start_step between 1 and 3`))
    .addColumn('step', 'integer', (c) => c.notNull().check(sql`step between 1 and 3`))
    // The organisation's terms when the complaint came in (later changes do not move them).
    .addColumn('ack_working_days', 'integer', (c) => c.notNull())
    .addColumn('decision_weeks', 'integer', (c) => c.notNull())
    .addColumn('extension_weeks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ack_due_on', 'text', (c) => c.notNull())
    .addColumn('decision_due_on', 'text', (c) => c.notNull())
    .addColumn('acknowledged_on', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in (${inList(OUTCOMES)})`))
    .addColumn('informed_complainant_on', 'text')
    .addColumn('informed_staff_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('anonymised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('complaint_year_seq', ['year', 'seq'])
    .addCheckConstraint(
      'complaint_handler_not_about',
      sql`handler_id is null or about_account_id is null or handler_id <> about_account_id`,
    )
    .execute()
  // The overview of open complaints; the annual report per year of receipt and of closing.
  await db.schema.createIndex('complaint_closed_on').on('complaint').column('closed_on').execute()
  await db.schema
    .createIndex('complaint_received_on')
    .on('complaint')
    .column('received_on')
    .execute()
  // A household's or person's complaints: their subject access export.
  await db.schema
    .createIndex('complaint_household')
    .on('complaint')
    .column('household_id')
    .where(sql.ref('household_id'), 'is not', null)
    .execute()
  await db.schema
    .createIndex('complaint_person')
    .on('complaint')
    .column('person_id')
    .where(sql.ref('person_id'), 'is not', null)
    .execute()

  await db.schema
    .createTable('complaint_entry')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaint.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in (${inList(ENTRY_KINDS)})`))
    // The day it happened (a hearing, the day the complainant was informed), not when typed.
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('account.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    // step_changed / received: the step; handler_changed / received: the handler.
    .addColumn('step', 'integer', (c) => c.check(sql`step between 1 and 3`))
    .addColumn('handler_id', 'integer', (c) => c.references('account.id'))
    // informed / hearing: 'complainant' or 'staff'; decision: the deciding role's title.
    .addColumn('party', 'text')
    // hearing: who was heard.
    .addColumn('persons', 'text')
    // decision, advice (advised), correction of a decision: the outcome.
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in (${inList(OUTCOMES)})`))
    // extension: weeks added, with the complainant's written consent, the new decision day.
    .addColumn('weeks', 'integer')
    .addColumn('with_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_on', 'text')
    // correction: the entry it corrects, a corrected day, and whether that entry no longer counts.
    .addColumn('corrects_id', 'integer', (c) => c.references('complaint_entry.id'))
    .addColumn('new_date', 'text')
    .addColumn('voids', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text')
    .execute()
  await db.schema
    .createIndex('complaint_entry_complaint')
    .on('complaint_entry')
    .columns(['complaint_id', 'id'])
    .execute()
  await db.schema
    .createIndex('complaint_entry_corrects')
    .on('complaint_entry')
    .column('corrects_id')
    .where(sql.ref('corrects_id'), 'is not', null)
    .execute()
  await sql`CREATE TRIGGER complaint_entry_no_delete BEFORE DELETE ON complaint_entry
    BEGIN SELECT RAISE(ABORT, 'complaint_entry is append-only'); END`.execute(db)
  // The one change allowed: an anonymisation empties the free text (text, persons) once and
  // marks the entry; every other column stays exactly as it was.
  await sql`CREATE TRIGGER complaint_entry_no_update BEFORE UPDATE ON complaint_entry
    WHEN NOT (
      OLD.anonymised_at IS NULL AND NEW.anonymised_at IS NOT NULL
      AND NEW.text IS NULL AND NEW.persons IS NULL
      AND NEW.id IS OLD.id AND NEW.complaint_id IS OLD.complaint_id AND NEW.kind IS OLD.kind
      AND NEW.date IS OLD.date AND NEW.author_id IS OLD.author_id
      AND NEW.author_name IS OLD.author_name AND NEW.step IS OLD.step
      AND NEW.handler_id IS OLD.handler_id AND NEW.party IS OLD.party
      AND NEW.outcome IS OLD.outcome AND NEW.weeks IS OLD.weeks
      AND NEW.with_consent IS OLD.with_consent AND NEW.due_on IS OLD.due_on
      AND NEW.corrects_id IS OLD.corrects_id AND NEW.new_date IS OLD.new_date
      AND NEW.voids IS OLD.voids AND NEW.created_at IS OLD.created_at
    )
    BEGIN SELECT RAISE(ABORT, 'complaint_entry is append-only'); END`.execute(db)

  await db.schema
    .createTable('complaint_measure')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaint.id'))
    .addColumn('entry_id', 'integer', (c) => c.references('complaint_entry.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    // "Uitgevoerd": the day the measure was carried out.
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('complaint_measure_complaint')
    .on('complaint_measure')
    .column('complaint_id')
    .execute()

  await db
    .insertInto('setting')
    .values({ key: 'complaints', value: JSON.stringify(SETTINGS_THEN) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}
