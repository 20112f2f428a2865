import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DB } from '../../src/main/db/schema'
import { REPORT_FIGURES_SOURCES } from '../../src/main/db/migrations/0026-report-figures-kept'
import { SUPPORT_FIGURES_SOURCES } from '../../src/main/db/migrations/0031-support'
import { OUTCOME_FIGURES_SOURCES } from '../../src/main/db/migrations/0032-outcomes'
import { AREA_FIGURES_SOURCES } from '../../src/main/db/migrations/0034-areas'
import { AREA_FILTER_CTE } from '../../src/main/db/areas'
import { collectFigures } from '../../src/main/domains/reports/collect'
import { keptFigures } from '../../src/main/domains/reports/kept-figures'
import type { RawFigures } from '../../src/main/domains/reports/figures'
import { createTestApp, type TestApp } from '../helpers/db'
import { addHousehold, listIds, partnerIds } from '../helpers/fixtures'

/*
 * The subsidy report's kept counts (migration 0026, reports/kept-figures.ts) on a small fixture:
 * a count is kept after a call, served by the next, dropped by a change in any table it reads,
 * and a kept count is always what a fresh count gives. Today 2026-07-15; this period the first
 * half of 2026, last year's the first half of 2025.
 */

const FROM = '2026-01-01'
const TO = '2026-06-30'
const PERIODS = [
  { from: FROM, to: TO, area: null },
  { from: '2025-01-01', to: '2025-06-30', area: null },
]
/** Tables the counting reads that no one writes but the triggers of the tables they come from. */
const KEPT_BY_TRIGGERS = [
  'household_visit_span',
  'household_year',
  'household_year_item',
  'person_count_by_group',
  'volunteer_hours_by_month',
]

let app: TestApp

const sqlite = () => app.open.sqlite

/** The kept counts of a period, as stored (null: none). */
function keptRow(from: string): (RawFigures & { marked?: true }) | null {
  const row = sqlite()
    .prepare(`select figures from report_figures_kept where from_on = ?`)
    .get(from) as { figures: string } | undefined
  return row ? (JSON.parse(row.figures) as RawFigures & { marked?: true }) : null
}

/** What a count made now gives, stamped as the kept counts are when served now. */
async function fresh(period: (typeof PERIODS)[number]): Promise<RawFigures> {
  return collectFigures(app.open.db, period, app.clock.today(), app.clock.now())
}

/** A stored count as a count made now would give it (the instants it was stamped with aside). */
function asServed(figures: RawFigures): RawFigures {
  const now = app.clock.now().toISOString()
  const { marked: _marked, ...rest } = figures as RawFigures & { marked?: true }
  return {
    ...rest,
    shop: { ...rest.shop, generatedAt: now },
    volunteers: { ...rest.volunteers, generatedAt: now },
  } as RawFigures
}

/** Marks every kept count, so a count that is served from them again can be told apart. */
function markKept(): void {
  sqlite().exec(
    `update report_figures_kept set figures = json_set(figures, '$.marked', json('true'))`,
  )
}

const visitsOf = async (): Promise<[number | null, number | null]> => {
  const r = await app.call('reports.subsidy', { from: FROM, to: TO })
  const f = r.figures.find((x) => x.key === 'shop.visits')!
  return [f.value, f.lastYear]
}

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  const [t1] = await listIds(app, 'topic')
  const [category] = await listIds(app, 'category')
  const [d1] = await partnerIds(app)
  const h1 = await addHousehold(app, 'Sanne Visser', {
    district: 'Noord',
    members: [
      { firstName: 'Sanne', birthYear: 1988, gender: 'f' },
      { firstName: 'Noah', birthYear: 2016, gender: 'm' },
    ],
  })
  const h2 = await addHousehold(app, 'Piet Jansen', {
    district: 'Zuid',
    members: [{ firstName: 'Piet', birthYear: 1970, gender: 'm' }],
  })
  for (const [householdId, date] of [
    [h1, '2025-03-10'],
    [h1, '2026-02-10'],
    [h2, '2026-03-03'],
  ] as const)
    await app.call('visits.register', {
      householdId,
      date,
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 1 }],
      topics: [t1],
      referrals: [{ destinationId: d1 }],
    })
  await app.call('activities.create', {
    date: '2026-03-12',
    kind: 'collective',
    title: 'Naaiatelier',
    participants: 12,
    volunteers: 2,
    area: 'Noord',
    waitingList: 3,
  })
  await app.call('activities.addAdvice', { date: '2025-03-12', area: 'Noord', count: 3 })
}, 60_000)

afterAll(async () => app?.close())

