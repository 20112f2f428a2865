/**
 * The volunteers core of `--scale=large`: 20,000 people registered over ten years (with their
 * skills, interests, learning goals, limitations and availability, intake and outflow) and 1,000
 * vacancies at the host organisations, planned in memory and written with prepared statements in
 * large transactions, as the rest of the large seed is. Their audit entries (a person registered,
 * the intake, the outflow, a vacancy made) go into the large seed's own list of events, so they
 * are chained in time order with everything else. Placements, hours and measurements (V2, V3)
 * are planned from the people and vacancies returned here.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { searchKey } from '../src/shared/search-key'
import { normalisePhone } from '../src/shared/schemas/common'
import { addDays } from '../src/shared/dates'
import type { Demand, HalfDay, OutflowKind, PersonGender } from '../src/shared/schemas/volunteers'

export const LARGE_PEOPLE = 20_000
export const LARGE_VACANCIES = 1_000

/** The large seed's random numbers (scripts/demo-data.ts `Rng`). */
export interface LargeRng {
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  sample<T>(items: readonly T[], n: number): T[]
  weighted<T>(items: readonly (readonly [T, number])[]): T
}

/** An audit entry as the large seed collects them (scripts/demo-large.ts `AuditEvent`). */
export interface LargeVolunteerEvent {
  at: string
  seq: number
  actor: 'coordinator'
  action: 'create' | 'update'
  entityType: string
  entity: number
  household: null
  subject: { kind: string; id: number } | null
  fields: string
  detail: null
}

export interface LargePerson {
  id: number
  reference: string
  firstName: string
  lastName: string
  phone: string | null
  district: string
  place: string
  birthYear: number
  gender: PersonGender
  registeredOn: string
  intakeOn: string | null
  programmeId: number | null
  ownTransport: boolean
  status: 'registered' | 'intake' | 'active' | 'left'
  outflowKind: OutflowKind | null
  outflowOn: string | null
  optionIds: number[]
  slots: HalfDay[]
  createdAt: string
}

export interface LargeVacancy {
  id: number
  partnerId: number
  title: string
  place: string
  district: string
  places: number
  active: boolean
  optionIds: number[]
  demands: Demand[]
  slots: HalfDay[]
  createdAt: string
}

export interface LargeVolunteersPlan {
  people: LargePerson[]
  vacancies: LargeVacancy[]
}

/** What the plan needs of the database as the router left it: ids of hosts, lists, programmes. */
export interface LargeVolunteerLists {
  hostIds: number[]
  programmeIds: number[]
  options: { id: number; kind: string }[]
}

const FIRST: Record<'female' | 'male', string[]> = {
  female: [
    'Anja',
    'Sandra',
    'Linda',
    'Fatima',
    'Naima',
    'Petra',
    'Yvonne',
    'Ayse',
    'Marieke',
    'Ilona',
    'Bianca',
    'Samira',
    'Joke',
    'Hanna',
    'Lieke',
    'Esra',
    'Kim',
    'Romy',
    'Daphne',
    'Wendy',
  ],
  male: [
    'Jan',
    'Peter',
    'Mohamed',
    'Dennis',
    'Kevin',
    'Ahmet',
    'Sander',
    'Rob',
    'Erik',
    'Youssef',
    'Martijn',
    'Gerrit',
    'Daan',
    'Tarik',
    'Wouter',
    'Piotr',
    'Niels',
    'Bas',
    'Milan',
    'Ricardo',
  ],
}
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'Yilmaz',
  'El Amrani',
  'Bos',
  'Kowalski',
  'Hendriks',
  'Dekker',
  'Öztürk',
  'Brouwer',
  'de Wit',
  'Kaya',
  'van Dijk',
  'Nowak',
  'Haddou',
  'van der Meer',
  'Kok',
  'Peters',
  'Vos',
  'Willems',
  'Maas',
  'Post',
  'Prins',
]
const DISTRICTS: [string, string][] = [
  ['Binnenstad', 'Eemstad'],
  ['Noord', 'Eemstad'],
  ['Zuid', 'Eemstad'],
  ['Oost', 'Eemstad'],
  ['West', 'Eemstad'],
  ['Hoogland', 'Hoogland'],
  ['Eemdijk', 'Eemdijk'],
]
const TITLES: [string, Demand[]][] = [
  ['Gastvrouw of gastheer', ['standing', 'customer_contact']],
  ['Hulp in de keuken', ['standing']],
  ['Sorteren en prijzen', ['lifting', 'standing']],
  ['Tuinonderhoud', ['lifting', 'walking']],
  ['Administratief medewerker', ['screen_work']],
  ['Chauffeur', ['public_transport', 'lifting']],
  ['Baliemedewerker', ['customer_contact']],
  ['Dierverzorger', ['lifting', 'walking']],
  ['Klusjesman of -vrouw', ['lifting']],
  ['Activiteitenbegeleider', ['customer_contact']],
  ['Zaalwacht avond', ['evening', 'standing']],
  ['Kassamedewerker', ['customer_contact', 'standing']],
]
const OUTFLOW: (readonly [OutflowKind, number])[] = [
  ['paid_work', 5],
  ['other_volunteer_work', 2],
  ['education', 2],
  ['stopped', 3],
  ['dropped_out', 2],
  ['moved', 1],
  ['other', 1],
]

