import { rmSync } from 'node:fs'
import { notFound } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type { DownloadTicket } from '../../../shared/schemas/subjects'
import type { ServiceContext } from '../../context'
import type { DownloadIssuer } from '../../downloads/tickets'
import type { Vault } from '../../vault/vault'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import { SUBJECT_KIND_REGISTRY } from './kinds'
import { processingSection } from './processing'
import { collectSubject } from './registry'
import { renderSubjectFileTask } from './render-task'
import type { SubjectReport } from './types'
import { labelsT } from '../../i18n'
import './parts'

export const SUBJECT_REPORT_TITLE = labelsT('nl')('subjectAccess.title')

/**
 * A subject access export is written to a temp file in a worker thread and handed to the screen
 * as a ticket.
 */
export interface SubjectsContext extends ServiceContext {
  downloads: DownloadIssuer
  vault: Pick<Vault, 'workers'>
}

/**
 * Everything the app holds about one subject, and the audit entries about them, as a PDF or as
 * JSON (AVG art. 15). Collected in one transaction, so no change can slip in between the parts;
 * then written to a file outside it, in a worker thread (the PDF's layout takes the longest and
 * holds neither a lock nor main's thread), and logged once the file is there: the file and its
 * audit entry exist together or not at all.
 */
export async function exportSubject(
  ctx: SubjectsContext,
  input: MethodParsed<'subjects.export'>,
): Promise<DownloadTicket> {
  const collected = await ctx.db.transaction().execute(async (trx) => {
    const subject = await SUBJECT_KIND_REGISTRY.get(input.kind).identify(trx, input.id)
    if (!subject) throw notFound(input.kind)
    const organisation = await getOrganisation(trx)
    const at = ctx.clock.now()
    // The person's own name reads better on a letter than a username.
    const account = await trx
      .selectFrom('account')
      .select('displayName')
      .where('id', '=', ctx.session.userId)
      .executeTakeFirst()
    const { audit: auditRef, ...about } = subject
    const { logo: _logo, ...orgWithoutLogo } = organisation
    const report: SubjectReport = {
      format: 'dichtbij-inzage',
      version: 1,
      title: SUBJECT_REPORT_TITLE,
      subject: about,
      organisation: orgWithoutLogo,
      exportedAt: at.toISOString(),
      exportedBy: account?.displayName ?? ctx.session.userName,
      // What art. 15 requires beside the data itself comes first, then the data part by part.
      parts: [
        await processingSection(trx, subject, organisation),
        ...(await collectSubject(trx, subject)),
      ],
    }
    return { report, organisation, subject, auditRef }
  })
  const { report, organisation, subject, auditRef } = collected
  const path = ctx.downloads.tempPath(input.format)
  try {
    // Laid out and written in a worker: main's thread stays free for every window meanwhile.
    const sizeBytes = await ctx.vault.workers.run(
      renderSubjectFileTask,
      { report, organisation, format: input.format, path },
      {
        jobLabelKey: 'jobs.labels.subjectExport',
        owner: { sessionId: ctx.session.sessionId ?? null, accountId: ctx.session.userId },
      },
    )
    await audit(ctx.db, ctx, {
      action: 'export',
      entityType: auditRef.entityType,
      entityId: auditRef.entityId,
      subject: { kind: subject.kind, id: subject.id },
      detail: `inzage ${input.format}`,
    })
    const stem = `inzage-${subject.reference}-${ctx.clock.today()}`
    return ctx.downloads.issue({
      path,
      filename: `${stem}.${input.format}`,
      mime: input.format === 'pdf' ? 'application/pdf' : 'application/json',
      sizeBytes,
      temp: true,
    })
  } catch (err) {
    rmSync(path, { force: true })
    throw err
  }
}
