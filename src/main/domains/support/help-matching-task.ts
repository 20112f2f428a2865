import type { MethodParsed } from '../../../shared/api'
import type { HelpRequestMatches } from '../../../shared/schemas/support'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { readSubjectTails } from '../audit/audit'
import { rankForHelpRequest } from './help-matching-rank'

/**
 * `helpRequests.candidates` over a large register, on the worker's kept read connection (the
 * register it reads stays there for the next look, shared with the vacancies' matching). Once it
 * knows whom the lists show, it tells main, which logs those views meanwhile.
 */
export const helpCandidatesTask = defineTask<
  { input: MethodParsed<'helpRequests.candidates'>; today: string },
  HelpRequestMatches
>(
  'helpRequests.candidates',
  async ({ input, today }, ctx) => {
    const db = figuresDb(ctx)
    return rankForHelpRequest(db, input, today, async (shown) => {
      await readSubjectTails(db, 'person', shown)
      ctx.tell([...shown])
    })
  },
  { keeps: true },
)
