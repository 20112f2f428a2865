import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { renameSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { WorkerPool, WorkersBusyError } from '../../src/main/workers/pool'
import {
  TaskCancelledError,
  TaskTimeoutError,
  WorkerCrashedError,
} from '../../src/main/workers/task'
import { createTestApp, type TestApp } from '../helpers/db'
import { addHousehold, listIds } from '../helpers/fixtures'
import { countSharesOn } from '../../src/main/domains/reports/figures-task'
import {
  collectFigures,
  joinShares,
  SHARE_NAMES,
  type Shares,
} from '../../src/main/domains/reports/collect'
import {
  countSlowly,
  countTables,
  crash,
  fail,
  hasKey,
  readKept,
  spin,
  threadKeeping,
  threadPlain,
  tellFirst,
} from '../helpers/worker-test-tasks'

const entry = fileURLToPath(new URL('../helpers/worker-test-entry.ts', import.meta.url))

describe('worker runner', () => {
  let app: TestApp
  let pool: WorkerPool

  beforeEach(async () => {
    app = await createTestApp()
    pool = app.vault.workers.withEntry(entry)
  })
  afterEach(async () => {
    await pool.terminateAll()
    await app.close()
  })

  it('runs a task on its own connection to the live encrypted database', async () => {
    const started = performance.now()
    const out = await pool.run(countTables, { extra: 5 })
    const ms = performance.now() - started
    const tables = (
      app.open.sqlite
        .prepare("select count(*) as n from sqlite_master where type = 'table'")
        .get() as { n: number }
    ).n
    expect(out).toEqual({ tables, extra: 5 })
    expect(tables).toBeGreaterThan(5)
    // Start-up cost of one thread (with tsx's loader here); logged for the report.
    console.log(`worker round trip ${ms.toFixed(0)} ms`)
  })

  it('keeps a read connection warm between figure tasks, sees new writes, and drops it when asked', async () => {
    const count = { sql: 'select count(*) from setting' }
    const first = await pool.run(readKept, count)
    app.open.sqlite.prepare(`insert into setting (key, value) values ('test.kept', '1')`).run()
    const second = await pool.run(readKept, count)
    // The same connection (a warm page cache), and it reads what main wrote since.
    expect(second.connection).toBe(first.connection)
    expect(second.value).toBe(Number(first.value) + 1)
    // The vault closes or its file is swapped: the key goes out of the worker with the connection.
    pool.forgetConnections()
    const third = await pool.run(readKept, count)
    expect(third.connection).not.toBe(first.connection)
    expect(third.value).toBe(second.value)
  })

  it('sends a task that keeps memory back to its thread, and other work to another one', async () => {
    const own = app.vault.workers.withEntry(entry, { maxThreads: 2 })
    try {
      const keeping = await own.run(threadKeeping, {})
      // Other work (a checkpoint, figures) starts a thread of its own while there is room ...
      const plain = await own.run(threadPlain, {})
      expect(plain).not.toBe(keeping)
      // ... so the next look finds its register where it left it, again and again.
      expect(await own.run(threadKeeping, {})).toBe(keeping)
      expect(await own.run(threadPlain, {})).toBe(plain)
      expect(await own.run(threadKeeping, {})).toBe(keeping)
      expect(own.threadCount).toBe(2)
      // Both busy at once: each still on its own thread.
      const [k, p] = await Promise.all([own.run(threadKeeping, {}), own.run(threadPlain, {})])
      expect([k, p]).toEqual([keeping, plain])
    } finally {
      await own.terminateAll()
    }
    // With one thread only, other work still runs, on the keeping thread.
    const single = app.vault.workers.withEntry(entry, { maxThreads: 1 })
    try {
      const keeping = await single.run(threadKeeping, {})
      expect(await single.run(threadPlain, {})).toBe(keeping)
      expect(single.threadCount).toBe(1)
    } finally {
      await single.terminateAll()
    }
  })

  it('hands main what a task tells before its answer, while the task goes on', async () => {
    const events: unknown[] = []
    const answer = pool
      .run(tellFirst, { waitMs: 300 }, { onTold: (value) => events.push(value) })
      .then((out) => events.push(out))
    await vi.waitFor(() => expect(events).toEqual([{ first: [1, 2, 3] }]), {
      timeout: 5000,
      interval: 10,
    })
    await answer
    expect(events).toEqual([{ first: [1, 2, 3] }, 'klaar'])
  })

  it('keeps a thread that holds a task memory alive longer than a plain idle one', async () => {
    const own = new WorkerPool({
      dbFile: app.open.file,
      dataDir: app.dir,
      key: () => null,
      entry,
      idleMs: 50,
      keptIdleMs: 60_000,
    })
    try {
      const keeping = await own.run(threadKeeping, {})
      await own.run(threadPlain, {})
      expect(own.threadCount).toBe(2)
      await vi.waitFor(() => expect(own.threadCount).toBe(1), { timeout: 5000, interval: 50 })
      expect(await own.run(threadKeeping, {})).toBe(keeping)
    } finally {
      await own.terminateAll()
    }
  })

  it('opens the kept read connection anew when the database file was replaced (a restore)', async () => {
    const file = join(app.dir, 'los.sqlite')
    const make = (name: string, rows: number): void => {
      const db = new Database(join(app.dir, name))
      db.exec('create table t (n integer)')
      for (let i = 0; i < rows; i++) db.prepare('insert into t values (?)').run(i)
      db.close()
    }
    make('los.sqlite', 2)
    const own = new WorkerPool({ dbFile: file, dataDir: app.dir, key: () => null, entry })
    try {
      const before = await own.run(readKept, { sql: 'select count(*) from t' })
      expect(before.value).toBe(2)
      // As a restore does: another file renamed into place.
      make('nieuw.sqlite', 5)
      renameSync(join(app.dir, 'nieuw.sqlite'), file)
      const after = await own.run(readKept, { sql: 'select count(*) from t' })
      expect(after.value).toBe(5)
      expect(after.connection).not.toBe(before.connection)
    } finally {
      await own.terminateAll()
    }
  })

  it('reports progress and lists the job while it runs, then forgets it', async () => {
    const seen: number[] = []
    const run = pool.run(
      countSlowly,
      { steps: 10 },
      { jobLabelKey: 'jobs.labels.test', onProgress: (d) => seen.push(d) },
    )
    await expect.poll(() => pool.jobs()[0]?.done ?? 0, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(pool.jobs()[0]).toMatchObject({ labelKey: 'jobs.labels.test', total: 10 })
    expect(await run).toBe(10)
    expect(seen.at(-1)).toBe(10)
    expect(pool.jobs()).toEqual([])
  })

  it('stops a cancellable job when asked, and only that kind', async () => {
    const fixed = pool.run(countSlowly, { steps: 20 }, { jobLabelKey: 'x' })
    const free = pool.run(countSlowly, { steps: 1000 }, { jobLabelKey: 'y', cancellable: true })
    await expect
      .poll(() => pool.jobs().filter((j) => j.done > 0).length, { timeout: 20_000 })
      .toBe(2)
    const [a, b] = pool.jobs()
    expect(pool.cancel(a.id)).toBe(false)
    expect(pool.cancel(b.id)).toBe(true)
    await expect(free).rejects.toBeInstanceOf(TaskCancelledError)
    expect(await fixed).toBe(20)
  })

  it('ends a task that never looks at a flag: by an abort, or at its time limit', async () => {
    const stop = new AbortController()
    const stopped = pool.run(spin, { ms: 60_000 }, { signal: stop.signal })
    await expect.poll(() => pool.size, { timeout: 20_000 }).toBe(1)
    stop.abort()
    await expect(stopped).rejects.toBeInstanceOf(TaskCancelledError)
    await expect(pool.run(spin, { ms: 60_000 }, { timeoutMs: 1_000 })).rejects.toBeInstanceOf(
      TaskTimeoutError,
    )
    // Their threads are gone, and the pool goes on.
    expect(pool.size).toBe(0)
    expect(await pool.run(countTables, { extra: 2 })).toMatchObject({ extra: 2 })
    // A task quicker than its limit answers as usual.
    expect(await pool.run(spin, { ms: 10 }, { timeoutMs: 30_000 })).toBeGreaterThan(0)
    await expect(
      pool.run(spin, { ms: 10 }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(TaskCancelledError)
  })

  it('takes a waiting task back when withdrawn, and lets a running one finish', async () => {
    const small = app.vault.workers.withEntry(entry, { maxThreads: 1 })
    try {
      const withdraw = new AbortController()
      const options = { withdraw: withdraw.signal }
      const first = small.run(countSlowly, { steps: 10 }, { ...options, jobLabelKey: 'a' })
      const second = small.run(countSlowly, { steps: 2 }, { ...options, jobLabelKey: 'b' })
      first.catch(() => undefined)
      second.catch(() => undefined)
      expect(small.jobs().map((j) => [j.labelKey, j.phase])).toEqual([
        ['a', null],
        ['b', 'waiting'],
      ])
      withdraw.abort()
      await expect(second).rejects.toBeInstanceOf(TaskCancelledError)
      // The running one is not ended: it answers, and its thread stays for the next task.
      expect(await first).toBe(10)
      expect(small.threadCount).toBe(1)
      expect(small.jobs()).toEqual([])
    } finally {
      await small.terminateAll()
    }
  })

  it("counts the report's shares on the threads there are, without waiting for a busy one", async () => {
    const [category] = await listIds(app, 'category')
    for (const [name, date] of [
      ['Jansen', '2026-02-03'],
      ['De Vries', '2026-03-10'],
    ]) {
      const householdId = await addHousehold(app, name, { district: 'Noord' })
      await app.call('visits.register', {
        householdId,
        date,
        servedBy: 'Anja',
        items: [{ categoryId: category, count: 2 }],
      })
    }
    const periods = [
      { from: '2026-01-01', to: '2026-06-30', area: null },
      { from: '2025-01-01', to: '2025-06-30', area: null },
    ]
    const at = { today: app.clock.today(), now: app.clock.now() }
    const expected = await Promise.all(
      periods.map((p) => collectFigures(app.open.db, p, at.today, at.now)),
    )
    const figuresOf = (counted: Map<string, unknown[]>) =>
      periods.map((p, i) =>
        joinShares(
          p,
          Object.fromEntries(SHARE_NAMES.map((n) => [n, counted.get(n)?.[i]])) as Shares,
        ),
      )

    // Both threads free: the shares are spread over them, and together they are the count.
    const both = await countSharesOn(pool, periods, at, {})
    expect([...both.keys()].sort()).toEqual([...SHARE_NAMES].sort())
    expect(figuresOf(both)).toEqual(expected)
    expect(expected[0].shop.visits).toBe(2)

    // One thread busy for a long time (a backup): the other counts everything, and the helper
    // that waited for the busy one is taken back instead of holding the report up.
    let spinning = true
    // Its end is caught from the start: ending the pool below rejects it, and the pool's two
    // threads stop in different turns of the event loop.
    const busyEnd = pool.run(spin, { ms: 20_000 }).then(
      () => null,
      (err: unknown) => err,
    )
    void busyEnd.finally(() => (spinning = false))
    await expect.poll(() => pool.size).toBe(1)
    const one = await countSharesOn(pool, periods, at, {})
    expect(spinning).toBe(true)
    expect(figuresOf(one)).toEqual(expected)
    expect(pool.jobs().filter((j) => j.phase === 'waiting')).toEqual([])
    expect(pool.size).toBe(1)
    await pool.terminateAll()
    expect(await busyEnd).toBeInstanceOf(WorkerCrashedError)
  })

  it('a crashing worker rejects its call with a clear error and main goes on', async () => {
    await expect(pool.run(crash, {})).rejects.toBeInstanceOf(WorkerCrashedError)
    await expect(pool.run(crash, {})).rejects.toThrow(/worker stopped.*exit code 7/)
    expect(pool.size).toBe(0)
    expect(await pool.run(countTables, { extra: 1 })).toMatchObject({ extra: 1 })
  })

  it("a task's error keeps its name and fields, and can be revived as the caller's class", async () => {
    const err = await pool.run(fail, {}).catch((e: unknown) => e)
    expect(err).toMatchObject({
      name: 'VaultError',
      message: 'Kapot',
      reason: 'damaged',
      code: 'X1',
    })
    class Mine extends Error {}
    await expect(
      pool.run(
        fail,
        {},
        { reviveError: (e) => (e.name === 'VaultError' ? new Mine(e.message) : null) },
      ),
    ).rejects.toBeInstanceOf(Mine)
  })

  it('hands the key to the worker only while the vault is open', async () => {
    expect(await pool.run(hasKey, {})).toBe(true)
    // A task that reads an outside file is given none.
    expect(await pool.run(hasKey, {}, { key: null })).toBe(false)
    await app.vault.close()
    expect(await pool.run(hasKey, {})).toBe(false)
  })

  it('runs at most its number of threads; more jobs wait their turn, listed, and beyond a limit are refused', async () => {
    const small = app.vault.workers.withEntry(entry, { maxThreads: 1, maxWaiting: 2 })
    // Four screens' jobs (the app's own are never refused for a full queue: see below).
    const of = (sessionId: string) => ({ sessionId })
    try {
      const first = small.run(countSlowly, { steps: 15 }, { jobLabelKey: 'a', owner: of('s1') })
      const second = small.run(
        countSlowly,
        { steps: 2 },
        { jobLabelKey: 'b', cancellable: true, owner: of('s2') },
      )
      const third = small.run(countSlowly, { steps: 2 }, { jobLabelKey: 'c', owner: of('s3') })
      await expect(
        small.run(countSlowly, { steps: 1 }, { jobLabelKey: 'd', owner: of('s4') }),
      ).rejects.toThrow(WorkersBusyError)
      expect(small.jobs().map((j) => [j.labelKey, j.phase])).toEqual([
        ['a', null],
        ['b', 'waiting'],
        ['c', 'waiting'],
      ])
      expect(small.threadCount).toBe(1)
      // A waiting job that is cancelled never starts.
      expect(small.cancel(small.jobs()[1].id)).toBe(true)
      await expect(second).rejects.toThrow(TaskCancelledError)
      expect(await first).toBe(15)
      expect(await third).toBe(2)
      expect(small.threadCount).toBe(1)
      expect(small.jobs()).toEqual([])
    } finally {
      await small.terminateAll()
    }
  })

  it('lets one session hold only a few jobs, so it cannot fill the queue for the others', async () => {
    const small = app.vault.workers.withEntry(entry, { maxThreads: 1, maxWaiting: 10 })
    const as = (sessionId: string) => ({ jobLabelKey: 'x', owner: { sessionId } })
    try {
      const mine = [1, 2, 3].map(() => small.run(countSlowly, { steps: 2 }, as('s1')))
      await expect(small.run(countSlowly, { steps: 1 }, as('s1'))).rejects.toThrow(WorkersBusyError)
      const other = small.run(countSlowly, { steps: 1 }, as('s2'))
      expect(await Promise.all(mine)).toEqual([2, 2, 2])
      expect(await other).toBe(1)
    } finally {
      await small.terminateAll()
    }
  })

  it("counts one account's sessions together, and never refuses the app's own backup for a full queue", async () => {
    const small = app.vault.workers.withEntry(entry, { maxThreads: 1, maxWaiting: 4 })
    // One volunteer in six tabs: six sessions, one account.
    const tab = (n: number) => ({ jobLabelKey: 'x', owner: { sessionId: `tab${n}`, accountId: 7 } })
    try {
      const running = small.run(countSlowly, { steps: 10 }, { owner: { sessionId: 'admin' } })
      const mine = [1, 2, 3].map((n) => small.run(countSlowly, { steps: 1 }, tab(n)))
      for (const n of [4, 5, 6])
        await expect(small.run(countSlowly, { steps: 1 }, tab(n))).rejects.toThrow(WorkersBusyError)
      // Another person still gets the last waiting place; then the queue is full for screens...
      const other = small.run(
        countSlowly,
        { steps: 1 },
        { owner: { sessionId: 'c', accountId: 8 } },
      )
      await expect(
        small.run(countSlowly, { steps: 1 }, { owner: { sessionId: 'd', accountId: 9 } }),
      ).rejects.toThrow(WorkersBusyError)
      // ...but not for the daily backup, which waits its turn.
      const backup = small.run(countSlowly, { steps: 1 }, { owner: { sessionId: null } })
      expect(await Promise.all([running, ...mine, other, backup])).toEqual([10, 1, 1, 1, 1, 1])
    } finally {
      await small.terminateAll()
    }
  })
})
