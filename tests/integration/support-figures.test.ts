import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import type { HelpRequestSaveInput } from '../../src/shared/schemas/support'

/**
 * The figures of informal carers, help requests and trainings (issue 16) on a fixture counted by
 * hand, in `volunteers.stats` and in the subsidy report (with last year and the definitions).
 * Period: 2026-01-01 .. 2026-06-30; last year: 2025-01-01 .. 2025-06-30; today 2026-07-15.
 *
 * Carers:
 * - A: woman, Noord, registered 2025-03-01 with load 5; load 3 on 2026-02-01 (lighter).
 * - B: man, Zuid, registered 2026-02-10 with load 4; 4 again on 2026-05-01 (same, overloaded).
 * - C: woman, Noord, registered 2026-04-01 with load 2; 5 on 2026-06-01 (heavier, overloaded).
 * - D: no gender or district, registered 2025-01-10, ended 2025-12-31 (gone before the period).
 * - E: woman, Noord, registered 2026-07-01 (after the period).
 * 2026: registered A B C = 3; new B C = 2 (woman 1, man 1; Noord 1, Zuid 1); load at
 * registration (5+4+2)/3 = 3.7, now (3+4+5)/3 = 4.0; lighter 1, same 1, heavier 1; overloaded 2.
 * 2025: registered A D = 2; new A D = 2.
 *
 * Requests (all Tuesday morning; volunteers V and W are there then; V takes R1, W takes R2 and,
 * after it ended, R5, since a running match holds its half-days):
 * - R1 Respijt, B asks, opened 2026-02-15, matched 2026-02-25 (10 days).
 * - R2 Maatje, a name only, opened 2026-03-01, matched 2026-03-21 (20 days), ended 2026-06-01.
 * - R3 Maatje, C asks, opened 2026-06-10, open.
 * - R4 Respijt, A asks, opened 2025-12-01, ended 2026-01-15 without a match.
 * - R5 Maatje, opened 2026-05-01 by a name only, matched 2026-07-05 (after the period).
 * 2026: opened 4 (Maatje 3, Respijt 1); matched 2 (1, 1); ended 2 (1, 1); open on 2026-06-30:
 * R3 R5 = 2 (Maatje 2); median days to a match (10, 20) = 15.
 * Noord only: opened R3 = 1; ended R4 = 1; open at the end R3 = 1; matched 0.
 *
 * Trainings:
 * - 2026-03-10: V completed (8), A not completed (6), the admin completed (no mark), 3 guests
 *   with marks 9 and 7.
 * - 2026-05-10: V completed (10), 2 guests without marks.
 * - 2025-04-01: V completed (5).
 * 2026: 2 sessions; trained: people 1 (V once), staff 1, guests 5 = 7; marks 8 6 9 7 10: mean 8.
 * 2025: 1 session; people 1; mean 5.
 */

