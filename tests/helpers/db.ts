import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { OpenDatabase } from '../../src/main/db/open'
import { Vault } from '../../src/main/vault/vault'
import { manualClock, type ManualClock } from '../../src/main/clock'
import { createRouter, type Router } from '../../src/main/router'
import type { ScryptParams } from '../../src/main/crypto/passwords'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodName, MethodInput, MethodOutput } from '../../src/shared/api'
import { AppError } from '../../src/shared/errors'
import type { Role } from '../../src/shared/schemas/accounts'

/**
 * A cheaper scrypt for tests that log many people in. The stored hash names its parameters, so
 * the same code checks it; tests of the production setting use the default instead.
 */
export const TEST_PASSWORD_PARAMS: ScryptParams = { logN: 10, r: 8, p: 1 }

export const ADMIN_USERNAME = 'beheerder'
export const ADMIN_PASSWORD = 'Zonnebloem-veld-42'

export interface TestApp {
  dir: string
  /** The open database (after setup); reading it before then throws. */
  readonly open: Pick<OpenDatabase, 'db' | 'sqlite' | 'file'>
  vault: Vault
  clock: ManualClock
  router: Router
  /** The first admin's screen, logged in by the setup (unless `setup: false`). */
  admin: Caller
  /** Calls through the real router and throws the AppError on failure. */
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    caller?: Caller,
  ): Promise<MethodOutput<M>>
  /**
   * A new account of `role`, created by the admin, logged in on its own screen, with its first
   * password replaced as the app demands. Returns that screen.
   */
  loginAs(role: Role, username?: string): Promise<Caller>
  close(): Promise<void>
}

export function newCaller(workstation = 'test-pc'): Caller {
  return { sessionId: null, workstation }
}

/** A real SQLite file in a fresh temp folder, the real router, and a clock the test controls. */
export async function createTestApp(
  now = '2026-06-15T10:00:00Z',
  options: { setup?: boolean; passwordParams?: ScryptParams } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-test-'))
  const clock = manualClock(now)
  const passwordParams = options.passwordParams ?? TEST_PASSWORD_PARAMS
  const vault = await Vault.start({ dataDir: dir, clock, slotParams: passwordParams })
  const router = createRouter({
    vault,
    clock,
    logError: () => undefined,
    passwordParams,
  })
  const admin = newCaller()
  const call = async <M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    caller: Caller = admin,
  ): Promise<MethodOutput<M>> => {
    const result = await router.call(caller, method, input)
    if (!result.ok) throw new AppError(result.error)
    return result.value as MethodOutput<M>
  }
  if (options.setup !== false)
    await call('setup.create', {
      organisation: { name: 'Stichting Testwinkel' },
      admin: {
        username: ADMIN_USERNAME,
        displayName: 'Bea Beheer',
        password: ADMIN_PASSWORD,
        passwordRepeat: ADMIN_PASSWORD,
      },
    })
  let made = 0
  return {
    dir,
    get open() {
      return { db: vault.db, sqlite: vault.sqlite, file: vault.dbFile }
    },
    vault,
    clock,
    router,
    admin,
    call,
    async loginAs(role, username) {
      made += 1
      const name = username ?? `${role}${made}`
      const first = `Eerste-toegang-${made}-krokus`
      const own = `Eigen-sleutelbos-${made}-tulp`
      await call('users.create', {
        username: name,
        displayName: `Test ${role}`,
        role,
        password: first,
      })
      const caller = newCaller()
      await call('auth.login', { username: name, password: first }, caller)
      await call(
        'auth.changePassword',
        { currentPassword: first, newPassword: own, newPasswordRepeat: own },
        caller,
      )
      return caller
    },
    async close() {
      await vault.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Awaits a call that must be refused and returns its AppError. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected the call to be refused')
}
