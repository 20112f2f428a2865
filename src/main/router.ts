import type { z } from 'zod'
import {
  api,
  type Access,
  type MethodName,
  type MethodOptions,
  type MethodOutput,
  type MethodParsed,
} from '../shared/api'
import { AppError, type ApiResult } from '../shared/errors'
import { issuesToFieldErrors } from '../shared/validation'
import { auditNote } from '../shared/audit-text'
import type { Clock } from './clock'
import type { Vault } from './vault/vault'
import {
  createBackup,
  listBackups,
  regenerateRecoveryKey,
  setBackupFolder,
  verifyBackup,
} from './domains/backup/backup'
import type { ServiceContext, Session } from './context'
import { confirmRecoveryKey } from './domains/backup/recovery'
import { PASSWORD_PARAMS, verifyAgainstNothing, type ScryptParams } from './crypto/passwords'
import { KeyedQueue, UnknownNameFailures } from './domains/accounts/backoff'
import { SessionStore, type LiveSession } from './domains/accounts/sessions'
import {
  actorOf,
  changePassword,
  currentSession,
  damagedStatus,
  restoreWithoutLogin,
  restoreWithLogin,
  lock,
  lockSession,
  logLock,
  login,
  logout,
  setupCreate,
  setupStatus,
  unlock,
  type AuthContext,
  type AuthRuntime,
  type Caller,
} from './domains/accounts/auth'
import { exportAudit, listAudit, verifyAudit, writeAudit } from './domains/audit/audit'
import { createUser, listUsers, resetPassword, updateUser } from './domains/accounts/users'
import { getOrganisation, updateOrganisation } from './domains/accounts/organisation'
import {
  callList,
  callListCsv,
  markContacted,
  createHousehold,
  findDuplicates,
  getHousehold,
  listDistricts,
  searchHouseholds,
  updateHousehold,
} from './domains/shop/households'
import { createIntake } from './domains/shop/intakes'
import {
  appointmentsByDay,
  bookAppointment,
  checkBooking,
  generateSlots,
  listSlots,
  removeSlot,
  updateSlot,
  setAppointmentStatus,
} from './domains/shop/appointments'
import { checkVisit, registerVisit } from './domains/shop/visits'
import { createListItem, listItems, updateListItem } from './domains/lists/lists'
import { getShopSettings, updateShopSettings } from './domains/shop/settings'
import { shopDashboard, shopStats } from './domains/shop/stats'
import {
  anonymiseRecord,
  deleteRecord,
  getRetentionTerms,
  listDue,
  updateRetentionTerms,
} from './domains/retention/retention'
import type { ErasureLog } from './vault/erasure-log'
import { exportSubject } from './domains/subjects/export'

/** Methods that take part in logging in and out: they work on sessions, not on shop data. */
export const AUTH_METHODS = [
  'setup.status',
  'setup.create',
  'auth.login',
  'auth.session',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  'setup.restore',
  'setup.damaged',
] as const satisfies readonly MethodName[]
type AuthMethod = (typeof AUTH_METHODS)[number]
type DataMethod = Exclude<MethodName, AuthMethod>

interface DataContext extends ServiceContext {
  auth: AuthRuntime
  /** The key slots, backups and restore. */
  vault: Vault
  /** Where anonymisations and deletions are recorded outside the database (see erasure-log). */
  erasures: ErasureLog
}

type Handlers = {
  [M in DataMethod]: (ctx: DataContext, input: MethodParsed<M>) => Promise<MethodOutput<M>>
}
type AuthHandlers = {
  [M in AuthMethod]: (ctx: AuthContext, input: MethodParsed<M>) => Promise<MethodOutput<M>>
}

