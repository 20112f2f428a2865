import { toDutchDate } from '../../shared/dates'
import { csvCell } from '../db/text'
import { cellKind, isoDayParts, type ColumnKind, type Table, type TableCell } from './table'

/**
 * One line of a CSV as a Dutch spreadsheet reads it: `;` between the cells, quotes where a cell
 * holds `;`, `"` or a line break, a text that starts like a formula defused, CRLF at the end.
 */
export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(';') + '\r\n'
}

// en-US writes a plain `.` and `-` and no grouping without asking; the comma is put in after.
// signDisplay 'negative' keeps -0 (and a tiny negative rounded to 0) from printing as "-0".
const plain = new Intl.NumberFormat('en-US', {
  useGrouping: false,
  maximumFractionDigits: 10,
  signDisplay: 'negative',
})
const percentPoints = new Intl.NumberFormat('en-US', {
  useGrouping: false,
  maximumFractionDigits: 8,
  signDisplay: 'negative',
})

/**
 * A number in Dutch notation: a decimal comma and no thousands separator (`-3,5`, `1234`), a
 * share as a percentage (`12,5%`, which a Dutch spreadsheet reads back as the number 0.125).
 * Not a number (NaN, infinity) is an empty cell rather than a word a spreadsheet cannot count.
 */
export function dutchNumber(value: number, kind: ColumnKind): string {
  if (!Number.isFinite(value)) return ''
  if (kind === 'percent') return percentPoints.format(value * 100).replace('.', ',') + '%'
  return plain.format(value).replace('.', ',')
}

/** One cell's text, before quoting: numbers as numbers, days as `dd-mm-jjjj`, text as it is. */
export function cellText(value: TableCell, kind: ColumnKind): string | null {
  if (typeof value === 'number') return dutchNumber(value, kind)
  if (typeof value === 'string' && kind === 'date' && isoDayParts(value)) return toDutchDate(value)
  return value
}

/**
 * A table as a CSV file for a Dutch spreadsheet: UTF-8 with a BOM, `;`, CRLF, Dutch numbers.
 * A number is written as it is (`-3,5` stays a number); only text is defused against formulas.
 */
export function csvFromTable(table: Table): Buffer {
  // The BOM lets Excel read the file as UTF-8, so names with diacritics survive.
  let text = '\uFEFF' + csvLine(table.columns.map((c) => c.header))
  table.rows.forEach((row, i) => {
    text +=
      table.columns
        .map((column) => {
          const value = row[column.key] ?? null
          const cell = cellText(value, cellKind(column, row, i))
          // A formatted number goes out bare: it starts with a digit or `-`, and a `-` here is a
          // sign, not the start of a formula.
          return typeof value === 'number' ? (cell ?? '') : csvCell(cell)
        })
        .join(';') + '\r\n'
  })
  return Buffer.from(text, 'utf8')
}
