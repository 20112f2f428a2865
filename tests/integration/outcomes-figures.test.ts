import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSubsidyPdf } from '../../src/main/domains/reports/subsidy-pdf'
import { figuresTable } from '../../src/main/domains/reports/export-files'
import type { SubsidyReport } from '../../src/shared/schemas/reports'
import { createTestApp, type TestApp } from '../helpers/db'
import { addHousehold, listIds } from '../helpers/fixtures'
import { pdfText } from '../helpers/pdf'

/**
 * The outcome indicators (issue 17) on a fixture counted by hand, in the subsidy report with last
 * year, the definitions, the small-answer rule and the PDF. Period 2026-01-01 .. 2026-06-30; last
 * year 2025-01-01 .. 2025-06-30; today 2026-07-15. Programme "Maatwerk" (M).
 *
 * People (registered, intake, end):
 * - P1 Noord, M, 2025-10-01, 2025-11-01, paid work 2026-03-01 (120 days).
 * - P2 Zuid, M, 2026-01-05, 2026-01-25 (waited 20), dropped out 2026-04-25 (90 days).
 * - P3 Noord, no programme, 2026-02-01, 2026-03-03 (waited 30), other volunteer work 2026-06-01 (90).
 * - P4 Noord, M, 2026-03-01, 2026-03-11 (waited 10), still in.
 * - P5 Zuid, 2024-12-01, 2025-01-01, stopped 2025-05-01 (120).
 * - P6 registered 2026-07-01 (after the period).
 * 2026: ended 3 (P1 P2 P3), dropout 1/3; days 120 90 90: median 90, mean 100; M: ended 2, median
 * 105, intakes P2 P4: waiting median 15; no programme: ended 1 (90), intake P3: waiting 30.
 * 2025: ended P5: 1, dropout 0, median 120. Noord 2026: ended P1 P3 = 2.
 *
 * Goals: P1 realised 2026-02-20 and not realised 2026-03-01; P2 partly 2026-04-20 and one open;
 * P3 realised 2025-06-01. 2026: closed 3 (1 / 1 / 1), realised 1/3; 2025: closed 1, realised 1.
 *
 * Questionnaire (statements Q1 "serieus genomen", Q2 "sloot aan"):
 * - T1 P1 offered 2026-03-01, on screen that day: 8, Q1 4, Q2 5.
 * - T2 P2 offered 2026-04-25, never filled in.
 * - T3 P3 offered 2026-06-01, on paper 2026-06-10: 6, Q1 2.
 * - A1 after an activity in Zuid, 2026-03-12, 10 handed out, 5 entered 2026-03-20: 9 9 7 8 10,
 *   Q1 5 4 4 5 3.
 * - S1 after the shop, 2026-05-02, 4 handed out, 2 entered 2026-05-10: 5 and 7.
 * - S2 offered 2026-07-01, entered 2026-07-02: 3 (after the period).
 * - L P5 offered 2025-05-01, entered 2025-05-02: 7 (last year).
 * 2026: offered 1+1+1+10+4 = 17, entered 9: response 9/17; answers 9, mean 69/9 = 7.7; satisfied
 * (7+) 7/9; trajectory 2 (mean 7), activity 5 (8.6), service 2 (6); Q1 n 7, 27/7 = 3.9; Q2 n 1 (5).
 * 2025: answers 1, mean 7, response 1/1. Noord 2026: offered T1 T3 = 2, entered 2, mean 7.
 *
 * Safety signals: H1 (Noord) 2026-02-01 domestic violence (Veilig Thuis, Toegangsteam) and
 * 2026-03-01 child abuse (huisarts); P2 2026-04-01 acute need (Toegangsteam); H2 (Zuid)
 * 2025-11-01 neglect. 2026: subjects 2 (H1 P2); per kind 1 / 1 / 1; Toegangsteam 2, Veilig
 * Thuis 1, huisarts 1. Noord: 1.
 *
 * Since the start: households with a first visit by 2026-06-30: H1 (2025-03-10), H2 (2026-02-10)
 * = 2 (H3 first came 2026-07-10); by 2025-06-30: 1. People registered by 2026-06-30: P1-P5 = 5;
 * by 2025-06-30: P5 = 1.
 */

