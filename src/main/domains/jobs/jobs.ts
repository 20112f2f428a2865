import { AppError, conflict } from '../../../shared/errors'
import type { JobView } from '../../../shared/schemas/jobs'
import type { ServiceContext, Session } from '../../context'
import type { Job, WorkerPool } from '../../workers/pool'

/** What the jobs methods need: the worker pool (the vault's) and who asks. */
export interface JobsContext extends ServiceContext {
  vault: { workers: WorkerPool }
}

/**
 * Whether `session` may see a job: its own session's jobs, and work the app started itself
 * (the daily backup) only for the roles that job names, so admin-only work stays admin-only.
 */
function visibleTo(job: Job, session: Session): boolean {
  if (job.owner.sessionId !== null) return job.owner.sessionId === session.sessionId
  return job.owner.roles?.includes(session.role) ?? false
}

function view(job: Job): JobView {
  return {
    id: job.id,
    labelKey: job.labelKey,
    done: job.done,
    total: job.total,
    phase: job.phase,
    cancellable: job.cancellable,
  }
}

export async function listJobs(ctx: JobsContext): Promise<JobView[]> {
  return ctx.vault.workers
    .jobs()
    .filter((j) => visibleTo(j, ctx.session))
    .map(view)
}

/**
 * Asks a job to stop. Only a job of the caller's own session may be cancelled: someone else's,
 * or the app's own, is answered as if it did not exist.
 */
export async function cancelJob(ctx: JobsContext, input: { id: string }): Promise<{ id: string }> {
  const job = ctx.vault.workers.jobs().find((j) => j.id === input.id)
  if (!job || !visibleTo(job, ctx.session))
    throw new AppError({ code: 'NOT_FOUND', key: 'jobNotFound' })
  if (!job.cancellable || job.owner.sessionId === null || !ctx.vault.workers.cancel(job.id))
    throw conflict('jobNotCancellable')
  return { id: job.id }
}
