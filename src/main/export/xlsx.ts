import ExcelJS from 'exceljs'
import { toDutchDate } from '../../shared/dates'
import { cellKind, isoDayParts, type ColumnKind, type Table, type TableCell } from './table'

export interface Sheet {
  name: string
  table: Table
}

const NUMBER_FORMATS: Record<Exclude<ColumnKind, 'text'>, string> = {
  integer: '0',
  decimal: '0.0',
  percent: '0.0%',
  date: 'dd-mm-yyyy',
}

export const MIN_WIDTH = 8
export const MAX_WIDTH = 60

/** Excel refuses a sheet name with `[]:*?/\`, longer than 31 characters, or empty. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  let candidate = base
  for (let n = 2; taken.has(candidate.toLowerCase()); n++)
    candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`
  taken.add(candidate.toLowerCase())
  return candidate
}

export interface XlsxCell {
  value: string | number | Date | null
  numFmt: string | null
  /** Roughly what the cell shows, to fit the column's width. */
  shown: string
}

/**
 * A cell as exceljs gets it: only ever a string, a number, a date or nothing, never an object,
 * so no cell can become a formula (a text `=SUM(A1)` stays that text). A number in a column
 * that is not numeric still goes in as a number.
 */
export function xlsxCell(value: TableCell, kind: ColumnKind): XlsxCell {
  if (value === null) return { value: null, numFmt: null, shown: '' }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: null, numFmt: null, shown: '' }
    // A count that came out with a fraction (a target pro rata) keeps its fraction in view.
    const numberKind =
      kind === 'text' || kind === 'date' || (kind === 'integer' && !Number.isInteger(value))
        ? 'decimal'
        : kind
    const shown = numberKind === 'percent' ? `${(value * 100).toFixed(1)}%` : value.toFixed(1)
    return { value, numFmt: NUMBER_FORMATS[numberKind], shown }
  }
  const day = kind === 'date' ? isoDayParts(value) : null
  if (day) {
    // exceljs turns a Date into a serial day number by its UTC time; midnight UTC is the day.
    const [y, m, d] = day
    return {
      value: new Date(Date.UTC(y, m - 1, d)),
      numFmt: NUMBER_FORMATS.date,
      shown: toDutchDate(value),
    }
  }
  // A line break in a cell is LF in Excel's files; the XML would turn a CR into one anyway.
  const text = value.replace(/\r\n?/g, '\n')
  return { value: text, numFmt: null, shown: text }
}

export function shownWidth(text: string): number {
  return Math.max(0, ...text.split(/\r\n|\r|\n/).map((line) => line.length))
}

/**
 * Tables as an XLSX workbook, one sheet each: the header row bold and frozen, numbers as real
 * numbers with a number format, days as real dates, columns about as wide as their contents.
 */
export async function xlsxFromSheets(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Dichtbij'
  const taken = new Set<string>()
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name, taken), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    })
    const widths = table.columns.map((c) => shownWidth(c.header))
    const header = sheet.addRow(table.columns.map((c) => c.header))
    header.font = { bold: true }
    table.rows.forEach((row, i) => {
      const cells = table.columns.map((column) =>
        xlsxCell(row[column.key] ?? null, cellKind(column, row, i)),
      )
      const line = sheet.addRow(cells.map((c) => c.value))
      cells.forEach((c, col) => {
        if (c.numFmt) line.getCell(col + 1).numFmt = c.numFmt
        widths[col] = Math.max(widths[col], shownWidth(c.shown))
      })
    })
    table.columns.forEach((_, col) => {
      const column = sheet.getColumn(col + 1)
      column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[col] + 2))
      // Long text (a definition, an explanation) wraps in its column instead of running on.
      if (widths[col] + 2 > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' }
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
