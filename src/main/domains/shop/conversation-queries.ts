/**
 * Reads of the conversations at visits (topics and referrals, migration 0011) and of a family's
 * earlier conversations as the counter may see them. Imports only the database schema, the
 * context and src/shared, like queries.ts.
 */
import type { NamedRef } from '../../../shared/schemas/common'
import type { ConversationHistoryEntry, Visit, VisitReferral } from '../../../shared/schemas/shop'
import type { Db } from '../../context'

export interface VisitConversation {
  topics: NamedRef[]
  referrals: { destination: NamedRef; note: string | null }[]
}

/** The conversation of each of the given visits (empty lists for a visit without one). */
export async function visitConversations(
  db: Db,
  visitIds: number[],
): Promise<Map<number, VisitConversation>> {
  const byVisit = new Map<number, VisitConversation>(
    visitIds.map((id) => [id, { topics: [], referrals: [] }]),
  )
  if (!visitIds.length) return byVisit
  const [topics, referrals] = await Promise.all([
    db
      .selectFrom('visitTopic')
      .innerJoin('listItem', 'listItem.id', 'visitTopic.topicId')
      .select(['visitTopic.visitId', 'listItem.id', 'listItem.name'])
      .where('visitTopic.visitId', 'in', visitIds)
      .orderBy('listItem.sort')
      .orderBy('listItem.name')
      .execute(),
    db
      .selectFrom('visitReferral')
      .innerJoin('partner', 'partner.id', 'visitReferral.destinationId')
      .select(['visitReferral.visitId', 'partner.id', 'partner.name', 'visitReferral.note'])
      .where('visitReferral.visitId', 'in', visitIds)
      .orderBy('visitReferral.id')
      .execute(),
  ])
  for (const t of topics) byVisit.get(t.visitId)?.topics.push({ id: t.id, name: t.name })
  for (const r of referrals)
    byVisit
      .get(r.visitId)
      ?.referrals.push({ destination: { id: r.id, name: r.name }, note: r.note })
  return byVisit
}

/** What the counter sees of a visit's conversation: see `getHousehold`. */
export type ConversationView = 'full' | 'withoutNotes' | 'none'

/** A visit as a caller with `view` may read it: notes of referrals or the conversation left out. */
export function visitWithConversation(visit: Visit, view: ConversationView): Visit {
  const { topics, referrals, ...rest } = visit
  if (view === 'none') return rest
  if (view === 'full') return visit
  return {
    ...rest,
    topics,
    referrals: referrals?.map((r): VisitReferral => ({ destination: r.destination })),
  }
}

/**
 * A family's earlier conversations, intakes and visits alike, newest first, as a volunteer with
 * the history switch may see them: the day, the topics and the destinations. The notes of the
 * intake, the visit and the referrals are not read at all, so no later change can let them slip
 * through.
 */
export async function conversationHistory(
  db: Db,
  householdId: number,
): Promise<ConversationHistoryEntry[]> {
  const [intakeTopics, intakeReferrals, visitTopics, visitReferrals] = await Promise.all([
    db
      .selectFrom('intakeTopic as t')
      .innerJoin('intake as i', 'i.id', 't.intakeId')
      .innerJoin('listItem as l', 'l.id', 't.topicId')
      .select(['i.id as ownerId', 'i.date', 'l.id', 'l.name'])
      .where('i.householdId', '=', householdId)
      .orderBy('l.sort')
      .orderBy('l.name')
      .execute(),
    db
      .selectFrom('intakeReferral as r')
      .innerJoin('intake as i', 'i.id', 'r.intakeId')
      .innerJoin('partner as p', 'p.id', 'r.destinationId')
      .select(['i.id as ownerId', 'i.date', 'p.id', 'p.name'])
      .where('i.householdId', '=', householdId)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('visitTopic as t')
      .innerJoin('visit as v', 'v.id', 't.visitId')
      .innerJoin('listItem as l', 'l.id', 't.topicId')
      .select(['v.id as ownerId', 'v.date', 'l.id', 'l.name'])
      .where('v.householdId', '=', householdId)
      .orderBy('l.sort')
      .orderBy('l.name')
      .execute(),
    db
      .selectFrom('visitReferral as r')
      .innerJoin('visit as v', 'v.id', 'r.visitId')
      .innerJoin('partner as p', 'p.id', 'r.destinationId')
      .select(['v.id as ownerId', 'v.date', 'p.id', 'p.name'])
      .where('v.householdId', '=', householdId)
      .orderBy('r.id')
      .execute(),
  ])
  const entries = new Map<string, ConversationHistoryEntry>()
  const entry = (kind: 'intake' | 'visit', id: number, date: string): ConversationHistoryEntry => {
    const key = `${kind}-${id}`
    let e = entries.get(key)
    if (!e) {
      e = { kind, id, date, topics: [], destinations: [] }
      entries.set(key, e)
    }
    return e
  }
  for (const t of intakeTopics) entry('intake', t.ownerId, t.date).topics.push(ref(t))
  for (const r of intakeReferrals) entry('intake', r.ownerId, r.date).destinations.push(ref(r))
  for (const t of visitTopics) entry('visit', t.ownerId, t.date).topics.push(ref(t))
  for (const r of visitReferrals) entry('visit', r.ownerId, r.date).destinations.push(ref(r))
  return [...entries.values()].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      // On one day the intake came first, then the visit.
      (a.kind === b.kind ? b.id - a.id : a.kind === 'visit' ? -1 : 1),
  )
}

function ref(row: { id: number; name: string }): NamedRef {
  return { id: row.id, name: row.name }
}
