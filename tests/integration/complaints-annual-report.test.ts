import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'
import { pagesAsPng } from '../helpers/pdf-pages'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodInput } from '../../src/shared/api'

let app: TestApp
let coordinator: Caller
let cats: Record<string, number>
let householdId: number

// The report is asked for on 20 January 2027, for 2026.
beforeEach(async () => {
  app = await createTestApp('2027-01-20T10:00:00Z')
  coordinator = await app.loginAs('coordinator', 'carla')
  cats = Object.fromEntries(
    (await app.call('complaints.categories', {}, coordinator)).map((c) => [c.name, c.id]),
  )
  householdId = await addHousehold(app, 'Familie Yilmaz')
})
afterEach(async () => app.close())

const flat = (text: string): string => text.replace(/\s+/g, ' ')

async function make(
  receivedOn: string,
  channel: MethodInput<'complaints.create'>['channel'],
  category: string,
  over: Partial<MethodInput<'complaints.create'>> = {},
): Promise<number> {
  const c = await app.call(
    'complaints.create',
    {
      receivedOn,
      channel,
      complainantKind: 'household',
      householdId,
      aboutKind: 'service',
      categoryId: cats[category]!,
      description: `Klacht van ${receivedOn}: Familie Yilmaz werd niet geholpen.`,
      ...over,
    },
    coordinator,
  )
  return c.id
}

const call = <M extends Parameters<TestApp['call']>[0]>(m: M, input: MethodInput<M>) =>
  app.call(m, input, coordinator)

/**
 * The hand-counted year (terms: acknowledgement in 5 working days, decision in 6 weeks):
 * A 2 Feb 2026 e-mail, Bejegening, step 1; acknowledged 4 Feb (due 9 Feb: in time); decided
 *   2 Mar, mediated (due 16 Mar: in time; 28 days); one measure, carried out.
 * B 2 Mar 2026 letter, Bejegening, escalated to step 3; acknowledged 12 Mar (due 9 Mar: late);
 *   extended 4 weeks on 1 Apr (due 13 Apr -> 11 May); advice 15 May; decided 20 May, founded
 *   (late; 79 days); two measures, one carried out.
 * C 1 Apr 2026 phone, Privacy, step 2 from the start; never acknowledged (due 10 Apr: Good Friday
 *   3 Apr and Easter Monday 6 Apr skipped; late); decided 30 Apr, unfounded (due 13 May: in time;
 *   29 days).
 * D 16 Nov 2026 in person, Bejegening, step 1; acknowledged 17 Nov; not decided (open at year end).
 * H 30 Dec 2026 e-mail, Overig, anonymous; never acknowledged (due 7 Jan 2027 after New Year and
 *   the weekend: passed by 20 Jan, so late); open at year end.
 * E 1 Dec 2025 form, Wachttijd; decided 5 Jan 2026, withdrawn (due 12 Jan: in time; 35 days):
 *   counts as decided in 2026, not as received.
 * F 2 Jun 2025, decided 20 Jun 2025; G 4 Jan 2027: outside 2026 altogether.
 */
