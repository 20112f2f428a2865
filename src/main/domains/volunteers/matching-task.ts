import type { MethodParsed } from '../../../shared/api'
import type { VacancyMatches } from '../../../shared/schemas/volunteers-matching'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { readSubjectTails } from '../audit/audit'
import { rankForVacancy } from './matching-rank'

/**
 * `matching.forVacancy`'s ranking over a large register, on the worker's kept read connection.
 * The worker also reads where the view entries of the shown people will go, so main, which logs
 * them, finds those pages of the audit log in the file cache.
 */
export const matchForVacancyTask = defineTask<
  { input: MethodParsed<'matching.forVacancy'>; today: string },
  VacancyMatches
>(
  'matching.forVacancy',
  async ({ input, today }, ctx) => {
    const db = figuresDb(ctx)
    const matches = await rankForVacancy(db, input, today)
    await readSubjectTails(
      db,
      'person',
      [...matches.ranked, ...matches.excluded].map((c) => c.personId),
    )
    return matches
  },
  // The register read over the worker's connection stays in its memory for the next look.
  { keeps: true },
)
