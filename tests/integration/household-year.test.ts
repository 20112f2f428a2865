import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/context'
import { MIGRATIONS } from '../../src/main/db/migrations'
import {
  countPeopleReached,
  countShopStats,
  visitsPerMonth,
} from '../../src/main/domains/shop/stats-queries'

/**
 * The shop's year rows per household (migration 0027) against the rows they come from: after any
 * sequence of writes (visits, appointments, members, a district, a household removed) the kept
 * rows equal the rows worked out anew, and the figures counted from them for periods inside one
 * year equal the same figures counted straight from the visits by the definitions.
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
  | { k: 'visit'; h: number; day: number }
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

const idx = fc.nat({ max: 40 })
/** Birth years around the edges of childhood in the years above (17 or 18 in 2023-2025). */
const BIRTH = fc.constantFrom(1980, 2005, 2006, 2007, 2008, 2015, 2024, 2025, 2026)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ k: fc.constant('visit' as const), h: idx, day: idx }) },
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
)

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
    case 'visit':
      if (h !== undefined)
        sqlite
          .prepare(
            `insert into visit (household_id, date, served_by, created_at) values (?, ?, 'A', 'x')`,
          )
          .run(h, day)
      return
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
  return JSON.stringify(kept) === JSON.stringify(anew)
    ? []
    : [`kept ${JSON.stringify(kept)}\nanew ${JSON.stringify(anew)}`]
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
  return {
    ...visits,
    children: children.n,
    ...appointments,
    ...people,
    months: JSON.stringify(months),
    perDistrict: JSON.stringify(perDistrict),
  }
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
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 60 }), async (ops) => {
        sqlite.exec(
          'delete from visit; delete from appointment; delete from slot; delete from member; delete from household',
        )
        for (let i = 0; i < 4; i++) {
          const h = addHousehold(DISTRICTS[i])
          for (const born of [1980, 2006 + i, 2024])
            sqlite
              .prepare(`insert into member (household_id, birth_year, gender) values (?, ?, 'f')`)
              .run(h, born)
        }
        for (const op of ops) apply(op)
        expect(drift()).toEqual([])
        for (const [from, to] of PERIODS)
          for (const only of [null, 'NOORD', 'Zuid'])
            expect(await asCounted(from, to, only), `${from}..${to} ${only}`).toEqual(
              byDefinition(from, to, only),
            )
      }),
      { numRuns: 40 },
    )
  })

  it('is filled from the rows already there when the migration runs', async () => {
    await migrate('0027')
    const a = addHousehold('Noord')
    const b = addHousehold(null)
    const visit = sqlite.prepare(
      `insert into visit (household_id, date, served_by, created_at) values (?, ?, 'A', 'x')`,
    )
    visit.run(a, '2024-03-01')
    visit.run(a, '2024-11-30')
    visit.run(a, '2025-01-02')
    visit.run(b, '2025-05-05')
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
    expect(await asCounted('2024-01-01', '2024-12-31', null)).toEqual(
      byDefinition('2024-01-01', '2024-12-31', null),
    )
  })
})
