import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The year of an ISO day as an integer, in SQL. Days are 'YYYY-MM-DD' everywhere in the schema.
 */
const yearOf = (day: string) => `cast(substr(${day}, 1, 4) as integer)`

/** The first and last day of the year `y` (an SQL integer expression), as ISO text. */
const firstDay = (y: string) => `printf('%04d-01-01', ${y})`
const lastDay = (y: string) => `printf('%04d-12-31', ${y})`

/**
 * The members of household `h` as the year row of year `y` keeps them: all, by gender, and the
 * children in that year (born in it or in the 17 years before, so 0 to 17 at any visit in it).
 */
const memberColumns = (h: string, y: string) => `
  (select count(*) from member m where m.household_id = ${h}
    and m.birth_year between ${y} - 17 and ${y}),
  (select count(*) from member m where m.household_id = ${h}),
  (select count(*) from member m where m.household_id = ${h} and m.gender = 'f'),
  (select count(*) from member m where m.household_id = ${h} and m.gender = 'm')`

/**
 * Works the row of household `h` in year `y` out anew from its visits, appointments and members
 * (each read through an index that starts with the household, so one household's rows at most):
 * the row goes when the household has no visit and no appointment it came to or missed that year.
 */
const recount = (h: string, y: string) => `
  delete from household_year where household_id = ${h} and year = ${y};
  insert into household_year (year, household_id, district, visits, first_visit_on,
    last_visit_on, children, people, female, male, came, no_show, first_appointment_on,
    last_appointment_on)
  select ${y}, hh.id, hh.district, v.n, v.first_on, v.last_on, ${memberColumns('hh.id', y)},
    coalesce(a.came, 0), coalesce(a.no_show, 0), a.first_on, a.last_on
  from household hh,
    (select count(*) as n, min(date) as first_on, max(date) as last_on from visit
      where household_id = ${h} and date >= ${firstDay(y)} and date <= ${lastDay(y)}) v,
    (select sum(status = 'came') as came, sum(status = 'no_show') as no_show,
        min(date) as first_on, max(date) as last_on, count(*) as n
      from appointment
      where household_id = ${h} and status in ('came', 'no_show')
        and date >= ${firstDay(y)} and date <= ${lastDay(y)}) a
  where hh.id = ${h} and (v.n > 0 or a.n > 0);`

/** Every member column of the year rows, worked out anew; a `where` picks the rows. */
const MEMBERS_ANEW = `
  update household_year set
    children = (select count(*) from member m where m.household_id = household_year.household_id
      and m.birth_year between household_year.year - 17 and household_year.year),
    people = (select count(*) from member m where m.household_id = household_year.household_id),
    female = (select count(*) from member m where m.household_id = household_year.household_id
      and m.gender = 'f'),
    male = (select count(*) from member m where m.household_id = household_year.household_id
      and m.gender = 'm')`

/** The member columns of every year row of household `h`, worked out anew. */
const recountMembers = (h: string) => `${MEMBERS_ANEW} where household_id = ${h};`

/** Marks the triggers a bulk load sets aside (`KEPT_TRIGGER_MARK` of migration 0022). */
const TRIGGER = (what: string) => `household_year_kept_${what}`

