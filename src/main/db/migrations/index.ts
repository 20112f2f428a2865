import type { Migration } from 'kysely'
import * as m0001 from './0001-shop'
import * as m0002 from './0002-accounts'

/**
 * Every migration, in order, listed by hand: a bundled main process cannot scan a folder.
 * Names never change once released.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-shop': m0001,
  '0002-accounts': m0002,
}
