import { createHash } from 'node:crypto'
import { hiddenMarkOf } from './suppression'
import { zipSync, type Zippable } from 'fflate'
import { toDutchDate } from '../../../shared/dates'
import { fillWords, REPORT_EXPORT_WORDS } from '../../../shared/i18n/report-exports'
import {
  REPORT_SECTIONS,
  type FigureDefinition,
  type FigureUnit,
  type ReportLanguage,
  type ReportSection,
  type SubsidyFigure,
  type SubsidyReport,
} from '../../../shared/schemas/reports'
import { dateInZone, timeInZone } from '../../clock'
import { csvFromTable } from '../../export/csv'
import type { ColumnKind, Table, TableColumn, TableRow } from '../../export/table'
import { xlsxFromSheets } from '../../export/xlsx'

function measureKind(unit: FigureUnit): ColumnKind {
  if (unit === 'rate') return 'percent'
  return unit === 'people' || unit === 'count' ? 'integer' : 'decimal'
}

/** The definition a figure was counted by: its own version, or else the one of that key. */
function definitionOf(
  figure: SubsidyFigure,
  definitions: readonly FigureDefinition[],
): FigureDefinition | undefined {
  return (
    definitions.find((d) => d.key === figure.definitionKey && d.version === figure.version) ??
    definitions.find((d) => d.key === figure.definitionKey)
  )
}

/**
 * The figures (of one section, or all) as a table, one row per figure, in `language`. A cell the
 * report hides shows `< N` and never its number; with a hidden value the deviation goes too,
 * because target × (1 + deviation) gives the value back.
 */
export function figuresTable(
  report: SubsidyReport,
  language: ReportLanguage,
  section?: ReportSection,
): Table {
  const words = REPORT_EXPORT_WORDS[language]
  const threshold = report.settings.smallCellThreshold
  const figures = section ? report.figures.filter((f) => f.section === section) : report.figures
  const measure = (_row: TableRow, i: number): ColumnKind => measureKind(figures[i].unit)
  const h = words.columns
  const columns: TableColumn[] = [
    { key: 'key', header: h.key, kind: 'text' },
    { key: 'section', header: h.section, kind: 'text' },
    { key: 'label', header: h.label, kind: 'text' },
    { key: 'value', header: h.value, kind: 'decimal', kindOf: measure },
    { key: 'lastYear', header: h.lastYear, kind: 'decimal', kindOf: measure },
    { key: 'target', header: h.target, kind: 'decimal', kindOf: measure },
    { key: 'deviation', header: h.deviation, kind: 'percent' },
    { key: 'unit', header: h.unit, kind: 'text' },
    { key: 'definitionKey', header: h.definitionKey, kind: 'text' },
    { key: 'definitionVersion', header: h.definitionVersion, kind: 'integer' },
    { key: 'definition', header: h.definition, kind: 'text' },
    { key: 'explanation', header: h.explanation, kind: 'text' },
  ]
  const rows = figures.map((f): TableRow => ({
    key: f.key,
    section: words.sections[f.section],
    label: f.label[language],
    value: f.hidden.value ? hiddenMarkOf(f, threshold) : f.value,
    lastYear: f.hidden.lastYear ? hiddenMarkOf(f, threshold) : f.lastYear,
    target: f.target,
    deviation: f.hidden.value ? words.hiddenDeviation : f.deviation,
    unit: words.units[f.unit],
    definitionKey: f.definitionKey,
    definitionVersion: f.version,
    definition: definitionOf(f, report.definitions)?.text[language] ?? null,
    explanation: f.explanation,
  }))
  return { columns, rows }
}

/** An instant as `dd-mm-jjjj hh:mm` in Dutch time; what it is when it is no instant. */
function dutchMoment(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return `${toDutchDate(dateInZone(at))} ${timeInZone(at).slice(0, 5)}`
}