let app: TestApp
const TUESDAY = [{ weekday: 2, part: 'morning' }] as const

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  const person = async (firstName: string, extra: Record<string, unknown> = {}) =>
    (
      await app.call('people.create', {
        firstName,
        lastName: 'Jansen',
        registeredOn: '2024-12-01',
        ...extra,
      })
    ).id
  const carer = async (
    personId: number,
    registeredOn: string,
    load: number,
    endedOn: string | null = null,
  ) =>
    app.call('carers.save', {
      personId,
      caresFor: 'een naaste',
      registeredOn,
      endedOn,
      consent: true,
      load,
    })
  const a = await person('Anna', { gender: 'female', district: 'Noord' })
  const b = await person('Bert', { gender: 'male', district: 'Zuid' })
  const c = await person('Cato', { gender: 'female', district: 'Noord' })
  const d = await person('Dirk')
  const e = await person('Eva', { gender: 'female', district: 'Noord' })
  await carer(a, '2025-03-01', 5)
  await app.call('carers.addLoad', { personId: a, measuredOn: '2026-02-01', load: 3 })
  await carer(b, '2026-02-10', 4)
  await app.call('carers.addLoad', { personId: b, measuredOn: '2026-05-01', load: 4 })
  await carer(c, '2026-04-01', 2)
  await app.call('carers.addLoad', { personId: c, measuredOn: '2026-06-01', load: 5 })
  await carer(d, '2025-01-10', 3, '2025-12-31')
  await carer(e, '2026-07-01', 3)

  const v = await person('Vera', { availability: [...TUESDAY] })
  // Vera's Tuesday morning is taken by R1 while it runs: Wim takes R2 and, once it ended, R5.
  const w = await person('Wim', { availability: [...TUESDAY] })
  const kinds = await app.call('helpRequests.kinds', {})
  const kind = (name: string) => kinds.find((k) => k.name === name)!.id
  const ask = (fields: Record<string, unknown>, openedOn: string) =>
    app.call('helpRequests.save', {
      asked: 'Hulp',
      halfDays: [...TUESDAY],
      openedOn,
      ...fields,
    } as HelpRequestSaveInput)
  const respite = kind('Respijt voor een mantelzorger')
  const buddy = kind('Maatje')
  const r1 = await ask({ kindId: respite, requesterKind: 'person', personId: b }, '2026-02-15')
  await app.call('helpRequests.match', { id: r1.id, personId: v, date: '2026-02-25' })
  const r2 = await ask(
    { kindId: buddy, requesterKind: 'contact', requesterName: 'Mevrouw de Wit' },
    '2026-03-01',
  )
  await app.call('helpRequests.match', { id: r2.id, personId: w, date: '2026-03-21' })
  await app.call('helpRequests.end', { id: r2.id, date: '2026-06-01' })
  await ask({ kindId: buddy, requesterKind: 'person', personId: c }, '2026-06-10')
  const r4 = await ask({ kindId: respite, requesterKind: 'person', personId: a }, '2025-12-01')
  await app.call('helpRequests.end', { id: r4.id, date: '2026-01-15' })
  const r5 = await ask(
    { kindId: buddy, requesterKind: 'contact', requesterName: 'Meneer Bos' },
    '2026-05-01',
  )
  await app.call('helpRequests.match', { id: r5.id, personId: w, date: '2026-07-05' })

  const course = await app.call('trainings.saveCourse', { title: 'Maatjescursus', active: true })
  const admin = (await app.call('trainings.staff', {}))[0].id
  const session = (
    date: string,
    participants: unknown[],
    externalCount: number,
    externalMarks: number[],
  ) =>
    app.call('trainings.saveSession', {
      courseId: course.id,
      date,
      externalCount,
      externalMarks,
      participants: participants as never,
    })
  await session(
    '2026-03-10',
    [
      { kind: 'person', id: v, completed: true, mark: 8 },
      { kind: 'person', id: a, completed: false, mark: 6 },
      { kind: 'account', id: admin, completed: true, mark: null },
    ],
    3,
    [9, 7],
  )
  await session('2026-05-10', [{ kind: 'person', id: v, completed: true, mark: 10 }], 2, [])
  await session('2025-04-01', [{ kind: 'person', id: v, completed: true, mark: 5 }], 0, [])
})
afterAll(async () => app?.close())

