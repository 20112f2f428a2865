import type { ServiceContext } from '../../context'
import type { Vault } from '../../vault/vault'
import type { Slice } from '../slice'
import {
  changePassword,
  currentSession,
  damagedStatus,
  lock,
  login,
  logout,
  restoreWithoutLogin,
  setupCreate,
  setupStatus,
  unlock,
  type AuthContext,
  type AuthRuntime,
} from './auth'
import { createUser, listUsers, resetPassword, updateUser } from './users'
import { getOrganisation, updateOrganisation } from './organisation'

/** Logging in and out: these work on sessions (AuthContext), before or without a session. */
export const AUTH_PREFIXES = ['setup', 'auth'] as const

export const authHandlers: Slice<(typeof AUTH_PREFIXES)[number], AuthContext> = {
  'setup.status': setupStatus,
  'setup.create': setupCreate,
  'auth.login': login,
  'auth.session': currentSession,
  'auth.logout': logout,
  'auth.lock': lock,
  'auth.unlock': unlock,
  'auth.changePassword': changePassword,
  'setup.restore': restoreWithoutLogin,
  'setup.damaged': damagedStatus,
}

export const ACCOUNTS_PREFIXES = ['users', 'organisation'] as const

/** New passwords get a key slot in the vault; the organisation's name is also kept there. */
export interface AccountsContext extends ServiceContext {
  vault: Pick<Vault, 'setUserSlot' | 'removeUserSlot' | 'setOrganisationName'>
  auth: Pick<AuthRuntime, 'passwordParams'>
}

export const accountsHandlers: Slice<(typeof ACCOUNTS_PREFIXES)[number], AccountsContext> = {
  'users.list': listUsers,
  'users.create': (ctx, input) => createUser(ctx, input, ctx.auth.passwordParams, ctx.vault),
  'users.update': (ctx, input) => updateUser(ctx, input, ctx.vault),
  'users.resetPassword': (ctx, input) =>
    resetPassword(ctx, input, ctx.auth.passwordParams, ctx.vault),
  'organisation.get': (ctx) => getOrganisation(ctx.db),
  'organisation.update': async (ctx, input) => {
    const saved = await updateOrganisation(ctx, input)
    ctx.vault.setOrganisationName(saved.name)
    return saved
  },
}
