import type { Slice } from '../slice'
import type { StatsContext } from '../shop/stats-task'
import { hoursMonth, logHours, personHours } from './hours'
import {
  deleteMeasurement,
  listMeasurements,
  recordMeasurement,
  updateMeasurement,
  updateMeasurementSettings,
} from './measurements'
import { getPlan, updatePlan } from './plans'
import { getMeasurementSettings } from './followup-queries'
import { listContacts, logContact } from './contacts'
import { volunteersStats } from './stats-task'
import { volunteersDashboard } from './dashboard'

/** Follow-up after matching, and the volunteers' figures (issue 13, part V3). */
export const FOLLOWUP_PREFIXES = [
  'hours',
  'measurements',
  'plans',
  'contacts',
  'volunteers',
] as const

export const followupHandlers: Slice<(typeof FOLLOWUP_PREFIXES)[number], StatsContext> = {
  'hours.log': logHours,
  'hours.month': hoursMonth,
  'hours.forPerson': personHours,
  'measurements.record': recordMeasurement,
  'measurements.update': updateMeasurement,
  'measurements.delete': deleteMeasurement,
  'measurements.list': listMeasurements,
  'measurements.settings': (ctx) => getMeasurementSettings(ctx.db),
  'measurements.updateSettings': updateMeasurementSettings,
  'plans.get': getPlan,
  'plans.update': updatePlan,
  'contacts.log': logContact,
  'contacts.list': listContacts,
  'volunteers.stats': volunteersStats,
  'volunteers.dashboard': volunteersDashboard,
}
