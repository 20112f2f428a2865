import { rmSync } from 'node:fs'
import type { AuditExportInput, AuditFilterParsed } from '../../../shared/schemas/audit'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import { auditNote } from '../../../shared/audit-text'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { audit } from './audit'
import { writeAuditCsvTask } from './export-task'

export interface AuditExportContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

/**
 * The filtered log as CSV for a municipality or a privacy officer, in the words the screen uses
 * (Dutch unless the screen is in English). Written to a temp file in a worker thread, in
 * batches with progress (cancellable), and handed to the screen as a download ticket; the
 * export is logged once the file is complete. The entries are those up to the newest one when
 * the export starts: what is logged meanwhile (the export's own entry among them) is not in it,
 * as with the single query before.
 */
export async function exportAudit(
  ctx: AuditExportContext,
  input: AuditFilterParsed & Pick<AuditExportInput, 'language'>,
): Promise<DownloadTicket & { count: number }> {
  const { language, ...filter } = input
  const newest = await ctx.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  const path = ctx.downloads.tempPath('csv')
  let written: { count: number; sizeBytes: number }
  try {
    written = await ctx.vault.workers.run(
      writeAuditCsvTask,
      { filter, language: language ?? 'nl', lastId: Number(newest?.id ?? 0), path },
      {
        jobLabelKey: 'jobs.labels.auditExport',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
        cancellable: true,
      },
    )
    await audit(ctx.db, ctx, {
      action: 'export',
      entityType: 'auditLog',
      detail: auditNote({ k: 'rows', count: written.count }),
    })
  } catch (err) {
    // A cancelled or failed export leaves no half file behind.
    rmSync(path, { force: true })
    throw err
  }
  const ticket = ctx.downloads.issue({
    path,
    filename: `auditlog-${ctx.clock.today()}.csv`,
    mime: 'text/csv; charset=utf-8',
    sizeBytes: written.sizeBytes,
    temp: true,
  })
  return { ...ticket, count: written.count }
}
