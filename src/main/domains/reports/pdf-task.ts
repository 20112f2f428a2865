import { defineTask } from '../../workers/task'
import { writeSubsidyPdf, type SubsidyPdfInput } from './subsidy-pdf'

/**
 * The subsidy report as a PDF, laid out in a worker thread: pdfmake lays a document out again
 * for every heading it moves to the next page, and the charts are drawn by echarts, which
 * together take about a second for a year's report, too long for main's thread.
 */
export const subsidyPdfTask = defineTask<SubsidyPdfInput & { path: string }, number>(
  'reports.subsidyPdf',
  (input) => writeSubsidyPdf(input),
)
