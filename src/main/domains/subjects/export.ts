import { notFound } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import type { ExportFile } from '../../../shared/schemas/subjects'
import { plainBytes } from '../../../shared/tagged-bytes'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { getOrganisation } from '../accounts/organisation'
import { subjectReportPdf } from './subject-report'
import { SUBJECT_KIND_REGISTRY } from './kinds'
import { processingSection } from './processing'
import { collectSubject } from './registry'
import type { SubjectReport } from './types'
import { labelsT } from '../../i18n'
import './parts'

export const SUBJECT_REPORT_TITLE = labelsT('nl')('subjectAccess.title')

/**
 * Everything the app holds about one subject, and the audit entries about them, as a PDF or as
 * JSON (AVG art. 15). Collected, rendered and logged in one transaction: the file and its audit
 * entry exist together or not at all, and no change can slip in between the parts.
 */
export async function exportSubject(
  ctx: ServiceContext,
  input: MethodParsed<'subjects.export'>,
): Promise<ExportFile> {
  return ctx.db.transaction().execute(async (trx) => {
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
    const stem = `inzage-${subject.reference}-${ctx.clock.today()}`
    const file: ExportFile =
      input.format === 'pdf'
        ? {
            filename: `${stem}.pdf`,
            mime: 'application/pdf',
            bytes: plainBytes(await subjectReportPdf(report, organisation)),
          }
        : {
            filename: `${stem}.json`,
            mime: 'application/json',
            bytes: new TextEncoder().encode(JSON.stringify(report, null, 2)),
          }
    await audit(trx, ctx, {
      action: 'export',
      entityType: auditRef.entityType,
      entityId: auditRef.entityId,
      subject: { kind: subject.kind, id: subject.id },
      detail: `inzage ${input.format}`,
    })
    return file
  })
}
