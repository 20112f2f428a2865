import type { Kysely, Transaction } from 'kysely'
import type { DB } from './schema'

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` already is one. A service
 * that is also called for many records at once (the spreadsheet import writes every row through
 * `households.create` in one transaction) then joins that transaction instead of failing, since
 * Kysely does not nest them.
 */
export function inTransaction<T>(
  db: Kysely<DB>,
  work: (trx: Kysely<DB> | Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
