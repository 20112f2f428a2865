import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/context'
import type { ShopStats } from '../../src/shared/schemas/shop'
import { MIGRATIONS } from '../../src/main/db/migrations'
import {
  countPeopleReached,
  countShopStats,
  visitsPerMonth,
} from '../../src/main/domains/shop/stats-queries'

/**
 * The shop's year rows per household (migration 0027) and their topic and referral rows (migration
 * 0029) against the rows they come from: after any sequence of writes (visits, their topics and
 * referrals, appointments, members, a district, a household removed) the kept rows equal the rows
 * worked out anew, and the figures counted from them equal the same figures counted straight
 * from the visits by the definitions.
 */

let dir: string
let sqlite: Database.Database
let db: Db
type SchemaThen = Record<string, Record<string, unknown>>

async function migrate(upTo?: string): Promise<void> {
  const plain = new Kysely<SchemaThen>({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    if (upTo && name >= upTo) break
    await m.up(plain)
  }
}

async function migrateRest(from: string): Promise<void> {
  const plain = new Kysely<SchemaThen>({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const [name, m] of Object.entries(MIGRATIONS)) if (name >= from) await m.up(plain)
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-hy-'))
  sqlite = new Database(join(dir, 'hy.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  }) as unknown as Db
})
afterEach(() => {
  sqlite.close()
  rmSync(dir, { recursive: true, force: true })
})

const DISTRICTS = ['Noord', 'noord', 'Zuid', null] as const
const DAYS = [
  '2023-12-31',
  '2024-01-01',
  '2024-02-29',
  '2024-06-30',
  '2024-07-01',
  '2024-12-31',
  '2025-01-01',
  '2025-03-15',
  '2025-12-31',
]
const STATUSES = ['planned', 'came', 'no_show', 'cancelled'] as const

let refs = 0
function addHousehold(district: string | null): number {
  refs += 1
  return Number(
    sqlite
      .prepare(
        `insert into household (reference, contact_name, search_name, postcode, city, district,
          income_source, consent_date, consent_by, status, created_at, updated_at)
         values (?, 'A', 'a', '1234AB', 'Eemstad', ?, 'werk', '2023-01-01', 'Anja', 'active',
          'x', 'x')`,
      )
      .run(`H-${refs}`, district).lastInsertRowid,
  )
}

function slotOn(date: string): number {
  const found = sqlite
    .prepare(`select id from slot where date = ? and part = 'morning'`)
    .get(date) as { id: number } | undefined
  if (found) return found.id
  return Number(
    sqlite.prepare(`insert into slot (date, part, capacity) values (?, 'morning', 99)`).run(date)
      .lastInsertRowid,
  )
}

type Op =
  | { k: 'visit'; h: number; day: number; topic: number }
  | { k: 'dropVisit'; n: number }
  | { k: 'moveVisit'; n: number; day: number; h: number }
  | { k: 'appointment'; h: number; day: number; status: number }
  | { k: 'status'; n: number; status: number }
  | { k: 'dropAppointment'; n: number }
  | { k: 'member'; h: number; birth: number; gender: number }
  | { k: 'changeMember'; n: number; birth: number; gender: number; h: number }
  | { k: 'dropMember'; n: number }
  | { k: 'district'; h: number; d: number }
  | { k: 'dropHousehold'; h: number }
  | { k: 'household'; d: number }
  | { k: 'topic'; n: number; item: number }
  | { k: 'dropTopic'; n: number }
  | { k: 'referral'; n: number; item: number }
  | { k: 'changeReferral'; n: number; item: number; v: number }
  | { k: 'dropReferral'; n: number }

const idx = fc.nat({ max: 40 })
/** Birth years around the edges of childhood in the years above (17 or 18 in 2023-2025). */
const BIRTH = fc.constantFrom(1980, 2005, 2006, 2007, 2008, 2015, 2024, 2025, 2026)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ k: fc.constant('visit' as const), h: idx, day: idx, topic: idx }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dropVisit' as const), n: idx }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('moveVisit' as const), n: idx, day: idx, h: idx }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('appointment' as const),
      h: idx,
      day: idx,
      status: idx,
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('status' as const), n: idx, status: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dropAppointment' as const), n: idx }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('member' as const),
      h: idx,
      birth: BIRTH,
      gender: idx,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('changeMember' as const),
      n: idx,
      birth: BIRTH,
      gender: idx,
      h: idx,
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dropMember' as const), n: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('district' as const), h: idx, d: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dropHousehold' as const), h: idx }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('household' as const), d: idx }) },
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('topic' as const), n: idx, item: idx }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dropTopic' as const), n: idx }) },
  {
    weight: 3,
    arbitrary: fc.record({ k: fc.constant('referral' as const), n: idx, item: idx }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('changeReferral' as const),
      n: idx,
      item: idx,
      v: idx,
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dropReferral' as const), n: idx }) },
)

const DESTINATIONS = ['Voedselbank', 'Schuldhulp', 'Huisarts']

/** The destinations the visits' referrals name (the topics come with the migrations). */
function addPartners(): void {
  for (const name of DESTINATIONS)
    sqlite
      .prepare(
        `insert into partner (name, search_name, kind, created_at, updated_at)
         values (?, ?, 'other', 'x', 'x')`,
      )
      .run(name, name.toLowerCase())
}

const ids = (table: string): number[] =>
  (sqlite.prepare(`select id from ${table} order by id`).all() as { id: number }[]).map((r) => r.id)
const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length ? list[n % list.length] : undefined

function apply(op: Op): void {
  const households = ids('household')
  const h = 'h' in op ? pick(households, op.h) : undefined
  const day = 'day' in op ? DAYS[op.day % DAYS.length] : ''
  switch (op.k) {
    case 'household':
      addHousehold(DISTRICTS[op.d % DISTRICTS.length])
      return
    case 'visit': {
      if (h === undefined) return
      const visit = sqlite
        .prepare(
          `insert into visit (household_id, date, served_by, created_at) values (?, ?, 'A', 'x')`,
        )
        .run(h, day).lastInsertRowid
      // Two in three visits discuss one of two topics, as the counter registers them with the
      // visit: a household's year then often has a topic twice.
      const topic = (
        sqlite
          .prepare(`select id from list_item where kind = 'topic' order by id limit 2`)
          .all() as {
          id: number
        }[]
      )[op.topic % 3]?.id
      if (topic !== undefined)
        sqlite
          .prepare('insert into visit_topic (visit_id, topic_id) values (?, ?)')
          .run(visit, topic)
      return
    }
    case 'dropVisit': {
      const v = pick(ids('visit'), op.n)
      if (v !== undefined) sqlite.prepare('delete from visit where id = ?').run(v)
      return
    }
    case 'moveVisit': {
      const v = pick(ids('visit'), op.n)
      if (v !== undefined && h !== undefined)
        sqlite.prepare('update visit set date = ?, household_id = ? where id = ?').run(day, h, v)
      return
    }
    case 'appointment':
      if (h !== undefined)
        sqlite
          .prepare(
            `insert into appointment (slot_id, household_id, date, status, booked_at)
             values (?, ?, ?, ?, 'x')`,
          )
          .run(slotOn(day), h, day, STATUSES[op.status % STATUSES.length])
      return
    case 'status': {
      const a = pick(ids('appointment'), op.n)
      if (a !== undefined)
        sqlite
          .prepare('update appointment set status = ? where id = ?')
          .run(STATUSES[op.status % STATUSES.length], a)
      return
    }
    case 'dropAppointment': {
      const a = pick(ids('appointment'), op.n)
      if (a !== undefined) {
        sqlite.prepare('update visit set appointment_id = null where appointment_id = ?').run(a)
        sqlite.prepare('delete from appointment where id = ?').run(a)
      }
      return
    }
    case 'member':
      if (h !== undefined)
        sqlite
          .prepare('insert into member (household_id, birth_year, gender) values (?, ?, ?)')
          .run(h, op.birth, ['f', 'm', 'x'][op.gender % 3])
      return
    case 'changeMember': {
      const m = pick(ids('member'), op.n)
      if (m !== undefined && h !== undefined)
        sqlite
          .prepare('update member set birth_year = ?, gender = ?, household_id = ? where id = ?')
          .run(op.birth, ['f', 'm', 'x'][op.gender % 3], h, m)
      return
    }
    case 'dropMember': {
      const m = pick(ids('member'), op.n)
      if (m !== undefined) sqlite.prepare('delete from member where id = ?').run(m)
      return
    }
    case 'district':
      if (h !== undefined)
        sqlite
          .prepare('update household set district = ? where id = ?')
          .run(DISTRICTS[op.d % DISTRICTS.length], h)
      return
    case 'dropHousehold':
      if (h !== undefined) sqlite.prepare('delete from household where id = ?').run(h)
      return
    case 'topic': {
      const v = pick(ids('visit'), op.n)
      const t = pick(
        (
          sqlite.prepare(`select id from list_item where kind = 'topic' order by id`).all() as {
            id: number
          }[]
        ).map((r) => r.id),
        op.item,
      )
      if (v !== undefined && t !== undefined)
        sqlite
          .prepare('insert or ignore into visit_topic (visit_id, topic_id) values (?, ?)')
          .run(v, t)
      return
    }
    case 'dropTopic': {
      const rows = sqlite.prepare('select rowid as id from visit_topic order by rowid').all() as {
        id: number
      }[]
      const r = pick(rows, op.n)
      if (r) sqlite.prepare('delete from visit_topic where rowid = ?').run(r.id)
      return
    }
    case 'referral': {
      const v = pick(ids('visit'), op.n)
      const d = pick(ids('partner'), op.item)
      if (v !== undefined && d !== undefined)
        sqlite
          .prepare('insert into visit_referral (visit_id, destination_id) values (?, ?)')
          .run(v, d)
      return
    }
    case 'changeReferral': {
      const r = pick(ids('visit_referral'), op.n)
      const d = pick(ids('partner'), op.item)
      const v = pick(ids('visit'), op.v)
      if (r !== undefined && d !== undefined && v !== undefined)
        sqlite
          .prepare('update visit_referral set destination_id = ?, visit_id = ? where id = ?')
          .run(d, v, r)
      return
    }
    case 'dropReferral': {
      const r = pick(ids('visit_referral'), op.n)
      if (r !== undefined) sqlite.prepare('delete from visit_referral where id = ?').run(r)
      return
    }
  }
}

/** Every year row that differs from the same row worked out anew from the rows. */
function drift(): string[] {
  const kept = sqlite
    .prepare(
      `select year, household_id, district, visits, first_visit_on, last_visit_on, children,
        people, female, male, came, no_show, first_appointment_on, last_appointment_on
       from household_year order by 1, 2`,
    )
    .all()
  const y = (d: string) => `cast(substr(${d}, 1, 4) as integer)`
  const anew = sqlite
    .prepare(
      `with k as (
         select ${y('date')} as year, household_id from visit
         union select ${y('date')}, household_id from appointment
           where status in ('came', 'no_show'))
       select k.year, k.household_id, h.district,
         (select count(*) from visit v where v.household_id = k.household_id
           and ${y('v.date')} = k.year) as visits,
         (select min(date) from visit v where v.household_id = k.household_id
           and ${y('v.date')} = k.year) as first_visit_on,
         (select max(date) from visit v where v.household_id = k.household_id
           and ${y('v.date')} = k.year) as last_visit_on,
         (select count(*) from member m where m.household_id = k.household_id
           and k.year - m.birth_year between 0 and 17) as children,
         (select count(*) from member m where m.household_id = k.household_id) as people,
         (select count(*) from member m where m.household_id = k.household_id
           and m.gender = 'f') as female,
         (select count(*) from member m where m.household_id = k.household_id
           and m.gender = 'm') as male,
         (select count(*) from appointment a where a.household_id = k.household_id
           and ${y('a.date')} = k.year and a.status = 'came') as came,
         (select count(*) from appointment a where a.household_id = k.household_id
           and ${y('a.date')} = k.year and a.status = 'no_show') as no_show,
         (select min(date) from appointment a where a.household_id = k.household_id
           and ${y('a.date')} = k.year and a.status in ('came', 'no_show'))
           as first_appointment_on,
         (select max(date) from appointment a where a.household_id = k.household_id
           and ${y('a.date')} = k.year and a.status in ('came', 'no_show'))
           as last_appointment_on
       from k join household h on h.id = k.household_id
       order by 1, 2`,
    )
    .all()
  const keptItems = sqlite
    .prepare(
      'select year, household_id, kind, item_id, n from household_year_item order by 1, 2, 3, 4',
    )
    .all()
  const anewItems = sqlite
    .prepare(
      `select * from (
         select ${y('v.date')} as year, v.household_id, 'referral' as kind,
           r.destination_id as item_id, count(*) as n
         from visit_referral r join visit v on v.id = r.visit_id group by 1, 2, 4
         union all
         select ${y('v.date')}, v.household_id, 'topic', r.topic_id, count(*)
         from visit_topic r join visit v on v.id = r.visit_id group by 1, 2, 4)
       order by 1, 2, 3, 4`,
    )
    .all()
  return [
    ...(JSON.stringify(kept) === JSON.stringify(anew)
      ? []
      : [`kept ${JSON.stringify(kept)}\nanew ${JSON.stringify(anew)}`]),
    ...(JSON.stringify(keptItems) === JSON.stringify(anewItems)
      ? []
      : [`kept items ${JSON.stringify(keptItems)}\nanew ${JSON.stringify(anewItems)}`]),
  ]
}

type Figures = {
  reached: number
  visits: number
  children: number
  came: number
  noShow: number
  people: number
  female: number
  male: number
  months: string
  perDistrict: string
  topics: string
  referrals: string
}

/** The figures of a period straight from the rows, by the definitions the report prints. */
function byDefinition(from: string, to: string, only: string | null): Figures {
  const inDistrict = only === null ? '' : `and lower(h.district) = '${only.toLowerCase()}'`
  const one = <T>(q: string): T => sqlite.prepare(q).get({ from, to }) as T
  const visits = one<{ reached: number; visits: number }>(
    `select count(distinct v.household_id) as reached, count(*) as visits
     from visit v join household h on h.id = v.household_id
     where v.date >= @from and v.date <= @to ${inDistrict}`,
  )
  const children = one<{ n: number }>(
    `select count(*) as n from member m join household h on h.id = m.household_id
     where exists (select 1 from visit v where v.household_id = m.household_id
       and v.date >= @from and v.date <= @to
       and cast(substr(v.date, 1, 4) as integer) - m.birth_year between 0 and 17) ${inDistrict}`,
  )
  const appointments = one<{ came: number; noShow: number }>(
    `select coalesce(sum(a.status = 'came'), 0) as came,
       coalesce(sum(a.status = 'no_show'), 0) as noShow
     from appointment a join household h on h.id = a.household_id
     where a.date >= @from and a.date <= @to ${inDistrict}`,
  )
  const people = one<{ people: number; female: number; male: number }>(
    `select count(*) as people, coalesce(sum(m.gender = 'f'), 0) as female,
       coalesce(sum(m.gender = 'm'), 0) as male
     from member m join household h on h.id = m.household_id
     where exists (select 1 from visit v where v.household_id = m.household_id
       and v.date >= @from and v.date <= @to) ${inDistrict}`,
  )
  const months = sqlite
    .prepare(
      `select substr(v.date, 1, 7) as month, count(*) as visits
       from visit v join household h on h.id = v.household_id
       where v.date >= @from and v.date <= @to ${inDistrict} group by 1 order by 1`,
    )
    .all({ from, to })
  const perDistrict = sqlite
    .prepare(
      `select coalesce(h.district, '') as d, count(distinct v.household_id) as reached,
         count(*) as visits
       from visit v join household h on h.id = v.household_id
       where v.date >= @from and v.date <= @to ${inDistrict} group by 1 order by 1`,
    )
    .all({ from, to })
  // Per district and name, the visits' rows only.
  const items = (table: string, named: string, item: string): string =>
    JSON.stringify(
      sqlite
        .prepare(
          `select coalesce(h.district, '') || '|' || p.name || '|' || count(*) as r
           from ${table} r join visit v on v.id = r.visit_id
           join household h on h.id = v.household_id join ${named} p on p.id = r.${item}
           where v.date >= @from and v.date <= @to ${inDistrict} group by coalesce(h.district, ''), p.name
           order by 1`,
        )
        .pluck()
        .all({ from, to }),
    )
  return {
    ...visits,
    children: children.n,
    topics: items('visit_topic', 'list_item', 'topic_id'),
    referrals: items('visit_referral', 'partner', 'destination_id'),
    ...appointments,
    ...people,
    months: JSON.stringify(months),
    perDistrict: JSON.stringify(perDistrict),
  }
}

/** The visits' topics or referrals per district and name, as the figures give them. */
function visitItems(stats: ShopStats, which: 'topics' | 'referrals'): string {
  return JSON.stringify(
    stats.byDistrict
      .flatMap((d) =>
        d[which].filter((c) => c.visits > 0).map((c) => `${d.district}|${c.key}|${c.visits}`),
      )
      .sort(),
  )
}

/** The same figures as the app counts them (the kept year rows for a period inside a year). */
async function asCounted(from: string, to: string, only: string | null): Promise<Figures> {
  const stats = await countShopStats(db, { from, to, district: only }, new Date())
  const people = await countPeopleReached(db, from, to, only)
  const months = await visitsPerMonth(db, from, to, only)
  return {
    reached: stats.householdsReached,
    visits: stats.visits,
    children: stats.childrenReached,
    came: stats.appointmentsCame,
    noShow: stats.appointmentsNoShow,
    people: people.people,
    female: people.gender.f,
    male: people.gender.m,
    months: JSON.stringify(months),
    topics: visitItems(stats, 'topics'),
    referrals: visitItems(stats, 'referrals'),
    perDistrict: JSON.stringify(
      stats.byDistrict
        .filter((d) => d.visits > 0)
        .map((d) => ({ d: d.district, reached: d.householdsReached, visits: d.visits }))
        .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0)),
    ),
  }
}

