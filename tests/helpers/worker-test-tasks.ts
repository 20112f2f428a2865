import { threadId } from 'node:worker_threads'
import { defineTask } from '../../src/main/workers/task'

/** Tasks that exercise the runner itself: the app's own tasks are in src/main/workers/entry.ts. */
export const countTables = defineTask<{ extra: number }, { tables: number; extra: number }>(
  'test.countTables',
  (input, ctx) => {
    const db = ctx.openDatabase()
    const row = db
      .prepare("select count(*) as n from sqlite_master where type = 'table'")
      .get() as {
      n: number
    }
    return { tables: row.n, extra: input.extra }
  },
)

export const countSlowly = defineTask<{ steps: number }, number>(
  'test.countSlowly',
  async (input, ctx) => {
    for (let i = 1; i <= input.steps; i++) {
      ctx.throwIfCancelled()
      await new Promise((r) => setTimeout(r, 20))
      ctx.progress(i, input.steps, 'counting')
    }
    return input.steps
  },
)

/** Busy for `ms` without once looking at the cancel flag, as a library parsing a file is. */
export const spin = defineTask<{ ms: number }, number>('test.spin', (input) => {
  const until = Date.now() + input.ms
  let n = 0
  while (Date.now() < until) n++
  return n
})

export const crash = defineTask<Record<string, never>, never>('test.crash', () => {
  // As a native crash or an out-of-memory would: the thread goes away without an answer.
  process.exit(7)
})

export const fail = defineTask<Record<string, never>, never>('test.fail', () => {
  throw Object.assign(new Error('Kapot'), { name: 'VaultError', reason: 'damaged', code: 'X1' })
})

export const hasKey = defineTask<Record<string, never>, boolean>('test.hasKey', (_input, ctx) =>
  Boolean(ctx.key && ctx.key.length === 32),
)

/** A number per kept connection, so a test sees whether two tasks read through the same one. */
const keptIds = new WeakMap<object, number>()
let nextKeptId = 1

export const readKept = defineTask<{ sql: string }, { connection: number; value: unknown }>(
  'test.readKept',
  (input, ctx) => {
    const db = ctx.readDatabase()
    let connection = keptIds.get(db)
    if (connection === undefined) keptIds.set(db, (connection = nextKeptId++))
    return { connection, value: db.prepare(input.sql).pluck().get() }
  },
)

/** The thread a task ran on, for a task that keeps memory between runs and for one that does not. */
export const threadKeeping = defineTask<Record<string, never>, number>(
  'test.threadKeeping',
  () => threadId,
  { keeps: true },
)

export const threadPlain = defineTask<Record<string, never>, number>(
  'test.threadPlain',
  () => threadId,
)

/** Tells a first part, then answers a while later. */
export const tellFirst = defineTask<{ waitMs: number }, string>(
  'test.tellFirst',
  async (input, ctx) => {
    ctx.tell({ first: [1, 2, 3] })
    await new Promise((r) => setTimeout(r, input.waitMs))
    return 'klaar'
  },
)
