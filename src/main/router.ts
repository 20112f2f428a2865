import { dirname, join } from 'node:path'
import type { z } from 'zod'
import {
  api,
  type Access,
  type MethodName,
  type MethodOptions,
  type MethodOutput,
  type MethodParsed,
} from '../shared/api'
import { AppError, conflict, type ApiResult } from '../shared/errors'
import { issuesToFieldErrors } from '../shared/validation'
import { auditNote } from '../shared/audit-text'
import type { Role } from '../shared/schemas/accounts'
import type { Clock } from './clock'
import type { Vault } from './vault/vault'
import type { ErasureLog } from './vault/erasure-log'
import type { ServiceContext, Session } from './context'
import { PASSWORD_PARAMS, verifyAgainstNothing, type ScryptParams } from './crypto/passwords'
import { KeyedQueue, UnknownNameFailures } from './domains/accounts/backoff'
import { SessionStore, type LiveSession } from './domains/accounts/sessions'
import {
  actorOf,
  lockSession,
  logLock,
  type AuthRuntime,
  type Caller,
} from './domains/accounts/auth'
import { writeAudit } from './domains/audit/audit'
import { DownloadTickets, type DownloadIssuer, type TakenDownload } from './downloads/tickets'
import { getShopSettings } from './domains/shop/queries'
import type { MethodsOf } from './domains/slice'
import {
  AUTH_PREFIXES,
  authHandlers,
  ACCOUNTS_PREFIXES,
  accountsHandlers,
} from './domains/accounts/handlers'
import { AUDIT_PREFIXES, auditHandlers } from './domains/audit/handlers'
import { BACKUP_PREFIXES, backupHandlers } from './domains/backup/handlers'
import { COLLECTIONS_PREFIXES, collectionsHandlers } from './domains/collections/handlers'
import { COMPLAINTS_PREFIXES, complaintsHandlers } from './domains/complaints/handlers'
import { ACTIVITIES_PREFIXES, activitiesHandlers } from './domains/activities/handlers'
import { TRAININGS_PREFIXES, trainingsHandlers } from './domains/trainings/handlers'
import { SUPPORT_PREFIXES, supportHandlers } from './domains/support/handlers'
import { OUTCOMES_PREFIXES, outcomesHandlers } from './domains/outcomes/handlers'
import { AREAS_PREFIXES, areasHandlers } from './domains/areas/handlers'
import { REPORTS_PREFIXES, reportsHandlers } from './domains/reports/handlers'
import { EXPORTS_PREFIXES, exportsHandlers } from './domains/exports/handlers'
import { LISTS_PREFIXES, listsHandlers } from './domains/lists/handlers'
import { PARTNERS_PREFIXES, partnersHandlers } from './domains/partners/handlers'
import { SEARCH_PREFIXES, searchHandlers } from './domains/search/handlers'
import { HELP_PREFIXES, helpHandlers } from './domains/help/handlers'
import { RETENTION_PREFIXES, retentionHandlers } from './domains/retention/handlers'
import { SHOP_PREFIXES, shopHandlers } from './domains/shop/handlers'
import { SUBJECTS_PREFIXES, subjectsHandlers } from './domains/subjects/handlers'
import { COMPUTER_PREFIXES, computerHandlers } from './computer-settings/handlers'
import { JOBS_PREFIXES, jobsHandlers } from './domains/jobs/handlers'
import { IMPORTS_PREFIXES, importsHandlers } from './domains/imports/handlers'
import { MATCHING_PREFIXES, matchingHandlers } from './domains/volunteers/matching-handlers'
import { FOLLOWUP_PREFIXES, followupHandlers } from './domains/volunteers/followup-handlers'
import {
  VOLUNTEERS_CORE_PREFIXES,
  volunteersCoreHandlers,
} from './domains/volunteers/handlers-core'
import {
  FIRST_STEPS_PREFIXES,
  firstStepsHandlers,
  WORKSHOP_PREFIXES,
  workshopHandlers,
  type WorkshopContext,
} from './domains/workshop/handlers'
import type { Workshop } from './domains/workshop/workshop'
import { TaskCancelledError } from './workers/task'
import { WorkersBusyError } from './workers/pool'

