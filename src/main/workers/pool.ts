import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { isMainThread, Worker } from 'node:worker_threads'
import {
  TaskCancelledError,
  TaskTimeoutError,
  WorkerCrashedError,
  type ForgetRequest,
  type SerializedError,
  type TaskDefinition,
  type TaskRequest,
  type WorkerMessage,
  type WorkerSetup,
} from './task'

/** Who may see and cancel a job in `jobs.list`. */
export interface JobOwner {
  /** The session that started it; null for work the app started itself (the daily backup). */
  sessionId: string | null
  /**
   * The account behind that session: the cap of jobs per person counts all of an account's
   * sessions (six tabs of one login are one person), not each session on its own.
   */
  accountId?: number
  /** Roles that see an app-started job (e.g. only admins see the daily backup). */
  roles?: readonly string[]
}

export interface Job {
  id: string
  /** i18n key of what the job does, e.g. `jobs.labels.backup`. */
  labelKey: string
  done: number
  total: number
  phase: string | null
  cancellable: boolean
  owner: JobOwner
  startedAt: number
}

export interface RunOptions {
  onProgress?: (done: number, total: number, phase?: string) => void
  /** What the task tells before its answer (`TaskContext.tell`), as it comes. */
  onTold?: (value: unknown) => void
  /** Listed in `jobs.list` under this label while it runs; without one the job is not listed. */
  jobLabelKey?: string
  owner?: JobOwner
  /** Whether `jobs.cancel` may stop it (the task must check `ctx.cancelled()`). */
  cancellable?: boolean
  /**
   * The key the task gets instead of the open database's (a copy being encrypted, a backup's);
   * null for a task that needs none (reading an outside file: a parser fed a stranger's file
   * never holds the database key).
   */
  key?: Buffer | null
  /**
   * Ends the task by ending its thread, for work that cannot check `ctx.cancelled()` (a library
   * parsing a file): on abort the caller's promise rejects with TaskCancelledError.
   */
  signal?: AbortSignal
  /**
   * Takes the task back while it still waits for a thread (its promise then rejects with
   * TaskCancelledError); once it runs, it runs to its end. For a helper that is not needed any
   * more when it has not started yet (see the subsidy report's shares).
   */
  withdraw?: AbortSignal
  /** The longest the task may run; then its thread is ended and it rejects with TaskTimeoutError. */
  timeoutMs?: number
  /** Turns an error from the worker back into the caller's error class (e.g. VaultError). */
  reviveError?: (error: SerializedError) => Error | null
}

export interface WorkerPoolOptions {
  /** The live database file the tasks open. */
  dbFile: string
  dataDir: string
  /** The database key while the vault is open; null when it is not (tasks then get none). */
  key: () => Buffer | null
  /** Path to a better-sqlite3 `.node` built for Electron. */
  nativeBinding?: string
  /** The worker's entry file (tests pass one with test tasks); the app's own by default. */
  entry?: string
  /** How long an idle worker is kept for the next task (default 60 s). */
  idleMs?: number
  /** How long an idle worker that keeps a task's memory is kept (default 10 minutes). */
  keptIdleMs?: number
  /** Threads at most at once; more tasks wait their turn (default MAX_THREADS). */
  maxThreads?: number
  /** Tasks at most waiting for a thread; more are refused with WorkersBusyError. */
  maxWaiting?: number
}

/**
 * Two threads at most: the shop PC often has two cores, and main needs one to stay responsive.
 * A third heavy job (ten years of figures while a backup and a full audit check run) waits.
 */
export const MAX_THREADS = 2
/** Beyond this many waiting jobs a new one is refused: screens cannot pile up work unbounded. */
export const MAX_WAITING = 16

/** Jobs one account (all its sessions together) may have running or waiting at once. */
export const MAX_PER_SESSION = 3

/** Too many jobs are waiting for a thread already. */
export class WorkersBusyError extends Error {
  constructor() {
    super('Too many jobs are waiting for a worker thread')
    this.name = 'WorkersBusyError'
  }
}

/**
 * How the worker is started: the built app has out/main/worker.js next to the bundled main; run
 * from the TypeScript sources (vitest, tsx for the browser bridge) the entry is entry.ts,
 * loaded through tsx's loader, or the same entry bundled once for a test run
 * (DICHTBIJ_WORKER_BUNDLE, see tests/helpers/worker-bundle.ts).
 */
