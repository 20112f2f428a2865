import { writeFile } from 'node:fs/promises'
import type { Column, Content, TableCell } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import { INCOME_SOURCES } from '../../../shared/schemas/household'
import { codeLabel, labelsT } from '../../i18n'
import { HEADING, INK, letterDocument, MUTED, RULE, SHADE } from '../../pdf/letterhead'
import { printable, renderPdf } from '../../pdf/render'

export interface IntakeFormInput {
  organisation: Organisation
  /** The names of the active topics, in the list's order: what the family may tick. */
  topics: string[]
  /** When the form is made (ISO); the footer shows its day. */
  printedAt: string
}

/** The width pdfmake leaves between the page margins of the letterhead (A4, 50 pt each side). */
const CONTENT_WIDTH = 495
/** Empty rows for household members: most families in the shop have two to six. */
const MEMBER_ROWS = 8
/** Room to write by hand, in points: a line of handwriting is about 7 mm. */
const WRITE_HEIGHT = 20
const SIGN_HEIGHT = 42
const BOX = 9

const t = labelsT('nl')
const f = (key: string, params?: Record<string, string>): string =>
  t(`pdf.intakeForm.${key}`, params ?? {})

/** A small empty square to tick, drawn rather than typed: the body font has no box glyph. */
function tickBox(): Column {
  return {
    width: BOX + 4,
    canvas: [{ type: 'rect', x: 0, y: 1, w: BOX, h: BOX, lineWidth: 0.8, lineColor: INK }],
  }
}

/** A box to tick with its words beside it; `width` when it stands in a row of options. */
function option(label: string, extra?: Content, width?: number): Content {
  return {
    ...(width ? { width } : {}),
    // With a line to write on, the words take only their own width and the line the rest.
    columns: [
      tickBox(),
      { width: extra ? 'auto' : '*', text: printable(label) },
      ...(extra ? [extra] : []),
    ],
    columnGap: 4,
    margin: [0, 3, 0, 3],
  }
}

/** A line to write on after the words of an option ("Anders, namelijk ____"). */
function writeLine(width: number): Column {
  return {
    width,
    canvas: [{ type: 'line', x1: 0, y1: 11, x2: width, y2: 11, lineWidth: 0.6, lineColor: MUTED }],
  }
}

/** A cell of a form grid: its label small at the top, empty room below to write in. */
function field(label: string, height = WRITE_HEIGHT, colSpan?: number): TableCell {
  return {
    stack: [
      { text: label, fontSize: 8, color: MUTED },
      { text: ' ', margin: [0, 0, 0, height - 10] },
    ],
    ...(colSpan ? { colSpan } : {}),
  }
}

/** Lines in the colour of the letterhead's rule, as every form grid has them. */
const GRID = {
  hLineColor: (): string => RULE,
  vLineColor: (): string => RULE,
  hLineWidth: (): number => 0.8,
  vLineWidth: (): number => 0.8,
  paddingTop: (): number => 3,
  paddingBottom: (): number => 2,
}

/** A heading with what belongs under it, kept on one page together. */
function section(title: string, body: Content[], intro?: string): Content {
  return {
    unbreakable: true,
    stack: [
      { text: title, style: 'heading', headlineLevel: HEADING },
      ...(intro ? [{ text: intro, style: 'muted', margin: [0, -2, 0, 6] } as Content] : []),
      ...body,
    ],
  }
}

/** Options side by side in `cols` columns, filled row by row. */
function optionGrid(options: Content[], cols: number): Content {
  const rows: Content[][] = []
  for (let i = 0; i < options.length; i += cols) {
    const row = options.slice(i, i + cols)
    while (row.length < cols) row.push({ text: '' })
    rows.push(row)
  }
  return {
    table: { widths: Array<string>(cols).fill('*'), body: rows },
    layout: 'noBorders',
  }
}

/** A question answered with one of three boxes: ja / nee / weet ik niet. */
function threeWay(question: string): Content[] {
  return [
    { text: question, margin: [0, 4, 0, 0] },
    {
      columns: [
        option(f('yes'), undefined, 80),
        option(f('no'), undefined, 80),
        option(f('dontKnow'), undefined, 120),
      ],
      margin: [12, 0, 0, 4],
    },
  ]
}

/**
 * The blank intake form on the organisation's letterhead: what a new family fills in on paper at
 * the counter, in the order the coordinator enters it afterwards (household, members, income,
 * referrer, debts and problems, topics, consent), and a shaded box for the shop. Dutch, like the
 * families it goes to; the income sources and topics are the app's own, so the paper and the
 * screen ask the same.
 */
