import { createHash } from 'node:crypto'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SubsidyFigure, SubsidyReport } from '../../src/shared/schemas/reports'
import { leaks } from '../../src/main/domains/reports/suppression'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, listIds, partnerIds } from '../helpers/fixtures'
import { downloaded, downloadedText } from '../helpers/downloads'

/*
 * reports.subsidy on a small fixture counted by hand. Today 2026-07-15. Period 2026-01-01 ..
 * 2026-06-30 (181 days of 365); last year 2025-01-01 .. 2025-06-30.
 *
 * Households (district; members as gender/birth year; visits with topics T1 T2 and referrals
 * to D1 D2):
 *   H1 Noord: f 1988, m 2016, f 2020; visits 2025-03-10 (D2), 2026-02-10 (D1, T1), 2026-05-12 (T1)
 *   H2 Zuid:  m 1970, f 1975;         visit  2026-03-03 (D1, T2)
 *   H3 Noord: m 1990, f 2010;         visit  2025-04-01 (D2)
 *
 * This period: reached H1 H2 = 2 (Noord 1, Zuid 1); new: H2 = 1 (H1 came first in 2025);
 *   visits 3; children: H1's 2016 (10) and 2020 (6) = 2; referrals D1 2 (total 2); topics T1 2,
 *   T2 1 (total 3); people 3 + 2 = 5, f 3 m 2 x 0, children 2 adults 3.
 * Last year: reached H1 H3 = 2 (Noord 2, Zuid 0); new: H1 H3 = 2; visits 2; children: H1's two
 *   (9, 5) and H3's 2010 (15) = 3; referrals D2 2 (total 2), D1 0; topics 0; people 3 + 2 = 5,
 *   f 3 m 2, children 3 adults 2.
 *
 * Activities: A1 2026-03-12 collective Noord, 12 participants, 2 volunteers, waiting list 3;
 *   A2 2026-04-02 initiative (no area), 8 participants, 1 volunteer; A3 2025-05-01 collective,
 *   20 participants. Advice tally: 2026-03-12 Noord 3, 2026-03-13 (no area) 2.
 * This period: information 5, self-organisation 1, collective 1, participants 20, volunteers 3,
 *   waiting list 3. Last year: information 0, self-organisation 0, collective 1, participants 20.
 * Area "noord" this period: reached 1, visits 2, collective 1, participants 12, information 3,
 *   self-organisation 0 (A2 has no area); last year reached 2 (H1 H3), visits 2, collective 0
 *   and participants 0 (A3 has no area).
 *
 * Targets 2026: shop.visits 8 (additive: 8 x 181/365 = 3.97 -> 4.0; 3 against 4 is -25%, more
 *   than 10%: needs an explanation), shop.householdsReached 2 (unique over half a year: shown
 *   for the whole year, not compared), volunteers.hours 120 (counted over the 6 whole months:
 *   120 x 6/12 = 60, not 120 x 181/365).
 */

const FROM = '2026-01-01'
const TO = '2026-06-30'

let app: TestApp
let report: SubsidyReport

function fig(r: SubsidyReport, key: string): SubsidyFigure {
  const f = r.figures.find((x) => x.key === key)
  if (!f) throw new Error(`no figure ${key}`)
  return f
}

function vals(r: SubsidyReport, key: string): [number | null, number | null] {
  const f = fig(r, key)
  return [f.value, f.lastYear]
}