async function handCountedYear(): Promise<Record<string, number>> {
  const A = await make('2026-02-02', 'email', 'Bejegening')
  await call('complaints.addEntry', { complaintId: A, kind: 'acknowledged', date: '2026-02-04' })
  const a = await call('complaints.decide', {
    complaintId: A,
    date: '2026-03-02',
    outcome: 'mediated',
    text: 'Opgelost in een gesprek met mevrouw Yilmaz',
    measures: [{ text: 'Werkoverleg over de bejegening van Familie Yilmaz' }],
  })
  await call('complaints.measureDone', { measureId: a.measures[0]!.id, doneOn: '2026-03-20' })

  const B = await make('2026-03-02', 'letter', 'Bejegening')
  await call('complaints.addEntry', { complaintId: B, kind: 'acknowledged', date: '2026-03-12' })
  await call('complaints.escalate', {
    complaintId: B,
    step: 3,
    date: '2026-03-20',
    text: 'Naar de commissie',
  })
  // An extension counts only when recorded before the term ends: record it on its day.
  app.clock.set('2026-04-01T10:00:00Z')
  await call('complaints.extend', {
    complaintId: B,
    weeks: 4,
    date: '2026-04-01',
    reason: 'Commissie komt later bijeen',
    withConsent: false,
  })
  app.clock.set('2027-01-20T10:00:00Z')
  // Months later the screen has locked itself: a colleague goes on.
  coordinator = await app.loginAs('coordinator', 'carla-verder')
  await call('complaints.addEntry', {
    complaintId: B,
    kind: 'advice',
    date: '2026-05-15',
    text: 'Gegrond',
  })
  const b = await call('complaints.decide', {
    complaintId: B,
    date: '2026-05-20',
    outcome: 'founded',
    text: 'Gegrond',
    measures: [{ text: 'Training' }, { text: 'Nieuw rooster' }],
  })
  await call('complaints.measureDone', { measureId: b.measures[0]!.id, doneOn: '2026-06-01' })

  const C = await make('2026-04-01', 'phone', 'Privacy', { step: 2 })
  await call('complaints.decide', {
    complaintId: C,
    date: '2026-04-30',
    outcome: 'unfounded',
    text: 'Niet gegrond',
  })

  const D = await make('2026-11-16', 'in_person', 'Bejegening')
  await call('complaints.addEntry', { complaintId: D, kind: 'acknowledged', date: '2026-11-17' })

  const H = await make('2026-12-30', 'email', 'Overig', {
    complainantKind: 'anonymous',
    householdId: null,
  })

  const E = await make('2025-12-01', 'form', 'Wachttijd')
  await call('complaints.decide', {
    complaintId: E,
    date: '2026-01-05',
    outcome: 'withdrawn',
    text: 'Ingetrokken door de klager',
  })

  const F = await make('2025-06-02', 'email', 'Bejegening')
  await call('complaints.decide', {
    complaintId: F,
    date: '2025-06-20',
    outcome: 'founded',
    text: 'Gegrond',
    measures: [{ text: 'Iets' }],
  })
  const G = await make('2027-01-04', 'email', 'Bejegening')
  return { A, B, C, D, E, F, G, H }
}

const EXPECTED_2026 = {
  year: 2026,
  received: 5,
  decided: 4,
  openAtYearEnd: 2,
  byCategory: [
    { name: 'Bejegening', count: 3 },
    { name: 'Kwaliteit van de dienstverlening', count: 0 },
    { name: 'Privacy', count: 1 },
    { name: 'Bereikbaarheid', count: 0 },
    { name: 'Wachttijd', count: 0 },
    { name: 'Overig', count: 1 },
  ],
  byStep: [
    { code: '1', count: 3 },
    { code: '2', count: 1 },
    { code: '3', count: 1 },
  ],
  byOutcome: [
    { code: 'founded', count: 1 },
    { code: 'partly_founded', count: 0 },
    { code: 'unfounded', count: 1 },
    { code: 'withdrawn', count: 1 },
    { code: 'mediated', count: 1 },
  ],
  byChannel: [
    { code: 'in_person', count: 1 },
    { code: 'letter', count: 1 },
    { code: 'email', count: 2 },
    { code: 'phone', count: 1 },
    { code: 'form', count: 0 },
  ],
  // 28, 79, 29 and 35 days: mean 171 / 4 = 42.75, median (29 + 35) / 2.
  handlingDays: { mean: 42.8, median: 32 },
  lateAcknowledgements: 3,
  lateDecisions: 1,
  extended: 1,
  committee: 1,
  measures: { taken: 3, carriedOut: 2, notCarriedOut: 1 },
  smallCellThreshold: 5,
}

