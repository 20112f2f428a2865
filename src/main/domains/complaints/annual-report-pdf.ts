import { writeFile } from 'node:fs/promises'
import type { Content, TableCell } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import type { AnnualComplaintsReport, ReportCount } from '../../../shared/schemas/complaints-report'
import { codeLabel, labelsT } from '../../i18n'
import { HEADING, letterDocument, MUTED, RULE, TABLE_HEADER_STYLE } from '../../pdf/letterhead'
import { printable, renderPdf } from '../../pdf/render'
import { withArticle } from './letter-values'

export interface AnnualReportPdfInput {
  report: AnnualComplaintsReport
  organisation: Organisation
  /** The terms and the decider's title, as the procedure section states them. */
  terms: {
    ackWorkingDays: number
    decisionWeeks: number
    maxExtensionWeeks: number
    deciderTitle: string
  }
  /** When the file is made (ISO); the footer shows its day. */
  printedAt: string
}

const t = labelsT('nl')
const w = (key: string, params?: Record<string, string | number>): string =>
  t(`pdf.complaintsReport.${key}`, params ?? {})

/** A count as the public report shows it: below the threshold (but not 0) as "< N". */
export function smallCell(count: number, threshold: number): string {
  return count > 0 && count < threshold ? `< ${threshold}` : String(count)
}

/**
 * The cells of one table with a printed total, as the public report shows them. Cells below the
 * threshold (but not 0) show "< N". The total, and the number received in the figures table,
 * would then give a lone small cell away (Bejegening 7, Privacy "< 5", total 9: Privacy is 2),
 * so the next smallest cells are hidden too ("≥ N", which is all a reader learns of them), until
 * the hidden cells can add up to their known sum in more than one way. Leaving the total out
 * would not help: the same number stands in the figures table.
 */
export function suppressedCells(counts: number[], threshold: number): string[] {
  const small = (n: number): boolean => n > 0 && n < threshold
  const hidden = new Set(counts.flatMap((n, i) => (small(n) ? [i] : [])))
  if (hidden.size === 0) return counts.map(String)
  const ambiguous = (): boolean => {
    const idx = [...hidden]
    const sum = idx.reduce((a, i) => a + counts[i]!, 0)
    const primary = idx.filter((i) => small(counts[i]!)).length
    const secondary = idx.length - primary
    // The fewest and most the hidden cells could hold, knowing only which mark each shows.
    const least = primary + secondary * threshold
    const most = secondary > 0 ? Infinity : primary * (threshold - 1)
    return idx.length >= 2 && sum > least && sum < most
  }
  const byCount = counts
    .map((n, i) => ({ n, i }))
    .filter(({ n, i }) => n > 0 && !hidden.has(i))
    .sort((a, b) => a.n - b.n || a.i - b.i)
  for (const { i } of byCount) {
    if (ambiguous()) break
    hidden.add(i)
  }
  return counts.map((n, i) =>
    !hidden.has(i) ? String(n) : small(n) ? `< ${threshold}` : `≥ ${threshold}`,
  )
}

/** The labels and counts of a table, its small cells suppressed together (see above). */
function suppressed(rows: [string, number][], threshold: number): [string, string][] {
  const cells = suppressedCells(
    rows.map(([, n]) => n),
    threshold,
  )
  return rows.map(([label], i) => [label, cells[i]!])
}

/** A number of days with one decimal, Dutch style ("12,5"); a dash when there is none. */
function days(n: number | null): string {
  return n === null ? '–' : n.toLocaleString('nl-NL', { maximumFractionDigits: 1 })
}

const GRID = {
  hLineColor: (): string => RULE,
  vLineColor: (): string => RULE,
  hLineWidth: (): number => 0.6,
  vLineWidth: (): number => 0,
  paddingTop: (): number => 3,
  paddingBottom: (): number => 3,
}

/** A two-column table: what, and how many (right-aligned), with a head row. */
function countTable(head: string, rows: [string, string][], total?: string): Content {
  const body: TableCell[][] = [
    [
      { text: head, style: TABLE_HEADER_STYLE },
      { text: w('count'), style: TABLE_HEADER_STYLE, alignment: 'right' as const },
    ],
    ...rows.map(([label, value]): TableCell[] => [
      { text: printable(label) },
      { text: value, alignment: 'right' as const },
    ]),
  ]
  if (total !== undefined)
    body.push([
      { text: w('total'), bold: true },
      { text: total, bold: true, alignment: 'right' },
    ])
  return {
    table: { headerRows: 1, widths: ['*', 90], body },
    layout: GRID,
    margin: [0, 2, 0, 10],
  }
}

