import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The trainings register (issue 16; the seeds' Vrijwilligersacademie): courses the organisation
 * gives or sends people to, their sessions, and who took part.
 *
 * - `training_course`: a title, a level and who gives it; a course no longer given is set
 *   inactive, never removed while it has sessions.
 * - `training_session`: a course on a day at a place, with the number of participants from other
 *   organisations (counted, never named) and their marks, if they gave one.
 * - `training_participant`: a staff member (an account) or a person in the app (a volunteer or
 *   participant) at a session, whether they completed it, and their mark (1-10). A person's
 *   completed courses are what a help request's required training asks for.
 * - `training_external_mark`: the marks of the participants from other organisations, without
 *   any name: at most as many as were counted.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.schema
    .createTable('training_course')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('given_by', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('training_session')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('course_id', 'integer', (c) => c.notNull().references('training_course.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('external_count', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`external_count >= 0`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('account.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('training_session_date')
    .on('training_session')
    .columns(['date', 'course_id'])
    .execute()
  await db.schema
    .createIndex('training_session_course')
    .on('training_session')
    .columns(['course_id', 'date'])
    .execute()

  await sql`create table training_participant (
    id integer primary key autoincrement,
    session_id integer not null references training_session (id) on delete cascade,
    account_id integer references account (id),
    person_id integer references person (id),
    completed integer not null default 1 check (completed in (0, 1)),
    mark integer check (mark between 1 and 10),
    check ((account_id is null) <> (person_id is null))
  )`.execute(db)
  await sql`create unique index training_participant_account
    on training_participant (session_id, account_id) where account_id is not null`.execute(db)
  await sql`create unique index training_participant_person
    on training_participant (session_id, person_id) where person_id is not null`.execute(db)
  // A person's trainings (their page, a help request's filter): by person.
  await sql`create index training_participant_by_person
    on training_participant (person_id, completed, session_id) where person_id is not null`.execute(
    db,
  )

  await sql`create table training_external_mark (
    id integer primary key autoincrement,
    session_id integer not null references training_session (id) on delete cascade,
    mark integer not null check (mark between 1 and 10)
  )`.execute(db)
  await sql`create index training_external_mark_session
    on training_external_mark (session_id)`.execute(db)
}
