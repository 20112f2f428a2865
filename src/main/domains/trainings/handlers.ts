import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import {
  getSession,
  listCourses,
  listSessions,
  listStaff,
  personTrainings,
  removeSession,
  saveCourse,
  saveSession,
} from './trainings'

export const TRAININGS_PREFIXES = ['trainings'] as const

export const trainingsHandlers: Slice<(typeof TRAININGS_PREFIXES)[number], ServiceContext> = {
  'trainings.courses': listCourses,
  'trainings.saveCourse': saveCourse,
  'trainings.sessions': listSessions,
  'trainings.session': getSession,
  'trainings.saveSession': saveSession,
  'trainings.removeSession': removeSession,
  'trainings.forPerson': personTrainings,
  'trainings.staff': listStaff,
}
