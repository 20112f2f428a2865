import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { csvFromTable, csvLine, dutchNumber } from '../../src/main/export/csv'
import type { Table } from '../../src/main/export/table'
import { xlsxFromSheets } from '../../src/main/export/xlsx'

/** What a spreadsheet would run as a formula if a field started with it. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * A strict reader of the CSVs the writer makes (`;`, CRLF, `"` quoting): it throws on anything
 * a spreadsheet might read differently (a bare quote or line break, text after a closing quote).
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let state: 'start' | 'bare' | 'quoted' | 'closed' = 'start'
  const endField = (): void => {
    row.push(field)
    field = ''
    state = 'start'
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (state === 'quoted') {
      if (ch !== '"') field += ch
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else state = 'closed'
      continue
    }
    if (ch === ';') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else if (state === 'closed') throw new Error(`text after a closing quote at ${i}`)
    else if (ch === '"') {
      if (state !== 'start') throw new Error(`a bare quote at ${i}`)
      state = 'quoted'
    } else if (ch === '\r' || ch === '\n') throw new Error(`a bare line break at ${i}`)
    else {
      field += ch
      state = 'bare'
    }
  }
  if (state === 'quoted') throw new Error('an open quote at the end')
  if (row.length > 0 || field !== '') throw new Error('no CRLF after the last line')
  return rows
}

function readCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  return parseCsv(bytes.subarray(3).toString('utf8'))
}

const table: Table = {
  columns: [
    { key: 'name', header: 'Naam', kind: 'text' },
    { key: 'count', header: 'Aantal', kind: 'integer' },
    { key: 'hours', header: 'Uren', kind: 'decimal' },
    { key: 'share', header: 'Aandeel', kind: 'percent' },
    { key: 'day', header: 'Datum', kind: 'date' },
  ],
  rows: [
    { name: '=SUM(A1)', count: 12, hours: 12.5, share: 0.125, day: '2024-03-01' },
    { name: '@cmd', count: -3, hours: -3.5, share: -0.375, day: null },
    { name: 'de Vries; "Jan"\r\nregel 2', count: null, hours: 1234567.25, share: 0, day: 'later' },
    { name: '-3,5', count: '< 5', hours: 0.1 + 0.2, share: 1, day: '2024-02-30' },
  ],
}

describe('the CSV writer', () => {
  it('writes UTF-8 with a BOM, ; and CRLF, and Dutch numbers that stay numbers', () => {
    const bytes = csvFromTable(table)
    const text = bytes.toString('utf8')
    expect(text.startsWith('\uFEFFNaam;Aantal;Uren;Aandeel;Datum\r\n')).toBe(true)
    expect(text.split('\r\n')[1]).toBe("'=SUM(A1);12;12,5;12,5%;01-03-2024")
    // A negative number is a number: no quote in front of its minus.
    expect(text.split('\r\n')[2]).toBe("'@cmd;-3;-3,5;-37,5%;")
    expect(readCsv(bytes)).toEqual([
      ['Naam', 'Aantal', 'Uren', 'Aandeel', 'Datum'],
      ["'=SUM(A1)", '12', '12,5', '12,5%', '01-03-2024'],
      ["'@cmd", '-3', '-3,5', '-37,5%', ''],
      ['de Vries; "Jan"\r\nregel 2', '', '1234567,25', '0%', 'later'],
      // Text that looks like a negative number is text, and defused; no day that does not exist.
      ["'-3,5", '< 5', '0,3', '100%', '2024-02-30'],
    ])
  })

  it('writes numbers without thousands separators, exponents or a minus on zero', () => {
    expect(dutchNumber(1e21, 'decimal')).toBe('1000000000000000000000')
    expect(dutchNumber(0.0000001, 'decimal')).toBe('0,0000001')
    expect(dutchNumber(-0, 'integer')).toBe('0')
    expect(dutchNumber(-1e-12, 'decimal')).toBe('0')
    expect(dutchNumber(Number.NaN, 'decimal')).toBe('')
    expect(dutchNumber(0.5, 'percent')).toBe('50%')
  })

  it("keeps the audit log's lines as they were (`csvLine`)", () => {
    expect(csvLine(['1', 'de Vries; Jan', '=HYPERLINK("x")', ''])).toBe(
      `1;"de Vries; Jan";"'=HYPERLINK(""x"")";\r\n`,
    )
  })

  it('gives back any text as written, with no field starting like a formula', () => {
    const risky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ';', "'", ' ', 'a')
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: risky }),
      fc.tuple(risky, fc.string()).map(([a, b]) => a + b),
    )
    fc.assert(
      fc.property(text, text, (a, b) => {
        const rows = readCsv(
          csvFromTable({
            columns: [
              { key: 'a', header: 'A', kind: 'text' },
              { key: 'n', header: 'N', kind: 'decimal' },
              { key: 'b', header: 'B', kind: 'text' },
            ],
            rows: [{ a, n: -1.5, b }],
          }),
        )
        const back = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s)
        expect(rows).toEqual([
          ['A', 'N', 'B'],
          [back(a), '-1,5', back(b)],
        ])
        // The neutralising quote is the only change: taken off again, the text is the same.
        for (const [field, original] of [
          [rows[1][0], a],
          [rows[1][2], b],
        ])
          expect(FORMULA_START.test(original) ? field.slice(1) : field).toBe(original)
        for (const field of [rows[1][0], rows[1][2]]) expect(FORMULA_START.test(field)).toBe(false)
      }),
      { numRuns: 500 },
    )
  })
})

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  // exceljs types its Buffer as an ArrayBuffer, which Node's Buffer<ArrayBufferLike> is not.
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0])
  return workbook
}

function everyCell(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = []
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push(cell)
      }),
    ),
  )
  return cells
}

/** A cell that is a formula (or anything else that is not a plain value). */
function notPlain(cell: ExcelJS.Cell): boolean {
  const v = cell.value
  return (
    cell.type === ExcelJS.ValueType.Formula ||
    cell.type === ExcelJS.ValueType.SharedString ||
    (v !== null && typeof v === 'object' && !(v instanceof Date))
  )
}

