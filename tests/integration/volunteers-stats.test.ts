import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import type { VolunteersStats } from '../../src/shared/schemas/volunteers-followup'
import { countVolunteersStats } from '../../src/main/domains/volunteers/stats-queries'

/*
 * volunteers.stats on a small fixture counted by hand. Period: 2026-01-01 .. 2026-06-30 (six
 * whole months); today 2026-07-15. Districts Noord, Zuid and none (''). Every expected value
 * below is worked out in the comments beside the rows, not by running the code.
 *
 * People (registered, intake, district, programme, outflow):
 *   P1 2025-11-01, 2026-01-10 (waits 70 days), Noord, Maatwerk
 *   P2 2026-02-01, 2026-02-12 (11 days), Noord, Maatwerk
 *   P3 2026-03-01, 2026-04-30 (60 days), Zuid, Samen Sterk
 *   P4 2026-05-01, no intake, Zuid, no programme
 *   P5 2025-06-01, 2025-07-01, Noord, Maatwerk, outflow paid_work 2026-03-15
 *   P6 2025-01-01, 2025-02-01, Zuid, Maatwerk, outflow dropped_out 2025-12-31 (before the period)
 *   P7 2026-07-01 (after the period), 2026-07-05, Noord, no programme
 *   P8 2026-06-30, 2026-06-30 (0 days), no district, Samen Sterk, outflow moved 2026-06-30
 *
 * registered (on or before `to`, no outflow before `from`): P1 P2 P3 P4 P5 P8 = 6
 *   (P6 left on 2025-12-31, P7 registered after `to`); Noord 3 (P1 P2 P5), Zuid 2 (P3 P4), '' 1
 * new registrations: P2 P3 P4 P8 = 4; Noord 1, Zuid 2, '' 1
 * intakes: P1 70, P2 11, P3 60, P8 0 = 4; sorted 0 11 60 70: median (11+60)/2 = 35.5,
 *   mean 141/4 = 35.25 -> 35.3. Noord: 70, 11 -> median 40.5, mean 40.5. Zuid: 60. '': 0.
 * outflow: paid_work 1 (P5, Noord), moved 1 (P8, ''), total 2 (P6's is in 2025)
 *
 * Placements:
 *   PL1 P1 trial 2026-01-15, placed 2026-02-01               -> started, active
 *   PL2 P5 placed 2025-09-01, ended 2026-03-15               -> active (ended in the period)
 *   PL3 P6 placed 2025-03-01, ended 2025-12-31               -> neither (ended before `from`)
 *   PL4 P3 trial 2026-05-01, placed 2026-06-01 (Zuid)        -> started, active
 *   PL5 P2 placed 2026-03-01, ended 2026-04-01               -> started, active
 *   PL6 P2 placed 2026-05-01                                 -> started, active
 *   PL7 P7 proposed 2026-07-02                               -> neither
 *   PL8 P4 trial 2026-07-01, trial ends 2026-07-25           -> neither (never placed)
 * placements started: 4 (Noord 3, Zuid 1); active: PL1 PL2 PL4 PL5 PL6 = 5 (Noord 4, Zuid 1)
 *
 * Hours (months wholly in the period: 2026-01 .. 2026-06, 6 months):
 *   P1 PL1 2026-01 10, 2026-02 12.5, 2026-06 8; P5 PL2 2026-02 20; P2 PL5 2026-03 6;
 *   P2 PL6 2026-05 4.25; P3 PL4 2026-06 16; P8 none 2026-06 3;
 *   outside: P1 none 2025-12 100, P1 PL1 2026-07 50
 * hours: 79.75 (Noord 60.75, Zuid 16, '' 3); FTE = 79.75 / (1400 x 6 / 12) = 79.75 / 700
 *   = 0.1139 -> 0.11 (Noord 0.0868 -> 0.09, Zuid 0.0229 -> 0.02, '' 0.0043 -> 0)
 *
 * Measurements (ladder setting on):
 *   P1 M1 2025-11-05 zrm11 finances 2, daytime 1, housing 3, ladder 1
 *      M2 2026-03-01 zrm11 finances 3, daytime 3, housing 3, ladder 3
 *      M3 2026-07-10 zrm11 finances 5 (after `to`: not the latest up to `to`)
 *      -> finances +1, daytime +2, housing 0, ladder +2
 *   P2 M4 2026-02-12 zrm13 finances 2, work_education 3, time_use 2, basic_adl 4,
 *         instrumental_adl 3 (on the 11: finances 2, daytime min(3,2) = 2, adl min(4,3) = 3)
 *      M5 2026-06-01 zrm11 finances 2, daytime 3, adl 2, ladder 2 (M4 has none)
 *      -> finances 0, daytime +1, adl -1; no ladder pair
 *   P3 M6 2026-04-30 zrm11 housing 2, mental_health 3, ladder 2
 *      M7 2026-04-30 (same day, recorded later) housing 1, mental_health 3, ladder 1
 *      -> housing -1, mental_health 0, ladder -1
 *   P5 M8 2025-07-01 finances 1, M9 2025-12-01 finances 2: no measurement in the period
 *   P4 M10 2026-05-10 finances 2: no earlier one
 * progress: finances n2 mean 0.5 up1 same1; daytime n2 mean 1.5 up2; housing n2 mean -0.5
 *   same1 down1; adl n1 mean -1 down1; mental_health n1 mean 0 same1; others n0 mean null.
 *   ladder n2 mean 0.5 up1 down1.
 *   Noord: finances n2 (0.5), daytime n2 (1.5), housing n1 (0), adl n1 (-1), ladder n1 (+2)
 *   Zuid: housing n1 (-1), mental_health n1 (0), ladder n1 (-1)
 *
 * Programmes (Maatwerk funded 25 a year -> 12.5 for six months; Samen Sterk none;
 * Eigen vrijwilligers active, no figures; Oud inactive, no figures -> not listed):
 *   Maatwerk: people P1 P2 P5 = 3, new P2 = 1, placed (people) P1 P2 = 2, outflow P5 = 1
 *   Samen Sterk: people P3 P8 = 2, new P3 P8 = 2, placed P3 = 1, outflow P8 = 1
 */

