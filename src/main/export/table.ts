/** How a column's numbers are written: the CSV's Dutch notation and the XLSX number format. */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent' | 'date'

export type TableCell = string | number | null
export type TableRow = Record<string, TableCell>

export interface TableColumn {
  key: string
  header: string
  kind: ColumnKind
  /**
   * The kind of one row's cell, where rows differ: a report's value column holds a count on
   * one row and a share on the next. Without it every cell has the column's kind.
   */
  kindOf?: (row: TableRow, index: number) => ColumnKind
}

/** A plain table as the CSV and XLSX writers take it; a row's keys are the columns' keys. */
export interface Table {
  columns: TableColumn[]
  rows: TableRow[]
}

export function cellKind(column: TableColumn, row: TableRow, index: number): ColumnKind {
  return column.kindOf ? column.kindOf(row, index) : column.kind
}

/**
 * [year, month, day] of a `YYYY-MM-DD` day that exists; null otherwise. Not of an instant: its
 * day depends on the time zone, so the caller gives the day it means.
 */
export function isoDayParts(value: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null
  return [y, mo, d]
}
