import type { ServiceContext } from '../../context'
import type { Vault } from '../../vault/vault'
import type { Slice } from '../slice'
import { listAudit } from './audit'
import { verifyAuditLog } from './verify'
import { exportAudit, type AuditExportContext } from './export-file'

export const AUDIT_PREFIXES = ['audit'] as const

/** The check of the chain also compares it with the anchors kept beside the database. */
export interface AuditContext extends ServiceContext, AuditExportContext {
  vault: Pick<Vault, 'auditAnchors' | 'workers'>
}

export const auditHandlers: Slice<(typeof AUDIT_PREFIXES)[number], AuditContext> = {
  'audit.list': listAudit,
  'audit.verify': verifyAuditLog,
  'audit.export': exportAudit,
}
