import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { MethodParsed } from '../../../shared/api'
import { AppError, notFound } from '../../../shared/errors'
import type {
  FigureDifference,
  FrozenReport,
  ReportFileFormat,
  ReportLanguage,
  SubmissionManifest,
  SubmissionSummary,
  SubsidyReport,
} from '../../../shared/schemas/reports'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import { figuresCsv, figuresXlsx, reportZip, sha256Hex } from './export-files'
import { subsidyPdfTask } from './pdf-task'
import { currentReport } from './subsidy'
import { areaKey } from './queries'

export interface FilesContext extends ServiceContext {
  vault: Pick<Vault, 'workers' | 'appVersion'>
  downloads: DownloadIssuer
}

const MIME: Record<ReportFileFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
}

/** `subsidieverantwoording-2026-01-01-2026-12-31[-noord].pdf` */
function fileName(report: SubsidyReport, format: ReportFileFormat, frozen = false): string {
  const area = report.area ? `-${areaKey(report.area).replace(/[^a-z0-9]+/g, '-')}` : ''
  const what = frozen ? 'subsidieverantwoording-definitief' : 'subsidieverantwoording'
  return `${what}-${report.period.from}-${report.period.to}${area}.${format}`
}

/** The PDF laid out in a worker thread (pdfmake takes up to a second for a dozen pages). */
async function pdfBytes(
  ctx: FilesContext,
  report: SubsidyReport,
  language: ReportLanguage,
  frozenAt: string | null,
): Promise<Buffer> {
  const organisation = await getOrganisation(ctx.db)
  const path = ctx.downloads.tempPath('pdf')
  try {
    await ctx.vault.workers.run(
      subsidyPdfTask,
      { report, organisation, language, printedAt: report.generatedAt, frozenAt, path },
      {
        jobLabelKey: 'jobs.labels.subsidyPdf',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
        // Nothing is kept of a stopped PDF: the temporary file goes below, nothing is logged.
        cancellable: true,
      },
    )
    return readFileSync(path)
  } finally {
    rmSync(path, { force: true })
  }
}

/** One file of a report, as bytes, and what its manifest would say. */
async function reportFile(
  ctx: FilesContext,
  report: SubsidyReport,
  language: ReportLanguage,
  format: ReportFileFormat,
  frozen: { pdf: Buffer; manifest: SubmissionManifest } | null,
): Promise<Uint8Array> {
  if (format === 'csv') return figuresCsv(report, language)
  if (format === 'xlsx') return figuresXlsx(report, language)
  const pdf = frozen?.pdf ?? (await pdfBytes(ctx, report, language, null))
  if (format === 'pdf') return pdf
  const pdfName = fileName(report, 'pdf', !!frozen)
  const manifest =
    frozen?.manifest ??
    manifestOf(ctx, report, language, [{ name: pdfName, sha256: sha256Hex(pdf) }])
  return reportZip({ pdf, pdfName, report, language, manifest })
}

function manifestOf(
  ctx: FilesContext,
  report: SubsidyReport,
  language: ReportLanguage,
  files: { name: string; sha256: string }[],
): SubmissionManifest {
  return {
    format: 'dichtbij-subsidieverantwoording',
    version: 1,
    period: report.period,
    lastYearPeriod: report.lastYearPeriod,
    area: report.area,
    filters: {
      area: report.area,
      smallCellThreshold: report.settings.smallCellThreshold,
      deviationPercent: report.settings.deviationPercent,
    },
    language,
    definitions: report.definitions.map((d) => ({ key: d.key, version: d.version })),
    appVersion: ctx.vault.appVersion,
    madeAt: report.generatedAt,
    madeBy: ctx.session.userName,
    files,
  }
}

function issue(
  ctx: FilesContext,
  bytes: Uint8Array,
  filename: string,
  format: ReportFileFormat,
): DownloadTicket {
  const path = ctx.downloads.tempPath(format)
  writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' })
  return ctx.downloads.issue({
    path,
    filename,
    mime: MIME[format],
    sizeBytes: bytes.byteLength,
    temp: true,
  })
}

/**
 * The report as it stands now, as a PDF, the figures as CSV or .xlsx, or a ZIP of the PDF, a CSV
 * per section and the manifest; small cells hidden as everything that leaves the organisation.
 * Logged as a print (the PDF) or an export.
 */
export async function subsidyFile(
  ctx: FilesContext,
  input: MethodParsed<'reports.subsidyFile'>,
): Promise<DownloadTicket> {
  const report = await currentReport(ctx, input)
  const bytes = await reportFile(ctx, report, input.language, input.format, null)
  await audit(ctx.db, ctx, {
    action: input.format === 'pdf' ? 'print' : 'export',
    entityType: 'subsidyReport',
    fields: [input.format, `${input.from}..${input.to}`, ...(input.area ? ['area'] : [])],
  })
  return issue(ctx, bytes, fileName(report, input.format), input.format)
}

function summaryOf(row: {
  id: number
  fromOn: string
  toOn: string
  area: string
  language: string
  madeAt: string
  madeByName: string
  appVersion: string
  pdfSha256: string
  figuresSha256: string
  manifestJson: string
}): SubmissionSummary {
  const manifest = JSON.parse(row.manifestJson) as SubmissionManifest
  return {
    id: row.id,
    period: { from: row.fromOn, to: row.toOn },
    area: manifest.area,
    language: row.language as ReportLanguage,
    madeAt: row.madeAt,
    madeByName: row.madeByName,
    appVersion: row.appVersion,
    pdfSha256: row.pdfSha256,
    figuresSha256: row.figuresSha256,
  }
}

