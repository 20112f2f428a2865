import { AppError, notFound } from '../../../shared/errors'
import type { Partner, PartnerKind } from '../../../shared/schemas/partners'
import type { Db, ServiceContext } from '../../context'
import type { PartnerTable } from '../../db/schema'
import { searchKey } from '../../db/text'
import { audit, changedFields, filledFields } from '../audit/audit'

type Row = Pick<
  PartnerTable,
  | 'name'
  | 'kind'
  | 'area'
  | 'contactPerson'
  | 'phone'
  | 'email'
  | 'address'
  | 'helpsWith'
  | 'active'
> & { id: number }

const COLUMNS = [
  'id',
  'name',
  'kind',
  'area',
  'contactPerson',
  'phone',
  'email',
  'address',
  'helpsWith',
  'active',
] as const

function toPartner(r: Row): Partner {
  return { ...r, kind: r.kind as PartnerKind, active: r.active === 1 }
}

export interface PartnerFields {
  name: string
  kind: PartnerKind
  area: string | null
  contactPerson: string | null
  phone: string | null
  email: string | null
  address: string | null
  helpsWith: string | null
}

/**
 * The "sociale kaart", by area and name. It holds organisations, never anything about a
 * family, so every role may read it (volunteers pick a destination at a visit). An area filter
 * also lists the organisations without an area, which help everywhere. The search
 * looks in the name, area, contact person and what they help with, folded as names are.
 */
export async function listPartners(
  ctx: ServiceContext,
  input: {
    area?: string | null
    kind?: PartnerKind | null
    includeInactive: boolean
    query?: string | null
  },
): Promise<Partner[]> {
  // The shop itself hosts its own volunteers (migration 0014); it is nowhere to refer a family.
  let q = ctx.db.selectFrom('partner').select(COLUMNS).where('isOwn', '=', 0)
  if (!input.includeInactive) q = q.where('active', '=', 1)
  if (input.kind) q = q.where('kind', '=', input.kind)
  const rows = await q.orderBy('searchName').execute()
  const key = input.query ? searchKey(input.query) : ''
  // An area matches up to case and accents ("noord", "Nóord"); an organisation without an area
  // helps everywhere, so it belongs to every area's list.
  const areaKey = input.area ? searchKey(input.area) : ''
  // A municipality's map holds tens of organisations, a few hundred at most: filtered here.
  const hits = rows.filter(
    (r) =>
      (!areaKey || !r.area || searchKey(r.area) === areaKey) &&
      (!key ||
        [r.name, r.area, r.contactPerson, r.helpsWith].some(
          (t) => t && searchKey(t).includes(key),
        )),
  )
  return hits.map(toPartner)
}

/** The areas partners are kept under, for the filter; those of inactive partners too. */
export async function partnerAreas(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('partner')
    .select('area')
    .distinct()
    .where('area', 'is not', null)
    .execute()
  return rows
    .map((r) => r.area as string)
    .sort((a, b) => a.localeCompare(b, 'nl', { sensitivity: 'base' }))
}

export async function createPartner(ctx: ServiceContext, input: PartnerFields): Promise<Partner> {
  const name = storedName(input.name)
  return ctx.db.transaction().execute(async (trx) => {
    const key = await assertNameFree(trx, name)
    const now = ctx.clock.now().toISOString()
    const row = await trx
      .insertInto('partner')
      .values({ ...input, name, searchName: key, active: 1, createdAt: now, updatedAt: now })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'partner',
      entityId: row.id,
      fields: filledFields({ ...input, name }),
    })
    return toPartner(row)
  })
}

export async function updatePartner(
  ctx: ServiceContext,
  input: PartnerFields & { id: number; active: boolean },
): Promise<Partner> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('partner')
      .select(COLUMNS)
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!current) throw notFound('partner')
    const name = storedName(input.name)
    const key = await assertNameFree(trx, name, input.id)
    const { id, active, ...fields } = input
    const row = await trx
      .updateTable('partner')
      .set({
        ...fields,
        name,
        searchName: key,
        active: active ? 1 : 0,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow()
    const changed = changedFields(current, row)
    if (changed.length)
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'partner',
        entityId: row.id,
        fields: changed,
      })
    return toPartner(row)
  })
}

/** Composed (NFC), with a lone surrogate as SQLite stores it, as list names are. */
function storedName(name: string): string {
  return Buffer.from(name, 'utf8').toString('utf8').normalize('NFC')
}

/**
 * Refuses a name another partner has up to case, accents and spaces ("Vóedselbank Noord ",
 * "voedselbank noord"): one organisation under two spellings splits its referrals in the
 * figures. Returns the name's key.
 */
async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<string> {
  const key = searchKey(name)
  const clash = await db
    .selectFrom('partner')
    .select(['id', 'name'])
    .where('searchName', '=', key)
    .executeTakeFirst()
  if (clash && clash.id !== exceptId)
    throw new AppError({
      code: 'CONFLICT',
      key: 'partnerNameTaken',
      fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: clash.name } }],
    })
  return key
}
