import { useContext } from 'react'
import { api, type MethodName } from '../../../../shared/api'
import type { Role, SessionInfo } from '../../../../shared/schemas/accounts'
import { SessionContext, type SessionApi } from './session-context'

export { SessionContext, type LockReason, type SessionApi } from './session-context'

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
