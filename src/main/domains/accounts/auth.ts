import type { Kysely } from 'kysely'
import { AppError, conflict, validationError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type { SessionInfo, SetupStatus } from '../../../shared/schemas/accounts'
import type { Clock } from '../../clock'
import type { DB } from '../../db/schema'
import {
  secondsLeft,
  waitAfterFailures,
  type KeyedQueue,
  type UnknownNameFailures,
} from './backoff'
import {
  hashPassword,
  passwordProblem,
  verifyAgainstNothing,
  verifyPassword,
  type ScryptParams,
} from '../../crypto/passwords'
import type { LiveSession, SessionStore } from './sessions'
import type { Actor, Db } from '../../context'
import { writeAudit, type AuditEvent } from '../audit/audit'
import {
  DamagedDatabaseError,
  DatabaseTooNewError,
  VaultError,
  WrongKeyError,
  type Vault,
} from '../../vault/vault'
import type { BackupItem, RestoreResult } from '../../../shared/schemas/backup'
import { itemOf, restoreBackup } from '../backup/backup'
import { getShopSettings } from '../shop/queries'
import { recoveryKeyStatus } from '../backup/recovery'
import { checkLogo } from './organisation'
import { auditNote, type AuditNoteKey } from '../../../shared/audit-text'

/**
 * Who is calling: the transport's handle on a session. Logging in sets `sessionId`, logging out
 * clears it; the IPC handler keeps one per window, the browser bridge returns it to the tab.
 */
export interface Caller {
  sessionId: string | null
  workstation: string
}

export interface AuthRuntime {
  sessions: SessionStore
  passwordParams: ScryptParams
  /** One password check per account (or unknown name) at a time. */
  checks: KeyedQueue
  unknownNames: UnknownNameFailures
  /**
   * Wrong passwords while a database is still closed, per data file and name (kept in memory):
   * guesses at the oefenomgeving's closed data do not make a real name wait, nor the reverse.
   */
  closedNames: UnknownNameFailures
  /**
   * Audit entries of failed logins before a database was open, each with the file of the data it
   * was tried on, and written into that data's log once it is open (never into the other's).
   */
  pendingAudit: PendingAudit[]
}

export interface PendingAudit {
  /** The database file of the data the login was tried on (`Vault.dbFile`). */
  file: string
  at: Date
  actor: Actor
  event: AuditEvent
}

export interface AuthContext {
  /** The open database; reading it before the vault is open throws. */
  readonly db: Kysely<DB>
  vault: Vault
  clock: Clock
  auth: AuthRuntime
  caller: Caller
  /** The caller's session, already checked by the router (idle lock applied), or null. */
  current: LiveSession | null
}

export function actorOf(s: LiveSession): Actor {
  return { userId: s.userId, userName: s.username, role: s.role, workstation: s.workstation }
}

function anonymous(caller: Caller): Actor {
  return { userId: null, userName: null, role: null, workstation: caller.workstation }
}

export async function sessionInfo(
  ctx: { db: Db; vault: Vault },
  s: LiveSession,
): Promise<SessionInfo> {
  const settings = await getShopSettings(ctx.db)
  const recovery = s.role === 'admin' ? (await recoveryKeyStatus(ctx.db, ctx.vault)).state : null
  return {
    user: { id: s.userId, username: s.username, displayName: s.displayName, role: s.role },
    locked: s.locked,
    mustChangePassword: s.mustChangePassword,
    lockMinutes: settings.lockMinutes,
    recoveryKeyMissing: recovery === 'missing',
    recoveryKeyUnconfirmed: recovery === 'unconfirmed',
  }
}

export async function setupStatus(ctx: AuthContext): Promise<SetupStatus> {
  const state = ctx.vault.state
  if (state === 'empty') return { needsSetup: true, organisationName: null, canRestore: true }
  if (state === 'locked' || state === 'damaged')
    return { needsSetup: false, organisationName: ctx.vault.organisationName, canRestore: false }
  // The shop-only version (before accounts) had neither table: it still needs its setup.
  if (state === 'plain' && !ctx.vault.hasTable('account'))
    return { needsSetup: true, organisationName: null, canRestore: false }
  const [account, org] = await Promise.all([
    ctx.db.selectFrom('account').select('id').limit(1).executeTakeFirst(),
    ctx.db.selectFrom('organisation').select('name').executeTakeFirst(),
  ])
  return { needsSetup: !account, organisationName: org?.name ?? null, canRestore: false }
}

/** Refuses a new password that breaks the rules beyond its length, at the field `path`. */
export function checkNewPassword(password: string, username: string, path: string): void {
  const problem = passwordProblem(password, username)
  if (problem) throw validationError([{ path, key: problem }])
}

async function startSession(
  ctx: AuthContext,
  account: { id: number; username: string; displayName: string; role: LiveSession['role'] },
  mustChangePassword: boolean,
): Promise<LiveSession> {
  const now = ctx.clock.now().getTime()
  for (const old of ctx.auth.sessions.prune(now))
    await writeAudit(ctx.db, ctx.clock.now(), actorOf(old), {
      action: 'logout',
      entityType: 'account',
      entityId: old.userId,
      detail: auditNote({ k: 'sessionExpired' }),
    })
  const session = ctx.auth.sessions.create({
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    workstation: ctx.caller.workstation,
    startedAt: now,
    lastActivity: now,
    mustChangePassword,
  })
  ctx.caller.sessionId = session.id
  return session
}

/** First start: the organisation's profile and the first admin, who is then logged in. */
export async function setupCreate(
  ctx: AuthContext,
  input: MethodParsed<'setup.create'>,
): Promise<SessionInfo> {
  const { admin, organisation } = input
  // Refused before anything costly: a public call must not buy a password hash once set up.
  if (!(await setupStatus(ctx)).needsSetup) throw conflict('setupDone')
  checkNewPassword(admin.password, admin.username, 'admin.password')
  await checkLogo(organisation.logo, 'organisation.logo')
  const passwordHash = await hashPassword(admin.password, ctx.auth.passwordParams)
  const at = ctx.clock.now()
  const iso = at.toISOString()
  // Asked again: another setup screen may have finished while the hash was made.
  if (!(await setupStatus(ctx)).needsSetup) throw conflict('setupDone')
  // A new key and an encrypted database (a database from before encryption is encrypted).
  if (ctx.vault.state === 'empty' || ctx.vault.state === 'plain')
    await ctx.vault.create(organisation.name, {
      userId: 0,
      username: admin.username,
      password: admin.password,
    })
  const account = await ctx.db.transaction().execute(async (trx) => {
    // Checked inside the transaction: two setup screens cannot both create a first admin.
    if (await trx.selectFrom('account').select('id').limit(1).executeTakeFirst())
      throw conflict('setupDone')
    await trx
      .insertInto('organisation')
      .values({ id: 1, ...organisation, updatedAt: iso })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...organisation, updatedAt: iso }))
      .execute()
    const created = await trx
      .insertInto('account')
      .values({
        username: admin.username,
        displayName: admin.displayName,
        role: 'admin',
        passwordHash,
        mustChangePassword: 0,
        active: 1,
        failedAttempts: 0,
        passwordChangedAt: iso,
        lastLoginAt: iso,
        createdAt: iso,
        updatedAt: iso,
      })
      .returning(['id', 'username', 'displayName', 'role'])
      .executeTakeFirstOrThrow()
    const actor: Actor = {
      userId: created.id,
      userName: created.username,
      role: 'admin',
      workstation: ctx.caller.workstation,
    }
    await writeAudit(trx, at, actor, {
      action: 'settings_change',
      entityType: 'organisation',
      entityId: 1,
      fields: Object.keys(organisation).filter(
        (k) => organisation[k as keyof typeof organisation] !== null,
      ),
    })
    await writeAudit(trx, at, actor, {
      action: 'create',
      entityType: 'account',
      entityId: created.id,
      fields: ['username', 'displayName', 'role', 'password'],
      detail: auditNote({ k: 'firstAdmin' }),
    })
    await writeAudit(trx, at, actor, {
      action: 'login',
      entityType: 'account',
      entityId: created.id,
    })
    // The key slot is written before the account commits: an account without one would be
    // unable to open the database after a restart.
    await ctx.vault.setUserSlot(created.id, created.username, admin.password)
    return created
  })
  return sessionInfo(ctx, await startSession(ctx, account, false))
}

