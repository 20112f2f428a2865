import type { Content, TableCell } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import { toDutchDate } from '../../../shared/dates'
import { dateInZone, timeInZone } from '../../clock'
import type {
  SubjectColumn,
  SubjectReport,
  SubjectSection,
  SubjectTable,
  SubjectValue,
} from './types'
import {
  HEADING,
  letterDocument,
  MUTED,
  printDate,
  RULE,
  TABLE_HEADER_STYLE,
} from '../../pdf/letterhead'
import { printable, renderPdf } from '../../pdf/render'
import { labelsT, type LabelLanguage } from '../../i18n'

/** A value as a reader wants it: dates as dd-mm-jjjj, instants in Dutch time, lists on lines. */
export function formatValue(
  value: SubjectValue,
  type: SubjectColumn['type'],
  language: LabelLanguage = 'nl',
): string {
  if (value === null || value === '') return '—'
  if (Array.isArray(value)) return value.length ? printable(value.join('\n')) : '—'
  if (typeof value === 'boolean') return labelsT(language)(value ? 'pdf.yes' : 'pdf.no')
  if (type === 'date' && typeof value === 'string') return toDutchDate(value)
  if (type === 'datetime' && typeof value === 'string') {
    const at = new Date(value)
    if (Number.isNaN(at.getTime())) return value
    return `${toDutchDate(dateInZone(at))} ${timeInZone(at).slice(0, 5)}`
  }
  // Hours such as 12.25 are written with a decimal comma in Dutch; no thousands separator, so
  // years and numbers stay as they are.
  if (typeof value === 'number' && language === 'nl') return String(value).replace('.', ',')
  return printable(String(value))
}

/**
 * In a grid an empty cell stays blank (a column of dashes is noise), and a list is one run of
 * text, so a row of the audit log does not grow into a tall column of field names.
 */
function cellText(value: SubjectValue, column: SubjectColumn): string {
  if (value === null || value === '' || (Array.isArray(value) && !value.length)) return ''
  if (Array.isArray(value)) return printable(value.join(', '))
  return formatValue(value, column.type)
}

const thinLines = {
  hLineWidth: (i: number): number => (i === 0 ? 0 : 0.5),
  vLineWidth: (): number => 0,
  hLineColor: (): string => RULE,
  paddingTop: (): number => 3,
  paddingBottom: (): number => 3,
}

/** A record's value: a list of more than one item as bullets, so long items stay apart. */
function recordValue(value: SubjectValue, column: SubjectColumn): TableCell {
  if (Array.isArray(value) && value.length > 1)
    return { ul: value.map(printable), margin: [0, 0, 0, 1] }
  return { text: formatValue(value, column.type) }
}

function recordTable(table: SubjectTable): Content[] {
  return table.rows.map((row, i): Content => ({
    table: {
      widths: [150, '*'],
      body: table.columns.map((c): TableCell[] => [
        { text: c.label, color: MUTED },
        recordValue(row[c.key] ?? null, c),
      ]),
    },
    layout: thinLines,
    margin: [0, i === 0 ? 0 : 10, 0, 0],
  }))
}

const isWhen = (c: SubjectColumn): boolean => c.type === 'date' || c.type === 'datetime'

/**
 * Column widths from what the column holds: dates and short words get just their width, the
 * rest shares what is left, so notes and field lists do not wrap into a narrow strip. Without
 * such a column the last short text column stretches, so every table spans the page.
 */
function widths(table: SubjectTable): (string | number)[] {
  const out = table.columns.map((column): string | number => {
    if (isWhen(column)) return 'auto'
    const longest = Math.max(
      ...column.label.split(' ').map((w) => w.length),
      ...table.rows.flatMap((r) =>
        cellText(r[column.key] ?? null, column)
          .split('\n')
          .map((l) => l.length),
      ),
    )
    return longest <= 16 ? 'auto' : '*'
  })
  if (out.includes('*')) return out
  const last = table.columns.findLastIndex((c) => !isWhen(c))
  return last < 0 ? out : out.map((w, i) => (i === last ? '*' : w))
}

function gridTable(table: SubjectTable): Content {
  const wide = table.columns.length > 5
  return {
    table: {
      headerRows: 1,
      widths: widths(table),
      body: [
        table.columns.map((c): TableCell => ({ text: c.label, style: TABLE_HEADER_STYLE })),
        ...table.rows.map((row) =>
          table.columns.map((c): TableCell => ({
            text: cellText(row[c.key] ?? null, c),
            noWrap: isWhen(c),
          })),
        ),
      ],
    },
    layout: thinLines,
    fontSize: wide ? 8 : 9,
  }
}

function tableContent(table: SubjectTable): Content[] {
  const out: Content[] = []
  if (table.title) out.push({ text: table.title, style: 'subheading', headlineLevel: HEADING })
  if (!table.rows.length) {
    out.push({ text: table.empty ?? labelsT()('pdf.nothingRecorded'), italics: true, color: MUTED })
    return out
  }
  return [...out, ...(table.layout === 'record' ? recordTable(table) : [gridTable(table)])]
}

function sectionContent(section: SubjectSection): Content[] {
  return [
    { text: section.title, style: 'heading', headlineLevel: HEADING },
    ...(section.intro
      ? [
          {
            text: section.intro,
            color: MUTED,
            margin: [0, 0, 0, 6],
            headlineLevel: HEADING,
          } as Content,
        ]
      : []),
    ...section.tables.flatMap(tableContent),
  ]
}

/**
 * The subject access export as a letter-headed PDF: who it is about, when and by whom it was made,
 * then every part's tables in the order the parts registered.
 */
export async function subjectReportPdf(
  report: SubjectReport,
  organisation: Organisation,
): Promise<Buffer> {
  const exportedAt = new Date(report.exportedAt)
  const t = labelsT()
  const orgName = organisation.name || t('pdf.subjectReport.someOrganisation')
  const content: Content[] = [
    { text: report.title, style: 'title' },
    {
      table: {
        widths: [150, '*'],
        body: [
          [
            { text: t('pdf.subjectReport.about'), color: MUTED },
            `${report.subject.label} (${report.subject.name})`,
          ],
          [{ text: t('pdf.subjectReport.date'), color: MUTED }, printDate(exportedAt)],
          [{ text: t('pdf.subjectReport.madeBy'), color: MUTED }, report.exportedBy],
        ],
      },
      layout: 'noBorders',
      margin: [0, 4, 0, 10],
    },
    {
      text: t('pdf.subjectReport.intro', {
        organisation: orgName,
        // A participant or a complainant reads "over u", a family "over dit huishouden"; a kind
        // without its own words is addressed as the reader, as the rest of the letter does.
        whom: t(`pdf.subjectReport.whom.${report.subject.kind}`, {
          defaultValue: t('pdf.subjectReport.whom.person'),
        }),
      }),
    },
    ...report.parts.flatMap(sectionContent),
  ]
  return renderPdf(
    letterDocument({ organisation, printedAt: exportedAt, title: report.title, content }),
  )
}
