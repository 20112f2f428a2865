import { z } from 'zod'
import { id } from './common'

/**
 * The kinds of data subject: whom a subject access export (AVG art. 15), an erasure and an audit
 * entry can be about. Grows as parts of the app keep data about other people (a volunteer,
 * someone who filed a complaint): add the kind here, and the compiler asks for its entry in each
 * registry of main (retention, erasure, subject access; see README "Architecture").
 */
export const SUBJECT_KINDS = ['household', 'person', 'complaint', 'helpRequest'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

export const SUBJECT_EXPORT_FORMATS = ['pdf', 'json'] as const
export type SubjectExportFormat = (typeof SUBJECT_EXPORT_FORMATS)[number]

export const subjectExportInput = z.object({
  kind: z.enum(SUBJECT_KINDS, { error: 'v:invalidOption' }),
  id,
  format: z.enum(SUBJECT_EXPORT_FORMATS, { error: 'v:invalidOption' }),
})

/**
 * A file main made for the user to save (a backup, an audit CSV, a subject access export), handed
 * to the screen as a ticket instead of its bytes: the screen asks main to save the ticket (a
 * save dialog in Electron) or the browser downloads it from the bridge, streamed from the file.
 * Single use, short-lived and bound to the session that made it (see src/main/downloads).
 */
export interface DownloadTicket {
  ticket: string
  filename: string
  mime: string
  sizeBytes: number
}

/**
 * A small file made in main for the user to save (the recovery key sheet): its name, type and
 * bytes. IPC carries the bytes as they are (no base64: a third larger, one string, copied again
 * at every step).
 */
export interface ExportFile {
  filename: string
  mime: string
  bytes: Uint8Array<ArrayBuffer>
}
