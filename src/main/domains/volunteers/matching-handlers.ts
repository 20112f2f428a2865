import type { Slice } from '../slice'
import { matchForPerson, matchForVacancy, readWeights, updateWeights } from './matching'
import { howWeMatchPdf, type HowWeMatchContext } from './how-we-match-task'
import {
  advancePlacement,
  checkPlacement,
  declinePlacement,
  endPlacement,
  listPlacements,
  proposePlacement,
} from './placements'

/** Matching people and vacancies, and the placements that follow (issue 13, part V2). */
export const MATCHING_PREFIXES = ['matching', 'placements'] as const

export const matchingHandlers: Slice<(typeof MATCHING_PREFIXES)[number], HowWeMatchContext> = {
  'matching.forVacancy': matchForVacancy,
  'matching.forPerson': matchForPerson,
  'matching.weights': (ctx) => readWeights(ctx),
  'matching.updateWeights': updateWeights,
  'matching.howWeMatch': howWeMatchPdf,
  'placements.list': listPlacements,
  'placements.check': checkPlacement,
  'placements.propose': proposePlacement,
  'placements.advance': advancePlacement,
  'placements.end': endPlacement,
  'placements.decline': declinePlacement,
}
