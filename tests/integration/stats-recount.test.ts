import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CountBy, ShopFigures, ShopStats } from '../../src/shared/schemas/shop'
import { createTestApp, type TestApp } from '../helpers/db'
import { listIds, partnerIds } from '../helpers/fixtures'
import { countShopStats } from '../../src/main/domains/shop/stats'

/**
 * `shop.stats` reads kept first/last visit days and indexes (migration 0008) instead of
 * re-reading history. Its figures must stay exactly those of the written definitions (README,
 * stats.ts): here they are recounted the plain way, in JavaScript over every row, on varied data
 * written straight into the tables (as a bulk import would) and then corrected and removed in
 * part, so the kept values are tested on every path a write can take.
 */

let app: TestApp
let topics: number[]
let destinations: number[]
beforeAll(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  topics = await listIds(app, 'topic')
  destinations = await partnerIds(app)
})
afterAll(async () => app.close())

const DISTRICTS = ['Noord', 'noord', 'Zuid', 'Kruiskamp', null] as const
const STATUSES = ['planned', 'came', 'no_show', 'cancelled'] as const

const day = fc
  .record({
    y: fc.integer({ min: 2016, max: 2027 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const householdArb = fc.record({
  district: fc.constantFrom(...DISTRICTS),
  birthYears: fc.array(fc.integer({ min: 1950, max: 2027 }), { maxLength: 4 }),
  visits: fc.array(day, { maxLength: 6 }),
  appointments: fc.array(fc.record({ date: day, status: fc.constantFrom(...STATUSES) }), {
    maxLength: 4,
  }),
  intakes: fc.array(
    fc.record({
      date: day,
      debts: fc.constantFrom('yes', 'no', 'unknown'),
      problems: fc.constantFrom('yes', 'no', 'unknown'),
      topics: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
      referrals: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
})

const scenario = fc.record({
  households: fc.array(householdArb, { minLength: 1, maxLength: 10 }),
  /** Topics and referrals (by position in the lists) talked about at visits (by position). */
  conversations: fc.array(
    fc.record({
      at: fc.nat(),
      topics: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }),
      referrals: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 2 }),
    }),
    { maxLength: 6 },
  ),
  /** Visits (by position) whose date is corrected, and to what. */
  corrections: fc.array(fc.record({ at: fc.nat(), date: day }), { maxLength: 4 }),
  /** Visits (by position) removed afterwards. */
  removals: fc.array(fc.nat(), { maxLength: 4 }),
  /** Visits (by position) moved to another household (by position). */
  moves: fc.array(fc.record({ at: fc.nat(), to: fc.nat() }), { maxLength: 2 }),
  periods: fc.array(
    fc.record({
      a: day,
      b: day,
      district: fc.constantFrom(undefined, 'noord', 'Zuid', 'kruiskamp', 'Nergens'),
    }),
    { minLength: 1, maxLength: 4 },
  ),
})

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never

function write(s: Scenario): void {
  const db = app.open.sqlite
  db.exec(`delete from intake_topic; delete from intake_referral; delete from intake;
    delete from visit_topic; delete from visit_referral; delete from visit_item; delete from visit; delete from appointment; delete from slot;
    delete from member; delete from call_list_contact; delete from household;`)
  const insertHousehold = db.prepare(`insert into household (reference, contact_name, search_name,
    postcode, city, district, income_source, consent_date, consent_by, status, created_at,
    updated_at) values (?, 'Fam', 'fam', '1234 AB', 'Zwolle', ?, 'bijstand', '2016-01-01', 'Anja',
    'active', '2016-01-01T10:00:00Z', '2016-01-01T10:00:00Z')`)
  const insertMember = db.prepare(
    `insert into member (household_id, birth_year, gender) values (?, ?, 'x')`,
  )
  const insertVisit = db.prepare(`insert into visit (household_id, date, served_by, created_at)
    values (?, ?, 'Anja', '2026-01-01T10:00:00Z')`)
  const insertSlot = db.prepare(
    `insert or ignore into slot (date, part, capacity) values (?, 'morning', 40)`,
  )
  const insertAppointment = db.prepare(`insert into appointment (slot_id, household_id, date,
    status, booked_at) values ((select id from slot where date = ? and part = 'morning'), ?, ?, ?,
    '2016-01-01T10:00:00Z')`)
  const insertIntake = db.prepare(`insert into intake (household_id, date, done_by, created_at,
    debts, multiple_problems) values (?, ?, 'Anja', '2026-01-01T10:00:00Z', ?, ?)`)
  const insertTopic = db.prepare(`insert into intake_topic (intake_id, topic_id) values (?, ?)`)
  const insertReferral = db.prepare(
    `insert into intake_referral (intake_id, destination_id) values (?, ?)`,
  )
  const ids: number[] = []
  db.transaction(() => {
    s.households.forEach((h, i) => {
      const id = Number(insertHousehold.run(`R-${i}`, h.district).lastInsertRowid)
      ids.push(id)
      for (const y of h.birthYears) insertMember.run(id, y)
      for (const v of h.visits) insertVisit.run(id, v)
      for (const a of h.appointments) {
        insertSlot.run(a.date)
        insertAppointment.run(a.date, id, a.date, a.status)
      }
      for (const intake of h.intakes) {
        const iid = Number(
          insertIntake.run(id, intake.date, intake.debts, intake.problems).lastInsertRowid,
        )
        for (const t of intake.topics) insertTopic.run(iid, topics[t])
        for (const r of intake.referrals) insertReferral.run(iid, destinations[r])
      }
    })
  })()
  const visitIds = (): number[] =>
    (db.prepare('select id from visit order by id').all() as { id: number }[]).map((r) => r.id)
  // Before corrections, moves and removals, so those carry or remove a visit's conversation.
  const insertVisitTopic = db.prepare(
    'insert or ignore into visit_topic (visit_id, topic_id) values (?, ?)',
  )
  const insertVisitReferral = db.prepare(
    `insert into visit_referral (visit_id, destination_id, note) values (?, ?, null)`,
  )
  for (const c of s.conversations) {
    const all = visitIds()
    if (!all.length) break
    const visitId = all[c.at % all.length]
    for (const t of c.topics) insertVisitTopic.run(visitId, topics[t])
    for (const r of c.referrals) insertVisitReferral.run(visitId, destinations[r])
  }
  for (const c of s.corrections) {
    const all = visitIds()
    if (all.length)
      db.prepare('update visit set date = ? where id = ?').run(c.date, all[c.at % all.length])
  }
  for (const m of s.moves) {
    const all = visitIds()
    if (all.length)
      db.prepare('update visit set household_id = ? where id = ?').run(
        ids[m.to % ids.length],
        all[m.at % all.length],
      )
  }
  for (const r of s.removals) {
    const all = visitIds()
    if (all.length) db.prepare('delete from visit where id = ?').run(all[r % all.length])
  }
}

function emptyFigures(): ShopFigures {
  return {
    householdsReached: 0,
    newHouseholds: 0,
    visits: 0,
    childrenReached: 0,
    appointmentsCame: 0,
    appointmentsNoShow: 0,
    noShowRate: null,
    referrals: [],
    topics: [],
    intakes: 0,
    debts: { yes: 0, no: 0, unknown: 0, shareYes: null },
    multipleProblems: { yes: 0, no: 0, unknown: 0, shareYes: null },
  }
}

/** The definitions, counted over every row without SQL cleverness. */
function recount(from: string, to: string, district: string | undefined): unknown {
  const db = app.open.sqlite
  const rows = <T>(q: string): T[] => db.prepare(q).all() as T[]
  const households = rows<{ id: number; district: string | null }>(
    'select id, district from household',
  )
  const members = rows<{ id: number; household_id: number; birth_year: number }>(
    'select id, household_id, birth_year from member',
  )
  const visits = rows<{ id: number; household_id: number; date: string }>(
    'select id, household_id, date from visit',
  )
  const appointments = rows<{ household_id: number; date: string; status: string }>(
    'select household_id, date, status from appointment',
  )
  const intakes = rows<{
    id: number
    household_id: number
    date: string
    debts: 'yes' | 'no' | 'unknown'
    multiple_problems: 'yes' | 'no' | 'unknown'
  }>('select id, household_id, date, debts, multiple_problems from intake')
  const names = new Map(
    rows<{ id: number; name: string }>('select id, name from list_item').map((l) => [l.id, l.name]),
  )
  const partners = new Map(
    rows<{ id: number; name: string }>('select id, name from partner').map((p) => [p.id, p.name]),
  )
  const visitTopicRows = rows<{ visit_id: number; topic_id: number }>('select * from visit_topic')
  const visitReferralRows = rows<{ visit_id: number; destination_id: number }>(
    'select visit_id, destination_id from visit_referral',
  )
  const topicRows = rows<{ intake_id: number; topic_id: number }>('select * from intake_topic')
  const referralRows = rows<{ intake_id: number; destination_id: number }>(
    'select intake_id, destination_id from intake_referral',
  )

  const home = new Map(households.map((h) => [h.id, h.district]))
  const counts = (hid: number): boolean =>
    district === undefined || (home.get(hid) ?? null)?.toLowerCase() === district.toLowerCase()
  const key = (hid: number): string => home.get(hid) ?? ''
  const inPeriod = (d: string): boolean => d >= from && d <= to
  const by = new Map<string, ShopFigures>()
  const at = (hid: number): ShopFigures => {
    const k = key(hid)
    if (!by.has(k)) by.set(k, emptyFigures())
    return by.get(k)!
  }
  const add = (list: CountBy[], k: string, from: 'intakes' | 'visits'): void => {
    let found = list.find((c) => c.key === k)
    if (!found) list.push((found = { key: k, intakes: 0, visits: 0, total: 0 }))
    found[from] += 1
    found.total += 1
  }

  const reached = new Set<number>()
  for (const v of visits)
    if (inPeriod(v.date) && counts(v.household_id)) {
      at(v.household_id).visits += 1
      if (!reached.has(v.household_id)) at(v.household_id).householdsReached += 1
      reached.add(v.household_id)
    }
  for (const h of households) {
    const dates = visits.filter((v) => v.household_id === h.id).map((v) => v.date)
    if (dates.length && counts(h.id) && inPeriod(dates.sort()[0])) at(h.id).newHouseholds += 1
  }
  for (const m of members) {
    const child = visits.some((v) => {
      const age = Number(v.date.slice(0, 4)) - m.birth_year
      return v.household_id === m.household_id && inPeriod(v.date) && age >= 0 && age <= 17
    })
    if (child && counts(m.household_id)) at(m.household_id).childrenReached += 1
  }
  // A planned or cancelled booking is no figure: it gives its district no row.
  for (const a of appointments)
    if (
      inPeriod(a.date) &&
      counts(a.household_id) &&
      a.status !== 'planned' &&
      a.status !== 'cancelled'
    ) {
      const f = at(a.household_id)
      if (a.status === 'came') f.appointmentsCame += 1
      if (a.status === 'no_show') f.appointmentsNoShow += 1
    }
  for (const i of intakes)
    if (inPeriod(i.date) && counts(i.household_id)) {
      const f = at(i.household_id)
      f.intakes += 1
      f.debts[i.debts] += 1
      f.multipleProblems[i.multiple_problems] += 1
      for (const t of topicRows.filter((t) => t.intake_id === i.id))
        add(at(i.household_id).topics, names.get(t.topic_id)!, 'intakes')
      for (const r of referralRows.filter((r) => r.intake_id === i.id))
        add(at(i.household_id).referrals, partners.get(r.destination_id)!, 'intakes')
    }
  for (const v of visits)
    if (inPeriod(v.date) && counts(v.household_id)) {
      for (const t of visitTopicRows.filter((t) => t.visit_id === v.id))
        add(at(v.household_id).topics, names.get(t.topic_id)!, 'visits')
      for (const r of visitReferralRows.filter((r) => r.visit_id === v.id))
        add(at(v.household_id).referrals, partners.get(r.destination_id)!, 'visits')
    }
  return normalise(
    [...by.entries()].map(([d, f]) => ({ district: d, ...f })),
    true,
  )
}

/** yes / (yes + no), or null when no answer is known. */
function share(a: { yes: number; no: number }): number | null {
  return a.yes + a.no === 0 ? null : a.yes / (a.yes + a.no)
}

/** Figures in one order, so two countings can be compared; the rate follows from the counts. */
function normalise(byDistrict: (ShopFigures & { district: string })[], fillRate = false): unknown {
  return byDistrict
    .map((f) => ({
      ...f,
      noShowRate: fillRate
        ? f.appointmentsCame + f.appointmentsNoShow === 0
          ? null
          : f.appointmentsNoShow / (f.appointmentsCame + f.appointmentsNoShow)
        : f.noShowRate,
      debts: fillRate ? { ...f.debts, shareYes: share(f.debts) } : f.debts,
      multipleProblems: fillRate
        ? { ...f.multipleProblems, shareYes: share(f.multipleProblems) }
        : f.multipleProblems,
      referrals: [...f.referrals].sort((x, y) => x.key.localeCompare(y.key)),
      topics: [...f.topics].sort((x, y) => x.key.localeCompare(y.key)),
    }))
    .sort((x, y) => (x.district < y.district ? -1 : x.district > y.district ? 1 : 0))
}

describe('shop.stats equals a plain recount of its definitions', () => {
  it('on varied data, after corrections, moves and removals of visits', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        write(s)
        // The kept first and last visit days are those the visits say.
        expect(
          app.open.sqlite.prepare('select * from household_visit_span order by household_id').all(),
        ).toEqual(
          app.open.sqlite
            .prepare(
              `select household_id, min(date) as first_visit_on, max(date) as last_visit_on
               from visit group by household_id order by household_id`,
            )
            .all(),
        )
        for (const p of s.periods) {
          const [from, to] = p.a <= p.b ? [p.a, p.b] : [p.b, p.a]
          const stats: ShopStats = await app.call('shop.stats', { from, to, district: p.district })
          expect(normalise(stats.byDistrict)).toEqual(recount(from, to, p.district))
          const sum = (k: 'visits' | 'childrenReached' | 'newHouseholds'): number =>
            stats.byDistrict.reduce((n, f) => n + f[k], 0)
          expect([stats.visits, stats.childrenReached, stats.newHouseholds]).toEqual([
            sum('visits'),
            sum('childrenReached'),
            sum('newHouseholds'),
          ])
        }
      }),
      { numRuns: 60, seed: 20261205 },
    )
  })
})

