import type { Kysely, Transaction } from 'kysely'
import type { Clock } from '../clock'
import type { DB } from '../db/schema'
import type { Role } from '../../shared/types'

export interface Session {
  /** null for the built-in local admin that is used until accounts exist. */
  userId: number | null
  name: string
  role: Role
}

export const LOCAL_ADMIN: Session = { userId: null, name: 'Beheerder', role: 'admin' }

export type Db = Kysely<DB> | Transaction<DB>

export interface ServiceContext {
  db: Kysely<DB>
  clock: Clock
  session: Session
}