export function workerEntry(override?: string): { file: string | URL; eval: boolean } {
  const here = dirname(fileURLToPath(import.meta.url))
  const fromSources = /\.ts$/.test(import.meta.url)
  // Only when run from the sources: the built app never takes its worker code from the environment.
  const bundled = fromSources ? process.env.DICHTBIJ_WORKER_BUNDLE || undefined : undefined
  const file = override ?? bundled ?? (fromSources ? join(here, 'entry.ts') : null)
  if (file?.endsWith('.ts')) {
    // `--import tsx` in a worker's execArgv is not honoured on Node 20: the worker registers
    // tsx's loader itself (a few lines of evaluated code) and then imports the TypeScript entry.
    const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'))
    const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href
    const code = [
      `import(${JSON.stringify(tsx)})`,
      `.then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(file).href)}) })`,
      `.catch((e) => { throw e })`,
    ].join('')
    return { file: code, eval: true }
  }
  if (file) return { file, eval: false }
  // Bundled: this code is in out/main/index.js (or a chunk beside or below it).
  for (const dir of [here, dirname(here)]) {
    const built = join(dir, 'worker.js')
    if (existsSync(built)) return { file: built, eval: false }
  }
  // A worker that starts workers of its own (the oefenomgeving's demo data is made by a vault
  // inside a worker) from a test run's single-file bundle: that bundle is the entry.
  if (!isMainThread && existsSync(fileURLToPath(import.meta.url)))
    return { file: fileURLToPath(import.meta.url), eval: false }
  return { file: join(here, 'worker.js'), eval: false }
}

interface Running {
  job: Job
  /** Null while the job waits for a thread. */
  thread: Thread | null
  flag: Int32Array
}

/** A worker thread and the task it is running, if any. */
interface Thread {
  worker: Worker
  /** Settles the running task's promise; null while idle. */
  current: ((msg: WorkerMessage | { type: 'crashed'; detail: string }) => void) | null
  idleTimer: NodeJS.Timeout | null
  /** The tasks that keep memory (`TaskDefinition.keeps`) this thread has run. */
  holds: Set<string>
}

/**
 * Runs tasks in worker threads. A thread runs one task at a time; a task that comes while all
 * threads are busy gets a new one. An idle thread is kept a minute for the next task (starting
 * one costs ~30 ms built, but 0.6-2 s from the TypeScript sources through tsx) and then ends.
 * A thread that crashes rejects its task and is never reused; main goes on.
 */
export class WorkerPool {
  private readonly running = new Map<string, Running>()
  private readonly idle: Thread[] = []
  /** Jobs waiting for a thread, in order; each starts (or is dropped) through its function. */
  private readonly waiting: { id: string; start: () => void; drop: (err: Error) => void }[] = []
  private threads = 0

  constructor(private readonly options: WorkerPoolOptions) {}

  /** The same pool settings with another entry file (tests run their own tasks through it). */
  withEntry(
    entry: string,
    limits: Pick<WorkerPoolOptions, 'maxThreads' | 'maxWaiting'> = {},
  ): WorkerPool {
    return new WorkerPool({ ...this.options, ...limits, entry })
  }

  /** Threads alive now (running or idle). */
  get threadCount(): number {
    return this.threads
  }

  private spawn(): Thread {
    const entry = workerEntry(this.options.entry)
    const setup: WorkerSetup = {
      dbFile: this.options.dbFile,
      dataDir: this.options.dataDir,
      nativeBinding: this.options.nativeBinding,
    }
    const worker = new Worker(entry.file, { workerData: setup, eval: entry.eval })
    const thread: Thread = { worker, current: null, idleTimer: null, holds: new Set() }
    this.threads++
    // A thread that ended (idle, crashed, terminated) makes room for a waiting job.
    worker.once('exit', () => {
      this.threads--
      this.startWaiting()
    })
    worker.on('message', (msg: WorkerMessage) => thread.current?.(msg))
    const crashed = (detail: string): void => {
      this.forget(thread)
      thread.current?.({ type: 'crashed', detail })
    }
    worker.on('error', (err) => crashed(err.message))
    worker.on('exit', (code) => crashed(`exit code ${code}`))
    return thread
  }

  private forget(thread: Thread): void {
    if (thread.idleTimer) clearTimeout(thread.idleTimer)
    thread.idleTimer = null
    const at = this.idle.indexOf(thread)
    if (at >= 0) this.idle.splice(at, 1)
  }

  private release(thread: Thread): void {
    thread.current = null
    this.idle.push(thread)
    this.startWaiting()
    if (thread.current) return
    thread.idleTimer = setTimeout(
      () => {
        this.forget(thread)
        void thread.worker.terminate()
      },
      thread.holds.size
        ? (this.options.keptIdleMs ?? 10 * 60_000)
        : (this.options.idleMs ?? 60_000),
    )
    // An idle worker never keeps the process (a test run, the bridge) alive.
    thread.idleTimer.unref()
    thread.worker.unref()
  }