function loginFailed(): AppError {
  return new AppError({ code: 'FORBIDDEN', key: 'loginFailed' })
}

function mustWait(seconds: number): AppError {
  return new AppError({
    code: 'FORBIDDEN',
    key: 'loginWait',
    params: { seconds },
    details: { waitSeconds: seconds },
  })
}

/**
 * Records a wrong password for an account: one more failure, and from the fifth on a wait that
 * doubles each time. Returns the wait in seconds (0 while attempts are still free).
 */
async function recordFailure(
  ctx: CheckContext,
  accountId: number,
  actor: Actor,
  what: Attempt,
  why: AuditNoteKey = 'passwordWrong',
): Promise<number> {
  const at = ctx.clock.now()
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('account')
      .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) }))
      .where('id', '=', accountId)
      .returning('failedAttempts')
      .executeTakeFirstOrThrow()
    const wait = waitAfterFailures(row.failedAttempts)
    if (wait > 0)
      await trx
        .updateTable('account')
        .set({ waitUntil: new Date(at.getTime() + wait * 1000).toISOString() })
        .where('id', '=', accountId)
        .execute()
    await writeAudit(trx, at, actor, {
      action: 'login_failed',
      entityType: 'account',
      entityId: accountId,
      detail: auditNote({ k: what }, { k: why }, wait > 0 && { k: 'wait', seconds: wait }),
    })
    return wait
  })
}

