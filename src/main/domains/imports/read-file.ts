import Papa from 'papaparse'
import ExcelJS from 'exceljs'
import { AppError } from '../../../shared/errors'
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  MAX_IMPORT_UNPACKED_BYTES,
} from '../../../shared/schemas/imports'

/** A row of the file with its line number (the header is line 1), every cell as text. */
export interface ReadRow {
  line: number
  cells: string[]
}

export interface ReadFile {
  format: 'csv' | 'xlsx'
  separator: string | null
  encoding: 'utf-8' | 'windows-1252' | null
  headers: string[]
  rows: ReadRow[]
}

const unreadable = (): AppError => new AppError({ code: 'VALIDATION', key: 'importUnreadable' })
const refused = (key: string): AppError => new AppError({ code: 'VALIDATION', key })

/** A part of a zip that unpacks to more than this many times its packed size is refused. */
const MAX_PACKING_RATIO = 500

/**
 * What the zip's own directory says its parts unpack to, before a byte is unpacked: a workbook
 * of a few kB that unpacks to gigabytes (a "zip bomb") is refused here. The directory could
 * lie; the read then still ends at its time limit in its own thread (`imports.ts`).
 */
export function checkZipDirectory(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end record (22 bytes and a comment of at most 64 kB) closes the file.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  if (end < 0) throw unreadable()
  const entries = view.getUint16(end + 10, true)
  const dirOffset = view.getUint32(end + 16, true)
  // A zip64 archive (more than 65,535 parts or 4 GB) is no spreadsheet of a shop.
  if (entries === 0xffff || dirOffset === 0xffffffff) throw refused('importUnpackedTooLarge')
  let at = dirOffset
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw unreadable()
    const packed = view.getUint32(at + 20, true)
    const unpacked = view.getUint32(at + 24, true)
    total += unpacked
    if (unpacked > Math.max(packed, 1024) * MAX_PACKING_RATIO || total > MAX_IMPORT_UNPACKED_BYTES)
      throw refused('importUnpackedTooLarge')
    at +=
      46 +
      view.getUint16(at + 28, true) +
      view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true)
  }
}

/** An .xlsx is a zip: it starts with "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/**
 * The file's text: UTF-8 (a BOM dropped) when it is valid UTF-8, otherwise Windows-1252, what
 * Dutch Excel writes when it saves "CSV (gescheiden door lijstscheidingsteken)".
 */
export function decodeText(bytes: Uint8Array): {
  text: string
  encoding: 'utf-8' | 'windows-1252'
} {
  // A BOM is dropped first: some tools write one in front of Windows-1252 text too.
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    return { text, encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252' }
  }
}

/**
 * The separator of the header line: a semicolon (Dutch Excel's default), a comma or a tab,
 * whichever occurs most outside quotes.
 */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const unquoted = firstLine.replace(/"[^"]*"/g, '')
  const counts = [';', ',', '\t'].map((s) => ({ s, n: unquoted.split(s).length - 1 }))
  counts.sort((a, b) => b.n - a.n)
  return counts[0].n > 0 ? counts[0].s : ','
}

function isEmptyRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '')
}

function toRows(table: string[][]): { headers: string[]; rows: ReadRow[] } {
  const headerIndex = table.findIndex((r) => !isEmptyRow(r))
  if (headerIndex < 0) throw new AppError({ code: 'VALIDATION', key: 'importEmpty' })
  if (table.some((r) => r.length > MAX_IMPORT_COLUMNS)) throw refused('importTooManyColumns')
  const headers = table[headerIndex].map((h) => h.trim())
  const rows: ReadRow[] = []
  for (let i = headerIndex + 1; i < table.length; i++) {
    if (isEmptyRow(table[i])) continue
    rows.push({ line: i + 1, cells: table[i].map((c) => c.trim()) })
  }
  if (rows.length > MAX_IMPORT_ROWS)
    throw new AppError({ code: 'VALIDATION', key: 'importTooManyRows' })
  return { headers, rows }
}

export function readCsv(bytes: Uint8Array): ReadFile {
  const { text, encoding } = decodeText(bytes)
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const separator = detectSeparator(clean)
  const parsed = Papa.parse<string[]>(clean, { delimiter: separator, skipEmptyLines: false })
  // Lines stay the file's own: papaparse keeps empty lines as rows, skipped in toRows.
  const table = parsed.data.map((r) => r.map((c) => String(c ?? '')))
  return { format: 'csv', separator, encoding, ...toRows(table) }
}

/** A day as YYYY-MM-DD: exceljs gives a date cell as a Date at midnight UTC. */
function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10)
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return isoDay(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'string') return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
  }
  return ''
}

export async function readXlsx(bytes: Uint8Array): Promise<ReadFile> {
  checkZipDirectory(bytes)
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    )
  } catch {
    throw unreadable()
  }
  const sheet = book.worksheets[0]
  if (!sheet) throw new AppError({ code: 'VALIDATION', key: 'importEmpty' })
  // The sheet's size is known before its cells are read: a cell far out (XFD1048576) would
  // otherwise make billions of empty cells.
  const width = sheet.columnCount
  if (width > MAX_IMPORT_COLUMNS) throw refused('importTooManyColumns')
  const table: string[][] = []
  let filled = 0
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = []
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value))
    if (isEmptyRow(cells)) return
    // The header and MAX_IMPORT_ROWS rows, not far below each other.
    if (++filled > MAX_IMPORT_ROWS + 1 || n > 2 * MAX_IMPORT_ROWS)
      throw refused('importTooManyRows')
    table[n - 1] = cells
  })
  // Rows the sheet does not hold are empty; they keep the lines of those after them.
  for (let i = 0; i < table.length; i++) table[i] ??= []
  return { format: 'xlsx', separator: null, encoding: null, ...toRows(table) }
}

/** Reads a CSV or .xlsx file (told apart by its first bytes, not its name). */
export async function readImportFile(bytes: Uint8Array): Promise<ReadFile> {
  if (isZip(bytes)) return readXlsx(bytes)
  // A binary file that is not a workbook (an old .xls, a PDF) is not text.
  if (bytes.subarray(0, 4096).includes(0)) throw unreadable()
  return readCsv(bytes)
}
