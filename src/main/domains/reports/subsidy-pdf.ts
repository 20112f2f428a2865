import { writeFile } from 'node:fs/promises'
import { STATEMENT_MIN_N } from '../../../shared/schemas/outcomes'
import { hiddenMarkOf } from './suppression'
import type {
  Content,
  ContentText,
  DynamicContent,
  TableCell,
  TableLayout,
  TDocumentDefinitions,
} from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import {
  REPORT_SECTIONS,
  type FigureUnit,
  type ReportLanguage,
  type ReportSection,
  type SubsidyFigure,
  type SubsidyReport,
} from '../../../shared/schemas/reports'
import {
  REPORT_DOCUMENT_WORDS,
  type ReportDocumentWords,
} from '../../../shared/i18n/report-documents'
import { toDutchDate } from '../../../shared/dates'
import { dateInZone, timeInZone } from '../../clock'
import { HEADING, letterDocument, MUTED, RULE, TABLE_HEADER_STYLE } from '../../pdf/letterhead'
import { MONO_FONT, printable, renderPdf } from '../../pdf/render'
import { monthlyBarChartSvg } from './chart-svg'

export interface SubsidyPdfInput {
  report: SubsidyReport
  organisation: Organisation
  language: ReportLanguage
  /** When the file is made (ISO instant); the cover and every page's footer show it. */
  printedAt: string
  /** When the report was made final (ISO instant); null or absent for a draft. */
  frozenAt?: string | null
}

/** Roboto has the en dash, which reads as "no figure" better than a hyphen. */
const NONE = '–'
const LOCALES: Record<ReportLanguage, string> = { nl: 'nl-NL', en: 'en-GB' }
/** The width between the page margins of the letterhead's A4 page. */
const PAGE_WIDTH = 495
/**
 * The letterhead's footer style: its page-break rule skips nodes with this style when it looks
 * for content after a heading, so the footer has to carry it.
 */
const FOOTER_STYLE = 'footer'

type WordKey = {
  [K in keyof ReportDocumentWords]: ReportDocumentWords[K] extends string ? K : never
}[keyof ReportDocumentWords]
type Params = Record<string, string | number>

/** The report's words in one language, placeholders filled and made printable. */
function wordsIn(language: ReportLanguage): (key: WordKey, params?: Params) => string {
  const words = REPORT_DOCUMENT_WORDS[language]
  return (key, params = {}) =>
    printable(
      words[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      ),
    )
}

/** What one document needs to put a report into words: its language and the report's settings. */
interface Writer {
  language: ReportLanguage
  words: ReportDocumentWords
  w: (key: WordKey, params?: Params) => string
  threshold: number
}

function writer(report: SubsidyReport, language: ReportLanguage): Writer {
  const threshold = report.settings.smallCellThreshold
  return {
    language,
    words: REPORT_DOCUMENT_WORDS[language],
    w: wordsIn(language),
    threshold,
  }
}

function numberFormat(
  language: ReportLanguage,
  options: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return new Intl.NumberFormat(LOCALES[language], options)
}

/**
 * A figure's number as the report prints it: a share as a percentage with one decimal, FTE with
 * two, days and marks with one; counts and hours whole where they are, else with one decimal
 * (half hours, a pro-rata target).
 */