/**
 * "Definitief maken": the report as it is sent, frozen. Refused while a deviation from a target
 * is not explained. The PDF, the figures (JSON) and a manifest with the SHA-256 of each are
 * stored in one row that can never change (migration 0025), so the report opens years later
 * exactly as sent, whatever happens to the data meanwhile.
 */
export async function freezeReport(
  ctx: FilesContext,
  input: MethodParsed<'reports.freeze'>,
): Promise<SubmissionSummary> {
  const report = await currentReport(ctx, input, { keep: false })
  if (report.missingExplanations.length)
    throw new AppError({
      code: 'VALIDATION',
      key: 'explanationsMissing',
      fields: report.missingExplanations.map((key) => ({
        path: `explanations.${key}`,
        key: 'required',
      })),
    })
  const pdf = await pdfBytes(ctx, report, input.language, report.generatedAt)
  const figuresJson = JSON.stringify(report)
  const pdfSha256 = sha256Hex(pdf)
  const figuresSha256 = sha256Hex(figuresJson)
  const manifest = manifestOf(ctx, report, input.language, [
    { name: fileName(report, 'pdf', true), sha256: pdfSha256 },
    { name: 'cijfers.json', sha256: figuresSha256 },
  ])
  const row = {
    fromOn: input.from,
    toOn: input.to,
    area: areaKey(input.area),
    language: input.language,
    madeAt: report.generatedAt,
    madeBy: ctx.session.userId,
    madeByName: ctx.session.userName,
    appVersion: ctx.vault.appVersion,
    figuresJson,
    manifestJson: JSON.stringify(manifest),
    pdf,
    pdfSha256,
    figuresSha256,
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const made = await trx
      .insertInto('reportSubmission')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, ctx, {
      action: 'create',
      entityType: 'reportSubmission',
      entityId: made.id,
      fields: [`${input.from}..${input.to}`, ...(input.area ? ['area'] : [])],
    })
    return made.id
  })
  return summaryOf({ id, ...row })
}

const SUMMARY_COLUMNS = [
  'id',
  'fromOn',
  'toOn',
  'area',
  'language',
  'madeAt',
  'madeByName',
  'appVersion',
  'pdfSha256',
  'figuresSha256',
  'manifestJson',
] as const

/** Every frozen report, newest first (a handful a year). */
export async function listSubmissions(ctx: ServiceContext): Promise<SubmissionSummary[]> {
  const rows = await ctx.db
    .selectFrom('reportSubmission')
    .select(SUMMARY_COLUMNS)
    .orderBy('madeAt', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(summaryOf)
}

function withStories(report: SubsidyReport): SubsidyReport {
  return { ...report, stories: report.stories ?? [] }
}

async function loadSubmission(ctx: ServiceContext, id: number) {
  const row = await ctx.db
    .selectFrom('reportSubmission')
    .select([...SUMMARY_COLUMNS, 'figuresJson', 'pdf'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('reportSubmission')
  return {
    summary: summaryOf(row),
    manifest: JSON.parse(row.manifestJson) as SubmissionManifest,
    // A report frozen before stories were printed has none.
    report: withStories(JSON.parse(row.figuresJson) as SubsidyReport),
    pdf: Buffer.from(row.pdf),
  }
}

/** Where two reports of the same period differ, figure by figure (this period's values). */
export function differences(frozen: SubsidyReport, now: SubsidyReport): FigureDifference[] {
  const current = new Map(now.figures.map((f) => [f.key, f]))
  const out: FigureDifference[] = []
  for (const f of frozen.figures) {
    const n = current.get(f.key)
    current.delete(f.key)
    const value = n ? n.value : null
    if (value !== f.value) out.push({ key: f.key, label: f.label, frozen: f.value, now: value })
  }
  for (const n of current.values())
    if (n.value !== null && n.value !== 0)
      out.push({ key: n.key, label: n.label, frozen: null, now: n.value })
  return out
}

/**
 * A frozen report exactly as it was sent, with what differs in the figures as counted now.
 * Logged as a view of the submission.
 */
export async function frozenReport(
  ctx: FilesContext,
  input: MethodParsed<'reports.frozen'>,
): Promise<FrozenReport> {
  const s = await loadSubmission(ctx, input.id)
  const now = await currentReport(ctx, {
    from: s.summary.period.from,
    to: s.summary.period.to,
    area: s.summary.area,
  })
  await audit(ctx.db, ctx, { action: 'view', entityType: 'reportSubmission', entityId: input.id })
  return {
    submission: s.summary,
    manifest: s.manifest,
    report: s.report,
    differences: differences(s.report, now),
  }
}

/** A file of a frozen report: the PDF as stored, or the figures as sent, as CSV, .xlsx or ZIP. */
export async function frozenFile(
  ctx: FilesContext,
  input: MethodParsed<'reports.frozenFile'>,
): Promise<DownloadTicket> {
  const s = await loadSubmission(ctx, input.id)
  const bytes = await reportFile(ctx, s.report, s.summary.language, input.format, {
    pdf: s.pdf,
    manifest: s.manifest,
  })
  await audit(ctx.db, ctx, {
    action: input.format === 'pdf' ? 'print' : 'export',
    entityType: 'reportSubmission',
    entityId: input.id,
    fields: [input.format],
  })
  return issue(ctx, bytes, fileName(s.report, input.format, true), input.format)
}