/**
 * Which domain answers which method prefixes. A prefix belongs to one domain: two claiming the
 * same one do not compile (see `NoRepeats`), and the handler map below must cover every method.
 */
export const DOMAIN_PREFIXES = [
  ...AUTH_PREFIXES,
  ...ACCOUNTS_PREFIXES,
  ...AUDIT_PREFIXES,
  ...BACKUP_PREFIXES,
  ...COLLECTIONS_PREFIXES,
  ...COMPLAINTS_PREFIXES,
  ...ACTIVITIES_PREFIXES,
  ...TRAININGS_PREFIXES,
  ...SUPPORT_PREFIXES,
  ...OUTCOMES_PREFIXES,
  ...AREAS_PREFIXES,
  ...REPORTS_PREFIXES,
  ...EXPORTS_PREFIXES,
  ...LISTS_PREFIXES,
  ...PARTNERS_PREFIXES,
  ...SEARCH_PREFIXES,
  ...HELP_PREFIXES,
  ...RETENTION_PREFIXES,
  ...SHOP_PREFIXES,
  ...SUBJECTS_PREFIXES,
  ...COMPUTER_PREFIXES,
  ...JOBS_PREFIXES,
  ...IMPORTS_PREFIXES,
  ...MATCHING_PREFIXES,
  ...FOLLOWUP_PREFIXES,
  ...VOLUNTEERS_CORE_PREFIXES,
  ...WORKSHOP_PREFIXES,
  ...FIRST_STEPS_PREFIXES,
] as const

/** The first prefix that occurs twice in the list, or never. */
type Repeated<T extends readonly string[], Seen extends string = never> = T extends readonly [
  infer H extends string,
  ...infer R extends readonly string[],
]
  ? H extends Seen
    ? H
    : Repeated<R, Seen | H>
  : never
type NoRepeats<T extends readonly string[]> = [Repeated<T>] extends [never] ? true : Repeated<T>
const prefixesAreUnique: NoRepeats<typeof DOMAIN_PREFIXES> = true
void prefixesAreUnique

/** Methods that take part in logging in and out: they work on sessions, not on shop data. */
export const AUTH_METHODS = Object.keys(authHandlers) as AuthMethod[]
type AuthMethod = MethodsOf<(typeof AUTH_PREFIXES)[number]>
/**
 * Methods that run without a session: logging in and out, this computer's settings, and switching
 * to and from the oefenomgeving.
 */
type SessionFreeMethod =
  | AuthMethod
  | MethodsOf<(typeof COMPUTER_PREFIXES)[number]>
  | MethodsOf<(typeof WORKSHOP_PREFIXES)[number]>
type DataMethod = Exclude<MethodName, SessionFreeMethod>

type SessionFreeHandlers = {
  [M in SessionFreeMethod]: (
    ctx: WorkshopContext,
    input: MethodParsed<M>,
  ) => Promise<MethodOutput<M>>
}
const sessionFreeHandlers: SessionFreeHandlers = {
  ...authHandlers,
  ...computerHandlers,
  ...workshopHandlers,
}

/** Everything a domain's handler may be given; each slice takes only the part it needs. */
interface DataContext extends ServiceContext {
  auth: AuthRuntime
  /** The key slots, backups and restore. */
  vault: Vault
  /** Where anonymisations and deletions are recorded outside the database (see erasure-log). */
  erasures: ErasureLog
  /** Files made for this session's screen to save, handed out as tickets (see downloads/). */
  downloads: DownloadIssuer
}

type Handlers = {
  [M in DataMethod]: (ctx: DataContext, input: MethodParsed<M>) => Promise<MethodOutput<M>>
}

export { authHandlers }