export const authHandlers: AuthHandlers = {
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

/** Every method's service call. A method in the contract without a handler does not compile. */
export const handlers: Handlers = {
  'users.list': listUsers,
  'users.create': (ctx, input) => createUser(ctx, input, ctx.auth.passwordParams, ctx.vault),
  'users.update': (ctx, input) => updateUser(ctx, input, ctx.vault),
  'users.resetPassword': (ctx, input) =>
    resetPassword(ctx, input, ctx.auth.passwordParams, ctx.vault),
  'audit.list': listAudit,
  'audit.verify': (ctx) => verifyAudit(ctx.db, ctx.clock.now(), ctx.vault.auditAnchors()),
  'audit.export': exportAudit,
  'organisation.get': (ctx) => getOrganisation(ctx.db),
  'organisation.update': async (ctx, input) => {
    const saved = await updateOrganisation(ctx, input)
    ctx.vault.setOrganisationName(saved.name)
    return saved
  },
  'households.create': createHousehold,
  'households.update': updateHousehold,
  'households.get': (ctx, input) => getHousehold(ctx, input.id),
  'households.search': searchHouseholds,
  'households.duplicates': (ctx, input) => findDuplicates(ctx.db, input),
  'households.districts': (ctx) => listDistricts(ctx.db),
  'households.callList': (ctx, input) => callList(ctx, input),
  'households.callListCsv': callListCsv,
  'households.markContacted': markContacted,
  'intakes.create': createIntake,
  'slots.generate': generateSlots,
  'slots.list': (ctx, input) => listSlots(ctx.db, input, ctx.clock),
  'slots.update': updateSlot,
  'slots.remove': removeSlot,
  'appointments.book': bookAppointment,
  'appointments.setStatus': setAppointmentStatus,
  'appointments.check': checkBooking,
  'appointments.byDay': (ctx, input) => appointmentsByDay(ctx, input.date),
  'visits.register': registerVisit,
  'visits.check': checkVisit,
  'lists.list': listItems,
  'lists.create': createListItem,
  'lists.update': updateListItem,
  'settings.get': (ctx) => getShopSettings(ctx.db),
  'settings.update': updateShopSettings,
  'shop.dashboard': shopDashboard,
  'shop.stats': shopStats,
  'retention.due': listDue,
  'retention.anonymise': anonymiseRecord,
  'retention.delete': deleteRecord,
  'retention.terms': (ctx) => getRetentionTerms(ctx.db),
  'retention.updateTerms': updateRetentionTerms,
  'subjects.export': exportSubject,
  'backup.list': async (ctx) => listBackups(ctx),
  'backup.create': createBackup,
  'backup.verify': verifyBackup,
  // A password typed here meets the account's back-off and is logged, as at a login.
  'backup.restore': restoreWithLogin,
  'backup.setFolder': setBackupFolder,
  'recovery.regenerate': regenerateRecoveryKey,
  'recovery.confirm': confirmRecoveryKey,
}

export interface RouterDeps {
  /** The database behind its key slots; closed until the first login. */
  vault: Vault
  clock: Clock
  /** Where internal errors go with their detail; the caller only sees `INTERNAL`. */
  logError?: (method: string, err: unknown) => void
  /** scrypt cost for new password hashes; the default is the production setting. */
  passwordParams?: ScryptParams
  /**
   * Lock sessions after the idle minutes of the settings (default true). Only a scripted bulk
   * load whose clock jumps through a year of data (the demo seed) turns this off.
   */
  idleLock?: boolean
  /**
   * The record of erasures kept outside the database, re-applied after a restore. Defaults to
   * the vault's log in the data folder.
   */
  erasures?: ErasureLog
}

export interface Router {
  /** One API call from a screen. `caller.sessionId` changes when the call logs in or out. */
  call(caller: Caller, method: string, input: unknown): Promise<ApiResult<unknown>>
  /** Locks every open session, e.g. when the computer locks or goes to sleep. */
  lockAll(reason: string): Promise<void>
  readonly sessions: SessionStore
}

function isMethod(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

function isAuthMethod(name: MethodName): name is AuthMethod {
  return (AUTH_METHODS as readonly string[]).includes(name)
}

const forbidden = (key = 'forbidden') => new AppError({ code: 'FORBIDDEN', key })

/**
 * Method name -> session -> role check -> input parsed with the shared schema -> service. Has no
 * Electron import, so the IPC handler, the browser bridge and the tests all use this same path.
 */
export function createRouter(deps: RouterDeps): Router {
  const logError = deps.logError ?? ((m, e) => console.error(`[api] ${m} failed`, e))
  const sessions = new SessionStore()
  const erasures = deps.erasures ?? deps.vault.erasures
  const auth: AuthRuntime = {
    sessions,
    passwordParams: deps.passwordParams ?? PASSWORD_PARAMS,
    checks: new KeyedQueue(),
    unknownNames: new UnknownNameFailures(),
    closedNames: new UnknownNameFailures(),
    pendingAudit: [],
  }
  // The stand-in hash for unknown names is made now, so the first such login is not slower.
  void verifyAgainstNothing('', auth.passwordParams).catch(() => undefined)

  /**
   * The caller's session as it stands now: gone when the account was disabled or removed, role
   * and name as the account has them now, and locked once it has been idle too long.
   */
  async function resolve(caller: Caller): Promise<LiveSession | null> {
    const s = sessions.get(caller.sessionId)
    // Sessions only exist while the database is open; a restore closes it and ends them all.
    if (!s || !deps.vault.isOpen) {
      caller.sessionId = null
      return null
    }
    const now = deps.clock.now()
    const account = await deps.vault.db
      .selectFrom('account')
      .select(['active', 'role', 'displayName', 'mustChangePassword'])
      .where('id', '=', s.userId)
      .executeTakeFirst()
    if (!account || account.active !== 1) {
      sessions.end(s.id)
      caller.sessionId = null
      await writeAudit(deps.vault.db, now, actorOf(s), {
        action: 'logout',
        entityType: 'account',
        entityId: s.userId,
        detail: auditNote({ k: 'accountDisabled' }),
      })
      return null
    }
    s.role = account.role
    s.displayName = account.displayName
    s.mustChangePassword = account.mustChangePassword === 1
    if (!s.locked && deps.idleLock !== false) {
      const { lockMinutes } = await getShopSettings(deps.vault.db)
      if (now.getTime() - s.lastActivity >= lockMinutes * 60_000)
        await lockSession(s, deps.vault.db, now, 'idle')
    }
    return s
  }

  return {
    sessions,
    async lockAll(reason) {
      const now = deps.clock.now()
      // Every session is locked in memory first: a failing log write must not leave some open.
      const open = sessions.all().filter((s) => !s.locked)
      for (const s of open) s.locked = true
      for (const s of open) {
        try {
          await logLock(s, deps.vault.db, now, reason)
        } catch (err) {
          logError('auth.lockAll', err)
        }
      }
    },
    async call(caller, method, input) {
      try {
        if (typeof method !== 'string' || !isMethod(method))
          throw new AppError({ code: 'NOT_FOUND', key: 'unknownMethod' })
        const def: MethodOptions & { roles: Access; input: z.ZodType } = api[method]
        const live = await resolve(caller)
        if (def.roles !== 'public') {
          if (!live) throw forbidden('notLoggedIn')
          if (!def.roles.includes(live.role)) throw forbidden()
          if (live.locked && !def.whileLocked) throw new AppError({ code: 'LOCKED', key: 'locked' })
          if (live.mustChangePassword && !def.beforePasswordChange)
            throw forbidden('mustChangePassword')
        }
        const parsed = def.input.safeParse(input ?? {})
        if (!parsed.success)
          throw new AppError({
            code: 'VALIDATION',
            key: 'validation',
            fields: issuesToFieldErrors(parsed.error.issues),
          })
        if (isAuthMethod(method)) {
          const handler = authHandlers[method] as (
            ctx: AuthContext,
            input: unknown,
          ) => Promise<unknown>
          const vault = deps.vault
          const ctx: AuthContext = {
            get db() {
              return vault.db
            },
            vault,
            clock: deps.clock,
            auth,
            caller,
            current: live,
          }
          return { ok: true, value: await handler(ctx, parsed.data) }
        }
        // Only an unlocked session with the right role gets this far.
        const s = live as LiveSession
        s.lastActivity = deps.clock.now().getTime()
        const handler = handlers[method] as (ctx: DataContext, input: unknown) => Promise<unknown>
        const session: Session = { ...(actorOf(s) as Session), lookups: s.lookups }
        const value = await handler(
          { db: deps.vault.db, clock: deps.clock, session, auth, erasures, vault: deps.vault },
          parsed.data,
        )
        return { ok: true, value }
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toJSON() }
        logError(String(method), err)
        return { ok: false, error: { code: 'INTERNAL', key: 'internal' } }
      }
    },
  }
}
