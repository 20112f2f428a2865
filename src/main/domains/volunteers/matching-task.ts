import type { MethodParsed } from '../../../shared/api'
import type { VacancyMatches } from '../../../shared/schemas/volunteers-matching'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { rankForVacancy } from './matching-rank'

/** `matching.forVacancy`'s ranking over a large register, on the worker's kept read connection. */
export const matchForVacancyTask = defineTask<
  { input: MethodParsed<'matching.forVacancy'>; today: string },
  VacancyMatches
>('matching.forVacancy', ({ input, today }, ctx) => rankForVacancy(figuresDb(ctx), input, today))
