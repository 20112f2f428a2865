import type {
  Content,
  DynamicContent,
  Node,
  NodeQueries,
  TDocumentDefinitions,
} from 'pdfmake/interfaces'
import type { Organisation } from '../../shared/schemas/accounts'
import { toDutchDate } from '../../shared/dates'
import { dateInZone } from '../clock'
import { labelsT, type LabelLanguage } from '../i18n'
import { logoPrintable } from './logo'

/** Colours shared by every document, so they look like one family of papers. */
export const INK = '#1f2933'
export const MUTED = '#52606d'
export const RULE = '#cbd2d9'
export const SHADE = '#eef2f6'

const FOOTER_STYLE = 'footer'
/** The style of a grid table's head row. */
export const TABLE_HEADER_STYLE = 'tableHeader'

/** A4 with room at the bottom for the footer. */
const PAGE_MARGINS: [number, number, number, number] = [50, 45, 50, 60]

/**
 * The logo as pdfmake can embed it, or null. Saving checks the logo, but one saved before that
 * check (or damaged since) would make the whole document fail, so a logo is only used when its
 * bytes are a whole PNG or JPEG the PDF library decodes; otherwise the letterhead goes without.
 */
export function usableLogo(logo: string | null): string | null {
  return logo && logoPrintable(logo) ? logo : null
}

/** The organisation's address lines, leaving out what is not filled in. */
export function addressLines(org: Organisation): string[] {
  const place = [org.postcode, org.city].filter(Boolean).join('  ')
  return [org.address, place].filter((l): l is string => !!l && l.trim() !== '')
}

/** Name, address and logo of the organisation, with a rule under it: the top of a first page. */
export function letterhead(org: Organisation): Content {
  const logo = usableLogo(org.logo)
  const text: Content = {
    stack: [
      { text: org.name || 'Dichtbij', fontSize: 14, bold: true, color: INK },
      ...addressLines(org).map((line): Content => ({ text: line, color: MUTED })),
    ],
  }
  return {
    stack: [
      {
        columns: logo
          ? [text, { width: 'auto', stack: [{ image: logo, fit: [140, 60] }] }]
          : [text],
      },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: 495, y2: 0, lineWidth: 0.75, lineColor: RULE }],
        margin: [0, 10, 0, 18],
      },
    ],
  }
}

/** The print date as `dd-mm-jjjj`, on the Dutch calendar day. */
export function printDate(at: Date): string {
  return toDutchDate(dateInZone(at))
}

/** "Afgedrukt op dd-mm-jjjj" on the left and "pagina X van Y" on the right of every page. */
export function footer(printedAt: Date, language: LabelLanguage = 'nl'): DynamicContent {
  const t = labelsT(language)
  const date = printDate(printedAt)
  return (currentPage, pageCount) => ({
    columns: [
      { text: t('pdf.printedOn', { date }), alignment: 'left', style: FOOTER_STYLE },
      {
        text: t('pdf.page', { page: currentPage, count: pageCount }),
        alignment: 'right',
        style: FOOTER_STYLE,
      },
    ],
    style: FOOTER_STYLE,
    margin: [PAGE_MARGINS[0], 25, PAGE_MARGINS[2], 0],
  })
}

export interface LetterDocument {
  organisation: Organisation
  /** When the document is made; the footer shows this day. */
  printedAt: Date
  /** The PDF's title in its properties (what a reader shows in its title bar). */
  title: string
  content: Content[]
  styles?: TDocumentDefinitions['styles']
  /** The language of the footer; Dutch unless the caller passes one. */
  language?: LabelLanguage
}

/**
 * Marks a heading (and text that belongs with it, like an intro) for keepWithContent.
 */
export const HEADING = 1

/**
 * A heading must not end a page, nor a table's head: when nothing but headings, intros and
 * table heads follows on the page, the node moves to the next page. Containers (a table, a row
 * of columns) do not count as content, nor does the footer, which pdfmake lists as well.
 * Tables should not use pdfmake's keepWithHeaderRows or dontBreakRows: those move rows after
 * this check has run, so it would count a row that ends up on the next page.
 */
function keepWithContent(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel !== HEADING && !node.table) return false
  return queries
    .getFollowingNodesOnPage()
    .filter((n) => n.style !== FOOTER_STYLE && !n.table && !n.columns && !n.stack && !n.ul)
    .every((n) => n.headlineLevel === HEADING || n.style === TABLE_HEADER_STYLE)
}

/** An A4 document with the letterhead at the top of the first page and the footer on every page. */
export function letterDocument(doc: LetterDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    info: { title: doc.title, author: doc.organisation.name || 'Dichtbij' },
    footer: footer(doc.printedAt, doc.language),
    pageBreakBefore: keepWithContent,
    content: [letterhead(doc.organisation), ...doc.content],
    defaultStyle: { color: INK },
    styles: {
      title: { fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
      heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      subheading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      muted: { color: MUTED },
      small: { fontSize: 8 },
      [TABLE_HEADER_STYLE]: { bold: true, fillColor: SHADE },
      [FOOTER_STYLE]: { fontSize: 8, color: MUTED },
      ...doc.styles,
    },
  }
}
