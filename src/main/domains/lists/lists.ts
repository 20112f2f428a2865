import { AppError, notFound } from '../../../shared/errors'
import type { ListKind } from '../../../shared/schemas/lists'
import type { ListItem } from '../../../shared/schemas/lists'
import type { Db, ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import { searchKey } from '../../db/text'

function toItem(r: { id: number; kind: ListKind; name: string; active: number }): ListItem {
  return { id: r.id, kind: r.kind, name: r.name, active: r.active === 1 }
}

export async function listItems(
  ctx: ServiceContext,
  input: { kind: ListKind; includeInactive: boolean },
): Promise<ListItem[]> {
  let q = ctx.db
    .selectFrom('listItem')
    .select(['id', 'kind', 'name', 'active'])
    .where('kind', '=', input.kind)
  if (!input.includeInactive) q = q.where('active', '=', 1)
  const rows = await q.orderBy('sort').orderBy('name').execute()
  return rows.map(toItem)
}

export async function createListItem(
  ctx: ServiceContext,
  input: { kind: ListKind; name: string },
): Promise<ListItem> {
  const name = storedName(input.name)
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.kind, name)
    const { max } = await trx
      .selectFrom('listItem')
      .select((eb) => eb.fn.max('sort').as('max'))
      .where('kind', '=', input.kind)
      .executeTakeFirstOrThrow()
    const row = await trx
      .insertInto('listItem')
      .values({ kind: input.kind, name, active: 1, sort: (max ?? 0) + 1 })
      .returning(['id', 'kind', 'name', 'active'])
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'listItem',
      entityId: row.id,
      fields: ['name'],
      detail: `${input.kind} toegevoegd`,
    })
    return toItem(row)
  })
}

export async function updateListItem(
  ctx: ServiceContext,
  input: { id: number; name: string; active: boolean },
): Promise<ListItem> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('listItem')
      .select(['id', 'kind', 'name', 'active'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!current) throw notFound('listItem')
    const name = storedName(input.name)
    await assertNameFree(trx, current.kind, name, input.id)
    const row = await trx
      .updateTable('listItem')
      .set({ name, active: input.active ? 1 : 0 })
      .where('id', '=', input.id)
      .returning(['id', 'kind', 'name', 'active'])
      .executeTakeFirstOrThrow()
    const fields = changedFields(current, { name: row.name, active: row.active })
    if (fields.length)
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'listItem',
        entityId: row.id,
        fields,
      })
    return toItem(row)
  })
}

/**
 * The name as the database will hold it: composed (NFC), and with a lone surrogate half as the
 * replacement character SQLite's UTF-8 stores for it, so the comparison below sees what is stored.
 */
function storedName(name: string): string {
  return Buffer.from(name, 'utf8').toString('utf8').normalize('NFC')
}

/**
 * Refuses a name that another item of the list already has, also when they differ only by
 * case, accents, spaces or Unicode form ("opvoeding", "Financie\u0308n"): two such items would
 * split one topic over two lines of the figures. Lists are short, so they are compared here.
 */
async function assertNameFree(
  db: Db,
  kind: ListKind,
  name: string,
  exceptId?: number,
): Promise<void> {
  const key = searchKey(name)
  const items = await db
    .selectFrom('listItem')
    .select(['id', 'name'])
    .where('kind', '=', kind)
    .execute()
  const clash = items.find((i) => i.id !== exceptId && searchKey(i.name) === key)
  if (clash)
    throw new AppError({
      code: 'CONFLICT',
      key: 'listNameTaken',
      fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: clash.name } }],
    })
}

/**
 * Checks that every id is an active-or-inactive item of the given kind; returns the field errors
 * for those that are not, at `${field}.${index}${suffix}`.
 */
export async function checkListIds(
  db: Db,
  kind: ListKind,
  ids: number[],
  pathOf: (index: number) => string,
): Promise<{ path: string; key: string }[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('listItem')
    .select('id')
    .where('kind', '=', kind)
    .where('id', 'in', ids)
    .execute()
  const known = new Set(rows.map((r) => r.id))
  return ids.flatMap((id, i) => (known.has(id) ? [] : [{ path: pathOf(i), key: 'unknownOption' }]))
}