beforeAll(async () => {
  app = await createTestApp('2026-07-15T10:00:00Z')
  const [t1, t2] = await listIds(app, 'topic')
  const [category] = await listIds(app, 'category')
  const [d1, d2] = await partnerIds(app)
  const h1 = await addHousehold(app, 'Sanne Visser', {
    district: 'Noord',
    members: [
      { firstName: 'Sanne', birthYear: 1988, gender: 'f' },
      { firstName: 'Noah', birthYear: 2016, gender: 'm' },
      { firstName: 'Lotte', birthYear: 2020, gender: 'f' },
    ],
  })
  const h2 = await addHousehold(app, 'Piet Jansen', {
    district: 'Zuid',
    members: [
      { firstName: 'Piet', birthYear: 1970, gender: 'm' },
      { firstName: 'Anna', birthYear: 1975, gender: 'f' },
    ],
  })
  const h3 = await addHousehold(app, 'Karim Bakker', {
    district: 'Noord',
    members: [
      { firstName: 'Karim', birthYear: 1990, gender: 'm' },
      { firstName: 'Yara', birthYear: 2010, gender: 'f' },
    ],
  })
  const visit = (
    householdId: number,
    date: string,
    topics: number[],
    referrals: number[],
  ): Promise<unknown> =>
    app.call('visits.register', {
      householdId,
      date,
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 1 }],
      topics,
      referrals: referrals.map((destinationId) => ({ destinationId })),
    })
  await visit(h1, '2025-03-10', [], [d2])
  await visit(h1, '2026-02-10', [t1], [d1])
  await visit(h1, '2026-05-12', [t1], [])
  await visit(h2, '2026-03-03', [t2], [d1])
  await visit(h3, '2025-04-01', [], [d2])

  const activity = {
    participants: 0,
    volunteers: 0,
    area: null,
    waitingList: null,
  }
  await app.call('activities.create', {
    ...activity,
    date: '2026-03-12',
    kind: 'collective',
    title: 'Naaiatelier',
    participants: 12,
    volunteers: 2,
    area: 'Noord',
    waitingList: 3,
  })
  await app.call('activities.create', {
    ...activity,
    date: '2026-04-02',
    kind: 'initiative',
    title: 'Buurtmoestuin',
    participants: 8,
    volunteers: 1,
  })
  await app.call('activities.create', {
    ...activity,
    date: '2025-05-01',
    kind: 'collective',
    title: 'Kledingbeurs',
    participants: 20,
  })
  await app.call('activities.addAdvice', { date: '2026-03-12', area: 'Noord', count: 3 })
  await app.call('activities.addAdvice', { date: '2026-03-13', count: 2 })
  await app.call('reports.setTargets', {
    year: 2026,
    targets: [
      { key: 'shop.visits', value: 8 },
      { key: 'shop.householdsReached', value: 2 },
      { key: 'volunteers.hours', value: 120 },
    ],
  })
  report = await app.call('reports.subsidy', { from: FROM, to: TO })
}, 60_000)

afterAll(async () => app?.close())

