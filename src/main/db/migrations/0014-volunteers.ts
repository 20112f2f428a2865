import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/** The codes of then, each also kept out of the tables by a check whatever path writes. */
const OPTION_KINDS_THEN = ['skill', 'interest', 'learning_goal', 'referral_source', 'limitation']
const GENDERS_THEN = ['female', 'male', 'other', 'unknown']
const STATUSES_THEN = ['registered', 'intake', 'active', 'left']
const OUTFLOW_THEN = [
  'paid_work',
  'other_volunteer_work',
  'education',
  'stopped',
  'dropped_out',
  'moved',
  'other',
]
const PARTS_THEN = ['morning', 'afternoon', 'evening']
const STEPS_THEN = ['proposed', 'introduction', 'trial', 'placed', 'ended', 'declined']
const MOMENTS_THEN = ['intake', 'reassessment', 'end']
const VERSIONS_THEN = ['zrm11', 'zrm13']
const AIMS_THEN = ['volunteer_place', 'training', 'activity', 'tegenprestatie']
const GOAL_STATUSES_THEN = ['open', 'realised', 'partly_realised', 'not_realised']
const CONTACT_KINDS_THEN = ['phone', 'visit', 'meeting', 'evaluation', 'other']

const inList = (column: string, codes: readonly string[]): ReturnType<typeof sql> =>
  sql`${sql.ref(column)} in (${sql.join(codes.map((c) => sql.lit(c)))})`

/**
 * The search key of then for the plain Dutch names seeded below (letters, spaces, accents):
 * accents dropped, lower case, single spaces. The app's own key (`src/shared/search-key.ts`)
 * gives the same for these names.
 */
function keyThen(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/gu, ' ').trim()
}

/** Managed lists a new organisation starts with; each can be renamed, added to or put aside. */
const OPTIONS_THEN: { kind: string; name: string; demand?: string }[] = [
  ...[
    'Administratie',
    'Computervaardigheden',
    'Koken',
    'Schoonmaken',
    'Klussen en techniek',
    'Tuinieren',
    'Verkoop en kassa',
    'Sorteren en inpakken',
    'Rijbewijs B',
    'Talen',
    'Creatief',
    'Vervoer en chauffeur',
  ].map((name) => ({ kind: 'skill', name })),
  ...[
    'Mensen helpen',
    'Buiten werken',
    'Met de handen werken',
    'Dieren',
    'Kinderen',
    'Ouderen',
    'Winkel',
    'Kantoor',
    'Sport en bewegen',
    'Koken en eten',
    'Kunst en cultuur',
  ].map((name) => ({ kind: 'interest', name })),
  ...[
    'Sociale vaardigheden',
    'Nederlandse taal',
    'Administratieve vaardigheden',
    'Werken in de winkel',
    'Op tijd komen en afspraken nakomen',
    'Samenwerken',
    'Zelfvertrouwen',
    'Werken met de computer',
    'Klantvriendelijkheid',
  ].map((name) => ({ kind: 'learning_goal', name })),
  ...[
    'Zelf',
    'Familie',
    'Mantelzorger',
    'Buren',
    'De Toegang',
    'De winkel',
    'Wijkteam',
    'Schuldhulpverlening',
    'GGZ',
    'Werk en inkomen (gemeente)',
    'Anders',
  ].map((name) => ({ kind: 'referral_source', name })),
  { kind: 'limitation', name: 'Niet tillen', demand: 'lifting' },
  { kind: 'limitation', name: 'Niet lang staan', demand: 'standing' },
  { kind: 'limitation', name: 'Geen avonden', demand: 'evening' },
  { kind: 'limitation', name: 'Afhankelijk van openbaar vervoer', demand: 'public_transport' },
  { kind: 'limitation', name: 'Niet ver lopen', demand: 'walking' },
  { kind: 'limitation', name: 'Geen beeldschermwerk', demand: 'screen_work' },
  { kind: 'limitation', name: 'Liever geen klantcontact', demand: 'customer_contact' },
]