describe('support figures, counted by hand', () => {
  it('volunteers.stats gives every figure of the period', async () => {
    const s = await app.call('volunteers.stats', { from: '2026-01-01', to: '2026-06-30' })
    expect(s.support.carers).toEqual({
      registered: 3,
      new: 2,
      newByGender: { female: 1, male: 1, other: 0, unknown: 0 },
      newByDistrict: [
        { district: 'Noord', n: 1 },
        { district: 'Zuid', n: 1 },
      ],
      load: {
        n: 3,
        atRegistration: 3.7,
        now: 4,
        lighter: 1,
        same: 1,
        heavier: 1,
        overloadedNow: 2,
      },
    })
    const { byKind, ...requests } = s.support.helpRequests
    expect(requests).toEqual({
      opened: 4,
      matched: 2,
      ended: 2,
      openAtEnd: 2,
      daysToMatchMedian: 15,
    })
    const kind = (name: string) => byKind.find((k) => k.name === name)
    expect(kind('Maatje')).toMatchObject({ opened: 3, matched: 1, ended: 1, openAtEnd: 2 })
    expect(kind('Respijt voor een mantelzorger')).toMatchObject({
      opened: 1,
      matched: 1,
      ended: 1,
      openAtEnd: 0,
    })
    expect(s.support.trainings).toEqual({
      sessions: 2,
      people: 1,
      staff: 1,
      external: 5,
      marks: 5,
      meanMark: 8,
    })
  })

  it('counts an area by the district of who asks, and trainings for the whole organisation', async () => {
    const s = await app.call('volunteers.stats', {
      from: '2026-01-01',
      to: '2026-06-30',
      district: 'noord',
    })
    expect(s.support.carers).toMatchObject({ registered: 2, new: 1 })
    expect(s.support.helpRequests).toMatchObject({
      opened: 1,
      matched: 0,
      ended: 1,
      openAtEnd: 1,
      daysToMatchMedian: null,
    })
    expect(s.support.trainings.sessions).toBe(2)
  })

  it('the subsidy report shows each figure with last year and its definition', async () => {
    const r = await app.call('reports.subsidy', { from: '2026-01-01', to: '2026-06-30' })
    const fig = (key: string) => {
      const f = r.figures.find((x) => x.key === key)
      if (!f) throw new Error(`no figure ${key}`)
      return { value: f.value, lastYear: f.lastYear, section: f.section }
    }
    expect(fig('support.carersRegistered')).toEqual({ value: 3, lastYear: 2, section: 'support' })
    expect(fig('support.carersNew')).toMatchObject({ value: 2, lastYear: 2 })
    expect(fig('support.carersNew.gender.female')).toMatchObject({ value: 1, lastYear: 1 })
    expect(fig('support.carersNew.district.zuid')).toMatchObject({ value: 1 })
    expect(fig('support.loadAtRegistration')).toMatchObject({ value: 3.7, lastYear: 4 })
    expect(fig('support.loadNow')).toMatchObject({ value: 4 })
    expect(fig('support.loadChange.lighter')).toMatchObject({ value: 1 })
    expect(fig('support.overloaded')).toMatchObject({ value: 2 })
    expect(fig('support.requestsOpened')).toMatchObject({ value: 4, lastYear: 0 })
    expect(fig('support.requestsOpened.maatje')).toMatchObject({ value: 3 })
    expect(fig('support.requestsMatched')).toMatchObject({ value: 2 })
    expect(fig('support.requestsEnded')).toMatchObject({ value: 2 })
    expect(fig('support.requestsOpen')).toMatchObject({ value: 2 })
    expect(fig('support.daysToMatch')).toMatchObject({ value: 15, lastYear: null })
    expect(fig('support.trainingSessions')).toMatchObject({ value: 2, lastYear: 1 })
    expect(fig('support.trained')).toMatchObject({ value: 7, lastYear: 1 })
    expect(fig('support.trained.external')).toMatchObject({ value: 5, lastYear: 0 })
    expect(fig('support.meanMark')).toMatchObject({ value: 8, lastYear: 5 })
    // A target is set per figure, as for every other one: a mean mark of 8 against 10 is -20%;
    // a count of carers over half a year shows the year's target without a deviation.
    await app.call('reports.setTargets', {
      year: 2026,
      area: null,
      targets: [
        { key: 'support.meanMark', value: 10 },
        { key: 'support.carersRegistered', value: 5 },
      ],
    })
    const withTarget = await app.call('reports.subsidy', { from: '2026-01-01', to: '2026-06-30' })
    const target = (key: string) => withTarget.figures.find((x) => x.key === key)
    expect(target('support.meanMark')).toMatchObject({ value: 8, target: 10, deviation: -0.2 })
    expect(target('support.carersRegistered')).toMatchObject({
      value: 3,
      target: 5,
      deviation: null,
    })
    const defined = new Set(r.definitions.map((d) => d.key))
    for (const f of r.figures.filter((x) => x.section === 'support'))
      expect(defined.has(f.definitionKey), f.key).toBe(true)
  })
})
