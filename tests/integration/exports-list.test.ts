import ExcelJS from 'exceljs'
import { existsSync, readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MethodInput } from '../../src/shared/api'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { createTestApp, rejection, type TestApp } from '../helpers/db'
import { addHousehold, listIds } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { complaintFixture } from '../helpers/complaints'
import { volunteerFixture } from '../helpers/volunteers'
import { BATCH } from '../../src/main/domains/exports/lists'
import type { Job } from '../../src/main/workers/pool'

/*
 * exports.list on a small fixture (today 2026-06-15):
 *   households: "=SOM(A1) Jansen" (Zuid, 2 members), Karim Bakker (Noord), Sanne Visser (Noord,
 *   3 members of whom 2 children); visits: Visser 2026-02-10 (2 items) and 2026-05-12 (1),
 *   Jansen 2026-03-03 (1), Visser 2025-03-10 (1);
 *   the volunteers fixture's Sanne Bakker with a placement proposed at Gastvrouw and 6,5 hours
 *   in May; the complaints fixture's three complaints (open, decided, closed), whose
 *   description "Onvriendelijk behandeld aan de balie" must appear in no file;
 *   activities Naaiatelier (Noord, 2026-03-12, notes "geheime notitie") and Buurtmoestuin.
 */

let app: TestApp
let coordinator: Caller
let volunteer: Caller

type ListInput = MethodInput<'exports.list'>

async function fileOf(
  input: ListInput,
  caller?: Caller,
): Promise<{ filename: string; count: number; bytes: Buffer; mime: string }> {
  const made = await app.call('exports.list', input, caller ?? coordinator)
  return {
    filename: made.filename,
    count: made.count,
    mime: made.mime,
    bytes: await downloaded(app, made, caller ?? coordinator),
  }
}

/** The CSV's lines split into cells (no quoted `;` in this fixture but where tested). */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  return text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(';'))
}

async function xlsxRows(bytes: Buffer): Promise<ExcelJS.CellValue[][]> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]!
  const rows: ExcelJS.CellValue[][] = []
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)))
  return rows
}

beforeAll(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  const [category] = await listIds(app, 'category')
  const visser = await addHousehold(app, 'Sanne Visser', {
    district: 'Noord',
    members: [
      { firstName: 'Sanne', birthYear: 1988, gender: 'f' },
      { firstName: 'Noah', birthYear: 2016, gender: 'm' },
      { firstName: 'Lotte', birthYear: 2020, gender: 'f' },
    ],
  })
  const jansen = await addHousehold(app, '=SOM(A1) Jansen', {
    district: 'Zuid',
    members: [
      { firstName: 'Piet', birthYear: 1970, gender: 'm' },
      { firstName: 'Anna', birthYear: 1975, gender: 'f' },
    ],
  })
  await addHousehold(app, 'Karim Bakker', { district: 'Noord' })
  const visit = (householdId: number, date: string, count = 1): Promise<unknown> =>
    app.call('visits.register', {
      householdId,
      date,
      servedBy: 'Anja',
      items: [{ categoryId: category!, count }],
      note: 'geheime bezoeknotitie',
    })
  await visit(visser, '2026-02-10', 2)
  await visit(visser, '2026-05-12')
  await visit(jansen, '2026-03-03')
  await visit(visser, '2025-03-10')

  const v = await volunteerFixture(app, visser)
  await app.call('placements.propose', {
    personId: v.personId,
    vacancyId: v.vacancyId,
    date: '2026-06-01',
  })
  await app.call('hours.log', {
    entries: [{ personId: v.personId, placementId: null, month: '2026-05', hours: 6.5 }],
  })
  await complaintFixture(app, visser)
  await app.call('activities.create', {
    date: '2026-03-12',
    kind: 'collective',
    title: 'Naaiatelier',
    participants: 12,
    volunteers: 2,
    area: 'Noord',
    waitingList: 3,
    notes: 'geheime notitie',
  })
  await app.call('activities.create', {
    date: '2026-04-02',
    kind: 'initiative',
    title: 'Buurtmoestuin',
    participants: 8,
    volunteers: 1,
    area: null,
    waitingList: null,
  })
  coordinator = await app.loginAs('coordinator', 'coco')
  volunteer = await app.loginAs('volunteer', 'balie')
}, 60_000)

