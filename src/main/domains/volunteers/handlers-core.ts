import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import {
  createProgramme,
  createVolunteerOption,
  listProgrammes,
  listVolunteerOptions,
  updateProgramme,
  updateVolunteerOption,
} from './lists'
import { createOrganisation, listOrganisations, setHost, updateOrganisation } from './organisations'
import {
  addMove,
  createPerson,
  getPerson,
  peopleOfHousehold,
  registerFromHousehold,
  removeMove,
  searchPeople,
  setOutflow,
  updatePerson,
} from './people'
import { createVacancy, getVacancy, listVacancies, updateVacancy } from './vacancies'

/** The core of the volunteers domain: people, hosts, vacancies and the managed lists. */
export const VOLUNTEERS_CORE_PREFIXES = [
  'people',
  'organisations',
  'vacancies',
  'programmes',
  'volunteerLists',
] as const

export const volunteersCoreHandlers: Slice<
  (typeof VOLUNTEERS_CORE_PREFIXES)[number],
  ServiceContext
> = {
  'volunteerLists.list': listVolunteerOptions,
  'volunteerLists.create': createVolunteerOption,
  'volunteerLists.update': updateVolunteerOption,
  'programmes.list': listProgrammes,
  'programmes.create': createProgramme,
  'programmes.update': updateProgramme,
  'people.create': createPerson,
  'people.update': updatePerson,
  'people.get': getPerson,
  'people.search': searchPeople,
  'people.setOutflow': setOutflow,
  'people.addMove': addMove,
  'people.removeMove': async (ctx, input) => {
    await removeMove(ctx, input)
    return { ok: true }
  },
  'people.fromHousehold': registerFromHousehold,
  'people.forHousehold': peopleOfHousehold,
  'organisations.list': listOrganisations,
  'organisations.create': createOrganisation,
  'organisations.update': updateOrganisation,
  'organisations.setHost': setHost,
  'vacancies.list': listVacancies,
  'vacancies.get': getVacancy,
  'vacancies.create': createVacancy,
  'vacancies.update': updateVacancy,
}
