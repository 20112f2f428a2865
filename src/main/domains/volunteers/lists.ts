import { sql } from 'kysely'
import { AppError, notFound, validationError } from '../../../shared/errors'
import type {
  Demand,
  OptionKind,
  Programme,
  VolunteerOption,
} from '../../../shared/schemas/volunteers'
import type { Db, ServiceContext } from '../../context'
import { searchKey } from '../../db/text'
import { audit, changedFields } from '../audit/audit'

/**
 * The volunteers' managed lists: skills, interests, learning goals, "aangemeld via" and
 * limitations (`vol_option`), and the programmes people take part in (`programme`). Staff keep
 * them; every change is in the audit log as a settings change.
 */

type OptionRow = {
  id: number
  kind: OptionKind
  name: string
  demand: string | null
  active: number
}

/** How many people and vacancies name each option: one grouped count per table. */
async function optionUse(db: Db, ids: number[]): Promise<Map<number, number>> {
  const used = new Map<number, number>()
  if (!ids.length) return used
  const people = await db
    .selectFrom('personOption')
    .select(['optionId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('optionId', 'in', ids)
    .groupBy('optionId')
    .execute()
  const vacancies = await db
    .selectFrom('vacancyOption')
    .select(['optionId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('optionId', 'in', ids)
    .groupBy('optionId')
    .execute()
  const referred = await db
    .selectFrom('person')
    .select(['referralSourceId as optionId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('referralSourceId', 'in', ids)
    .groupBy('referralSourceId')
    .execute()
  for (const r of [...people, ...vacancies, ...referred])
    if (r.optionId !== null) used.set(r.optionId, (used.get(r.optionId) ?? 0) + Number(r.n))
  return used
}

function toOption(r: OptionRow, used: number): VolunteerOption {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    demand: (r.demand as Demand | null) ?? null,
    active: r.active === 1,
    used,
  }
}

export async function listVolunteerOptions(
  ctx: ServiceContext,
  input: { kind: OptionKind; includeInactive: boolean },
): Promise<VolunteerOption[]> {
  let q = ctx.db
    .selectFrom('volOption')
    .select(['id', 'kind', 'name', 'demand', 'active'])
    .where('kind', '=', input.kind)
  if (!input.includeInactive) q = q.where('active', '=', 1)
  const rows = await q.orderBy('sort').orderBy('searchName').execute()
  const used = await optionUse(
    ctx.db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toOption(r, used.get(r.id) ?? 0))
}

/** A limitation rules out one demand; no other kind has one. */
function checkDemand(kind: OptionKind, demand: Demand | null): void {
  if (kind === 'limitation' && !demand) throw validationError([{ path: 'demand', key: 'required' }])
  if (kind !== 'limitation' && demand)
    throw validationError([{ path: 'demand', key: 'demandOnlyForLimitation' }])
}

/** Composed (NFC), with a lone surrogate as SQLite stores it, as list names are. */
function storedName(name: string): string {
  return Buffer.from(name, 'utf8').toString('utf8').normalize('NFC')
}

async function assertOptionNameFree(
  db: Db,
  kind: OptionKind,
  key: string,
  exceptId?: number,
): Promise<void> {
  const clash = await db
    .selectFrom('volOption')
    .select(['id', 'name'])
    .where('kind', '=', kind)
    .where('searchName', '=', key)
    .executeTakeFirst()
  if (clash && clash.id !== exceptId)
    throw new AppError({
      code: 'CONFLICT',
      key: 'listNameTaken',
      fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: clash.name } }],
    })
}

export async function createVolunteerOption(
  ctx: ServiceContext,
  input: { kind: OptionKind; name: string; demand: Demand | null },
): Promise<VolunteerOption> {
  checkDemand(input.kind, input.demand)
  const name = storedName(input.name)
  const key = searchKey(name)
  return ctx.db.transaction().execute(async (trx) => {
    await assertOptionNameFree(trx, input.kind, key)
    const { max } = await trx
      .selectFrom('volOption')
      .select((eb) => eb.fn.max('sort').as('max'))
      .where('kind', '=', input.kind)
      .executeTakeFirstOrThrow()
    const row = await trx
      .insertInto('volOption')
      .values({
        kind: input.kind,
        name,
        searchName: key,
        demand: input.demand,
        active: 1,
        sort: (max ?? 0) + 1,
      })
      .returning(['id', 'kind', 'name', 'demand', 'active'])
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'volOption',
      entityId: row.id,
      fields: input.demand ? ['name', 'demand'] : ['name'],
      detail: input.kind,
    })
    return toOption(row, 0)
  })
}

