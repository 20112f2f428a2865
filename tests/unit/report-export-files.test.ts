import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import {
  figuresCsv,
  figuresTable,
  figuresXlsx,
  reportZip,
  sha256Hex,
} from '../../src/main/domains/reports/export-files'
import type { SubsidyFigure, SubsidyReport } from '../../src/shared/schemas/reports'

function figure(f: Partial<SubsidyFigure> & Pick<SubsidyFigure, 'key' | 'section'>): SubsidyFigure {
  return {
    label: { nl: f.key, en: f.key },
    definitionKey: f.key,
    version: 1,
    unit: 'count',
    partOf: null,
    value: null,
    lastYear: null,
    target: null,
    targetBase: null,
    deviation: null,
    needsExplanation: false,
    explanation: null,
    hidden: { value: false, lastYear: false },
    ...f,
  }
}

/** A value under the threshold that is hidden: it must appear in no export. */
const HIDDEN = 3

const report: SubsidyReport = {
  period: { from: '2024-01-01', to: '2024-12-31' },
  lastYearPeriod: { from: '2023-01-01', to: '2023-12-31' },
  area: 'Noord',
  subsidyYear: 2024,
  yearShare: 1,
  settings: { smallCellThreshold: 5, deviationPercent: 10 },
  figures: [
    figure({
      key: 'shop.visits',
      section: 'shop',
      label: { nl: 'Bezoeken', en: 'Visits' },
      version: 2,
      value: 1200,
      lastYear: 1100,
      target: 1000,
      targetBase: 1000,
      deviation: 0.2,
      needsExplanation: true,
      explanation: 'Meer aanmeldingen; "druk" jaar',
    }),
    figure({
      key: 'shop.households.new',
      section: 'shop',
      label: { nl: 'Nieuwe huishoudens', en: 'New households' },
      unit: 'people',
      value: HIDDEN,
      lastYear: 40,
      target: 50,
      deviation: (HIDDEN - 50) / 50,
      hidden: { value: true, lastYear: false },
    }),
    figure({
      key: 'volunteers.hours',
      section: 'volunteers',
      label: { nl: '=SUM(A1)', en: '=SUM(A1)' },
      unit: 'hours',
      value: 12.5,
    }),
    figure({
      key: 'volunteers.outflow.paid_work',
      section: 'volunteers',
      label: { nl: '@cmd', en: '@cmd' },
      unit: 'rate',
      value: 0.125,
      lastYear: 0.1,
      target: 0.2,
      deviation: -0.375,
    }),
    figure({
      key: 'demographics.under18',
      section: 'demographics',
      label: { nl: 'Jonger dan 18', en: 'Under 18' },
      unit: 'people',
      value: 40,
      lastYear: 4,
      hidden: { value: false, lastYear: true },
    }),
  ],
  definitions: [
    {
      key: 'shop.visits',
      version: 1,
      label: { nl: 'Bezoeken', en: 'Visits' },
      text: { nl: 'Oude telling', en: 'Old count' },
    },
    {
      key: 'shop.visits',
      version: 2,
      label: { nl: 'Bezoeken', en: 'Visits' },
      text: { nl: 'Elk bezoek aan de winkel; ook zonder boodschappen.', en: 'Every visit.' },
    },
  ],
  narratives: [],
  stories: [],
  months: [],
  missingExplanations: ['shop.visits'],
  generatedAt: '2025-01-15T09:30:00.000Z',
}

/** The CSV as rows of fields (the writer quotes only what needs it; enough for these figures). */
function csvRows(bytes: Buffer): string[][] {
  const text = bytes.subarray(3).toString('utf8')
  const rows: string[][] = []
  for (const line of text.split('\r\n').slice(0, -1)) {
    const fields: string[] = []
    for (const m of line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g))
      fields.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])
    rows.push(fields)
  }
  return rows
}

