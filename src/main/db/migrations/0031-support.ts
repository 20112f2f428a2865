import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The count every change of a report source moves (as in migration 0026). */
const REPORT_FIGURES_CHANGE = 'report-figures'

/** Tables of this migration and 0030 whose change drops every kept report count. */
export const SUPPORT_FIGURES_SOURCES = [
  'help_kind',
  'help_request',
  'informal_carer',
  'carer_load',
  'carer_support',
  'training_course',
  'training_session',
  'training_participant',
  'training_external_mark',
] as const

/**
 * Volunteers for residents (issue 16): help requests and informal carers.
 *
 * - `help_kind`: the managed list of kinds of help (maatje, respijt voor een mantelzorger, ...).
 * - `help_request`: what a resident asks. The resident is a household or a person in the app, or
 *   only a name and a way to reach them. It has the half-days it is needed on (a 21-bit mask, as
 *   `person.slot_mask`), a place, an end day when it is short-term, the demands it makes of a
 *   volunteer, and its status with the days it reached each one. A matched request names its
 *   volunteer (a person of the volunteers register). A resident who is only a name and a contact
 *   is a data subject of their own ('helpRequest'): retention anonymises the request, from the
 *   day it ended, under the people's term.
 * - `help_request_demand`, `help_request_course`: what it asks of a volunteer; a required course
 *   is a hard filter on the courses the volunteer completed (migration 0030).
 * - `informal_carer`: a person registered as informal carer (mantelzorger): whom they care for
 *   (free text, never a second identity), since when, consent, registered and ended.
 * - `carer_load`: how heavy the care is for them (belastbaarheid, 1 light .. 5 overloaded), dated,
 *   so change shows; the first is the one at registration.
 * - `carer_support`: support offered to them (respite, a course, a carers' activity), dated.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table help_kind (
    id integer primary key autoincrement,
    name text not null,
    active integer not null default 1 check (active in (0, 1)),
    sort integer not null default 0
  )`)
  await run(`create unique index help_kind_name on help_kind (name collate nocase)`)
  const kinds = [
    'Maatje',
    'Respijt voor een mantelzorger',
    'Thuisadministratie',
    'Vervoer of wandelen',
    'Anders',
  ]
  for (const [i, name] of kinds.entries())
    await sql`insert into help_kind (name, sort) values (${name}, ${i + 1})`.execute(db)

  await run(`create table help_request (
    id integer primary key autoincrement,
    kind_id integer not null references help_kind (id),
    household_id integer references household (id),
    person_id integer references person (id),
    requester_name text,
    requester_contact text,
    asked text not null,
    place text,
    slot_mask integer not null default 0 check (slot_mask between 0 and 2097151),
    ends_on text,
    status text not null default 'open' check (status in ('open', 'matched', 'ended')),
    opened_on text not null,
    matched_on text,
    ended_on text,
    volunteer_id integer references person (id),
    end_note text,
    anonymised_at text,
    created_at text not null,
    created_by integer references account (id),
    updated_at text not null,
    check (household_id is null or person_id is null),
    check (household_id is not null or person_id is not null or requester_name is not null),
    check (status <> 'matched' or matched_on is not null),
    check (status <> 'ended' or ended_on is not null)
  )`)
  await run(`create index help_request_status on help_request (status, opened_on)`)
  await run(`create index help_request_opened on help_request (opened_on, kind_id)`)
  await run(
    `create index help_request_person on help_request (person_id) where person_id is not null`,
  )
  await run(
    `create index help_request_household on help_request (household_id) where household_id is not null`,
  )
  await run(
    `create index help_request_volunteer on help_request (volunteer_id) where volunteer_id is not null`,
  )
  await run(`create table help_request_demand (
    help_request_id integer not null references help_request (id) on delete cascade,
    demand text not null,
    primary key (help_request_id, demand)
  ) without rowid`)
  await run(`create table help_request_course (
    help_request_id integer not null references help_request (id) on delete cascade,
    course_id integer not null references training_course (id),
    primary key (help_request_id, course_id)
  ) without rowid`)

  await run(`create table informal_carer (
    person_id integer primary key references person (id) on delete cascade,
    cares_for text not null,
    caring_since text,
    registered_on text not null,
    ended_on text,
    consent integer not null default 0 check (consent in (0, 1)),
    consent_on text,
    created_at text not null,
    updated_at text not null
  )`)
  await run(`create index informal_carer_registered on informal_carer (registered_on)`)
  await run(`create table carer_load (
    id integer primary key autoincrement,
    person_id integer not null references informal_carer (person_id) on delete cascade,
    measured_on text not null,
    load integer not null check (load between 1 and 5),
    created_at text not null,
    created_by integer references account (id),
    unique (person_id, measured_on)
  )`)
  await run(`create table carer_support (
    id integer primary key autoincrement,
    person_id integer not null references informal_carer (person_id) on delete cascade,
    kind text not null check (kind in ('respite', 'course', 'activity', 'other')),
    given_on text not null,
    note text,
    created_at text not null,
    created_by integer references account (id)
  )`)
  await run(`create index carer_support_person on carer_support (person_id, given_on)`)

  // The subsidy report counts these: every change drops the kept counts (as migration 0026 does for
  // its whole tables). Few rows a year; the next look counts again.
  const dropAll = `delete from report_figures_kept;
    update kept_change set n = n + 1 where name = '${REPORT_FIGURES_CHANGE}';`
  for (const table of SUPPORT_FIGURES_SOURCES)
    for (const event of ['insert', 'update', 'delete'])
      await run(`create trigger ${table}_kept_figures_${event} after ${event} on ${table}
        begin ${dropAll} end`)
}
