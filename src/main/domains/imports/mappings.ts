import type { MethodParsed } from '../../../shared/api'
import { notFound } from '../../../shared/errors'
import type { ImportSavedMapping } from '../../../shared/schemas/imports'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { listMappings } from './queries'

export async function importMappings(
  ctx: ServiceContext,
  input: MethodParsed<'imports.mappings.list'>,
): Promise<ImportSavedMapping[]> {
  return listMappings(ctx.db, input.kind)
}

/**
 * `imports.mappings.save`: keeps a mapping under its name for its kind; the same name (whatever its
 * case) replaces the one saved before.
 */
export async function saveMapping(
  ctx: ServiceContext,
  input: MethodParsed<'imports.mappings.save'>,
): Promise<ImportSavedMapping> {
  const now = ctx.clock.now().toISOString()
  const mapping = JSON.stringify(input.mapping)
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('importMapping')
      .select('id')
      .where('kind', '=', input.kind)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
      .executeTakeFirst()
    let id: number
    if (existing) {
      id = existing.id
      await trx
        .updateTable('importMapping')
        .set({ name: input.name, mapping, updatedAt: now })
        .where('id', '=', id)
        .execute()
    } else {
      const row = await trx
        .insertInto('importMapping')
        .values({ kind: input.kind, name: input.name, mapping, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow()
      id = row.id
    }
    await audit(trx, ctx, {
      action: existing ? 'update' : 'create',
      entityType: 'importMapping',
      entityId: id,
      fields: ['name', 'mapping'],
    })
    return { id, kind: input.kind, name: input.name, mapping: input.mapping, updatedAt: now }
  })
}

export async function deleteMapping(
  ctx: ServiceContext,
  input: MethodParsed<'imports.mappings.delete'>,
): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom('importMapping').where('id', '=', input.id).executeTakeFirst()
    if (!gone.numDeletedRows) throw notFound('importMapping')
    await audit(trx, ctx, { action: 'delete', entityType: 'importMapping', entityId: input.id })
    return { id: input.id }
  })
}
