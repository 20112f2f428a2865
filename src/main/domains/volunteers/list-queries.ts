import { sql } from 'kysely'
import { normalisePhone } from '../../../shared/schemas/common'
import type { PersonStatus } from '../../../shared/schemas/volunteers'
import {
  ACTIVE_STEPS,
  PLACEMENT_STEPS,
  type PlacementStep,
} from '../../../shared/schemas/volunteers-matching'
import { searchKey } from '../../../shared/search-key'
import type { Db } from '../../context'
import { personName, placementRunsIn, samePersonDistrict } from './followup-queries'
import { personReference } from './people-queries'

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

// --- People --------------------------------------------------------------------------------------

/** The people list's filters, as its screen has them. */
export interface PeopleMatch {
  query: string
  status: PersonStatus | 'all'
  programmeId: number | null
  waitingSince: string | null
  district: string | null
}

/**
 * The people a search finds, as the list screen and its export both filter them: every word of
 * the query (folded) in "first last", or a reference ("D-00042", "42"), phone or postcode;
 * narrowed by status, programme, district and "waiting since" (registered on or before that day,
 * no intake yet, not left).
 */
export function matchPeople(db: Db, input: PeopleMatch) {
  const q = input.query
  const key = searchKey(q)
  const digits = q.replace(/\D/g, '')
  const compact = q.replace(/\s+/g, '').toUpperCase()
  const onlyDigits = digits.length > 0 && digits.length === q.replace(/[\s()+-]/g, '').length
  return db.selectFrom('person as p').where((eb) => {
    const and = []
    if (input.status !== 'all') and.push(eb('p.status', '=', input.status))
    if (input.programmeId !== null) and.push(eb('p.programmeId', '=', input.programmeId))
    if (input.district) and.push(eb(sql`lower(p.district)`, '=', input.district.toLowerCase()))
    if (input.waitingSince) {
      and.push(eb('p.registeredOn', '<=', input.waitingSince))
      and.push(eb('p.intakeOn', 'is', null))
      and.push(eb('p.status', '<>', 'left'))
    }
    if (key || compact) {
      const ors = []
      // A reference or a number is looked up by its index alone; names hold no digits.
      const isReference = /^D-?\d+$/.test(compact) || onlyDigits
      const words = isReference ? [] : key.split(' ').filter(Boolean)
      if (words.length)
        ors.push(
          eb.and(
            words.map((w) =>
              eb(sql`p.search_name`, 'like', sql`${'%' + likeEscape(w) + '%'} escape '\\'`),
            ),
          ),
        )
      if (/^D-?\d+$/.test(compact))
        ors.push(eb('p.reference', '=', personReference(Number(compact.replace(/\D/g, '')))))
      if (onlyDigits && digits.length <= 9)
        ors.push(eb('p.reference', '=', personReference(Number(digits))))
      if (onlyDigits && digits.length >= 3)
        ors.push(eb('p.phoneDigits', 'like', `%${normalisePhone(q)}%`))
      if (/^\d{4}[A-Z]{0,2}$/.test(compact)) {
        const pc = compact.length > 4 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact
        ors.push(eb('p.postcode', 'like', `${pc}%`))
      }
      and.push(eb.or(ors))
    }
    return and.length ? eb.and(and) : eb.lit(true)
  })
}

