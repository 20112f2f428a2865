import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/** One measurement as the figures compare it: "id:ladder:scores" (see `stats-queries.ts`). */
const MARK = `m.id || ':' || coalesce(m.ladder, '') || ':' || coalesce(m.progress_scores, '')`

/** The kept measurement columns of person `who` (an expression), worked out from its rows. */
function measuredOf(who: string): string {
  return `update person set
      first_measure = (select ${MARK} from measurement m
        where m.person_id = ${who} order by m.measured_on, m.id limit 1),
      latest_measure = (select ${MARK} from measurement m
        where m.person_id = ${who} order by m.measured_on desc, m.id desc limit 1),
      latest_measured_on = (select max(m.measured_on) from measurement m
        where m.person_id = ${who})
    where id = ${who};`
}

/** Adds `sign` times the hours of a volunteer_hours row (`row`: new or old) to its month. */
function addHours(row: 'new' | 'old', sign: '+' | '-'): string {
  return `insert into volunteer_hours_by_month (month, district, hours, n)
    values (${row}.month, coalesce((select district from person where id = ${row}.person_id), ''),
      ${sign}${row}.hours, ${sign}1)
    on conflict (month, district) do update
      set hours = hours + excluded.hours, n = n + excluded.n;`
}

/** A half-day's bit in a 21-bit mask, as `halfDayBit` computes it. */
const bit = (s: string) =>
  `(1 << ((${s}.weekday - 1) * 3 + case ${s}.part when 'morning' then 0 when 'afternoon' then 1 else 2 end))`

const SLOT_TABLES = [
  ['person_slot', 'person_id', 'person'],
  ['placement_slot', 'placement_id', 'placement'],
] as const

function maskUpdate(table: string, owner: string, ownerTable: string, who: string): string {
  return `update ${ownerTable} set slot_mask = coalesce((select sum(${bit('s')}) from ${table} s
    where s.${owner} = ${who}), 0) where id = ${who};`
}

function optionCounts(who: string): string {
  return `update person set
      interest_count = (select count(*) from person_option po join vol_option o on o.id = po.option_id
        where po.person_id = ${who} and o.kind = 'interest'),
      goal_count = (select count(*) from person_option po join vol_option o on o.id = po.option_id
        where po.person_id = ${who} and o.kind = 'learning_goal')
    where id = ${who};`
}

/**
 * The three triggers that keep a value of the rows of `table`: after an insert (for the new row),
 * after a delete (for the old row) and after an update of `columns` (all when null): the old
 * row's part taken away, then the new row's added.
 */
async function keep(
  run: (text: string) => Promise<unknown>,
  prefix: string,
  table: string,
  columns: string | null,
  body: (row: 'new' | 'old') => string,
): Promise<void> {
  await run(`create trigger ${prefix}_insert after insert on ${table} begin ${body('new')} end`)
  await run(`create trigger ${prefix}_delete after delete on ${table} begin ${body('old')} end`)
  await run(
    `create trigger ${prefix}_update after update ${columns ? `of ${columns} ` : ''}on ${table}
     begin ${body('old')} ${body('new')} end`,
  )
}

/** What the triggers below are called by: `<table>_kept_<what>`. */
export const KEPT_TRIGGER_MARK = '_kept_'

/**
 * Works every kept value out anew from the rows: at this migration, and after a bulk load that
 * set the kept triggers aside (the ten-year demo seed). The kept tables are emptied first.
 */
export async function fillKept(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text.replace(/;\s*$/, '')).execute(db)
  await run(measuredOf('person.id'))
  await run('delete from volunteer_hours_by_month')
  await run(
    `insert into volunteer_hours_by_month (month, district, hours, n)
     select h.month, coalesce(p.district, ''), sum(h.hours), count(*)
     from volunteer_hours h join person p on p.id = h.person_id
     group by 1, 2`,
  )
  await run('delete from person_count_by_group')
  await run(
    `insert into person_count_by_group (district, programme_id, people, gone)
     select coalesce(district, ''), coalesce(programme_id, 0), count(*), count(outflow_on)
     from person group by 1, 2`,
  )
  for (const [table, owner, ownerTable] of SLOT_TABLES)
    await run(maskUpdate(table, owner, ownerTable, `${ownerTable}.id`))
  await run(optionCounts('person.id'))
}

