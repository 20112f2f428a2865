import type { AppErrorData } from '../../src/shared/errors'
import type { ListItem } from '../../src/shared/types'

/**
 * A stand-in for the preload's `window.api` in renderer tests: it records every call and answers
 * with the same `{ ok, value | error }` envelopes main sends. Only the transport is faked; the
 * renderer's own client, forms and validation run as in the app.
 */
export interface RecordedCall {
  method: string
  input: unknown
}

export type Answer = { ok: true; value: unknown } | { ok: false; error: AppErrorData }
export type Handler = (input: unknown, calls: RecordedCall[]) => Answer | Promise<Answer>

export const ok = (value: unknown): Answer => ({ ok: true, value })
export const fail = (error: AppErrorData): Answer => ({ ok: false, error })

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

/** Puts a fake bridge on `window.api`; returns the list that every call is recorded in. */
export function installBridge(handlers: Record<string, Handler>): RecordedCall[] {
  const calls: RecordedCall[] = []
  const all = { ...defaults, ...handlers }
  window.api = {
    call: async (method: string, input: unknown): Promise<unknown> => {
      calls.push({ method, input })
      const handler = all[method]
      if (!handler) return fail({ code: 'NOT_FOUND', key: 'unknownMethod' })
      return handler(input, calls)
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
