import { open } from 'node:fs/promises'
import { rmSync } from 'node:fs'
import type { AuditExportInput, AuditFilterParsed } from '../../../shared/schemas/audit'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import {
  auditActionText,
  auditEntityText,
  auditFieldText,
  auditNote,
  auditNoteText,
} from '../../../shared/audit-text'
import { lowerFirst } from '../../../shared/i18n'
import { toDutchDate } from '../../../shared/dates'
import { labelsT } from '../../i18n'
import { dateInZone, startOfDayInZone, timeInZone } from '../../clock'
import type { ServiceContext } from '../../context'
import { csvCell } from '../../db/text'
import type { DownloadIssuer } from '../../downloads/tickets'
import { audit, filteredAudit, toAuditEntry } from './audit'

/** The CSV's columns, in order; their headings are `audit.csv.*` in the shared labels. */
export const CSV_COLUMNS = [
  'no',
  'date',
  'time',
  'user',
  'role',
  'workstation',
  'action',
  'entity',
  'entityId',
  'household',
  'fields',
  'detail',
] as const

/**
 * Entries read per query. Each batch is a short synchronous stretch (a few ms); between batches
 * the file write lets other calls in, so a 780,000-entry export never freezes the app.
 */
export const EXPORT_BATCH = 2_000

export interface AuditExportContext extends ServiceContext {
  downloads: DownloadIssuer
}

/** One line of the CSV as the spreadsheet reads it (`;`, quotes and formula defusing). */
function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(';') + '\r\n'
}

/**
 * The filtered log as CSV for a municipality or a privacy officer, in the words the screen uses
 * (Dutch unless the screen is in English), written to a temp file in batches and handed to the
 * screen as a download ticket; the export is logged once the file is complete. The entries are
 * those up to the newest one when the export starts: what is logged meanwhile (the export's own
 * entry among them) is not in it, as with the single query before.
 */
export async function exportAudit(
  ctx: AuditExportContext,
  input: AuditFilterParsed & Pick<AuditExportInput, 'language'>,
): Promise<DownloadTicket & { count: number }> {
  const dayStart = (d: string): string => startOfDayInZone(d).toISOString()
  const tr = labelsT(input.language ?? 'nl')
  const newest = await ctx.db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  const lastId = Number(newest?.id ?? 0)
  const path = ctx.downloads.tempPath('csv')
  const file = await open(path, 'wx', 0o600)
  let count = 0
  let sizeBytes = 0
  try {
    const write = async (text: string): Promise<void> => {
      const bytes = Buffer.from(text, 'utf8')
      sizeBytes += bytes.byteLength
      await file.write(bytes)
    }
    // The BOM lets Excel read the file as UTF-8, so names with diacritics survive.
    await write('\uFEFF' + csvLine(CSV_COLUMNS.map((c) => tr(`audit.csv.${c}`))))
    let after = 0
    for (;;) {
      const rows = (
        await filteredAudit(ctx.db, input, dayStart)
          .selectAll('auditLog')
          .select('household.reference as householdReference')
          .where('auditLog.id', '>', after)
          .where('auditLog.id', '<=', lastId)
          .orderBy('auditLog.id')
          .limit(EXPORT_BATCH)
          .execute()
      ).map(toAuditEntry)
      if (rows.length === 0) break
      let text = ''
      for (const r of rows) {
        const at = new Date(r.at)
        text += csvLine([
          String(r.id),
          toDutchDate(dateInZone(at)),
          timeInZone(at),
          r.userName ?? '',
          r.role ? lowerFirst(tr(`roles.${r.role}`)) : '',
          r.workstation,
          auditActionText(r.action, r.entityType, tr),
          r.entityType ? auditEntityText(r.entityType, tr) : '',
          r.entityId ?? '',
          r.householdReference ?? '',
          r.fields.map((f) => auditFieldText(f, tr)).join(', '),
          auditNoteText(r.detail, tr),
        ])
      }
      await write(text)
      count += rows.length
      after = rows[rows.length - 1]!.id
      if (rows.length < EXPORT_BATCH) break
    }
    await file.close()
    await audit(ctx.db, ctx, {
      action: 'export',
      entityType: 'auditLog',
      detail: auditNote({ k: 'rows', count }),
    })
  } catch (err) {
    await file.close().catch(() => undefined)
    rmSync(path, { force: true })
    throw err
  }
  const ticket = ctx.downloads.issue({
    path,
    filename: `auditlog-${ctx.clock.today()}.csv`,
    mime: 'text/csv; charset=utf-8',
    sizeBytes,
    temp: true,
  })
  return { ...ticket, count }
}