export async function updateVolunteerOption(
  ctx: ServiceContext,
  input: { id: number; name: string; active: boolean; demand: Demand | null },
): Promise<VolunteerOption> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('volOption')
      .select(['id', 'kind', 'name', 'demand', 'active'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!current) throw notFound('volOption')
    checkDemand(current.kind, input.demand)
    const name = storedName(input.name)
    const key = searchKey(name)
    await assertOptionNameFree(trx, current.kind, key, input.id)
    const row = await trx
      .updateTable('volOption')
      .set({ name, searchName: key, demand: input.demand, active: input.active ? 1 : 0 })
      .where('id', '=', input.id)
      .returning(['id', 'kind', 'name', 'demand', 'active'])
      .executeTakeFirstOrThrow()
    const fields = changedFields(current, row)
    if (fields.length)
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'volOption',
        entityId: row.id,
        fields,
        detail: current.kind,
      })
    const used = await optionUse(trx, [row.id])
    return toOption(row, used.get(row.id) ?? 0)
  })
}

// ---------------------------------------------------------------- programmes

const PROGRAMME_COLUMNS = [
  'programme.id',
  'programme.name',
  'programme.partnerId',
  'partner.name as partnerName',
  'programme.fundedPerYear',
  'programme.active',
] as const

async function readProgrammes(db: Db, ids: number[] | null, includeInactive = true) {
  let q = db
    .selectFrom('programme')
    .leftJoin('partner', 'partner.id', 'programme.partnerId')
    .select([
      ...PROGRAMME_COLUMNS,
      sql<number>`(select count(*) from person where person.programme_id = programme.id)`.as(
        'people',
      ),
    ])
  if (ids) q = q.where('programme.id', 'in', ids.length ? ids : [0])
  if (!includeInactive) q = q.where('programme.active', '=', 1)
  const rows = await q.orderBy('programme.sort').orderBy('programme.searchName').execute()
  return rows.map((r): Programme => ({
    id: r.id,
    name: r.name,
    partnerId: r.partnerId,
    partnerName: r.partnerName ?? null,
    fundedPerYear: r.fundedPerYear,
    active: r.active === 1,
    people: Number(r.people),
  }))
}

export async function listProgrammes(
  ctx: ServiceContext,
  input: { includeInactive: boolean },
): Promise<Programme[]> {
  return readProgrammes(ctx.db, null, input.includeInactive)
}

async function checkProgramme(
  db: Db,
  key: string,
  partnerId: number | null,
  exceptId?: number,
): Promise<void> {
  const clash = await db
    .selectFrom('programme')
    .select(['id', 'name'])
    .where('searchName', '=', key)
    .executeTakeFirst()
  if (clash && clash.id !== exceptId)
    throw new AppError({
      code: 'CONFLICT',
      key: 'listNameTaken',
      fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: clash.name } }],
    })
  if (partnerId !== null) {
    const p = await db
      .selectFrom('partner')
      .select('id')
      .where('id', '=', partnerId)
      .executeTakeFirst()
    if (!p) throw validationError([{ path: 'partnerId', key: 'partnerUnknown' }])
  }
}

export async function createProgramme(
  ctx: ServiceContext,
  input: { name: string; partnerId: number | null; fundedPerYear: number | null },
): Promise<Programme> {
  const name = storedName(input.name)
  const key = searchKey(name)
  return ctx.db.transaction().execute(async (trx) => {
    await checkProgramme(trx, key, input.partnerId)
    const { max } = await trx
      .selectFrom('programme')
      .select((eb) => eb.fn.max('sort').as('max'))
      .executeTakeFirstOrThrow()
    const row = await trx
      .insertInto('programme')
      .values({
        name,
        searchName: key,
        partnerId: input.partnerId,
        fundedPerYear: input.fundedPerYear,
        active: 1,
        sort: (max ?? 0) + 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'programme',
      entityId: row.id,
      fields: [
        'name',
        ...(input.partnerId ? ['partnerId'] : []),
        ...(input.fundedPerYear !== null ? ['fundedPerYear'] : []),
      ],
    })
    return (await readProgrammes(trx, [row.id]))[0]
  })
}

export async function updateProgramme(
  ctx: ServiceContext,
  input: {
    id: number
    name: string
    partnerId: number | null
    fundedPerYear: number | null
    active: boolean
  },
): Promise<Programme> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('programme')
      .select(['name', 'partnerId', 'fundedPerYear', 'active'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!current) throw notFound('programme')
    const name = storedName(input.name)
    const key = searchKey(name)
    await checkProgramme(trx, key, input.partnerId, input.id)
    const next = {
      name,
      partnerId: input.partnerId,
      fundedPerYear: input.fundedPerYear,
      active: input.active ? 1 : 0,
    }
    await trx
      .updateTable('programme')
      .set({ ...next, searchName: key })
      .where('id', '=', input.id)
      .execute()
    const fields = changedFields(current, next)
    if (fields.length)
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'programme',
        entityId: input.id,
        fields,
      })
    return (await readProgrammes(trx, [input.id]))[0]
  })
}
