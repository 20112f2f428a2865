import { z } from 'zod'
import { id, isoDate, optionalText, requiredOrOption, requiredText } from './common'
import { REPORT_SECTIONS, type ReportSection } from './reports'

/**
 * Outcome indicators (issue 17): client satisfaction by a short questionnaire, confidential
 * safety signals (zorgsignalen) and the stories printed beside the report's figures.
 */

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: (issue) => (issue.code === 'invalid_type' ? 'v:required' : undefined) })
    .int({ error: 'v:wholeNumber' })
    .min(min)
    .max(max)

const page = {
  limit: z.number({ error: 'v:invalid' }).int().min(1).max(500).default(50),
  offset: z.number({ error: 'v:invalid' }).int().min(0).default(0),
}

// --- The questionnaire's statements (a managed list) ---------------------------------------------

export interface SurveyQuestion {
  id: number
  /** A statement answered on a five-point scale (1 helemaal oneens .. 5 helemaal eens). */
  text: string
  active: boolean
}

export const surveyQuestionSaveInput = z.object({
  /** Absent: a new statement. */
  id: id.nullish().transform((v) => v ?? null),
  text: requiredText(200),
  active: z.boolean({ error: 'v:required' }).default(true),
})
export type SurveyQuestionSaveInput = z.input<typeof surveyQuestionSaveInput>

// --- Invitations and answers ---------------------------------------------------------------------

/** What the questionnaire is about: an individual trajectory, an activity, or a service. */
export const SURVEY_OCCASIONS = ['trajectory', 'activity', 'service'] as const
export type SurveyOccasion = (typeof SURVEY_OCCASIONS)[number]

/** Filled in on the PC (at the last conversation), or entered from a paper form. */
export const SURVEY_MODES = ['screen', 'paper'] as const
export type SurveyMode = (typeof SURVEY_MODES)[number]

/** A mark of this or higher counts as satisfied. */
export const SATISFIED_FROM = 7
/** A statement's answers are shown outside the organisation only from this many people on. */
export const STATEMENT_MIN_N = 5

/**
 * The questionnaire offered to people: at the end of a person's trajectory (one person), or after
 * an activity or a service (the number of forms handed out). Who was asked is known here; what
 * they answered is stored apart, without anything that leads back to them.
 */
export const surveyInviteInput = z
  .object({
    occasion: z.enum(SURVEY_OCCASIONS, { error: requiredOrOption }),
    /** With 'trajectory': the person whose trajectory ends. */
    personId: id.nullish().transform((v) => v ?? null),
    /** With 'activity': the activity. */
    activityId: id.nullish().transform((v) => v ?? null),
    /** With 'service': what it was about, in a few words (e.g. "Kledingwinkel"). */
    about: optionalText(80),
    invitedOn: isoDate,
    /** How many people were asked: 1 for a trajectory, the forms handed out otherwise. */
    invited: wholeNumber(1, 500).default(1),
  })
  .superRefine((v, ctx) => {
    const need = (ok: boolean, path: string) => {
      if (!ok) ctx.addIssue({ code: 'custom', message: 'v:required', path: [path] })
    }
    if (v.occasion === 'trajectory') {
      need(v.personId !== null, 'personId')
      if (v.invited !== 1)
        ctx.addIssue({ code: 'custom', message: 'v:onePerson', path: ['invited'] })
    }
    if (v.occasion === 'activity') need(v.activityId !== null, 'activityId')
    if (v.occasion === 'service') need(v.about !== null, 'about')
  })
export type SurveyInviteInput = z.input<typeof surveyInviteInput>

export const surveyAnswerInput = z.object({
  inviteId: id,
  mode: z.enum(SURVEY_MODES, { error: requiredOrOption }),
  answeredOn: isoDate,
  /** "Welk rapportcijfer geeft u ons?" 1-10. */
  mark: wholeNumber(1, 10),
  /** A score 1-5 per statement; a statement left open is not in the list. */
  answers: z
    .array(z.object({ questionId: id, score: wholeNumber(1, 5) }))
    .max(30)
    .default([])
    .refine((a) => new Set(a.map((x) => x.questionId)).size === a.length, {
      error: 'v:duplicate',
    }),
})
export type SurveyAnswerInput = z.input<typeof surveyAnswerInput>

export const surveyInvitesInput = z.object({
  personId: id.nullish().transform((v) => v ?? null),
  activityId: id.nullish().transform((v) => v ?? null),
  /** Only those with forms still to enter. */
  open: z.boolean().default(false),
  ...page,
})

export const surveyInviteIdInput = z.object({ id })

export interface SurveyInvite {
  id: number
  occasion: SurveyOccasion
  personId: number | null
  personName: string | null
  activityId: number | null
  activityTitle: string | null
  about: string | null
  invitedOn: string
  invited: number
  answered: number
}

export interface SurveyInviteList {
  rows: SurveyInvite[]
  total: number
}

// --- Safety signals (zorgsignalen) ---------------------------------------------------------------

