import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/** The count every change below moves (`REPORT_FIGURES_CHANGE` in schema.ts). */
const REPORT_FIGURES_CHANGE = 'report-figures'

/**
 * Tables whose rows carry the day they count on: a change on day D can only move the figures of a
 * period that ends on or after D, so only those kept counts go. `day` is an SQL expression on the
 * row (`r`, replaced by new or old); null (a parent already gone in a cascade) drops them all.
 *
 * - visit: its day counts in the period it lies in; the kept first and last visit of its household
 *   (migration 0008) only move to this day or to a later visit of the same household, and a period
 *   ending before D sees neither. The span table itself is only written by the visit triggers.
 * - measurement: a person's first and latest measurement (kept on the person, migration 0022) only
 *   move for periods that reach this day; the person columns they fill have no trigger here.
 * - placement: counts from the day it was placed on (placed, or running at a period's start).
 * - volunteer_hours: counts in the periods holding its month (the kept month totals of migration
 *   0022 are only written by its own triggers and a person's change of district).
 */
const DATED: readonly { table: string; day: (r: string) => string }[] = [
  { table: 'visit', day: (r) => `${r}.date` },
  { table: 'visit_topic', day: (r) => `(select date from visit where id = ${r}.visit_id)` },
  { table: 'visit_referral', day: (r) => `(select date from visit where id = ${r}.visit_id)` },
  { table: 'appointment', day: (r) => `${r}.date` },
  { table: 'intake', day: (r) => `${r}.date` },
  { table: 'intake_topic', day: (r) => `(select date from intake where id = ${r}.intake_id)` },
  {
    table: 'intake_referral',
    day: (r) => `(select date from intake where id = ${r}.intake_id)`,
  },
  { table: 'placement', day: (r) => `${r}.placed_on` },
  { table: 'measurement', day: (r) => `${r}.measured_on` },
  { table: 'volunteer_hours', day: (r) => `${r}.month || '-01'` },
  { table: 'activity', day: (r) => `${r}.date` },
  { table: 'advice_tally', day: (r) => `${r}.date` },
]

/**
 * Tables whose change can move the figures of any period: every kept count goes. With `columns`,
 * only a change of those columns (what the figures read of a row); without, any change.
 *
 * - household: its district now decides where all its visits count (a new household has no visit,
 *   intake or appointment yet, so it moves nothing until one of those is written).
 * - member: the members a household has now count in every period it was reached in.
 * - person: registrations, intakes, outflow, district, programme, gender and birth year; the
 *   kept measurement columns are left to the measurement triggers above.
 * - partner, list_item, programme, complaint_category: names and (in)active rows of the lists.
 * - setting: the measurement settings (the ladder) decide a figure.
 * - complaint and its measures and entries: few rows, counted whole.
 */
const WHOLE: readonly { table: string; columns?: readonly string[]; insert?: false }[] = [
  { table: 'household', columns: ['id', 'district'], insert: false },
  { table: 'member', columns: ['id', 'household_id', 'birth_year', 'gender'] },
  {
    table: 'person',
    columns: [
      'id',
      'district',
      'programme_id',
      'registered_on',
      'intake_on',
      'outflow_on',
      'outflow_kind',
      'gender',
      'birth_year',
    ],
  },
  { table: 'partner' },
  { table: 'list_item' },
  { table: 'programme' },
  { table: 'setting' },
  { table: 'complaint' },
  { table: 'complaint_category' },
  { table: 'complaint_measure' },
  { table: 'complaint_entry' },
]

/** Every table a count of the subsidy report reads, for the test that each one invalidates. */
export const REPORT_FIGURES_SOURCES = [
  ...DATED.map((d) => d.table),
  ...WHOLE.map((w) => w.table),
] as const

/**
 * The subsidy report's counts of a period are kept (`report_figures_kept`), so that a period whose
 * rows did not change is not counted again: last year's counts, and both years when the PDF is
 * made right after the screen. At ten years of data a year's counting is some 230 ms of SQL.
 *
 * A kept count is keyed by its period, its area and the version of the counting code (set by the
 * app), and holds the days on which `today` gives the same figures (a complaint's unrecorded
 * acknowledgement becomes late on a day). Triggers on every table the counting reads drop the kept
 * counts a change can move, on every path that writes them (the services, corrections, deletion
 * by the retention rules, anonymising, cascades), and move the count `report-figures`: a count
 * made while something changed is not kept (see `kept-figures.ts`).
 *
 * The triggers are named `<table>_kept_figures_<what>`: a bulk load (the ten-year demo seed) sets
 * `_kept_` triggers aside, into a new database whose kept counts are empty anyway.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table report_figures_kept (
    from_on text not null,
    to_on text not null,
    area text not null,
    version text not null,
    valid_after text,
    valid_until text,
    figures text not null,
    kept_at text not null,
    primary key (from_on, to_on, area, version)
  )`)
  await run(`insert into kept_change (name, n) values ('${REPORT_FIGURES_CHANGE}', 0)`)
  const bump = `update kept_change set n = n + 1 where name = '${REPORT_FIGURES_CHANGE}';`
  const dropFrom = (day: string) =>
    `delete from report_figures_kept where to_on >= coalesce(${day}, ''); ${bump}`
  const dropAll = `delete from report_figures_kept; ${bump}`

  for (const { table, day } of DATED) {
    const name = `${table}_kept_figures`
    await run(`create trigger ${name}_insert after insert on ${table}
      begin ${dropFrom(day('new'))} end`)
    await run(`create trigger ${name}_delete after delete on ${table}
      begin ${dropFrom(day('old'))} end`)
    // A row moved to another day drops from the earlier of the two.
    await run(`create trigger ${name}_update after update on ${table}
      begin ${dropFrom(`min(coalesce(${day('old')}, ''), coalesce(${day('new')}, ''))`)} end`)
  }
  for (const { table, columns, insert } of WHOLE) {
    const name = `${table}_kept_figures`
    if (insert !== false)
      await run(`create trigger ${name}_insert after insert on ${table} begin ${dropAll} end`)
    await run(`create trigger ${name}_delete after delete on ${table} begin ${dropAll} end`)
    await run(
      columns
        ? `create trigger ${name}_update after update of ${columns.join(', ')} on ${table}
          when ${columns.map((c) => `old.${c} is not new.${c}`).join(' or ')}
          begin ${dropAll} end`
        : `create trigger ${name}_update after update on ${table} begin ${dropAll} end`,
    )
  }
}
