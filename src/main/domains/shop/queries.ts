/**
 * The shop's reads that other files (and other domains) may import. Imports only the database
 * schema, the context and src/shared, so nothing that imports it can come back to it in a circle.
 */
import { sql } from 'kysely'
import { addDays } from '../../../shared/dates'
import type { DayPart } from '../../../shared/schemas/common'
import {
  DEFAULT_SHOP_SETTINGS,
  shopSettings,
  type ShopSettings,
} from '../../../shared/schemas/shop'
import type { Appointment, Visit } from '../../../shared/schemas/shop'
import type { Eligibility, Intake } from '../../../shared/schemas/household'
import type { Warning } from '../../../shared/schemas/common'
import { timeInZone, type Clock } from '../../clock'
import type { Db } from '../../context'
import { readSettings } from '../../db/settings'
import { visitConversations } from './conversation-queries'

const SETTINGS_KEY = 'shop'

export function referenceFor(id: number): string {
  return `H-${String(id).padStart(5, '0')}`
}

/** A household counts as eligible on `day` when its proof covers that day. */
export function eligibilityExpired(eligibleUntil: string | null, day: string): boolean {
  return eligibleUntil === null || eligibleUntil < day
}

/** The right on `today` in words the counter may see (see Eligibility). */
export function eligibilityStatus(
  eligibleUntil: string | null,
  today: string,
  expiringWithinDays: number,
): Eligibility {
  if (eligibleUntil === null) return 'unknown'
  if (eligibleUntil < today) return 'expired'
  return eligibleUntil <= addDays(today, expiringWithinDays) ? 'expiring' : 'valid'
}

export function eligibilityWarnings(eligibleUntil: string | null, day: string): Warning[] {
  if (eligibleUntil === null) return [{ key: 'eligibilityUnknown' }]
  if (eligibleUntil < day) return [{ key: 'eligibilityExpired', params: { until: eligibleUntil } }]
  return []
}

