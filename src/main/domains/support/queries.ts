import { sql } from 'kysely'
import type { Demand } from '../../../shared/schemas/volunteers'
import { maskToHalfDays } from '../../../shared/schemas/volunteers-matching'
import type { HelpRequest, HelpStatus, RequesterKind } from '../../../shared/schemas/support'
import type { Db } from '../../context'

/*
 * The reads of help requests and informal carers that services of this and other domains share:
 * a request as the screens show it, and a carer's record.
 */

/** A request's number as lists, the retention screen and an export show it. */
export const requestReference = (id: number): string => `HV-${String(id).padStart(5, '0')}`

/** A request row with the words around it: its kind, who asks, who was matched. */
export function helpRequestRows(db: Db) {
  return db
    .selectFrom('helpRequest as r')
    .innerJoin('helpKind as k', 'k.id', 'r.kindId')
    .leftJoin('household as h', 'h.id', 'r.householdId')
    .leftJoin('person as q', 'q.id', 'r.personId')
    .leftJoin('person as v', 'v.id', 'r.volunteerId')
    .select([
      'r.id',
      'r.kindId',
      'k.name as kindName',
      'r.householdId',
      'r.personId',
      'r.requesterName',
      'r.requesterContact',
      'h.reference as householdReference',
      sql<string | null>`trim(coalesce(q.first_name, '') || ' ' || coalesce(q.last_name, ''))`.as(
        'personName',
      ),
      'r.asked',
      'r.place',
      'r.slotMask',
      'r.endsOn',
      'r.status',
      'r.openedOn',
      'r.matchedOn',
      'r.endedOn',
      'r.volunteerId',
      sql<string | null>`case when v.id is null then null
        else trim(coalesce(v.first_name, '') || ' ' || coalesce(v.last_name, '')) end`.as(
        'volunteerName',
      ),
      'r.endNote',
    ])
}

type Row = Awaited<ReturnType<ReturnType<typeof helpRequestRows>['execute']>>[number]

/** The demands and required courses of some requests, by request id. */
async function requestLists(
  db: Db,
  ids: readonly number[],
): Promise<{
  demands: Map<number, Demand[]>
  courses: Map<number, { id: number; title: string }[]>
}> {
  const demands = new Map<number, Demand[]>()
  const courses = new Map<number, { id: number; title: string }[]>()
  if (!ids.length) return { demands, courses }
  const [d, c] = await Promise.all([
    db
      .selectFrom('helpRequestDemand')
      .select(['helpRequestId', 'demand'])
      .where('helpRequestId', 'in', [...ids])
      .orderBy('demand')
      .execute(),
    db
      .selectFrom('helpRequestCourse as rc')
      .innerJoin('trainingCourse as c', 'c.id', 'rc.courseId')
      .select(['rc.helpRequestId', 'c.id', 'c.title'])
      .where('rc.helpRequestId', 'in', [...ids])
      .orderBy('c.title')
      .execute(),
  ])
  for (const r of d) {
    const l = demands.get(r.helpRequestId) ?? []
    l.push(r.demand as Demand)
    demands.set(r.helpRequestId, l)
  }
  for (const r of c) {
    const l = courses.get(r.helpRequestId) ?? []
    l.push({ id: r.id, title: r.title })
    courses.set(r.helpRequestId, l)
  }
  return { demands, courses }
}

function requesterOf(r: Row): { kind: RequesterKind; label: string } {
  if (r.householdId !== null) return { kind: 'household', label: r.householdReference ?? '' }
  if (r.personId !== null) return { kind: 'person', label: r.personName ?? '' }
  return { kind: 'contact', label: r.requesterName ?? '' }
}

/** Rows as the screens show them, with their demands and courses. */
export async function toHelpRequests(db: Db, rows: readonly Row[]): Promise<HelpRequest[]> {
  const lists = await requestLists(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => {
    const who = requesterOf(r)
    return {
      id: r.id,
      kindId: r.kindId,
      kindName: r.kindName,
      requesterKind: who.kind,
      householdId: r.householdId,
      personId: r.personId,
      requesterLabel: who.label,
      requesterName: r.requesterName,
      requesterContact: r.requesterContact,
      asked: r.asked,
      place: r.place,
      halfDays: maskToHalfDays(Number(r.slotMask)),
      endsOn: r.endsOn,
      status: r.status as HelpStatus,
      openedOn: r.openedOn,
      matchedOn: r.matchedOn,
      endedOn: r.endedOn,
      volunteerId: r.volunteerId,
      volunteerName: r.volunteerName,
      endNote: r.endNote,
      demands: lists.demands.get(r.id) ?? [],
      courses: lists.courses.get(r.id) ?? [],
    }
  })
}

export async function readHelpRequest(db: Db, id: number): Promise<HelpRequest | null> {
  const row = await helpRequestRows(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) return null
  return (await toHelpRequests(db, [row]))[0]
}

/** A person's carer record with their loads (oldest first) and the support given. */
export async function readCarerRows(db: Db, personId: number) {
  const [carer, loads, support] = await Promise.all([
    db
      .selectFrom('informalCarer as c')
      .innerJoin('person as p', 'p.id', 'c.personId')
      .select([
        'c.personId',
        'p.reference',
        sql<string>`trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, ''))`.as(
          'name',
        ),
        'p.gender',
        'p.district',
        'c.caresFor',
        'c.caringSince',
        'c.registeredOn',
        'c.endedOn',
        'c.consent',
        'c.consentOn',
      ])
      .where('c.personId', '=', personId)
      .executeTakeFirst(),
    db
      .selectFrom('carerLoad')
      .select(['id', 'measuredOn', 'load'])
      .where('personId', '=', personId)
      .orderBy('measuredOn')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('carerSupport')
      .select(['id', 'kind', 'givenOn', 'note'])
      .where('personId', '=', personId)
      .orderBy('givenOn', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  ])
  return { carer, loads, support }
}

/** Requests a person asked or was matched to, newest first (their page and their export). */
export function personHelpRequestRows(db: Db, personId: number) {
  return helpRequestRows(db)
    .where((eb) => eb.or([eb('r.personId', '=', personId), eb('r.volunteerId', '=', personId)]))
    .orderBy('r.openedOn', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
}

/** Requests a household asked, newest first (its export). */
export function householdHelpRequestRows(db: Db, householdId: number) {
  return helpRequestRows(db)
    .where('r.householdId', '=', householdId)
    .orderBy('r.openedOn', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
}
