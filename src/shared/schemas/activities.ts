import { z } from 'zod'
import { id, isoDate, optionalText, requiredText } from './common'

/**
 * What the activities register holds (issue 15): a collective activity (a course, a coffee
 * morning, a sewing club) or a residents' initiative (bewonersinitiatief) the organisation
 * supports. Counted in the subsidy report as interventions per kind of service.
 */
export const ACTIVITY_KINDS = ['collective', 'initiative'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

const count = (max: number) =>
  z
    .number({ error: 'v:number' })
    .int({ error: 'v:wholeNumber' })
    .min(0, { error: 'v:notNegative' })
    .max(max, { error: 'v:tooLarge' })

const activityFields = {
  date: isoDate,
  kind: z.enum(ACTIVITY_KINDS, { error: 'v:required' }),
  title: requiredText(160),
  participants: count(100_000),
  volunteers: count(10_000),
  area: optionalText(80),
  waitingList: count(100_000)
    .nullish()
    .transform((n) => n ?? null),
  notes: optionalText(2000),
}

export const activityCreateInput = z.object(activityFields)
export type ActivityCreateInput = z.input<typeof activityCreateInput>
export const activityUpdateInput = z.object({ id, ...activityFields })
export const activityRemoveInput = z.object({ id })

export const activitiesListInput = z
  .object({
    from: isoDate,
    to: isoDate,
    kind: z.enum(ACTIVITY_KINDS).nullish(),
    area: optionalText(80),
  })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })
export type ActivitiesListInput = z.input<typeof activitiesListInput>

export interface Activity {
  id: number
  date: string
  kind: ActivityKind
  title: string
  participants: number
  volunteers: number
  area: string | null
  waitingList: number | null
  notes: string | null
  createdByName: string | null
}

/** A count of information-and-advice contacts on a day (a quick tally at the counter or desk). */
export const adviceAddInput = z.object({
  date: isoDate,
  area: optionalText(80),
  count: z
    .number({ error: 'v:number' })
    .int({ error: 'v:wholeNumber' })
    .min(1, { error: 'v:tooSmall' })
    .max(500, { error: 'v:tooLarge' }),
})
export type AdviceAddInput = z.input<typeof adviceAddInput>

export interface AdviceDay {
  date: string
  area: string | null
  count: number
}

export interface AdviceTally {
  from: string
  to: string
  total: number
  days: AdviceDay[]
}
