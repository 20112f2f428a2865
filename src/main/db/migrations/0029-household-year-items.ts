import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The year of an ISO day as an integer, in SQL (as in migration 0027). */
const yearOf = (day: string) => `cast(substr(${day}, 1, 4) as integer)`

/** The two kinds of rows a visit has per item: topics discussed, and referrals. */
const KINDS = [
  { kind: 'topic', table: 'visit_topic', item: 'topic_id' },
  { kind: 'referral', table: 'visit_referral', item: 'destination_id' },
] as const
type Kind = (typeof KINDS)[number]

/**
 * Works the rows of household `h`, year `y` and one kind out anew from the household's visits of
 * that year (the index on (household_id, date)) and their topic or referral rows.
 */
const recount = (k: Kind, h: string, y: string) => `
  delete from household_year_item
    where year = ${y} and household_id = ${h} and kind = '${k.kind}';
  insert into household_year_item (year, household_id, kind, item_id, n)
  select ${y}, ${h}, '${k.kind}', r.${k.item}, count(*)
  from visit v join ${k.table} r on r.visit_id = v.id
  where v.household_id = ${h} and v.date >= printf('%04d-01-01', ${y})
    and v.date <= printf('%04d-12-31', ${y})
  group by r.${k.item};`

/** Both kinds anew for the household and year of a visit row (`old` or `new`). */
const recountVisit = (row: string) =>
  KINDS.map((k) => recount(k, `${row}.household_id`, yearOf(`${row}.date`))).join('')

/** One kind anew for the household and year of the visit `visitId`, when that visit is there. */
const recountOf = (k: Kind, visitId: string) => `
  delete from household_year_item where kind = '${k.kind}'
    and year = (select ${yearOf('v.date')} from visit v where v.id = ${visitId})
    and household_id = (select v.household_id from visit v where v.id = ${visitId});
  insert into household_year_item (year, household_id, kind, item_id, n)
  select ${yearOf('o.date')}, o.household_id, '${k.kind}', r.${k.item}, count(*)
  from visit o
  join visit v on v.household_id = o.household_id
    and v.date >= printf('%04d-01-01', ${yearOf('o.date')})
    and v.date <= printf('%04d-12-31', ${yearOf('o.date')})
  join ${k.table} r on r.visit_id = v.id
  where o.id = ${visitId}
  group by r.${k.item};`

/** Marks the triggers a bulk load sets aside (`KEPT_TRIGGER_MARK` of migration 0022). */
const TRIGGER = (what: string) => `household_year_item_kept_${what}`

/**
 * The topics discussed and the referrals made at the shop's visits, per household, calendar year
 * and topic or destination, kept by SQLite itself beside the year rows of migration 0027.
 *
 * The subsidy report and the shop's figures count a period's topics and referrals per district.
 * Counted from the visits, a year took some 10 ms of SQL for each at ten years of data on a
 * connection whose cache a write elsewhere had just emptied (20,000 visits, each sought in the
 * topic and referral rows and in the year rows for its district). A household whose first and
 * last visit of the year lie in the period brings these rows whole (for a whole year, every
 * household): a read of a few thousand narrow rows beside the year rows.
 *
 * As with the year rows, triggers keep every row right in the same transaction as every write,
 * whatever path it takes (a visit registered and its rows added after it, a correction, a visit
 * moved or removed, retention removing a household), and each works the touched rows out anew
 * rather than adding and subtracting. A row whose visit is already gone (removed with it by
 * cascade) is left to the visit's own trigger, which counts the household's year without it.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table household_year_item (
    year integer not null,
    household_id integer not null,
    kind text not null check (kind in ('topic', 'referral')),
    item_id integer not null,
    n integer not null,
    primary key (year, kind, household_id, item_id)
  ) without rowid`)
  // The household's removal finds its rows by household.
  await run('create index household_year_item_household on household_year_item (household_id)')

  await run(`create trigger ${TRIGGER('visit_delete')} after delete on visit
    begin ${recountVisit('old')} end`)
  await run(`create trigger ${TRIGGER('visit_update')} after update of household_id, date on visit
    when old.household_id is not new.household_id or old.date is not new.date
    begin ${recountVisit('old')} ${recountVisit('new')} end`)
  for (const k of KINDS) {
    await run(`create trigger ${TRIGGER(`${k.kind}_insert`)} after insert on ${k.table}
      begin ${recountOf(k, 'new.visit_id')} end`)
    await run(`create trigger ${TRIGGER(`${k.kind}_delete`)} after delete on ${k.table}
      begin ${recountOf(k, 'old.visit_id')} end`)
    await run(`create trigger ${TRIGGER(`${k.kind}_update`)}
      after update of visit_id, ${k.item} on ${k.table}
      when old.visit_id is not new.visit_id or old.${k.item} is not new.${k.item}
      begin ${recountOf(k, 'old.visit_id')} ${recountOf(k, 'new.visit_id')} end`)
  }
  // Its visits go with it by cascade; whatever the order, nothing stays.
  await run(`create trigger ${TRIGGER('household_delete')} after delete on household
    begin delete from household_year_item where household_id = old.id; end`)

  await fillHouseholdYearItems(db)
}

/**
 * Works every row out anew from the visits and their topic and referral rows: at this migration,
 * and after a bulk load that set the triggers aside (the ten-year demo seed).
 */
export async function fillHouseholdYearItems(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run('delete from household_year_item')
  for (const k of KINDS)
    await run(`insert into household_year_item (year, household_id, kind, item_id, n)
      select ${yearOf('v.date')}, v.household_id, '${k.kind}', r.${k.item}, count(*)
      from ${k.table} r join visit v on v.id = r.visit_id
      group by 1, 2, 4`)
}
