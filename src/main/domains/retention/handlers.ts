import type { Slice } from '../slice'
import {
  anonymiseRecord,
  deleteRecord,
  getRetentionTerms,
  listDue,
  updateRetentionTerms,
  type RetentionContext,
  type RetentionDueContext,
} from './retention'

export const RETENTION_PREFIXES = ['retention'] as const

export const retentionHandlers: Slice<
  (typeof RETENTION_PREFIXES)[number],
  RetentionContext & RetentionDueContext
> = {
  'retention.due': listDue,
  'retention.anonymise': anonymiseRecord,
  'retention.delete': deleteRecord,
  'retention.terms': (ctx) => getRetentionTerms(ctx.db),
  'retention.updateTerms': updateRetentionTerms,
}
