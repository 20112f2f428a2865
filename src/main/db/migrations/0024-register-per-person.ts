import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/** The count of person marks (`MATCHING_PEOPLE` in schema.ts). */
const MATCHING_PEOPLE = 'matching-people'

/** What the matching of a whole register reads of a person (as in migration 0023). */
const PERSON_COLUMNS = [
  'status',
  'anonymised_at',
  'intake_on',
  'registered_on',
  'place',
  'slot_mask',
  'interest_count',
  'goal_count',
]
/** What it reads of a running placement. */
const PLACEMENT_COLUMNS = ['step', 'person_id', 'vacancy_id', 'slot_mask']
/** And of the options a person holds (which of a place's skills, interests... they have). */
const OPTION_COLUMNS = ['person_id', 'option_id']

/**
 * The matching's register is brought up to date person by person instead of read whole.
 *
 * Migration 0023 counted every change to what the register holds, and a moved count made the
 * next look read all of it again: at ten years of data some 20,000 people, 20-40 ms of reading
 * and parsing after every proposal or changed half-day. Now each such change marks its person
 * in `kept_person_change` with the next number of the count `matching-people`, and the next look
 * reads again only the people marked since the number it last saw: one person, not all.
 *
 * The options a person holds are marked too, so the lists of who holds which skill, interest,
 * goal or limitation are kept between looks as well and brought up to date the same way.
 *
 * The count of migration 0023 (`matching`) stays: nothing in the app moves it any longer, but
 * when it moves (a bulk load that set the triggers aside) the register is read whole again.
 * A mark holds a person id and a number only, nothing about the person.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  for (const table of ['person', 'placement'])
    for (const what of ['insert', 'delete', 'update'])
      await run(`drop trigger if exists ${table}_kept_change_${what}`)
  await run(`create table kept_person_change (
    person_id integer primary key,
    n integer not null
  )`)
  await run(`create index kept_person_change_n on kept_person_change (n)`)
  await run(`insert into kept_change (name, n) values ('${MATCHING_PEOPLE}', 0)`)

  const mark = (person: string) =>
    `update kept_change set n = n + 1 where name = '${MATCHING_PEOPLE}';
    insert or replace into kept_person_change (person_id, n)
      values (${person}, (select n from kept_change where name = '${MATCHING_PEOPLE}'));`
  const changed = (columns: readonly string[]) =>
    columns.map((c) => `old.${c} is not new.${c}`).join(' or ')
  for (const [table, person, columns] of [
    ['person', 'id', PERSON_COLUMNS],
    ['placement', 'person_id', PLACEMENT_COLUMNS],
    ['person_option', 'person_id', OPTION_COLUMNS],
  ] as const) {
    await run(`create trigger ${table}_kept_register_insert after insert on ${table}
      begin ${mark(`new.${person}`)} end`)
    await run(`create trigger ${table}_kept_register_delete after delete on ${table}
      begin ${mark(`old.${person}`)} end`)
    // A placement or an option moved to another person marks both.
    await run(`create trigger ${table}_kept_register_update after update of ${columns.join(', ')}
      on ${table} when ${changed(columns)}
      begin ${mark(`old.${person}`)} ${person === 'id' ? '' : mark(`new.${person}`)} end`)
  }
}
