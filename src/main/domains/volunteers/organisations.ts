import { sql } from 'kysely'
import type { MethodParsed } from '../../../shared/api'
import { AppError, notFound } from '../../../shared/errors'
import type { HostOrganisation } from '../../../shared/schemas/volunteers'
import type { Db, ServiceContext } from '../../context'
import { searchKey } from '../../db/text'
import { audit, changedFields, filledFields } from '../audit/audit'

/**
 * Host organisations are partners of the sociale kaart that host volunteers (`is_host = 1`): one
 * list, not two. An organisation already on the map is made a host with `organisations.setHost`
 * instead of being entered again; the shop itself is a host from the start (`is_own`).
 */

const takingSteps = sql.join(['introduction', 'trial', 'placed'].map((s) => sql.lit(s)))

async function readHosts(
  db: Db,
  filter: { ids?: number[]; includeInactive?: boolean; hostsOnly?: boolean },
): Promise<HostOrganisation[]> {
  let q = db.selectFrom('partner as o').select([
    'o.id',
    'o.name',
    'o.kind',
    'o.area',
    'o.contactPerson',
    'o.phone',
    'o.email',
    'o.address',
    'o.helpsWith',
    'o.active',
    'o.isOwn',
    sql<number>`(select count(*) from vacancy v where v.partner_id = o.id and v.active = 1)`.as(
      'activeVacancies',
    ),
    sql<number>`(select count(*) from placement pl join vacancy v on v.id = pl.vacancy_id
        where v.partner_id = o.id and pl.step in (${takingSteps}))`.as('activePlacements'),
  ])
  if (filter.hostsOnly !== false) q = q.where('o.isHost', '=', 1)
  if (filter.ids) q = q.where('o.id', 'in', filter.ids.length ? filter.ids : [0])
  if (!filter.includeInactive) q = q.where('o.active', '=', 1)
  const rows = await q.orderBy('o.isOwn', 'desc').orderBy('o.searchName').execute()
  return rows.map((r) => ({
    ...r,
    active: r.active === 1,
    isOwn: r.isOwn === 1,
    activeVacancies: Number(r.activeVacancies),
    activePlacements: Number(r.activePlacements),
  }))
}

export async function listOrganisations(
  ctx: ServiceContext,
  input: MethodParsed<'organisations.list'>,
): Promise<HostOrganisation[]> {
  const rows = await readHosts(ctx.db, { includeInactive: input.includeInactive })
  const key = input.query ? searchKey(input.query) : ''
  // Tens of hosts, a few hundred at most: filtered here as the sociale kaart is.
  return key
    ? rows.filter((r) =>
        [r.name, r.area, r.contactPerson, r.helpsWith].some((t) => t && searchKey(t).includes(key)),
      )
    : rows
}

function storedName(name: string): string {
  return Buffer.from(name, 'utf8').toString('utf8').normalize('NFC')
}

/** One organisation under two spellings would split its placements; refused at the name. */
async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<string> {
  const key = searchKey(name)
  const clash = await db
    .selectFrom('partner')
    .select(['id', 'name', 'isHost'])
    .where('searchName', '=', key)
    .executeTakeFirst()
  if (clash && clash.id !== exceptId)
    throw new AppError({
      code: 'CONFLICT',
      key: clash.isHost ? 'partnerNameTaken' : 'partnerNotHostYet',
      params: { name: clash.name },
      fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: clash.name } }],
      details: { partnerId: clash.id },
    })
  return key
}

export async function createOrganisation(
  ctx: ServiceContext,
  input: MethodParsed<'organisations.create'>,
): Promise<HostOrganisation> {
  const name = storedName(input.name)
  return ctx.db.transaction().execute(async (trx) => {
    const key = await assertNameFree(trx, name)
    const now = ctx.clock.now().toISOString()
    const { id } = await trx
      .insertInto('partner')
      .values({
        ...input,
        name,
        searchName: key,
        active: 1,
        isHost: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'partner',
      entityId: id,
      fields: [...filledFields({ ...input, name }), 'isHost'],
    })
    return (await readHosts(trx, { ids: [id], includeInactive: true }))[0]
  })
}

async function currentHost(db: Db, id: number) {
  const row = await db
    .selectFrom('partner')
    .select([
      'name',
      'kind',
      'area',
      'contactPerson',
      'phone',
      'email',
      'address',
      'helpsWith',
      'active',
      'isHost',
      'isOwn',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  return row
}

export async function updateOrganisation(
  ctx: ServiceContext,
  input: MethodParsed<'organisations.update'>,
): Promise<HostOrganisation> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await currentHost(trx, input.id)
    if (!current || current.isHost !== 1) throw notFound('organisation')
    const name = storedName(input.name)
    const key = await assertNameFree(trx, name, input.id)
    const { id, active, ...fields } = input
    const next = { ...fields, name, active: active ? 1 : 0 }
    await trx
      .updateTable('partner')
      .set({ ...next, searchName: key, updatedAt: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute()
    const changed = changedFields(current, next)
    if (changed.length)
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'partner',
        entityId: id,
        fields: changed,
      })
    return (await readHosts(trx, { ids: [id], includeInactive: true }))[0]
  })
}

/**
 * Makes an organisation of the sociale kaart a host, or no longer one. The shop itself stays a
 * host; an organisation with active vacancies stays one until they are closed.
 */
export async function setHost(
  ctx: ServiceContext,
  input: { id: number; isHost: boolean },
): Promise<HostOrganisation> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await currentHost(trx, input.id)
    if (!current) throw notFound('partner')
    const next = input.isHost ? 1 : 0
    if (current.isHost !== next) {
      if (!input.isHost) {
        if (current.isOwn === 1) throw new AppError({ code: 'CONFLICT', key: 'ownHostStays' })
        const open = await trx
          .selectFrom('vacancy')
          .select('id')
          .where('partnerId', '=', input.id)
          .where('active', '=', 1)
          .executeTakeFirst()
        if (open) throw new AppError({ code: 'CONFLICT', key: 'hostHasVacancies' })
      }
      await trx
        .updateTable('partner')
        .set({ isHost: next, updatedAt: ctx.clock.now().toISOString() })
        .where('id', '=', input.id)
        .execute()
      await audit(trx, ctx, {
        action: 'update',
        entityType: 'partner',
        entityId: input.id,
        fields: ['isHost'],
      })
    }
    return (await readHosts(trx, { ids: [input.id], includeInactive: true, hostsOnly: false }))[0]
  })
}
