import { createContext, useContext } from 'react'
import { api, type MethodName } from '../../../../shared/api'
import type { LOCK_REASONS } from '../../../../shared/schemas/accounts'
import type { Role, SessionInfo } from '../../../../shared/schemas/accounts'

export type LockReason = (typeof LOCK_REASONS)[number]

/** What the app shell gets from the auth gate: who is at the screen and what they can do. */
export interface SessionApi {
  session: SessionInfo
  /** The organisation's name as main knows it, for the header; null before it is known. */
  organisationName: string | null
  lock: (reason: LockReason) => void
  logout: () => void
  /** Takes a session main answered with (after a password change, for example). */
  update: (session: SessionInfo) => void
  setOrganisationName: (name: string) => void
  /** A backup was restored and main ended every session: the login screen, saying so. */
  restored: () => void
}

export const SessionContext = createContext<SessionApi | null>(null)

export function useSessionApi(): SessionApi {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSessionApi outside the auth gate')
  return value
}

export function useSession(): SessionInfo {
  return useSessionApi().session
}

/**
 * Whether a role may call a method, read from the contract itself (`api.ts`), so the UI offers
 * exactly what main will accept. Main checks it again on every call.
 */
export function canCall(role: Role, method: MethodName): boolean {
  const roles = api[method].roles
  return roles === 'public' || roles.includes(role)
}

/** `can('households.create')` for the person at the screen. */
export function useCan(): (method: MethodName) => boolean {
  const { role } = useSession().user
  return (method) => canCall(role, method)
}
