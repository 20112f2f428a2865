import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { SubsidyReport } from '../../src/shared/schemas/reports'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, listIds } from '../helpers/fixtures'

/**
 * Areas as a hierarchy and reports per municipality (issue 17), through the real router.
 *
 * Tree: Amersfoort (gemeente) > Noordoost (gebied) > Noord (wijk) > Hoogland (kern);
 * Leusden (gemeente) > Zuid (wijk). Households: A in Noord (3 visits), B in Hoogland (1 visit),
 * C in Zuid (2 visits), D in "Elders", a district in no tree (1 visit); all in 2026-01..06.
 * Period 2026-01-01 .. 2026-06-30, today 2026-07-15.
 * Visits: Amersfoort 4 (A, B), Noordoost 4, Noord 4 (Hoogland lies under it), Hoogland 1,
 * Leusden 2, Zuid 2, Elders 1, everything 7.
 */

let app: TestApp
let coordinator: Caller
let counter: Caller
const id: Record<string, number> = {}
/** The household of each district, by the district's name. */
const householdIn: Record<string, number> = {}
const PERIOD = { from: '2026-01-01', to: '2026-06-30' }

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  coordinator = await app.loginAs('coordinator', 'coord')
  counter = await app.loginAs('volunteer', 'balie')
  const area = async (name: string, kind: string, parent?: string) =>
    (id[name] = (
      await app.call('areas.save', {
        name,
        kind: kind as 'area',
        parentId: parent ? id[parent] : null,
      })
    ).id)
  await area('Amersfoort', 'municipality')
  await area('Noordoost', 'area', 'Amersfoort')
  await area('Noord', 'district', 'Noordoost')
  await area('Hoogland', 'village', 'Noord')
  await area('Leusden', 'municipality')
  await area('Zuid', 'district', 'Leusden')
  const [category] = await listIds(app, 'category')
  const visits = async (district: string, dates: string[]) => {
    const h = (householdIn[district] = await addHousehold(app, `Fam. ${district}`, { district }))
    for (const date of dates)
      await app.call('visits.register', {
        householdId: h,
        date,
        servedBy: 'Anja',
        items: [{ categoryId: category, count: 1 }],
      })
  }
  await visits('Noord', ['2026-02-01', '2026-03-01', '2026-04-01'])
  await visits('Hoogland', ['2026-02-02'])
  await visits('Zuid', ['2026-02-03', '2026-05-03'])
  await visits('Elders', ['2026-03-04'])
})
afterAll(async () => app?.close())

const visitsIn = async (area: string | null): Promise<number | null> => {
  const r = await app.call('reports.subsidy', { ...PERIOD, area })
  return r.figures.find((f) => f.key === 'shop.visits')?.value ?? null
}

