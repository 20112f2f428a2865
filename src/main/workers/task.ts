import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * A piece of heavy work that runs in a worker thread (see pool.ts). It is defined in the domain
 * (or the vault) that owns it and listed in entry.ts, which dispatches by `name`. Input and
 * output cross the thread boundary by structured clone: plain data only, no functions or Kysely.
 */
export interface TaskDefinition<I, O> {
  readonly name: string
  readonly run: (input: I, ctx: TaskContext) => Promise<O> | O
  /**
   * The task keeps what it read in its thread's memory between runs (the matching's register):
   * the pool sends it back to a thread that ran it before, keeps that thread alive longer, and
   * gives other work another thread where it can.
   */
  readonly keeps?: boolean
}

export interface OpenTaskDatabaseOptions {
  /** Read-only unless the task says otherwise (default true). */
  readonly?: boolean
}

/** What a running task may use inside its worker. */
export interface TaskContext {
  /** Reports progress to main, where `jobs.list` shows it; cheap enough to call per batch. */
  progress(done: number, total: number, phase?: string): void
  /** True once somebody cancelled the job: the task checks it between batches and stops. */
  cancelled(): boolean
  /** Throws TaskCancelledError when the job was cancelled: a one-line check between batches. */
  throwIfCancelled(): void
  /**
   * Hands main a first part of the answer while the task goes on (`RunOptions.onTold`), so main
   * can start its own share of the work: the matching tells whom it will show, and main logs
   * those views while the worker reads their records.
   */
  tell(value: unknown): void
  /**
   * The task's own connection to the live encrypted database (key applied, WAL, a busy timeout),
   * so it reads while main writes. Closed by the runner when the task ends, if the task did not.
   */
  openDatabase(options?: OpenTaskDatabaseOptions): Database.Database
  /**
   * A read-only connection to the live database that this worker keeps open between tasks, so
   * figures counted again read from a warm page cache instead of decrypting the file anew. For
   * tasks that only read (figures); never closed by the task or the runner. It is opened again
   * when the database file was replaced (a restore) or the key changed, and dropped when main
   * asks (the vault closes) or the worker ends.
   */
  readDatabase(): Database.Database
  /** Opens another SQLite file (a backup copy, say) with the same native addon, no key applied. */
  openFile(file: string, options?: Database.Options): Database.Database
  /** The database key, for tasks that check or seal copies (the worker's copy of it). */
  readonly key: Buffer | null
  /** The data folder of the app (the database, the key slots, temporary copies). */
  readonly dataDir: string
  /** The live database file. */
  readonly dbFile: string
}

export function defineTask<I, O>(
  name: string,
  run: (input: I, ctx: TaskContext) => Promise<O> | O,
  options: { keeps?: boolean } = {},
): TaskDefinition<I, O> {
  return { name, run, ...(options.keeps ? { keeps: true } : {}) }
}

/** Thrown by a task that stopped because it was cancelled; the caller's promise rejects with it. */
export class TaskCancelledError extends Error {
  constructor(message = 'The job was cancelled') {
    super(message)
    this.name = 'TaskCancelledError'
  }
}

/** The worker thread stopped (a crash, out of memory, terminated) before the task answered. */
/** The task ran longer than its caller allowed (`RunOptions.timeoutMs`); its thread was ended. */
export class TaskTimeoutError extends Error {
  constructor() {
    super('The task took longer than allowed')
    this.name = 'TaskTimeoutError'
  }
}

export class WorkerCrashedError extends Error {
  constructor(detail: string) {
    super(`The worker stopped before the task finished: ${detail}`)
    this.name = 'WorkerCrashedError'
  }
}

/** An error as it crosses from the worker to main: its class name, message and own fields. */
export interface SerializedError {
  name: string
  message: string
  stack?: string
  /** Own enumerable fields (e.g. `code`, `reason`, `problems`) that survive structured clone. */
  fields: Record<string, unknown>
}

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} }
  const fields: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(err)) {
    try {
      structuredClone(v)
      fields[k] = v
    } catch {
      // A field that cannot cross the thread boundary is left behind.
    }
  }
  return { name: err.name, message: err.message, stack: err.stack, fields }
}

/** Messages from the worker to main, about the task `id`. */
export type WorkerMessage =
  | { type: 'progress'; id: string; done: number; total: number; phase?: string }
  | { type: 'told'; id: string; value: unknown }
  | { type: 'done'; id: string; output: unknown }
  | { type: 'failed'; id: string; error: SerializedError }

/** What main hands a worker when it starts it (workerData): the same for every task. */
export interface WorkerSetup {
  dbFile: string
  dataDir: string
  nativeBinding?: string
}

/** Main asks an idle or busy worker to close its kept read connection (see `readDatabase`). */
export interface ForgetRequest {
  type: 'forget'
}

/** One task for a worker (a message from main). */
export interface TaskRequest {
  type: 'run'
  id: string
  task: string
  input: unknown
  /** The database key (a copy; the worker zeroes it when the task ends). Never written to disk. */
  key: Uint8Array | null
  /** One Int32: 0 running, 1 cancelled. Shared, so a task busy in synchronous code still sees it. */
  cancelFlag: SharedArrayBuffer
}
