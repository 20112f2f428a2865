import type { MethodParsed } from '../../../shared/api'
import { conflict, notFound, validationError } from '../../../shared/errors'
import { parentKindsOf, type Area, type AreaKind } from '../../../shared/schemas/areas'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { DEFINITIONS } from '../reports/definitions'
import { readAreas } from './queries'

/*
 * The areas tree (issue 17): the admin draws municipality > area > district > village, and
 * chooses per municipality the figures it asks for. Every change is logged.
 */

export async function listAreas(ctx: ServiceContext): Promise<Area[]> {
  return readAreas(ctx.db)
}

async function one(ctx: ServiceContext, id: number): Promise<Area> {
  const area = (await readAreas(ctx.db)).find((a) => a.id === id)
  if (!area) throw notFound('area')
  return area
}

export async function saveArea(
  ctx: ServiceContext,
  input: MethodParsed<'areas.save'>,
): Promise<Area> {
  const iso = ctx.clock.now().toISOString()
  const id = await ctx.db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('area')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
      .executeTakeFirst()
    if (same && same.id !== input.id) throw validationError([{ path: 'name', key: 'nameTaken' }])
    if (input.kind === 'municipality' && input.parentId !== null)
      throw validationError([{ path: 'parentId', key: 'municipalityOnTop' }])
    if (input.kind !== 'municipality') {
      if (input.parentId === null) throw validationError([{ path: 'parentId', key: 'required' }])
      const parent = await trx
        .selectFrom('area')
        .select(['id', 'kind'])
        .where('id', '=', input.parentId)
        .executeTakeFirst()
      if (!parent) throw notFound('area')
      if (!parentKindsOf(input.kind).includes(parent.kind as AreaKind))
        throw validationError([{ path: 'parentId', key: 'parentKind' }])
    }
    if (input.id === null) {
      const row = await trx
        .insertInto('area')
        .values({
          name: input.name,
          kind: input.kind,
          parentId: input.parentId,
          createdAt: iso,
          updatedAt: iso,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, ctx, {
        action: 'create',
        entityType: 'area',
        entityId: row.id,
        fields: ['name', 'kind', ...(input.parentId ? ['parentId'] : [])],
      })
      return row.id
    }
    const before = await trx
      .selectFrom('area')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!before) throw notFound('area')
    // A child must stay below its parent: a kind may not rise to or above one of its children.
    const child = await trx
      .selectFrom('area')
      .select('kind')
      .where('parentId', '=', input.id)
      .execute()
    if (child.some((c) => !parentKindsOf(c.kind as AreaKind).includes(input.kind)))
      throw validationError([{ path: 'kind', key: 'childKind' }])
    const fields = (['name', 'kind', 'parentId'] as const).filter((k) => before[k] !== input[k])
    if (fields.length) {
      await trx
        .updateTable('area')
        .set({ name: input.name, kind: input.kind, parentId: input.parentId, updatedAt: iso })
        .where('id', '=', input.id)
        .execute()
      if (input.kind !== 'municipality')
        await trx.deleteFrom('areaIndicator').where('areaId', '=', input.id).execute()
      await audit(trx, ctx, { action: 'update', entityType: 'area', entityId: input.id, fields })
    }
    return input.id
  })
  return one(ctx, id)
}

/** Removes an area without areas under it; the records keep their district's name. */
export async function removeArea(
  ctx: ServiceContext,
  input: MethodParsed<'areas.remove'>,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const area = await trx
      .selectFrom('area')
      .select('id')
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!area) throw notFound('area')
    const child = await trx
      .selectFrom('area')
      .select('id')
      .where('parentId', '=', input.id)
      .executeTakeFirst()
    if (child) throw conflict('areaHasChildren')
    await trx.deleteFrom('areaIndicator').where('areaId', '=', input.id).execute()
    await trx.deleteFrom('area').where('id', '=', input.id).execute()
    await audit(trx, ctx, { action: 'delete', entityType: 'area', entityId: input.id })
  })
}

/** A figure key the report can print: a definition's key, or a row of its breakdown. */
export function knownFigureKey(key: string): boolean {
  return Object.keys(DEFINITIONS).some((d) => key === d || key.startsWith(`${d}.`))
}

/** The figures a municipality asks for; an empty list: every figure. */
export async function setIndicators(
  ctx: ServiceContext,
  input: MethodParsed<'areas.setIndicators'>,
): Promise<Area> {
  const unknown = input.keys.findIndex((k) => !knownFigureKey(k))
  if (unknown >= 0) throw validationError([{ path: `keys.${unknown}`, key: 'figureKey' }])
  await ctx.db.transaction().execute(async (trx) => {
    const area = await trx
      .selectFrom('area')
      .select('kind')
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!area) throw notFound('area')
    if (area.kind !== 'municipality')
      throw validationError([{ path: 'id', key: 'notMunicipality' }])
    await trx.deleteFrom('areaIndicator').where('areaId', '=', input.id).execute()
    if (input.keys.length)
      await trx
        .insertInto('areaIndicator')
        .values(input.keys.map((figureKey) => ({ areaId: input.id, figureKey })))
        .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'area',
      entityId: input.id,
      fields: ['indicators'],
    })
  })
  return one(ctx, input.id)
}
