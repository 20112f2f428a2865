import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import {
  addAdvice,
  adviceTally,
  createActivity,
  listActivities,
  removeActivity,
  updateActivity,
} from './activities'

export const ACTIVITIES_PREFIXES = ['activities'] as const

export const activitiesHandlers: Slice<(typeof ACTIVITIES_PREFIXES)[number], ServiceContext> = {
  'activities.list': listActivities,
  'activities.create': createActivity,
  'activities.update': updateActivity,
  'activities.remove': removeActivity,
  'activities.addAdvice': addAdvice,
  'activities.adviceTally': adviceTally,
}
