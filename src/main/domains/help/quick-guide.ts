import { writeFile } from 'node:fs/promises'
import type { Content } from 'pdfmake/interfaces'
import type { Organisation } from '../../../shared/schemas/accounts'
import type { QuickGuide } from '../../../shared/schemas/search'
import { HEADING, letterDocument, MUTED } from '../../pdf/letterhead'
import { printable, renderPdf } from '../../pdf/render'
import { GUIDE_TEXT, type GuideSection } from './guide-text'

export interface QuickGuideInput {
  guide: QuickGuide
  organisation: Organisation
  /** When the guide is made (ISO); the footer shows its day. */
  printedAt: string
}

/** A section: its heading kept with the first lines under it, then text, steps and points. */
function section(s: GuideSection): Content[] {
  return [
    { text: printable(s.heading), style: 'heading', headlineLevel: HEADING },
    ...(s.text ?? []).map((p): Content => ({ text: printable(p), margin: [0, 0, 0, 6] })),
    ...(s.steps?.length ? [{ ol: s.steps.map(printable), margin: [0, 0, 0, 6] } as Content] : []),
    ...(s.points?.length ? [{ ul: s.points.map(printable), margin: [0, 0, 0, 6] } as Content] : []),
  ]
}

/** The quick guide's pages, on the organisation's letterhead. */
export function quickGuideContent(input: QuickGuideInput): Content[] {
  const text = GUIDE_TEXT[input.guide]
  return [
    { text: printable(text.title), style: 'title' },
    { text: printable(text.intro), style: 'muted', margin: [0, 0, 0, 4] },
    ...text.sections.flatMap(section),
    { text: printable(text.closing), color: MUTED, italics: true, margin: [0, 16, 0, 0] },
  ]
}

/** The quick guide as a PDF. */
export function quickGuidePdf(input: QuickGuideInput): Promise<Buffer> {
  return renderPdf(
    letterDocument({
      organisation: input.organisation,
      printedAt: new Date(input.printedAt),
      title: GUIDE_TEXT[input.guide].title,
      content: quickGuideContent(input),
    }),
  )
}

/** Writes the guide to `path` (a fresh temp file of the download folder); returns its size. */
export async function writeQuickGuide(input: QuickGuideInput & { path: string }): Promise<number> {
  const { path, ...guide } = input
  const bytes = await quickGuidePdf(guide)
  await writeFile(path, bytes, { mode: 0o600, flag: 'wx' })
  return bytes.byteLength
}