/**
 * Checks a password for an account with the back-off applied; throws when it does not match.
 * Checks of one account run one after the other, each reading the wait the previous one left.
 */
function checkPassword(
  ctx: AuthContext,
  accountId: number,
  password: string,
  actor: Actor,
  what: Attempt,
): Promise<void> {
  return ctx.auth.checks.run(`account:${accountId}`, () =>
    checkPasswordNow(ctx, accountId, password, actor, what),
  )
}

async function checkPasswordNow(
  ctx: AuthContext,
  accountId: number,
  password: string,
  actor: Actor,
  what: Attempt,
): Promise<void> {
  const account = await ctx.db
    .selectFrom('account')
    .select(['id', 'passwordHash', 'waitUntil'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow()
  const waiting = secondsLeft(account.waitUntil, ctx.clock.now().getTime())
  if (waiting > 0) {
    await writeAudit(ctx.db, ctx.clock.now(), actor, {
      action: 'login_failed',
      entityType: 'account',
      entityId: account.id,
      detail: auditNote({ k: what }, { k: 'refusedWhileWaiting' }),
    })
    throw mustWait(waiting)
  }
  if (await verifyPassword(password, account.passwordHash)) return
  const wait = await recordFailure(ctx, account.id, actor, what)
  throw wait > 0 ? mustWait(wait) : loginFailed()
}

/** What the back-off needs: the database for the account's count, the clock, the queues. */
type CheckContext = Pick<AuthContext, 'db' | 'clock' | 'auth'>

/** Throws the wait (and logs the refused attempt) while the account must still wait. */
async function refuseWhileWaiting(
  ctx: CheckContext,
  account: { id: number; waitUntil: string | null },
  actor: Actor,
  what: Attempt,
): Promise<void> {
  const waiting = secondsLeft(account.waitUntil, ctx.clock.now().getTime())
  if (waiting <= 0) return
  await writeAudit(ctx.db, ctx.clock.now(), actor, {
    action: 'login_failed',
    entityType: 'account',
    entityId: account.id,
    detail: auditNote({ k: what }, { k: 'refusedWhileWaiting' }),
  })
  throw mustWait(waiting)
}

/**
 * A disabled account: every attempt counts as a failed one and gets the answer of a wrong
 * password, whatever was typed, after the same work as a real check. Otherwise the answer
 * ("disabled" for the right password) would tell whether an old password still fits.
 */
function refuseDisabled(
  ctx: AuthContext,
  accountId: number,
  password: string,
  actor: Actor,
  what: Attempt,
): Promise<never> {
  return ctx.auth.checks.run(`account:${accountId}`, async () => {
    const account = await ctx.db
      .selectFrom('account')
      .select(['id', 'passwordHash', 'waitUntil'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow()
    await refuseWhileWaiting(ctx, account, actor, what)
    await verifyPassword(password, account.passwordHash)
    const wait = await recordFailure(ctx, account.id, actor, what, 'accountDisabled')
    throw wait > 0 ? mustWait(wait) : loginFailed()
  })
}

/**
 * Refuses when the account is no longer active. Called inside the transaction that writes a key
 * slot, so a disabled account never gets one, however the disabling and the write interleave.
 */
async function requireActive(db: Db, accountId: number): Promise<void> {
  const row = await db
    .selectFrom('account')
    .select('active')
    .where('id', '=', accountId)
    .executeTakeFirst()
  if (row?.active !== 1) throw new AppError({ code: 'FORBIDDEN', key: 'accountDisabled' })
}

function findAccount(db: Db, username: string) {
  return db
    .selectFrom('account')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst()
}

/**
 * A name that is no account: the same time spent, the same answers and the same waits as a
 * wrong password for a real one, so trying names tells nothing about which exist.
 */
function refuseUnknownName(
  ctx: AuthContext,
  name: string,
  password: string,
  what: Attempt,
): Promise<never> {
  const other = otherAttempt(what)
  return ctx.auth.checks.run(`unknown:${name}`, async () => {
    const unknown = anonymous(ctx.caller)
    const waiting = ctx.auth.unknownNames.secondsLeft(name, ctx.clock.now().getTime())
    if (waiting > 0) {
      await writeAudit(ctx.db, ctx.clock.now(), unknown, {
        action: 'login_failed',
        detail: auditNote(other, { k: 'unknownUser' }, { k: 'refusedWhileWaiting' }),
      })
      throw mustWait(waiting)
    }
    await verifyAgainstNothing(password, ctx.auth.passwordParams)
    const wait = ctx.auth.unknownNames.fail(name, ctx.clock.now().getTime())
    await writeAudit(ctx.db, ctx.clock.now(), unknown, {
      action: 'login_failed',
      detail: auditNote(other, { k: 'unknownUser' }, wait > 0 && { k: 'wait', seconds: wait }),
    })
    throw wait > 0 ? mustWait(wait) : loginFailed()
  })
}

/** Ends a session and records why; the caller loses its handle on it. */
async function endSession(ctx: AuthContext, s: LiveSession, detail?: string | null): Promise<void> {
  ctx.auth.sessions.end(s.id)
  if (ctx.caller.sessionId === s.id) ctx.caller.sessionId = null
  await writeAudit(ctx.db, ctx.clock.now(), actorOf(s), {
    action: 'logout',
    entityType: 'account',
    entityId: s.userId,
    detail: detail ?? null,
  })
}

/**
 * A login's check of a name and password, without a session: a closed database is opened with
 * the password's key slot first, then the account's wait, password and state are checked. Every
 * failure counts toward the account's wait (or the name's, in memory, while the data is closed)
 * and is logged in the data it was tried on, noted as `what`. Returns the account.
 */
export async function checkLogin(
  ctx: AuthContext,
  input: { username: string; password: string },
  what: Attempt = 'attemptLogin',
) {
  if (!ctx.vault.isOpen) await openVault(ctx, input, what)
  const account = await findAccount(ctx.db, input.username)
  if (!account)
    return refuseUnknownName(ctx, input.username.trim().toLowerCase(), input.password, what)
  const actor: Actor = {
    userId: account.id,
    userName: account.username,
    role: account.role,
    workstation: ctx.caller.workstation,
  }
  if (!account.active) return refuseDisabled(ctx, account.id, input.password, actor, what)
  await checkPassword(ctx, account.id, input.password, actor, what)
  return account
}

/**
 * Logs in. A wrong name or password gets the same answer and takes the same time. Logging in
 * on a screen where someone else is (still or locked) logged in ends that person's session.
 */
export async function login(
  ctx: AuthContext,
  input: MethodParsed<'auth.login'>,
): Promise<SessionInfo> {
  const account = await checkLogin(ctx, input)
  const actor: Actor = {
    userId: account.id,
    userName: account.username,
    role: account.role,
    workstation: ctx.caller.workstation,
  }
  if (ctx.current)
    await endSession(ctx, ctx.current, auditNote({ k: 'loggedInHere', name: account.username }))
  // The first login on a database from before encryption encrypts it (with a backup first).
  if (ctx.vault.state === 'plain') {
    const org = await ctx.db.selectFrom('organisation').select('name').executeTakeFirst()
    try {
      await ctx.vault.encryptPlain(org?.name ?? null, {
        userId: account.id,
        username: account.username,
        password: input.password,
      })
    } catch (err) {
      // The plain data stays as it was; the login says why it could not go on.
      if (err instanceof VaultError && err.reason === 'folderMissing')
        throw conflict('backupFolderMissing', { folder: ctx.vault.backupDir() })
      if (err instanceof VaultError && err.reason === 'folderUnusable')
        throw conflict('backupFolderUnusable', { folder: ctx.vault.backupDir() })
      if (err instanceof VaultError && err.reason === 'folderUnsafe')
        throw conflict('backupFolderNotSafe', { folder: ctx.vault.backupDir() })
      throw err
    }
  }
  const at = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    // Read again: an admin may have disabled the account while its password was being checked.
    await requireActive(trx, account.id)
    // Accounts from before encryption, or re-enabled ones, get their key slot at this login.
    if (!ctx.vault.hasUserSlot(account.id))
      await ctx.vault.setUserSlot(account.id, account.username, input.password)
    await trx
      .updateTable('account')
      .set({ failedAttempts: 0, waitUntil: null, lastLoginAt: at.toISOString() })
      .where('id', '=', account.id)
      .execute()
    await writeAudit(trx, at, actor, {
      action: 'login',
      entityType: 'account',
      entityId: account.id,
    })
  })
  return sessionInfo(ctx, await startSession(ctx, account, account.mustChangePassword === 1))
}

/**
 * The first login after start: the password must open the user's key slot before anything in
 * the database can be read. Wrong passwords meet the same back-off, counted in memory, and
 * their audit entries are written as soon as the database is open.
 */
function openVault(
  ctx: AuthContext,
  input: { username: string; password: string },
  what: Attempt,
): Promise<void> {
  const name = input.username.trim().toLowerCase()
  const file = ctx.vault.dbFile
  const other = otherAttempt(what)
  return ctx.auth.checks.run(`vault:${name}`, async () => {
    if (ctx.vault.isOpen) return
    const now = ctx.clock.now()
    const actor = anonymous(ctx.caller)
    const pending = (detail: string | null): void => {
      ctx.auth.pendingAudit.push({
        file,
        at: now,
        actor,
        event: { action: 'login_failed', detail },
      })
    }
    // Counted per data file: the oefenomgeving's names are the real data's names too.
    const counted = `${file}\n${name}`
    const waiting = ctx.auth.closedNames.secondsLeft(counted, now.getTime())
    if (waiting > 0) {
      pending(auditNote(other, { k: 'userName', name }, { k: 'refusedWhileWaiting' }))
      throw mustWait(waiting)
    }
    const hasSlot = ctx.vault.hasSlotForName(name)
    let opened: boolean
    try {
      // A name without a slot spends the same derivation, in the same queue, as one with a slot.
      opened = await ctx.vault.unlock({ username: name, password: input.password })
    } catch (err) {
      if (err instanceof DamagedDatabaseError)
        throw new AppError({ code: 'CONFLICT', key: 'databaseDamaged' })
      if (err instanceof DatabaseTooNewError)
        throw new AppError({ code: 'CONFLICT', key: 'databaseTooNew' })
      // The slot opened, but its key does not open the database: the slot file belongs to
      // other data (copied or replaced).
      // A slot with settings the app never writes: the key file was altered or replaced.
      if (err instanceof WrongKeyError || (err instanceof VaultError && err.reason === 'tampered'))
        throw new AppError({ code: 'CONFLICT', key: 'databaseKeyMismatch' })
      throw err
    }
    if (!opened) {
      const wait = ctx.auth.closedNames.fail(counted, now.getTime())
      pending(
        auditNote(other, { k: 'userName', name }, { k: hasSlot ? 'passwordWrong' : 'noKeySlot' }),
      )
      if (wait > 0) throw mustWait(wait)
      // One answer for a wrong password, a name without a slot here and a name that is no
      // account: before the database is open, a stranger must not learn which names exist.
      throw new AppError({ code: 'FORBIDDEN', key: 'loginFailedClosed' })
    }
    // Only this data's own entries: those of the other data wait until it is open.
    const queue = ctx.auth.pendingAudit
    const mine = queue.filter((e) => e.file === file)
    queue.splice(0, queue.length, ...queue.filter((e) => e.file !== file))
    for (const entry of mine) await writeAudit(ctx.db, entry.at, entry.actor, entry.event)
  })
}

/** Whether a restore failed because the password or recovery key opens no slot of the backup. */
function secretWrong(err: unknown): boolean {
  return err instanceof AppError && !!err.fields?.some((f) => f.key === 'backupSecretWrong')
}

/**
 * A restore (or its check) by a logged-in admin. A password typed to open a backup is a guess
 * at that account's password as much as a login is: it meets the account's back-off (the same
 * count as its logins) and every wrong one is logged, saying who tried it for which account. A
 * name that is no account here (only in the backup) and the recovery key wait the same way,
 * counted in memory.
 */
export async function restoreWithLogin(
  ctx: CheckContext & { vault: Vault; session: Actor },
  input: MethodParsed<'backup.restore'>,
): Promise<RestoreResult> {
  const deps = { vault: ctx.vault, clock: ctx.clock, auth: ctx.auth, actor: ctx.session }
  const secret = input.secret
  const account =
    secret.method === 'password' ? await findAccount(ctx.db, secret.username) : undefined
  if (account)
    return ctx.auth.checks.run(`account:${account.id}`, async () => {
      const row = await ctx.db
        .selectFrom('account')
        .select(['id', 'waitUntil'])
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow()
      await refuseWhileWaiting(ctx, row, ctx.session, 'attemptRestore')
      try {
        return await restoreBackup(deps, input)
      } catch (err) {
        if (!secretWrong(err)) throw err
        const wait = await recordFailure(ctx, account.id, ctx.session, 'attemptRestore')
        throw wait > 0 ? mustWait(wait) : err
      }
    })
  const name = secret.method === 'password' ? secret.username.trim().toLowerCase() : null
  const key = name === null ? 'terugzetten:herstelsleutel' : `terugzetten:${name}`
  const about: Parameters<typeof auditNote>[0] =
    name === null ? { k: 'recoveryKeyWrong' } : { k: 'userName', name }
  return ctx.auth.checks.run(key, async () => {
    const waiting = ctx.auth.unknownNames.secondsLeft(key, ctx.clock.now().getTime())
    if (waiting > 0) {
      await writeAudit(ctx.db, ctx.clock.now(), ctx.session, {
        action: 'login_failed',
        detail: auditNote({ k: 'attemptRestore' }, about, { k: 'refusedWhileWaiting' }),
      })
      throw mustWait(waiting)
    }
    try {
      return await restoreBackup(deps, input)
    } catch (err) {
      if (!secretWrong(err)) throw err
      const wait = ctx.auth.unknownNames.fail(key, ctx.clock.now().getTime())
      await writeAudit(ctx.db, ctx.clock.now(), ctx.session, {
        action: 'login_failed',
        detail: auditNote(
          { k: 'attemptRestore' },
          about,
          name !== null && { k: 'passwordWrong' },
          wait > 0 && { k: 'wait', seconds: wait },
        ),
      })
      throw wait > 0 ? mustWait(wait) : err
    }
  })
}

/**
 * A restore before anyone can log in: on a new computer (nothing set up) with a backup and its
 * recovery key, or when the database failed its check at opening.
 */
export async function restoreWithoutLogin(
  ctx: AuthContext,
  input: MethodParsed<'setup.restore'>,
): Promise<RestoreResult> {
  const state = ctx.vault.state
  if (state !== 'empty' && state !== 'damaged')
    throw new AppError({ code: 'FORBIDDEN', key: 'restoreNeedsLogin' })
  // Guessing a password or recovery key here meets the same back-off as a login.
  const who =
    input.secret.method === 'password'
      ? `terugzetten:${input.secret.username.trim().toLowerCase()}`
      : 'terugzetten:herstelsleutel'
  return ctx.auth.checks.run(who, async () => {
    const waiting = ctx.auth.closedNames.secondsLeft(who, ctx.clock.now().getTime())
    if (waiting > 0) throw mustWait(waiting)
    try {
      return await restoreBackup(
        {
          vault: ctx.vault,
          clock: ctx.clock,
          auth: ctx.auth,
          actor: anonymous(ctx.caller),
          adminOnly: true,
        },
        input,
      )
    } catch (err) {
      const wrong =
        err instanceof AppError && err.fields?.some((f) => f.key === 'backupSecretWrong')
      if (wrong) {
        const wait = ctx.auth.closedNames.fail(who, ctx.clock.now().getTime())
        if (wait > 0) throw mustWait(wait)
      }
      throw err
    }
  })
}

export async function damagedStatus(ctx: AuthContext): Promise<{ newestGood: BackupItem | null }> {
  const best = await ctx.vault.newestGoodBackup()
  return { newestGood: best ? itemOf(best) : null }
}

export async function logout(ctx: AuthContext): Promise<{ loggedOut: boolean }> {
  if (!ctx.current) return { loggedOut: false }
  await endSession(ctx, ctx.current)
  return { loggedOut: true }
}

/** Why a screen locked, as a note the audit screen says in its own language. */
const LOCK_NOTES: Record<string, AuditNoteKey> = {
  idle: 'lockIdle',
  shortcut: 'lockShortcut',
  button: 'lockButton',
  os: 'lockOs',
}

/** What a password was typed for, as the audit log notes it. */
export type Attempt =
  'attemptLogin' | 'attemptUnlock' | 'attemptChangePassword' | 'attemptRestore' | 'attemptWorkshop'

/** The note of an attempt that is not a plain login (whose entries say only what failed). */
function otherAttempt(what: Attempt): { k: Attempt } | null {
  return what === 'attemptLogin' ? null : { k: what }
}

/** Locks a session; its calls get LOCKED until the same user unlocks it. */
export async function lockSession(s: LiveSession, db: Db, at: Date, reason: string): Promise<void> {
  if (s.locked) return
  s.locked = true
  await logLock(s, db, at, reason)
}

/** The audit entry of a lock that has already been applied in memory. */
export function logLock(s: LiveSession, db: Db, at: Date, reason: string): Promise<void> {
  return writeAudit(db, at, actorOf(s), {
    action: 'lock',
    entityType: 'account',
    entityId: s.userId,
    detail: LOCK_NOTES[reason] ? auditNote({ k: LOCK_NOTES[reason] }) : reason,
  })
}

export async function lock(
  ctx: AuthContext,
  input: MethodParsed<'auth.lock'>,
): Promise<SessionInfo> {
  const s = ctx.current as LiveSession
  await lockSession(s, ctx.db, ctx.clock.now(), input.reason)
  return sessionInfo(ctx, s)
}

export async function unlock(
  ctx: AuthContext,
  input: MethodParsed<'auth.unlock'>,
): Promise<SessionInfo> {
  const s = ctx.current as LiveSession
  if (!s.locked) return sessionInfo(ctx, s)
  await checkPassword(ctx, s.userId, input.password, actorOf(s), 'attemptUnlock')
  const at = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ failedAttempts: 0, waitUntil: null })
      .where('id', '=', s.userId)
      .execute()
    await writeAudit(trx, at, actorOf(s), {
      action: 'unlock',
      entityType: 'account',
      entityId: s.userId,
    })
  })
  s.locked = false
  s.lastActivity = at.getTime()
  return sessionInfo(ctx, s)
}

