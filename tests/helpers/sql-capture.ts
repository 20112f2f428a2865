import type Database from 'better-sqlite3-multiple-ciphers'

/** A statement the database ran, with the parameters it ran with. */
export interface Statement {
  sql: string
  params: unknown[]
}

/**
 * Records every statement the real database runs while `fn` runs, with its parameters: the
 * handle's `prepare` is wrapped, the statements still run as they would. For tests that ask
 * SQLite how it reads what a call needs (`explain query plan`).
 */
export async function captureStatements(
  sqlite: Database.Database,
  fn: () => Promise<unknown>,
): Promise<Statement[]> {
  const seen: Statement[] = []
  const prepare = sqlite.prepare.bind(sqlite)
  const wrapped = (source: string): Database.Statement => {
    const stmt = prepare(source)
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => unknown
      Object.defineProperty(stmt, method, {
        value: (...args: unknown[]) => {
          seen.push({ sql: source, params: args.flat() })
          return original(...args)
        },
      })
    }
    return stmt
  }
  sqlite.prepare = wrapped as typeof sqlite.prepare
  try {
    await fn()
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare
  }
  return seen
}

/** The plan SQLite picks for a statement it ran, one line per step. */
export function planOf(sqlite: Database.Database, s: Statement): string[] {
  return (
    sqlite.prepare(`explain query plan ${s.sql}`).all(...s.params) as { detail: string }[]
  ).map((r) => r.detail)
}
