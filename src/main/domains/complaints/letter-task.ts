import { defineTask } from '../../workers/task'
import { writeComplaintLetter, type LetterPdfInput } from './letter-pdf'
import { writeAnnualReportPdf, type AnnualReportPdfInput } from './annual-report-pdf'

/**
 * A complaint letter laid out in a worker thread: pdfmake takes a few hundred milliseconds for a
 * page with the letterhead, which on main's thread would hold up every window.
 */
export const complaintLetterTask = defineTask<LetterPdfInput & { path: string }, number>(
  'complaints.letter',
  (input) => writeComplaintLetter(input),
)

/** The annual complaints report as a PDF, laid out in a worker thread for the same reason. */
export const annualReportPdfTask = defineTask<AnnualReportPdfInput & { path: string }, number>(
  'complaints.annualReportPdf',
  (input) => writeAnnualReportPdf(input),
)
