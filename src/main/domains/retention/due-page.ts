import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../context'
import type { RetentionDueRow } from '../../../shared/schemas/retention'

/** A record due for erasure as its kind finds it; the list adds the kind. */
export type DueRecord = Omit<RetentionDueRow, 'kind'>

/** Which slice of a kind's due records a screen shows. */
export interface DuePage {
  limit: number
  offset: number
}

/** One page of a kind's due records, oldest first, and how many are due in all. */
export interface DueSlice {
  total: number
  rows: DueRecord[]
}

/** What a kind tells about the records of one page, by id. */
export type DueDetails = Omit<DueRecord, 'id' | 'lastContact'>

/**
 * The due records of one kind, paged: `lastContact` is the kind's last-contact expression over
 * the table aliased `alias` (`from` holds its FROM and WHERE without the cutoff). The expression
 * is evaluated once per record in a materialized CTE (a WHERE and an ORDER BY on it would each
 * evaluate it again); only ids and days leave SQL, and only the page's records are described.
 */
export async function pageOfDue(
  db: Db,
  query: { select: RawBuilder<unknown>; cutoff: string },
  page: DuePage,
  describe: (ids: number[]) => Promise<Map<number, DueDetails>>,
): Promise<DueSlice> {
  const { rows: order } = await sql<{ id: number; lastContact: string }>`with due as materialized (
      ${query.select})
    select id, last_contact from due where last_contact < ${query.cutoff}
    order by last_contact, id`.execute(db)
  const slice = order.slice(page.offset, page.offset + page.limit)
  const details = slice.length ? await describe(slice.map((r) => r.id)) : new Map()
  const rows: DueRecord[] = []
  for (const r of slice) {
    const d = details.get(r.id)
    // A record erased between the two reads is left out of the page rather than shown blank.
    if (d) rows.push({ id: r.id, lastContact: r.lastContact, ...d })
  }
  return { total: order.length, rows }
}
