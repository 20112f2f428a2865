import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError, type FieldError } from '../../../shared/errors'
import { addDays, toDutchDate } from '../../../shared/dates'
import type {
  Collection,
  CollectionCallEntry,
  CollectionCallList,
  NoticeWay,
} from '../../../shared/schemas/collections'
import type { ServiceContext } from '../../context'
import { dateInZone } from '../../clock'
import { audit } from '../audit/audit'
import { invitableOn, sameDistrict } from '../shop/queries'
import { findCollection, listCollections as listAll } from './queries'

/** Collections before the shop kept records are not plausible; a typo such as 1026 is refused. */
const FIRST_DAY = '2000-01-01'
/** A collection is entered when it is announced: at most a year before it comes in. */
const AHEAD_DAYS = 366

export async function listCollections(ctx: ServiceContext): Promise<Collection[]> {
  return listAll(ctx.db, ctx.clock.today())
}

function arrivalProblems(ctx: ServiceContext, arrivesOn: string): FieldError[] {
  if (arrivesOn < FIRST_DAY)
    return [{ path: 'arrivesOn', key: 'dateTooEarly', params: { date: toDutchDate(FIRST_DAY) } }]
  const latest = addDays(ctx.clock.today(), AHEAD_DAYS)
  if (arrivesOn > latest)
    return [{ path: 'arrivesOn', key: 'arrivesTooFar', params: { date: toDutchDate(latest) } }]
  return []
}

async function getOrThrow(
  ctx: ServiceContext,
  id: number,
): Promise<Collection & { createdAt: string }> {
  const c = await findCollection(ctx.db, id, ctx.clock.today())
  if (!c) throw notFound('collection')
  return c
}

export async function createCollection(
  ctx: ServiceContext,
  input: MethodParsed<'collections.create'>,
): Promise<Collection> {
  const problems = arrivalProblems(ctx, input.arrivesOn)
  if (problems.length) throw validationError(problems)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString()
    const { id } = await trx
      .insertInto('collection')
      .values({
        name: input.name,
        season: input.season,
        arrivesOn: input.arrivesOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'collection',
      entityId: id,
      fields: ['name', 'season', 'arrivesOn'],
    })
    return id
  })
  return getOrThrow(ctx, id)
}

/**
 * Name, season and arrival can be put right at any time, also after the collection left (its
 * arrival then still lies on or before the day it left).
 */
export async function updateCollection(
  ctx: ServiceContext,
  input: MethodParsed<'collections.update'>,
): Promise<Collection> {
  const before = await getOrThrow(ctx, input.id)
  const problems = arrivalProblems(ctx, input.arrivesOn)
  if (!problems.length && before.leftOn && input.arrivesOn > before.leftOn)
    problems.push({
      path: 'arrivesOn',
      key: 'arrivesAfterLeft',
      params: { date: toDutchDate(before.leftOn) },
    })
  if (problems.length) throw validationError(problems)
  const fields = (['name', 'season', 'arrivesOn'] as const).filter((f) => before[f] !== input[f])
  if (fields.length)
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('collection')
        .set({
          name: input.name,
          season: input.season,
          arrivesOn: input.arrivesOn,
          updatedAt: ctx.clock.now().toISOString(),
        })
        .where('id', '=', input.id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'collection',
        entityId: input.id,
        fields,
      })
    })
  return getOrThrow(ctx, input.id)
}

/**
 * The families to tell of a collection: every household that may be invited today (active, not
 * anonymised, its right holding today), plus every family already told of this collection that
 * is not anonymised (so the count of those told does not drop when a right runs out later).
 * Optionally one district, and only those told or not told; the counts are over the district's
 * whole list. Ordered by name, as a list to ring down.
 */
export async function collectionCallList(
  ctx: ServiceContext,
  input: MethodParsed<'collections.callList'>,
): Promise<CollectionCallList> {
  const collection = await getOrThrow(ctx, input.id)
  const { createdAt: _c, ...shown } = collection
  const today = ctx.clock.today()
  const base = ctx.db
    .selectFrom('household as h')
    .leftJoin('collectionNotice as n', (j) =>
      j.onRef('n.householdId', '=', 'h.id').on('n.collectionId', '=', input.id),
    )
    .where('h.anonymisedAt', 'is', null)
    .where((eb) => eb.or([eb('n.id', 'is not', null), invitableOn(today)]))
    .$if(!!input.district, (q) => q.where(sameDistrict(input.district ?? null)))
  const counts = await base
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('n.id').as('told')])
    .executeTakeFirstOrThrow()
  const rows = await base
    .select([
      'h.id as householdId',
      'h.reference',
      'h.contactName',
      'h.phone',
      'h.email',
      'h.district',
      'n.date',
      'n.how',
      'n.by',
    ])
    .$if(input.told === 'told', (q) => q.where('n.id', 'is not', null))
    .$if(input.told === 'notTold', (q) => q.where('n.id', 'is', null))
    .orderBy('h.searchName')
    .orderBy('h.id')
    .execute()
  const entries: CollectionCallEntry[] = rows.map((r) => ({
    householdId: r.householdId,
    reference: r.reference,
    contactName: r.contactName,
    phone: r.phone,
    email: r.email,
    district: r.district,
    notice:
      r.date && r.how && r.by !== null ? { date: r.date, how: r.how as NoticeWay, by: r.by } : null,
  }))
  return {
    collection: shown,
    entries,
    counts: { total: Number(counts.total), told: Number(counts.told) },
  }
}