  run<I, O>(task: TaskDefinition<I, O>, input: I, options: RunOptions = {}): Promise<O> {
    const cancelFlag = new SharedArrayBuffer(4)
    const key = options.key === undefined ? this.options.key() : options.key
    const id = randomUUID()
    return new Promise<O>((resolveTask, rejectTask) => {
      // An abort or the time limit ends the thread the task runs on (or drops it from the queue).
      let timer: NodeJS.Timeout | null = null
      const settled = (): void => {
        if (timer) clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        options.withdraw?.removeEventListener('abort', onWithdraw)
      }
      const resolve = (value: O): void => {
        settled()
        resolveTask(value)
      }
      const reject = (err: unknown): void => {
        settled()
        rejectTask(err)
      }
      const stop = (err: Error): void => {
        const at = this.waiting.findIndex((w) => w.id === id)
        if (at >= 0) return this.waiting.splice(at, 1)[0].drop(err)
        const thread = entry.thread
        if (!this.running.has(id) || !thread) return
        this.running.delete(id)
        thread.current = null
        this.forget(thread)
        void thread.worker.terminate()
        reject(err)
      }
      const onAbort = (): void => stop(new TaskCancelledError())
      const onWithdraw = (): void => {
        const at = this.waiting.findIndex((w) => w.id === id)
        if (at >= 0) this.waiting.splice(at, 1)[0].drop(new TaskCancelledError())
      }
      if (options.signal?.aborted || options.withdraw?.aborted) {
        rejectTask(new TaskCancelledError())
        return
      }
      options.signal?.addEventListener('abort', onAbort, { once: true })
      options.withdraw?.addEventListener('abort', onWithdraw, { once: true })
      if (options.timeoutMs !== undefined)
        timer = setTimeout(() => stop(new TaskTimeoutError()), options.timeoutMs)
      const job: Job = {
        id,
        labelKey: options.jobLabelKey ?? '',
        done: 0,
        total: 0,
        phase: null,
        cancellable: options.cancellable ?? false,
        owner: options.owner ?? { sessionId: null },
        startedAt: Date.now(),
      }
      const entry: Running = { job, thread: null, flag: new Int32Array(cancelFlag) }
      const start = (): void => {
        let thread: Thread
        try {
          thread = this.threadFor(task)
        } catch (err) {
          this.running.delete(id)
          reject(err)
          return
        }
        entry.thread = thread
        job.phase = null
        this.startOn(thread, entry, task, input, key, cancelFlag, options, resolve, reject)
      }
      if (this.idle.length > 0 || this.roomForThread()) {
        this.running.set(id, entry)
        start()
        return
      }
      const owner = options.owner ?? { sessionId: null }
      const jobs = [...this.running.values()].map((r) => r.job.owner)
      const ofAccount =
        owner.accountId !== undefined
          ? jobs.filter((o) => o.accountId === owner.accountId).length
          : owner.sessionId
            ? jobs.filter((o) => o.sessionId === owner.sessionId).length
            : 0
      // One person cannot fill the queue for everybody: a few jobs each at most, over all of their
      // sessions. The app's own work (backups, the start-up check: no session) is never refused
      // for a full queue, so a flood of screens' jobs cannot hold up a backup; it waits its turn.
      const appOwn = owner.sessionId === null
      if (
        ofAccount >= MAX_PER_SESSION ||
        (!appOwn && this.waiting.length >= (this.options.maxWaiting ?? MAX_WAITING))
      ) {
        reject(new WorkersBusyError())
        return
      }
      // Listed meanwhile, so the screen shows it waits its turn.
      job.phase = 'waiting'
      this.running.set(id, entry)
      this.waiting.push({
        id,
        start,
        drop: (err) => {
          this.running.delete(id)
          reject(err)
        },
      })
    })
  }

  /** Starts the next waiting job when a thread is free (idle, or room for a new one). */
  private startWaiting(): void {
    while (this.waiting.length > 0 && (this.idle.length > 0 || this.roomForThread()))
      this.waiting.shift()!.start()
  }

  private roomForThread(): boolean {
    return this.threads < (this.options.maxThreads ?? MAX_THREADS)
  }