const two = (n: number): string => String(n).padStart(2, '0')
const atOn = (day: string, minute: number): string =>
  `${day}T${two(8 + (Math.floor(minute / 60) % 9))}:${two(minute % 60)}:00.000Z`

function grid(rng: LargeRng, n: number): HalfDay[] {
  const all: HalfDay[] = []
  for (let weekday = 1; weekday <= 6; weekday++)
    for (const part of ['morning', 'afternoon', 'evening'] as const) all.push({ weekday, part })
  return rng.sample(all, n)
}

/**
 * Plans the people and vacancies and adds their audit entries to `events`. People get ids from
 * `firstPersonId` in the order they registered; vacancies likewise from `firstVacancyId`.
 */
export function planLargeVolunteers(
  rng: LargeRng,
  lists: LargeVolunteerLists,
  range: { start: string; today: string },
  ids: { firstPersonId: number; firstVacancyId: number },
  events: { push(e: LargeVolunteerEvent): unknown },
  seq: () => number,
  people = LARGE_PEOPLE,
  vacancyCount = LARGE_VACANCIES,
): LargeVolunteersPlan {
  const { start, today } = range
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000))
  const of = (kind: string): number[] =>
    lists.options.filter((o) => o.kind === kind).map((o) => o.id)
  const skills = of('skill')
  const interests = of('interest')
  const goals = of('learning_goal')
  const limitations = of('limitation')
  const event = (
    at: string,
    action: 'create' | 'update',
    entityType: string,
    entity: number,
    subject: LargeVolunteerEvent['subject'],
    fields: string,
  ): void => {
    events.push({
      at,
      seq: seq(),
      actor: 'coordinator',
      action,
      entityType,
      entity,
      household: null,
      subject,
      fields,
      detail: null,
    })
  }

  const vacancies: LargeVacancy[] = []
  const vacancyDays = Array.from({ length: vacancyCount }, () => rng.int(0, span - 1)).sort(
    (a, b) => a - b,
  )
  for (const [i, offset] of vacancyDays.entries()) {
    const day = addDays(start, offset)
    const [title, demands] = rng.pick(TITLES)
    const [district, place] = rng.pick(DISTRICTS)
    const v: LargeVacancy = {
      id: ids.firstVacancyId + i,
      partnerId: rng.pick(lists.hostIds),
      title,
      place,
      district,
      places: rng.int(1, 4),
      // Places of the last three years are mostly still open.
      active: offset > span - 1095 ? rng.chance(0.85) : rng.chance(0.2),
      optionIds: [
        ...rng.sample(skills, rng.int(0, 2)),
        ...rng.sample(goals, rng.int(1, 3)),
        ...rng.sample(interests, rng.int(0, 2)),
      ],
      demands,
      slots: grid(rng, rng.int(1, 4)),
      createdAt: atOn(day, i % 480),
    }
    vacancies.push(v)
    event(
      v.createdAt,
      'create',
      'vacancy',
      v.id,
      null,
      'partnerId,title,place,district,places,skills,learningGoals,demands,availability',
    )
  }

  const out: LargePerson[] = []
  const days = Array.from({ length: people }, () => rng.int(0, span - 1)).sort((a, b) => a - b)
  for (const [i, offset] of days.entries()) {
    const id = ids.firstPersonId + i
    const registeredOn = addDays(start, offset)
    const wait = rng.int(3, 90)
    const intakeOn =
      addDays(registeredOn, wait) < today && rng.chance(0.9) ? addDays(registeredOn, wait) : null
    const female = rng.chance(0.55)
    const gender: PersonGender = female ? 'female' : rng.chance(0.96) ? 'male' : 'other'
    const [district, place] = rng.pick(DISTRICTS)
    let outflowKind: OutflowKind | null = null
    let outflowOn: string | null = null
    // Most people of earlier years have left by now; of the last year few.
    if (intakeOn && rng.chance(offset < span - 365 ? 0.8 : 0.15)) {
      const on = addDays(intakeOn, rng.int(60, 700))
      if (on < today) {
        outflowKind = rng.weighted(OUTFLOW)
        outflowOn = on
      }
    }
    const p: LargePerson = {
      id,
      reference: `D-${String(id).padStart(5, '0')}`,
      firstName: rng.pick(FIRST[female ? 'female' : 'male']),
      lastName: rng.pick(LAST),
      phone: rng.chance(0.9) ? `06-${rng.int(10000000, 99999999)}` : null,
      district,
      place,
      birthYear: rng.int(1955, Math.min(2006, Number(registeredOn.slice(0, 4)) - 17)),
      gender,
      registeredOn,
      intakeOn,
      programmeId: rng.chance(0.85) ? rng.pick(lists.programmeIds) : null,
      ownTransport: rng.chance(0.35),
      status: outflowOn ? 'left' : intakeOn ? 'intake' : 'registered',
      outflowKind,
      outflowOn,
      optionIds: [
        ...rng.sample(skills, rng.int(0, 3)),
        ...rng.sample(interests, rng.int(1, 3)),
        ...rng.sample(goals, rng.int(1, 2)),
        ...(rng.chance(0.4) ? rng.sample(limitations, rng.int(1, 2)) : []),
      ],
      slots: grid(rng, rng.int(1, 5)),
      createdAt: atOn(registeredOn, i % 480),
    }
    out.push(p)
    const subject = { kind: 'person', id }
    event(
      p.createdAt,
      'create',
      'person',
      id,
      subject,
      'firstName,lastName,phone,district,place,birthYear,gender,registeredOn,programmeId,skills,interests,learningGoals,availability',
    )
    if (intakeOn) event(atOn(intakeOn, i % 480), 'update', 'person', id, subject, 'intakeOn,status')
    if (outflowOn)
      event(
        atOn(outflowOn, i % 480),
        'update',
        'person',
        id,
        subject,
        'outflowKind,outflowOn,status',
      )
  }
  return { people: out, vacancies }
}

