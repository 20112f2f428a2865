import type { Kysely, Transaction } from 'kysely'
import type { Clock } from './clock'
import type { DB } from './db/schema'
import type { Role } from '../shared/schemas/accounts'
import type { CounterLookups } from './domains/accounts/sessions'

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
  /**
   * The households this screen found by a search (see CounterLookups). Absent where no screen
   * is behind the call: a counter volunteer then opens only today's households.
   */
  lookups?: CounterLookups
}

export type Db = Kysely<DB> | Transaction<DB>

export interface ServiceContext {
  db: Kysely<DB>
  clock: Clock
  session: Session
}