export async function countPeople(db: Db, input: PeopleMatch): Promise<number> {
  const r = await matchPeople(db, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** A person as the exported list has it: contact details and where they stand; no notes. */
export interface PersonListRow {
  reference: string
  firstName: string
  lastName: string
  gender: string
  birthYear: number | null
  phone: string | null
  email: string | null
  address: string | null
  postcode: string | null
  place: string | null
  district: string | null
  programme: string | null
  status: string
  registeredOn: string
  intakeOn: string | null
  outflowKind: string | null
  outflowOn: string | null
  anonymised: boolean
}

/** One page of the people the filters find, in the list's order (last name, first name, id). */
export async function peopleListPage(
  db: Db,
  input: PeopleMatch,
  offset: number,
  limit: number,
): Promise<PersonListRow[]> {
  const rows = await matchPeople(db, input)
    .leftJoin('programme', 'programme.id', 'p.programmeId')
    .select([
      'p.reference',
      'p.firstName',
      'p.lastName',
      'p.gender',
      'p.birthYear',
      'p.phone',
      'p.email',
      'p.address',
      'p.postcode',
      'p.place',
      'p.district',
      'programme.name as programme',
      'p.status',
      'p.registeredOn',
      'p.intakeOn',
      'p.outflowKind',
      'p.outflowOn',
      'p.anonymisedAt',
    ])
    .orderBy(sql`p.last_name collate nocase`)
    .orderBy(sql`p.first_name collate nocase`)
    .orderBy('p.id')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(({ anonymisedAt, ...r }) => ({
    ...r,
    programme: r.programme ?? null,
    anonymised: anonymisedAt !== null,
  }))
}

// --- Placements ----------------------------------------------------------------------------------

/** The placements list's filters: a step, or the running, closed or all ones; a person, a vacancy. */
export interface PlacementMatch {
  personId: number | null
  vacancyId: number | null
  step: PlacementStep | null
  scope: 'active' | 'closed' | 'all'
}

/** The steps a placement filter shows: the one asked, or the scope's. */
export function placementSteps(input: Pick<PlacementMatch, 'step' | 'scope'>): PlacementStep[] {
  if (input.step !== null) return [input.step]
  if (input.scope === 'active') return [...ACTIVE_STEPS]
  if (input.scope === 'closed') return ['ended', 'declined']
  return [...PLACEMENT_STEPS]
}

function matchPlacements(db: Db, input: PlacementMatch) {
  return db
    .selectFrom('placement as pl')
    .where('pl.step', 'in', placementSteps(input))
    .$if(input.personId !== null, (q) => q.where('pl.personId', '=', input.personId as number))
    .$if(input.vacancyId !== null, (q) => q.where('pl.vacancyId', '=', input.vacancyId as number))
}

export async function countPlacements(db: Db, input: PlacementMatch): Promise<number> {
  const r = await matchPlacements(db, input)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** A placement as the exported list has it: who, where, and the day of each step; no reasons. */
export interface PlacementListRow {
  personReference: string
  personName: string
  vacancy: string
  host: string
  step: string
  proposedOn: string
  introductionOn: string | null
  trialOn: string | null
  trialEndsOn: string | null
  placedOn: string | null
  endedOn: string | null
  declinedOn: string | null
}

/** One page of the placements, newest proposal first (as the board). */
export async function placementListPage(
  db: Db,
  input: PlacementMatch,
  offset: number,
  limit: number,
): Promise<PlacementListRow[]> {
  const rows = await matchPlacements(db, input)
    .innerJoin('person as p', 'p.id', 'pl.personId')
    .innerJoin('vacancy as v', 'v.id', 'pl.vacancyId')
    .innerJoin('partner as o', 'o.id', 'v.partnerId')
    .select([
      'p.reference as personReference',
      'p.firstName',
      'p.lastName',
      'v.title as vacancy',
      'o.name as host',
      'pl.step',
      'pl.proposedOn',
      'pl.introductionOn',
      'pl.trialOn',
      'pl.trialEndsOn',
      'pl.placedOn',
      'pl.endedOn',
      'pl.declinedOn',
    ])
    .orderBy('pl.proposedOn', 'desc')
    .orderBy('pl.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(({ firstName, lastName, ...r }) => ({
    ...r,
    personName: `${firstName} ${lastName}`.trim(),
  }))
}

// --- Hours ---------------------------------------------------------------------------------------

/** The hours grid's filters: a month, a district, words, and only the rows not filled in. */
export interface HoursMatch {
  month: string
  district: string | null
  query: string
  missingOnly: boolean
}

/** A row of the month grid with the month's counts (the same on every row). */
export interface HoursGridRow {
  rowsInMonth: number
  missing: number
  total: number
  count: number
  personId: number | null
  placementId: number | null
  reference: string
  name: string
  district: string | null
  vacancyTitle: string | null
  hostName: string | null
  step: string | null
  hours: number | null
}

/**
 * The month grid: every placement that runs in the month (see `placementRunsIn`) with the hours
 * logged for it, plus hours logged that month without a placement (or for a placement whose
 * dates were changed since), ordered by the folded name and paged in SQL. The month's counts
 * (rows, missing, total, matching) come on every row, and on one row with nulls when the page
 * is empty.
 */
export async function hoursGridPage(
  db: Db,
  input: HoursMatch,
  offset: number,
  limit: number,
): Promise<HoursGridRow[]> {
  const { month } = input
  const only = input.district ?? null
  // The grid's keys first (from the running-placement and hours-per-month indexes), then only
  // each key's own rows are read. The union also drops hours of a running placement twice.
  const rows = sql`with grid(person_id, placement_id) as (
      select pl.person_id, pl.id from placement pl where ${placementRunsIn(month)}
      union
      select h.person_id, h.placement_id from volunteer_hours h where h.month = ${month}),
    r as materialized (
      select g.person_id, g.placement_id, p.reference, ${personName} as name, p.district,
        v.title as vacancy_title, o.name as host_name, pl.step, h.hours,
        coalesce(p.search_name, '') as name_key, coalesce(v.search_title, '') as vacancy_key,
        coalesce(o.search_name, '') as host_key
      from grid g
      join person p on p.id = g.person_id
      left join placement pl on pl.id = g.placement_id
      left join vacancy v on v.id = pl.vacancy_id
      left join partner o on o.id = v.partner_id
      left join volunteer_hours h on h.person_id = g.person_id
        and coalesce(h.placement_id, 0) = coalesce(g.placement_id, 0) and h.month = ${month}
      where ${only === null ? sql`1` : samePersonDistrict(only)})`
  const filters = searchKey(input.query)
    .split(' ')
    .filter(Boolean)
    .map((w) => {
      const like = `%${likeEscape(w)}%`
      return sql`(r.name_key like ${like} escape '\\' or lower(r.reference) like ${like} escape '\\'
        or r.vacancy_key like ${like} escape '\\' or r.host_key like ${like} escape '\\')`
    })
  if (input.missingOnly) filters.push(sql`r.hours is null`)
  const matches = filters.length ? sql.join(filters, sql` and `) : sql`1`
  // One statement: the month's rows are built once (materialized), then counted and paged; the
  // left join keeps the counts when the page is empty.
  const found = await sql<HoursGridRow>`${rows},
    s as (select count(*) as rows_in_month, coalesce(sum(r.hours is null), 0) as missing,
      coalesce(sum(r.hours), 0) as total, coalesce(sum(${matches}), 0) as count from r),
    pg as (select * from r where ${matches}
      order by r.name_key, r.person_id, coalesce(r.placement_id, 0)
      limit ${limit} offset ${offset})
    select s.rows_in_month, s.missing, s.total, s.count, pg.person_id, pg.placement_id,
      pg.reference, pg.name, pg.district, pg.vacancy_title, pg.host_name, pg.step, pg.hours
    from s left join pg on 1
    order by pg.name_key, pg.person_id, coalesce(pg.placement_id, 0)`.execute(db)
  return found.rows
}
