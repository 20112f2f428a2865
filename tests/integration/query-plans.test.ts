import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3-multiple-ciphers'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/db'
import { countShopTotals } from '../../src/main/domains/shop/stats'
import { addHousehold, listIds, slotOn, partnerIds } from '../helpers/fixtures'
import { captureStatements, type Statement } from '../helpers/sql-capture'

/**
 * The shop's everyday reads must stay quick after ten years of history: each statement a call
 * runs is looked up in the indexes, never by reading a whole history table. The plans SQLite
 * chooses here (no ANALYZE statistics, as in the app) are the plans it chooses on a large file,
 * so a small database is enough to prove it.
 *
 * The app deliberately runs no ANALYZE and no `PRAGMA optimize`: with statistics the plans would
 * depend on each shop's data and could no longer be proved here, and measured on ten years of
 * data (8,000 households) they made a year's `shop.stats` three times slower (28 to 89 ms CPU).
 */

/** Tables that grow with every year of use. */
const HISTORY = [
  'household',
  'member',
  'appointment',
  'visit',
  'visit_topic',
  'visit_referral',
  'intake',
  'audit_log',
]

interface PlanRow {
  id: number
  parent: number
  detail: string
}

/** The names a statement gives its tables (`"household" as "h"`), so "SCAN h" can be named. */
function aliases(source: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const m of source.matchAll(/"(\w+)" as "(\w+)"/g)) map.set(m[2], m[1])
  return map
}

/**
 * Reading the newest row (`order by "id" desc limit ?`, as the audit log does to chain an entry)
 * walks the table backwards and stops at once; SQLite still calls that a SCAN.
 */
function newestRow(source: string, plan: PlanRow[]): boolean {
  return (
    /order by "id" desc limit \?$/.test(source.trim()) &&
    !plan.some((r) => r.detail.includes('TEMP B-TREE'))
  )
}

/**
 * Whether the loop of `scan` also looks up a history table for each row it passes (a correlated
 * subquery beside it in the plan, such as a household's last visit).
 */
function historyPerRow(plan: PlanRow[], scan: PlanRow): boolean {
  return plan.some(
    (sub) =>
      sub.parent === scan.parent &&
      sub.detail.startsWith('CORRELATED') &&
      plan.some(
        (r) => r.parent === sub.id && /\b(visit|member|appointment|intake)\b/.test(r.detail),
      ),
  )
}

/**
 * Every full pass over a history table in the plans of `statements`, with its statement. With
 * `householdPass`, a pass over the households is allowed: a search for part of a name, phone or
 * reference (`like '%…%'`) cannot be answered from an index and reads each household once. But
 * not while looking up visits or members: those are read for the page shown, not for every
 * household the pass goes by.
 */
function scans(
  sqlite: Database.Database,
  statements: Statement[],
  householdPass = false,
): string[] {
  const found: string[] = []
  for (const s of statements) {
    if (!/^\s*(select|insert|update|delete|with)\b/i.test(s.sql)) continue
    const plan = sqlite.prepare(`explain query plan ${s.sql}`).all(s.params) as PlanRow[]
    if (newestRow(s.sql, plan)) continue
    const names = aliases(s.sql)
    for (const row of plan) {
      const m = /^SCAN (\w+)/.exec(row.detail)
      if (!m) continue
      const table = names.get(m[1]) ?? m[1]
      if (householdPass && table === 'household' && !historyPerRow(plan, row)) continue
      if (HISTORY.includes(table)) found.push(`${table}: ${row.detail} in: ${s.sql.slice(0, 90)}`)
    }
  }
  return found
}

let app: TestApp
const TODAY = '2026-06-15'
const SMALL_DAY = '2026-06-22'
const LARGE_DAY = '2026-06-23'

/** Households in district "Klein" (5) and "Groot" (50), each with members, visits and bookings. */
const small: number[] = []
const large: number[] = []

