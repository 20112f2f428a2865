import { AppError, conflict } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type { FirstSteps, SheetFile, WorkshopStatus } from '../../../shared/schemas/workshop'
import type { SessionInfo } from '../../../shared/schemas/accounts'
import { auditNote } from '../../../shared/audit-text'
import type { Actor, Db, ServiceContext } from '../../context'
import type { Vault } from '../../vault/vault'
import { writeAudit } from '../audit/audit'
import { checkLogin, login, type AuthContext } from '../accounts/auth'
import { getOrganisation } from '../accounts/organisation'
import type { Slice } from '../slice'
import { DEMO_LOGINS, DEMO_PASSWORD, type Workshop } from './workshop'
import { loginsSheetPdf } from './logins-sheet'

/** Switching, resetting and the logins sheet: they work on sessions, before or without one. */
export const WORKSHOP_PREFIXES = ['workshop'] as const
/** The checklist of a new organisation's first steps, on the start screen. */
export const FIRST_STEPS_PREFIXES = ['firstSteps'] as const

export interface WorkshopContext extends AuthContext {
  /** Null where no oefenomgeving is set up (a script's router): its methods then refuse. */
  workshop: Workshop | null
  /**
   * Ends every session at every screen, each logged out in the data it was in, and voids the
   * files waiting for them: after a switch nobody is logged in anywhere.
   */
  endAllSessions(note: string | null): Promise<void>
}

/**
 * Who may switch between the oefenomgeving and the real data: an active admin or coordinator of
 * the real data, with that account's password. Volunteers may not (they work at the counter and
 * must not close the shop's data for everybody), and no demo login may: its password is printed
 * on a sheet for the whole room.
 */
export const SWITCH_ROLES = ['admin', 'coordinator'] as const

function workshopOf(ctx: WorkshopContext): Workshop {
  if (!ctx.workshop) throw conflict('workshopUnavailable')
  return ctx.workshop
}

function refused(): AppError {
  return new AppError({ code: 'FORBIDDEN', key: 'workshopLoginFailed' })
}

/** The real data, as a login on it sees it (its log, its accounts' waits, its key slots). */
function realContext(ctx: WorkshopContext, real: Vault): AuthContext {
  return {
    get db() {
      return real.db
    },
    vault: real,
    clock: ctx.clock,
    auth: ctx.auth,
    caller: ctx.caller,
    current: null,
  }
}

/**
 * Checks the login of an admin or coordinator of the real data with the login's own check: a
 * closed real vault is opened with the password's key slot, then the account's wait, password
 * and state count as at a login. So every wrong password here counts toward the account's wait,
 * an account that must wait cannot switch, and each failure is logged in the real data's log:
 * at once when it is open, or kept in memory and written when it is next opened (as a failed
 * login on closed data is). A vault this check opened is closed again when it fails, so a
 * refused switch leaves the real data as it was.
 */
async function checkRealLogin(
  ctx: WorkshopContext,
  real: Vault,
  input: MethodParsed<'workshop.open'>,
): Promise<Actor & { userId: number }> {
  const wasOpen = real.isOpen
  try {
    const account = await checkLogin(realContext(ctx, real), input, 'attemptWorkshop').catch(
      (err: unknown) => {
        // One answer for a wrong name or password, open data or closed: the switch's own.
        if (
          err instanceof AppError &&
          (err.key === 'loginFailed' || err.key === 'loginFailedClosed')
        )
          throw refused()
        throw err
      },
    )
    if (!(SWITCH_ROLES as readonly string[]).includes(account.role))
      throw new AppError({ code: 'FORBIDDEN', key: 'workshopNeedsStaff' })
    // The right password starts the account's count of wrong ones anew, as a login's does.
    await real.db
      .updateTable('account')
      .set({ failedAttempts: 0, waitUntil: null })
      .where('id', '=', account.id)
      .execute()
    return {
      userId: account.id,
      userName: account.username,
      role: account.role,
      workstation: ctx.caller.workstation,
    }
  } catch (err) {
    if (!wasOpen && real.isOpen) await real.close()
    throw err
  }
}

/** Records the switch in the real data's log, by the admin or coordinator who made it. */
function logSwitch(db: Db, at: Date, actor: Actor, opened: boolean): Promise<void> {
  return writeAudit(db, at, actor, {
    action: 'settings_change',
    entityType: 'settings',
    detail: auditNote({ k: opened ? 'workshopOpened' : 'workshopClosed' }),
  })
}

/**
 * An entry for the real data's log while it is closed (the oefenomgeving is open): kept in memory
 * and written when the real data is next opened, by the switch back or a login on it. It names
 * no account of the real data: demo accounts have ids of their own that mean nothing there.
 */
function forRealLog(ctx: WorkshopContext, real: Vault, detail: string | null): void {
  ctx.auth.pendingAudit.push({
    file: real.dbFile,
    at: ctx.clock.now(),
    actor: { userId: null, userName: null, role: null, workstation: ctx.caller.workstation },
    event: { action: 'settings_change', entityType: 'settings', detail },
  })
}

