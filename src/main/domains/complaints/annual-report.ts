import { rmSync } from 'node:fs'
import type { MethodParsed } from '../../../shared/api'
import type { AnnualComplaintsReport } from '../../../shared/schemas/complaints-report'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import { annualReportFigures } from './annual-report-queries'
import { getComplaintSettings } from './queries'
import { annualReportPdfTask } from './letter-task'
import type { LetterContext } from './letters'

/**
 * The annual complaints report's figures (a year holds some tens of complaints, a few hundred in
 * a large organisation: counted in SQL on main in a few milliseconds). Logged as a view without
 * a subject: it is about no one.
 */
export async function annualReport(
  ctx: ServiceContext,
  input: MethodParsed<'complaints.annualReport'>,
): Promise<AnnualComplaintsReport> {
  const settings = await getComplaintSettings(ctx.db)
  const report = await annualReportFigures(
    ctx.db,
    input.year,
    ctx.clock.today(),
    settings.smallCellThreshold,
  )
  await audit(ctx.db, ctx, {
    action: 'view',
    entityType: 'complaintsReport',
    entityId: input.year,
  })
  return report
}

/** The same report as a PDF for the municipality and the client council, made in a worker. */
export async function annualReportPdfFile(
  ctx: LetterContext,
  input: MethodParsed<'complaints.annualReportPdf'>,
): Promise<DownloadTicket> {
  const settings = await getComplaintSettings(ctx.db)
  const report = await annualReportFigures(
    ctx.db,
    input.year,
    ctx.clock.today(),
    settings.smallCellThreshold,
  )
  const organisation = await getOrganisation(ctx.db)
  const path = ctx.downloads.tempPath('pdf')
  try {
    const sizeBytes = await ctx.vault.workers.run(
      annualReportPdfTask,
      {
        report,
        organisation,
        terms: {
          ackWorkingDays: settings.ackWorkingDays,
          decisionWeeks: settings.decisionWeeks,
          maxExtensionWeeks: settings.maxExtensionWeeks,
          deciderTitle: settings.deciderTitle,
        },
        printedAt: ctx.clock.now().toISOString(),
        path,
      },
      {
        jobLabelKey: 'jobs.labels.complaintsReport',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
      },
    )
    await audit(ctx.db, ctx, {
      action: 'print',
      entityType: 'complaintsReport',
      entityId: input.year,
    })
    return ctx.downloads.issue({
      path,
      filename: `jaarverslag-klachten-${input.year}.pdf`,
      mime: 'application/pdf',
      sizeBytes,
      temp: true,
    })
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
}