/** The tables written here, for the large seed's list of tables whose indexes wait. */
export const LARGE_VOLUNTEER_TABLES = [
  'person',
  'person_option',
  'person_slot',
  'vacancy',
  'vacancy_option',
  'vacancy_demand',
  'vacancy_slot',
]

/** Writes the planned rows with prepared statements, in transactions of 20,000 rows. */
export function writeLargeVolunteers(sqlite: Database.Database, plan: LargeVolunteersPlan): void {
  const batch = <T>(rows: readonly T[], sql: string, values: (r: T) => unknown[]): void => {
    const stmt = sqlite.prepare(sql)
    const run = sqlite.transaction((part: readonly T[]) => {
      for (const r of part) stmt.run(values(r))
    })
    for (let i = 0; i < rows.length; i += 20_000) run(rows.slice(i, i + 20_000))
  }
  batch(
    plan.vacancies,
    `insert into vacancy (id, partner_id, title, search_title, place, district, places, active,
      created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    (v) => [
      v.id,
      v.partnerId,
      v.title,
      searchKey(v.title),
      v.place,
      v.district,
      v.places,
      v.active ? 1 : 0,
      v.createdAt,
      v.createdAt,
    ],
  )
  batch(
    plan.vacancies.flatMap((v) => v.optionIds.map((o) => [v.id, o])),
    'insert into vacancy_option (vacancy_id, option_id) values (?, ?)',
    (r) => r,
  )
  batch(
    plan.vacancies.flatMap((v) => v.demands.map((d) => [v.id, d])),
    'insert into vacancy_demand (vacancy_id, demand) values (?, ?)',
    (r) => r,
  )
  batch(
    plan.vacancies.flatMap((v) => v.slots.map((s) => [v.id, s.weekday, s.part])),
    'insert into vacancy_slot (vacancy_id, weekday, part) values (?, ?, ?)',
    (r) => r,
  )
  batch(
    plan.people,
    `insert into person (id, reference, first_name, last_name, search_name, phone, phone_digits,
      place, district, birth_year, gender, registered_on, intake_on, programme_id, own_transport,
      status, outflow_kind, outflow_on, created_at, updated_at)
      values (${Array(20).fill('?').join(',')})`,
    (p) => [
      p.id,
      p.reference,
      p.firstName,
      p.lastName,
      searchKey(`${p.firstName} ${p.lastName}`),
      p.phone,
      p.phone ? normalisePhone(p.phone) : null,
      p.place,
      p.district,
      p.birthYear,
      p.gender,
      p.registeredOn,
      p.intakeOn,
      p.programmeId,
      p.ownTransport ? 1 : 0,
      p.status,
      p.outflowKind,
      p.outflowOn,
      p.createdAt,
      atOn(p.outflowOn ?? p.intakeOn ?? p.registeredOn, 0),
    ],
  )
  batch(
    plan.people.flatMap((p) => p.optionIds.map((o) => [p.id, o])),
    'insert into person_option (person_id, option_id) values (?, ?)',
    (r) => r,
  )
  batch(
    plan.people.flatMap((p) => p.slots.map((s) => [p.id, s.weekday, s.part])),
    'insert into person_slot (person_id, weekday, part) values (?, ?, ?)',
    (r) => r,
  )
}
