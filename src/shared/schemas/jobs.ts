import { z } from 'zod'

/** A job's id as `jobs.list` hands it out (a UUID); anything else is refused at the field. */
export const jobCancelInput = z
  .object({
    id: z
      .string({ error: 'v:required' })
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
        error: 'v:invalidOption',
      }),
  })
  .strict()

/** Heavy work running in a worker thread (a backup, a check), as the screen shows it. */
export interface JobView {
  id: string
  /** i18n key of what it does, under `jobs.labels`. */
  labelKey: string
  done: number
  total: number
  /** What it is busy with now, an i18n key under `jobs.phases` (null before the first report). */
  phase: string | null
  cancellable: boolean
}
