import { z } from 'zod'
import { id, requiredOrOption, requiredText } from './common'

/** The three letters a complaint gets (issue 14, "Letters"). */
export const LETTER_KINDS = ['acknowledgement', 'extension', 'decision'] as const
export type LetterKind = (typeof LETTER_KINDS)[number]
export const letterKind = z.enum(LETTER_KINDS, { error: requiredOrOption })

/**
 * The placeholders a template may use, as `{{name}}`: Dutch names, since the organisation's own
 * staff write the templates. A name not in this list is refused when a template is saved.
 */
export const LETTER_PLACEHOLDERS = [
  'klachtnummer',
  'ontvangen_op',
  'datum',
  'ontvanger',
  'klager',
  'omschrijving',
  'wens',
  'ontvangstbevestiging_uiterlijk',
  'beslistermijn',
  'oorspronkelijke_beslistermijn',
  'nieuwe_beslistermijn',
  'reden_verlenging',
  'uitkomst',
  'toelichting',
  'maatregelen',
  'beslisser',
  'behandelaar',
  'organisatie',
  'organisatie_adres',
] as const
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number]
export type LetterValues = Record<LetterPlaceholder, string>

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g

/** The placeholder names a template text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const seen = new Set<string>()
  for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1] ?? '')
  return [...seen]
}

/** Names used in the text that are not placeholders the letters fill in. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(LETTER_PLACEHOLDERS)
  return placeholdersIn(text).filter((n) => !known.has(n))
}

/** The text with every known placeholder replaced by its value (an unknown one stays as typed). */
export function fillPlaceholders(text: string, values: Partial<LetterValues>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = (values as Record<string, string | undefined>)[name]
    return v === undefined ? whole : v
  })
}

export const LETTER_SUBJECT_MAX = 200
export const LETTER_BODY_MAX = 10_000

export const letterTemplateSaveInput = z.object({
  kind: letterKind,
  subject: requiredText(LETTER_SUBJECT_MAX),
  // Line breaks are the template's paragraphs: requiredText keeps them (it only trims the ends).
  body: requiredText(LETTER_BODY_MAX),
})
export const letterTemplateGetInput = z.object({
  kind: letterKind,
  /** A version of the past; the current one when left out. */
  version: z.number({ error: 'v:required' }).int().positive().max(1_000_000).nullish(),
})
export const complaintLetterInput = z.object({ complaintId: id, kind: letterKind })
export const complaintLettersInput = z.object({ complaintId: id })
export const letterReprintInput = z.object({ letterId: id })

/** One version of a letter template. */
export interface LetterTemplate {
  id: number
  kind: LetterKind
  version: number
  subject: string
  body: string
  createdAt: string
  /** Who saved it; null for the default text the app came with. */
  createdBy: string | null
}

/** A template with the list of its versions (newest first), for the editor's history. */
export interface LetterTemplateDetail extends LetterTemplate {
  /** True when this is the version new letters use. */
  current: boolean
  versions: { version: number; createdAt: string; createdBy: string | null }[]
}

/** A letter made for a complaint. */
export interface ComplaintLetter {
  id: number
  complaintId: number
  kind: LetterKind
  templateVersion: number
  /** The date on the letter. */
  letterDate: string
  /** The timeline entry that records it. */
  entryId: number | null
  createdAt: string
  createdBy: string
  /** To whom, in the order of the pages: the complainant first, then the person complained about. */
  recipients: string[]
}

/** What `complaints.letter` answers: the letter as recorded and its PDF to save. */
export interface ComplaintLetterResult {
  letter: ComplaintLetter
  file: {
    ticket: string
    filename: string
    mime: string
    sizeBytes: number
  }
}
