import { sql } from 'kysely'
import { dayNumber } from '../../../shared/dates'
import { CARER_GENDERS, type SupportFigures } from '../../../shared/schemas/support'
import { inArea } from '../../db/areas'
import type { Db } from '../../context'

/*
 * The figures of help requests, informal carers and trainings for a period and an area (the
 * volunteers' figures and the subsidy report). Few rows a year (hundreds of requests and carers,
 * tens of sessions): each is one small read, counted in JavaScript by the definitions in
 * `SupportFigures`.
 */

const round1 = (n: number): number => Math.round(n * 10) / 10

function median(values: number[]): number | null {
  if (!values.length) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : round1((s[mid - 1] + s[mid]) / 2)
}

const mean = (values: readonly number[]): number | null =>
  values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null

const inPeriod = (day: string | null, from: string, to: string): boolean =>
  day !== null && day >= from && day <= to

function areaIs(column: string, area: string | null) {
  return inArea(column, area)
}

export async function countSupportFigures(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<SupportFigures> {
  const carers = await sql<{
    gender: string
    d: string
    registeredOn: string
    first: number | null
    latest: number | null
  }>`select p.gender, coalesce(p.district, '') as d, c.registered_on as "registeredOn",
      (select l.load from carer_load l where l.person_id = c.person_id
        order by l.measured_on, l.id limit 1) as first,
      (select l.load from carer_load l where l.person_id = c.person_id and l.measured_on <= ${to}
        order by l.measured_on desc, l.id desc limit 1) as latest
    from informal_carer c join person p on p.id = c.person_id
    where c.registered_on <= ${to} and (c.ended_on is null or c.ended_on >= ${from})
      and ${areaIs('p.district', area)}`.execute(db)

  const newByGender = Object.fromEntries(CARER_GENDERS.map((g) => [g, 0])) as Record<
    (typeof CARER_GENDERS)[number],
    number
  >
  const byDistrict = new Map<string, number>()
  const firsts: number[] = []
  const latests: number[] = []
  let lighter = 0
  let same = 0
  let heavier = 0
  let overloadedNow = 0
  let fresh = 0
  for (const c of carers.rows) {
    if (inPeriod(c.registeredOn, from, to)) {
      fresh++
      const g = (CARER_GENDERS as readonly string[]).includes(c.gender)
        ? (c.gender as (typeof CARER_GENDERS)[number])
        : 'unknown'
      newByGender[g]++
      byDistrict.set(c.d, (byDistrict.get(c.d) ?? 0) + 1)
    }
    if (c.first === null || c.latest === null) continue
    firsts.push(c.first)
    latests.push(c.latest)
    if (c.latest < c.first) lighter++
    else if (c.latest > c.first) heavier++
    else same++
    if (c.latest >= 4) overloadedNow++
  }

  const requests = await sql<{
    kindId: number
    openedOn: string
    matchedOn: string | null
    endedOn: string | null
  }>`select r.kind_id as "kindId", r.opened_on as "openedOn", r.matched_on as "matchedOn",
      r.ended_on as "endedOn"
    from help_request r
      left join person q on q.id = r.person_id
      left join household h on h.id = r.household_id
    where r.opened_on <= ${to} and (r.ended_on is null or r.ended_on >= ${from})
      and ${areaIs('coalesce(q.district, h.district)', area)}`.execute(db)
  const kinds = await db
    .selectFrom('helpKind')
    .select(['id', 'name', 'active'])
    .orderBy('sort')
    .orderBy('name')
    .execute()
  const byKind = new Map(
    kinds.map((k) => [
      k.id,
      {
        kindId: k.id,
        name: k.name,
        active: k.active,
        opened: 0,
        matched: 0,
        ended: 0,
        openAtEnd: 0,
      },
    ]),
  )
  const days: number[] = []
  for (const r of requests.rows) {
    const k = byKind.get(r.kindId)
    if (!k) continue
    if (inPeriod(r.openedOn, from, to)) k.opened++
    if (inPeriod(r.matchedOn, from, to)) {
      k.matched++
      days.push(Math.round(dayNumber(r.matchedOn!) - dayNumber(r.openedOn)))
    }
    if (inPeriod(r.endedOn, from, to)) k.ended++
    if ((r.matchedOn === null || r.matchedOn > to) && (r.endedOn === null || r.endedOn > to))
      k.openAtEnd++
  }
  // Every active kind, and an inactive one only when it has something to count.
  const kindRows = [...byKind.values()]
    .filter((k) => k.active === 1 || k.opened + k.matched + k.ended + k.openAtEnd > 0)
    .map(({ active: _active, ...k }) => k)
  const total = (f: 'opened' | 'matched' | 'ended' | 'openAtEnd') =>
    kindRows.reduce((a, k) => a + k[f], 0)

  // Trainings count for the whole organisation, whatever the area.
  const sessions = await db
    .selectFrom('trainingSession')
    .select(['id', 'externalCount'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute()
  const ids = sessions.map((s) => s.id)
  const [named, external] = ids.length
    ? await Promise.all([
        db
          .selectFrom('trainingParticipant')
          .select(['personId', 'accountId', 'completed', 'mark'])
          .where('sessionId', 'in', ids)
          .execute(),
        db
          .selectFrom('trainingExternalMark')
          .select('mark')
          .where('sessionId', 'in', ids)
          .execute(),
      ])
    : [[], []]
  const people = new Set<number>()
  const staff = new Set<number>()
  const marks: number[] = []
  for (const p of named) {
    if (p.completed === 1) {
      if (p.personId !== null) people.add(p.personId)
      if (p.accountId !== null) staff.add(p.accountId)
    }
    if (p.mark !== null) marks.push(p.mark)
  }
  for (const m of external) marks.push(m.mark)

  return {
    carers: {
      registered: carers.rows.length,
      new: fresh,
      newByGender,
      newByDistrict: [...byDistrict]
        .map(([district, n]) => ({ district, n }))
        .sort((a, b) => a.district.localeCompare(b.district, 'nl')),
      load: {
        n: firsts.length,
        atRegistration: mean(firsts),
        now: mean(latests),
        lighter,
        same,
        heavier,
        overloadedNow,
      },
    },
    helpRequests: {
      opened: total('opened'),
      matched: total('matched'),
      ended: total('ended'),
      openAtEnd: total('openAtEnd'),
      daysToMatchMedian: median(days),
      byKind: kindRows,
    },
    trainings: {
      sessions: sessions.length,
      people: people.size,
      staff: staff.size,
      external: sessions.reduce((a, s) => a + s.externalCount, 0),
      marks: marks.length,
      meanMark: mean(marks),
    },
  }
}
