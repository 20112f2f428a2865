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

function areaIs(column: string, area: string | null) {
  return inArea(column, area)
}

export async function countSupportFigures(
  db: Db,
  from: string,
  to: string,
  area: string | null,
): Promise<SupportFigures> {
  // Counted in SQL, a row per gender and district of the carers new in the period and one for
  // the others, so that a thousand carers a year make no thousand rows in JavaScript. The carers
  // are read once, before they are counted: the limit keeps SQLite from merging the two selects,
  // which would look up each carer's loads again for every sum. A carer's loads come from the
  // index `carer_load_figures` alone (migration 0037): one load a day (the table's unique key), so
  // the day alone orders them. Their load counts when they have a first load and one up to the
  // period's end. The carers of the period come from the index `informal_carer_registered` alone
  // (same migration).
  const carers = await sql<{
    gender: string | null
    d: string | null
    isNew: number
    n: number
    loads: number
    firstSum: number | null
    latestSum: number | null
    lighter: number
    same: number
    heavier: number
    overloaded: number
  }>`select case when x.is_new then x.gender end as gender,
      case when x.is_new then x.d end as d, x.is_new as "isNew", count(*) as n,
      count(x.latest) filter (where x.first is not null) as loads,
      sum(x.first) filter (where x.latest is not null) as "firstSum",
      sum(x.latest) filter (where x.first is not null) as "latestSum",
      count(*) filter (where x.latest < x.first) as lighter,
      count(*) filter (where x.latest = x.first) as same,
      count(*) filter (where x.latest > x.first) as heavier,
      count(*) filter (where x.latest >= 4 and x.first is not null) as overloaded
    from (
      select p.gender, coalesce(p.district, '') as d, c.registered_on >= ${from} as is_new,
        (select l.load from carer_load l indexed by carer_load_figures
          where l.person_id = c.person_id
          order by l.measured_on limit 1) as first,
        (select l.load from carer_load l indexed by carer_load_figures
          where l.person_id = c.person_id and l.measured_on <= ${to}
          order by l.measured_on desc limit 1) as latest
      from informal_carer c indexed by informal_carer_registered
        join person p indexed by person_group on p.id = c.person_id
      where c.registered_on <= ${to} and (c.ended_on is null or c.ended_on >= ${from})
        and ${areaIs('p.district', area)}
      limit -1
    ) x
    group by 1, 2, 3`.execute(db)

  const newByGender = Object.fromEntries(CARER_GENDERS.map((g) => [g, 0])) as Record<
    (typeof CARER_GENDERS)[number],
    number
  >
  const byDistrict = new Map<string, number>()
  let registered = 0
  let loads = 0
  let firstSum = 0
  let latestSum = 0
  let lighter = 0
  let same = 0
  let heavier = 0
  let overloadedNow = 0
  let fresh = 0
  for (const c of carers.rows) {
    const n = Number(c.n)
    registered += n
    if (Number(c.isNew)) {
      fresh += n
      const g = (CARER_GENDERS as readonly string[]).includes(c.gender ?? '')
        ? (c.gender as (typeof CARER_GENDERS)[number])
        : 'unknown'
      newByGender[g] += n
      byDistrict.set(c.d ?? '', (byDistrict.get(c.d ?? '') ?? 0) + n)
    }
    loads += Number(c.loads)
    firstSum += Number(c.firstSum ?? 0)
    latestSum += Number(c.latestSum ?? 0)
    lighter += Number(c.lighter)
    same += Number(c.same)
    heavier += Number(c.heavier)
    overloadedNow += Number(c.overloaded)
  }

  // Counted per kind in SQL (thousands of requests a year), with the opening and matching days
  // of the requests matched in the period as one text, "opened,matched;...". The requests come
  // from the index `help_request_figures` alone (migration 0037): those still open and those ended
  // since the period's start.
  const requests = await sql<{
    kindId: number
    opened: number
    matched: number
    ended: number
    openAtEnd: number
    pairs: string | null
  }>`select r.kind_id as "kindId",
      count(*) filter (where r.opened_on >= ${from}) as opened,
      count(*) filter (where r.matched_on >= ${from} and r.matched_on <= ${to}) as matched,
      count(*) filter (where r.ended_on >= ${from} and r.ended_on <= ${to}) as ended,
      count(*) filter (where (r.matched_on is null or r.matched_on > ${to})
        and (r.ended_on is null or r.ended_on > ${to})) as "openAtEnd",
      group_concat(r.opened_on || ',' || r.matched_on, ';')
        filter (where r.matched_on >= ${from} and r.matched_on <= ${to}) as pairs
    from help_request r indexed by help_request_figures
      ${
        area === null
          ? sql``
          : sql`left join person q indexed by person_group on q.id = r.person_id
              left join household h on h.id = r.household_id`
      }
    where r.opened_on <= ${to} and (r.ended_on is null or r.ended_on >= ${from})
      and ${areaIs('coalesce(q.district, h.district)', area)}
    group by r.kind_id`.execute(db)
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
    k.opened += Number(r.opened)
    k.matched += Number(r.matched)
    k.ended += Number(r.ended)
    k.openAtEnd += Number(r.openAtEnd)
    for (const pair of r.pairs ? r.pairs.split(';') : []) {
      const [openedOn, matchedOn] = pair.split(',')
      days.push(Math.round(dayNumber(matchedOn) - dayNumber(openedOn)))
    }
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
      registered,
      new: fresh,
      newByGender,
      newByDistrict: [...byDistrict]
        .map(([district, n]) => ({ district, n }))
        .sort((a, b) => a.district.localeCompare(b.district, 'nl')),
      load: {
        n: loads,
        atRegistration: loads ? round1(firstSum / loads) : null,
        now: loads ? round1(latestSum / loads) : null,
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
