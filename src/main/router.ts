import type { Kysely } from 'kysely'
import { api, type MethodName, type MethodOutput, type MethodParsed } from '../shared/api'
import { AppError, type ApiResult } from '../shared/errors'
import { issuesToFieldErrors } from '../shared/validation'
import type { Clock } from './clock'
import type { DB } from './db/schema'
import type { ServiceContext, Session } from './services/context'
import {
  callList,
  callListCsv,
  createHousehold,
  findDuplicates,
  getHousehold,
  listDistricts,
  searchHouseholds,
  updateHousehold,
} from './services/households'
import { createIntake } from './services/intakes'
import {
  appointmentsByDay,
  bookAppointment,
  generateSlots,
  listSlots,
  removeSlot,
  updateSlot,
  setAppointmentStatus,
} from './services/appointments'
import { registerVisit } from './services/visits'
import { createListItem, listItems, updateListItem } from './services/lists'
import { getShopSettings, updateShopSettings } from './services/settings'
import { shopDashboard, shopStats } from './services/shop'

type Handlers = {
  [M in MethodName]: (ctx: ServiceContext, input: MethodParsed<M>) => Promise<MethodOutput<M>>
}

/** Every method's service call. A method in the contract without a handler does not compile. */
export const handlers: Handlers = {
  'households.create': createHousehold,
  'households.update': updateHousehold,
  'households.get': (ctx, input) => getHousehold(ctx, input.id),
  'households.search': searchHouseholds,
  'households.duplicates': (ctx, input) => findDuplicates(ctx.db, input),
  'households.districts': (ctx) => listDistricts(ctx.db),
  'households.callList': (ctx, input) => callList(ctx, input),
  'households.callListCsv': callListCsv,
  'intakes.create': createIntake,
  'slots.generate': generateSlots,
  'slots.list': (ctx, input) => listSlots(ctx.db, input),
  'slots.update': updateSlot,
  'slots.remove': removeSlot,
  'appointments.book': bookAppointment,
  'appointments.setStatus': setAppointmentStatus,
  'appointments.byDay': (ctx, input) => appointmentsByDay(ctx, input.date),
  'visits.register': registerVisit,
  'lists.list': listItems,
  'lists.create': createListItem,
  'lists.update': updateListItem,
  'settings.get': (ctx) => getShopSettings(ctx.db),
  'settings.update': updateShopSettings,
  'shop.dashboard': shopDashboard,
  'shop.stats': shopStats,
}

export interface RouterDeps {
  db: Kysely<DB>
  clock: Clock
  /** Where internal errors go with their detail; the caller only sees `INTERNAL`. */
  logError?: (method: string, err: unknown) => void
}

export interface Router {
  call(session: Session, method: string, input: unknown): Promise<ApiResult<unknown>>
}

function isMethod(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

/**
 * Method name -> role check -> input parsed with the shared schema -> service. Has no Electron
 * import, so the IPC handler, the browser bridge and the tests all use this same path.
 */
export function createRouter(deps: RouterDeps): Router {
  const logError = deps.logError ?? ((m, e) => console.error(`[api] ${m} failed`, e))
  return {
    async call(session, method, input) {
      try {
        if (typeof method !== 'string' || !isMethod(method))
          throw new AppError({ code: 'NOT_FOUND', key: 'unknownMethod' })
        const def = api[method]
        if (!def.roles.includes(session.role))
          throw new AppError({ code: 'FORBIDDEN', key: 'forbidden' })
        const parsed = def.input.safeParse(input ?? {})
        if (!parsed.success)
          throw new AppError({
            code: 'VALIDATION',
            key: 'validation',
            fields: issuesToFieldErrors(parsed.error.issues),
          })
        const handler = handlers[method] as (
          ctx: ServiceContext,
          input: unknown,
        ) => Promise<unknown>
        const value = await handler({ db: deps.db, clock: deps.clock, session }, parsed.data)
        return { ok: true, value }
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toJSON() }
        logError(String(method), err)
        return { ok: false, error: { code: 'INTERNAL', key: 'internal' } }
      }
    },
  }
}
