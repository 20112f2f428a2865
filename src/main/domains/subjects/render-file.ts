import { writeFile } from 'node:fs/promises'
import type { Organisation } from '../../../shared/schemas/accounts'
import type { SubjectExportFormat } from '../../../shared/schemas/subjects'
import { subjectReportPdf } from './subject-report'
import type { SubjectReport } from './types'

export interface SubjectFileInput {
  report: SubjectReport
  organisation: Organisation
  format: SubjectExportFormat
  /** A fresh temp path in the download folder; created here, readable by this user only. */
  path: string
}

/** Writes a subject access export (the PDF letter or the JSON) to `path`; returns its size. */
export async function writeSubjectFile(input: SubjectFileInput): Promise<number> {
  const bytes =
    input.format === 'pdf'
      ? await subjectReportPdf(input.report, input.organisation)
      : Buffer.from(JSON.stringify(input.report, null, 2), 'utf8')
  await writeFile(input.path, bytes, { mode: 0o600, flag: 'wx' })
  return bytes.byteLength
}