/** When making the demo data fails, the app falls back to the real data: its log says so. */
function logWhenPreparationFails(ctx: WorkshopContext, workshop: Workshop): void {
  if (!workshop.preparing) return
  void workshop.ready().then(() => {
    if (workshop.status().failed)
      forRealLog(ctx, workshop.real, auditNote({ k: 'workshopPreparationFailed' }))
  })
}

export async function openWorkshop(
  ctx: WorkshopContext,
  input: MethodParsed<'workshop.open'>,
): Promise<WorkshopStatus> {
  const workshop = workshopOf(ctx)
  return workshop.serially(async () => {
    if (workshop.mode === 'demo') throw conflict('workshopAlreadyOpen')
    const real = workshop.real
    const wasOpen = real.isOpen
    const actor = await checkRealLogin(ctx, real, input)
    try {
      await ctx.endAllSessions(auditNote({ k: 'workshopOpened' }))
      await logSwitch(real.db, ctx.clock.now(), actor, true)
    } catch (err) {
      // Not switched: the real data stays as it was, closed again when this opened it.
      if (!wasOpen && real.isOpen) await real.close()
      throw err
    }
    // The day's work goes into a backup, then the real key leaves memory with the closed data.
    try {
      await real.backupAtClose()
    } catch (err) {
      console.error('Backup before the oefenomgeving failed', err)
    }
    await real.close()
    // When the demo's files do not open, the app is back on the real data, closed.
    await workshop.enterDemo()
    logWhenPreparationFails(ctx, workshop)
    return workshop.status()
  })
}

export async function leaveWorkshop(
  ctx: WorkshopContext,
  input: MethodParsed<'workshop.leave'>,
): Promise<SessionInfo> {
  const workshop = workshopOf(ctx)
  return workshop.serially(async () => {
    if (workshop.mode !== 'demo') throw conflict('workshopNotOpen')
    const real = workshop.real
    const actor = await checkRealLogin(ctx, real, input)
    try {
      await ctx.endAllSessions(null)
      // Ends on the real data, also when closing the demo fails.
      await workshop.leaveDemo()
    } catch (err) {
      // Still in the oefenomgeving: the real data closes again and its key leaves memory.
      if (workshop.mode === 'demo' && real.isOpen) await real.close()
      throw err
    }
    await logSwitch(real.db, ctx.clock.now(), actor, false)
    // Logged in on the real data with the same login (its audit entry, back-off and session).
    return login(realContext(ctx, real), input)
  })
}

export async function resetWorkshop(ctx: WorkshopContext): Promise<WorkshopStatus> {
  const workshop = workshopOf(ctx)
  return workshop.serially(async () => {
    // Only inside the oefenomgeving: a real admin can never wipe the real data through this.
    if (workshop.mode !== 'demo') throw conflict('workshopNotOpen')
    const by = ctx.current?.username
    await ctx.endAllSessions(null)
    await workshop.reset()
    // Any demo coordinator may reset (its password is on the sheet): the real log says when.
    forRealLog(
      ctx,
      workshop.real,
      auditNote({ k: 'workshopReset' }, by !== undefined && { k: 'userName', name: by }),
    )
    logWhenPreparationFails(ctx, workshop)
    return workshop.status()
  })
}

export const workshopHandlers: Slice<(typeof WORKSHOP_PREFIXES)[number], WorkshopContext> = {
  'workshop.status': async (ctx) => workshopOf(ctx).status(),
  'workshop.open': openWorkshop,
  'workshop.leave': leaveWorkshop,
  'workshop.reset': resetWorkshop,
  'workshop.loginsSheet': async (ctx): Promise<SheetFile> => {
    const organisation = await getOrganisation(ctx.db)
    const bytes = await loginsSheetPdf({
      organisation,
      logins: DEMO_LOGINS,
      password: DEMO_PASSWORD,
      printedAt: ctx.clock.now(),
    })
    return {
      pdf: {
        filename: 'oefenomgeving-inloggegevens.pdf',
        mime: 'application/pdf',
        bytes: new Uint8Array(bytes),
      },
    }
  },
}

async function count(db: Db, table: 'slot' | 'account' | 'household'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * A new organisation's first steps, each done once the data shows it: half-days exist, there is
 * an account beside the first admin, a first family is registered (by an intake, or brought in by
 * an import).
 */
export async function firstSteps(ctx: ServiceContext): Promise<FirstSteps> {
  const [slots, accounts, households] = await Promise.all([
    count(ctx.db, 'slot'),
    count(ctx.db, 'account'),
    count(ctx.db, 'household'),
  ])
  const steps: FirstSteps['steps'] = [
    { key: 'halfDays', done: slots > 0 },
    { key: 'accounts', done: accounts > 1 },
    { key: 'intake', done: households > 0 },
  ]
  // Shown until the shop has run: half-days and a first family. A one-person organisation adds
  // no accounts, and must not keep the list for ever.
  return { show: slots === 0 || households === 0, steps }
}

export const firstStepsHandlers: Slice<(typeof FIRST_STEPS_PREFIXES)[number], ServiceContext> = {
  'firstSteps.get': firstSteps,
}
