import { AsyncLocalStorage } from 'node:async_hooks'
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely'
import { AppError } from '../../shared/errors'

/**
 * Holds back writes to the database while its start-up check runs in a worker (seconds at ten
 * years of data). Reads go on, so the app is usable at once; a write waits for the check, and
 * when the check finds damage it is refused instead of landing in a file that only a restore can
 * help (where it would be lost without a word). The login's own writes pass (see passThrough):
 * the login answers first, and what it records about itself is all that can be lost.
 */
export class WriteGate {
  private pending: Promise<boolean> | null = null
  private readonly passing = new AsyncLocalStorage<true>()

  /** Writes wait for `check`, which says whether the database may be written (true) or not. */
  hold(check: Promise<boolean>): void {
    const held = check.catch(() => false)
    this.pending = held
    void held.then((ok) => {
      // A passed check opens the gate for good; a failed one keeps refusing until reopened.
      if (ok && this.pending === held) this.pending = null
    })
  }

  /** Opens the gate (a new database was opened, a restore replaced the file). */
  open(): void {
    this.pending = null
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

/** The SQLite dialect with every write first asking the gate. */
export class GatedSqliteDialect extends SqliteDialect {
  constructor(
    config: ConstructorParameters<typeof SqliteDialect>[0],
    private readonly gate: WriteGate,
  ) {
    super(config)
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    const gate = this.gate
    const gated = (conn: DatabaseConnection): DatabaseConnection => ({
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        if (writes(query)) await gate.beforeWrite()
        return conn.executeQuery<R>(query)
      },
      streamQuery: (query, chunkSize) => conn.streamQuery(query, chunkSize),
    })
    // The driver's own statements (begin, commit, savepoints) go through the gated connection
    // too: a transaction waits at its 'begin', before it holds anything.
    return {
      init: () => driver.init(),
      acquireConnection: async () => gated(await driver.acquireConnection()),
      beginTransaction: (conn, settings) => driver.beginTransaction(conn, settings),
      commitTransaction: (conn) => driver.commitTransaction(conn),
      rollbackTransaction: (conn) => driver.rollbackTransaction(conn),
      savepoint: (conn, name, compile) => driver.savepoint!(conn, name, compile),
      rollbackToSavepoint: (conn, name, compile) =>
        driver.rollbackToSavepoint!(conn, name, compile),
      releaseSavepoint: (conn, name, compile) => driver.releaseSavepoint!(conn, name, compile),
      releaseConnection: (conn) => driver.releaseConnection(conn),
      destroy: () => driver.destroy(),
    }
  }
}