describe('reports.subsidy on a fixture counted by hand', () => {
  it('gives the shop figures beside last year', () => {
    expect(report.lastYearPeriod).toEqual({ from: '2025-01-01', to: '2025-06-30' })
    expect(vals(report, 'shop.householdsReached')).toEqual([2, 2])
    expect(vals(report, 'shop.newHouseholds')).toEqual([1, 2])
    expect(vals(report, 'shop.visits')).toEqual([3, 2])
    expect(vals(report, 'shop.childrenReached')).toEqual([2, 3])
    expect(vals(report, 'shop.intakes')).toEqual([0, 0])
    expect(vals(report, 'shop.noShowRate')).toEqual([null, null])
    expect(vals(report, 'shop.referrals')).toEqual([2, 2])
    const referrals = report.figures.filter((f) => f.partOf === 'shop.referrals')
    expect(referrals.map((f) => [f.value, f.lastYear])).toEqual([
      [2, 0],
      [0, 2],
    ])
    expect(vals(report, 'shop.topics')).toEqual([3, 0])
  })

  it('gives the interventions from the register and the tally', () => {
    expect(vals(report, 'interventions.information')).toEqual([5, 0])
    expect(vals(report, 'interventions.selfOrganisation')).toEqual([1, 0])
    expect(vals(report, 'interventions.collective')).toEqual([1, 1])
    expect(vals(report, 'interventions.individual')).toEqual([0, 0])
    expect(vals(report, 'interventions.participants')).toEqual([20, 20])
    expect(vals(report, 'interventions.volunteersInvolved')).toEqual([3, 0])
    expect(vals(report, 'interventions.waitingList')).toEqual([3, 0])
  })

  it('gives the demographics, whose rows add up to their totals', () => {
    expect(vals(report, 'demographics.householdsByDistrict.noord')).toEqual([1, 2])
    expect(vals(report, 'demographics.householdsByDistrict.zuid')).toEqual([1, 0])
    expect(vals(report, 'demographics.people')).toEqual([5, 5])
    expect(vals(report, 'demographics.people.gender.f')).toEqual([3, 3])
    expect(vals(report, 'demographics.people.gender.m')).toEqual([2, 2])
    expect(vals(report, 'demographics.people.gender.x')).toEqual([0, 0])
    expect(vals(report, 'demographics.people.age.children')).toEqual([2, 3])
    expect(vals(report, 'demographics.people.age.adults')).toEqual([3, 2])
    expect(vals(report, 'volunteers.registered')).toEqual([0, 0])
    expect(vals(report, 'complaints.received')).toEqual([0, 0])
  })

  it('compares with the targets, pro rata for an additive figure', () => {
    const visits = fig(report, 'shop.visits')
    expect(visits.targetBase).toBe(8)
    expect(visits.target).toBe(4)
    expect(visits.deviation).toBeCloseTo(-0.25, 6)
    expect(visits.needsExplanation).toBe(true)
    const reached = fig(report, 'shop.householdsReached')
    // Unique households over half a year are no half of the year's: shown, not compared.
    expect(reached.target).toBe(2)
    expect(reached.deviation).toBeNull()
    expect(reached.needsExplanation).toBe(false)
    const hours = fig(report, 'volunteers.hours')
    expect(hours.target).toBe(60)
    // No hours at all: -100%, which asks for an explanation as well.
    expect(hours.deviation).toBe(-1)
    expect(report.missingExplanations).toEqual(['shop.visits', 'volunteers.hours'])
    expect(report.subsidyYear).toBe(2026)
  })

  it('names the definition and version of every figure', () => {
    const keys = new Set(report.definitions.map((d) => d.key))
    for (const f of report.figures) expect(keys.has(f.definitionKey)).toBe(true)
    expect(report.definitions.every((d) => d.version >= 1 && d.text.nl && d.text.en)).toBe(true)
  })

  it('gives the months of the period for the charts', () => {
    expect(report.months.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ])
    expect(report.months.map((m) => m.visits)).toEqual([0, 1, 1, 0, 1, 0])
  })

  it('hides small cells, and one more where a total would give the hidden one away', () => {
    // Threshold 5 (the default): every count of people here is under it.
    expect(fig(report, 'shop.householdsReached').hidden).toEqual({ value: true, lastYear: true })
    expect(fig(report, 'shop.visits').hidden).toEqual({ value: false, lastYear: false })
    expect(leaks(report.figures)).toEqual([])
  })

  it('limits every figure but the complaints to an area', async () => {
    const noord = await app.call('reports.subsidy', { from: FROM, to: TO, area: 'noord' })
    expect(vals(noord, 'shop.householdsReached')).toEqual([1, 2])
    expect(vals(noord, 'shop.visits')).toEqual([2, 2])
    expect(vals(noord, 'interventions.collective')).toEqual([1, 0])
    expect(vals(noord, 'interventions.participants')).toEqual([12, 0])
    expect(vals(noord, 'interventions.information')).toEqual([3, 0])
    expect(vals(noord, 'interventions.selfOrganisation')).toEqual([0, 0])
    // Targets are per area: none set for Noord.
    expect(fig(noord, 'shop.visits').target).toBeNull()
  })
})

