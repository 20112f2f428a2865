import type { Slice } from '../slice'
import { cancelJob, listJobs, type JobsContext } from './jobs'

export const JOBS_PREFIXES = ['jobs'] as const

export const jobsHandlers: Slice<(typeof JOBS_PREFIXES)[number], JobsContext> = {
  'jobs.list': async (ctx) => listJobs(ctx),
  'jobs.cancel': cancelJob,
}
