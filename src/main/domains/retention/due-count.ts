import type { MethodParsed } from '../../../shared/api'
import {
  DEFAULT_RETENTION_TERMS,
  retentionTerms,
  type RetentionDue,
  type RetentionDueRow,
  type RetentionTerms,
} from '../../../shared/schemas/retention'
import type { SubjectKind } from '../../../shared/schemas/subjects'
import { addMonths } from '../../../shared/dates'
import type { Db } from '../../context'
import { readSettings } from '../../db/settings'
import { RETENTION_REGISTRY } from './registry'

const KEY = 'retention'

/** The terms as stored (migration 0003), each missing or broken one at its default. */
export async function getRetentionTerms(db: Db): Promise<RetentionTerms> {
  return readSettings(db, KEY, retentionTerms, DEFAULT_RETENTION_TERMS)
}

/** The day before which a last contact counts as too long ago. */
export function retentionCutoff(today: string, months: number): string {
  return addMonths(today, -months)
}

/**
 * How many records of each kind are due, and one page of the asked kind, oldest first. Each
 * kind's count comes from the same ordered list as its page, so the count never disagrees with
 * what paging reaches.
 */
export async function countDue(
  db: Db,
  input: MethodParsed<'retention.due'>,
  today: string,
): Promise<RetentionDue> {
  const terms = await getRetentionTerms(db)
  const cutoffs: RetentionDue['cutoffs'] = {}
  const counts = {} as Record<SubjectKind, number>
  let rows: RetentionDueRow[] = []
  for (const [kind, reg] of RETENTION_REGISTRY.entries()) {
    const cutoff = retentionCutoff(today, terms[reg.term])
    cutoffs[reg.term] = cutoff
    // Other kinds only for their count: an empty page still reads the ordered list.
    const page = kind === input.kind ? input : { limit: 0, offset: 0 }
    const slice = await reg.findDue(db, cutoff, page)
    counts[kind] = slice.total
    if (kind === input.kind) rows = slice.rows.map((r) => ({ ...r, kind }))
  }
  return {
    today,
    terms,
    cutoffs,
    counts,
    kind: input.kind,
    total: counts[input.kind],
    offset: input.offset,
    rows,
  }
}