let app: TestApp
let dir: string
let q1: number
let q2: number

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-outcomes-'))
  const m = (await app.call('programmes.list', {})).find((p) => p.name === 'Maatwerk')!
  const person = async (
    firstName: string,
    fields: { registeredOn: string } & Record<string, unknown>,
  ) => (await app.call('people.create', { firstName, lastName: 'Smit', ...fields })).id
  const p1 = await person('Anna', {
    district: 'Noord',
    programmeId: m.id,
    registeredOn: '2025-10-01',
    intakeOn: '2025-11-01',
  })
  const p2 = await person('Bert', {
    district: 'Zuid',
    programmeId: m.id,
    registeredOn: '2026-01-05',
    intakeOn: '2026-01-25',
  })
  const p3 = await person('Cato', {
    district: 'Noord',
    registeredOn: '2026-02-01',
    intakeOn: '2026-03-03',
  })
  await person('Dirk', {
    district: 'Noord',
    programmeId: m.id,
    registeredOn: '2026-03-01',
    intakeOn: '2026-03-11',
  })
  const p5 = await person('Eva', {
    district: 'Zuid',
    registeredOn: '2024-12-01',
    intakeOn: '2025-01-01',
  })
  await person('Fenna', { registeredOn: '2026-07-01' })
  await app.call('people.setOutflow', { id: p1, kind: 'paid_work', on: '2026-03-01' })
  await app.call('people.setOutflow', { id: p2, kind: 'dropped_out', on: '2026-04-25' })
  await app.call('people.setOutflow', { id: p3, kind: 'other_volunteer_work', on: '2026-06-01' })
  await app.call('people.setOutflow', { id: p5, kind: 'stopped', on: '2025-05-01' })

  const goal = (text: string, status: string, closedOn: string | null) => ({
    text,
    status: status as 'open',
    closedOn,
  })
  await app.call('plans.update', {
    personId: p1,
    goals: [
      goal('Schulden op orde', 'realised', '2026-02-20'),
      goal('Nederlands oefenen', 'not_realised', '2026-03-01'),
    ],
  })
  await app.call('plans.update', {
    personId: p2,
    goals: [
      goal('Ritme in de week', 'partly_realised', '2026-04-20'),
      goal('Netwerk', 'open', null),
    ],
  })
  await app.call('plans.update', {
    personId: p3,
    goals: [goal('Vrijwilligersplek vinden', 'realised', '2025-06-01')],
  })

  const questions = await app.call('surveys.questions', {})
  q1 = questions.find((q) => q.text === 'Ik voelde me serieus genomen')!.id
  q2 = questions.find((q) => q.text === 'De hulp sloot aan bij wat ik nodig had')!.id
  const invite = (fields: Record<string, unknown>) =>
    app.call('surveys.invite', fields as never).then((i) => i.id)
  const answer = (
    inviteId: number,
    answeredOn: string,
    mark: number,
    answers: { questionId: number; score: number }[] = [],
    mode: 'screen' | 'paper' = 'paper',
  ) => app.call('surveys.answer', { inviteId, answeredOn, mark, answers, mode })
  const t1 = await invite({ occasion: 'trajectory', personId: p1, invitedOn: '2026-03-01' })
  await answer(
    t1,
    '2026-03-01',
    8,
    [
      { questionId: q1, score: 4 },
      { questionId: q2, score: 5 },
    ],
    'screen',
  )
  await invite({ occasion: 'trajectory', personId: p2, invitedOn: '2026-04-25' })
  const t3 = await invite({ occasion: 'trajectory', personId: p3, invitedOn: '2026-06-01' })
  await answer(t3, '2026-06-10', 6, [{ questionId: q1, score: 2 }])
  const activity = await app.call('activities.create', {
    date: '2026-03-12',
    kind: 'collective',
    title: 'Kookcafé',
    participants: 10,
    volunteers: 2,
    area: 'Zuid',
  })
  const a1 = await invite({
    occasion: 'activity',
    activityId: activity.id,
    invitedOn: '2026-03-12',
    invited: 10,
  })
  for (const [mark, score] of [
    [9, 5],
    [9, 4],
    [7, 4],
    [8, 5],
    [10, 3],
  ])
    await answer(a1, '2026-03-20', mark, [{ questionId: q1, score }])
  const s1 = await invite({
    occasion: 'service',
    about: 'Kledingwinkel',
    invitedOn: '2026-05-02',
    invited: 4,
  })
  await answer(s1, '2026-05-10', 5)
  await answer(s1, '2026-05-10', 7)
  const s2 = await invite({ occasion: 'service', about: 'Kledingwinkel', invitedOn: '2026-07-01' })
  await answer(s2, '2026-07-02', 3)
  const l = await invite({ occasion: 'trajectory', personId: p5, invitedOn: '2025-05-01' })
  await answer(l, '2025-05-02', 7)

  const [category] = await listIds(app, 'category')
  const h1 = await addHousehold(app, 'Huis Een', { district: 'Noord' })
  const h2 = await addHousehold(app, 'Huis Twee', { district: 'Zuid' })
  const h3 = await addHousehold(app, 'Huis Drie', { district: 'Noord' })
  for (const [householdId, date] of [
    [h1, '2025-03-10'],
    [h1, '2026-04-10'],
    [h2, '2026-02-10'],
    [h3, '2026-07-10'],
  ] as const)
    await app.call('visits.register', {
      householdId,
      date,
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 1 }],
    })
  const signal = (fields: Record<string, unknown>) => app.call('careSignals.save', fields as never)
  await signal({
    householdId: h1,
    signalledOn: '2026-02-01',
    kind: 'domestic_violence',
    discussedWith: ['veilig_thuis', 'access_team'],
    note: 'Zorgen na gesprek aan de balie',
  })
  await signal({
    householdId: h1,
    signalledOn: '2026-03-01',
    kind: 'child_abuse',
    discussedWith: ['gp'],
  })
  await signal({
    personId: p2,
    signalledOn: '2026-04-01',
    kind: 'acute_need',
    discussedWith: ['access_team'],
  })
  await signal({ householdId: h2, signalledOn: '2025-11-01', kind: 'neglect' })

  const story = (fields: Record<string, unknown>) =>
    app.call('stories.save', {
      about: 'resident',
      consentOn: '2026-05-01',
      ...fields,
    } as never)
  await story({
    section: 'outcomes',
    name: 'Mirjam',
    title: 'Weer grip',
    text: 'Mirjam kwam binnen met schulden en ging weg met een baan in de zorg.',
    toldOn: '2026-04-01',
  })
  await story({
    section: 'shop',
    about: 'volunteer',
    name: 'Kees',
    text: 'Kees sorteert elke dinsdag de kinderkleding.',
    toldOn: '2026-02-01',
    area: 'Zuid',
  })
  await story({
    section: 'shop',
    name: 'Oud',
    text: 'Een verhaal van vorig jaar.',
    toldOn: '2025-03-01',
    consentOn: '2025-03-01',
  })
})

