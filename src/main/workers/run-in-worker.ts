import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3-multiple-ciphers'
import { applyKey } from '../db/open'
import {
  serializeError,
  TaskCancelledError,
  type ForgetRequest,
  type TaskContext,
  type TaskDefinition,
  type TaskRequest,
  type WorkerMessage,
  type WorkerSetup,
} from './task'

/**
 * The worker side: waits for tasks from main, runs each with a context of its own, posts
 * progress and the answer (or the error), and closes what the task opened. The key is zeroed
 * when the task ends, so an idle worker holds none.
 */
export function runInWorker(tasks: readonly TaskDefinition<never, unknown>[]): void {
  if (isMainThread || !parentPort) throw new Error('runInWorker runs in a worker thread only')
  const port = parentPort
  const setup = workerData as WorkerSetup
  // One task at a time: main sends the next only after this one answered.
  port.on('message', (req: TaskRequest | ForgetRequest) => {
    if (req.type === 'run') void runOne(tasks, setup, req, (msg) => port.postMessage(msg))
    else if (req.type === 'forget') forgetKept()
  })
}

/**
 * Page cache of the kept read connection: the figures of ten years read tens of megabytes of
 * index pages, each decrypted once and then served from here while the worker lives.
 */
const KEPT_CACHE_KIB = 64 * 1024

/** The kept read connection, with what it was opened for: the file's identity and the key's. */
let kept: { db: Database.Database; file: string; identity: string; keyDigest: string } | null = null

function fileIdentity(file: string): string {
  const st = statSync(file)
  return `${st.dev}:${st.ino}`
}

function forgetKept(): void {
  if (kept?.db.open) kept.db.close()
  kept = null
}

/**
 * The worker's kept read connection, opened again when the file was swapped (a restore renames
 * another file into place) or the key is another. The key is compared by digest: the worker
 * keeps no copy of it between tasks (SQLite's own cipher context holds it while the connection
 * is open, as main's connection does).
 */
function keptConnection(setup: WorkerSetup, key: Buffer | null): Database.Database {
  const identity = fileIdentity(setup.dbFile)
  const keyDigest = key ? createHash('sha256').update(key).digest('hex') : ''
  if (
    kept?.db.open &&
    kept.file === setup.dbFile &&
    kept.identity === identity &&
    kept.keyDigest === keyDigest
  )
    return kept.db
  forgetKept()
  const db = new Database(setup.dbFile, {
    ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}),
    readonly: true,
    fileMustExist: true,
  })
  try {
    if (key) applyKey(db, key)
    db.pragma('busy_timeout = 5000')
    db.pragma(`cache_size = -${KEPT_CACHE_KIB}`)
  } catch (err) {
    db.close()
    throw err
  }
  kept = { db, file: setup.dbFile, identity, keyDigest }
  return db
}

async function runOne(
  tasks: readonly TaskDefinition<never, unknown>[],
  setup: WorkerSetup,
  req: TaskRequest,
  post: (msg: WorkerMessage) => void,
): Promise<void> {
  const key = req.key ? Buffer.from(req.key) : null
  req.key?.fill(0)
  const flag = new Int32Array(req.cancelFlag)
  const opened: Database.Database[] = []
  const native = (): Database.Options =>
    setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}
  let lastProgress = 0
  const ctx: TaskContext = {
    progress(done, total, phase) {
      // At most ~20 messages a second, plus the last one: progress is for a human eye.
      const now = Date.now()
      if (done < total && now - lastProgress < 50) return
      lastProgress = now
      post({ type: 'progress', id: req.id, done, total, phase })
    },
    cancelled: () => Atomics.load(flag, 0) === 1,
    tell(value) {
      post({ type: 'told', id: req.id, value })
    },
    throwIfCancelled() {
      if (Atomics.load(flag, 0) === 1) throw new TaskCancelledError()
    },
    openDatabase(options = {}) {
      const db = new Database(setup.dbFile, {
        ...native(),
        readonly: options.readonly ?? true,
        fileMustExist: true,
      })
      opened.push(db)
      if (key) applyKey(db, key)
      db.pragma('busy_timeout = 5000')
      return db
    },
    readDatabase() {
      return keptConnection(setup, key)
    },
    openFile(file, options = {}) {
      const db = new Database(file, { ...native(), ...options })
      opened.push(db)
      return db
    },
    key,
    dataDir: setup.dataDir,
    dbFile: setup.dbFile,
  }
  try {
    const task = tasks.find((t) => t.name === req.task)
    if (!task) throw new Error(`No task named ${req.task}`)
    const output = await task.run(req.input as never, ctx)
    post({ type: 'done', id: req.id, output })
  } catch (err) {
    post({ type: 'failed', id: req.id, error: serializeError(err) })
  } finally {
    for (const db of opened) if (db.open) db.close()
    key?.fill(0)
  }
}