function formatNumber(value: number | null, unit: FigureUnit, language: ReportLanguage): string {
  if (value === null || !Number.isFinite(value)) return NONE
  const fixed = (digits: number): Intl.NumberFormatOptions => ({
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  switch (unit) {
    case 'rate':
      return numberFormat(language, { style: 'percent', ...fixed(1) }).format(value)
    case 'fte':
      return numberFormat(language, fixed(2)).format(value)
    case 'days':
    case 'mark':
    case 'score':
      return numberFormat(language, fixed(1)).format(value)
    case 'people':
    case 'count':
    case 'hours':
      return numberFormat(language, { maximumFractionDigits: 1 }).format(value)
  }
}

function formatDeviation(deviation: number | null, language: ReportLanguage): string {
  if (deviation === null || !Number.isFinite(deviation)) return NONE
  return numberFormat(language, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(deviation)
}

/**
 * The four printed numbers of a figure. A hidden cell shows only "< N"; its deviation is left
 * out as well, because the deviation and the target together give the number back.
 */
function figureCells(
  f: SubsidyFigure,
  wr: Writer,
): { value: string; lastYear: string; target: string; deviation: string } {
  return {
    value: f.hidden.value
      ? hiddenMarkOf(f, wr.threshold)
      : formatNumber(f.value, f.unit, wr.language),
    lastYear: f.hidden.lastYear
      ? hiddenMarkOf(f, wr.threshold)
      : formatNumber(f.lastYear, f.unit, wr.language),
    target: formatNumber(f.target, f.unit, wr.language),
    deviation: f.hidden.value ? NONE : formatDeviation(f.deviation, wr.language),
  }
}

/** Measures get their unit after the label ("Wachttijd tot intake (dagen)"), unless it says so. */
const UNIT_AFTER_LABEL: readonly FigureUnit[] = ['days', 'hours', 'fte', 'mark', 'score']

function figureLabel(f: SubsidyFigure, wr: Writer): string {
  const label = f.label[wr.language]
  const unit = wr.words.units[f.unit]
  const says = label.toLowerCase().includes(unit.toLowerCase())
  return printable(UNIT_AFTER_LABEL.includes(f.unit) && !says ? `${label} (${unit})` : label)
}

/** An ISO day as "1 januari 2026" / "1 January 2026". */
function longDate(day: string, wr: Writer): string {
  const [y, m, d] = day.slice(0, 10).split('-')
  return `${Number(d)} ${wr.words.monthsLong[Number(m) - 1] ?? m} ${y}`
}

/** An instant as the day and time (hh:mm) on the Dutch clock. */
function instant(iso: string): { day: string; time: string } {
  const at = new Date(iso)
  return { day: dateInZone(at), time: timeInZone(at).slice(0, 5) }
}

const GRID: TableLayout = {
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  hLineWidth: () => 0.6,
  vLineWidth: () => 0,
  paddingTop: () => 3,
  paddingBottom: () => 3,
}

function heading(text: string, extra: Partial<Record<'pageBreak', 'before'>> = {}): Content {
  return { text, style: 'heading', headlineLevel: HEADING, ...extra }
}

function subheading(text: string): Content {
  return { text, style: 'subheading', headlineLevel: HEADING }
}

function note(text: string): Content {
  return { text, style: 'small', color: MUTED, margin: [0, 0, 0, 6] }
}

/** Free text as paragraphs, split where the writer left an empty line. */
function paragraphs(text: string): Content[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p): Content => ({ text: printable(p), margin: [0, 0, 0, 6] }))
}

const right = (text: string, extra: Omit<ContentText, 'text'> = {}): TableCell => ({
  text,
  alignment: 'right',
  ...extra,
})

/**
 * The figures of a section in print order: each total followed by the rows of its breakdown
 * (and theirs), one step further in. A row whose total is not in the section, or a loop of
 * totals, is printed at the top level rather than left out.
 */
function inPrintOrder(figures: SubsidyFigure[]): { figure: SubsidyFigure; depth: number }[] {
  const keys = new Set(figures.map((f) => f.key))
  const rows = new Map<string, SubsidyFigure[]>()
  const tops: SubsidyFigure[] = []
  for (const f of figures) {
    if (f.partOf !== null && f.partOf !== f.key && keys.has(f.partOf))
      rows.set(f.partOf, [...(rows.get(f.partOf) ?? []), f])
    else tops.push(f)
  }
  const out: { figure: SubsidyFigure; depth: number }[] = []
  const done = new Set<SubsidyFigure>()
  const visit = (f: SubsidyFigure, depth: number): void => {
    if (done.has(f)) return
    done.add(f)
    out.push({ figure: f, depth })
    for (const row of rows.get(f.key) ?? []) visit(row, depth + 1)
  }
  for (const f of tops) visit(f, 0)
  for (const f of figures) visit(f, 0)
  return out
}

const anyHidden = (figures: SubsidyFigure[]): boolean =>
  figures.some((f) => f.hidden.value || f.hidden.lastYear)

function coverPage(input: SubsidyPdfInput, wr: Writer): Content[] {
  const { report: r } = input
  const { w } = wr
  const made = instant(input.printedAt)
  const rows: [string, string][] = [
    [
      w('period'),
      w('periodRange', { from: longDate(r.period.from, wr), to: longDate(r.period.to, wr) }),
    ],
    [
      w('lastYearPeriod'),
      w('lastYearPeriodText', {
        from: longDate(r.lastYearPeriod.from, wr),
        to: longDate(r.lastYearPeriod.to, wr),
      }),
    ],
    [w('area'), r.area ? printable(r.area) : w('allAreas')],
    [w('subsidyYear'), r.subsidyYear === null ? w('noSubsidyYear') : String(r.subsidyYear)],
    [w('madeOn'), w('dateAtTime', { date: longDate(made.day, wr), time: made.time })],
  ]
  const status: Content[] = []
  const line = (text: string, bold = false): void => {
    status.push({ text, bold, margin: [0, 0, 0, 8] })
  }
  if (input.frozenAt) {
    const frozen = instant(input.frozenAt)
    line(w('frozenOn', { date: longDate(frozen.day, wr), time: frozen.time }), true)
  } else line(w('draft'), true)
  const missing = r.missingExplanations.length
  if (missing > 0)
    line(
      w(missing === 1 ? 'missingExplanations_one' : 'missingExplanations_other', {
        count: missing,
      }),
    )
  if (r.yearShare !== null && r.yearShare < 0.9995) {
    const share = numberFormat(wr.language, { style: 'percent', maximumFractionDigits: 0 })
    line(w('proRata', { share: share.format(r.yearShare) }))
  }
  status.push({ text: w('reproducible'), color: MUTED })
  return [
    { text: w('title'), style: 'title', fontSize: 24, margin: [0, 60, 0, 4] },
    {
      // The organisation's name again under the title (the letterhead is its heading); a space
      // keeps the layout when no name is set.
      text: printable(input.organisation.name.trim() || ' '),
      fontSize: 13,
      color: MUTED,
      margin: [0, 0, 0, 30],
    },
    {
      table: {
        widths: [110, '*'],
        body: rows.map(([k, v]): TableCell[] => [{ text: k, color: MUTED }, { text: v }]),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 24],
    },
    { stack: status },
  ]
}

function summary(report: SubsidyReport, wr: Writer): Content[] {
  const { w } = wr
  const head: TableCell[] = [
    { text: w('figure'), style: TABLE_HEADER_STYLE },
    right(w('thisPeriod'), { style: TABLE_HEADER_STYLE }),
    right(w('lastYear'), { style: TABLE_HEADER_STYLE }),
    right(w('target'), { style: TABLE_HEADER_STYLE }),
  ]
  const body: TableCell[][] = [head]
  const shown: SubsidyFigure[] = []
  for (const section of REPORT_SECTIONS) {
    const main = report.figures.filter((f) => f.section === section && f.partOf === null)
    if (main.length === 0) continue
    shown.push(...main)
    body.push([
      { text: printable(wr.words.sections[section]), bold: true, colSpan: 4, margin: [0, 4, 0, 0] },
      {},
      {},
      {},
    ])
    for (const f of main) {
      const cells = figureCells(f, wr)
      body.push([
        { text: figureLabel(f, wr), margin: [8, 0, 0, 0] },
        right(cells.value),
        right(cells.lastYear),
        right(cells.target),
      ])
    }
  }
  return [
    heading(w('summary'), { pageBreak: 'before' }),
    note(w('summaryIntro')),
    {
      table: { headerRows: 1, widths: ['*', 70, 80, 70], body },
      layout: GRID,
      margin: [0, 2, 0, 6],
    },
    ...(anyHidden(shown) ? [note(w('smallCells', { threshold: wr.threshold }))] : []),
  ]
}

function figuresTable(figures: SubsidyFigure[], wr: Writer): Content {
  const { w } = wr
  const body: TableCell[][] = [
    [
      { text: w('figure'), style: TABLE_HEADER_STYLE },
      right(w('thisPeriod'), { style: TABLE_HEADER_STYLE }),
      right(w('lastYear'), { style: TABLE_HEADER_STYLE }),
      right(w('target'), { style: TABLE_HEADER_STYLE }),
      right(w('deviation'), { style: TABLE_HEADER_STYLE }),
    ],
  ]
  for (const { figure: f, depth } of inPrintOrder(figures)) {
    const cells = figureCells(f, wr)
    const part = depth > 0 ? { color: MUTED } : {}
    body.push([
      { text: figureLabel(f, wr), margin: [depth * 12, 0, 0, 0], ...part },
      right(cells.value),
      right(cells.lastYear, part),
      right(cells.target, part),
      right(cells.deviation, f.needsExplanation && !f.hidden.value ? { bold: true } : part),
    ])
  }
  return {
    table: { headerRows: 1, widths: ['*', 58, 72, 70, 58], body },
    layout: GRID,
    margin: [0, 2, 0, 6],
  }
}

/** The chart a section carries: the shop's visits and the volunteers' hours per month. */
const CHARTS: Partial<Record<ReportSection, { series: 'visits' | 'hours'; title: WordKey }>> = {
  shop: { series: 'visits', title: 'chartVisits' },
  volunteers: { series: 'hours', title: 'chartHours' },
}

/**
 * One section: its figures, the notes on how to read them, the explanations of deviations, its
 * chart and its story. `explainDeviation`: this is the first table with a deviation column that
 * has numbers in it, under which the column is explained once.
 */
function sectionContent(
  section: ReportSection,
  report: SubsidyReport,
  wr: Writer,
  explainDeviation: boolean,
): Content[] {
  const { w } = wr
  const figures = report.figures.filter((f) => f.section === section)
  const out: Content[] = [heading(printable(wr.words.sections[section]))]
  if (figures.length === 0) out.push(note(w('noFigures')))
  else {
    out.push(figuresTable(figures, wr))
    const notes: string[] = []
    if (anyHidden(figures.filter((f) => !f.basis)))
      notes.push(w('smallCells', { threshold: wr.threshold }))
    if (anyHidden(figures.filter((f) => f.basis)))
      notes.push(w('fewAnswers', { floor: Math.max(wr.threshold, STATEMENT_MIN_N) }))
    if (explainDeviation)
      notes.push(w('deviationNote', { percent: report.settings.deviationPercent }))
    out.push(...notes.map(note))
  }

  const explained = figures.filter((f) => f.explanation && f.explanation.trim() !== '')
  if (explained.length > 0)
    out.push(
      subheading(w('explanations')),
      ...explained.map((f): Content => ({
        text: [{ text: `${figureLabel(f, wr)}: `, bold: true }, printable(f.explanation!.trim())],
        margin: [0, 0, 0, 4],
      })),
    )

  const chart = CHARTS[section]
  if (chart && report.months.length > 0)
    out.push({
      svg: monthlyBarChartSvg({
        months: report.months,
        series: chart.series,
        title: w(chart.title),
        language: wr.language,
        width: PAGE_WIDTH,
        height: 200,
      }),
      width: PAGE_WIDTH,
      margin: [0, 10, 0, 6],
    })

  const told = (report.stories ?? []).filter((s) => s.section === section)
  if (told.length > 0) {
    out.push(subheading(w('stories')))
    for (const s of told) {
      const by = w(s.about === 'resident' ? 'storyByResident' : 'storyByVolunteer', {
        name: s.name,
      })
      out.push({
        stack: [
          ...(s.title ? [{ text: printable(s.title), bold: true, margin: [0, 0, 0, 2] }] : []),
          ...paragraphs(s.text),
          note(`${by}, ${toDutchDate(s.toldOn)}`),
        ],
        margin: [8, 0, 0, 6],
        unbreakable: true,
      } as Content)
    }
  }

  const stories = report.narratives.filter((n) => n.section === section && n.text.trim() !== '')
  if (stories.length > 0) {
    out.push(subheading(w('story')))
    for (const n of stories) {
      out.push(...paragraphs(n.text))
      if (n.carriedFrom)
        out.push(
          note(
            w('carriedFrom', {
              from: toDutchDate(n.carriedFrom.from),
              to: toDutchDate(n.carriedFrom.to),
            }),
          ),
        )
    }
  }
  return out
}

function appendix(report: SubsidyReport, wr: Writer): Content[] {
  const { w } = wr
  return [
    heading(w('appendix'), { pageBreak: 'before' }),
    note(w('appendixIntro')),
    ...report.definitions.map((d): Content => ({
      // A definition is a few lines; cut in two it would read as two definitions.
      unbreakable: true,
      stack: [
        { text: printable(d.label[wr.language]), bold: true },
        {
          text: [
            { text: printable(d.key), font: MONO_FONT, fontSize: 8 },
            { text: `  ${w('version', { version: d.version })}` },
          ],
          style: 'small',
          color: MUTED,
        },
        { text: printable(d.text[wr.language]), margin: [0, 2, 0, 0] },
      ],
      margin: [0, 0, 0, 10],
    })),
  ]
}

/** The period, the moment of making and "pagina X van Y" at the foot of every page. */
function pageFooter(input: SubsidyPdfInput, wr: Writer): DynamicContent {
  const { w } = wr
  const { period } = input.report
  const made = instant(input.printedAt)
  const left = `${w('title')}, ${w('periodRange', {
    from: toDutchDate(period.from),
    to: toDutchDate(period.to),
  })}`
  const middle = w('footerMade', { date: toDutchDate(made.day), time: made.time })
  // Each text carries the footer style, not only the row: the page-break rule looks at the
  // texts, and would take a footer's for content that follows a heading.
  return (page, count) => ({
    columns: [
      { text: left, alignment: 'left', width: 220, style: FOOTER_STYLE },
      { text: middle, alignment: 'center', width: '*', style: FOOTER_STYLE },
      {
        text: w('footerPage', { page, count }),
        alignment: 'right',
        width: 80,
        style: FOOTER_STYLE,
      },
    ],
    columnGap: 10,
    style: FOOTER_STYLE,
    margin: [50, 25, 50, 0],
  })
}

/**
 * The municipal subsidy report as a pdfmake document on the letterhead: a cover with what the
 * figures cover and when they were made, a summary, one part per section (figures beside last
 * year and the target, explanations, a chart, the story), and the definitions as an appendix.
 * Cells the report marks hidden print as "< N" only; their number appears nowhere in the file.
 */
export function subsidyPdfDocument(input: SubsidyPdfInput): TDocumentDefinitions {
  const wr = writer(input.report, input.language)
  const { period, figures } = input.report
  const firstDeviation = REPORT_SECTIONS.find((s) =>
    figures.some((f) => f.section === s && f.deviation !== null && !f.hidden.value),
  )
  const doc = letterDocument({
    organisation: input.organisation,
    printedAt: new Date(input.printedAt),
    title: `${wr.w('title')} ${toDutchDate(period.from)} - ${toDutchDate(period.to)}`,
    content: [
      ...coverPage(input, wr),
      ...summary(input.report, wr),
      ...REPORT_SECTIONS.flatMap((s) => sectionContent(s, input.report, wr, s === firstDeviation)),
      ...appendix(input.report, wr),
    ],
    language: input.language,
  })
  return { ...doc, footer: pageFooter(input, wr), info: { ...doc.info, subject: wr.w('title') } }
}

/** How far the PDF is (for the worker's job), and whether the user stopped it. */
export interface PdfSteps {
  progress(done: number, total: number): void
  throwIfCancelled(): void
}

/**
 * Writes the report to `path` (a fresh file: never over an existing one); returns its size.
 * A stop asked for during the layout is honoured before anything is written.
 */
export async function writeSubsidyPdf(
  input: SubsidyPdfInput & { path: string },
  steps?: PdfSteps,
): Promise<number> {
  const { path, ...rest } = input
  steps?.progress(1, 3)
  const document = subsidyPdfDocument(rest)
  steps?.throwIfCancelled()
  steps?.progress(2, 3)
  const bytes = await renderPdf(document)
  steps?.throwIfCancelled()
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
  steps?.progress(3, 3)
  return bytes.byteLength
}