describe('complaints.annualReport', () => {
  it('counts every figure of the year as counted by hand', async () => {
    await handCountedYear()
    const report = await call('complaints.annualReport', { year: 2026 })
    expect({
      ...report,
      byCategory: report.byCategory.map(({ name, count }) => ({ name, count })),
    }).toEqual(EXPECTED_2026)
    // The years around it hold only their own.
    const y2025 = await call('complaints.annualReport', { year: 2025 })
    expect(y2025).toMatchObject({ received: 2, decided: 1, openAtYearEnd: 1 })
    expect(y2025.handlingDays).toEqual({ mean: 18, median: 18 })
    const y2027 = await call('complaints.annualReport', { year: 2027 })
    expect(y2027).toMatchObject({ received: 1, decided: 0, openAtYearEnd: 1, lateDecisions: 0 })
    expect(y2027.handlingDays).toEqual({ mean: null, median: null })
  })

  it('stays the same, year by year, when complaints are anonymised', async () => {
    const ids = await handCountedYear()
    const years = [2025, 2026, 2027]
    const before = await Promise.all(years.map((year) => call('complaints.annualReport', { year })))
    for (const id of Object.values(ids))
      await app.call('retention.anonymise', { kind: 'complaint', id }, app.admin)
    const anonymised = app.open.sqlite
      .prepare('select count(*) as n from complaint where anonymised_at is not null')
      .get() as { n: number }
    expect(anonymised.n).toBe(Object.keys(ids).length)
    const after = await Promise.all(years.map((year) => call('complaints.annualReport', { year })))
    expect(after).toEqual(before)
  })

  it('holds no name and no text typed about a complaint', async () => {
    await handCountedYear()
    const json = JSON.stringify(await call('complaints.annualReport', { year: 2026 }))
    for (const words of ['Yilmaz', 'gesprek', 'Werkoverleg', 'Training', 'Gegrond', 'Carla'])
      expect(json, words).not.toContain(words)
  })

  it('makes the public PDF in the usual sections, small categories as "< 5"', async () => {
    await handCountedYear()
    const file = await call('complaints.annualReportPdf', { year: 2026 })
    expect(file.filename).toBe('jaarverslag-klachten-2026.pdf')
    const pdf = await downloaded(app, file, coordinator)
    expect(pdfTitle(pdf)).toBe('Jaarverslag klachten 2026')
    const text = flat(pdfText(pdf))
    for (const words of [
      'De klachtenregeling',
      'De klachtencommissie',
      'Aantal en aard van de klachten',
      'Uitkomsten',
      'Maatregelen',
      'Klachten ontvangen 5',
      'Klachten waarover is beslist 4',
      'Gemiddelde behandelduur (dagen) 42,8',
      'Mediane behandelduur (dagen) 32',
      'Ontvangst te laat bevestigd 3',
      'Te laat beslist 1',
      'Kwaliteit van de dienstverlening 0',
      'Genomen 3',
      'Uitgevoerd 2',
    ])
      expect(text, words).toContain(words)
    expect(text).toMatch(/Bejegening < ?5 /)
    expect(text).toMatch(/Privacy < ?5 /)
    expect(text).not.toMatch(/Bejegening 3 /)
    // The threshold holds for the channel, step and outcome tables too.
    expect(text).toMatch(/E-mail < ?5 /)
    expect(text).toMatch(/Opgelost door bemiddeling < ?5 /)
    expect(text).toMatch(/Stap 3: klachtencommissie < ?5 /)
    for (const words of ['Yilmaz', 'Werkoverleg']) expect(text).not.toContain(words)
    expect(pagesAsPng(pdf, 'annual-report-2026')).toBe(pdfPageCount(pdf))

    // With the threshold at 2 a category of 1 shows "< 2".
    await app.call('complaints.updateSettings', { smallCellThreshold: 2 }, app.admin)
    const lower = flat(
      pdfText(
        await downloaded(
          app,
          await call('complaints.annualReportPdf', { year: 2026 }),
          coordinator,
        ),
      ),
    )
    // ("< 2" can only mean 1, so beside the total the category of 3 is hidden as well.)
    expect(lower).toMatch(/Bejegening ≥ ?2 /)
    expect(lower).toMatch(/Privacy < ?2 /)
  })

  it('is audited as viewed and printed, about no one', async () => {
    await call('complaints.annualReport', { year: 2026 })
    await call('complaints.annualReportPdf', { year: 2026 })
    expect(
      app.open.sqlite
        .prepare(
          `select action, entity_type, entity_id, subject_kind from audit_log
           where entity_type = 'complaintsReport' order by id`,
        )
        .all(),
    ).toEqual([
      { action: 'view', entity_type: 'complaintsReport', entity_id: '2026', subject_kind: null },
      { action: 'print', entity_type: 'complaintsReport', entity_id: '2026', subject_kind: null },
    ])
  })

  it('refuses a year out of range at its field', async () => {
    const err = await rejection(call('complaints.annualReport', { year: 1999 }))
    expect(err.code).toBe('VALIDATION')
    expect(err.fields?.[0]).toMatchObject({ path: 'year', key: 'yearTooEarly' })
  })
})