afterAll(async () => app?.close())

describe('exports.list: the lists a coordinator takes to a spreadsheet', () => {
  it('writes the households list as a Dutch CSV, formulas defused, in the list order', async () => {
    const file = await fileOf({ list: 'households', format: 'csv' })
    expect(file.filename).toBe('huishoudens-2026-06-15.csv')
    expect(file.mime).toContain('text/csv')
    expect(file.count).toBe(3)
    const rows = csvRows(file.bytes)
    expect(rows[0]!.slice(0, 3)).toEqual(['Nummer', 'Contactpersoon', 'Straat'])
    const name = rows[0]!.indexOf('Contactpersoon')
    // Ordered by contact name, as the screen; the formula comes out as text.
    expect(rows.slice(1).map((r) => r[name])).toEqual([
      "'=SOM(A1) Jansen",
      'Karim Bakker',
      'Sanne Visser',
    ])
    const visser = rows[3]!
    const col = (h: string): string => visser[rows[0]!.indexOf(h)]!
    expect(col('Wijk of kern')).toBe('Noord')
    expect(col('Gezinsleden')).toBe('3')
    expect(col('Kinderen (onder 18)')).toBe('2')
    expect(col('Laatste bezoek')).toBe('12-05-2026')
    expect(col('Status')).toBe('Actief')
  })

  it('applies the screen filters: the search words and the status', async () => {
    const found = await fileOf({ list: 'households', query: 'visser', format: 'csv' })
    expect(found.count).toBe(1)
    expect(csvRows(found.bytes)).toHaveLength(2)
    const inactive = await fileOf({ list: 'households', status: 'inactive', format: 'csv' })
    expect(inactive.count).toBe(0)
    expect(csvRows(inactive.bytes)).toHaveLength(1)
  })

  it('writes the visits of a period and district as .xlsx with real dates, no notes', async () => {
    const file = await fileOf({
      list: 'visits',
      from: '2026-01-01',
      to: '2026-12-31',
      district: 'noord',
    })
    expect(file.filename).toBe('bezoeken-2026-01-01-2026-12-31.xlsx')
    expect(file.count).toBe(2)
    const rows = await xlsxRows(file.bytes)
    expect(rows[0]).toEqual([
      'Datum',
      'Huishouden',
      'Contactpersoon',
      'Wijk of kern',
      'Op afspraak',
      'Artikelen',
      'Geholpen door',
    ])
    expect(rows[1]![0]).toEqual(new Date(Date.UTC(2026, 1, 10)))
    expect(rows.slice(1).map((r) => [r[2], r[5]])).toEqual([
      ['Sanne Visser', 2],
      ['Sanne Visser', 1],
    ])
    // The .xlsx is zipped: its cells are read back to look for the note.
    expect(JSON.stringify(rows)).not.toContain('geheime bezoeknotitie')
    const all = await fileOf({ list: 'visits', from: '2025-01-01', to: '2026-12-31' })
    expect(all.count).toBe(4)
  })

  it('writes people, placements and hours as their screens filter them', async () => {
    const people = await fileOf({ list: 'people', format: 'csv' })
    expect(people.count).toBe(1)
    const p = csvRows(people.bytes)
    expect(p[1]![p[0]!.indexOf('Achternaam')]).toBe('Bakker')
    expect(p[1]![p[0]!.indexOf('Intake op')]).toBe('15-03-2026')
    expect((await fileOf({ list: 'people', status: 'left' })).count).toBe(0)

    const placements = await fileOf({ list: 'placements', format: 'csv' })
    expect(placements.count).toBe(1)
    const pl = csvRows(placements.bytes)
    expect(pl[1]![pl[0]!.indexOf('Stap')]).toBe('Voorgesteld')
    expect(pl[1]![pl[0]!.indexOf('Vacature')]).toBe('Gastvrouw')
    expect((await fileOf({ list: 'placements', scope: 'closed' })).count).toBe(0)

    const hours = await fileOf({ list: 'hours', month: '2026-05', format: 'csv' })
    expect(hours.filename).toBe('uren-2026-05.csv')
    expect(hours.count).toBe(1)
    const h = csvRows(hours.bytes)
    expect(h[1]![h[0]!.indexOf('Uren')]).toBe('6,5')
    expect(h[1]![h[0]!.indexOf('Maand')]).toBe('mei 2026')
    expect((await fileOf({ list: 'hours', month: '2026-05', query: 'niemand' })).count).toBe(0)
  })

  it('writes complaints without any free text or complainant', async () => {
    const all = await fileOf({ list: 'complaints', state: 'all', format: 'csv' })
    expect(all.count).toBe(3)
    const text = all.bytes.toString('utf8')
    expect(text).not.toContain('Onvriendelijk')
    expect(text).not.toContain('Opgelost in een gesprek')
    expect(text).not.toContain('Visser')
    const rows = csvRows(all.bytes)
    const outcome = rows[0]!.indexOf('Uitkomst')
    expect(
      rows
        .slice(1)
        .map((r) => r[outcome])
        .sort(),
    ).toEqual(['', 'Ongegrond', 'Opgelost door bemiddeling'])
    expect((await fileOf({ list: 'complaints', state: 'open' })).count).toBe(2)
    expect((await fileOf({ list: 'complaints', state: 'closed' })).count).toBe(1)
  })

  it('writes the activities of a period without their notes, in English on request', async () => {
    const file = await fileOf({
      list: 'activities',
      from: '2026-01-01',
      to: '2026-12-31',
      format: 'csv',
      language: 'en',
    })
    expect(file.filename).toBe('activities-2026-01-01-2026-12-31.csv')
    const rows = csvRows(file.bytes)
    expect(rows[0]).toEqual([
      'Date',
      'Kind',
      'Title',
      'Participants',
      'Volunteers',
      'District or village',
      'Waiting list',
    ])
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ["Residents' initiative", 'Buurtmoestuin', '8'],
      ['Collective activity', 'Naaiatelier', '12'],
    ])
    expect(file.bytes.toString('utf8')).not.toContain('geheime notitie')
    const noord = await fileOf({
      list: 'activities',
      from: '2026-01-01',
      to: '2026-12-31',
      area: 'NOORD',
    })
    expect(noord.count).toBe(1)
  })

  it('logs every export with its list and number of rows, never the search words', async () => {
    const before = await app.open.db.selectFrom('auditLog').select('id').execute()
    await fileOf({ list: 'households', query: 'visser', format: 'csv' })
    const entries = await app.open.db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>', before.length ? Math.max(...before.map((b) => b.id)) : 0)
      .where('action', '=', 'export')
      .execute()
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ entityType: 'household', entityId: null })
    expect(JSON.stringify(entries[0])).not.toContain('visser')
    expect(entries[0]!.detail).toMatch(/1/)
  })

  it('lets only staff export, and the ticket only to the screen that asked', async () => {
    const refused = await rejection(
      app.call('exports.list', { list: 'households', format: 'csv' }, volunteer),
    )
    expect(refused.code).toBe('FORBIDDEN')
    const made = await app.call('exports.list', { list: 'households' }, coordinator)
    expect(await app.router.takeDownload(volunteer, made.ticket)).toBeNull()
    // The admin may export too.
    expect(
      (await fileOf({ list: 'activities', from: '2026-01-01', to: '2026-12-31' }, app.admin)).count,
    ).toBe(2)
  })

  it('refuses bad filters at their field and logs nothing', async () => {
    const count = async (): Promise<number> =>
      (await app.open.db.selectFrom('auditLog').select('id').execute()).length
    const before = await count()
    const wrongOrder = await rejection(
      app.call(
        'exports.list',
        { list: 'visits', from: '2026-02-01', to: '2026-01-01' },
        coordinator,
      ),
    )
    expect(wrongOrder.code).toBe('VALIDATION')
    expect(wrongOrder.fields?.map((f) => f.path)).toContain('to')
    const unknown = await rejection(
      app.call('exports.list', { list: 'passwords' } as unknown as ListInput, coordinator),
    )
    expect(unknown.code).toBe('VALIDATION')
    const badFormat = await rejection(
      app.call(
        'exports.list',
        { list: 'households', format: 'pdf' } as unknown as ListInput,
        coordinator,
      ),
    )
    expect(badFormat.fields?.map((f) => f.path)).toContain('format')
    expect(await count()).toBe(before)
  })
})

