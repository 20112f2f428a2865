import { installFakeBridge, ok, type Handler, type RecordedCall } from './fake-bridge'
import { dashboard } from './shop-bridge'
import type { ListItem } from '../../src/shared/schemas/lists'

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
export const DESTINATIONS: ListItem[] = [
  { id: 11, kind: 'destination', name: 'Schuldhulpverlening', active: true },
  { id: 12, kind: 'destination', name: 'Voedselbank', active: true },
]

const defaults: Record<string, Handler> = {
  'lists.list': (input) => ok((input as { kind: string }).kind === 'topic' ? TOPICS : DESTINATIONS),
  'settings.get': () => ok({ eligibilityMonths: 12 }),
  'shop.dashboard': () => ok(dashboard({ date: MAIN_TODAY })),
}

/** Puts a fake bridge on `window.api` with this screen's defaults; returns the recorded calls. */
export function installBridge(handlers: Record<string, Handler>): RecordedCall[] {
  return installFakeBridge(defaults, handlers)
}
