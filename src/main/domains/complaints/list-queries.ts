import { sql, type ExpressionBuilder } from 'kysely'
import type { ComplaintListFilter } from '../../../shared/schemas/complaints'
import { searchKey } from '../../../shared/search-key'
import type { Db } from '../../context'
import type { DB } from '../../db/schema'

/** The complaints list's filters: open, closed or all; a year of receipt; a category; a search. */
export interface ComplaintMatch {
  state: ComplaintListFilter
  year?: number | null
  categoryId?: number | null
  q: string | null
}

/**
 * The complaints the filters find, as the list screen and its export both filter them. `q` is a
 * number (K-2026-007, 2026-7, 7) or part of the complainant's name.
 */
export function matchComplaints(db: Db, input: ComplaintMatch) {
  let q = db.selectFrom('complaint as c')
  if (input.state === 'open') q = q.where('c.closedOn', 'is', null)
  if (input.state === 'closed') q = q.where('c.closedOn', 'is not', null)
  if (input.year != null) q = q.where('c.year', '=', input.year)
  if (input.categoryId != null) q = q.where('c.categoryId', '=', input.categoryId)
  if (input.q) {
    const num = /^\s*(?:k\s*-?\s*)?(?:(\d{4})\s*-\s*)?0*(\d{1,6})\s*$/i.exec(input.q)
    if (num) {
      const seq = Number(num[2])
      q = q.where('c.seq', '=', seq)
      if (num[1]) q = q.where('c.year', '=', Number(num[1]))
    } else {
      const like = `%${searchKey(input.q).replace(/[\\%_]/g, (m) => `\\${m}`)}%`
      q = q.where((eb: ExpressionBuilder<DB & { c: DB['complaint'] }, 'c'>) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('household as h2')
              .select('h2.id')
              .whereRef('h2.id', '=', 'c.householdId')
              .where(sql<boolean>`h2.search_name like ${like} escape '\\'`),
          ),
          eb.exists(
            eb
              .selectFrom('person as p2')
              .select('p2.id')
              .whereRef('p2.id', '=', 'c.personId')
              .where(sql<boolean>`p2.search_name like ${like} escape '\\'`),
          ),
          sql<boolean>`lower(c.complainant_name) like ${like} escape '\\'`,
        ]),
      )
    }
  }
  return q
}

/** The due day of the open term first; a term met leaves the decision's, then the receipt. */
export const nextDue = sql<string>`case when c.acknowledged_on is null then c.ack_due_on
  when c.decided_on is null then c.decision_due_on else '9999-12-31' end`

export async function countComplaints(db: Db, input: ComplaintMatch): Promise<number> {
  const r = await matchComplaints(db, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * A complaint as the exported list has it: its course and terms, never a free text (what it is
 * about, the wish, the timeline) nor who complained.
 */
export interface ComplaintListRow {
  number: string
  receivedOn: string
  channel: string
  complainantKind: string
  category: string
  aboutKind: string
  handler: string | null
  step: number
  ackDueOn: string
  acknowledgedOn: string | null
  decisionDueOn: string
  decidedOn: string | null
  outcome: string | null
  closedOn: string | null
}

/** One page of the complaints, in the list's order (open ones by their next term). */
export async function complaintListPage(
  db: Db,
  input: ComplaintMatch,
  offset: number,
  limit: number,
): Promise<ComplaintListRow[]> {
  const ids = matchComplaints(db, input).select('c.id')
  let q = db
    .selectFrom('complaint as c')
    .innerJoin('complaintCategory as k', 'k.id', 'c.categoryId')
    .leftJoin('account as hd', 'hd.id', 'c.handlerId')
    .where('c.id', 'in', ids)
    .select([
      'c.number',
      'c.receivedOn',
      'c.channel',
      'c.complainantKind',
      'k.name as category',
      'c.aboutKind',
      'hd.displayName as handler',
      'c.step',
      'c.ackDueOn',
      'c.acknowledgedOn',
      'c.decisionDueOn',
      'c.decidedOn',
      'c.outcome',
      'c.closedOn',
    ])
  q =
    input.state === 'open'
      ? q.orderBy(nextDue).orderBy('c.id')
      : q.orderBy('c.receivedOn', 'desc').orderBy('c.id', 'desc')
  const rows = await q.limit(limit).offset(offset).execute()
  return rows.map((r) => ({ ...r, handler: r.handler ?? null }))
}
