import { writeFile } from 'node:fs/promises'
import type { Content } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import { toDutchDate } from '../../../shared/dates'
import { SCORE_PARTS, type MatchWeights } from '../../../shared/schemas/volunteers-matching'
import { dateInZone } from '../../clock'
import { labelsT, type LabelLanguage } from '../../i18n'
import { HEADING, letterDocument, RULE, TABLE_HEADER_STYLE } from '../../pdf/letterhead'
import { printable, renderPdf } from '../../pdf/render'

export interface HowWeMatchInput {
  organisation: Organisation
  weights: MatchWeights
  /** When the page is made (ISO): the footer and the weights' date. */
  printedAt: string
  /** Dutch unless the screen asked in English. */
  language: LabelLanguage
}

/** The filters in the order the page explains them. */
const FILTERS = [
  'noSharedHalfDay',
  'limitation',
  'noPlacesLeft',
  'doubleBooked',
  'alreadyHere',
  'active',
] as const

const GRID = {
  hLineColor: (): string => RULE,
  vLineColor: (): string => RULE,
  hLineWidth: (): number => 0.6,
  vLineWidth: (): number => 0.6,
  paddingTop: (): number => 4,
  paddingBottom: (): number => 4,
}

/**
 * "Hoe wij matchen": the filters, the six parts with their current weights and how each counts,
 * the order on equal points, "ontbreekt", and that the coordinator decides. For the municipality
 * and for the person concerned, so it holds nobody's data.
 */
export function howWeMatchContent(input: HowWeMatchInput): Content[] {
  const t = labelsT(input.language)
  const f = (key: string, params?: Record<string, string | number>): string =>
    printable(t(`matching.pdf.${key}`, params ?? {}))
  const w = input.weights
  const total = SCORE_PARTS.reduce((sum, p) => sum + w[p], 0)
  const organisation = input.organisation.name || 'Dichtbij'
  const heading = (key: string): Content => ({
    text: f(key),
    style: 'heading',
    headlineLevel: HEADING,
  })
  const para = (text: string): Content => ({ text, margin: [0, 0, 0, 6] })
  const partsTable: Content = {
    table: {
      widths: [110, 55, '*'],
      body: [
        [
          { text: f('partColumn'), style: TABLE_HEADER_STYLE },
          { text: f('weightColumn'), style: TABLE_HEADER_STYLE, alignment: 'right' },
          { text: f('ruleColumn'), style: TABLE_HEADER_STYLE },
        ],
        ...SCORE_PARTS.map((p) => [
          { text: printable(t(`matching.partNames.${p}`)), bold: true },
          { text: String(w[p]), alignment: 'right' as const },
          { text: f(`rules.${p}`, { days: w.waitingFullDays }) },
        ]),
      ],
    },
    layout: GRID,
    margin: [0, 2, 0, 4],
  }
  return [
    { text: f('title'), style: 'title', headlineLevel: HEADING },
    para(f('intro', { organisation })),
    heading('filtersTitle'),
    para(f('filtersIntro')),
    { ul: FILTERS.map((k) => ({ text: f(`filters.${k}`), margin: [0, 0, 0, 3] })) },
    // The parts, their weights and the day those weights held stay together on one page.
    {
      unbreakable: true,
      stack: [
        heading('partsTitle'),
        para(f('partsIntro', { total })),
        partsTable,
        {
          text: f('weightsSetOn', { date: toDutchDate(dateInZone(new Date(input.printedAt))) }),
          style: 'muted',
          fontSize: 8,
        },
      ],
    },
    heading('tiesTitle'),
    para(f('ties')),
    heading('missingTitle'),
    para(f('missing')),
    heading('decideTitle'),
    para(f('decide')),
  ]
}

export function howWeMatchPdfBytes(input: HowWeMatchInput): Promise<Buffer> {
  return renderPdf(
    letterDocument({
      organisation: input.organisation,
      printedAt: new Date(input.printedAt),
      title: labelsT(input.language)('matching.pdf.title'),
      content: howWeMatchContent(input),
      language: input.language,
    }),
  )
}

/** Writes the page to `path` (a fresh temp file of the download folder); returns its size. */
export async function writeHowWeMatch(input: HowWeMatchInput & { path: string }): Promise<number> {
  const { path, ...rest } = input
  const bytes = await howWeMatchPdfBytes(rest)
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
  return bytes.byteLength
}
