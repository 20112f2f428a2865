import { open } from 'node:fs/promises'
import type { Kysely } from 'kysely'
import type { AuditFilterParsed, AuditExportInput } from '../../../shared/schemas/audit'
import {
  auditActionText,
  auditEntityText,
  auditFieldText,
  auditNoteText,
  type AuditTranslate,
} from '../../../shared/audit-text'
import { lowerFirst } from '../../../shared/i18n'
import { toDutchDate } from '../../../shared/dates'
import { labelsT } from '../../i18n'
import { dateInZone, startOfDayInZone, timeInZone } from '../../clock'
import type { DB } from '../../db/schema'
import { csvLine } from '../../export/csv'
import { filteredAudit, toAuditEntry } from './audit'

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

/** Entries read per query: a few ms each, with progress and a chance to cancel in between. */
export const EXPORT_BATCH = 2_000

export interface AuditCsvInput {
  filter: AuditFilterParsed
  language: NonNullable<AuditExportInput['language']>
  /** The newest entry when the export started: later ones (its own among them) are left out. */
  lastId: number
  /** A fresh path in the download folder; created here, readable by this user only. */
  path: string
}

export interface AuditCsvProgress {
  progress(done: number, total: number): void
  throwIfCancelled(): void
}

/**
 * `f` remembered per argument. Looking a word up (i18next) and formatting a time in Dutch time
 * (Intl) cost a few hundred microseconds each, and a row needs several: over 780,000 rows that
 * is half an hour. The same few words and notes come back on almost every row, so each is
 * worked out once per export. Bounded, so a log of all-different notes cannot fill memory.
 */
function remembered<T>(f: (arg: string) => T, limit = 20_000): (arg: string) => T {
  const seen = new Map<string, T>()
  return (arg) => {
    let value = seen.get(arg)
    if (value === undefined) {
      if (seen.size >= limit) seen.clear()
      value = f(arg)
      seen.set(arg, value)
    }
    return value
  }
}

/**
 * Date (dd-mm-jjjj) and time of an instant in Dutch time, as `toDutchDate(dateInZone(at))` and
 * `timeInZone(at)` give them, with the zone's offset worked out once per UTC hour: offsets only
 * change on the hour (summer time begins and ends at 01:00 UTC).
 */
export function dutchDateTime(): (at: string) => [string, string] {
  const offsetOfHour = remembered((hour: string): number => {
    const start = new Date(`${hour}:00:00.000Z`)
    return Date.parse(`${dateInZone(start)}T${timeInZone(start)}Z`) - start.getTime()
  })
  return (iso) => {
    const at = new Date(iso)
    const local = new Date(at.getTime() + offsetOfHour(at.toISOString().slice(0, 13)))
    const text = local.toISOString()
    return [toDutchDate(text.slice(0, 10)), text.slice(11, 19)]
  }
}

/**
 * Writes the filtered log up to `lastId` as CSV to `path`, in the words of `language`, a batch
 * at a time (never the whole log in memory). The same lines, byte for byte, as the single
 * string the export made before (`toCsv`): a BOM, the heading, then one line per entry.
 */
export async function writeAuditCsv(
  db: Kysely<DB>,
  input: AuditCsvInput,
  report: AuditCsvProgress,
): Promise<{ count: number; sizeBytes: number }> {
  const dayStart = (d: string): string => startOfDayInZone(d).toISOString()
  const lookUp = labelsT(input.language)
  const word = remembered((key: string) => lookUp(key))
  const tr: AuditTranslate = (key, params) => (params ? lookUp(key, params) : word(key))
  const when = dutchDateTime()
  const role = remembered((r: string) => lowerFirst(tr(`roles.${r}`)))
  const action = remembered((key: string) => {
    const [a, entity] = JSON.parse(key) as [string, string | null]
    return auditActionText(a, entity, tr)
  })
  const entity = remembered((e: string) => auditEntityText(e, tr))
  const field = remembered((f: string) => auditFieldText(f, tr))
  const note = remembered((detail: string) => auditNoteText(detail, tr))
  const counted = await filteredAudit(db, input.filter, dayStart)
    .where('auditLog.id', '<=', input.lastId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  const total = Number(counted?.n ?? 0)
  const file = await open(input.path, 'wx', 0o600)
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
    report.progress(0, total)
    let after = 0
    for (;;) {
      report.throwIfCancelled()
      const rows = (
        await filteredAudit(db, input.filter, dayStart)
          .selectAll('auditLog')
          .select('household.reference as householdReference')
          .where('auditLog.id', '>', after)
          .where('auditLog.id', '<=', input.lastId)
          .orderBy('auditLog.id')
          .limit(EXPORT_BATCH)
          .execute()
      ).map(toAuditEntry)
      if (rows.length === 0) break
      let text = ''
      for (const r of rows) {
        const [date, time] = when(r.at)
        text += csvLine([
          String(r.id),
          date,
          time,
          r.userName ?? '',
          r.role ? role(r.role) : '',
          r.workstation,
          action(JSON.stringify([r.action, r.entityType])),
          r.entityType ? entity(r.entityType) : '',
          r.entityId ?? '',
          r.householdReference ?? '',
          r.fields.map(field).join(', '),
          r.detail === null ? auditNoteText(null, tr) : note(r.detail),
        ])
      }
      await write(text)
      count += rows.length
      after = rows[rows.length - 1]!.id
      report.progress(count, Math.max(total, count))
      if (rows.length < EXPORT_BATCH) break
    }
  } finally {
    await file.close()
  }
  return { count, sizeBytes }
}
