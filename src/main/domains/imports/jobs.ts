import { randomUUID } from 'node:crypto'
import { AppError } from '../../../shared/errors'
import type {
  ImportCheck,
  ImportJobView,
  ImportPhase,
  ImportProblem,
  ImportRunResult,
} from '../../../shared/schemas/imports'
import type { Session } from '../../context'

/**
 * An import's check or run while it works and for a while after: main does the work in steps
 * (the file read in a worker, the rows checked and written a batch at a time), and the screen
 * reads the progress with `imports.progress`. Only the session that started a job sees it.
 */
export interface ImportJob {
  id: string
  sessionId: string | null
  accountId: number
  task: 'check' | 'run'
  state: ImportJobView['state']
  phase: ImportPhase
  done: number
  total: number
  cancelRequested: boolean
  /** Ends the file's read in its worker at once (a parser cannot look at a flag). */
  abort: AbortController
  check: ImportCheck | null
  run: ImportRunResult | null
  errorKey: string | null
  /** Every problem, for the error report (the view holds the first ones only). */
  problems: ImportProblem[]
  endedAt: number | null
}

const jobs = new Map<string, ImportJob>()

/** A finished job's answer (and its error report) is kept this long. */
const KEEP_MS = 30 * 60_000
/** Checks and imports one account may have running at once. */
const MAX_RUNNING_PER_ACCOUNT = 2
/**
 * Finished jobs kept per account (their answer and error report hold names from the file): the
 * oldest go first, so nobody piles up files in main's memory.
 */
const MAX_KEPT_PER_ACCOUNT = 4

/** Thrown inside a job when the user cancelled it: the transaction rolls back. */
export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled')
    this.name = 'ImportCancelled'
  }
}

function sweep(now: number): void {
  for (const [id, job] of jobs)
    if (job.endedAt !== null && now - job.endedAt > KEEP_MS) jobs.delete(id)
}

export function startJob(session: Session, task: 'check' | 'run'): ImportJob {
  sweep(Date.now())
  const ended = [...jobs.values()]
    .filter((j) => j.accountId === session.userId && j.endedAt !== null)
    .sort((a, b) => (a.endedAt ?? 0) - (b.endedAt ?? 0))
  for (const j of ended.slice(0, Math.max(0, ended.length - (MAX_KEPT_PER_ACCOUNT - 1))))
    jobs.delete(j.id)
  const running = [...jobs.values()].filter(
    (j) => j.accountId === session.userId && j.state === 'running',
  ).length
  if (running >= MAX_RUNNING_PER_ACCOUNT)
    throw new AppError({ code: 'CONFLICT', key: 'importBusy' })
  const job: ImportJob = {
    id: randomUUID(),
    sessionId: session.sessionId ?? null,
    accountId: session.userId,
    task,
    state: 'running',
    phase: 'reading',
    done: 0,
    total: 0,
    cancelRequested: false,
    abort: new AbortController(),
    check: null,
    run: null,
    errorKey: null,
    problems: [],
    endedAt: null,
  }
  jobs.set(job.id, job)
  return job
}

/** The caller's own job; someone else's is answered as if it did not exist. */
export function ownJob(session: Session, id: string): ImportJob {
  const job = jobs.get(id)
  if (!job || job.accountId !== session.userId || job.sessionId !== (session.sessionId ?? null))
    throw new AppError({ code: 'NOT_FOUND', key: 'importJobNotFound' })
  return job
}

export function endJob(
  job: ImportJob,
  state: ImportJob['state'],
  errorKey: string | null = null,
): void {
  job.state = state
  job.errorKey = errorKey
  job.endedAt = Date.now()
}

export function jobView(job: ImportJob): ImportJobView {
  return {
    jobId: job.id,
    task: job.task,
    state: job.state,
    phase: job.phase,
    done: job.done,
    total: job.total,
    check: job.check,
    run: job.run,
    errorKey: job.errorKey,
  }
}