/**
 * "Verteld": the family was told of the collection on a day, in a way, by the user. One notice
 * per family per collection: telling again (another day or way) replaces the first, logged as a
 * change. A collection that left is told about no more; a family told of it must be on its list
 * (it may be invited today), unless its notice is being put right.
 */
export async function markTold(
  ctx: ServiceContext,
  input: MethodParsed<'collections.markTold'>,
): Promise<{ id: number; householdId: number; date: string; how: NoticeWay; by: string }> {
  const today = ctx.clock.today()
  return ctx.db.transaction().execute(async (trx) => {
    const c = await findCollection(trx, input.id, today)
    if (!c) throw notFound('collection')
    if (c.leftOn) throw conflict('collectionLeft', { date: toDutchDate(c.leftOn) })
    const made = dateInZone(new Date(c.createdAt))
    if (input.date > today) throw validationError([{ path: 'date', key: 'futureDate' }])
    if (input.date < made)
      throw validationError([
        { path: 'date', key: 'toldBeforeCollection', params: { date: toDutchDate(made) } },
      ])
    const h = await trx
      .selectFrom('household as h')
      .select(['h.id', 'h.anonymisedAt', invitableOn(today).as('invitable')])
      .where('h.id', '=', input.householdId)
      .executeTakeFirst()
    if (!h) throw notFound('household')
    if (h.anonymisedAt) throw conflict('householdAnonymised')
    const existing = await trx
      .selectFrom('collectionNotice')
      .select(['id', 'date', 'how', 'by'])
      .where('collectionId', '=', c.id)
      .where('householdId', '=', h.id)
      .executeTakeFirst()
    // Who told the family, by the name colleagues know (as "geholpen door" on a visit).
    const account = await trx
      .selectFrom('account')
      .select('displayName')
      .where('id', '=', ctx.session.userId)
      .executeTakeFirst()
    const by = account?.displayName ?? ctx.session.userName
    const now = ctx.clock.now().toISOString()
    if (existing) {
      const fields = [
        ...(existing.date !== input.date ? ['date'] : []),
        ...(existing.how !== input.how ? ['how'] : []),
        ...(existing.by !== by ? ['by'] : []),
      ]
      // Told again the same day, the same way, by the same person: nothing changed, nothing logged.
      if (!fields.length)
        return { id: existing.id, householdId: h.id, date: input.date, how: input.how, by }
      await trx
        .updateTable('collectionNotice')
        .set({ date: input.date, how: input.how, by, updatedAt: now })
        .where('id', '=', existing.id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'collectionNotice',
        entityId: existing.id,
        householdId: h.id,
        fields,
      })
      return { id: existing.id, householdId: h.id, date: input.date, how: input.how, by }
    }
    if (!h.invitable) throw conflict('notOnCollectionList')
    const { id } = await trx
      .insertInto('collectionNotice')
      .values({
        collectionId: c.id,
        householdId: h.id,
        date: input.date,
        how: input.how,
        by,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'collectionNotice',
      entityId: id,
      householdId: h.id,
      fields: ['collectionId', 'date', 'how', 'by'],
    })
    return { id, householdId: h.id, date: input.date, how: input.how, by }
  })
}

/**
 * "Collectie vertrekt": the day it left the shop (not before it came, not in the future) and
 * where it went, a partner project or only a note. Once left, it is told about no more. Calling
 * it again on a collection that left puts the departure right (a wrong day, partner or note),
 * logged as a change of only the fields that differ; families are still told about it no more.
 */
export async function leaveCollection(
  ctx: ServiceContext,
  input: MethodParsed<'collections.leave'>,
): Promise<Collection> {
  const today = ctx.clock.today()
  await ctx.db.transaction().execute(async (trx) => {
    const c = await findCollection(trx, input.id, today)
    if (!c) throw notFound('collection')
    const problems: FieldError[] = []
    if (input.date > today) problems.push({ path: 'date', key: 'futureDate' })
    else if (input.date < c.arrivesOn)
      problems.push({
        path: 'date',
        key: 'leftBeforeArrival',
        params: { date: toDutchDate(c.arrivesOn) },
      })
    if (input.partnerId !== null) {
      const p = await trx
        .selectFrom('partner')
        .select(['id', 'active'])
        .where('id', '=', input.partnerId)
        .executeTakeFirst()
      // A partner no longer in use is not offered; it may stay on a departure already recorded.
      const kept = (c.leftTo?.id ?? null) === input.partnerId
      if (!p || (p.active !== 1 && !kept))
        problems.push({ path: 'partnerId', key: 'partnerUnknown' })
    }
    if (problems.length) throw validationError(problems)
    const fields = c.leftOn
      ? [
          ...(c.leftOn !== input.date ? ['leftOn'] : []),
          ...((c.leftTo?.id ?? null) !== input.partnerId ? ['leftToPartnerId'] : []),
          ...(c.leftNote !== input.note ? ['leftNote'] : []),
        ]
      : [
          'leftOn',
          ...(input.partnerId !== null ? ['leftToPartnerId'] : []),
          ...(input.note !== null ? ['leftNote'] : []),
        ]
    // A correction that changes nothing writes nothing, as an unchanged update does.
    if (!fields.length) return
    await trx
      .updateTable('collection')
      .set({
        leftOn: input.date,
        leftToPartnerId: input.partnerId,
        leftNote: input.note,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', c.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'collection',
      entityId: c.id,
      fields,
    })
  })
  return getOrThrow(ctx, input.id)
}