describe('a long list', () => {
  it('is written in a worker in batches that join without gaps or repeats', async () => {
    // More visits than two batches, straight into the table (the export only reads them), on
    // days that repeat so the order by day and id is tested at the batch edges.
    const [h] = await app.open.db.selectFrom('household').select('id').limit(1).execute()
    const extra = 2 * BATCH + 37
    const insert = app.open.sqlite.prepare(
      `insert into visit (household_id, appointment_id, date, served_by, note, created_at)
       values (?, null, ?, 'Bulk', null, '2026-06-15T10:00:00.000Z')`,
    )
    app.open.sqlite.transaction(() => {
      for (let i = 0; i < extra; i++) insert.run(h!.id, `2024-0${1 + (i % 9)}-15`)
    })()
    const seen: string[] = []
    let done = false
    const watching = (async () => {
      while (!done) {
        for (const j of app.vault.workers.jobs())
          if (j.labelKey === 'jobs.labels.listExport') seen.push(j.labelKey)
        await new Promise((r) => setTimeout(r, 1))
      }
    })()
    const file = await fileOf({
      list: 'visits',
      from: '2024-01-01',
      to: '2024-12-31',
      format: 'csv',
    }).finally(() => {
      done = true
    })
    await watching
    expect(seen.length).toBeGreaterThan(0)
    expect(file.count).toBe(extra)
    const rows = csvRows(file.bytes).slice(1)
    expect(rows).toHaveLength(extra)
    const days = rows.map((r) => r[0]!.split('-').reverse().join('-'))
    expect(days.every((d, i) => i === 0 || d >= days[i - 1]!)).toBe(true)
    expect(new Set(days).size).toBe(9)
    // Day by day: as many as were made on each.
    expect(days.filter((d) => d === '2024-01-15')).toHaveLength(Math.ceil(extra / 9))
  })

  it('leaves no file and logs no export when it is cancelled', async () => {
    const exports = (): number =>
      (
        app.open.sqlite
          .prepare(`select count(*) as n from audit_log where action = 'export'`)
          .get() as { n: number }
      ).n
    const dir = `${app.dir}/downloads`
    const files = (): string[] => (existsSync(dir) ? readdirSync(dir).sort() : [])
    const before = exports()
    const filesBefore = files()
    const running = app.call(
      'exports.list',
      { list: 'visits', from: '2024-01-01', to: '2024-12-31' },
      coordinator,
    )
    // Handled from the start: it rejects once stopped, maybe before the expectation below waits.
    running.catch(() => undefined)
    let job: Job | undefined
    while (!job) {
      job = app.vault.workers.jobs().find((j) => j.labelKey === 'jobs.labels.listExport')
      await new Promise((r) => setTimeout(r, 1))
    }
    expect(job.cancellable).toBe(true)
    await app.call('jobs.cancel', { id: job.id }, coordinator)
    await expect(running).rejects.toMatchObject({ code: 'CONFLICT', key: 'jobCancelled' })
    expect(exports()).toBe(before)
    // Only the files of earlier exports whose tickets nobody took are there: not a half one.
    expect(files()).toEqual(filesBefore)
  })
})