afterAll(async () => {
  await app?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function figureOf(r: SubsidyReport) {
  return (key: string) => {
    const f = r.figures.find((x) => x.key === key)
    if (!f) throw new Error(`no figure ${key}`)
    return f
  }
}

describe('outcome indicators, counted by hand', () => {
  it('gives every figure of the period with last year, in its own section', async () => {
    const r = await app.call('reports.subsidy', { from: '2026-01-01', to: '2026-06-30' })
    const fig = figureOf(r)
    const v = (key: string) => ({ value: fig(key).value, lastYear: fig(key).lastYear })
    expect(fig('outcomes.responses').section).toBe('outcomes')
    expect(v('outcomes.responses')).toEqual({ value: 9, lastYear: 1 })
    expect(v('outcomes.responses.trajectory')).toEqual({ value: 2, lastYear: 1 })
    expect(v('outcomes.responses.activity')).toEqual({ value: 5, lastYear: 0 })
    expect(v('outcomes.responses.service')).toEqual({ value: 2, lastYear: 0 })
    expect(fig('outcomes.responseRate').value).toBeCloseTo(9 / 17, 10)
    expect(fig('outcomes.responseRate').lastYear).toBe(1)
    expect(v('outcomes.meanMark')).toEqual({ value: 7.7, lastYear: 7 })
    expect(v('outcomes.meanMark.trajectory')).toEqual({ value: 7, lastYear: 7 })
    expect(v('outcomes.meanMark.activity')).toEqual({ value: 8.6, lastYear: null })
    expect(v('outcomes.meanMark.service')).toEqual({ value: 6, lastYear: null })
    expect(fig('outcomes.satisfied').value).toBeCloseTo(7 / 9, 10)
    expect(v(`outcomes.statement.${q1}`)).toEqual({ value: 3.9, lastYear: null })
    expect(v(`outcomes.statement.${q2}`)).toEqual({ value: 5, lastYear: null })

    expect(v('outcomes.goalsClosed')).toEqual({ value: 3, lastYear: 1 })
    expect(v('outcomes.goalsClosed.realised')).toEqual({ value: 1, lastYear: 1 })
    expect(v('outcomes.goalsClosed.partly')).toEqual({ value: 1, lastYear: 0 })
    expect(v('outcomes.goalsClosed.not')).toEqual({ value: 1, lastYear: 0 })
    expect(fig('outcomes.goalsRealised').value).toBeCloseTo(1 / 3, 10)
    expect(fig('outcomes.goalsRealised').lastYear).toBe(1)

    expect(v('outcomes.trajectoriesEnded')).toEqual({ value: 3, lastYear: 1 })
    expect(fig('outcomes.dropout').value).toBeCloseTo(1 / 3, 10)
    expect(fig('outcomes.dropout').lastYear).toBe(0)
    expect(v('outcomes.trajectoryDaysMedian')).toEqual({ value: 90, lastYear: 120 })
    expect(v('outcomes.trajectoryDaysMean')).toEqual({ value: 100, lastYear: 120 })
    const programmes = await app.call('programmes.list', {})
    const mId = programmes.find((p) => p.name === 'Maatwerk')!.id
    expect(fig(`outcomes.trajectoryDaysMedian.${mId}`)).toMatchObject({
      value: 105,
      label: { nl: 'Doorlooptijd traject (mediaan): Maatwerk' },
    })
    expect(v('outcomes.trajectoryDaysMedian.none')).toEqual({ value: 90, lastYear: 120 })
    expect(v(`outcomes.waitingByProgramme.${mId}`)).toEqual({ value: 15, lastYear: null })
    expect(v('outcomes.waitingByProgramme.none')).toMatchObject({ value: 30 })

    expect(v('outcomes.careSignals')).toEqual({ value: 2, lastYear: 0 })
    expect(v('outcomes.careSignals.domestic_violence')).toMatchObject({ value: 1 })
    expect(v('outcomes.careSignals.child_abuse')).toMatchObject({ value: 1 })
    expect(v('outcomes.careSignals.acute_need')).toMatchObject({ value: 1 })
    expect(v('outcomes.careSignals.neglect')).toMatchObject({ value: 0 })
    expect(v('outcomes.careSignalParties.access_team')).toMatchObject({ value: 2 })
    expect(v('outcomes.careSignalParties.veilig_thuis')).toMatchObject({ value: 1 })
    expect(v('outcomes.careSignalParties.gp')).toMatchObject({ value: 1 })

    expect(v('outcomes.householdsSinceStart')).toEqual({ value: 2, lastYear: 1 })
    expect(v('outcomes.participantsSinceStart')).toEqual({ value: 5, lastYear: 1 })

    // Every new figure has its definition in words in the report.
    const defs = new Set(r.definitions.map((d) => d.key))
    for (const f of r.figures.filter((x) => x.section === 'outcomes'))
      expect(defs.has(f.definitionKey)).toBe(true)
  })

  it('counts an area by the district of the moment of asking and of the person', async () => {
    const r = await app.call('reports.subsidy', {
      from: '2026-01-01',
      to: '2026-06-30',
      area: 'noord',
    })
    const fig = figureOf(r)
    expect(fig('outcomes.responses').value).toBe(2)
    expect(fig('outcomes.responseRate').value).toBe(1)
    expect(fig('outcomes.meanMark').value).toBe(7)
    expect(fig('outcomes.goalsClosed').value).toBe(2)
    expect(fig('outcomes.trajectoriesEnded').value).toBe(2)
    expect(fig('outcomes.careSignals').value).toBe(1)
    // Kees's story is told for Zuid; Mirjam's for every area.
    expect(r.stories.map((s) => s.name)).toEqual(['Mirjam'])
  })

  it('never shows outside the organisation a mean of fewer than 5 answers', async () => {
    const r = await app.call('reports.subsidy', { from: '2026-01-01', to: '2026-06-30' })
    const fig = figureOf(r)
    // On screen (inside the organisation) every value is there; outside, the few-answer cells go.
    expect(fig('outcomes.meanMark').hidden.value).toBe(false)
    expect(fig('outcomes.meanMark').hidden.lastYear).toBe(true)
    expect(fig('outcomes.meanMark.activity').hidden.value).toBe(false)
    expect(fig('outcomes.meanMark.trajectory').hidden.value).toBe(true)
    expect(fig('outcomes.meanMark.service').hidden.value).toBe(true)
    expect(fig(`outcomes.statement.${q1}`).hidden.value).toBe(false)
    expect(fig(`outcomes.statement.${q2}`).hidden.value).toBe(true)
    expect(fig('outcomes.satisfied').hidden).toEqual({ value: false, lastYear: true })

    const csv = figuresTable(r, 'nl', 'outcomes')
    const row = (key: string) => csv.rows.find((x) => x.key === key)!
    expect(row(`outcomes.statement.${q2}`).value).toBe('n < 5')
    expect(row('outcomes.meanMark.service').value).toBe('n < 5')
    expect(row('outcomes.meanMark').value).toBe(7.7)

    const organisation = await app.call('organisation.get', {})
    const path = join(dir, 'outcomes.pdf')
    await writeSubsidyPdf({
      report: r,
      organisation,
      language: 'nl',
      printedAt: '2026-07-15T10:00:00Z',
      path,
    })
    // SHOTS=<folder> keeps the PDF to look at (pdftoppm).
    if (process.env.SHOTS) copyFileSync(path, join(process.env.SHOTS, 'outcomes-report.pdf'))
    const text = pdfText(readFileSync(path))
    expect(text).toContain('Resultaten en kwaliteit')
    expect(text).toMatch(/Stelling \(score 1-5\): De hulp sloot aan bij wat ik nodig\s+n\s?<\s?5/)
    expect(text).toContain('Gemiddelden en aandelen van minder dan 5 antwoorden')
    // The stories of the period, in their sections, with the name and day but no consent date.
    expect(text).toContain('Weer grip')
    expect(text).toContain('Mirjam kwam binnen met schulden')
    expect(text).toContain('Kees sorteert elke dinsdag')
    expect(text).not.toContain('Een verhaal van vorig jaar')
  })

  it('keeps the answers apart from who gave them', async () => {
    const cols = app.open.sqlite
      .prepare(`select name from pragma_table_info('survey_response')`)
      .all()
      .map((c) => (c as { name: string }).name)
    expect(cols.sort()).toEqual(['district', 'id', 'mark', 'mode', 'month', 'occasion'])
    const rows = app.open.sqlite
      .prepare('select id, mark from survey_response order by id')
      .all() as { id: number; mark: number }[]
    expect(rows).toHaveLength(11)
    // Ids are drawn at random, so the table's order is not the order the forms came in.
    const entered = [8, 6, 9, 9, 7, 8, 10, 5, 7, 3, 7]
    expect(rows.map((r) => r.mark)).not.toEqual(entered)
    expect(rows.map((r) => r.mark).sort()).toEqual([...entered].sort())
    expect(Math.max(...rows.map((r) => r.id))).toBeGreaterThan(1000)
    // The log names the invitation, never a response.
    const logged = app.open.sqlite
      .prepare(`select count(*) as n from audit_log where entity_type = 'surveyResponse'`)
      .get() as { n: number }
    expect(logged.n).toBe(0)
  })
})
