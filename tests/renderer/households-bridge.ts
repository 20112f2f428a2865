import { installFakeBridge, ok, type Handler, type RecordedCall } from './fake-bridge'
import { dashboard, shopDay } from './shop-bridge'
import type { ListItem } from '../../src/shared/schemas/lists'
import type { Partner } from '../../src/shared/schemas/partners'

export { callsOf, describedText, fail, ok } from './fake-bridge'
export type { Answer, Handler, RecordedCall } from './fake-bridge'

/**
 * The day main's (fake) clock says it is for these screens. It is not the day the tests run
 * (unless they run on that very day), so a screen that used this computer's clock shows it.
 */
export const MAIN_TODAY = '2026-03-10'

export const TOPICS: ListItem[] = [
  { id: 1, kind: 'topic', name: 'Opvoeding', active: true },
  { id: 2, kind: 'topic', name: 'Werk en bijstand', active: true },
  { id: 3, kind: 'topic', name: 'Financiën en schulden', active: true },
]
const partner = (id: number, name: string, kind: Partner['kind']): Partner => ({
  id,
  name,
  kind,
  area: null,
  contactPerson: null,
  phone: null,
  email: null,
  address: null,
  helpsWith: null,
  active: true,
})
/** Referral destinations: organisations of the sociale kaart. */
export const DESTINATIONS: Partner[] = [
  partner(11, 'Schuldhulpverlening', 'debt_help'),
  partner(12, 'Voedselbank', 'food_bank'),
]

const defaults: Record<string, Handler> = {
  'lists.list': (input) => ok((input as { kind: string }).kind === 'topic' ? TOPICS : []),
  'partners.list': () => ok(DESTINATIONS),
  'settings.get': () => ok({ eligibilityMonths: 12 }),
  'shop.dashboard': () => ok(dashboard({ date: MAIN_TODAY })),
  'shop.day': () => ok(shopDay({ today: MAIN_TODAY })),
}

/** Puts a fake bridge on `window.api` with this screen's defaults; returns the recorded calls. */
export function installBridge(handlers: Record<string, Handler>): RecordedCall[] {
  return installFakeBridge(defaults, handlers)
}
