import type { MethodParsed } from '../../../shared/api'
import type { RetentionDue } from '../../../shared/schemas/retention'
import { figuresDb } from '../../workers/figures-db'
import { defineTask } from '../../workers/task'
import { countDue } from './due-count'

/**
 * `retention.due` of a large organisation, on the worker's kept read connection: every
 * record's last contact is worked out from all its dated facts, about a second for 20,000
 * people at ten years of data, which main may not be held up for (50 ms).
 */
export const retentionDueTask = defineTask<
  { input: MethodParsed<'retention.due'>; today: string },
  RetentionDue
>('retention.due', ({ input, today }, ctx) => countDue(figuresDb(ctx), input, today))
