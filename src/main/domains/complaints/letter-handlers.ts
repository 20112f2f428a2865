import type { Slice } from '../slice'
import { annualReport, annualReportPdfFile } from './annual-report'
import { listLetters, makeLetter, reprintLetter, type LetterContext } from './letters'
import { getTemplate, listTemplates, saveTemplate } from './templates'

/** The letters and the annual report: their part of the `complaints` slice (see handlers.ts). */
export type LetterMethod =
  | 'complaints.templates'
  | 'complaints.template'
  | 'complaints.saveTemplate'
  | 'complaints.letter'
  | 'complaints.letters'
  | 'complaints.reprintLetter'
  | 'complaints.annualReport'
  | 'complaints.annualReportPdf'

export const letterHandlers: Pick<Slice<'complaints', LetterContext>, LetterMethod> = {
  'complaints.templates': (ctx) => listTemplates(ctx),
  'complaints.template': getTemplate,
  'complaints.saveTemplate': saveTemplate,
  'complaints.letter': makeLetter,
  'complaints.letters': listLetters,
  'complaints.reprintLetter': reprintLetter,
  'complaints.annualReport': annualReport,
  'complaints.annualReportPdf': annualReportPdfFile,
}