describe('the story, the explanations and the settings', () => {
  it('asks no explanation once one is saved, and keeps it with the figure', async () => {
    await app.call('reports.saveExplanation', {
      from: FROM,
      to: TO,
      key: 'shop.visits',
      text: 'De winkel was zes weken dicht voor een verbouwing.',
    })
    const r = await app.call('reports.subsidy', { from: FROM, to: TO })
    expect(r.missingExplanations).toEqual(['volunteers.hours'])
    expect(fig(r, 'shop.visits').explanation).toContain('verbouwing')
  })

  it("starts from an earlier period's story until this period has its own", async () => {
    await app.call('reports.saveNarrative', {
      from: '2025-01-01',
      to: '2025-06-30',
      section: 'shop',
      text: 'Vorig jaar kwamen er vooral gezinnen uit Noord.',
    })
    let r = await app.call('reports.subsidy', { from: FROM, to: TO })
    let shop = r.narratives.find((n) => n.section === 'shop')
    expect(shop).toEqual({
      section: 'shop',
      text: 'Vorig jaar kwamen er vooral gezinnen uit Noord.',
      carriedFrom: { from: '2025-01-01', to: '2025-06-30' },
    })
    await app.call('reports.saveNarrative', {
      from: FROM,
      to: TO,
      section: 'shop',
      text: 'Dit jaar ook uit Zuid.',
    })
    r = await app.call('reports.subsidy', { from: FROM, to: TO })
    shop = r.narratives.find((n) => n.section === 'shop')
    expect(shop).toEqual({ section: 'shop', text: 'Dit jaar ook uit Zuid.', carriedFrom: null })
    expect(r.narratives.find((n) => n.section === 'volunteers')?.text).toBe('')
  })

  it('hides the smallest other row when one row of a breakdown is under the threshold', async () => {
    await app.call('reports.updateSettings', { smallCellThreshold: 3, deviationPercent: 30 })
    const r = await app.call('reports.subsidy', { from: FROM, to: TO })
    // People 5: f 3, m 2 (under 3), x 0: m hidden, and f with it, or m = 5 - 3 - 0.
    expect(fig(r, 'demographics.people').hidden.value).toBe(false)
    expect(fig(r, 'demographics.people.gender.m').hidden.value).toBe(true)
    expect(fig(r, 'demographics.people.gender.f').hidden.value).toBe(true)
    expect(fig(r, 'demographics.people.gender.x').hidden.value).toBe(false)
    expect(leaks(r.figures)).toEqual([])
    // -25% is within 30%: no explanation asked.
    expect(fig(r, 'shop.visits').needsExplanation).toBe(false)
  })

  it('refuses a target for a figure the report does not have, changing nothing', async () => {
    const e = await rejection(
      app.call('reports.setTargets', {
        year: 2026,
        targets: [
          { key: 'shop.visits', value: 100 },
          { key: 'shop.nonsense', value: 1 },
        ],
      }),
    )
    expect(e.code).toBe('VALIDATION')
    const r = await app.call('reports.subsidy', { from: FROM, to: TO })
    expect(fig(r, 'shop.visits').targetBase).toBe(8)
  })
})

describe('who may see it', () => {
  it('is the admin’s; the activities register is also the coordinator’s', async () => {
    const coordinator = await app.loginAs('coordinator')
    const volunteer = await app.loginAs('volunteer')
    for (const caller of [coordinator, volunteer]) {
      const e = await rejection(app.call('reports.subsidy', { from: FROM, to: TO }, caller))
      expect(e.code).toBe('FORBIDDEN')
    }
    const listed = await app.call('activities.list', { from: FROM, to: TO }, coordinator)
    expect(listed.map((a) => a.title)).toEqual(['Buurtmoestuin', 'Naaiatelier'])
    const e = await rejection(app.call('activities.list', { from: FROM, to: TO }, volunteer))
    expect(e.code).toBe('FORBIDDEN')
  })
})

