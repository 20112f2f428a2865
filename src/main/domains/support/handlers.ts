import type { MatchingContext } from '../volunteers/matching'
import type { Slice } from '../slice'
import { addLoad, addSupport, getCarer, listCarers, saveCarer } from './carers'
import { helpCandidates, helpForPerson, matchReasons } from './help-matching'
import {
  endHelpRequest,
  getHelpRequest,
  listHelpRequests,
  listKinds,
  matchHelpRequest,
  saveHelpRequest,
  saveKind,
} from './help-requests'

/** Volunteers for residents (issue 16): help requests and informal carers. */
export const SUPPORT_PREFIXES = ['helpRequests', 'carers'] as const

export const supportHandlers: Slice<(typeof SUPPORT_PREFIXES)[number], MatchingContext> = {
  'helpRequests.kinds': listKinds,
  'helpRequests.saveKind': saveKind,
  'helpRequests.list': listHelpRequests,
  'helpRequests.get': getHelpRequest,
  'helpRequests.save': saveHelpRequest,
  'helpRequests.match': (ctx, input) => matchHelpRequest(ctx, input, matchReasons),
  'helpRequests.end': endHelpRequest,
  'helpRequests.candidates': helpCandidates,
  'helpRequests.forPerson': helpForPerson,
  'carers.get': getCarer,
  'carers.save': saveCarer,
  'carers.addLoad': addLoad,
  'carers.addSupport': addSupport,
  'carers.list': listCarers,
}