export async function currentSession(
  ctx: AuthContext,
  input: MethodParsed<'auth.session'>,
): Promise<SessionInfo | null> {
  const s = ctx.current
  if (!s) return null
  if (input.activity && !s.locked) s.lastActivity = ctx.clock.now().getTime()
  return sessionInfo(ctx, s)
}

export async function changePassword(
  ctx: AuthContext,
  input: MethodParsed<'auth.changePassword'>,
): Promise<SessionInfo> {
  const s = ctx.current as LiveSession
  const account = await ctx.db
    .selectFrom('account')
    .selectAll()
    .where('id', '=', s.userId)
    .executeTakeFirstOrThrow()
  try {
    await checkPassword(ctx, account.id, input.currentPassword, actorOf(s), 'attemptChangePassword')
  } catch (err) {
    // A wrong current password is shown at that field; a wait stays a general message.
    if (err instanceof AppError && err.key === 'loginFailed')
      throw validationError([{ path: 'currentPassword', key: 'passwordWrong' }])
    throw err
  }
  checkNewPassword(input.newPassword, account.username, 'newPassword')
  const passwordHash = await hashPassword(input.newPassword, ctx.auth.passwordParams)
  const at = ctx.clock.now()
  await ctx.db.transaction().execute(async (trx) => {
    await requireActive(trx, s.userId)
    await trx
      .updateTable('account')
      .set({
        passwordHash,
        mustChangePassword: 0,
        failedAttempts: 0,
        waitUntil: null,
        passwordChangedAt: at.toISOString(),
        updatedAt: at.toISOString(),
      })
      .where('id', '=', s.userId)
      .execute()
    await writeAudit(trx, at, actorOf(s), {
      action: 'update',
      entityType: 'account',
      entityId: s.userId,
      fields: ['password'],
      detail: auditNote({ k: 'ownPasswordChanged' }),
    })
    await ctx.vault.setUserSlot(s.userId, account.username, input.newPassword)
  })
  s.mustChangePassword = false
  // Sessions of the same account elsewhere were opened with the old password: end them.
  for (const other of ctx.auth.sessions.ofUser(s.userId))
    if (other.id !== s.id) await endSession(ctx, other, auditNote({ k: 'passwordChanged' }))
  return sessionInfo(ctx, s)
}
