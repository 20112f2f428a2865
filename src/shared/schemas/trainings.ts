import { z } from 'zod'
import { id, isoDate, optionalText, requiredText } from './common'

/**
 * The trainings register (issue 16): courses, their sessions and who took part, with each
 * participant's appreciation (a mark 1-10). Staff (accounts) and people in the app are named;
 * participants from other organisations are only counted, with their marks if they gave one.
 */

/**
 * A number whose wrong type reads "enter a number"; out of range keeps zod's own issue, which
 * the field message turns into "at least" or "at most" with the bound.
 */
const wholeNumber = () =>
  z
    .number({ error: (issue) => (issue.code === 'invalid_type' ? 'v:number' : undefined) })
    .int({ error: 'v:wholeNumber' })

const mark = wholeNumber().min(1).max(10)

export const trainingCourseSaveInput = z.object({
  /** Absent: a new course. */
  id: id.nullish().transform((v) => v ?? null),
  title: requiredText(160),
  level: optionalText(80),
  givenBy: optionalText(160),
  active: z.boolean({ error: 'v:required' }),
})
export type TrainingCourseSaveInput = z.input<typeof trainingCourseSaveInput>

export interface TrainingCourse {
  id: number
  title: string
  level: string | null
  givenBy: string | null
  active: boolean
  /** Sessions held (any date). */
  sessions: number
}

export const TRAINING_PARTICIPANT_KINDS = ['account', 'person'] as const
export type TrainingParticipantKind = (typeof TRAINING_PARTICIPANT_KINDS)[number]

/** At most this many named participants and external marks on one session. */
export const TRAINING_SESSION_MAX = 200

const participant = z.object({
  kind: z.enum(TRAINING_PARTICIPANT_KINDS, { error: 'v:invalidOption' }),
  /** The account's or the person's id. */
  id,
  completed: z.boolean({ error: 'v:required' }),
  mark: mark.nullish().transform((v) => v ?? null),
})

export const trainingSessionSaveInput = z
  .object({
    /** Absent: a new session. */
    id: id.nullish().transform((v) => v ?? null),
    courseId: id,
    date: isoDate,
    place: optionalText(160),
    externalCount: wholeNumber().min(0, { error: 'v:notNegative' }).max(1000),
    externalMarks: z.array(mark).max(TRAINING_SESSION_MAX),
    participants: z.array(participant).max(TRAINING_SESSION_MAX),
  })
  .superRefine((s, ctx) => {
    if (s.externalMarks.length > s.externalCount)
      ctx.addIssue({ code: 'custom', message: 'v:marksOverCount', path: ['externalMarks'] })
    const seen = new Set<string>()
    s.participants.forEach((p, i) => {
      const key = `${p.kind}:${p.id}`
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          message: 'v:duplicateParticipant',
          path: ['participants', i, 'id'],
        })
      seen.add(key)
    })
  })
export type TrainingSessionSaveInput = z.input<typeof trainingSessionSaveInput>

export const trainingSessionsInput = z
  .object({
    from: isoDate,
    to: isoDate,
    courseId: id.nullish().transform((v) => v ?? null),
  })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })

export interface TrainingSessionSummary {
  id: number
  courseId: number
  courseTitle: string
  date: string
  place: string | null
  /** Named participants (staff and people) and those from other organisations. */
  participants: number
  externalCount: number
  /** Mean of every mark given (named and external), one decimal; null without marks. */
  meanMark: number | null
}

export interface TrainingParticipant {
  kind: TrainingParticipantKind
  id: number
  /** The account's display name or the person's name (an anonymised person's stays blank). */
  name: string
  completed: boolean
  mark: number | null
}

export interface TrainingSession extends TrainingSessionSummary {
  externalMarks: number[]
  named: TrainingParticipant[]
}

export const trainingSessionIdInput = z.object({ id })

export const personTrainingsInput = z.object({ personId: id })

/** A course a person took part in, newest first. */
export interface PersonTraining {
  sessionId: number
  courseId: number
  courseTitle: string
  level: string | null
  date: string
  completed: boolean
  mark: number | null
}

/** A staff member who can be put on a session: an active account. */
export interface TrainingStaff {
  id: number
  displayName: string
}
