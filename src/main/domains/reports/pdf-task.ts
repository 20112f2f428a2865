import { defineTask } from '../../workers/task'
import type { SubsidyPdfInput } from './subsidy-pdf'

/**
 * The subsidy report as a PDF, laid out in a worker thread: pdfmake lays a document out again
 * for every heading it moves to the next page, and the charts are drawn by echarts, which
 * together take about a second for a year's report, too long for main's thread. The layout
 * and echarts are read in when the first report is made, not when a worker starts: every
 * worker (a backup, a check) would otherwise parse a megabyte of charting code first. Read in
 * once, they stay in that thread: the next report goes back to it (`keeps`) instead of paying
 * some two seconds of reading in again on the other thread. Its progress counts the steps (read
 * in, laid out, written); the user may stop it until it is written (main removes the file).
 */
export const subsidyPdfTask = defineTask<SubsidyPdfInput & { path: string }, number>(
  'reports.subsidyPdf',
  async (input, ctx) => {
    ctx.progress(0, 3)
    const { writeSubsidyPdf } = await import('./subsidy-pdf')
    // Stopped while the layout code was read in: nothing is written.
    ctx.throwIfCancelled()
    return writeSubsidyPdf(input, ctx)
  },
  { keeps: true },
)
