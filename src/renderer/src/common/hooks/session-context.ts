// The session's context on its own, without the method table of use-session.ts: the auth gate
// (part of the login screen's bundle) provides it, and the method table with every schema stays
// in the app's chunk.
import { createContext } from 'react'
import type { LOCK_REASONS } from '../../../../shared/schemas/accounts'
import type { SessionInfo } from '../../../../shared/schemas/accounts'

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
