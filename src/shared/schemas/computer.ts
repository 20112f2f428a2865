import { z } from 'zod'

/**
 * Settings of this computer rather than of the organisation: they live in a small file in the
 * data folder (see main's `computer-settings`), never in the database, and are read before
 * anyone logs in.
 */

/** The languages of the screens; Dutch is the first and the default. */
export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const language = z.enum(LANGUAGES, { error: 'v:invalidOption' })

export const computerLanguageInput = z.object({ language }).strict()

/** The language chosen on this computer, or null while none was chosen (the screens use Dutch). */
export interface ComputerLanguage {
  language: Language | null
}
