import { z } from 'zod'
import { id } from './common'

/**
 * Whom a subject access export (AVG art. 15) can be about. Grows as parts of the app keep data
 * about other people (a volunteer, someone who filed a complaint): add the kind here, describe it
 * in main's subject kinds, and register the parts that hold its data.
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
