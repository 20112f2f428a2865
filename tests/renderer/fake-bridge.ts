import type { AppErrorData } from '../../src/shared/errors'
import type { SessionInfo } from '../../src/shared/schemas/accounts'

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

/** A coordinator at an unlocked screen: what `auth.session` answers unless a test says otherwise. */
export const LOGGED_IN: SessionInfo = {
  user: { id: 2, username: 'carla', displayName: 'Carla Coördinator', role: 'coordinator' },
  locked: false,
  mustChangePassword: false,
  lockMinutes: 10,
  recoveryKeyMissing: false,
}

/** The auth gate's calls, so a test of the whole app starts logged in. */
const AUTH_DEFAULTS: Record<string, Handler> = {
  'setup.status': () =>
    ok({ needsSetup: false, organisationName: 'Kledingbank Test', canRestore: false }),
  'auth.session': () => ok(LOGGED_IN),
  'auth.lock': () => ok({ ...LOGGED_IN, locked: true }),
  'auth.logout': () => ok({ loggedOut: true }),
}

/** Puts a fake bridge on `window.api`; returns the list that every call is recorded in. */
export function installFakeBridge(
  defaults: Record<string, Handler>,
  handlers: Record<string, Handler>,
): RecordedCall[] {
  const calls: RecordedCall[] = []
  const all = { ...AUTH_DEFAULTS, ...defaults, ...handlers }
  window.api = {
    call: async (method: string, input: unknown): Promise<unknown> => {
      calls.push({ method, input })
      const handler = all[method]
      if (!handler) return fail({ code: 'NOT_FOUND', key: 'unknownMethod' })
      return handler(input, calls)
    },
    // Saving a download ticket is recorded as a call of 'save'; main's dialog "saves" it.
    save: async (ticket: string): Promise<unknown> => {
      calls.push({ method: 'save', input: ticket })
      const handler = all.save
      return handler ? handler(ticket, calls) : ok({ saved: true })
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