describe('the subsidy report keeps its counts', () => {
  it('keeps both periods after a call and serves the next call from them', async () => {
    expect(await visitsOf()).toEqual([2, 1])
    expect(keptRow(FROM)).not.toBeNull()
    expect(keptRow('2025-01-01')).not.toBeNull()
    // A kept count changed behind the app's back shows: the next call did not count again.
    sqlite().exec(`update report_figures_kept set figures = json_set(figures, '$.shop.visits', 99)
      where from_on = '${FROM}'`)
    expect(await visitsOf()).toEqual([99, 1])
    sqlite().exec(`delete from report_figures_kept`)
    expect(await visitsOf()).toEqual([2, 1])
  })

  it('keeps exactly what a fresh count gives', async () => {
    await visitsOf()
    for (const p of PERIODS) expect(asServed(keptRow(p.from)!)).toStrictEqual(await fresh(p))
  })

  it('serves no count kept by an older version of the counting code', async () => {
    await visitsOf()
    sqlite().exec(`update report_figures_kept set version = 'old',
      figures = json_set(figures, '$.shop.visits', 99)`)
    expect(await visitsOf()).toEqual([2, 1])
  })

  it('watches every table the counting reads', async () => {
    const read = new Set<string>()
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite() }),
      plugins: [new CamelCasePlugin()],
      log: (e) => {
        for (const m of e.query.sql.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)) read.add(m[1])
      },
    })
    for (const p of PERIODS) await collectFigures(db, p, app.clock.today(), app.clock.now())
    for (const p of [{ ...PERIODS[0], area: 'Noord' }])
      await collectFigures(db, p, app.clock.today(), app.clock.now())
    expect(read.size).toBeGreaterThan(15)
    const watched = new Set<string>([
      ...REPORT_FIGURES_SOURCES,
      ...SUPPORT_FIGURES_SOURCES,
      ...OUTCOME_FIGURES_SOURCES,
      ...AREA_FIGURES_SOURCES,
      ...KEPT_BY_TRIGGERS,
      AREA_FILTER_CTE,
    ])
    expect([...read].filter((t) => !watched.has(t))).toEqual([])
  })

  // One change per table the fixture has rows in, on main's connection as any path would write
  // it (the tables it has no rows in are covered by the triggers' own test, migration-0026).
  const changes: [string, string][] = [
    ['visit', `update visit set date = '2026-04-01' where date = '2026-03-03'`],
    ['visit_topic', `delete from visit_topic where visit_id = (select max(id) from visit)`],
    ['visit_referral', `delete from visit_referral where visit_id = (select min(id) from visit)`],
    ['household', `update household set district = 'Oost' where district = 'Zuid'`],
    ['member', `update member set birth_year = 2012 where birth_year = 2016`],
    [
      'partner',
      `update partner set name = name || ' (nieuw)' where id = (select min(destination_id) from visit_referral)`,
    ],
    ['list_item', `update list_item set name = name || ' (nieuw)' where kind = 'topic'`],
    ['activity', `update activity set participants = 14`],
    ['advice_tally', `update advice_tally set count = 5`],
    [
      'setting',
      `insert into setting (key, value) values ('measurements', '{"version":"zrm11","ladder":true}')
      on conflict (key) do update set value = excluded.value`,
    ],
  ]
  for (const [table, change] of changes)
    it(`counts again after a change in ${table}, and gives what a fresh count gives`, async () => {
      await visitsOf()
      markKept()
      const before = PERIODS.map((p) => keptRow(p.from))
      sqlite().exec(change)
      await visitsOf()
      const counted = PERIODS.map((p) => keptRow(p.from)!)
      // At least this period was counted again; whatever is served equals a fresh count.
      expect(counted[0].marked).toBeUndefined()
      for (const [i, p] of PERIODS.entries()) {
        expect(before[i]?.marked).toBe(true)
        expect(asServed(counted[i])).toStrictEqual(await fresh(p))
      }
    })

  it('keeps last year when only this year changed', async () => {
    await visitsOf()
    markKept()
    const [category] = await listIds(app, 'category')
    const h = (await app.call('households.search', { query: 'Sanne Visser' })).rows[0].id
    await app.call('visits.register', {
      householdId: h,
      date: '2026-07-15',
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 1 }],
    })
    await visitsOf()
    expect(keptRow('2025-01-01')?.marked).toBe(true)
    // The visit lies after this period too: its count stays, and is still a fresh count.
    expect(keptRow(FROM)?.marked).toBe(true)
    for (const p of PERIODS) expect(asServed(keptRow(p.from)!)).toStrictEqual(await fresh(p))
  })

  it('counts again after anonymising a household, with the same figures', async () => {
    await visitsOf()
    markKept()
    const h = (await app.call('households.search', { query: 'Piet Jansen' })).rows[0].id
    await app.call('retention.anonymise', { id: h })
    await visitsOf()
    for (const p of PERIODS) expect(asServed(keptRow(p.from)!)).toStrictEqual(await fresh(p))
  })

  it('serves a kept count only on the days today counts the same', async () => {
    await visitsOf()
    // As a count with an unrecorded acknowledgement due on 2026-07-10 (late) and one due on
    // 2026-07-20 (not yet) would be kept.
    sqlite().exec(`update report_figures_kept set valid_after = '2026-07-10',
      valid_until = '2026-07-20'`)
    const version = (
      sqlite().prepare(`select version from report_figures_kept limit 1`).get() as {
        version: string
      }
    ).version
    const at = (day: string) => keptFigures(app.open.db, PERIODS[0], day, version, new Date())
    expect(await at('2026-07-10')).toBeNull()
    expect(await at('2026-07-11')).not.toBeNull()
    expect(await at('2026-07-20')).not.toBeNull()
    expect(await at('2026-07-21')).toBeNull()
  })
})
