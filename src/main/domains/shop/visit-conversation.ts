/**
 * The conversation of a visit: what was talked about (topics) and where the family was referred
 * (partners of the sociale kaart, each with a short note). Recorded with the visit
 * (`visits.register`) or afterwards (`visits.recordConversation`), by staff or, with the admin's
 * switch on, by the volunteer who served the family that day.
 */
import {
  AppError,
  conflict,
  notFound,
  validationError,
  type FieldError,
} from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type { Visit } from '../../../shared/schemas/shop'
import type { Db, ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { assertCounterMayOpen, assertVolunteerMay } from './counter'
import { listVisits } from './queries'

export interface ConversationInput {
  topics: number[]
  referrals: { destinationId: number; note: string | null }[]
}

/** True when the input records anything at all. */
export function hasConversation(c: ConversationInput): boolean {
  return c.topics.length > 0 || c.referrals.length > 0
}

/**
 * Every check of a conversation before anything is written: each topic an active topic of the
 * managed list, each destination an active partner, each once. What the visit already names
 * (`current`) stays allowed after it was made inactive, so re-saving a conversation does not fail
 * on a choice that is no longer offered.
 */
export async function checkConversation(
  db: Db,
  input: ConversationInput,
  current: ConversationInput = { topics: [], referrals: [] },
): Promise<void> {
  const fields: FieldError[] = []
  const topicIds = [...new Set(input.topics)]
  const destinationIds = [...new Set(input.referrals.map((r) => r.destinationId))]
  const [topics, partners] = await Promise.all([
    topicIds.length
      ? db
          .selectFrom('listItem')
          .select(['id', 'active'])
          .where('kind', '=', 'topic')
          .where('id', 'in', topicIds)
          .execute()
      : [],
    destinationIds.length
      ? db
          .selectFrom('partner')
          .select(['id', 'active'])
          .where('id', 'in', destinationIds)
          .execute()
      : [],
  ])
  const keptTopics = new Set(current.topics)
  const keptDestinations = new Set(current.referrals.map((r) => r.destinationId))
  const usableTopics = new Set(
    topics.filter((t) => t.active || keptTopics.has(t.id)).map((t) => t.id),
  )
  const usablePartners = new Set(
    partners.filter((p) => p.active || keptDestinations.has(p.id)).map((p) => p.id),
  )
  const seenTopics = new Set<number>()
  input.topics.forEach((topicId, i) => {
    if (!usableTopics.has(topicId)) fields.push({ path: `topics.${i}`, key: 'unknownOption' })
    else if (seenTopics.has(topicId)) fields.push({ path: `topics.${i}`, key: 'duplicateTopic' })
    seenTopics.add(topicId)
  })
  // One referral per destination: a second would count the same referral twice in the figures.
  const seenDestinations = new Set<number>()
  input.referrals.forEach((r, i) => {
    const path = `referrals.${i}.destinationId`
    if (!usablePartners.has(r.destinationId)) fields.push({ path, key: 'unknownOption' })
    else if (seenDestinations.has(r.destinationId)) fields.push({ path, key: 'duplicateReferral' })
    seenDestinations.add(r.destinationId)
  })
  if (fields.length) throw validationError(fields)
}

/** Replaces the visit's topics and referrals inside the caller's transaction. */
export async function writeConversation(
  trx: Db,
  visitId: number,
  input: ConversationInput,
): Promise<void> {
  await trx.deleteFrom('visitTopic').where('visitId', '=', visitId).execute()
  await trx.deleteFrom('visitReferral').where('visitId', '=', visitId).execute()
  if (input.topics.length)
    await trx
      .insertInto('visitTopic')
      .values(input.topics.map((topicId) => ({ visitId, topicId })))
      .execute()
  if (input.referrals.length)
    await trx
      .insertInto('visitReferral')
      .values(
        input.referrals.map((r) => ({ visitId, destinationId: r.destinationId, note: r.note })),
      )
      .execute()
}

/** The conversation a visit holds now, as ids, for comparing and for keeping inactive choices. */
async function currentConversation(db: Db, visitId: number): Promise<ConversationInput> {
  const [topics, referrals] = await Promise.all([
    db.selectFrom('visitTopic').select('topicId').where('visitId', '=', visitId).execute(),
    db
      .selectFrom('visitReferral')
      .select(['destinationId', 'note'])
      .where('visitId', '=', visitId)
      .orderBy('id')
      .execute(),
  ])
  return { topics: topics.map((t) => t.topicId), referrals }
}

/** The audit field names for what changed between two conversations. */
function changedParts(before: ConversationInput, after: ConversationInput): string[] {
  const sameTopics =
    before.topics.length === after.topics.length &&
    before.topics.every((t) => after.topics.includes(t))
  // Each destination once, so sorting by destination puts equal lists in the same order.
  const key = (c: ConversationInput): string =>
    JSON.stringify(
      [...c.referrals]
        .sort((a, b) => a.destinationId - b.destinationId)
        .map((r) => [r.destinationId, r.note ?? null]),
    )
  return [...(sameTopics ? [] : ['topics']), ...(key(before) === key(after) ? [] : ['referrals'])]
}

/**
 * Adds or replaces the conversation of a visit already registered. A volunteer needs the admin's
 * switch, and may do it only for a visit dated today of a household it may open (looked up on
 * this screen or booked today), as for registering it; staff for any visit.
 */
export async function recordConversation(
  ctx: ServiceContext,
  input: MethodParsed<'visits.recordConversation'>,
): Promise<Visit> {
  const counter = ctx.session.role === 'volunteer'
  // The switch first: with it off, nothing about the visit is looked at.
  await assertVolunteerMay(ctx, 'recordConversation')
  return ctx.db.transaction().execute(async (trx) => {
    const visit = await trx
      .selectFrom('visit')
      .innerJoin('household', 'household.id', 'visit.householdId')
      .select(['visit.id', 'visit.householdId', 'visit.date', 'household.anonymisedAt'])
      .where('visit.id', '=', input.visitId)
      .executeTakeFirst()
    if (!visit) {
      // The counter gets the same answer for a visit that does not exist as for one it may not
      // open, so walking the ids tells nothing.
      if (counter) throw new AppError({ code: 'FORBIDDEN', key: 'counterLookupFirst' })
      throw notFound('visit')
    }
    await assertCounterMayOpen(
      { db: trx, clock: ctx.clock, session: ctx.session },
      visit.householdId,
    )
    if (counter && visit.date !== ctx.clock.today())
      throw new AppError({ code: 'FORBIDDEN', key: 'counterTodayOnly' })
    if (visit.anonymisedAt) throw conflict('householdAnonymised')
    const before = await currentConversation(trx, visit.id)
    await checkConversation(trx, input, before)
    const fields = changedParts(before, input)
    if (fields.length) {
      await writeConversation(trx, visit.id, input)
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'visit',
        entityId: visit.id,
        householdId: visit.householdId,
        fields,
      })
    }
    const [saved] = await listVisits(trx, { id: visit.id })
    return saved
  })
}
