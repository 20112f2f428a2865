import { installFakeBridge, ok, type Handler, type RecordedCall } from './fake-bridge'
import type { Appointment, Dashboard, ShopDay, ShopSettings } from '../../src/shared/schemas/shop'
import type { ListItem } from '../../src/shared/schemas/lists'
import { DEFAULT_SHOP_SETTINGS } from '../../src/shared/schemas/shop'

export { callsOf, describedText, fail, ok } from './fake-bridge'
export type { Answer, Handler, RecordedCall } from './fake-bridge'

/** The day main's (fake) clock says it is in these tests: a Tuesday. */
export const TODAY = '2026-03-10'

export function appointment(patch: Partial<Appointment>): Appointment {
  return {
    id: 1,
    slotId: 1,
    date: TODAY,
    part: 'morning',
    householdId: 1,
    householdReference: 'H-00001',
    contactName: 'Fatima el Amrani',
    status: 'planned',
    note: null,
    eligibleUntil: '2026-12-31',
    eligibilityExpired: false,
    visitId: null,
    ...patch,
  }
}

export function dashboard(patch: Partial<Dashboard> = {}): Dashboard {
  return {
    date: TODAY,
    today: [],
    // The coming seven days, today included.
    week: { from: TODAY, to: '2026-03-16', slots: [], freeTotal: 0 },
    expiring: [],
    toInvite: { count: 0, notSeenSince: '2026-01-13', sample: [] },
    ...patch,
  }
}

/** Main's day (`shop.day`), the same day as `dashboard()`. */
export function shopDay(patch: Partial<ShopDay> = {}): ShopDay {
  return { today: TODAY, notSeenSince: '2026-01-13', ...patch }
}

export const CATEGORIES: ListItem[] = [
  { id: 21, kind: 'category', name: 'Kleding', active: true },
  { id: 22, kind: 'category', name: 'Schoenen', active: true },
  { id: 23, kind: 'category', name: 'Speelgoed', active: true },
]

export const SETTINGS: ShopSettings = DEFAULT_SHOP_SETTINGS

const defaults: Record<string, Handler> = {
  'shop.dashboard': () => ok(dashboard()),
  'shop.day': () => ok(shopDay()),
  'settings.get': () => ok(SETTINGS),
  'lists.list': () => ok(CATEGORIES),
  // Nothing to warn about unless a test says otherwise.
  'visits.check': () => ok({ warnings: [], sameDay: 0 }),
  'appointments.check': () => ok({ warnings: [] }),
  'appointments.byDay': () => ok([]),
}

/** Puts a fake bridge on `window.api` with this screen's defaults; returns the recorded calls. */
export function installBridge(handlers: Record<string, Handler> = {}): RecordedCall[] {
  return installFakeBridge(defaults, handlers)
}