/** What the figures need beside them: the period, the area, when made, the small-cell rule. */
function notesTable(report: SubsidyReport, language: ReportLanguage): Table {
  const n = REPORT_EXPORT_WORDS[language].notes
  const range = (p: { from: string; to: string }): string =>
    fillWords(n.range, { from: toDutchDate(p.from), to: toDutchDate(p.to) })
  const rows: TableRow[] = [
    { item: n.period, value: range(report.period) },
    { item: n.lastYearPeriod, value: range(report.lastYearPeriod) },
    { item: n.area, value: report.area ?? n.allAreas },
    { item: n.subsidyYear, value: report.subsidyYear ?? n.noSubsidyYear },
    {
      item: n.generatedAt,
      value: fillWords(n.generatedAtValue, { at: dutchMoment(report.generatedAt) }),
    },
    {
      item: n.smallCells,
      value: fillWords(n.smallCellsText, { n: report.settings.smallCellThreshold }),
    },
    { item: n.deviation, value: n.deviationText },
  ]
  if (report.missingExplanations.length > 0)
    rows.push({ item: n.missingExplanations, value: report.missingExplanations.join(', ') })
  return {
    columns: [
      { key: 'item', header: n.item, kind: 'text' },
      // The subsidy year is a number (a year, so no decimals); everything else is text.
      { key: 'value', header: n.value, kind: 'integer' },
    ],
    rows,
  }
}

/** All figures as one CSV (UTF-8 with BOM, `;`, Dutch numbers). */
export function figuresCsv(report: SubsidyReport, language: ReportLanguage): Buffer {
  return csvFromTable(figuresTable(report, language))
}

/** All figures as an XLSX workbook: the figures on one sheet, what they need to be read on the next. */
export function figuresXlsx(report: SubsidyReport, language: ReportLanguage): Promise<Buffer> {
  const words = REPORT_EXPORT_WORDS[language]
  return xlsxFromSheets([
    { name: words.sheets.figures, table: figuresTable(report, language) },
    { name: words.sheets.notes, table: notesTable(report, language) },
  ])
}

/**
 * The moment the ZIP's entries carry: when the report was made, in Dutch wall-clock time. A ZIP
 * stores a wall-clock time without a zone and fflate takes it from a Date's local fields, so a
 * Date built from the Dutch fields writes the same bytes on any machine (except in the hour a
 * machine's own zone skips when summer time begins).
 */
function zipTime(generatedAt: string): Date {
  const dosEpoch = new Date(1980, 0, 1)
  const at = new Date(generatedAt)
  if (Number.isNaN(at.getTime())) return dosEpoch
  const [y, mo, d] = dateInZone(at).split('-').map(Number)
  const [hh, mi, ss] = timeInZone(at).split(':').map(Number)
  // A ZIP cannot hold a time outside 1980–2107; fflate stops at 2099.
  if (y < 1980 || y > 2099) return dosEpoch
  return new Date(y, mo - 1, d, hh, mi, ss)
}

/**
 * The PDF's name as an entry of the ZIP: no folders (nothing may unpack outside the folder it is
 * unpacked into), no characters Windows refuses, and ending in `.pdf`, so it can never take the
 * name of a CSV or of the manifest.
 */
function pdfEntryName(name: string, fallback: string): string {
  const last = name.split(/[/\\]/).pop() ?? ''
  const clean = [...last]
    .filter((ch) => ch.charCodeAt(0) > 31 && ch !== '\u007f' && !'<>:"|?*'.includes(ch))
    .join('')
    .trim()
    .replace(/^\.+/, '')
  if (!clean) return fallback
  const stem = /\.pdf$/i.test(clean) ? clean.slice(0, -4) : clean
  return `${stem.slice(0, 150)}.pdf`
}

export interface ReportZipInput {
  pdf: Uint8Array
  pdfName: string
  report: SubsidyReport
  language: ReportLanguage
  manifest: object
}

/**
 * The report as one ZIP: the PDF, a CSV per section (`shop.csv`, …), all figures in
 * `cijfers.csv`, and `manifest.json`. Every entry carries the same time, so the same input
 * gives the same bytes (a checksum of the ZIP means something).
 */
export function reportZip(input: ReportZipInput): Uint8Array {
  const { report, language } = input
  const files: Zippable = {
    [pdfEntryName(input.pdfName, REPORT_EXPORT_WORDS[language].pdfFallbackName)]: [
      input.pdf,
      // A PDF's streams are compressed already.
      { level: 0 },
    ],
  }
  for (const section of REPORT_SECTIONS)
    files[`${section}.csv`] = csvFromTable(figuresTable(report, language, section))
  files['cijfers.csv'] = figuresCsv(report, language)
  files['manifest.json'] = Buffer.from(JSON.stringify(input.manifest, null, 2) + '\n', 'utf8')
  return zipSync(files, { level: 6, mtime: zipTime(report.generatedAt) })
}

/** SHA-256 of bytes (or of a text's UTF-8), as lowercase hex. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}