describe('shop.stats over a quarter or more', () => {
  it("is counted in a worker thread, as the screen's job, with main's figures exactly", async () => {
    const s = fc.sample(scenario, { numRuns: 1, seed: 7 })[0]
    write(s)
    const input = { from: '2016-01-01', to: '2027-12-31' }
    // Which tasks went to a worker (the real pool still runs them).
    const pool = app.vault.workers
    const sent: string[] = []
    const run = pool.run.bind(pool)
    pool.run = ((task, taskInput, options) => {
      sent.push(`${task.name} ${options?.jobLabelKey ?? ''}`)
      return run(task, taskInput, options)
    }) as typeof pool.run
    try {
      const stats: ShopStats = await app.call('shop.stats', input)
      expect(sent).toEqual(['shop.stats jobs.labels.shopStats'])
      const onMain = await countShopStats(
        app.vault.db,
        { ...input, district: null },
        new Date(stats.generatedAt),
      )
      expect(stats).toEqual(onMain)
      expect(normalise(stats.byDistrict)).toEqual(recount(input.from, input.to, undefined))
      // A year goes to the worker too (50 ms on main at ten years of data); a month stays on main.
      await app.call('shop.stats', { from: '2025-01-01', to: '2025-12-31' })
      expect(sent).toHaveLength(2)
      await app.call('shop.stats', { from: '2025-03-01', to: '2025-03-31' })
      expect(sent).toHaveLength(2)
    } finally {
      pool.run = run
    }
  })
})
