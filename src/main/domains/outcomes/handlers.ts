import type { ServiceContext } from '../../context'
import type { Slice } from '../slice'
import { listCareSignals, removeCareSignal, saveCareSignal } from './care-signals'
import { listStories, removeStory, saveStory } from './stories'
import {
  answerSurvey,
  inviteSurvey,
  listInvites,
  listQuestions,
  removeInvite,
  saveQuestion,
} from './surveys'

/** Outcome indicators (issue 17): the questionnaire, safety signals and the report's stories. */
export const OUTCOMES_PREFIXES = ['surveys', 'careSignals', 'stories'] as const

export const outcomesHandlers: Slice<(typeof OUTCOMES_PREFIXES)[number], ServiceContext> = {
  'surveys.questions': listQuestions,
  'surveys.saveQuestion': saveQuestion,
  'surveys.invite': inviteSurvey,
  'surveys.invites': listInvites,
  'surveys.answer': answerSurvey,
  'surveys.removeInvite': removeInvite,
  'careSignals.list': listCareSignals,
  'careSignals.save': saveCareSignal,
  'careSignals.remove': removeCareSignal,
  'stories.list': listStories,
  'stories.save': saveStory,
  'stories.remove': removeStory,
}