/** Every method's service call. A method in the contract without a handler does not compile. */
export const handlers: Handlers = {
  ...accountsHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...collectionsHandlers,
  ...complaintsHandlers,
  ...activitiesHandlers,
  ...trainingsHandlers,
  ...supportHandlers,
  ...outcomesHandlers,
  ...areasHandlers,
  ...reportsHandlers,
  ...exportsHandlers,
  ...listsHandlers,
  ...partnersHandlers,
  ...searchHandlers,
  ...helpHandlers,
  ...retentionHandlers,
  ...shopHandlers,
  ...subjectsHandlers,
  ...jobsHandlers,
  ...importsHandlers,
  ...matchingHandlers,
  ...followupHandlers,
  ...volunteersCoreHandlers,
  ...firstStepsHandlers,
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
  /** The temp folder for files waiting to be saved; default `downloads` in the data folder. */
  downloadsDir?: string
  /**
   * The oefenomgeving: while it is open every call works on its vault instead of `vault`. Absent
   * (scripts, most tests): always `vault`, and the workshop methods refuse.
   */
  workshop?: Workshop
}

export interface Router {
  /** One API call from a screen. `caller.sessionId` changes when the call logs in or out. */
  call(caller: Caller, method: string, input: unknown): Promise<ApiResult<unknown>>
  /** Locks every open session, e.g. when the computer locks or goes to sleep. */
  lockAll(reason: string): Promise<void>
  /**
   * The file behind a download ticket, taken (single use), when the ticket belongs to the
   * caller's session and that session is still logged in and unlocked; null otherwise.
   */
  takeDownload(caller: Caller, ticket: unknown): Promise<TakenDownload | null>
  readonly sessions: SessionStore
  readonly downloads: DownloadTickets
}

function isMethod(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(api, name)
}

function isComputerMethod(name: MethodName): boolean {
  return Object.prototype.hasOwnProperty.call(computerHandlers, name)
}

function isSessionFree(name: MethodName): name is SessionFreeMethod {
  return Object.prototype.hasOwnProperty.call(sessionFreeHandlers, name)
}

const forbidden = (key = 'forbidden') => new AppError({ code: 'FORBIDDEN', key })

/** SQLite's word for a file whose pages do not add up (SQLITE_CORRUPT and its variants). */
function isCorruption(err: unknown): boolean {
  return err instanceof Error && 'code' in err && /^SQLITE_CORRUPT/.test(String(err.code))
}

/**
 * Method name -> session -> role check -> input parsed with the shared schema -> service. Has no
 * Electron import, so the IPC handler, the browser bridge and the tests all use this same path.
 */
