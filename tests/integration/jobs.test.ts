import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WorkerPool } from '../../src/main/workers/pool'
import { AppError } from '../../src/shared/errors'
import { createTestApp, newCaller, type TestApp } from '../helpers/db'
import { countSlowly } from '../helpers/worker-test-tasks'

const entry = fileURLToPath(new URL('../helpers/worker-test-entry.ts', import.meta.url))

describe('jobs.list and jobs.cancel', () => {
  let app: TestApp
  let pool: WorkerPool
  let runs: Promise<unknown>[]

  beforeEach(async () => {
    app = await createTestApp()
    // The router lists the vault's pool: here it is one whose worker also knows the test tasks.
    pool = app.vault.workers.withEntry(entry)
    ;(app.vault as { workers: WorkerPool }).workers = pool
    runs = []
  })
  afterEach(async () => {
    await pool.terminateAll()
    await Promise.allSettled(runs)
    await app.close()
  })

  /** Starts a slow job as if the session of `caller` had asked for it. */
  function startFor(sessionId: string | null, cancellable = true, roles?: string[]): void {
    const run = pool.run(
      countSlowly,
      { steps: 2000 },
      { jobLabelKey: 'jobs.labels.backup', cancellable, owner: { sessionId, roles } },
    )
    run.catch(() => undefined)
    runs.push(run)
  }

  it("a user sees and cancels only their own session's jobs", async () => {
    const volunteer = await app.loginAs('volunteer')
    const other = await app.loginAs('coordinator')
    startFor(volunteer.sessionId)
    startFor(other.sessionId)
    await expect.poll(() => pool.jobs().length, { timeout: 20_000 }).toBe(2)
    const mine = await app.call('jobs.list', {}, volunteer)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ labelKey: 'jobs.labels.backup', cancellable: true })
    const theirs = (await app.call('jobs.list', {}, other))[0]
    expect(theirs.id).not.toBe(mine[0].id)
    // Another session's job is answered as if it did not exist, and keeps running.
    await expect(app.call('jobs.cancel', { id: theirs.id }, volunteer)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      key: 'jobNotFound',
    })
    expect(await app.call('jobs.cancel', { id: mine[0].id }, volunteer)).toEqual({ id: mine[0].id })
    await expect.poll(() => pool.jobs().length, { timeout: 20_000 }).toBe(1)
    expect(pool.jobs()[0].id).toBe(theirs.id)
  })

  it("the app's own admin-only work is shown to admins only and cannot be cancelled", async () => {
    const coordinator = await app.loginAs('coordinator')
    startFor(null, true, ['admin'])
    await expect.poll(() => pool.jobs().length, { timeout: 20_000 }).toBe(1)
    expect(await app.call('jobs.list', {}, coordinator)).toEqual([])
    const [daily] = await app.call('jobs.list', {}, app.admin)
    expect(daily.labelKey).toBe('jobs.labels.backup')
    const err = await app.call('jobs.cancel', { id: daily.id }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'CONFLICT', key: 'jobNotCancellable' })
    expect(pool.jobs()).toHaveLength(1)
  })

  it('nobody logged in sees nothing, and a cancel of an unknown id changes nothing', async () => {
    const r = await app.router.call(newCaller(), 'jobs.list', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await expect(
      app.call('jobs.cancel', { id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