let app: TestApp
const FROM = '2026-01-01'
const TO = '2026-06-30'

async function fixture(): Promise<void> {
  const db = app.open.db
  const now = '2026-07-15T10:00:00.000Z'
  const programmes = await db.selectFrom('programme').select(['id', 'name']).execute()
  const prog = (name: string): number => programmes.find((p) => p.name === name)!.id
  await db
    .insertInto('programme')
    .values({ name: 'Oud', searchName: 'oud', active: 0, sort: 9, fundedPerYear: 10 })
    .execute()
  const host = await db
    .insertInto('partner')
    .values({
      name: 'Kringloop',
      searchName: 'kringloop',
      kind: 'other',
      active: 1,
      createdAt: now,
      updatedAt: now,
      isHost: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const vacancy = await db
    .insertInto('vacancy')
    .values({
      partnerId: host.id,
      title: 'Winkelhulp',
      searchTitle: 'winkelhulp',
      places: 5,
      active: 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const people: [
    string,
    string | null,
    string | null,
    number | null,
    string | null,
    string | null,
  ][] = [
    ['2025-11-01', '2026-01-10', 'Noord', prog('Maatwerk'), null, null],
    ['2026-02-01', '2026-02-12', 'Noord', prog('Maatwerk'), null, null],
    ['2026-03-01', '2026-04-30', 'Zuid', prog('Samen Sterk'), null, null],
    ['2026-05-01', null, 'Zuid', null, null, null],
    ['2025-06-01', '2025-07-01', 'Noord', prog('Maatwerk'), 'paid_work', '2026-03-15'],
    ['2025-01-01', '2025-02-01', 'Zuid', prog('Maatwerk'), 'dropped_out', '2025-12-31'],
    ['2026-07-01', '2026-07-05', 'Noord', null, null, null],
    ['2026-06-30', '2026-06-30', null, prog('Samen Sterk'), 'moved', '2026-06-30'],
  ]
  const P: number[] = [0]
  for (const [
    i,
    [registeredOn, intakeOn, district, programmeId, outflowKind, outflowOn],
  ] of people.entries()) {
    const { id } = await db
      .insertInto('person')
      .values({
        reference: `D-${String(i + 1).padStart(5, '0')}`,
        firstName: `Deelnemer${i + 1}`,
        lastName: 'Test',
        searchName: `deelnemer${i + 1} test`,
        district,
        registeredOn,
        intakeOn,
        programmeId,
        status: outflowOn ? 'left' : intakeOn ? 'active' : 'registered',
        outflowKind: outflowKind as 'paid_work' | null,
        outflowOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    P.push(id)
  }
  const placement = async (
    person: number,
    v: {
      step: string
      trialOn?: string
      trialEndsOn?: string
      placedOn?: string
      endedOn?: string
      proposedOn?: string
    },
  ): Promise<number> =>
    (
      await db
        .insertInto('placement')
        .values({
          personId: P[person],
          vacancyId: vacancy.id,
          step: v.step as 'placed',
          proposedOn: v.proposedOn ?? '2025-01-01',
          trialOn: v.trialOn ?? null,
          trialEndsOn: v.trialEndsOn ?? null,
          placedOn: v.placedOn ?? null,
          endedOn: v.endedOn ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const PL1 = await placement(1, { step: 'placed', trialOn: '2026-01-15', placedOn: '2026-02-01' })
  const PL2 = await placement(5, { step: 'ended', placedOn: '2025-09-01', endedOn: '2026-03-15' })
  await placement(6, { step: 'ended', placedOn: '2025-03-01', endedOn: '2025-12-31' })
  const PL4 = await placement(3, { step: 'placed', trialOn: '2026-05-01', placedOn: '2026-06-01' })
  const PL5 = await placement(2, { step: 'ended', placedOn: '2026-03-01', endedOn: '2026-04-01' })
  const PL6 = await placement(2, { step: 'placed', placedOn: '2026-05-01' })
  await placement(7, { step: 'proposed', proposedOn: '2026-07-02' })
  await placement(4, { step: 'trial', trialOn: '2026-07-01', trialEndsOn: '2026-07-25' })

  const hours: [number, number | null, string, number][] = [
    [1, PL1, '2026-01', 10],
    [1, PL1, '2026-02', 12.5],
    [1, PL1, '2026-06', 8],
    [5, PL2, '2026-02', 20],
    [2, PL5, '2026-03', 6],
    [2, PL6, '2026-05', 4.25],
    [3, PL4, '2026-06', 16],
    [8, null, '2026-06', 3],
    [1, null, '2025-12', 100],
    [1, PL1, '2026-07', 50],
  ]
  for (const [person, placementId, month, h] of hours)
    await db
      .insertInto('volunteerHours')
      .values({ personId: P[person], placementId, month, hours: h, createdAt: now, updatedAt: now })
      .execute()

  // Through the API, as a coordinator records them (with the ladder setting on).
  const measure = async (
    person: number,
    measuredOn: string,
    version: 'zrm11' | 'zrm13',
    scores: Record<string, number>,
    ladder: number | null = null,
  ): Promise<void> => {
    await app.call('measurements.record', {
      personId: P[person],
      measuredOn,
      moment: 'reassessment',
      version,
      ladder,
      scores: Object.entries(scores).map(([domain, score]) => ({
        domain: domain as 'finances',
        score,
      })),
    })
  }
  await measure(1, '2025-11-05', 'zrm11', { finances: 2, daytime: 1, housing: 3 }, 1)
  await measure(1, '2026-03-01', 'zrm11', { finances: 3, daytime: 3, housing: 3 }, 3)
  await measure(1, '2026-07-10', 'zrm11', { finances: 5 })
  await measure(2, '2026-02-12', 'zrm13', {
    finances: 2,
    work_education: 3,
    time_use: 2,
    basic_adl: 4,
    instrumental_adl: 3,
  })
  await measure(2, '2026-06-01', 'zrm11', { finances: 2, daytime: 3, adl: 2 }, 2)
  await measure(3, '2026-04-30', 'zrm11', { housing: 2, mental_health: 3 }, 2)
  await measure(3, '2026-04-30', 'zrm11', { housing: 1, mental_health: 3 }, 1)
  await measure(5, '2025-07-01', 'zrm11', { finances: 1 })
  await measure(5, '2025-12-01', 'zrm11', { finances: 2 })
  await measure(4, '2026-05-10', 'zrm11', { finances: 2 })
}

const none = { n: 0, mean: null, up: 0, same: 0, down: 0 }

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  await app.call('measurements.updateSettings', { ladder: true })
  await fixture()
})

afterAll(async () => {
  await app.close()
})

describe('volunteers.stats on a hand-counted fixture', () => {
  let s: VolunteersStats
  beforeAll(async () => {
    s = await app.call('volunteers.stats', { from: FROM, to: TO })
  })

  it('counts people: registered, new, intakes with their waiting time, outflow per kind', () => {
    expect(s.registered).toBe(6)
    expect(s.newRegistrations).toBe(4)
    expect(s.intakes).toBe(4)
    expect(s.waitingMedian).toBe(35.5)
    expect(s.waitingMean).toBe(35.3)
    expect(s.outflow).toEqual({
      paid_work: 1,
      other_volunteer_work: 0,
      education: 0,
      stopped: 0,
      dropped_out: 0,
      moved: 1,
      other: 0,
    })
    expect(s.outflowTotal).toBe(2)
  })

  it('counts placements started and active', () => {
    expect(s.placementsStarted).toBe(4)
    expect(s.activePlacements).toBe(5)
  })

  it('adds the hours of the whole months and gives FTE with two decimals', () => {
    expect(s.months).toEqual({ first: '2026-01', last: '2026-06', count: 6 })
    expect(s.hours).toBe(79.75)
    expect(s.fte).toBe(0.11)
  })

  it('gives the progress per ZRM domain on the 11, with 2017 measurements mapped', () => {
    expect(s.progress.finances).toEqual({ n: 2, mean: 0.5, up: 1, same: 1, down: 0 })
    expect(s.progress.daytime).toEqual({ n: 2, mean: 1.5, up: 2, same: 0, down: 0 })
    expect(s.progress.housing).toEqual({ n: 2, mean: -0.5, up: 0, same: 1, down: 1 })
    expect(s.progress.adl).toEqual({ n: 1, mean: -1, up: 0, same: 0, down: 1 })
    expect(s.progress.mental_health).toEqual({ n: 1, mean: 0, up: 0, same: 1, down: 0 })
    for (const d of [
      'physical_health',
      'addiction',
      'social_network',
      'participation',
      'justice',
      'domestic_relations',
    ] as const)
      expect(s.progress[d]).toEqual(none)
    expect(s.ladder).toEqual({ n: 2, mean: 0.5, up: 1, same: 0, down: 1 })
  })

  it('sets each programme against its funded number', () => {
    expect(s.programmes).toEqual([
      expect.objectContaining({
        name: 'Maatwerk',
        fundedPerYear: 25,
        fundedForPeriod: 12.5,
        people: 3,
        new: 1,
        placed: 2,
        outflow: 1,
      }),
      expect.objectContaining({
        name: 'Samen Sterk',
        fundedPerYear: null,
        fundedForPeriod: null,
        people: 2,
        new: 2,
        placed: 1,
        outflow: 1,
      }),
      expect.objectContaining({
        name: 'Eigen vrijwilligers',
        people: 0,
        new: 0,
        placed: 0,
        outflow: 0,
      }),
    ])
  })

  it('counts the people without a programme in a row of their own, so the rows add up', () => {
    // P4 (Zuid, registered 2026-05-01, never placed); P7 registered after the period.
    expect(s.withoutProgramme).toEqual({ people: 1, new: 1, placed: 0, outflow: 0 })
    const rows = [...s.programmes, s.withoutProgramme]
    expect(rows.reduce((n, p) => n + p.people, 0)).toBe(s.registered)
    expect(rows.reduce((n, p) => n + p.new, 0)).toBe(s.newRegistrations)
    expect(rows.reduce((n, p) => n + p.outflow, 0)).toBe(s.outflowTotal)
    const zuid = s.byDistrict.find((d) => d.district === 'Zuid')!
    expect(zuid.withoutProgramme).toEqual({ people: 1, new: 1, placed: 0, outflow: 0 })
  })

  it('gives every figure per district, adding up to the totals', () => {
    expect(s.byDistrict.map((d) => d.district)).toEqual(['', 'Noord', 'Zuid'])
    const [none_, noord, zuid] = s.byDistrict
    expect(noord).toMatchObject({
      registered: 3,
      newRegistrations: 1,
      intakes: 2,
      waitingMedian: 40.5,
      waitingMean: 40.5,
      placementsStarted: 3,
      activePlacements: 4,
      outflowTotal: 1,
      hours: 60.75,
      fte: 0.09,
    })
    expect(noord.outflow.paid_work).toBe(1)
    expect(noord.progress.finances).toEqual({ n: 2, mean: 0.5, up: 1, same: 1, down: 0 })
    expect(noord.progress.daytime).toEqual({ n: 2, mean: 1.5, up: 2, same: 0, down: 0 })
    expect(noord.progress.housing).toEqual({ n: 1, mean: 0, up: 0, same: 1, down: 0 })
    expect(noord.progress.adl).toEqual({ n: 1, mean: -1, up: 0, same: 0, down: 1 })
    expect(noord.ladder).toEqual({ n: 1, mean: 2, up: 1, same: 0, down: 0 })
    expect(noord.programmes.find((p) => p.name === 'Maatwerk')).toMatchObject({
      people: 3,
      new: 1,
      placed: 2,
      outflow: 1,
    })
    expect(zuid).toMatchObject({
      registered: 2,
      newRegistrations: 2,
      intakes: 1,
      waitingMedian: 60,
      waitingMean: 60,
      placementsStarted: 1,
      activePlacements: 1,
      outflowTotal: 0,
      hours: 16,
      fte: 0.02,
    })
    expect(zuid.progress.housing).toEqual({ n: 1, mean: -1, up: 0, same: 0, down: 1 })
    expect(zuid.progress.mental_health).toEqual({ n: 1, mean: 0, up: 0, same: 1, down: 0 })
    expect(zuid.ladder).toEqual({ n: 1, mean: -1, up: 0, same: 0, down: 1 })
    expect(zuid.programmes.find((p) => p.name === 'Samen Sterk')).toMatchObject({
      people: 1,
      new: 1,
      placed: 1,
      outflow: 0,
    })
    expect(none_).toMatchObject({
      registered: 1,
      newRegistrations: 1,
      intakes: 1,
      waitingMedian: 0,
      waitingMean: 0,
      placementsStarted: 0,
      activePlacements: 0,
      outflowTotal: 1,
      hours: 3,
      fte: 0,
    })
    expect(none_.outflow.moved).toBe(1)
  })

  it('narrows to one district typed in any case', async () => {
    const z = await app.call('volunteers.stats', { from: FROM, to: TO, district: 'zuid' })
    expect(z.district).toBe('zuid')
    expect(z.byDistrict.map((d) => d.district)).toEqual(['Zuid'])
    expect(z).toMatchObject({
      registered: 2,
      newRegistrations: 2,
      intakes: 1,
      hours: 16,
      activePlacements: 1,
    })
    expect(z.waitingMedian).toBe(60)
  })

  it('counts only the months lying wholly in a period that starts mid-month', async () => {
    // 2026-01-15 .. 2026-06-30: February to June, 5 months; January's 10 hours drop out.
    const p = await app.call('volunteers.stats', { from: '2026-01-15', to: TO })
    expect(p.months).toEqual({ first: '2026-02', last: '2026-06', count: 5 })
    expect(p.hours).toBe(69.75)
    // 69.75 / (1400 x 5 / 12) = 69.75 / 583.33 = 0.1196 -> 0.12
    expect(p.fte).toBe(0.12)
    // Maatwerk 25 x 5 / 12 = 10.42 -> 10.4
    expect(p.programmes[0].fundedForPeriod).toBe(10.4)
    // A period within one month has no whole month: no hours, no FTE.
    const q = await app.call('volunteers.stats', { from: '2026-03-02', to: '2026-03-30' })
    expect(q.months.count).toBe(0)
    expect(q.hours).toBe(0)
    expect(q.fte).toBeNull()
  })

  it('leaves the ladder out while its setting is off', async () => {
    await app.call('measurements.updateSettings', { ladder: false })
    const off = await app.call('volunteers.stats', { from: FROM, to: TO })
    expect(off.ladder).toBeNull()
    expect(off.progress.finances.n).toBe(2)
    await app.call('measurements.updateSettings', { ladder: true })
  })

  it('gives empty figures for a period without anything, not an error', async () => {
    const e = await app.call('volunteers.stats', { from: '2001-01-01', to: '2001-12-31' })
    expect(e).toMatchObject({
      registered: 0,
      intakes: 0,
      waitingMedian: null,
      waitingMean: null,
      hours: 0,
      fte: 0,
    })
    expect(e.byDistrict).toEqual([])
  })

  it('refuses a period that ends before it starts, at the field', async () => {
    const err = await rejection(app.call('volunteers.stats', { from: TO, to: FROM }))
    expect(err.code).toBe('VALIDATION')
    expect(err.fields).toEqual([{ path: 'to', key: 'periodOrder' }])
  })

  it('is staff only: a volunteer gets FORBIDDEN from main', async () => {
    const volunteer = await app.loginAs('volunteer')
    const err = await rejection(app.call('volunteers.stats', { from: FROM, to: TO }, volunteer))
    expect(err.code).toBe('FORBIDDEN')
  })

  it('counts a period over a year in a worker, to the same figures', async () => {
    // Two years: counted off main's thread; the figures of 2026 H1 are in it.
    const long = await app.call('volunteers.stats', { from: '2025-01-01', to: '2026-12-31' })
    // 2025-2026: registered P1..P8 but none gone before 2025 = 8; new = 8 (all registered in it)
    expect(long.registered).toBe(8)
    expect(long.newRegistrations).toBe(8)
    // hours: every row lies in 2025-2026: 79.75 + 100 + 50 = 229.75
    expect(long.hours).toBe(229.75)
  })

  it('counts a year on main a statement at a time: other work gets turns in between', async () => {
    let turns = 0
    let counting = true
    const turn = (): void => {
      if (!counting) return
      turns++
      setImmediate(turn)
    }
    setImmediate(turn)
    const figures = await countVolunteersStats(
      app.open.db,
      { from: FROM, to: TO, district: null },
      new Date(),
    )
    counting = false
    expect(figures.registered).toBe(s.registered)
    // Seven statements: a turn of the event loop after each of the first six and before the sums.
    expect(turns).toBeGreaterThanOrEqual(7)
  })
})