  /**
   * The thread a task runs on. A task that keeps memory goes back to a thread that holds it (the
   * matching's register stays read). Other work takes an idle thread that holds nothing, or a new
   * thread while there is room, before it takes one that holds something: a checkpoint that ran
   * on the matching's thread would leave the next look a new, empty thread.
   */
  private threadFor(task: { readonly name: string; readonly keeps?: boolean }): Thread {
    const pick = (ok: (t: Thread) => boolean): Thread | null => {
      // The most recently idle first: the others may end for being idle long.
      for (let i = this.idle.length - 1; i >= 0; i--)
        if (ok(this.idle[i])) return this.idle.splice(i, 1)[0]
      return null
    }
    let thread = task.keeps ? pick((t) => t.holds.has(task.name)) : null
    thread ??= pick((t) => t.holds.size === 0)
    if (!thread && this.roomForThread()) thread = this.spawn()
    thread ??= pick(() => true)
    if (!thread) throw new Error('No thread free for a task that was started')
    if (task.keeps) thread.holds.add(task.name)
    return thread
  }

  private startOn<I, O>(
    thread: Thread,
    entry: Running,
    task: TaskDefinition<I, O>,
    input: I,
    key: Buffer | null,
    cancelFlag: SharedArrayBuffer,
    options: RunOptions,
    resolve: (value: O) => void,
    reject: (err: Error) => void,
  ): void {
    const { job } = entry
    const id = job.id
    {
      if (thread.idleTimer) clearTimeout(thread.idleTimer)
      thread.idleTimer = null
      thread.worker.ref()
      thread.current = (msg) => {
        if (msg.type === 'progress') {
          job.done = msg.done
          job.total = msg.total
          job.phase = msg.phase ?? null
          options.onProgress?.(msg.done, msg.total, msg.phase)
          return
        }
        if (msg.type === 'told') {
          options.onTold?.(msg.value)
          return
        }
        this.running.delete(id)
        if (msg.type === 'crashed') {
          thread.current = null
          reject(new WorkerCrashedError(msg.detail))
          return
        }
        this.release(thread)
        if (msg.type === 'done') resolve(msg.output as O)
        else reject(revive(msg.error, options.reviveError))
      }
      const request: TaskRequest = {
        type: 'run',
        id,
        task: task.name,
        input,
        // A copy travels to the worker (and is zeroed there after the task): main keeps its own.
        key: key ? new Uint8Array(key) : null,
        cancelFlag,
      }
      thread.worker.postMessage(request)
      request.key?.fill(0)
    }
  }

  /**
   * Every worker closes its kept read connection (see `TaskContext.readDatabase`): the vault
   * closes, or its file is about to be swapped. A busy worker does so after its task.
   */
  forgetConnections(): void {
    const threads = new Set([
      ...this.idle,
      ...[...this.running.values()].flatMap((r) => (r.thread ? [r.thread] : [])),
    ])
    const forget: ForgetRequest = { type: 'forget' }
    for (const t of threads) t.worker.postMessage(forget)
  }

  /** Running jobs that carry a label, as `jobs.list` filters them. */
  jobs(): Job[] {
    return [...this.running.values()]
      .map((r) => r.job)
      .filter((j) => j.labelKey !== '')
      .sort((a, b) => a.startedAt - b.startedAt)
  }

  /** Asks a job to stop; the task notices at its next check. False when there is no such job. */
  cancel(id: string): boolean {
    const r = this.running.get(id)
    if (!r || !r.job.cancellable) return false
    const at = this.waiting.findIndex((w) => w.id === id)
    if (at >= 0) this.waiting.splice(at, 1)[0].drop(new TaskCancelledError())
    else Atomics.store(r.flag, 0, 1)
    return true
  }

  /** Stops every worker at once (the app quits, a test ends); running callers' promises reject. */
  async terminateAll(): Promise<void> {
    for (const w of this.waiting.splice(0)) w.drop(new WorkerCrashedError('the app is closing'))
    const threads = new Set([
      ...this.idle,
      ...[...this.running.values()].flatMap((r) => (r.thread ? [r.thread] : [])),
    ])
    for (const t of threads) this.forget(t)
    await Promise.all([...threads].map((t) => t.worker.terminate()))
  }

  /** Tasks running now. */
  get size(): number {
    return this.running.size
  }
}

function revive(error: SerializedError, custom: RunOptions['reviveError']): Error {
  const own = custom?.(error)
  if (own) return own
  const err =
    error.name === 'TaskCancelledError'
      ? new TaskCancelledError(error.message)
      : Object.assign(new Error(error.message), { name: error.name })
  Object.assign(err, error.fields)
  if (error.stack) err.stack = error.stack
  return err
}