/**
 * The shop's year per household, kept by SQLite itself: per household and calendar year its
 * visits (how many, the first and last day), the appointments it came to and missed (and the
 * first and last day of those), its district now, and its members now (all, women, men, and the
 * children of that year: born in it or in the 17 years before).
 *
 * A period inside one calendar year (a year, a half, a quarter, any dates) is what the subsidy
 * report and the shop's figures count nearly always. Counted from the visits themselves, its
 * households reached, visits, children, people and appointments took some 100 ms of SQL at ten
 * years of data (grouping 20,000 visits and 24,000 appointments by household, and a seek per
 * member). From these rows they are a read of some 3,000 rows: a household whose first and last
 * visit of the year both lie in the period has all its visits of the year in it; only the others
 * (none for a whole year) are counted from the visits, in the index on (household_id, date).
 *
 * Triggers keep every row right in the same transaction as every write, whatever path it takes:
 * registering a visit or an appointment, a correction, a member added or changed, a household
 * moved to another district, retention removing a household (and its rows by cascade), a bulk
 * insert, or an old backup restored and migrated up. Each works the touched rows out anew from
 * the rows themselves rather than adding and subtracting, so no sequence of changes can drift.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table household_year (
    year integer not null,
    household_id integer not null,
    district text,
    visits integer not null,
    first_visit_on text,
    last_visit_on text,
    children integer not null,
    people integer not null,
    female integer not null,
    male integer not null,
    came integer not null,
    no_show integer not null,
    first_appointment_on text,
    last_appointment_on text,
    primary key (year, household_id)
  ) without rowid`)
  // The triggers of a member or a household find its rows by household.
  await run('create index household_year_household on household_year (household_id)')

  const visitYear = (r: string) => yearOf(`${r}.date`)
  await run(`create trigger ${TRIGGER('visit_insert')} after insert on visit
    begin ${recount('new.household_id', visitYear('new'))} end`)
  await run(`create trigger ${TRIGGER('visit_delete')} after delete on visit
    begin ${recount('old.household_id', visitYear('old'))} end`)
  await run(`create trigger ${TRIGGER('visit_update')} after update of household_id, date on visit
    when old.household_id is not new.household_id or old.date is not new.date
    begin ${recount('old.household_id', visitYear('old'))}
      ${recount('new.household_id', visitYear('new'))} end`)

  // Only appointments it came to or missed count; a planned or cancelled one changes nothing.
  const counted = (r: string) => `${r}.status in ('came', 'no_show')`
  await run(`create trigger ${TRIGGER('appointment_insert')} after insert on appointment
    when ${counted('new')}
    begin ${recount('new.household_id', visitYear('new'))} end`)
  await run(`create trigger ${TRIGGER('appointment_delete')} after delete on appointment
    when ${counted('old')}
    begin ${recount('old.household_id', visitYear('old'))} end`)
  await run(`create trigger ${TRIGGER('appointment_update')}
    after update of household_id, date, status on appointment
    when (${counted('old')} or ${counted('new')}) and (old.household_id is not new.household_id
      or old.date is not new.date or old.status is not new.status)
    begin ${recount('old.household_id', visitYear('old'))}
      ${recount('new.household_id', visitYear('new'))} end`)

  await run(`create trigger ${TRIGGER('member_insert')} after insert on member
    begin ${recountMembers('new.household_id')} end`)
  await run(`create trigger ${TRIGGER('member_delete')} after delete on member
    begin ${recountMembers('old.household_id')} end`)
  await run(`create trigger ${TRIGGER('member_update')}
    after update of household_id, birth_year, gender on member
    when old.household_id is not new.household_id or old.birth_year is not new.birth_year
      or old.gender is not new.gender
    begin ${recountMembers('old.household_id')} ${recountMembers('new.household_id')} end`)

  // A household counts in the district it has now, in every year.
  await run(`create trigger ${TRIGGER('household_district')} after update of district on household
    when old.district is not new.district
    begin update household_year set district = new.district where household_id = new.id; end`)
  // Its visits and appointments go with it by cascade; whatever the order, nothing stays.
  await run(`create trigger ${TRIGGER('household_delete')} after delete on household
    begin delete from household_year where household_id = old.id; end`)

  await fillHouseholdYear(db)

  // The participants reached by gender and age (the subsidy report): every column it reads, in
  // the order it groups by, so neither a person row nor a sort of everyone registered is needed.
  await run(`create index person_demographics
    on person (gender, birth_year, registered_on, outflow_on, district)`)
}

/**
 * Works every row out anew from the visits, appointments and members: at this migration, and
 * after a bulk load that set the triggers aside (the ten-year demo seed).
 */
export async function fillHouseholdYear(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run('delete from household_year')
  await run(`insert into household_year (year, household_id, district, visits, first_visit_on,
      last_visit_on, children, people, female, male, came, no_show, first_appointment_on,
      last_appointment_on)
    select k.year, k.household_id, hh.district, coalesce(v.n, 0), v.first_on, v.last_on, 0, 0, 0,
      0, coalesce(a.came, 0), coalesce(a.no_show, 0), a.first_on, a.last_on
    from (
      select ${yearOf('date')} as year, household_id from visit
      union
      select ${yearOf('date')}, household_id from appointment where status in ('came', 'no_show')
    ) k
    join household hh on hh.id = k.household_id
    left join (
      select ${yearOf('date')} as year, household_id, count(*) as n, min(date) as first_on,
        max(date) as last_on
      from visit group by 1, 2
    ) v on v.year = k.year and v.household_id = k.household_id
    left join (
      select ${yearOf('date')} as year, household_id, sum(status = 'came') as came,
        sum(status = 'no_show') as no_show, min(date) as first_on, max(date) as last_on
      from appointment where status in ('came', 'no_show') group by 1, 2
    ) a on a.year = k.year and a.household_id = k.household_id`)
  await run(MEMBERS_ANEW)
}
