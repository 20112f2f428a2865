import { AsyncLocalStorage } from 'node:async_hooks'
import { open } from 'node:fs/promises'
import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely'
import { AppError } from '../../shared/errors'

/**
 * Work whose writes only record that data was read: the audit entry of a view, a print or an
 * export (see `asReadRecord`).
 */
const readRecords = new AsyncLocalStorage<true>()

/**
 * Runs `work` as the record of a reading: its writes pass a holding gate while the check is
 * still undecided. Such an entry holds no change a user made (only who saw what, when), so a
 * screen opened in the first seconds after a login need not wait for the check (it took 12 s for
 * the first household at ten years of data). Should the check find damage, what such an entry
 * wrote is lost at the restore, like the login's own entry, and nothing a user typed is; once
 * damage is known the gate refuses these too.
 */
export function asReadRecord<T>(work: () => Promise<T>): Promise<T> {
  return readRecords.run(true, work)
}

/**
 * Holds back writes to the database while its start-up check runs in a worker (seconds at ten
 * years of data). Reads go on, so the app is usable at once; a write waits for the check, and
 * when the check finds damage it is refused instead of landing in a file that only a restore can
 * help (where it would be lost without a word). The login's own writes pass (see passThrough):
 * the login answers first, and what it records about itself is all that can be lost. The audit
 * entries of views, prints and exports pass while the check is undecided (see asReadRecord).
 */
export class WriteGate {
  private pending: Promise<boolean> | null = null
  /** The check found damage (until the gate is opened again). */
  private failed = false
  private readonly passing = new AsyncLocalStorage<true>()

  /** Writes wait for `check`, which says whether the database may be written (true) or not. */
  hold(check: Promise<boolean>): void {
    const held = check.catch(() => false)
    this.pending = held
    this.failed = false
    void held.then((ok) => {
      if (this.pending !== held) return
      // A passed check opens the gate for good; a failed one keeps refusing until reopened.
      if (ok) this.pending = null
      else this.failed = true
    })
  }

  /** Opens the gate (a new database was opened, a restore replaced the file). */
  open(): void {
    this.pending = null
    this.failed = false
  }

  /** True while writes wait for a check. */
  get holding(): boolean {
    return this.pending !== null
  }

  /** Runs `work` with its writes let through the gate. */
  passThrough<T>(work: () => Promise<T>): Promise<T> {
    return this.passing.run(true, work)
  }

  async beforeWrite(): Promise<void> {
    const pending = this.pending
    if (!pending || this.passing.getStore()) return
    if (readRecords.getStore() && !this.failed) return
    if (!(await pending)) throw new AppError({ code: 'CONFLICT', key: 'databaseDamaged' })
  }
}

/** Statements that change the file (a transaction is taken to write). */
const WRITING = /^\s*(begin|insert|update|delete|replace|create|drop|alter)\b/i

function writes(query: CompiledQuery): boolean {
  const kind = query.query.kind
  return (
    kind === 'InsertQueryNode' ||
    kind === 'UpdateQueryNode' ||
    kind === 'DeleteQueryNode' ||
    (kind === 'RawNode' && WRITING.test(query.sql))
  )
}

