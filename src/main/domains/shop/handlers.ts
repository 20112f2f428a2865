import type { Slice } from '../slice'
import {
  createHousehold,
  findDuplicates,
  getHousehold,
  listDistricts,
  searchHouseholds,
  updateHousehold,
} from './households'
import { callList, callListCsv, markContacted } from './call-list'
import { createIntake } from './intakes'
import { blankIntakeForm, type IntakeFormContext } from './intake-form-task'
import {
  appointmentsByDay,
  bookAppointment,
  checkBooking,
  moveAppointment,
  generateSlots,
  listSlots,
  removeSlot,
  setAppointmentStatus,
  updateSlot,
} from './appointments'
import { checkVisit, registerVisit } from './visits'
import { recordConversation } from './visit-conversation'
import { updateShopSettings } from './settings'
import { getShopSettings } from './queries'
import { shopDashboard } from './stats'
import { shopDay } from './day'
import { shopStatsAnywhere, shopTotalsAnywhere, type StatsContext } from './stats-task'

export const SHOP_PREFIXES = [
  'households',
  'intakes',
  'slots',
  'appointments',
  'visits',
  'settings',
  'shop',
] as const

/** What the shop's services need beyond the database: workers, and tickets for files to save. */
type ShopContext = StatsContext & IntakeFormContext

export const shopHandlers: Slice<(typeof SHOP_PREFIXES)[number], ShopContext> = {
  'households.create': createHousehold,
  'households.update': updateHousehold,
  'households.get': (ctx, input) => getHousehold(ctx, input.id),
  'households.search': searchHouseholds,
  'households.duplicates': (ctx, input) => findDuplicates(ctx.db, input),
  'households.districts': (ctx) => listDistricts(ctx.db),
  'households.callList': (ctx, input) => callList(ctx, input),
  'households.callListCsv': callListCsv,
  'households.markContacted': markContacted,
  'intakes.create': createIntake,
  'intakes.blankForm': (ctx) => blankIntakeForm(ctx),
  'slots.generate': generateSlots,
  'slots.list': (ctx, input) => listSlots(ctx.db, input, ctx.clock),
  'slots.update': updateSlot,
  'slots.remove': removeSlot,
  'appointments.book': bookAppointment,
  'appointments.setStatus': setAppointmentStatus,
  'appointments.check': checkBooking,
  'appointments.move': moveAppointment,
  'appointments.byDay': (ctx, input) => appointmentsByDay(ctx, input.date),
  'visits.register': registerVisit,
  'visits.check': checkVisit,
  'visits.recordConversation': recordConversation,
  'settings.get': (ctx) => getShopSettings(ctx.db),
  'settings.update': updateShopSettings,
  'shop.dashboard': shopDashboard,
  'shop.day': shopDay,
  'shop.stats': shopStatsAnywhere,
  'shop.totals': shopTotalsAnywhere,
}