const PERIODS: [string, string][] = [
  ['2024-01-01', '2024-12-31'],
  ['2025-01-01', '2025-12-31'],
  ['2024-01-01', '2024-06-30'],
  ['2024-02-29', '2024-07-01'],
  ['2024-07-01', '2024-07-01'],
  ['2023-12-31', '2025-01-01'],
  ['2024-06-30', '2025-03-15'],
]

describe('the shop year per household (migration 0027)', () => {
  it('stays equal to its rows and gives the figures the definitions give, whatever is written', async () => {
    await migrate()
    // What the runs must have met for the property to mean something: a household's year with a
    // topic twice, and a referral.
    const seen = { twice: false, referral: false }
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 10, maxLength: 60, size: 'medium' }),
        async (ops) => {
          sqlite.exec(
            'delete from visit; delete from appointment; delete from slot; delete from member; delete from household',
          )
          if (!ids('partner').length) addPartners()
          for (let i = 0; i < 4; i++) {
            const h = addHousehold(DISTRICTS[i])
            for (const born of [1980, 2006 + i, 2024])
              sqlite
                .prepare(`insert into member (household_id, birth_year, gender) values (?, ?, 'f')`)
                .run(h, born)
          }
          for (const op of ops) apply(op)
          expect(drift()).toEqual([])
          const items = sqlite
            .prepare(
              `select coalesce(max(n), 0) as most, count(*) filter (where kind = 'referral') as r
             from household_year_item`,
            )
            .get() as { most: number; r: number }
          seen.twice ||= items.most > 1
          seen.referral ||= items.r > 0
          for (const [from, to] of PERIODS)
            for (const only of [null, 'NOORD', 'Zuid'])
              expect(await asCounted(from, to, only), `${from}..${to} ${only}`).toEqual(
                byDefinition(from, to, only),
              )
        },
      ),
      { numRuns: 60 },
    )
    expect(seen).toEqual({ twice: true, referral: true })
  })

  it('is filled from the rows already there when the migration runs', async () => {
    await migrate('0027')
    const a = addHousehold('Noord')
    const b = addHousehold(null)
    const visit = sqlite.prepare(
      `insert into visit (household_id, date, served_by, created_at) values (?, ?, 'A', 'x')`,
    )
    const visits = [
      visit.run(a, '2024-03-01'),
      visit.run(a, '2024-11-30'),
      visit.run(a, '2025-01-02'),
      visit.run(b, '2025-05-05'),
    ].map((r) => Number(r.lastInsertRowid))
    // The same topic at both of a's visits of 2024, and a referral at b's visit.
    const topic = sqlite
      .prepare(`select id from list_item where kind = 'topic' order by id limit 1`)
      .pluck()
      .get() as number
    const topicRow = sqlite.prepare('insert into visit_topic (visit_id, topic_id) values (?, ?)')
    topicRow.run(visits[0], topic)
    topicRow.run(visits[1], topic)
    if (!ids('partner').length) addPartners()
    const partner = sqlite.prepare('select min(id) from partner').pluck().get() as number
    sqlite
      .prepare('insert into visit_referral (visit_id, destination_id) values (?, ?)')
      .run(visits[3], partner)
    const member = sqlite.prepare(
      'insert into member (household_id, birth_year, gender) values (?, ?, ?)',
    )
    member.run(a, 1980, 'f')
    member.run(a, 2007, 'm')
    member.run(b, 2020, 'x')
    sqlite
      .prepare(
        `insert into appointment (slot_id, household_id, date, status, booked_at)
         values (?, ?, '2024-12-02', 'no_show', 'x')`,
      )
      .run(slotOn('2024-12-02'), b)
    await migrateRest('0027')
    expect(drift()).toEqual([])
    const rows = sqlite
      .prepare(
        'select year, household_id, visits, children, people, came, no_show from household_year order by 1, 2',
      )
      .all()
    // The member born in 2007 is a child in 2024 (17) and not in 2025 (18).
    expect(rows).toEqual([
      { year: 2024, household_id: a, visits: 2, children: 1, people: 2, came: 0, no_show: 0 },
      { year: 2024, household_id: b, visits: 0, children: 1, people: 1, came: 0, no_show: 1 },
      { year: 2025, household_id: a, visits: 1, children: 0, people: 2, came: 0, no_show: 0 },
      { year: 2025, household_id: b, visits: 1, children: 1, people: 1, came: 0, no_show: 0 },
    ])
    expect(
      sqlite
        .prepare(
          'select year, household_id, kind, item_id, n from household_year_item order by 1, 2',
        )
        .all(),
    ).toEqual([
      { year: 2024, household_id: a, kind: 'topic', item_id: topic, n: 2 },
      { year: 2025, household_id: b, kind: 'referral', item_id: partner, n: 1 },
    ])
    for (const year of ['2024', '2025']) {
      const counted = await asCounted(`${year}-01-01`, `${year}-12-31`, null)
      expect(counted).toEqual(byDefinition(`${year}-01-01`, `${year}-12-31`, null))
      expect(JSON.parse(year === '2024' ? counted.topics : counted.referrals)).toHaveLength(1)
    }
  })
})