export function intakeFormContent(input: IntakeFormInput): Content[] {
  const organisation = input.organisation.name || f('thisOrganisation')
  const hf = (key: string): string => t(`householdFields.${key}`)
  const mf = (key: string): string => t(`memberFields.${key}`)
  const household: Content = {
    table: {
      widths: ['*', '*'],
      body: [
        [field(hf('contactName'), WRITE_HEIGHT, 2), {}],
        [field(f('address'), WRITE_HEIGHT, 2), {}],
        [field(hf('postcode')), field(hf('city'))],
        [field(hf('district')), field(hf('phone'))],
        [field(hf('email'), WRITE_HEIGHT, 2), {}],
      ],
    },
    layout: GRID,
  }
  const memberHead = (text: string, hint?: string): TableCell => ({
    stack: [
      { text, bold: true, fontSize: 9 },
      ...(hint ? [{ text: hint, fontSize: 7, color: MUTED }] : []),
    ],
    fillColor: SHADE,
  })
  const members: Content = {
    table: {
      widths: ['*', 80, 90, 90],
      heights: (row: number) => (row === 0 ? 'auto' : WRITE_HEIGHT),
      body: [
        [
          memberHead(mf('firstName')),
          memberHead(mf('birthYear')),
          memberHead(mf('gender'), f('genderHint')),
          memberHead(mf('clothingSize')),
        ],
        ...Array.from({ length: MEMBER_ROWS }, () => ['', '', '', '']),
      ],
    },
    layout: GRID,
  }
  // "Anders" gets a row of its own with room to say what it is.
  const incomes = INCOME_SOURCES.filter((code) => code !== 'anders').map((code) =>
    option(codeLabel('income', code, t)),
  )
  const otherIncome = option(
    `${codeLabel('income', 'anders', t)}, ${f('otherIncome')}`,
    writeLine(280),
  )
  const topics = input.topics.length
    ? optionGrid(
        input.topics.map((name) => option(name)),
        input.topics.length > 4 ? 3 : 2,
      )
    : { text: f('noTopics'), style: 'muted' }
  const consentTable: Content = {
    table: {
      widths: ['*', 110, '*'],
      body: [
        [
          field(f('name'), SIGN_HEIGHT),
          field(f('date'), SIGN_HEIGHT),
          field(f('signature'), SIGN_HEIGHT),
        ],
      ],
    },
    layout: GRID,
    margin: [0, 6, 0, 0],
  }
  const office: Content = {
    table: {
      widths: ['*', '*'],
      body: [
        [
          {
            text: f('office'),
            bold: true,
            colSpan: 2,
            fillColor: SHADE,
          },
          {},
        ],
        [field(f('intakeDate')), field(f('doneBy'))],
        [field(f('proofSeenOn')), field(f('reference'))],
      ],
    },
    layout: { ...GRID, hLineColor: (): string => MUTED, vLineColor: (): string => MUTED },
  }
  return [
    { text: f('title'), style: 'title', headlineLevel: HEADING },
    { text: printable(f('intro', { organisation })), margin: [0, 0, 0, 4] },
    section(f('household'), [household]),
    section(f('members'), [members], f('membersIntro')),
    section(f('income'), [
      { text: f('incomeQuestion'), margin: [0, 0, 0, 2] },
      optionGrid(incomes, 3),
      otherIncome,
      { text: f('referrer'), margin: [0, 8, 0, 0] },
      {
        canvas: [
          {
            type: 'line',
            x1: 0,
            y1: 18,
            x2: CONTENT_WIDTH,
            y2: 18,
            lineWidth: 0.6,
            lineColor: MUTED,
          },
        ],
      },
    ]),
    section(f('situation'), [
      ...threeWay(f('debtsQuestion')),
      ...threeWay(f('multipleProblemsQuestion')),
    ]),
    // Without topics to tick there is nothing to "kruis aan": the form asks to say it instead.
    section(f('topics'), [topics], input.topics.length ? f('topicsHint') : undefined),
    section(f('consent'), [{ text: printable(f('consentText', { organisation })) }, consentTable]),
    { ...office, margin: [0, 18, 0, 0], unbreakable: true } as Content,
  ]
}

/** The blank intake form as a PDF. */
export function intakeFormPdf(input: IntakeFormInput): Promise<Buffer> {
  return renderPdf(
    letterDocument({
      organisation: input.organisation,
      printedAt: new Date(input.printedAt),
      title: f('title'),
      content: intakeFormContent(input),
    }),
  )
}

/** Writes the blank form to `path` (a fresh temp file of the download folder); returns its size. */
export async function writeIntakeForm(input: IntakeFormInput & { path: string }): Promise<number> {
  const { path, ...form } = input
  const bytes = await intakeFormPdf(form)
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
  return bytes.byteLength
}