/**
 * What `volunteers.stats` and `matching.forVacancy` read for every person, kept up to date by
 * SQLite itself instead of worked out again on every call (at ten years of data those were
 * two index seeks per person measured, and two subqueries per person matched). Triggers keep
 * them on every path that writes the rows they come from: the services, the demo seeds,
 * corrections, deletion by the retention rules, and cascades.
 *
 * - person.first_measure / latest_measure / latest_measured_on: the person's first and latest
 *   measurement (by day, then id) as "id:ladder:scores", and the latest's day.
 * - volunteer_hours_by_month: the hours per month and district (the person's district now), and
 *   how many rows they sum, so a year of hours is twelve rows per district, not 24,000.
 * - person.slot_mask, placement.slot_mask: the half-days as a 21-bit mask (`halfDayBit`).
 * - person_count_by_group: everyone ever registered and everyone gone, per district and programme.
 * - person.interest_count, person.goal_count: how many interests and learning goals a person
 *   has (what a vacancy's matched ones are weighed against).
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)

  // --- First and latest measurement -----------------------------------------------------------
  await db.schema.alterTable('person').addColumn('first_measure', 'text').execute()
  await db.schema.alterTable('person').addColumn('latest_measure', 'text').execute()
  await db.schema.alterTable('person').addColumn('latest_measured_on', 'text').execute()
  await keep(
    run,
    `measurement_kept`,
    `measurement`,
    'person_id, measured_on, ladder, progress_scores',
    (row) => measuredOf(`${row}.person_id`),
  )
  // People measured in a period, in the order of their latest measurement, with both marks.
  await db.schema
    .createIndex('person_measured')
    .on('person')
    .columns(['latest_measured_on', 'district', 'first_measure', 'latest_measure'])
    .where(sql.ref('latest_measured_on'), 'is not', null)
    .execute()

  // --- Hours per month and district -----------------------------------------------------------
  await run(
    `create table volunteer_hours_by_month (
      month text not null,
      district text not null,
      hours real not null,
      n integer not null,
      primary key (month, district)
    )`,
  )
  await keep(run, `volunteer_hours_kept`, `volunteer_hours`, 'person_id, month, hours', (row) =>
    addHours(row, row === 'new' ? '+' : '-'),
  )
  // A person who moves takes their hours to the new district, as the figures count them.
  const moveHours = (district: string, sign: '+' | '-'): string =>
    `insert into volunteer_hours_by_month (month, district, hours, n)
      select h.month, coalesce(${district}, ''), ${sign}sum(h.hours), ${sign}count(*)
      from volunteer_hours h where h.person_id = new.id group by h.month
      on conflict (month, district) do update
        set hours = hours + excluded.hours, n = n + excluded.n;`
  await run(
    `create trigger person_kept_hours_district after update of district on person
     when coalesce(old.district, '') is not coalesce(new.district, '')
     begin ${moveHours('old.district', '-')} ${moveHours('new.district', '+')} end`,
  )
  // A person deleted with hours: the hours go first, while the person's district can be read
  // (a cascade would delete them after the person, when it no longer can).
  await run(
    `create trigger person_kept_hours_delete before delete on person
     begin delete from volunteer_hours where person_id = old.id; end`,
  )

  // --- People per district and programme -----------------------------------------------------
  // Everyone ever registered and everyone who left, per group: a period's registered people are
  // then these totals less the few registered after it or gone before it (small index ranges).
  await run(
    `create table person_count_by_group (
      district text not null,
      programme_id integer not null,
      people integer not null,
      gone integer not null,
      primary key (district, programme_id)
    )`,
  )
  const countPerson = (row: 'new' | 'old', sign: '+' | '-'): string =>
    `insert into person_count_by_group (district, programme_id, people, gone)
      values (coalesce(${row}.district, ''), coalesce(${row}.programme_id, 0), ${sign}1,
        ${sign}(${row}.outflow_on is not null))
      on conflict (district, programme_id) do update
        set people = people + excluded.people, gone = gone + excluded.gone;`
  await keep(run, `person_kept_count`, `person`, 'district, programme_id, outflow_on', (row) =>
    countPerson(row, row === 'new' ? '+' : '-'),
  )
  // Who left in a period (and how), per district and programme.
  await db.schema
    .createIndex('person_outflow_figures')
    .on('person')
    .columns(['outflow_on', 'registered_on', 'district', 'programme_id', 'outflow_kind'])
    .execute()

  // --- Half-days as masks ---------------------------------------------------------------------
  for (const [table, owner, ownerTable] of SLOT_TABLES) {
    await db.schema
      .alterTable(ownerTable)
      .addColumn('slot_mask', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
    const maskOf = (who: string) => maskUpdate(table, owner, ownerTable, who)
    await keep(run, `${table}_kept`, table, null, (row) => maskOf(`${row}.${owner}`))
  }

  // --- Interests and learning goals per person ------------------------------------------------
  await db.schema
    .alterTable('person')
    .addColumn('interest_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('person')
    .addColumn('goal_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  const countsOf = optionCounts
  await keep(run, `person_option_kept`, `person_option`, null, (row) =>
    countsOf(`${row}.person_id`),
  )

  // --- Indexes the figures and the matching read in one pass ----------------------------------
  // Who can be matched, with everything the ranking reads of them (no row lookups; status and
  // anonymised_at are in it only so that SQLite sees it covers the query).
  await run(
    `create index person_matchable on person
      (id, intake_on, registered_on, place, slot_mask, interest_count, goal_count, status,
        anonymised_at)
     where status in ('registered', 'intake', 'active') and anonymised_at is null`,
  )
  // Intakes of a period with their waiting time and district.
  await db.schema
    .createIndex('person_intake_figures')
    .on('person')
    .columns(['intake_on', 'registered_on', 'district'])
    .execute()
  // Placements still running at a day: not ended, or ended on or after it.
  await db.schema
    .createIndex('placement_open_figures')
    .on('placement')
    .columns(['ended_on', 'placed_on', 'person_id'])
    .execute()
  // Running placements for the matching, with their half-days.
  await db.schema
    .createIndex('placement_step_mask')
    .on('placement')
    .columns(['step', 'person_id', 'vacancy_id', 'slot_mask'])
    .execute()

  // Every kept value from the rows already there.
  await fillKept(db)
}