function heading(text: string): Content {
  return { text, style: 'heading', headlineLevel: HEADING }
}
function subheading(text: string): Content {
  return { text, style: 'subheading', headlineLevel: HEADING }
}
function para(text: string): Content {
  return { text: printable(text), margin: [0, 0, 0, 6] }
}

/**
 * A heading with its table kept on one page: these tables are short (a category list of a few
 * to some twenty rows), and a table cut after its first row reads as if that were all.
 */
function keep(...content: Content[]): Content {
  return { unbreakable: true, stack: content }
}

const labelled = (table: string, rows: ReportCount[], threshold: number): [string, string][] =>
  suppressed(
    rows.map((r) => [codeLabel(table, r.code, t), r.count]),
    threshold,
  )

/**
 * The annual complaints report as a public document, in the usual sections: the procedure, the
 * committee, the number and nature of the complaints, the outcomes, the measures. Only counts;
 * a category with fewer complaints than the threshold shows "< N", so that in a small
 * organisation nobody can be recognised from a category with one or two complaints.
 */
export function annualReportContent(input: AnnualReportPdfInput): Content[] {
  const { report: r, terms } = input
  const organisation = input.organisation.name || w('thisOrganisation')
  const threshold = r.smallCellThreshold
  const decider = withArticle(terms.deciderTitle)
  const Decider = decider.charAt(0).toUpperCase() + decider.slice(1)
  return [
    { text: w('title', { year: r.year }), style: 'title', headlineLevel: HEADING },
    para(w('intro', { organisation, year: r.year })),

    heading(w('procedure')),
    para(w('procedureIntro', { organisation })),
    {
      ol: [w('step1'), w('step2'), w('step3', { decider })].map((s) => printable(s)),
      margin: [8, 0, 0, 6],
    },
    para(
      w('terms', {
        ack: terms.ackWorkingDays,
        weeks: terms.decisionWeeks,
        extension: terms.maxExtensionWeeks,
      }),
    ),

    heading(w('committee')),
    para(w('committeeText', { decider, Decider })),
    para(w('committeeCount', { count: r.committee, year: r.year })),

    keep(
      heading(w('numbers')),
      countTable(w('figure'), [
        [w('received'), String(r.received)],
        [w('decided'), String(r.decided)],
        [w('openAtYearEnd'), String(r.openAtYearEnd)],
        [w('meanDays'), days(r.handlingDays.mean)],
        [w('medianDays'), days(r.handlingDays.median)],
        [w('lateAcknowledgements'), String(r.lateAcknowledgements)],
        [w('lateDecisions'), String(r.lateDecisions)],
        [w('extended'), String(r.extended)],
      ]),
    ),
    keep(
      subheading(w('byCategory')),
      countTable(
        w('category'),
        suppressed(
          r.byCategory.map((c) => [c.name, c.count]),
          threshold,
        ),
        String(r.received),
      ),
      {
        text: printable(w('smallCellNote', { threshold })),
        style: 'small',
        color: MUTED,
        margin: [0, -4, 0, 6],
      },
    ),
    keep(
      subheading(w('byChannel')),
      countTable(
        w('channel'),
        labelled('complaintCodes.channels', r.byChannel, threshold),
        String(r.received),
      ),
    ),
    keep(
      subheading(w('byStep')),
      countTable(
        w('step'),
        labelled('complaintCodes.steps', r.byStep, threshold),
        String(r.received),
      ),
    ),
    keep(
      heading(w('outcomes')),
      para(w('outcomesIntro', { year: r.year })),
      countTable(
        w('outcome'),
        labelled('complaintCodes.outcomes', r.byOutcome, threshold),
        String(r.decided),
      ),
    ),
    keep(
      heading(w('measures')),
      para(w('measuresIntro')),
      countTable(w('measure'), [
        [w('measuresTaken'), String(r.measures.taken)],
        [w('measuresCarriedOut'), String(r.measures.carriedOut)],
        [w('measuresNotCarriedOut'), String(r.measures.notCarriedOut)],
      ]),
    ),
    { text: printable(w('definitions')), style: 'small', color: MUTED, margin: [0, 10, 0, 0] },
  ]
}

/** The annual complaints report as a PDF on the letterhead. */
export function annualReportPdf(input: AnnualReportPdfInput): Promise<Buffer> {
  return renderPdf(
    letterDocument({
      organisation: input.organisation,
      printedAt: new Date(input.printedAt),
      title: w('title', { year: input.report.year }),
      content: annualReportContent(input),
    }),
  )
}

/** Writes the report to `path` (a fresh temp file of the download folder); returns its size. */
export async function writeAnnualReportPdf(
  input: AnnualReportPdfInput & { path: string },
): Promise<number> {
  const { path, ...doc } = input
  const bytes = await annualReportPdf(doc)
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
  return bytes.byteLength
}