describe('the table of figures', () => {
  it('has a row per figure, in the language asked, with hidden cells as "< N"', () => {
    const table = figuresTable(report, 'nl')
    expect(table.columns.map((c) => c.header)).toEqual([
      'Sleutel',
      'Onderdeel',
      'Omschrijving',
      'Waarde',
      'Vorig jaar',
      'Streefwaarde',
      'Afwijking van streefwaarde',
      'Eenheid',
      'Definitie',
      'Versie definitie',
      'Wat telt mee',
      'Toelichting',
    ])
    expect(figuresTable(report, 'en').columns[3].header).toBe('Value')
    expect(table.rows.map((r) => r.key)).toEqual(report.figures.map((f) => f.key))
    expect(table.rows[0]).toMatchObject({
      section: 'Winkel',
      label: 'Bezoeken',
      value: 1200,
      definitionKey: 'shop.visits',
      definitionVersion: 2,
      // The definition of the figure's own version.
      definition: 'Elk bezoek aan de winkel; ook zonder boodschappen.',
    })
    expect(table.rows[1]).toMatchObject({ value: '< 5', lastYear: 40, deviation: 'niet getoond' })
    expect(table.rows[4]).toMatchObject({ value: 40, lastYear: '< 5' })
    expect(figuresTable(report, 'en').rows[1]).toMatchObject({ label: 'New households' })
  })

  it('holds one section when asked', () => {
    expect(figuresTable(report, 'nl', 'volunteers').rows.map((r) => r.key)).toEqual([
      'volunteers.hours',
      'volunteers.outflow.paid_work',
    ])
    expect(figuresTable(report, 'nl', 'complaints').rows).toEqual([])
  })
})

describe('the CSV of the figures', () => {
  it('is UTF-8 with a BOM and ;, Dutch numbers, defused labels, and no hidden number', () => {
    const bytes = figuresCsv(report, 'nl')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFSleutel;Onderdeel;Omschrijving;Waarde;Vorig jaar;Streefwaarde;Afwijking van streefwaarde;Eenheid;' +
        'Definitie;Versie definitie;Wat telt mee;Toelichting',
    )
    const rows = csvRows(bytes)
    expect(rows).toHaveLength(1 + report.figures.length)
    for (const row of rows) expect(row).toHaveLength(12)
    const byKey = new Map(rows.map((r) => [r[0], r]))
    expect(byKey.get('shop.visits')!.slice(3, 7)).toEqual(['1200', '1100', '1000', '20%'])
    expect(byKey.get('shop.visits')![11]).toBe('Meer aanmeldingen; "druk" jaar')
    expect(byKey.get('volunteers.hours')!.slice(2, 7)).toEqual(["'=SUM(A1)", '12,5', '', '', ''])
    expect(byKey.get('volunteers.outflow.paid_work')!.slice(2, 7)).toEqual([
      "'@cmd",
      '12,5%',
      '10%',
      '20%',
      '-37,5%',
    ])
    const hidden = byKey.get('shop.households.new')!
    expect(hidden.slice(3, 7)).toEqual(['< 5', '40', '50', 'niet getoond'])
    expect(byKey.get('demographics.under18')!.slice(3, 5)).toEqual(['40', '< 5'])
    // Neither the hidden number nor the deviation that gives it back is anywhere in the row.
    expect(hidden.filter((f) => f === String(HIDDEN) || f.startsWith('-94'))).toEqual([])
    expect(text).not.toContain('-94')
    expect(text).toContain(';12,5;')
  })

  it('has English headers and words in English', () => {
    const text = figuresCsv(report, 'en').toString('utf8')
    expect(text.startsWith('\uFEFFKey;Section;Description;Value;Last year;Target;')).toBe(true)
    expect(text).toContain('shop.households.new;Shop;New households;< 5;40;50;not shown;people;')
  })
})

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  // exceljs types its Buffer as an ArrayBuffer, which Node's Buffer<ArrayBufferLike> is not.
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0])
  return workbook
}