beforeAll(async () => {
  app = await createTestApp(`${TODAY}T07:00:00Z`)
  await app.call('slots.generate', {
    from: TODAY,
    to: LARGE_DAY,
    template: [1, 2, 3, 4, 5].flatMap((weekday) => [
      { weekday, part: 'morning' as const, capacity: 50 },
      { weekday, part: 'afternoon' as const, capacity: 50 },
    ]),
  })
  const [topic] = await listIds(app, 'topic')
  const [destination] = await partnerIds(app)
  const [category] = await listIds(app, 'category')
  for (let i = 0; i < 55; i++) {
    const inSmall = i < 5
    const id = await addHousehold(app, `${inSmall ? 'Klein' : 'Groot'} Gezin ${i}`, {
      district: inSmall ? 'Klein' : 'Groot',
      intake: {
        date: '2026-02-01',
        doneBy: 'Anja',
        notes: null,
        topicIds: [topic],
        referrals: [{ destinationId: destination, note: null }],
      },
    })
    ;(inSmall ? small : large).push(id)
    await app.call('visits.register', {
      householdId: id,
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-10`,
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 1 }],
    })
    await app.call('visits.register', {
      householdId: id,
      date: '2026-03-02',
      servedBy: 'Anja',
      items: [],
    })
    await app.call('appointments.book', {
      householdId: id,
      slotId: await slotOn(app, inSmall ? SMALL_DAY : LARGE_DAY, 'morning'),
      note: null,
    })
  }
  // Today's counter: five families, one of them served already.
  for (const id of small)
    await app.call('appointments.book', {
      householdId: id,
      slotId: await slotOn(app, TODAY, 'afternoon'),
      note: null,
    })
})
afterAll(async () => app.close())

const CALLS: [string, () => Promise<unknown>][] = [
  ['households.search by name', () => app.call('households.search', { query: 'gezin 3' })],
  ['households.search, whole list', () => app.call('households.search', { query: '' })],
  ['households.search by reference', () => app.call('households.search', { query: 'H-00012' })],
  ['households.search by phone', () => app.call('households.search', { query: '0612345' })],
  ['households.search by postcode', () => app.call('households.search', { query: '5001' })],
  ['households.get', () => app.call('households.get', { id: large[3] })],
  ['appointments.byDay', () => app.call('appointments.byDay', { date: LARGE_DAY })],
  ['shop.dashboard', () => app.call('shop.dashboard', {})],
  [
    'households.callList',
    () => app.call('households.callList', { notSeenSince: '2026-04-01', district: null }),
  ],
  ['shop.stats, a year', () => app.call('shop.stats', { from: '2025-01-01', to: '2025-12-31' })],
  [
    'shop.stats, a year in one district',
    () => app.call('shop.stats', { from: '2025-01-01', to: '2025-12-31', district: 'groot' }),
  ],
  // Over this history shop.totals runs in a worker; its statements are those of this call.
  [
    'shop.totals, since the start (as the worker counts it)',
    () => countShopTotals(app.vault.db, { date: TODAY, district: null }, new Date()),
  ],
  [
    'shop.totals in one district, a short history on main',
    () => app.call('shop.totals', { date: '2025-01-31', district: 'groot' }),
  ],
  [
    'visits.register',
    () =>
      app.call('visits.register', {
        householdId: small[0],
        date: TODAY,
        servedBy: 'Anja',
        items: [],
      }),
  ],
]

describe('the shop reads its history through indexes', () => {
  it.each(CALLS)('%s reads no history table from end to end', async (name, call) => {
    const statements = await captureStatements(app.open.sqlite, call)
    expect(statements.length).toBeGreaterThan(0)
    const search = name.startsWith('households.search')
    expect(scans(app.open.sqlite, statements, search)).toEqual([])
  })
})

describe('the call list', () => {
  it('asks of each eligible family only for the bookings that matter, not all of them', async () => {
    const statements = await captureStatements(app.open.sqlite, () =>
      app.call('households.callList', { notSeenSince: '2026-04-01', district: null }),
    )
    const lookups = statements
      .filter((s) => s.sql.includes('"appointment"'))
      .flatMap(planOf)
      .filter((r) => /\bappointment\b/.test(r.detail))
    expect(lookups.length).toBeGreaterThan(0)
    for (const r of lookups) expect(r.detail).toMatch(/household_id=\? AND status=\? AND date>\?/)
  })
})

function planOf(s: Statement): PlanRow[] {
  return app.open.sqlite.prepare(`explain query plan ${s.sql}`).all(s.params) as PlanRow[]
}

/** The statements a call runs, counted, with what it answered. */
async function counted<T>(call: () => Promise<T>): Promise<{ statements: number; result: T }> {
  let result: T | undefined
  const statements = await captureStatements(app.open.sqlite, async () => {
    result = await call()
  })
  return { statements: statements.length, result: result as T }
}

describe('lists ask the database the same number of times for 5 rows as for 50', () => {
  it('households.search, appointments.byDay, the call list and the dashboard', async () => {
    // A week later the bookings lie in the past, so the families are due on the call list.
    app.clock.set('2026-06-24T07:00:00Z')
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })

    const search = (query: string) => () => app.call('households.search', { query, limit: 100 })
    const byDay = (date: string) => () => app.call('appointments.byDay', { date })
    const callList = (district: string) => () =>
      app.call('households.callList', { notSeenSince: '2026-06-20', district })
    const dashboard = (date: string) => () => app.call('shop.dashboard', { date })

    const pairs = [
      [await counted(search('klein gezin')), await counted(search('groot gezin'))],
      [await counted(byDay(SMALL_DAY)), await counted(byDay(LARGE_DAY))],
      [await counted(callList('Klein')), await counted(callList('Groot'))],
      [await counted(dashboard(SMALL_DAY)), await counted(dashboard(LARGE_DAY))],
    ] as const
    const [searched, booked, toCall, board] = pairs
    expect([searched[0].result.rows.length, searched[1].result.rows.length]).toEqual([5, 50])
    expect([booked[0].result.length, booked[1].result.length]).toEqual([5, 50])
    expect([toCall[0].result.length, toCall[1].result.length]).toEqual([5, 50])
    const onBoard = (d: (typeof board)[number]): number =>
      d.result.today.reduce((n, p) => n + p.appointments.length, 0)
    expect([onBoard(board[0]), onBoard(board[1])]).toEqual([5, 50])
    for (const [few, many] of pairs) expect(many.statements).toBe(few.statements)
  })
})
