import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ShopTotals } from '../../src/shared/schemas/shop'
import { addDays, addMonths } from '../../src/shared/dates'
import { dateInZone } from '../../src/main/clock'
import { countShopTotals } from '../../src/main/domains/shop/stats'
import { createTestApp, type TestApp } from '../helpers/db'

/**
 * `shop.totals` reuses the figures' indexed queries and the kept first/last visit days
 * (migration 0008). Here its answers are recounted the plain way, in JavaScript over every row,
 * from the written definitions (README, `ShopTotals`), on varied data written straight into the
 * tables, visits then corrected and removed in part; and over a long history through the
 * worker, which must give main's answer exactly.
 */

let app: TestApp
beforeAll(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterAll(async () => app.close())

const DISTRICTS = ['Noord', 'noord', 'Zuid', null] as const
const ROLES = ['volunteer', 'coordinator', 'admin'] as const
const ACTIONS = ['login', 'unlock', 'logout', 'lock', 'login_failed'] as const

const day = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .record({
      y: fc.integer({ min, max }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const scenario = fc.record({
  households: fc.array(
    fc.record({
      district: fc.constantFrom(...DISTRICTS),
      birthYears: fc.array(fc.integer({ min: 1990, max: 2026 }), { maxLength: 3 }),
      visits: fc.array(day(2017, 2026), { maxLength: 5 }),
      intakes: fc.array(day(2017, 2026), { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  corrections: fc.array(fc.record({ at: fc.nat(), date: day(2017, 2026) }), { maxLength: 3 }),
  removals: fc.array(fc.nat(), { maxLength: 3 }),
  /** Audit entries around the dates asked: hours in UTC, so some fall on the next Dutch day. */
  events: fc.array(
    fc.record({
      day: day(2025, 2026),
      hour: fc.integer({ min: 0, max: 23 }),
      user: fc.integer({ min: 1, max: 6 }),
      role: fc.constantFrom(...ROLES),
      action: fc.constantFrom(...ACTIONS),
    }),
    { maxLength: 12 },
  ),
  dates: fc.array(
    fc.record({
      // Up to the test's today (main refuses a day still to come).
      date: fc
        .oneof(day(2016, 2027), day(2025, 2026))
        .map((d) => (d > '2026-06-15' ? '2026-06-15' : d)),
      district: fc.constantFrom(undefined, 'noord', 'Zuid', 'Nergens'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function write(s: Scenario): void {
  const db = app.open.sqlite
  db.exec(`delete from intake_topic; delete from intake_referral; delete from intake;
    delete from visit_item; delete from visit; delete from appointment; delete from member;
    delete from call_list_contact; delete from household;`)
  const insertHousehold = db.prepare(`insert into household (reference, contact_name, search_name,
    postcode, city, district, income_source, consent_date, consent_by, status, created_at,
    updated_at) values (?, 'Fam', 'fam', '1234 AB', 'Zwolle', ?, 'bijstand', '2016-01-01', 'Anja',
    'active', '2016-01-01T10:00:00Z', '2016-01-01T10:00:00Z')`)
  const insertMember = db.prepare(
    `insert into member (household_id, birth_year, gender) values (?, ?, 'x')`,
  )
  const insertVisit = db.prepare(`insert into visit (household_id, date, served_by, created_at)
    values (?, ?, 'Anja', '2026-01-01T10:00:00Z')`)
  const insertIntake = db.prepare(`insert into intake (household_id, date, done_by, created_at)
    values (?, ?, 'Anja', '2026-01-01T10:00:00Z')`)
  // Straight into the log, as entries of past sessions; the chain is not what is tested here.
  const insertAudit = db.prepare(`insert into audit_log (id, at, user_id, user_name, role,
    workstation, action, entity_type, entity_id, fields, prev_hash, hash)
    values ((select coalesce(max(id), 0) + 1 from audit_log), ?, ?, ?, ?, 'pc', ?, 'account', ?,
    '', 'x', 'x')`)
  db.transaction(() => {
    s.households.forEach((h, i) => {
      const id = Number(insertHousehold.run(`R-${i}`, h.district).lastInsertRowid)
      for (const y of h.birthYears) insertMember.run(id, y)
      for (const v of h.visits) insertVisit.run(id, v)
      for (const d of h.intakes) insertIntake.run(id, d)
    })
    for (const e of s.events)
      insertAudit.run(
        `${e.day}T${String(e.hour).padStart(2, '0')}:30:00.000Z`,
        1000 + e.user,
        `gebruiker-${e.user}`,
        e.role,
        e.action,
        String(1000 + e.user),
      )
  })()
  const visitIds = (): number[] =>
    (db.prepare('select id from visit order by id').all() as { id: number }[]).map((r) => r.id)
  for (const c of s.corrections) {
    const all = visitIds()
    if (all.length)
      db.prepare('update visit set date = ? where id = ?').run(c.date, all[c.at % all.length])
  }
  for (const r of s.removals) {
    const all = visitIds()
    if (all.length) db.prepare('delete from visit where id = ?').run(all[r % all.length])
  }
}

/** The definitions, counted over every row without SQL cleverness. */
function recount(date: string, district: string | undefined): Omit<ShopTotals, 'generatedAt'> {
  const db = app.open.sqlite
  const rows = <T>(q: string): T[] => db.prepare(q).all() as T[]
  const home = new Map(
    rows<{ id: number; district: string | null }>('select id, district from household').map((h) => [
      h.id,
      h.district,
    ]),
  )
  const members = rows<{ household_id: number; birth_year: number }>(
    'select household_id, birth_year from member',
  )
  const visits = rows<{ household_id: number; date: string }>(
    'select household_id, date from visit',
  )
  const intakes = rows<{ household_id: number; date: string }>(
    'select household_id, date from intake',
  )
  const audit = rows<{ at: string; user_id: number | null; role: string | null; action: string }>(
    'select at, user_id, role, action from audit_log',
  )
  const counts = (hid: number): boolean =>
    district === undefined || (home.get(hid) ?? '').toLowerCase() === district.toLowerCase()

  const days = [...visits, ...intakes].map((r) => r.date).filter((d) => d <= date)
  const start = days.length ? days.sort()[0] : null
  const since = (d: string): boolean => start !== null && d >= start && d <= date
  const seen = visits.filter((v) => since(v.date) && counts(v.household_id))
  const taken = intakes.filter((i) => since(i.date) && counts(i.household_id))
  const children = members.filter(
    (m) =>
      counts(m.household_id) &&
      visits.some((v) => {
        const age = Number(v.date.slice(0, 4)) - m.birth_year
        return v.household_id === m.household_id && since(v.date) && age >= 0 && age <= 17
      }),
  )
  const activeFrom = addDays(addMonths(date, -12), 1)
  const volunteersFrom = addDays(date, -27)
  const working = audit.filter((e) => {
    const local = dateInZone(new Date(e.at))
    return (
      (e.action === 'login' || e.action === 'unlock') &&
      e.role === 'volunteer' &&
      e.user_id !== null &&
      local >= volunteersFrom &&
      local <= date
    )
  })
  return {
    date,
    district: district ?? null,
    start,
    sinceStart: {
      householdsReached: new Set(seen.map((v) => v.household_id)).size,
      newHouseholds: new Set(taken.map((i) => i.household_id)).size,
      visits: seen.length,
      childrenReached: children.length,
      intakes: taken.length,
    },
    onDate: {
      activeFrom,
      activeHouseholds: new Set(
        visits
          .filter((v) => v.date >= activeFrom && v.date <= date && counts(v.household_id))
          .map((v) => v.household_id),
      ).size,
      volunteersFrom,
      volunteers: new Set(working.map((e) => e.user_id)).size,
    },
  }
}

function withoutTime(t: ShopTotals): Omit<ShopTotals, 'generatedAt'> {
  const { generatedAt: _, ...rest } = t
  return rest
}

describe('shop.totals equals a plain recount of its definitions', () => {
  it('on varied data, after corrections and removals of visits', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        write(s)
        for (const q of s.dates) {
          const totals = await app.call('shop.totals', { date: q.date, district: q.district })
          expect(withoutTime(totals)).toEqual(recount(q.date, q.district))
        }
      }),
      { numRuns: 60, seed: 20261205 },
    )
  })
})

describe('shop.totals over a long history', () => {
  it("is counted in a worker thread, as the screen's job, with main's figures exactly", async () => {
    const s = fc.sample(scenario, { numRuns: 1, seed: 11 })[0]
    write(s)
    // A first visit years before the date: the history is longer than a year.
    app.open.sqlite
      .prepare(
        `insert into visit (household_id, date, served_by, created_at)
         values ((select min(id) from household), '2017-01-05', 'Anja', '2026-01-01T10:00:00Z')`,
      )
      .run()
    const pool = app.vault.workers
    const sent: string[] = []
    const run = pool.run.bind(pool)
    pool.run = ((task, taskInput, options) => {
      sent.push(`${task.name} ${options?.jobLabelKey ?? ''}`)
      return run(task, taskInput, options)
    }) as typeof pool.run
    try {
      const input = { date: '2026-06-15' }
      const totals = await app.call('shop.totals', input)
      expect(sent).toEqual(['shop.totals jobs.labels.shopTotals'])
      expect(totals.start).toBe('2017-01-05')
      const onMain = await countShopTotals(
        app.vault.db,
        { ...input, district: null },
        new Date(totals.generatedAt),
      )
      expect(totals).toEqual(onMain)
      expect(withoutTime(totals)).toEqual(recount(input.date, undefined))

      // A history of a year or less is counted on main.
      app.open.sqlite.exec(`delete from intake; delete from visit where date < '2025-07-01'`)
      const short = await app.call('shop.totals', input)
      expect(sent).toHaveLength(1)
      expect(withoutTime(short)).toEqual(recount(input.date, undefined))
    } finally {
      pool.run = run
    }
  })
})