describe('the XLSX writer', () => {
  it('stores numbers as numbers, days as dates, and formula-like text as text', async () => {
    const buffer = await xlsxFromSheets([
      { name: 'Cijfers', table },
      { name: 'Toe/licht:ing?', table: { columns: table.columns.slice(0, 1), rows: [] } },
    ])
    const workbook = await load(buffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Cijfers', 'Toe licht ing'])
    const sheet = workbook.getWorksheet('Cijfers')!
    expect([1, 2, 3, 4, 5].map((c) => sheet.getRow(1).getCell(c).value)).toEqual([
      'Naam',
      'Aantal',
      'Uren',
      'Aandeel',
      'Datum',
    ])
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })

    const first = sheet.getRow(2)
    expect(first.getCell(1).value).toBe('=SUM(A1)')
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String)
    expect(first.getCell(2).value).toBe(12)
    expect(first.getCell(2).numFmt).toBe('0')
    expect(first.getCell(3).value).toBe(12.5)
    expect(first.getCell(3).numFmt).toBe('0.0')
    expect(first.getCell(4).value).toBe(0.125)
    expect(first.getCell(4).numFmt).toBe('0.0%')
    expect(first.getCell(5).value).toEqual(new Date(Date.UTC(2024, 2, 1)))
    expect(first.getCell(5).numFmt).toBe('dd-mm-yyyy')
    expect(sheet.getRow(3).getCell(1).value).toBe('@cmd')
    expect(sheet.getRow(3).getCell(3).value).toBe(-3.5)
    expect(sheet.getRow(3).getCell(5).value).toBe(null)
    // A line break in a cell is LF in Excel.
    expect(sheet.getRow(4).getCell(1).value).toBe('de Vries; "Jan"\nregel 2')
    expect(sheet.getRow(5).getCell(1).value).toBe('-3,5')
    expect(sheet.getRow(5).getCell(2).value).toBe('< 5')
    // Not a day: text, as it came.
    expect(sheet.getRow(5).getCell(5).value).toBe('2024-02-30')
    expect(everyCell(workbook).filter(notPlain)).toEqual([])

    // exceljs joins neighbouring columns of the same width into one <col>, and leaves out a
    // column of its default width (9); read the XML itself.
    const xml = strFromU8(unzipSync(buffer)['xl/worksheets/sheet1.xml'])
    const widths: number[] = Array.from({ length: 5 }, () => 9)
    for (const m of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g))
      for (let c = Number(m[1]); c <= Number(m[2]); c++) widths[c - 1] = Number(m[3])
    expect(widths).toHaveLength(5)
    for (const width of widths) {
      expect(width).toBeGreaterThanOrEqual(8)
      expect(width).toBeLessThanOrEqual(60)
    }
    // The long text column is wider than the header alone.
    expect(widths[0]).toBeGreaterThan('Naam'.length + 2)
  })

  it('keeps any text a text, never a formula', async () => {
    const risky = fc.constantFrom('=', '+', '-', '@', '\t', '"', ';', "'", '<', '&', 'A1', ' ')
    const text = fc.oneof(
      fc.string({ unit: risky, minLength: 1 }),
      fc.tuple(risky, fc.string({ minLength: 1 })).map(([a, b]) => a + b),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), async (texts) => {
        const workbook = await load(
          await xlsxFromSheets([
            {
              name: 'T',
              table: {
                columns: [{ key: 't', header: 'T', kind: 'text' }],
                rows: texts.map((t) => ({ t })),
              },
            },
          ]),
        )
        const sheet = workbook.getWorksheet('T')!
        expect(texts.map((_, i) => sheet.getRow(i + 2).getCell(1).value)).toEqual(texts)
        expect(everyCell(workbook).filter(notPlain)).toEqual([])
      }),
      { numRuns: 25 },
    )
  })
})
