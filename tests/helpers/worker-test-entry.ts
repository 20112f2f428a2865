import { runInWorker } from '../../src/main/workers/run-in-worker'
import type { TaskDefinition } from '../../src/main/workers/task'
import { subsidyFiguresTask } from '../../src/main/domains/reports/figures-task'
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
} from './worker-test-tasks'

/** The worker entry of tests/integration/workers.test.ts: the runner with test tasks. */
const TASKS: readonly TaskDefinition<never, unknown>[] = [
  countTables,
  countSlowly,
  crash,
  fail,
  hasKey,
  readKept,
  spin,
  threadKeeping,
  threadPlain,
  tellFirst,
  // The report's shares: its test takes one thread with `spin` first.
  subsidyFiguresTask,
]

runInWorker(TASKS)