describe('files and frozen reports', () => {
  it('refuses to freeze while a deviation is not explained, then freezes as it is', async () => {
    await app.call('reports.updateSettings', { smallCellThreshold: 5, deviationPercent: 10 })
    await app.call('reports.saveExplanation', { from: FROM, to: TO, key: 'shop.visits', text: '' })
    const e = await rejection(app.call('reports.freeze', { from: FROM, to: TO }))
    expect(e.code).toBe('VALIDATION')
    expect(e.fields?.map((f) => f.path)).toEqual([
      'explanations.shop.visits',
      'explanations.volunteers.hours',
    ])
    expect(await app.call('reports.submissions', {})).toEqual([])
    await app.call('reports.saveExplanation', {
      from: FROM,
      to: TO,
      key: 'shop.visits',
      text: 'Zes weken dicht.',
    })
    await app.call('reports.saveExplanation', {
      from: FROM,
      to: TO,
      key: 'volunteers.hours',
      text: 'Het vrijwilligerswerk begon pas in juli.',
    })
    const made = await app.call('reports.freeze', { from: FROM, to: TO })
    expect(made).toMatchObject({ period: { from: FROM, to: TO }, area: null, language: 'nl' })
    expect(made.pdfSha256).toMatch(/^[0-9a-f]{64}$/)

    // The PDF handed out later is the one stored, byte for byte.
    const pdf = await downloaded(
      app,
      await app.call('reports.frozenFile', { id: made.id, format: 'pdf' }),
    )
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(made.pdfSha256)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

    // A visit registered late changes the figures now, not the frozen report; anonymising a
    // household changes neither.
    const [category] = await listIds(app, 'category')
    const h2 = (await app.call('households.search', { query: 'Piet Jansen' })).rows[0].id
    await app.call('visits.register', {
      householdId: h2,
      date: '2026-06-01',
      servedBy: 'Anja',
      items: [{ categoryId: category, count: 1 }],
    })
    const before = await app.call('reports.subsidy', { from: FROM, to: TO })
    const h3 = (await app.call('households.search', { query: 'Karim Bakker' })).rows[0].id
    const h1 = (await app.call('households.search', { query: 'Sanne Visser' })).rows[0].id
    for (const id of [h1, h3]) await app.call('retention.anonymise', { id })
    const after = await app.call('reports.subsidy', { from: FROM, to: TO })
    expect(after.figures.map((f) => [f.key, f.value, f.lastYear])).toEqual(
      before.figures.map((f) => [f.key, f.value, f.lastYear]),
    )
    const frozen = await app.call('reports.frozen', { id: made.id })
    expect(vals(frozen.report, 'shop.visits')).toEqual([3, 2])
    expect(frozen.manifest.files.map((f) => f.sha256)).toEqual([made.pdfSha256, made.figuresSha256])
    expect(frozen.differences).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'shop.visits', frozen: 3, now: 4 })]),
    )
    expect(frozen.differences.map((d) => d.key)).not.toContain('shop.householdsReached')
  }, 60_000)

  it('exports the figures as CSV, .xlsx and a ZIP with the PDF and the manifest', async () => {
    const csv = await downloadedText(
      app,
      await app.call('reports.subsidyFile', { from: FROM, to: TO, format: 'csv' }),
    )
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const lines = csv.slice(1).split('\r\n')
    const header = lines[0].split(';')
    const cell = (key: string, column: string): string | undefined =>
      lines.find((l) => l.startsWith(`${key};`))?.split(';')[header.indexOf(column)]
    expect(header.slice(0, 5)).toEqual([
      'Sleutel',
      'Onderdeel',
      'Omschrijving',
      'Waarde',
      'Vorig jaar',
    ])
    // The late visit counts now: 4 against 2 a year earlier.
    expect(cell('shop.visits', 'Waarde')).toBe('4')
    expect(cell('shop.visits', 'Vorig jaar')).toBe('2')
    // Households reached (2) is under 5: it leaves the organisation as "< 5".
    expect(cell('shop.householdsReached', 'Waarde')).toBe('< 5')

    const zip = unzipSync(
      new Uint8Array(
        await downloaded(
          app,
          await app.call('reports.subsidyFile', { from: FROM, to: TO, format: 'zip' }),
        ),
      ),
    )
    const names = Object.keys(zip)
    expect(names).toEqual(
      expect.arrayContaining(['cijfers.csv', 'manifest.json', 'shop.csv', 'complaints.csv']),
    )
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true)
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']))
    expect(manifest.period).toEqual({ from: FROM, to: TO })
    // The manifest names the PDF beside it with its SHA-256.
    const pdfName = names.find((n) => n.endsWith('.pdf')) as string
    expect(manifest.files).toEqual([
      { name: pdfName, sha256: createHash('sha256').update(zip[pdfName]).digest('hex') },
    ])

    const log = app.open.sqlite
      .prepare(
        "select action, fields from audit_log where entity_type in ('subsidyReport', 'reportSubmission') and action in ('export', 'print', 'create')",
      )
      .all() as { action: string; fields: string }[]
    expect(log.map((l) => l.action)).toEqual(['create', 'print', 'export', 'export'])
  }, 60_000)
})