export function createRouter(deps: RouterDeps): Router {
  const logError = deps.logError ?? ((m, e) => console.error(`[api] ${m} failed`, e))
  const sessions = new SessionStore()
  /** The vault of the data that is open now: the real one, or the oefenomgeving's. */
  const vaultNow = (): Vault => deps.workshop?.active ?? deps.vault
  const downloads = new DownloadTickets(
    deps.downloadsDir ?? join(dirname(deps.vault.dbFile), 'downloads'),
    () => deps.clock.now().getTime(),
  )
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

  /** A session this call started is marked with the data it was started in. */
  function stampSession(caller: Caller, before: string | null, vault: () => Vault): void {
    if (caller.sessionId === before) return
    const s = sessions.get(caller.sessionId)
    // The vault is asked only for a new session: while the demo is being made there is none.
    if (s && s.dataFile === undefined) s.dataFile = vault().dbFile
  }

  /**
   * The caller's session as it stands now: gone when the account was disabled or removed, role
   * and name as the account has them now, and locked once it has been idle too long.
   */
  async function resolve(caller: Caller): Promise<LiveSession | null> {
    const s = sessions.get(caller.sessionId)
    if (!s) {
      caller.sessionId = null
      return null
    }
    const vault = vaultNow()
    // A session belongs to the data it was started in. One started in the oefenomgeving (whose
    // logins are printed for everyone) never reaches the real data, even when its login returned
    // while a switch back was under way, and a real one never reaches the demo.
    if (s.dataFile !== undefined && s.dataFile !== vault.dbFile) {
      sessions.end(s.id)
      caller.sessionId = null
      return null
    }
    // The start-up check (in a worker, after the login) found the file damaged: the session
    // ends with that said, and the next login offers the newest good backup.
    if (vault.state === 'damaged') {
      sessions.end(s.id)
      caller.sessionId = null
      throw new AppError({ code: 'CONFLICT', key: 'databaseDamaged' })
    }
    // Sessions only exist while the database is open; a restore closes it and ends them all.
    if (!vault.isOpen) {
      caller.sessionId = null
      return null
    }
    const now = deps.clock.now()
    const account = await vault.db
      .selectFrom('account')
      .select(['active', 'role', 'displayName', 'mustChangePassword'])
      .where('id', '=', s.userId)
      .executeTakeFirst()
    if (!account || account.active !== 1) {
      sessions.end(s.id)
      caller.sessionId = null
      await writeAudit(vault.db, now, actorOf(s), {
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
      const { lockMinutes } = await getShopSettings(vault.db)
      lockMinutesSeen = lockMinutes
      if (now.getTime() - s.lastActivity >= lockMinutes * 60_000)
        await lockSession(s, vault.db, now, 'idle')
    }
    return s
  }

  /** The idle lock's minutes as last read in the queue; the direct check below uses them. */
  let lockMinutesSeen: number | null = null

  /**
   * The caller's session checked without waiting in the queue of database calls, for a method
   * answered from main's memory while a long transaction (an import) holds the connection: the
   * account is read directly (the same connection, between the transaction's steps). Whatever
   * would need a write (an account disabled, an idle lock due) goes the usual way instead.
   */
  async function resolveOutsideQueue(caller: Caller): Promise<LiveSession | null> {
    const s = sessions.get(caller.sessionId)
    const vault = vaultNow()
    if (
      !s ||
      (s.dataFile !== undefined && s.dataFile !== vault.dbFile) ||
      vault.state !== 'open' ||
      !vault.isOpen
    )
      return resolve(caller)
    const account = vault.sqlite
      .prepare(
        'select active, role, display_name as displayName, must_change_password as mustChange ' +
          'from account where id = ?',
      )
      .get(s.userId) as
      { active: number; role: Role; displayName: string; mustChange: number } | undefined
    const idleDue =
      !s.locked &&
      deps.idleLock !== false &&
      (lockMinutesSeen === null ||
        deps.clock.now().getTime() - s.lastActivity >= lockMinutesSeen * 60_000)
    if (!account || account.active !== 1 || idleDue) return resolve(caller)
    s.role = account.role
    s.displayName = account.displayName
    s.mustChangePassword = account.mustChange === 1
    return s
  }

  /**
   * Every session ends (a switch to or from the oefenomgeving): each is logged out in the data
   * that is open, with `note`, and its files waiting to be saved are void.
   */
  async function endAllSessions(caller: Caller, note: string | null): Promise<void> {
    const vault = vaultNow()
    const now = deps.clock.now()
    for (const s of sessions.all()) {
      sessions.end(s.id)
      downloads.voidSession(s.id)
      if (vault.isOpen)
        await writeAudit(vault.db, now, actorOf(s), {
          action: 'logout',
          entityType: 'account',
          entityId: s.userId,
          detail: note,
        })
    }
    caller.sessionId = null
  }

  /** Tickets of a session that logged out, was locked or replaced by a login are void. */
  const voidIfGone = (sessionId: string | null, caller: Caller): void => {
    if (!sessionId) return
    const s = sessions.get(sessionId)
    if (!s || s.locked || caller.sessionId !== sessionId) downloads.voidSession(sessionId)
  }

  return {
    sessions,
    downloads,
    async takeDownload(caller, ticket) {
      const before = caller.sessionId
      try {
        const live = await resolve(caller)
        if (!live || live.locked) {
          voidIfGone(before, caller)
          return null
        }
        // A session that must first change its password (an admin reset it) saves nothing.
        if (live.mustChangePassword) {
          downloads.voidSession(live.id)
          return null
        }
        return downloads.take(ticket, live.id, live.role)
      } catch (err) {
        logError('download', err)
        return null
      }
    },
    async lockAll(reason) {
      const now = deps.clock.now()
      // Every session is locked in memory first: a failing log write must not leave some open.
      const open = sessions.all().filter((s) => !s.locked)
      for (const s of open) s.locked = true
      for (const s of open) downloads.voidSession(s.id)
      for (const s of open) {
        try {
          await logLock(s, vaultNow().db, now, reason)
        } catch (err) {
          logError('auth.lockAll', err)
        }
      }
    },
    async call(caller, method, input) {
      const before = caller.sessionId
      try {
        if (typeof method !== 'string' || !isMethod(method))
          throw new AppError({ code: 'NOT_FOUND', key: 'unknownMethod' })
        const def: MethodOptions & { roles: Access; input: z.ZodType } = api[method]
        // While the oefenomgeving's data is being made nothing can be opened; the screens ask
        // its progress and wait.
        if (deps.workshop?.preparing && method !== 'workshop.status' && !isComputerMethod(method))
          throw conflict('workshopPreparing')
        const live = def.outsideQueue ? await resolveOutsideQueue(caller) : await resolve(caller)
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
        if (isSessionFree(method)) {
          const handler = sessionFreeHandlers[method] as (
            ctx: WorkshopContext,
            input: unknown,
          ) => Promise<unknown>
          // A switch to or from the oefenomgeving changes the open vault during the call: its
          // handler reads the vault it works on itself, and passes no write gate.
          if (method.startsWith('workshop.')) {
            const ctx: WorkshopContext = {
              get db() {
                return vaultNow().db
              },
              get vault() {
                return vaultNow()
              },
              clock: deps.clock,
              auth,
              caller,
              current: live,
              workshop: deps.workshop ?? null,
              endAllSessions: (note) => endAllSessions(caller, note),
            }
            try {
              return { ok: true, value: await handler(ctx, parsed.data) }
            } finally {
              // A switch back logs the real user in: into the data open once it is done.
              stampSession(caller, before, vaultNow)
            }
          }
          const vault = vaultNow()
          const ctx: WorkshopContext = {
            get db() {
              return vault.db
            },
            vault,
            clock: deps.clock,
            auth,
            caller,
            current: live,
            workshop: deps.workshop ?? null,
            endAllSessions: (note) => endAllSessions(caller, note),
          }
          // The login's own writes (its audit entry, a key slot) do not wait for the start-up
          // check its opening started: the login answers first.
          try {
            const value = await vault.writeGate.passThrough(() => handler(ctx, parsed.data))
            return { ok: true, value }
          } finally {
            // A login belongs to the data open when it began, whatever is open when it returns.
            stampSession(caller, before, () => vault)
          }
        }
        // Only an unlocked session with the right role gets this far.
        const s = live as LiveSession
        s.lastActivity = deps.clock.now().getTime()
        const handler = handlers[method] as (ctx: DataContext, input: unknown) => Promise<unknown>
        const session: Session = { ...(actorOf(s) as Session), sessionId: s.id, lookups: s.lookups }
        const vault = vaultNow()
        const value = await handler(
          {
            db: vault.db,
            clock: deps.clock,
            session,
            auth,
            erasures: deps.erasures ?? vault.erasures,
            vault,
            downloads: downloads.issuer(s.id, s.role),
          },
          parsed.data,
        )
        return { ok: true, value }
      } catch (err) {
        if (err instanceof AppError) return { ok: false, error: err.toJSON() }
        // SQLite refused a damaged page of the open database: it is closed for a restore, and
        // the screen says so instead of "something went wrong".
        if (isCorruption(err) && deps.vault.state === 'open' && vaultNow() === deps.vault) {
          logError(String(method), err)
          await deps.vault.markDamaged()
          return { ok: false, error: { code: 'CONFLICT', key: 'databaseDamaged' } }
        }
        // Work in a worker thread that its own screen cancelled (jobs.cancel): said, not logged.
        if (err instanceof TaskCancelledError)
          return { ok: false, error: conflict('jobCancelled').toJSON() }
        if (err instanceof WorkersBusyError)
          return { ok: false, error: conflict('workersBusy').toJSON() }
        logError(String(method), err)
        return { ok: false, error: { code: 'INTERNAL', key: 'internal' } }
      } finally {
        voidIfGone(before, caller)
      }
    },
  }
}