describe('the XLSX of the figures', () => {
  it('has the figures as numbers, hidden cells as "< 5", no formula, and a sheet of notes', async () => {
    const buffer = await figuresXlsx(report, 'nl')
    const workbook = await load(buffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cijfers', 'Toelichting'])
    const sheet = workbook.getWorksheet('Cijfers')!
    expect(sheet.getRow(1).getCell(4).value).toBe('Waarde')
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const row = (key: string): ExcelJS.Row => {
      for (let r = 2; r <= sheet.rowCount; r++)
        if (sheet.getRow(r).getCell(1).value === key) return sheet.getRow(r)
      throw new Error(key)
    }
    const visits = row('shop.visits')
    expect([4, 5, 6, 7].map((c) => visits.getCell(c).value)).toEqual([1200, 1100, 1000, 0.2])
    expect(visits.getCell(4).numFmt).toBe('0')
    expect(visits.getCell(7).numFmt).toBe('0.0%')
    expect(visits.getCell(10).value).toBe(2)
    const hours = row('volunteers.hours')
    expect(hours.getCell(3).value).toBe('=SUM(A1)')
    expect(hours.getCell(4).value).toBe(12.5)
    expect(hours.getCell(4).numFmt).toBe('0.0')
    expect(hours.getCell(5).value).toBe(null)
    const share = row('volunteers.outflow.paid_work')
    expect(share.getCell(3).value).toBe('@cmd')
    expect(share.getCell(4).value).toBe(0.125)
    expect(share.getCell(4).numFmt).toBe('0.0%')
    const hidden = row('shop.households.new')
    expect([4, 5, 6, 7].map((c) => hidden.getCell(c).value)).toEqual([
      '< 5',
      40,
      50,
      'niet getoond',
    ])
    expect(row('demographics.under18').getCell(5).value).toBe('< 5')

    const cells: ExcelJS.Cell[] = []
    workbook.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(c))))
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([])
    expect(cells.filter((c) => c.value === HIDDEN)).toEqual([])
    // Nor in the file itself: no number cell (a text cell's <v> is its index among the strings)
    // holds 3 or the deviation -0.94.
    const xml = strFromU8(unzipSync(buffer)['xl/worksheets/sheet1.xml'])
    expect(xml).toMatch(/<c r="D\d+" s="\d+"><v>1200<\/v>/)
    expect(xml).not.toMatch(/<c r="[A-Z]+\d+"(?: s="\d+")?><v>(?:3|-0\.94)<\/v>/)

    const notes = workbook.getWorksheet('Toelichting')!
    const lines = Array.from({ length: notes.rowCount }, (_, i) =>
      [1, 2].map((c) => notes.getRow(i + 1).getCell(c).value),
    )
    expect(lines).toEqual([
      ['Onderwerp', 'Gegeven'],
      ['Periode', '01-01-2024 t/m 31-12-2024'],
      ['Vergeleken met', '01-01-2023 t/m 31-12-2023'],
      ['Gebied', 'Noord'],
      ['Subsidiejaar (streefwaarden)', 2024],
      ['Gemaakt op', '15-01-2025 10:30 (Nederlandse tijd)'],
      ['Kleine aantallen', expect.stringContaining('staan er als "< 5"')],
      [
        'Afwijking van streefwaarde',
        expect.stringContaining('(waarde − streefwaarde) / streefwaarde'),
      ],
      ['Nog zonder toelichting', 'shop.visits'],
    ])
  })

  it('is in English when asked', async () => {
    const workbook = await load(await figuresXlsx({ ...report, area: null }, 'en'))
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Figures', 'Notes'])
    const area = workbook.getWorksheet('Notes')!.getRow(4)
    expect([area.getCell(1).value, area.getCell(2).value]).toEqual(['Area', 'All areas'])
  })
})

