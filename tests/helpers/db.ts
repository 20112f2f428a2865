import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, DB_FILE_NAME, type OpenDatabase } from '../../src/main/db/open'
import { fixedClock, type Clock } from '../../src/main/clock'
import { createRouter, type Router } from '../../src/main/router'
import { LOCAL_ADMIN, type Session } from '../../src/main/services/context'
import type { MethodName, MethodInput, MethodOutput } from '../../src/shared/api'
import { AppError } from '../../src/shared/errors'

export interface TestApp {
  dir: string
  open: OpenDatabase
  clock: Clock
  router: Router
  /** Calls through the real router and throws the AppError on failure. */
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    session?: Session,
  ): Promise<MethodOutput<M>>
  close(): Promise<void>
}

/** A real SQLite file in a fresh temp folder, the real router, and a fixed clock. */
export async function createTestApp(now = '2026-06-15T10:00:00Z'): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-test-'))
  const open = await openDatabase({
    file: join(dir, DB_FILE_NAME),
    backupDir: join(dir, 'backups'),
  })
  const clock = fixedClock(now)
  const router = createRouter({ db: open.db, clock, logError: () => undefined })
  return {
    dir,
    open,
    clock,
    router,
    async call(method, input, session = LOCAL_ADMIN) {
      const result = await router.call(session, method, input)
      if (!result.ok) throw new AppError(result.error)
      return result.value as MethodOutput<typeof method>
    },
    async close() {
      await open.close()
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