describe('areas as a hierarchy', () => {
  it('counts an area with every area under it, and a district outside the tree by its name', async () => {
    expect(await visitsIn(null)).toBe(7)
    expect(await visitsIn('Amersfoort')).toBe(4)
    expect(await visitsIn('noordoost')).toBe(4)
    expect(await visitsIn('Noord')).toBe(4)
    expect(await visitsIn('Hoogland')).toBe(1)
    expect(await visitsIn('Leusden')).toBe(2)
    expect(await visitsIn('Zuid')).toBe(2)
    expect(await visitsIn('Elders')).toBe(1)
    // The shop's own figures screen filters the same way.
    const s = await app.call('shop.stats', { ...PERIOD, district: 'Amersfoort' })
    expect(s.visits).toBe(4)
  })

  it("gives an area's visits per month, and its figures since the start, with the areas under it", async () => {
    const monthsOf = async (area: string) =>
      (await app.call('reports.subsidy', { ...PERIOD, area })).months
        .filter((m) => m.visits > 0)
        .map((m) => [m.month, m.visits])
    // A (Noord) in February, March and April, B (Hoogland, under Noord) in February.
    expect(await monthsOf('Amersfoort')).toEqual([
      ['2026-02', 2],
      ['2026-03', 1],
      ['2026-04', 1],
    ])
    expect(await monthsOf('Leusden')).toEqual([
      ['2026-02', 1],
      ['2026-05', 1],
    ])
    for (const [district, date] of [
      ['Noord', '2026-01-15'],
      ['Hoogland', '2026-01-20'],
      ['Zuid', '2026-01-25'],
    ])
      await app.call('intakes.create', {
        householdId: householdIn[district],
        date,
        doneBy: 'Anja',
        topicIds: [],
        referrals: [],
      })
    const totals = await app.call('shop.totals', { date: PERIOD.to, district: 'Amersfoort' })
    const all = await app.call('shop.totals', { date: PERIOD.to, district: null })
    expect(totals.sinceStart).toMatchObject({ householdsReached: 2, visits: 4 })
    expect(all.sinceStart).toMatchObject({ householdsReached: 4, visits: 7 })
    // Intakes of Noord and Hoogland (both in Amersfoort) and of Zuid (Leusden).
    expect([totals.sinceStart.intakes, all.sinceStart.intakes]).toEqual([2, 3])
  })

  it('counts again when the tree changes (kept counts dropped)', async () => {
    expect(await visitsIn('Leusden')).toBe(2)
    await app.call('areas.save', { name: 'Elders', kind: 'district', parentId: id.Leusden })
    expect(await visitsIn('Leusden')).toBe(3)
    const elders = (await app.call('areas.list', {})).find((a) => a.name === 'Elders')!
    await app.call('areas.remove', { id: elders.id })
    expect(await visitsIn('Leusden')).toBe(2)
  })

  it('keeps the tree in order: kinds below their parent, names once, no orphans', async () => {
    const fieldOf = async (input: Record<string, unknown>) => {
      const e = await rejection(app.call('areas.save', input as never))
      expect(e.code).toBe('VALIDATION')
      return (e.fields as { path: string; key: string }[])[0]
    }
    expect(await fieldOf({ name: 'Kern X', kind: 'village', parentId: id.Hoogland })).toEqual({
      path: 'parentId',
      key: 'parentKind',
    })
    expect(await fieldOf({ name: 'Stad', kind: 'municipality', parentId: id.Leusden })).toEqual({
      path: 'parentId',
      key: 'municipalityOnTop',
    })
    expect(await fieldOf({ name: 'Wijk Y', kind: 'district' })).toEqual({
      path: 'parentId',
      key: 'required',
    })
    expect(await fieldOf({ name: 'NOORD', kind: 'district', parentId: id.Leusden })).toEqual({
      path: 'name',
      key: 'nameTaken',
    })
    // Noord cannot become a village: Hoogland, a village, lies under it.
    expect(
      await fieldOf({ id: id.Noord, name: 'Noord', kind: 'village', parentId: id.Noordoost }),
    ).toEqual({ path: 'kind', key: 'childKind' })
    const e = await rejection(app.call('areas.remove', { id: id.Noordoost }))
    expect(e).toMatchObject({ code: 'CONFLICT', key: 'areaHasChildren' })
    expect((await app.call('areas.list', {})).length).toBe(6)
    // Only the admin draws the tree; a coordinator may read it, the counter not at all.
    expect((await app.call('areas.list', {}, coordinator)).length).toBe(6)
    const forbidden = await rejection(
      app.call(
        'areas.save',
        { name: 'Wijk Z', kind: 'district', parentId: id.Leusden },
        coordinator,
      ),
    )
    expect(forbidden.code).toBe('FORBIDDEN')
    expect((await rejection(app.call('areas.list', {}, counter))).code).toBe('FORBIDDEN')
  })
})

