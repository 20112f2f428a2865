import { z } from 'zod'
import { id } from './common'

/**
 * The kinds of data subject: whom a subject access export (AVG art. 15), an erasure and an audit
 * entry can be about. Grows as parts of the app keep data about other people (a volunteer,
 * someone who filed a complaint): add the kind here, and the compiler asks for its entry in each
 * registry of main (retention, erasure, subject access; see README "Architecture").
 */
export const SUBJECT_KINDS = ['household'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

export const SUBJECT_EXPORT_FORMATS = ['pdf', 'json'] as const
export type SubjectExportFormat = (typeof SUBJECT_EXPORT_FORMATS)[number]

export const subjectExportInput = z.object({
  kind: z.enum(SUBJECT_KINDS, { error: 'v:invalidOption' }),
  id,
  format: z.enum(SUBJECT_EXPORT_FORMATS, { error: 'v:invalidOption' }),
})

/** A file made in main for the user to save: its name, type and bytes (base64, so PDFs fit). */
export interface ExportFile {
  filename: string
  mime: string
  base64: string
}
