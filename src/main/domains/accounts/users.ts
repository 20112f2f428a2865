import { conflict, notFound, validationError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type { UserAccount } from '../../../shared/schemas/accounts'
import type { AccountTable } from '../../db/schema'
import { hashPassword, passwordProblem, type ScryptParams } from '../../crypto/passwords'
import type { Vault } from '../../vault/vault'
import type { Db, ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import { dutchNote } from '../../i18n'
import { checkNewPassword } from './auth'

type AccountRow = Omit<AccountTable, 'id'> & { id: number }

function toUser(r: AccountRow): UserAccount {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    active: r.active === 1,
    mustChangePassword: r.mustChangePassword === 1,
    lastLoginAt: r.lastLoginAt,
    createdAt: r.createdAt,
  }
}

export async function listUsers(ctx: ServiceContext): Promise<UserAccount[]> {
  const rows = await ctx.db
    .selectFrom('account')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy('displayName')
    .execute()
  return rows.map(toUser)
}

/** The key slots of the database key: each active account has one, wrapped under its password. */
export type KeySlotKeeper = Pick<Vault, 'setUserSlot' | 'removeUserSlot'>

/** An admin adds an account with a first password; its owner chooses a new one at first login. */
export async function createUser(
  ctx: ServiceContext,
  input: MethodParsed<'users.create'>,
  params: ScryptParams,
  slots: KeySlotKeeper,
): Promise<UserAccount> {
  // Both problems at once, so the admin fixes the form in one go.
  const problems = []
  if (await usernameTaken(ctx.db, input.username))
    problems.push({ path: 'username', key: 'usernameTaken' })
  const weak = passwordProblem(input.password, input.username)
  if (weak) problems.push({ path: 'password', key: weak })
  if (problems.length) throw validationError(problems)
  const passwordHash = await hashPassword(input.password, params)
  const iso = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: two admins may have typed the same name.
    if (await usernameTaken(trx, input.username))
      throw validationError([{ path: 'username', key: 'usernameTaken' }])
    const row = await trx
      .insertInto('account')
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        mustChangePassword: 1,
        active: 1,
        failedAttempts: 0,
        passwordChangedAt: iso,
        createdAt: iso,
        updatedAt: iso,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'account',
      entityId: row.id,
      fields: ['username', 'displayName', 'role', 'password'],
    })
    // Written before the commit, so no account exists that could not open the database.
    await slots.setUserSlot(row.id, row.username, input.password)
    return toUser(row)
  })
}

async function usernameTaken(db: Db, username: string): Promise<boolean> {
  return !!(await db
    .selectFrom('account')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst())
}

async function findAccount(db: Db, id: number): Promise<AccountRow> {
  const row = await db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('account')
  return row
}

async function activeAdminsOtherThan(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', id)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Name, role, or disable / re-enable. An admin cannot take away their own admin rights or
 * account, and the last active admin stays: otherwise nobody could manage accounts any more.
 * A disabled account's open session ends at its next call (the router checks the account).
 */
export async function updateUser(
  ctx: ServiceContext,
  input: MethodParsed<'users.update'>,
  slots: KeySlotKeeper,
): Promise<UserAccount> {
  const iso = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const before = await findAccount(trx, input.id)
    const next = {
      displayName: input.displayName ?? before.displayName,
      role: input.role ?? before.role,
      active: input.active === undefined ? before.active : input.active ? 1 : 0,
    }
    const losesAdmin = before.role === 'admin' && before.active === 1
    const staysAdmin = next.role === 'admin' && next.active === 1
    if (losesAdmin && !staysAdmin) {
      if (before.id === ctx.session.userId) throw conflict('ownAccount')
      if ((await activeAdminsOtherThan(trx, before.id)) === 0) throw conflict('lastAdmin')
    }
    const fields = changedFields(
      { displayName: before.displayName, role: before.role, active: before.active },
      next,
    )
    if (!fields.length) return toUser(before)
    const row = await trx
      .updateTable('account')
      .set({
        ...next,
        // Re-enabling starts with a clean slate of login attempts.
        ...(next.active === 1 && before.active === 0 ? { failedAttempts: 0, waitUntil: null } : {}),
        updatedAt: iso,
      })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'account',
      entityId: row.id,
      fields,
      detail: dutchNote(
        before.role !== next.role && { k: 'roleChanged', from: before.role, to: next.role },
        before.active !== next.active && { k: next.active ? 'enabled' : 'disabled' },
      ),
    })
    // A disabled account's password must not open a copy of the data any more. Re-enabled, it
    // gets a slot again at its next login.
    if (next.active === 0 && before.active === 1) slots.removeUserSlot(row.id)
    return toUser(row)
  })
}

/** An admin sets a temporary password; the user must choose a new one at the next login. */
export async function resetPassword(
  ctx: ServiceContext,
  input: MethodParsed<'users.resetPassword'>,
  params: ScryptParams,
  slots: KeySlotKeeper,
): Promise<UserAccount> {
  const account = await findAccount(ctx.db, input.id)
  checkNewPassword(input.password, account.username, 'password')
  const passwordHash = await hashPassword(input.password, params)
  const iso = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('account')
      .set({
        passwordHash,
        mustChangePassword: 1,
        failedAttempts: 0,
        waitUntil: null,
        passwordChangedAt: iso,
        updatedAt: iso,
      })
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'update',
      entityType: 'account',
      entityId: row.id,
      fields: ['password'],
      detail:
        row.active === 1
          ? 'wachtwoord opnieuw ingesteld door beheerder'
          : 'wachtwoord opnieuw ingesteld door beheerder; account uitgeschakeld, dus geen sleutel',
    })
    // A disabled account gets no slot: its temporary password must not open a copy of the data.
    // Re-enabled, it gets one at its next login (the active state is read in this transaction).
    if (row.active === 1) await slots.setUserSlot(row.id, row.username, input.password)
    else slots.removeUserSlot(row.id)
    return toUser(row)
  })
}
