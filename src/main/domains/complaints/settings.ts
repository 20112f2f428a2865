import type { MethodParsed } from '../../../shared/api'
import { AppError, notFound, validationError } from '../../../shared/errors'
import type {
  ComplaintAccount,
  ComplaintCategory,
  ComplaintSettings,
} from '../../../shared/schemas/complaints'
import type { Db, ServiceContext } from '../../context'
import { searchKey } from '../../db/text'
import { audit, changedFields } from '../audit/audit'
import { ackDeadline } from './calendar'
import { getComplaintSettings, SETTINGS_KEY, staffAccount } from './queries'

export function complaintSettings(ctx: ServiceContext): Promise<ComplaintSettings> {
  return getComplaintSettings(ctx.db)
}

/**
 * The admin changes the organisation's terms, the decider's title, the report's smallest count
 * or the closed days. Terms apply to complaints received from then on (each complaint keeps the
 * terms of its receipt); closed days move the acknowledgement of every complaint not yet
 * acknowledged.
 */
export async function updateComplaintSettings(
  ctx: ServiceContext,
  patch: MethodParsed<'complaints.updateSettings'>,
): Promise<ComplaintSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getComplaintSettings(trx)
    const next: ComplaintSettings = { ...before, ...patch }
    const fields = changedFields(before, next)
    if (!fields.length) return before
    await trx
      .insertInto('setting')
      .values({ key: SETTINGS_KEY, value: JSON.stringify(next) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
      .execute()
    if (fields.includes('closedDays')) {
      const open = await trx
        .selectFrom('complaint')
        .select(['id', 'receivedOn', 'ackWorkingDays', 'ackDueOn'])
        .where('acknowledgedOn', 'is', null)
        .where('closedOn', 'is', null)
        .execute()
      for (const c of open) {
        const due = ackDeadline(c.receivedOn, c.ackWorkingDays, next.closedDays).dueOn
        if (due !== c.ackDueOn)
          await trx.updateTable('complaint').set({ ackDueOn: due }).where('id', '=', c.id).execute()
      }
    }
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'settings',
      fields: fields.map((f) => `complaints.${f}`),
    })
    return next
  })
}

export async function listCategories(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.categories'>,
): Promise<ComplaintCategory[]> {
  let q = ctx.db.selectFrom('complaintCategory').select(['id', 'name', 'active'])
  if (!input.includeInactive) q = q.where('active', '=', 1)
  const rows = await q.orderBy('sort').orderBy('name').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.active === 1 }))
}

/** A category's name is unique up to case and accents. */
async function assertNameFree(db: Db, name: string, exceptId?: number): Promise<void> {
  const clash = await db
    .selectFrom('complaintCategory')
    .select(['id', 'name'])
    .where('searchName', '=', searchKey(name))
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? 0))
    .executeTakeFirst()
  if (clash)
    throw new AppError({
      code: 'CONFLICT',
      key: 'listNameTaken',
      fields: [{ path: 'name', key: 'nameTakenFolded', params: { name: clash.name } }],
    })
}

export async function createCategory(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.createCategory'>,
): Promise<ComplaintCategory> {
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.name)
    const { max } = await trx
      .selectFrom('complaintCategory')
      .select((eb) => eb.fn.max<number>('sort').as('max'))
      .executeTakeFirstOrThrow()
    const { id } = await trx
      .insertInto('complaintCategory')
      .values({
        name: input.name,
        searchName: searchKey(input.name),
        active: 1,
        sort: (max ?? 0) + 10,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'settings_change',
      entityType: 'complaintCategory',
      entityId: id,
      fields: ['name'],
    })
    return { id, name: input.name, active: true }
  })
}

/** Renaming or retiring a category; complaints keep theirs (an inactive one is not offered). */
export async function updateCategory(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.updateCategory'>,
): Promise<ComplaintCategory> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('complaintCategory')
      .select(['id', 'name', 'active'])
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!before) throw notFound('complaintCategory')
    await assertNameFree(trx, input.name, input.id)
    const fields = [
      ...(before.name !== input.name ? ['name'] : []),
      ...((before.active === 1) !== input.active ? ['active'] : []),
    ]
    if (fields.length) {
      await trx
        .updateTable('complaintCategory')
        .set({ name: input.name, searchName: searchKey(input.name), active: input.active ? 1 : 0 })
        .where('id', '=', input.id)
        .execute()
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'complaintCategory',
        entityId: input.id,
        fields,
      })
    }
    return { id: input.id, name: input.name, active: input.active }
  })
}

async function accounts(db: Db, id?: number): Promise<ComplaintAccount[]> {
  const rows = await db
    .selectFrom('account as a')
    .leftJoin('account as m', 'm.id', 'a.managerId')
    .select([
      'a.id',
      'a.displayName as name',
      'a.role',
      'a.active',
      'm.id as managerId',
      'm.displayName as managerName',
    ])
    .$if(id !== undefined, (q) => q.where('a.id', '=', id ?? 0))
    .orderBy('a.displayName')
    .orderBy('a.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    active: r.active === 1,
    manager:
      r.managerId !== null && r.managerName !== null
        ? { id: r.managerId, name: r.managerName }
        : null,
  }))
}

/** Every account with its leidinggevende: whom a complaint is about, who handles it. */
export function complaintAccounts(ctx: ServiceContext): Promise<ComplaintAccount[]> {
  return accounts(ctx.db)
}

/**
 * Links an account to its leidinggevende (an active coordinator or admin, not the account
 * itself, and not someone it leads, directly or further down).
 */
export async function setManager(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.setManager'>,
): Promise<ComplaintAccount> {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('account')
      .select(['id', 'managerId'])
      .where('id', '=', input.accountId)
      .executeTakeFirst()
    if (!a) throw notFound('account')
    if (input.managerId !== null) {
      if (input.managerId === a.id)
        throw validationError([{ path: 'managerId', key: 'managerIsSelf' }])
      if (!(await staffAccount(trx, input.managerId)))
        throw validationError([{ path: 'managerId', key: 'handlerNotStaff' }])
      // Walk up from the new manager: meeting the account means a circle.
      const seen = new Set<number>()
      for (let m: number | null = input.managerId; m !== null && !seen.has(m);) {
        if (m === a.id) throw validationError([{ path: 'managerId', key: 'managerCircle' }])
        seen.add(m)
        const up: { managerId: number | null } | undefined = await trx
          .selectFrom('account')
          .select('managerId')
          .where('id', '=', m)
          .executeTakeFirst()
        m = up?.managerId ?? null
      }
    }
    if (a.managerId === input.managerId) return
    await trx
      .updateTable('account')
      .set({ managerId: input.managerId })
      .where('id', '=', a.id)
      .execute()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'account',
      entityId: a.id,
      fields: ['managerId'],
    })
  })
  const [row] = await accounts(ctx.db, input.accountId)
  return row
}
