import ExcelJS from 'exceljs'
import { closeSync, createWriteStream, openSync, statSync, writeSync } from 'node:fs'
import { once } from 'node:events'
import { csvCell } from '../db/text'
import { cellText, csvLine } from './csv'
import { cellKind, type TableColumn, type TableRow } from './table'
import { MAX_WIDTH, MIN_WIDTH, sheetName, shownWidth, xlsxCell } from './xlsx'

/**
 * A table written to a file batch by batch, so a list of 150,000 rows never sits in memory as
 * one string or one workbook: the CSV and XLSX writers below write each batch as it comes.
 */
export interface RowWriter {
  write(rows: TableRow[]): Promise<void>
  /** Finishes the file; its size in bytes. */
  close(): Promise<number>
}

/**
 * A CSV for a Dutch spreadsheet, as `csvFromTable` writes one (BOM, `;`, CRLF, Dutch numbers,
 * text defused against formulas), appended batch by batch. The file is made new (0600).
 */
export function csvWriter(path: string, columns: TableColumn[]): RowWriter {
  const fd = openSync(path, 'wx', 0o600)
  let rowIndex = 0
  let closed = false
  writeSync(fd, '\uFEFF' + csvLine(columns.map((c) => c.header)), null, 'utf8')
  return {
    async write(rows) {
      let text = ''
      for (const row of rows) {
        text +=
          columns
            .map((column) => {
              const value = row[column.key] ?? null
              const cell = cellText(value, cellKind(column, row, rowIndex))
              return typeof value === 'number' ? (cell ?? '') : csvCell(cell)
            })
            .join(';') + '\r\n'
        rowIndex++
      }
      if (text) writeSync(fd, text, null, 'utf8')
    },
    async close() {
      if (!closed) closeSync(fd)
      closed = true
      return statSync(path).size
    },
  }
}

/**
 * One sheet of an XLSX workbook streamed to the file (exceljs's streaming writer): the header
 * row bold and frozen, numbers and days as real numbers and dates, each cell only ever a value
 * (never a formula). Column widths follow the header and the first batch of rows.
 */
export function xlsxWriter(path: string, name: string, columns: TableColumn[]): RowWriter {
  const stream = createWriteStream(path, { flags: 'wx', mode: 0o600 })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true })
  workbook.creator = 'Dichtbij'
  const sheet = workbook.addWorksheet(sheetName(name, new Set()), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  })
  let rowIndex = 0
  let started = false
  const start = (first: TableRow[]): void => {
    const widths = columns.map((c) => shownWidth(c.header))
    first.forEach((row, i) =>
      columns.forEach((column, col) => {
        const cell = xlsxCell(row[column.key] ?? null, cellKind(column, row, i))
        widths[col] = Math.max(widths[col], shownWidth(cell.shown))
      }),
    )
    sheet.columns = columns.map((_, col) => ({
      width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[col] + 2)),
    }))
    const header = sheet.addRow(columns.map((c) => c.header))
    header.font = { bold: true }
    header.commit()
    started = true
  }
  return {
    async write(rows) {
      if (!started) start(rows)
      for (const row of rows) {
        const cells = columns.map((column) =>
          xlsxCell(row[column.key] ?? null, cellKind(column, row, rowIndex)),
        )
        const line = sheet.addRow(cells.map((c) => c.value))
        cells.forEach((c, col) => {
          if (c.numFmt) line.getCell(col + 1).numFmt = c.numFmt
        })
        line.commit()
        rowIndex++
      }
      // Let the file stream drain between batches, so a big list does not pile up in memory.
      if (stream.writableNeedDrain) await once(stream, 'drain')
    },
    async close() {
      if (!started) start([])
      sheet.commit()
      await workbook.commit()
      return statSync(path).size
    },
  }
}
