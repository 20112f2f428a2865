import { rmSync } from 'node:fs'
import type { MethodParsed } from '../../../shared/api'
import { auditNote } from '../../../shared/audit-text'
import { LIST_EXPORT_WORDS } from '../../../shared/i18n/list-exports'
import type { AuditEntityType } from '../../../shared/schemas/audit'
import type { ExportList, ExportsListParsed } from '../../../shared/schemas/exports'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { audit } from '../audit/audit'
import { writeListFileTask } from './export-task'

export interface ExportsContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

/** What an export of each list is logged under. */
const ENTITY: Record<ExportList, AuditEntityType> = {
  households: 'household',
  visits: 'visit',
  people: 'person',
  placements: 'placement',
  hours: 'volunteerHours',
  complaints: 'complaint',
  activities: 'activity',
}

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** `huishoudens-2026-12-06.xlsx`, `bezoeken-2026-01-01-2026-12-31.csv`, `uren-2026-11.xlsx`. */
function fileName(input: ExportsListParsed, today: string): string {
  const name = LIST_EXPORT_WORDS[input.language].names[input.list].toLowerCase()
  const when =
    input.list === 'visits' || input.list === 'activities'
      ? `${input.from}-${input.to}`
      : input.list === 'hours'
        ? input.month
        : today
  return `${name}-${when}.${input.format}`
}

/**
 * `exports.list`: one list as its screen filters it, every row, as CSV or .xlsx for a
 * spreadsheet. Small cells do not apply (it stays inside the organisation), but only staff may
 * ask and every export is logged with the list and its number of rows (never the search words,
 * which may be a name). Written in a worker thread with progress; a cancelled or failed export
 * leaves no file behind.
 */
export async function exportList(
  ctx: ExportsContext,
  input: MethodParsed<'exports.list'>,
): Promise<DownloadTicket & { count: number }> {
  const today = ctx.clock.today()
  const path = ctx.downloads.tempPath(input.format)
  let written: { count: number; sizeBytes: number }
  try {
    written = await ctx.vault.workers.run(
      writeListFileTask,
      { input, today, path },
      {
        jobLabelKey: 'jobs.labels.listExport',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
        cancellable: true,
      },
    )
    await audit(ctx.db, ctx, {
      action: 'export',
      entityType: ENTITY[input.list],
      detail: auditNote({ k: 'rows', count: written.count }),
    })
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
  const ticket = ctx.downloads.issue({
    path,
    filename: fileName(input, today),
    mime: MIME[input.format],
    sizeBytes: written.sizeBytes,
    temp: true,
  })
  return { ...ticket, count: written.count }
}
