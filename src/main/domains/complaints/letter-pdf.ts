import { writeFile } from 'node:fs/promises'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import { fillPlaceholders, type LetterValues } from '../../../shared/schemas/complaint-letters'
import { labelsT } from '../../i18n'
import { letterDocument, letterhead, MUTED } from '../../pdf/letterhead'
import { printable, renderPdf } from '../../pdf/render'

/** One copy of the letter: to whom, and the values filled in for that reader. */
export interface LetterCopy {
  /** The addressee block: a name, then address lines (none for someone inside the organisation). */
  address: string[]
  values: LetterValues
}

export interface LetterPdfInput {
  organisation: Organisation
  /** The template version's text, placeholders not yet filled in. */
  subject: string
  body: string
  /** One letter per addressee, each starting on a page of its own with the letterhead. */
  copies: LetterCopy[]
  /** When the file is made (ISO); the footer shows its day. */
  printedAt: string
}

const t = labelsT('nl')
const w = (key: string): string => t(`pdf.complaintLetter.${key}`)

/** A bullet line of a template: "- text" or "• text". */
const BULLET = /^\s*[-•]\s+/

/**
 * A template's body as pdfmake content: a blank line starts a new paragraph, a single line break
 * stays a line break, and a run of lines starting with "- " becomes a list (the measures).
 */
export function bodyContent(text: string): Content[] {
  const out: Content[] = []
  for (const para of text.split(/\n\s*\n/)) {
    if (!para.trim()) continue
    const lines = para.split('\n')
    let plain: string[] = []
    let items: string[] = []
    const flushPlain = (): void => {
      if (plain.length) out.push({ text: printable(plain.join('\n')), margin: [0, 0, 0, 3] })
      plain = []
    }
    const flushItems = (): void => {
      if (items.length) out.push({ ul: items.map((i) => printable(i)), margin: [8, 0, 0, 2] })
      items = []
    }
    for (const line of lines) {
      if (BULLET.test(line)) {
        flushPlain()
        items.push(line.replace(BULLET, ''))
      } else {
        flushItems()
        plain.push(line)
      }
    }
    flushPlain()
    flushItems()
    // The room between paragraphs: about half a line more than between lines.
    const last = out[out.length - 1] as { margin?: number[] } | undefined
    if (last) last.margin = [last.margin?.[0] ?? 0, 0, 0, 9]
  }
  return out
}

/** The addressee, then date, reference and subject, then the letter itself. */
function oneLetter(input: LetterPdfInput, copy: LetterCopy, first: boolean): Content[] {
  const subject = fillPlaceholders(input.subject, copy.values)
  const body = fillPlaceholders(input.body, copy.values)
  const meta = (label: string, value: string): Content[] => [
    { text: label, color: MUTED },
    { text: printable(value), bold: label === w('subject') },
  ]
  return [
    ...(first ? [] : [{ ...(letterhead(input.organisation) as object), pageBreak: 'before' }]),
    {
      stack: copy.address.map((line): Content => ({ text: printable(line) })),
      margin: [0, 6, 0, 26],
    },
    {
      table: {
        widths: [80, '*'],
        body: [
          meta(w('date'), copy.values.datum),
          meta(w('reference'), copy.values.klachtnummer),
          meta(w('subject'), subject),
        ],
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 22],
    },
    ...bodyContent(body),
  ] as Content[]
}

/**
 * A letter's footer names the complaint and the page of that letter, not "page 2 of 2" of the
 * file (the second page may be the copy for someone else) nor a print date (the letter has its
 * own date).
 */
function renderLetter(doc: TDocumentDefinitions, reference: string): Promise<Buffer> {
  return renderPdf({
    ...doc,
    footer: () => ({
      text: printable(`${w('reference')} ${reference}`),
      style: 'footer',
      margin: [50, 25, 50, 0],
    }),
  })
}

/** The letter (one copy per addressee) as a PDF on the organisation's letterhead. */
export function complaintLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const title = input.copies.length
    ? fillPlaceholders(input.subject, input.copies[0]!.values)
    : input.subject
  return renderLetter(
    letterDocument({
      organisation: input.organisation,
      printedAt: new Date(input.printedAt),
      title: printable(title),
      content: input.copies.flatMap((copy, i) => oneLetter(input, copy, i === 0)),
    }),
    input.copies[0]?.values.klachtnummer ?? '',
  )
}

/** Writes the letter to `path` (a fresh temp file of the download folder); returns its size. */
export async function writeComplaintLetter(
  input: LetterPdfInput & { path: string },
): Promise<number> {
  const { path, ...letter } = input
  const bytes = await complaintLetterPdf(letter)
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
  return bytes.byteLength
}