/** Writes a file's data through to the disk (fsync) on libuv's thread pool: main goes on. */
async function syncToDisk(file: string): Promise<void> {
  let handle
  try {
    handle = await open(file, 'r+')
  } catch (err) {
    // No -wal file: the database was closed (and its log folded in and removed) meanwhile.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * The SQLite dialect with every write first asking the gate.
 *
 * With `walFile` (the database's -wal file), a transaction that only records a reading (see
 * `asReadRecord`) commits at synchronous=NORMAL and then has the -wal file synced to the disk
 * off main's thread before the transaction is done: its entries are as safe from a power cut as
 * at FULL by the time the caller gets its answer, without the fsync held on main's thread (tens
 * of milliseconds on a busy disk, for every screen that logs a view). The connection goes back
 * to its own level before Kysely lends it to anyone else, so every other write stays FULL.
 */
export class GatedSqliteDialect extends SqliteDialect {
  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    private readonly gate: WriteGate,
    private readonly walFile: string | null = null,
    /** Called after every statement that wrote (see `openDatabase`'s `onWrite`). */
    private readonly onWrite: (() => void) | null = null,
  ) {
    super(config)
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    const gate = this.gate
    const onWrite = this.onWrite
    // SQLite has one connection, which Kysely lends to one caller at a time from
    // acquireConnection to releaseConnection. A write waiting for the check must not hold it
    // meanwhile, or every read of every screen would wait behind it: the connection is only
    // taken at the first statement, after a write has passed the gate. (A transaction's first
    // statement is its 'begin', so a transaction waits before it holds anything.)
    const lazy = (): DatabaseConnection & { release(): Promise<void> } => {
      let inner: Promise<DatabaseConnection> | null = null
      const take = (): Promise<DatabaseConnection> => (inner ??= driver.acquireConnection())
      return {
        async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
          if (!writes(query)) return (await take()).executeQuery<R>(query)
          await gate.beforeWrite()
          const result = await (await take()).executeQuery<R>(query)
          onWrite?.()
          return result
        },
        async *streamQuery<R>(
          query: CompiledQuery,
          chunkSize?: number,
        ): AsyncIterableIterator<QueryResult<R>> {
          yield* (await take()).streamQuery<R>(query, chunkSize)
        },
        async release(): Promise<void> {
          if (!inner) return
          const taken = await inner
          inner = null
          await driver.releaseConnection(taken)
        },
      }
    }
    type Lazy = ReturnType<typeof lazy>
    const walFile = this.walFile
    // Connections in a read record's transaction, with the synchronous level to go back to.
    const deferred = new WeakMap<DatabaseConnection, unknown>()
    const restore = async (conn: DatabaseConnection): Promise<void> => {
      const level = deferred.get(conn)
      deferred.delete(conn)
      await conn.executeQuery(CompiledQuery.raw(`pragma synchronous = ${Number(level)}`))
    }
    // The driver's own statements (begin, commit, savepoints) go through the lazy connection
    // too, so they are gated like any other statement.
    return {
      init: () => driver.init(),
      acquireConnection: async () => lazy(),
      beginTransaction: async (conn, settings) => {
        if (!walFile || !readRecords.getStore()) return driver.beginTransaction(conn, settings)
        // Past the gate before the connection is taken, as for any transaction.
        await gate.beforeWrite()
        // SQLite changes the level only outside a transaction: before the begin.
        const level = await conn.executeQuery<{ synchronous: number }>(
          CompiledQuery.raw('pragma synchronous'),
        )
        deferred.set(conn, level.rows[0]?.synchronous ?? 2)
        try {
          await conn.executeQuery(CompiledQuery.raw('pragma synchronous = NORMAL'))
          await driver.beginTransaction(conn, settings)
        } catch (err) {
          await restore(conn)
          throw err
        }
      },
      commitTransaction: async (conn) => {
        if (!walFile || !deferred.has(conn)) return driver.commitTransaction(conn)
        try {
          await driver.commitTransaction(conn)
        } finally {
          await restore(conn)
        }
        await syncToDisk(walFile)
      },
      rollbackTransaction: async (conn) => {
        if (!deferred.has(conn)) return driver.rollbackTransaction(conn)
        try {
          await driver.rollbackTransaction(conn)
        } finally {
          await restore(conn)
        }
      },
      savepoint: (conn, name, compile) => driver.savepoint!(conn, name, compile),
      rollbackToSavepoint: (conn, name, compile) =>
        driver.rollbackToSavepoint!(conn, name, compile),
      releaseSavepoint: (conn, name, compile) => driver.releaseSavepoint!(conn, name, compile),
      releaseConnection: (conn) => (conn as Lazy).release(),
      destroy: () => driver.destroy(),
    }
  }
}
