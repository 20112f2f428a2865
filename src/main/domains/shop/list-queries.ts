import { sql } from 'kysely'
import { normalisePhone } from '../../../shared/schemas/common'
import { searchKey } from '../../../shared/search-key'
import type { Db } from '../../context'
import { referenceFor, sameDistrict } from './queries'

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** The households list's filters: words (name, reference, postcode, phone) and a status. */
export interface HouseholdMatch {
  query: string
  status: 'active' | 'inactive' | 'all'
}

/**
 * The households a search finds, as the list screen and its export both filter them: every
 * household whose folded name holds the words, whose reference starts with them, whose postcode
 * or phone matches, or whose number it is. At the counter a reference is matched whole.
 */
export function matchHouseholds(db: Db, input: HouseholdMatch, counter = false) {
  const q = input.query
  const key = searchKey(q)
  const digits = q.replace(/\D/g, '')
  const compact = q.replace(/\s+/g, '').toUpperCase()
  const base = db.selectFrom('household as h').where((eb) => {
    const ors = []
    if (input.status !== 'all') ors.push(eb('h.status', '=', input.status))
    return ors.length ? eb.and(ors) : eb.lit(true)
  })
  if (!q) return base
  return base.where((eb) => {
    const ors = [
      eb(sql`h.search_name`, 'like', sql`${'%' + likeEscape(key) + '%'} escape '\\'`),
      // At the counter a reference is looked up whole: "H-" must not list every family.
      counter
        ? eb(sql`upper(h.reference)`, '=', compact)
        : eb(sql`upper(h.reference)`, 'like', sql`${likeEscape(compact) + '%'} escape '\\'`),
    ]
    if (/^\d{4}[A-Z]{0,2}$/.test(compact)) {
      const pc = compact.length > 4 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact
      ors.push(eb('h.postcode', 'like', `${pc}%`))
    }
    const onlyDigits = digits.length > 0 && digits.length === q.replace(/[\s()+-]/g, '').length
    if (onlyDigits && digits.length >= 3)
      ors.push(eb('h.phoneDigits', 'like', `%${normalisePhone(q)}%`))
    // "42" finds H-00042 as well.
    if (onlyDigits && digits.length <= 9)
      ors.push(eb('h.reference', '=', referenceFor(Number(digits))))
    return eb.or(ors)
  })
}

/** A household's last visit day, as a column of a query over `household as h`. */
export const lastVisitOn = sql<string | null>`(select max(v.date) from visit v
  where v.household_id = h.id)`

/**
 * How many of a household's members are children (under 18 in the year of `today`), as a column
 * of a query over `household as h`: only the birth year is known.
 */
export function childCount(today: string) {
  const childYear = Number(today.slice(0, 4)) - 17
  return sql<number>`(select count(*) from member m
    where m.household_id = h.id and m.birth_year >= ${childYear})`
}

/** A household as the exported list has it: contact details, no notes. */
export interface HouseholdListRow {
  reference: string
  contactName: string
  street: string | null
  houseNumber: string | null
  postcode: string
  city: string
  district: string | null
  phone: string | null
  email: string | null
  incomeSource: string
  status: string
  eligibleUntil: string | null
  members: number
  children: number
  lastVisitOn: string | null
  registeredOn: string
  anonymised: boolean
}

/** How many households the filters find. */
export async function countHouseholds(db: Db, input: HouseholdMatch): Promise<number> {
  const r = await db
    .selectFrom(matchHouseholds(db, input).select('h.id').as('f'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * One page of the households the filters find, in the list's order (contact name, then id).
 * Children are the members who are under 18 in the year of `today`, as the list shows them.
 */
export async function householdListPage(
  db: Db,
  input: HouseholdMatch,
  today: string,
  offset: number,
  limit: number,
): Promise<HouseholdListRow[]> {
  const ids = matchHouseholds(db, input)
    .select('h.id')
    .orderBy('h.contactName')
    .orderBy('h.id')
    .limit(limit)
    .offset(offset)
  const rows = await db
    .selectFrom('household as h')
    .where('h.id', 'in', ids)
    .select([
      'h.reference',
      'h.contactName',
      'h.street',
      'h.houseNumber',
      'h.postcode',
      'h.city',
      'h.district',
      'h.phone',
      'h.email',
      'h.incomeSource',
      'h.status',
      'h.eligibleUntil',
      'h.createdAt',
      'h.anonymisedAt',
      lastVisitOn.as('lastVisitOn'),
      (eb) =>
        eb
          .selectFrom('member')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('member.householdId', '=', 'h.id')
          .as('members'),
      childCount(today).as('children'),
    ])
    .orderBy('h.contactName')
    .orderBy('h.id')
    .execute()
  return rows.map((r) => ({
    reference: r.reference,
    contactName: r.contactName,
    street: r.street,
    houseNumber: r.houseNumber,
    postcode: r.postcode,
    city: r.city,
    district: r.district,
    phone: r.phone,
    email: r.email,
    incomeSource: r.incomeSource,
    status: r.status,
    eligibleUntil: r.eligibleUntil,
    members: Number(r.members ?? 0),
    children: Number(r.children ?? 0),
    lastVisitOn: (r.lastVisitOn as string | null) ?? null,
    registeredOn: r.createdAt.slice(0, 10),
    anonymised: r.anonymisedAt !== null,
  }))
}

/** The visits list's filters: a period and optionally one district (as the figures screen). */
export interface VisitMatch {
  from: string
  to: string
  district: string | null
}

/** A visit as the exported list has it: who came, when, and what they took; no notes. */
export interface VisitListRow {
  id: number
  date: string
  reference: string
  contactName: string
  district: string | null
  byAppointment: boolean
  items: number
  servedBy: string
}

function matchVisits(db: Db, input: VisitMatch) {
  return db
    .selectFrom('visit as v')
    .innerJoin('household as h', 'h.id', 'v.householdId')
    .where('v.date', '>=', input.from)
    .where('v.date', '<=', input.to)
    .$if(input.district !== null, (q) => q.where(sameDistrict(input.district)))
}

export async function countVisits(db: Db, input: VisitMatch): Promise<number> {
  const r = await matchVisits(db, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * The visits of a period by day, then as registered, from after the `after` visit (keyset: a
 * ten-year export reads 150,000 visits without skipping over the ones already read).
 */
export async function visitListPage(
  db: Db,
  input: VisitMatch,
  after: { date: string; id: number } | null,
  limit: number,
): Promise<VisitListRow[]> {
  const rows = await matchVisits(db, input)
    .$if(after !== null, (q) =>
      q.where(sql<boolean>`(v.date, v.id) > (${after!.date}, ${after!.id})`),
    )
    .select([
      'v.id',
      'v.date',
      'v.appointmentId',
      'v.servedBy',
      'h.reference',
      'h.contactName',
      'h.district',
      (eb) =>
        eb
          .selectFrom('visitItem as vi')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('vi.count'), e.lit(0)).as('n'))
          .whereRef('vi.visitId', '=', 'v.id')
          .as('items'),
    ])
    .orderBy('v.date')
    .orderBy('v.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    reference: r.reference,
    contactName: r.contactName,
    district: r.district,
    byAppointment: r.appointmentId !== null,
    items: Number(r.items ?? 0),
    servedBy: r.servedBy,
  }))
}
