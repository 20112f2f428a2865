import type { AppErrorData } from '../../src/shared/errors'
import type { Appointment, Dashboard, ListItem, ShopSettings } from '../../src/shared/types'
import { DEFAULT_SHOP_SETTINGS } from '../../src/shared/schemas/shop'

/**
 * A stand-in for the preload's `window.api` in the shop screens' tests: it records every call and
 * answers with the envelopes main sends. Only the transport is faked; the renderer's client,
 * forms and validation run as in the app.
 */
export interface RecordedCall {
  method: string
  input: unknown
}

export type Answer = { ok: true; value: unknown } | { ok: false; error: AppErrorData }
export type Handler = (input: unknown) => Answer | Promise<Answer>

export const ok = (value: unknown): Answer => ({ ok: true, value })
export const fail = (error: AppErrorData): Answer => ({ ok: false, error })

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
    week: { from: '2026-03-09', to: '2026-03-15', slots: [], freeTotal: 0 },
    expiring: [],
    toInvite: { count: 0, notSeenSince: '2026-01-13', sample: [] },
    ...patch,
  }
}

export const CATEGORIES: ListItem[] = [
  { id: 21, kind: 'category', name: 'Kleding', active: true },
  { id: 22, kind: 'category', name: 'Schoenen', active: true },
  { id: 23, kind: 'category', name: 'Speelgoed', active: true },
]

export const SETTINGS: ShopSettings = DEFAULT_SHOP_SETTINGS

const defaults: Record<string, Handler> = {
  'shop.dashboard': () => ok(dashboard()),
  'settings.get': () => ok(SETTINGS),
  'lists.list': () => ok(CATEGORIES),
}

/** Puts a fake bridge on `window.api`; returns the list that every call is recorded in. */
export function installBridge(handlers: Record<string, Handler> = {}): RecordedCall[] {
  const calls: RecordedCall[] = []
  const all = { ...defaults, ...handlers }
  window.api = {
    call: async (method: string, input: unknown): Promise<unknown> => {
      calls.push({ method, input })
      const handler = all[method]
      if (!handler) return fail({ code: 'NOT_FOUND', key: 'unknownMethod' })
      return handler(input)
    },
  }
  return calls
}

export function callsOf(calls: RecordedCall[], method: string): unknown[] {
  return calls.filter((c) => c.method === method).map((c) => c.input)
}

/** The texts that an input's aria-describedby points at: its error, description, ... */
export function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ')
}
