import { sql, type Kysely } from 'kysely'

// The schema as this migration sees it: untyped tables, not the app's current types.
type SchemaThen = Record<string, Record<string, unknown>>

/** The name of the count the matching's register is kept under (`MATCHING_REGISTER` in schema.ts). */
const MATCHING_REGISTER = 'matching'

/** What a person's row gives the matching of a whole register (`readCandidateRows`). */
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
/** What a running placement gives it. */
const PLACEMENT_COLUMNS = ['step', 'person_id', 'vacancy_id', 'slot_mask']

/**
 * Two speed-ups for ten years of data, one for the matching and one for the figures.
 *
 * A count that goes up whenever something the matching reads of every candidate changes: a
 * person who is added or removed, or whose status, dates, place, half-days or option counts
 * change; a placement added, removed, or moved to another step, person, vacancy or half-days.
 * The matching keeps the register it read (thousands of people at ten years of data) as long as
 * the count stays the same, instead of reading and parsing it again for every vacancy looked
 * at; every other write (the audit log of each look, the shop) leaves it alone. Triggers keep
 * it on every path that writes those rows, as those of migration 0022 do.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table kept_change (name text primary key, n integer not null default 0)`)
  await run(`insert into kept_change (name, n) values ('${MATCHING_REGISTER}', 0)`)
  const bump = `update kept_change set n = n + 1 where name = '${MATCHING_REGISTER}';`
  const changed = (columns: readonly string[]) =>
    columns.map((c) => `old.${c} is not new.${c}`).join(' or ')
  for (const [table, columns] of [
    ['person', PERSON_COLUMNS],
    ['placement', PLACEMENT_COLUMNS],
  ] as const) {
    await run(`create trigger ${table}_kept_change_insert after insert on ${table}
      begin ${bump} end`)
    await run(`create trigger ${table}_kept_change_delete after delete on ${table}
      begin ${bump} end`)
    await run(`create trigger ${table}_kept_change_update after update of ${columns.join(', ')}
      on ${table} when ${changed(columns)} begin ${bump} end`)
  }

  // A year of volunteer figures counts its placements per district and programme of the
  // person: some 5,000 placements at ten years of data, each looking its person up. In the
  // person table that reads a wide row per placement (some 1,500 pages, each decrypted again
  // once another connection wrote: 30-50 ms in a worker); this index holds just the two columns
  // (about 100 pages).
  await db.schema
    .createIndex('person_group')
    .on('person')
    .columns(['id', 'district', 'programme_id'])
    .execute()
}