describe('reports per municipality', () => {
  const keys = (r: SubsidyReport) => r.figures.map((f) => f.key)

  it('shows the figures a municipality asks for, with their breakdowns, also for an area in it', async () => {
    await app.call('areas.setIndicators', {
      id: id.Amersfoort,
      keys: ['shop.visits', 'outcomes.responses'],
    })
    const amersfoort = await app.call('reports.subsidy', { ...PERIOD, area: 'Amersfoort' })
    expect(amersfoort.indicators).toEqual(['outcomes.responses', 'shop.visits'])
    expect(keys(amersfoort)).toEqual([
      'shop.visits',
      'outcomes.responses',
      'outcomes.responses.trajectory',
      'outcomes.responses.activity',
      'outcomes.responses.service',
    ])
    expect(amersfoort.definitions.map((d) => d.key)).toEqual(['shop.visits', 'outcomes.responses'])
    expect(keys(await app.call('reports.subsidy', { ...PERIOD, area: 'Hoogland' }))).toHaveLength(5)
    // Leusden chose nothing: every figure.
    const leusden = await app.call('reports.subsidy', { ...PERIOD, area: 'Leusden' })
    expect(leusden.indicators).toBeNull()
    expect(keys(leusden).length).toBeGreaterThan(50)
    // Only a municipality chooses, and only figures the report has.
    const district = await rejection(
      app.call('areas.setIndicators', { id: id.Noord, keys: ['shop.visits'] }),
    )
    expect(district.fields).toEqual([{ path: 'id', key: 'notMunicipality' }])
    const unknown = await rejection(
      app.call('areas.setIndicators', { id: id.Leusden, keys: ['shop.visits', 'shop.nonsense'] }),
    )
    expect(unknown.fields).toEqual([{ path: 'keys.1', key: 'figureKey' }])
    expect(
      (await app.call('reports.subsidy', { ...PERIOD, area: 'Leusden' })).indicators,
    ).toBeNull()
  })

  it('keeps targets per municipality', async () => {
    await app.call('reports.setTargets', {
      year: 2026,
      area: 'Amersfoort',
      targets: [{ key: 'shop.visits', value: 10 }],
    })
    const target = async (area: string) =>
      (await app.call('reports.subsidy', { ...PERIOD, area })).figures.find(
        (f) => f.key === 'shop.visits',
      )?.targetBase
    expect(await target('Amersfoort')).toBe(10)
    expect(await target('Leusden')).toBeNull()
  })

  it('shows two municipalities, or two years, side by side', async () => {
    const c = await app.call('reports.compare', {
      left: { ...PERIOD, area: 'Amersfoort' },
      right: { ...PERIOD, area: 'Leusden' },
    })
    expect(c.left.area).toBe('Amersfoort')
    expect(c.right.area).toBe('Leusden')
    const visits = c.rows.find((r) => r.key === 'shop.visits')!
    expect(visits).toMatchObject({ left: 4, right: 2, section: 'shop' })
    // Amersfoort asks for few figures; Leusden's others are there with no left value.
    const reached = c.rows.find((r) => r.key === 'shop.householdsReached')!
    expect(reached).toMatchObject({ left: null, right: 1 })
    expect(c.rows.filter((r) => r.key === 'shop.visits')).toHaveLength(1)

    const years = await app.call('reports.compare', {
      left: { from: '2025-01-01', to: '2025-06-30', area: 'Zuid' },
      right: { ...PERIOD, area: 'Zuid' },
    })
    expect(years.rows.find((r) => r.key === 'shop.visits')).toMatchObject({ left: 0, right: 2 })
    const e = await rejection(
      app.call(
        'reports.compare',
        {
          left: { ...PERIOD, area: 'Zuid' },
          right: { ...PERIOD, area: 'Zuid' },
        },
        coordinator,
      ),
    )
    expect(e.code).toBe('FORBIDDEN')
  })

  it("gives coordinators the team's figures for this year so far, and not the counter", async () => {
    const d = await app.call('reports.dashboard', {}, coordinator)
    expect(d.period).toEqual({ from: '2026-01-01', to: '2026-07-15' })
    expect(d.lastYearPeriod).toEqual({ from: '2025-01-01', to: '2025-07-15' })
    expect(d.figures.find((f) => f.key === 'shop.visits')?.value).toBe(7)
    const zuid = await app.call('reports.dashboard', { area: 'Leusden' }, coordinator)
    expect(zuid.figures.find((f) => f.key === 'shop.visits')?.value).toBe(2)
    // Counts only: nothing of the report's texts comes along.
    expect(Object.keys(d).sort()).toEqual(
      ['area', 'definitions', 'figures', 'generatedAt', 'lastYearPeriod', 'period'].sort(),
    )
    expect((await rejection(app.call('reports.dashboard', {}, counter))).code).toBe('FORBIDDEN')
  })
})
