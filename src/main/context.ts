import type { Kysely, Transaction } from 'kysely'
import type { Clock } from './clock'
import type { DB } from './db/schema'
import type { Role } from '../shared/schemas/accounts'

/** Who did something, as the audit log records it. Unknown for a failed login. */
export interface Actor {
  userId: number | null
  userName: string | null
  role: Role | null
  /** The computer (and for the browser bridge, that it was the browser) the call came from. */
  workstation: string
}

/** A logged-in, unlocked person: what every service that is not part of logging in receives. */
export interface Session extends Actor {
  userId: number
  userName: string
  role: Role
  /** The login session the call came in (jobs.list shows a session only its own jobs). */
  sessionId?: string
  /**
   * The households this screen found by a search (see accounts/sessions' CounterLookups). Absent where no screen
   * is behind the call: a counter volunteer then opens only today's households.
   */
  lookups?: SearchLookups
}

export type Db = Kysely<DB> | Transaction<DB>

export interface ServiceContext {
  db: Kysely<DB>
  clock: Clock
  session: Session
}

/**
 * What a service may ask of the households a screen found by a search (kept with the session in
 * accounts/sessions.ts): declared here, so this layer needs nothing from a domain.
 */
export interface SearchLookups {
  remember(ids: readonly number[], nowMs: number): void
  /** True when `id` was in a search result of this screen within the last hour. */
  has(id: number, nowMs: number): boolean
}