export async function listIntakes(db: Db, householdId: number): Promise<Intake[]> {
  const intakes = await db
    .selectFrom('intake')
    .select(['id', 'householdId', 'date', 'doneBy', 'notes', 'debts', 'multipleProblems'])
    .where('householdId', '=', householdId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute()
  if (!intakes.length) return []
  const ids = intakes.map((i) => i.id)
  const topics = await db
    .selectFrom('intakeTopic')
    .innerJoin('listItem', 'listItem.id', 'intakeTopic.topicId')
    .select(['intakeTopic.intakeId', 'listItem.id', 'listItem.name'])
    .where('intakeTopic.intakeId', 'in', ids)
    .orderBy('listItem.sort')
    .execute()
  const referrals = await db
    .selectFrom('intakeReferral')
    .innerJoin('partner', 'partner.id', 'intakeReferral.destinationId')
    .select(['intakeReferral.intakeId', 'partner.id', 'partner.name', 'intakeReferral.note'])
    .where('intakeReferral.intakeId', 'in', ids)
    .orderBy('intakeReferral.id')
    .execute()
  return intakes.map((i) => ({
    ...i,
    topics: topics.filter((t) => t.intakeId === i.id).map((t) => ({ id: t.id, name: t.name })),
    referrals: referrals
      .filter((r) => r.intakeId === i.id)
      .map((r) => ({ destination: { id: r.id, name: r.name }, note: r.note })),
  }))
}

/**
 * What of an intake a counter volunteer may see, whatever path hands it to them: never the
 * notes, nor whether the family has debts or several problems.
 */
export function intakeForCounter(intake: Intake): Intake {
  const { debts: _debts, multipleProblems: _problems, ...rest } = intake
  return { ...rest, notes: null }
}

export async function getShopSettings(db: Db): Promise<ShopSettings> {
  return readSettings(db, SETTINGS_KEY, shopSettings, DEFAULT_SHOP_SETTINGS)
}

export const PART_ORDER = { morning: 0, afternoon: 1, evening: 2 } as const

function appointmentQuery(db: Db) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('slot as s', 's.id', 'a.slotId')
    .innerJoin('household as h', 'h.id', 'a.householdId')
    .leftJoin('visit as v', 'v.appointmentId', 'a.id')
    .select([
      'a.id',
      'a.slotId',
      's.date',
      's.part',
      'a.householdId',
      'h.reference as householdReference',
      'h.contactName',
      'a.status',
      'a.note',
      'h.eligibleUntil',
      'v.id as visitId',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['execute']>>[number]

function toAppointment(r: Row): Appointment {
  return {
    ...r,
    visitId: r.visitId ?? null,
    eligibilityExpired: eligibilityExpired(r.eligibleUntil, r.date),
  }
}

/**
 * Local time (the shop's zone) at which a half-day is over: from then on nobody can be booked
 * on it. The afternoon stays bookable all morning, the morning until lunch.
 */
export const PART_ENDS: Record<DayPart, string> = {
  morning: '13:00:00',
  afternoon: '18:00:00',
  evening: '23:59:59',
}

export function halfDayOver(clock: Clock, date: string, part: DayPart): boolean {
  const today = clock.today()
  if (date !== today) return date < today
  return timeInZone(clock.now()) >= PART_ENDS[part]
}

export async function listAppointments(
  db: Db,
  filter: { householdId?: number; date?: string; id?: number },
): Promise<Appointment[]> {
  let q = appointmentQuery(db)
  if (filter.householdId !== undefined) q = q.where('a.householdId', '=', filter.householdId)
  if (filter.date !== undefined) q = q.where('s.date', '=', filter.date)
  if (filter.id !== undefined) q = q.where('a.id', '=', filter.id)
  const rows = await q.orderBy('s.date', 'desc').orderBy('h.contactName').execute()
  return rows
    .map(toAppointment)
    .sort((a, b) =>
      a.date !== b.date
        ? b.date.localeCompare(a.date)
        : PART_ORDER[a.part] - PART_ORDER[b.part] || a.contactName.localeCompare(b.contactName),
    )
}

export async function listVisits(
  db: Db,
  filter: { householdId?: number; id?: number },
): Promise<Visit[]> {
  let q = db
    .selectFrom('visit')
    .select(['id', 'householdId', 'appointmentId', 'date', 'servedBy', 'note'])
  if (filter.householdId !== undefined) q = q.where('householdId', '=', filter.householdId)
  if (filter.id !== undefined) q = q.where('id', '=', filter.id)
  const visits = await q.orderBy('date', 'desc').orderBy('id', 'desc').execute()
  if (!visits.length) return []
  const items = await db
    .selectFrom('visitItem')
    .innerJoin('listItem', 'listItem.id', 'visitItem.categoryId')
    .select(['visitItem.visitId', 'listItem.id', 'listItem.name', 'visitItem.count'])
    .where(
      'visitItem.visitId',
      'in',
      visits.map((v) => v.id),
    )
    .orderBy('listItem.sort')
    .execute()
  // With its conversation, notes included: who may not read them gets them removed by the caller
  // (see visitWithConversation).
  const conversations = await visitConversations(
    db,
    visits.map((v) => v.id),
  )
  return visits.map((v) => ({
    ...v,
    items: items
      .filter((i) => i.visitId === v.id)
      .map((i) => ({ category: { id: i.id, name: i.name }, count: i.count })),
    ...conversations.get(v.id)!,
  }))
}

/** Key for households without a district, so they still show up per district. */
export const NO_DISTRICT = ''

/** Districts are typed by people: "kruiskamp" and "Kruiskamp" are one place. */
export function sameDistrict(name: string | null) {
  return sql<boolean>`lower(h.district) = ${(name ?? '').toLowerCase()}`
}

/**
 * A household that may be invited or told of something on `today`: active, not anonymised, and
 * with a right to the shop that holds that day. Written against the alias `h`, as `sameDistrict`.
 */
export function invitableOn(today: string) {
  return sql<boolean>`(h.status = 'active' and h.anonymised_at is null
    and h.eligible_until >= ${today})`
}
