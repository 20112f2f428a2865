import { sql } from 'kysely'
import { conflict, notFound } from '../../../shared/errors'
import { addDays, addMonths } from '../../../shared/dates'
import type { MeasurementSettings } from '../../../shared/schemas/volunteers-followup'
import { DEFAULT_ZRM_VERSION, ZRM_VERSIONS, type ZrmVersion } from '../../../shared/zrm'
import type { Db } from '../../context'

/** What the follow-up services need to know of a person before writing about them. */
export interface PersonBasics {
  id: number
  reference: string
  registeredOn: string
  anonymisedAt: string | null
}

/** The person, or NOT_FOUND; an anonymised person is read, never written about. */
export async function personOrThrow(db: Db, id: number): Promise<PersonBasics> {
  const p = await db
    .selectFrom('person')
    .select(['id', 'reference', 'registeredOn', 'anonymisedAt'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!p) throw notFound('person')
  return p
}

export async function writablePerson(db: Db, id: number): Promise<PersonBasics> {
  const p = await personOrThrow(db, id)
  if (p.anonymisedAt) throw conflict('personAnonymised')
  return p
}

/** A person's name as lists show it, written against the alias `p`. */
export const personName = sql<string>`trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))`

/** The person's district as figures group it ('' for none), against the alias `p`. */
export const personDistrict = sql<string>`coalesce(p.district, '')`

/** Same district up to case, against the alias `p`. */
export function samePersonDistrict(name: string | null) {
  return sql<boolean>`lower(coalesce(p.district, '')) = ${(name ?? '').toLowerCase()}`
}

export function monthOf(day: string): string {
  return day.slice(0, 7)
}

export function firstDayOf(month: string): string {
  return `${month}-01`
}

export function lastDayOf(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1)
}

export function addMonthsTo(month: string, n: number): string {
  return monthOf(addMonths(`${month}-01`, n))
}

/**
 * The months lying wholly in a period: from the month of `from` when it starts on its first day
 * (else the next), to the month of `to` when it ends on its last day (else the one before).
 */
export function wholeMonths(
  from: string,
  to: string,
): { first: string | null; last: string | null; count: number } {
  const first = from.endsWith('-01') ? monthOf(from) : addMonthsTo(monthOf(from), 1)
  const last = lastDayOf(monthOf(to)) === to ? monthOf(to) : addMonthsTo(monthOf(to), -1)
  if (first > last) return { first: null, last: null, count: 0 }
  const count =
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7)) +
    1
  return { first, last, count }
}

/**
 * A placement that runs in a month, written against the alias `pl`: it started (its trial, or
 * placed without a trial) on or before the month's last day and did not end before its first.
 * Proposed, introduction-only and declined placements have no working hours.
 */
export function placementRunsIn(month: string) {
  // Written so SQLite can read it from the index on (step, ended_on, ...): the placements that
  // still run, and those that ended on or after the month's first day.
  return sql<boolean>`((pl.step in ('trial', 'placed')
      or (pl.step = 'ended' and pl.ended_on >= ${firstDayOf(month)}))
    and coalesce(pl.trial_on, pl.placed_on) <= ${lastDayOf(month)})`
}

/** The row in `setting` that holds the measurement settings (JSON). */
export const MEASUREMENT_SETTINGS_KEY = 'volunteers.measurements'

const DEFAULTS: MeasurementSettings = { version: DEFAULT_ZRM_VERSION, ladder: false }

/** The settings as stored; a value that cannot be used reads as the default. */
export async function getMeasurementSettings(db: Db): Promise<MeasurementSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', MEASUREMENT_SETTINGS_KEY)
    .executeTakeFirst()
  if (!row) return { ...DEFAULTS }
  try {
    const v = JSON.parse(row.value) as Partial<MeasurementSettings>
    return {
      version: (ZRM_VERSIONS as readonly string[]).includes(String(v.version))
        ? (v.version as ZrmVersion)
        : DEFAULTS.version,
      ladder: typeof v.ladder === 'boolean' ? v.ladder : DEFAULTS.ladder,
    }
  } catch {
    return { ...DEFAULTS }
  }
}
