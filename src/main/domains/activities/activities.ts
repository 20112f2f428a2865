import { sql, type RawBuilder } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import type { Activity, AdviceTally } from '../../../shared/schemas/activities'
import type { ServiceContext } from '../../context'
import { audit, changedFields, filledFields } from '../audit/audit'
import { ACTIVITY_COLUMNS, matchActivities } from './queries'

/** A period's register holds tens to hundreds of rows; more than this is never one screen. */
const LIST_LIMIT = 2000

/** The same words as the area asked, up to case (as the reports filter). */
function inArea(column: string, area: string | null): RawBuilder<boolean> {
  return sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) = ${(area ?? '').toLowerCase()}`
}

/** The activities of a period, newest first, optionally of one kind and area. */
export async function listActivities(
  ctx: ServiceContext,
  input: MethodParsed<'activities.list'>,
): Promise<Activity[]> {
  const rows = await matchActivities(ctx.db, input)
    .leftJoin('account as u', 'u.id', 'a.createdBy')
    .select(['a.id', ...ACTIVITY_COLUMNS, 'a.notes', 'u.displayName as createdByName'])
    .orderBy('a.date', 'desc')
    .orderBy('a.id', 'desc')
    .limit(LIST_LIMIT)
    .execute()
  return rows
}

export async function createActivity(
  ctx: ServiceContext,
  input: MethodParsed<'activities.create'>,
): Promise<Activity> {
  const iso = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('activity')
      .values({ ...input, createdAt: iso, createdBy: ctx.session.userId, updatedAt: iso })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'activity',
      entityId: id,
      fields: filledFields(input),
    })
    return { id, ...input, createdByName: ctx.session.userName }
  })
}

export async function updateActivity(
  ctx: ServiceContext,
  input: MethodParsed<'activities.update'>,
): Promise<Activity> {
  const { id, ...fields } = input
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('activity as a')
      .leftJoin('account as u', 'u.id', 'a.createdBy')
      .select([...ACTIVITY_COLUMNS, 'a.notes', 'u.displayName as createdByName'])
      .where('a.id', '=', id)
      .executeTakeFirst()
    if (!before) throw notFound('activity')
    const { createdByName, ...old } = before
    const changed = changedFields(old, fields)
    if (changed.length) {
      await trx
        .updateTable('activity')
        .set({ ...fields, updatedAt: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'activity',
        entityId: id,
        fields: changed,
      })
    }
    return { id, ...fields, createdByName }
  })
}

export async function removeActivity(
  ctx: ServiceContext,
  input: MethodParsed<'activities.remove'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('activity').where('id', '=', input.id).executeTakeFirst()
    if (!gone.numDeletedRows) throw notFound('activity')
    await audit(trx, ctx, { action: 'delete', entityType: 'activity', entityId: input.id })
  })
}

/** Adds a count of information-and-advice contacts to a day (a tally: nobody's name). */
export async function addAdvice(
  ctx: ServiceContext,
  input: MethodParsed<'activities.addAdvice'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('adviceTally')
      .values({
        ...input,
        createdAt: ctx.clock.now().toISOString(),
        createdBy: ctx.session.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'adviceTally',
      entityId: id,
      fields: ['count'],
    })
  })
}

/** The tally of a period per day and area, and its total. */
export async function adviceTally(
  ctx: ServiceContext,
  input: MethodParsed<'activities.adviceTally'>,
): Promise<AdviceTally> {
  const rows = await ctx.db
    .selectFrom('adviceTally')
    .select(['date', 'area', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('date', '>=', input.from)
    .where('date', '<=', input.to)
    .$if(input.area !== null, (q) => q.where(inArea('area', input.area)))
    .groupBy(['date', 'area'])
    .orderBy('date', 'desc')
    .execute()
  const days = rows.map((r) => ({ date: r.date, area: r.area, count: Number(r.n) }))
  return {
    from: input.from,
    to: input.to,
    total: days.reduce((n, d) => n + d.count, 0),
    days,
  }
}
