import type { MethodInput, MethodName } from '../../src/shared/api'
import type { OptionKind } from '../../src/shared/schemas/volunteers'
import type { TestApp } from './db'

/** Ids of a small volunteers setup: a host, a vacancy, a person with a doorstroom entry. */
export interface VolunteerFixture {
  hostId: number
  vacancyId: number
  personId: number
  moveId: number
  programmeId: number
  skillId: number
  limitationId: number
  householdId: number
}

async function firstOption(app: TestApp, kind: OptionKind): Promise<number> {
  return (await app.call('volunteerLists.list', { kind }))[0].id
}

export async function volunteerFixture(
  app: TestApp,
  householdId: number,
): Promise<VolunteerFixture> {
  const host = await app.call('organisations.create', { name: 'Buurthuis De Linde' })
  const skillId = await firstOption(app, 'skill')
  const limitationId = await firstOption(app, 'limitation')
  const programmeId = (await app.call('programmes.list', {}))[0].id
  const vacancy = await app.call('vacancies.create', {
    partnerId: host.id,
    title: 'Gastvrouw',
    places: 2,
    skillIds: [skillId],
    demands: ['standing'],
    availability: [{ weekday: 1, part: 'morning' }],
  })
  const person = await app.call('people.create', {
    firstName: 'Sanne',
    lastName: 'Bakker',
    registeredOn: '2026-03-01',
    intakeOn: '2026-03-15',
    programmeId,
    skillIds: [skillId],
    limitationIds: [limitationId],
    availability: [{ weekday: 1, part: 'morning' }],
  })
  const move = await app.call('people.addMove', {
    personId: person.id,
    movedOn: '2026-04-01',
    toText: 'Kassa',
  })
  return {
    hostId: host.id,
    vacancyId: vacancy.id,
    personId: person.id,
    moveId: move.id,
    programmeId,
    skillId,
    limitationId,
    householdId,
  }
}

type Bases = Partial<{ [M in MethodName]: MethodInput<M> }>

/** One valid input for every method of the volunteers core, for the fuzz and property tests. */
export function volunteerCoreBases(f: VolunteerFixture): Bases {
  const person: MethodInput<'people.create'> = {
    firstName: 'Piet',
    lastName: 'Jansen',
    phone: '06-12345678',
    email: 'piet@example.nl',
    postcode: '8011 AB',
    place: 'Zwolle',
    district: 'Noord',
    birthYear: 1980,
    gender: 'male',
    maritalStatus: 'married',
    registeredOn: '2026-05-01',
    intakeOn: '2026-05-10',
    programmeId: f.programmeId,
    skillIds: [f.skillId],
    limitationIds: [f.limitationId],
    availability: [{ weekday: 2, part: 'afternoon' }],
    notes: 'Eerst schuldenvrij',
  }
  const vacancy: MethodInput<'vacancies.create'> = {
    partnerId: f.hostId,
    title: 'Chauffeur',
    tasks: 'Boodschappen rondbrengen',
    place: 'Zwolle',
    places: 1,
    skillIds: [f.skillId],
    demands: ['lifting'],
    availability: [{ weekday: 3, part: 'morning' }],
  }
  return {
    'volunteerLists.list': { kind: 'skill', includeInactive: true },
    'volunteerLists.create': { kind: 'limitation', name: 'Geen trappen', demand: 'walking' },
    'volunteerLists.update': { id: f.skillId, name: 'Administratie', active: true },
    'programmes.list': { includeInactive: true },
    'programmes.create': { name: 'Nieuw programma', fundedPerYear: 10 },
    'programmes.update': {
      id: f.programmeId,
      name: 'Maatwerk',
      partnerId: f.hostId,
      fundedPerYear: 25,
      active: true,
    },
    'people.create': person,
    'people.update': { ...person, id: f.personId, status: 'intake' },
    'people.get': { id: f.personId },
    'people.search': { query: 'bakker', status: 'all', waitingSince: '2026-06-01', limit: 10 },
    'people.setOutflow': { id: f.personId, kind: 'paid_work', on: '2026-06-01', note: 'Baan' },
    'people.addMove': { personId: f.personId, movedOn: '2026-05-01', toText: 'Teamleider' },
    'people.removeMove': { id: f.moveId },
    'people.fromHousehold': {
      householdId: f.householdId,
      firstName: 'Ayse',
      lastName: 'Yilmaz',
      registeredOn: '2026-06-01',
    },
    'people.forHousehold': { householdId: f.householdId },
    'organisations.list': { query: 'linde', includeInactive: true },
    'organisations.create': { name: 'Kringloop Zuid', contactPerson: 'Ans', area: 'Zuid' },
    'organisations.update': {
      id: f.hostId,
      name: 'Buurthuis De Linde',
      contactPerson: 'Henk',
      active: true,
    },
    'organisations.setHost': { id: f.hostId, isHost: true },
    'vacancies.list': { partnerId: f.hostId, query: 'gast', includeInactive: true },
    'vacancies.get': { id: f.vacancyId },
    'vacancies.create': vacancy,
    'vacancies.update': { ...vacancy, id: f.vacancyId, places: 2, active: true },
  }
}

/** Ids that exist nowhere, for the "points at nothing" checks. */
export function volunteerCoreGhosts(f: VolunteerFixture): [MethodName, Record<string, unknown>][] {
  const b = volunteerCoreBases(f) as Record<string, Record<string, unknown>>
  return [
    ['people.get', { id: 999_999 }],
    ['people.update', { ...b['people.update'], id: 999_999 }],
    ['people.update', { ...b['people.update'], skillIds: [999_999] }],
    ['people.create', { ...b['people.create'], programmeId: 999_999 }],
    ['people.setOutflow', { id: 999_999, kind: null }],
    ['people.addMove', { ...b['people.addMove'], personId: 999_999 }],
    ['people.removeMove', { id: 999_999 }],
    ['people.fromHousehold', { ...b['people.fromHousehold'], householdId: 999_999 }],
    ['vacancies.get', { id: 999_999 }],
    ['vacancies.update', { ...b['vacancies.update'], id: 999_999 }],
    ['vacancies.create', { ...b['vacancies.create'], partnerId: 999_999 }],
    ['organisations.update', { ...b['organisations.update'], id: 999_999 }],
    ['organisations.setHost', { id: 999_999, isHost: true }],
    ['programmes.update', { ...b['programmes.update'], id: 999_999 }],
    ['volunteerLists.update', { id: 999_999, name: 'x', active: true }],
  ]
}
