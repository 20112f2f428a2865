/**
 * The subsidy report's own reads: settings, targets and texts. Imports only the database
 * schema, the context, the clock and src/shared (the lint rule for every `queries.ts`).
 */
import {
  DEFAULT_REPORT_SETTINGS,
  reportSettingsInput,
  type ReportSettings,
} from '../../../shared/schemas/reports'
import type { Db } from '../../context'
import { readSettings } from '../../db/settings'

export const REPORT_SETTINGS_KEY = 'reports'

/** The area as stored: '' for the whole organisation, else the words as typed, lower case. */
export function areaKey(area: string | null | undefined): string {
  return (area ?? '').trim().toLowerCase()
}

export async function getReportSettings(db: Db): Promise<ReportSettings> {
  return readSettings(db, REPORT_SETTINGS_KEY, reportSettingsInput, DEFAULT_REPORT_SETTINGS)
}

/** The targets of a subsidy year and area, by figure key. */
export async function targetsOf(db: Db, year: number, area: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('reportTarget')
    .select(['figureKey', 'value'])
    .where('year', '=', year)
    .where('area', '=', area)
    .execute()
  return new Map(rows.map((r) => [r.figureKey, r.value]))
}

/** The texts of one kind saved for a period and area, by key (section or figure key). */
export async function textsOf(
  db: Db,
  kind: 'narrative' | 'explanation',
  from: string,
  to: string,
  area: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('reportText')
    .select(['key', 'text'])
    .where('kind', '=', kind)
    .where('fromOn', '=', from)
    .where('toOn', '=', to)
    .where('area', '=', area)
    .execute()
  return new Map(rows.map((r) => [r.key, r.text]))
}

/** The latest story of a section and area saved for a period that ended before `before`. */
export async function earlierNarrative(
  db: Db,
  section: string,
  area: string,
  before: string,
): Promise<{ text: string; from: string; to: string } | null> {
  const row = await db
    .selectFrom('reportText')
    .select(['text', 'fromOn', 'toOn'])
    .where('kind', '=', 'narrative')
    .where('key', '=', section)
    .where('area', '=', area)
    .where('toOn', '<', before)
    .orderBy('toOn', 'desc')
    .orderBy('fromOn', 'asc')
    .limit(1)
    .executeTakeFirst()
  return row ? { text: row.text, from: row.fromOn, to: row.toOn } : null
}