export const CARE_SIGNAL_KINDS = [
  'domestic_violence',
  'child_abuse',
  'elder_abuse',
  'acute_need',
  'neglect',
  'other',
] as const
export type CareSignalKind = (typeof CARE_SIGNAL_KINDS)[number]

/** Whom the signal was discussed with (Toegangsteam, Veilig Thuis, huisarts, ...). */
export const CARE_SIGNAL_PARTIES = [
  'access_team',
  'veilig_thuis',
  'gp',
  'police',
  'school',
  'other',
] as const
export type CareSignalParty = (typeof CARE_SIGNAL_PARTIES)[number]

export const careSignalSaveInput = z
  .object({
    /** Absent: a new signal. */
    id: id.nullish().transform((v) => v ?? null),
    householdId: id.nullish().transform((v) => v ?? null),
    personId: id.nullish().transform((v) => v ?? null),
    signalledOn: isoDate,
    kind: z.enum(CARE_SIGNAL_KINDS, { error: requiredOrOption }),
    discussedWith: z
      .array(z.enum(CARE_SIGNAL_PARTIES, { error: requiredOrOption }))
      .max(CARE_SIGNAL_PARTIES.length)
      .default([])
      .refine((a) => new Set(a).size === a.length, { error: 'v:duplicate' }),
    discussedOther: optionalText(120),
    note: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if ((v.householdId === null) === (v.personId === null))
      ctx.addIssue({ code: 'custom', message: 'v:householdOrPerson', path: ['householdId'] })
    if (v.discussedWith.includes('other') && v.discussedOther === null)
      ctx.addIssue({ code: 'custom', message: 'v:required', path: ['discussedOther'] })
  })
export type CareSignalSaveInput = z.input<typeof careSignalSaveInput>

export const careSignalListInput = z
  .object({
    householdId: id.nullish().transform((v) => v ?? null),
    personId: id.nullish().transform((v) => v ?? null),
  })
  .refine((v) => (v.householdId === null) !== (v.personId === null), {
    error: 'v:householdOrPerson',
    path: ['householdId'],
  })

export const careSignalIdInput = z.object({ id })

export interface CareSignal {
  id: number
  householdId: number | null
  personId: number | null
  signalledOn: string
  kind: CareSignalKind
  discussedWith: CareSignalParty[]
  discussedOther: string | null
  note: string | null
  byName: string | null
  createdAt: string
  updatedAt: string
}

// --- Stories beside the figures ------------------------------------------------------------------

export const STORY_ABOUT = ['resident', 'volunteer'] as const
export type StoryAbout = (typeof STORY_ABOUT)[number]

export const storySaveInput = z.object({
  /** Absent: a new story. */
  id: id.nullish().transform((v) => v ?? null),
  section: z.enum(REPORT_SECTIONS, { error: requiredOrOption }),
  about: z.enum(STORY_ABOUT, { error: requiredOrOption }),
  /** A first name or a pseudonym, never a full name. */
  name: requiredText(40),
  title: optionalText(120),
  text: requiredText(3000),
  /** The day it happened or was told: the report of the period holding it prints it. */
  toldOn: isoDate,
  /** The day the person agreed to its publication. */
  consentOn: isoDate,
  /** Limited to a district; absent: printed in every area's report. */
  area: optionalText(80),
})
export type StorySaveInput = z.input<typeof storySaveInput>

export const storyListInput = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })

export const storyIdInput = z.object({ id })

export interface Story {
  id: number
  section: ReportSection
  about: StoryAbout
  name: string
  title: string | null
  text: string
  toldOn: string
  consentOn: string
  area: string | null
  updatedAt: string
}

// --- Figures -------------------------------------------------------------------------------------

/** The outcome indicators of a period and area, as `outcomes/stats-queries.ts` counts them. */
export interface OutcomeFigures {
  satisfaction: {
    /** Forms handed out (people asked) on invitations dated in the period, and entered of those. */
    invited: number
    answered: number
    /** Answers dated in the period. */
    responses: number
    meanMark: number | null
    satisfied: number
    byOccasion: { occasion: SurveyOccasion; responses: number; meanMark: number | null }[]
    /** Every statement answered in the period: how many answered it and the mean score 1-5. */
    statements: { questionId: number; text: string; n: number; mean: number | null }[]
  }
  goals: { realised: number; partlyRealised: number; notRealised: number }
  trajectories: {
    /** People whose trajectory ended (outflow) in the period; of them, dropped out. */
    ended: number
    droppedOut: number
    daysMedian: number | null
    daysMean: number | null
    byProgramme: {
      programmeId: number | null
      name: string
      ended: number
      daysMedian: number | null
      /** People with their intake in the period and their waiting time from registration. */
      intakes: number
      waitingMedian: number | null
    }[]
  }
  careSignals: {
    /** Households and persons with a signal in the period (each once), per kind. */
    subjects: number
    byKind: Record<CareSignalKind, number>
    /** Signals discussed with each party. */
    byParty: Record<CareSignalParty, number>
  }
  sinceStart: {
    /** Households with a visit on or before the last day; people registered by then. */
    households: number
    participants: number
  }
}