const PROGRAMMES_THEN: { name: string; funded: number | null }[] = [
  // Paid per person by the municipality, about 25 a year (seed 001).
  { name: 'Maatwerk', funded: 25 },
  // With the GGZ, practising right after registration.
  { name: 'Samen Sterk', funded: null },
  { name: 'Eigen vrijwilligers', funded: null },
]

/**
 * The volunteers domain (issue 13): people with a large distance to the labour market and the
 * shop's own volunteers, their intake, trajectory plan, measurements, placements at host
 * organisations, hours, contacts and outflow. Every table of the domain is made here at once,
 * so its parts can be built side by side.
 *
 * Host organisations are partners of the sociale kaart (migration 0010) with `is_host = 1`:
 * one list, not two. The shop itself is a host (`is_own = 1`), so its own volunteers are people
 * placed there.
 *
 * Everything about a person goes with the person when a person row is deleted (cascade: the
 * schema's own guard; retention deletes explicitly and only where no figure needs the person).
 * Indexes are chosen for 20,000 people, 30,000 placements and 240,000 hour rows.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const now = new Date().toISOString()

  // Managed lists of the domain: skills, interests, learning goals, "aangemeld via" and
  // limitations, the latter each with the demand of a place it rules out.
  await db.schema
    .createTable('vol_option')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', OPTION_KINDS_THEN)))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('demand', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('vol_option_kind_search_name', ['kind', 'search_name'])
    .execute()
  let sort = 0
  let lastKind = ''
  for (const o of OPTIONS_THEN) {
    sort = o.kind === lastKind ? sort + 1 : 0
    lastKind = o.kind
    await db
      .insertInto('vol_option')
      .values({
        kind: o.kind,
        name: o.name,
        search_name: keyThen(o.name),
        demand: o.demand ?? null,
        active: 1,
        sort,
      })
      .execute()
  }

  // Host organisations are partners; the shop hosts its own volunteers.
  await db.schema
    .alterTable('partner')
    .addColumn('is_host', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('partner')
    .addColumn('is_own', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('partner_is_host').on('partner').column('is_host').execute()
  const ownName = 'Eigen winkel'
  const existing = await db
    .selectFrom('partner')
    .select('id')
    .where('search_name', '=', keyThen(ownName))
    .executeTakeFirst()
  if (existing)
    await db
      .updateTable('partner')
      .set({ is_host: 1, is_own: 1 })
      .where('id', '=', existing.id as number)
      .execute()
  else
    await db
      .insertInto('partner')
      .values({
        name: ownName,
        search_name: keyThen(ownName),
        kind: 'other',
        helps_with: 'Kleding- en speelgoedwinkel: de eigen vrijwilligers',
        active: 1,
        is_host: 1,
        is_own: 1,
        created_at: now,
        updated_at: now,
      })
      .execute()

  await db.schema
    .createTable('programme')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull().unique())
    .addColumn('partner_id', 'integer', (c) => c.references('partner.id'))
    .addColumn('funded_per_year', 'integer', (c) =>
      c.check(sql`funded_per_year is null or funded_per_year >= 0`),
    )
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  for (const [i, p] of PROGRAMMES_THEN.entries())
    await db
      .insertInto('programme')
      .values({
        name: p.name,
        search_name: keyThen(p.name),
        funded_per_year: p.funded,
        active: 1,
        sort: i,
      })
      .execute()

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    // Search key of "first last" (and "last first" matches by words), as households have.
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('phone_digits', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('place', 'text')
    .addColumn('district', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('gender', 'text', (c) =>
      c.notNull().defaultTo('unknown').check(inList('gender', GENDERS_THEN)),
    )
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('intake_on', 'text')
    .addColumn('programme_id', 'integer', (c) => c.references('programme.id'))
    .addColumn('participation_duty', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`participation_duty in (0, 1)`),
    )
    .addColumn('duty_to_apply', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`duty_to_apply in (0, 1)`),
    )
    .addColumn('own_transport', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`own_transport in (0, 1)`),
    )
    .addColumn('languages', 'text')
    .addColumn('referral_source_id', 'integer', (c) => c.references('vol_option.id'))
    .addColumn('referrer', 'text')
    // The shop's household this person came from ("interesse in vrijwilligerswerk"). Erasing
    // the household leaves the person, who is a subject of their own.
    .addColumn('household_id', 'integer', (c) => c.references('household.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('registered').check(inList('status', STATUSES_THEN)),
    )
    .addColumn('notes', 'text')
    .addColumn('outflow_kind', 'text', (c) =>
      c.check(sql`outflow_kind is null or ${inList('outflow_kind', OUTFLOW_THEN)}`),
    )
    .addColumn('outflow_on', 'text')
    .addColumn('outflow_note', 'text')
    .addColumn('anonymised_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  for (const column of [
    'search_name',
    'phone_digits',
    'postcode',
    'district',
    'status',
    'programme_id',
    'registered_on',
    'intake_on',
    'outflow_on',
    'household_id',
    'anonymised_at',
  ])
    await db.schema.createIndex(`person_${column}`).on('person').column(column).execute()

  // Skills, interests, learning goals and limitations of a person, as rows reports can count.
  await db.schema
    .createTable('person_option')
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('option_id', 'integer', (c) => c.notNull().references('vol_option.id'))
    .addPrimaryKeyConstraint('person_option_pk', ['person_id', 'option_id'])
    .execute()
  await db.schema
    .createIndex('person_option_option')
    .on('person_option')
    .columns(['option_id', 'person_id'])
    .execute()

  await db.schema
    .createTable('vacancy')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('partner_id', 'integer', (c) => c.notNull().references('partner.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('search_title', 'text', (c) => c.notNull())
    .addColumn('tasks', 'text')
    .addColumn('place', 'text')
    .addColumn('district', 'text')
    .addColumn('places', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`places >= 1`),
    )
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('vacancy_partner')
    .on('vacancy')
    .columns(['partner_id', 'active'])
    .execute()
  await db.schema.createIndex('vacancy_active').on('vacancy').column('active').execute()

  // Skills wanted, learning goals offered and interests it suits (told apart by the option's kind).
  await db.schema
    .createTable('vacancy_option')
    .addColumn('vacancy_id', 'integer', (c) =>
      c.notNull().references('vacancy.id').onDelete('cascade'),
    )
    .addColumn('option_id', 'integer', (c) => c.notNull().references('vol_option.id'))
    .addPrimaryKeyConstraint('vacancy_option_pk', ['vacancy_id', 'option_id'])
    .execute()
  await db.schema
    .createIndex('vacancy_option_option')
    .on('vacancy_option')
    .columns(['option_id', 'vacancy_id'])
    .execute()

  await db.schema
    .createTable('vacancy_demand')
    .addColumn('vacancy_id', 'integer', (c) =>
      c.notNull().references('vacancy.id').onDelete('cascade'),
    )
    .addColumn('demand', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vacancy_demand_pk', ['vacancy_id', 'demand'])
    .execute()

  await db.schema
    .createTable('placement')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('vacancy_id', 'integer', (c) => c.notNull().references('vacancy.id'))
    .addColumn('step', 'text', (c) => c.notNull().check(inList('step', STEPS_THEN)))
    .addColumn('proposed_on', 'text', (c) => c.notNull())
    .addColumn('introduction_on', 'text')
    .addColumn('trial_on', 'text')
    .addColumn('trial_ends_on', 'text')
    .addColumn('placed_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('declined_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('placement_person')
    .on('placement')
    .columns(['person_id', 'step'])
    .execute()
  await db.schema
    .createIndex('placement_vacancy')
    .on('placement')
    .columns(['vacancy_id', 'step'])
    .execute()
  await db.schema.createIndex('placement_step').on('placement').column('step').execute()
  await db.schema.createIndex('placement_placed_on').on('placement').column('placed_on').execute()
  await db.schema.createIndex('placement_ended_on').on('placement').column('ended_on').execute()
  await db.schema
    .createIndex('placement_trial_ends_on')
    .on('placement')
    .column('trial_ends_on')
    .execute()

  // The availability grid (weekday 1..7, Monday = 1, x half-day) of people, vacancies and the
  // half-days of a placement.
  for (const [table, owner, ref] of [
    ['person_slot', 'person_id', 'person.id'],
    ['vacancy_slot', 'vacancy_id', 'vacancy.id'],
    ['placement_slot', 'placement_id', 'placement.id'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn(owner, 'integer', (c) => c.notNull().references(ref).onDelete('cascade'))
      .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
      .addColumn('part', 'text', (c) => c.notNull().check(inList('part', PARTS_THEN)))
      .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'weekday', 'part'])
      .execute()
  }
  // Who is free on a half-day a vacancy needs: one seek per half-day instead of every person.
  await db.schema
    .createIndex('person_slot_half_day')
    .on('person_slot')
    .columns(['weekday', 'part', 'person_id'])
    .execute()

  // Doorstroom: on to another role or place within the organisation (apart from outflow).
  await db.schema
    .createTable('person_move')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('moved_on', 'text', (c) => c.notNull())
    .addColumn('to_text', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_move_person').on('person_move').column('person_id').execute()
  await db.schema.createIndex('person_move_moved_on').on('person_move').column('moved_on').execute()

  await db.schema
    .createTable('volunteer_hours')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('placement_id', 'integer', (c) => c.references('placement.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull().check(sql`hours >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await sql`CREATE UNIQUE INDEX volunteer_hours_person_placement_month
    ON volunteer_hours (person_id, coalesce(placement_id, 0), month)`.execute(db)
  await db.schema
    .createIndex('volunteer_hours_month')
    .on('volunteer_hours')
    .columns(['month', 'hours'])
    .execute()
  await db.schema
    .createIndex('volunteer_hours_placement')
    .on('volunteer_hours')
    .columns(['placement_id', 'month'])
    .execute()

  await db.schema
    .createTable('measurement')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('measured_on', 'text', (c) => c.notNull())
    .addColumn('moment', 'text', (c) => c.notNull().check(inList('moment', MOMENTS_THEN)))
    .addColumn('version', 'text', (c) => c.notNull().check(inList('version', VERSIONS_THEN)))
    .addColumn('ladder', 'integer', (c) => c.check(sql`ladder is null or ladder between 1 and 6`))
    .addColumn('by_account_id', 'integer', (c) => c.references('account.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('measurement_person')
    .on('measurement')
    .columns(['person_id', 'measured_on'])
    .execute()
  await db.schema
    .createIndex('measurement_measured_on')
    .on('measurement')
    .column('measured_on')
    .execute()

  await db.schema
    .createTable('measurement_score')
    .addColumn('measurement_id', 'integer', (c) =>
      c.notNull().references('measurement.id').onDelete('cascade'),
    )
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 1 and 5`))
    .addPrimaryKeyConstraint('measurement_score_pk', ['measurement_id', 'domain'])
    .execute()

  await db.schema
    .createTable('plan')
    .addColumn('person_id', 'integer', (c) =>
      c.primaryKey().references('person.id').onDelete('cascade'),
    )
    .addColumn('barriers', 'text')
    .addColumn('aim', 'text', (c) => c.check(sql`aim is null or ${inList('aim', AIMS_THEN)}`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('plan_goal')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('zrm_domain', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(inList('status', GOAL_STATUSES_THEN)),
    )
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('plan_goal_person').on('plan_goal').column('person_id').execute()

  await db.schema
    .createTable('plan_review')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('plan_review_person')
    .on('plan_review')
    .columns(['person_id', 'planned_on'])
    .execute()
  await db.schema
    .createIndex('plan_review_planned_on')
    .on('plan_review')
    .column('planned_on')
    .execute()

  await db.schema
    .createTable('person_contact')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) =>
      c.notNull().references('person.id').onDelete('cascade'),
    )
    .addColumn('contacted_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', CONTACT_KINDS_THEN)))
    .addColumn('by_account_id', 'integer', (c) => c.references('account.id'))
    .addColumn('note', 'text')
    .addColumn('next_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('person_contact_person')
    .on('person_contact')
    .columns(['person_id', 'contacted_on'])
    .execute()
  await db.schema
    .createIndex('person_contact_next_on')
    .on('person_contact')
    .column('next_on')
    .execute()
}
