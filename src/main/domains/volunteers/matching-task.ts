import type { MethodParsed } from '../../../shared/api'
import type { VacancyMatches } from '../../../shared/schemas/volunteers-matching'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { readSubjectTails } from '../audit/audit'
import { keepAllHoldersLater } from './matching-queries'
import { rankForVacancy } from './matching-rank'

/**
 * `matching.forVacancy`'s ranking over a large register, on the worker's kept read connection.
 * Once it knows whom the lists show, it tells main (which logs those views meanwhile) and goes
 * on to read their records.
 */
export const matchForVacancyTask = defineTask<
  { input: MethodParsed<'matching.forVacancy'>; today: string },
  VacancyMatches
>(
  'matching.forVacancy',
  async ({ input, today }, ctx) => {
    const db = figuresDb(ctx)
    const matches = await rankForVacancy(db, input, today, async (shown) => {
      // Where the view entries of the shown people will go, read first: main, which logs them
      // while this worker reads their records, then finds those pages in the file cache.
      await readSubjectTails(db, 'person', shown)
      ctx.tell([...shown])
    })
    // After the answer has gone: who holds each option, for the next looks at other vacancies.
    keepAllHoldersLater(db, 300)
    return matches
  },
  // The register read over the worker's connection stays in its memory for the next look.
  { keeps: true },
)