const PDF = new Uint8Array([
  ...Buffer.from('%PDF-1.7\n'),
  ...Array.from({ length: 4000 }, (_, i) => (i * 37) % 256),
])
const MANIFEST = { kind: 'subsidyReport', period: report.period, files: ['rapport.pdf'] }
const zipInput = {
  pdf: PDF,
  pdfName: 'Subsidierapportage 2024.pdf',
  report,
  language: 'nl' as const,
  manifest: MANIFEST,
}

describe('the ZIP of the report', () => {
  const zone = process.env.TZ
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })

  it('holds the PDF as it was, a CSV per section, all figures, and the manifest', () => {
    const files = unzipSync(reportZip(zipInput))
    expect(Object.keys(files)).toEqual([
      'Subsidierapportage 2024.pdf',
      'shop.csv',
      'volunteers.csv',
      'support.csv',
      'outcomes.csv',
      'complaints.csv',
      'interventions.csv',
      'demographics.csv',
      'cijfers.csv',
      'manifest.json',
    ])
    expect(Buffer.from(files['Subsidierapportage 2024.pdf']).equals(Buffer.from(PDF))).toBe(true)
    expect(JSON.parse(strFromU8(files['manifest.json']))).toEqual(MANIFEST)
    expect(strFromU8(files['manifest.json'])).toBe(JSON.stringify(MANIFEST, null, 2) + '\n')
    expect(Buffer.from(files['cijfers.csv']).equals(figuresCsv(report, 'nl'))).toBe(true)
    const volunteers = csvRows(Buffer.from(files['volunteers.csv']))
    expect(volunteers.slice(1).map((r) => r[0])).toEqual([
      'volunteers.hours',
      'volunteers.outflow.paid_work',
    ])
    expect(csvRows(Buffer.from(files['complaints.csv']))).toHaveLength(1)
    expect(strFromU8(files['shop.csv'])).toContain(';< 5;')
  })

  it('gives the same bytes for the same input, on any time zone', () => {
    const first = reportZip(zipInput)
    expect(Buffer.from(reportZip(zipInput)).equals(Buffer.from(first))).toBe(true)
    process.env.TZ = 'America/New_York'
    expect(Buffer.from(reportZip(zipInput)).equals(Buffer.from(first))).toBe(true)
    process.env.TZ = 'Asia/Tokyo'
    expect(Buffer.from(reportZip(zipInput)).equals(Buffer.from(first))).toBe(true)
    // The entries carry when the report was made (10:30 Dutch time), not when the ZIP was.
    const local = Buffer.from(first)
    expect(local.readUInt32LE(0)).toBe(0x04034b50)
    const dosTime = local.readUInt16LE(10)
    const dosDate = local.readUInt16LE(12)
    expect([dosDate >> 9, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2025 - 1980, 1, 15])
    expect([dosTime >> 11, (dosTime >> 5) & 63]).toEqual([10, 30])
    expect(Buffer.from(reportZip({ ...zipInput, manifest: { other: 1 } })).equals(local)).toBe(
      false,
    )
  })

  it('keeps the PDF inside the folder, under a name no other entry has', () => {
    const names = (pdfName: string): string[] =>
      Object.keys(unzipSync(reportZip({ ...zipInput, pdfName })))
    expect(names('../../Startup/cijfers.csv')[0]).toBe('cijfers.csv.pdf')
    expect(names('C:\\temp\\manifest.json')[0]).toBe('manifest.json.pdf')
    expect(names('..')[0]).toBe('rapport.pdf')
    expect(names('')[0]).toBe('rapport.pdf')
    expect(names('a<b>:c?.PDF')[0]).toBe('abc.pdf')
  })
})

describe('sha256Hex', () => {
  it('hashes bytes and the UTF-8 of a text alike', () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    expect(sha256Hex('abc')).toBe(abc)
    expect(sha256Hex(new Uint8Array([0x61, 0x62, 0x63]))).toBe(abc)
    expect(sha256Hex('é')).toBe(sha256Hex(Buffer.from('é', 'utf8')))
  })
})
