import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The count every change of a report source moves (as in migration 0026). */
const REPORT_FIGURES_CHANGE = 'report-figures'

/** Tables whose change drops every kept report count (the outcome indicators read them). */
export const OUTCOME_FIGURES_SOURCES = [
  'survey_question',
  'survey_invite',
  'survey_response',
  'survey_answer',
  'care_signal',
  'plan_goal',
] as const

/**
 * Outcome indicators (issue 17).
 *
 * - `survey_question`: the managed list of statements of the satisfaction questionnaire (each
 *   answered 1-5); the mark 1-10 is asked always.
 * - `survey_invite`: who was offered the questionnaire: a person at the end of their trajectory
 *   (one), or the forms handed out after an activity or a service, with how many were entered.
 *   The district is the one of that moment (the answers carry it, not the person).
 * - `survey_response`, `survey_answer`: what was answered, kept apart from who answered. A
 *   response holds no link to its invitation or person, only the month (no day), the district
 *   and the occasion; its id is drawn at random, so the order of the rows tells nothing either.
 * - `care_signal`: a confidential safety signal (zorgsignaal) on a household or a person: date,
 *   kind, discussed with (party codes, comma separated), by whom.
 * - `story`: a story beside the report's figures, with the day of consent to publish.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table survey_question (
    id integer primary key autoincrement,
    text text not null,
    active integer not null default 1 check (active in (0, 1)),
    sort integer not null default 0
  )`)
  await run(`create unique index survey_question_text on survey_question (text collate nocase)`)
  const statements = [
    'Ik voelde me serieus genomen',
    'De hulp sloot aan bij wat ik nodig had',
    'Ik kan nu beter zelf verder',
    'Ik zou deze organisatie aanbevelen aan anderen',
  ]
  for (const [i, text] of statements.entries())
    await sql`insert into survey_question (text, sort) values (${text}, ${i + 1})`.execute(db)

  await run(`create table survey_invite (
    id integer primary key autoincrement,
    occasion text not null check (occasion in ('trajectory', 'activity', 'service')),
    person_id integer references person (id) on delete cascade,
    activity_id integer references activity (id) on delete cascade,
    about text,
    district text,
    invited_on text not null,
    invited integer not null default 1 check (invited between 1 and 500),
    answered integer not null default 0 check (answered between 0 and invited),
    created_at text not null,
    created_by integer references account (id),
    updated_at text not null,
    check (occasion <> 'trajectory' or (person_id is not null and invited = 1)),
    check (occasion <> 'activity' or activity_id is not null)
  )`)
  await run(`create index survey_invite_on on survey_invite (invited_on)`)
  await run(
    `create index survey_invite_person on survey_invite (person_id) where person_id is not null`,
  )
  await run(
    `create index survey_invite_activity on survey_invite (activity_id) where activity_id is not null`,
  )
  await run(`create table survey_response (
    id integer primary key,
    occasion text not null check (occasion in ('trajectory', 'activity', 'service')),
    district text,
    month text not null,
    mode text not null check (mode in ('screen', 'paper')),
    mark integer not null check (mark between 1 and 10)
  )`)
  await run(`create index survey_response_month on survey_response (month)`)
  await run(`create table survey_answer (
    response_id integer not null references survey_response (id) on delete cascade,
    question_id integer not null references survey_question (id),
    score integer not null check (score between 1 and 5),
    primary key (response_id, question_id)
  ) without rowid`)

  await run(`create table care_signal (
    id integer primary key autoincrement,
    household_id integer references household (id),
    person_id integer references person (id),
    signalled_on text not null,
    kind text not null check (kind in
      ('domestic_violence', 'child_abuse', 'elder_abuse', 'acute_need', 'neglect', 'other')),
    discussed_with text not null default '',
    discussed_other text,
    note text,
    by_account_id integer references account (id),
    created_at text not null,
    updated_at text not null,
    check ((household_id is null) <> (person_id is null))
  )`)
  await run(`create index care_signal_on on care_signal (signalled_on)`)
  await run(
    `create index care_signal_household on care_signal (household_id) where household_id is not null`,
  )
  await run(
    `create index care_signal_person on care_signal (person_id) where person_id is not null`,
  )

  await run(
    `create index plan_goal_closed on plan_goal (closed_on, status) where closed_on is not null`,
  )

  await run(`create table story (
    id integer primary key autoincrement,
    section text not null,
    about text not null check (about in ('resident', 'volunteer')),
    name text not null,
    title text,
    text text not null,
    told_on text not null,
    consent_on text not null,
    area text,
    created_at text not null,
    created_by integer references account (id),
    updated_at text not null
  )`)
  await run(`create index story_told on story (told_on)`)

  // The subsidy report counts these: every change drops the kept counts (as migration 0031).
  const dropAll = `delete from report_figures_kept;
    update kept_change set n = n + 1 where name = '${REPORT_FIGURES_CHANGE}';`
  for (const table of OUTCOME_FIGURES_SOURCES)
    for (const event of ['insert', 'update', 'delete'])
      await run(`create trigger ${table}_kept_figures_${event} after ${event} on ${table}
        begin ${dropAll} end`)
}
