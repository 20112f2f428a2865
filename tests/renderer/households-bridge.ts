import { installFakeBridge, ok, type Handler, type RecordedCall } from './fake-bridge'
import type { ListItem } from '../../src/shared/types'

export { callsOf, describedText, fail, ok } from './fake-bridge'
export type { Answer, Handler, RecordedCall } from './fake-bridge'

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
}

/** Puts a fake bridge on `window.api` with this screen's defaults; returns the recorded calls. */
export function installBridge(handlers: Record<string, Handler>): RecordedCall[] {
  return installFakeBridge(defaults, handlers)
}
