import { createInstance, type TFunction } from 'i18next'
import { SHARED_LABELS, type LabelLanguage } from '../shared/i18n'
import { auditNote, auditNoteText } from '../shared/audit-text'

export type { LabelLanguage }

/**
 * Main's own i18next, over the same label resources as the screens (`src/shared/i18n`), for what
 * main writes in words: the audit log's CSV, the subject access export, the recovery key sheet.
 * Its own instance, so nothing main does changes the language of anything else; initialised at
 * once (the resources are inline), so `t` works from the first import.
 */
const i18n = createInstance()
void i18n.init({
  resources: {
    nl: { translation: SHARED_LABELS.nl },
    en: { translation: SHARED_LABELS.en },
  },
  lng: 'nl',
  fallbackLng: 'nl',
  initAsync: false,
  // Nothing here becomes HTML: CSV cells and PDF text are written as they are.
  interpolation: { escapeValue: false },
  returnNull: false,
})

/** `t` in one language; documents are Dutch unless the caller passes the screen's language. */
export function labelsT(lang: LabelLanguage = 'nl'): TFunction {
  return i18n.getFixedT(lang)
}

/**
 * A note as its Dutch sentence, for the entries whose stored text is read as written (older
 * readers of the log, and the tests that hold the wording). The words come from the shared labels,
 * so a status or role is named as the screen names it. New entries should store `auditNote` codes.
 */
export function dutchNote(...parts: Parameters<typeof auditNote>): string | null {
  const note = auditNote(...parts)
  return note ? auditNoteText(note, labelsT('nl')) : null
}

/**
 * The word for a code from one of the shared tables (`status`, `parts`, `audit.entities`, ...);
 * a code without a word is shown as it is rather than as a key.
 */
export function codeLabel(table: string, code: string, t: TFunction = labelsT()): string {
  return t(`${table}.${code}`, { defaultValue: code })
}

/**
 * The subject access letter's words for one of its sections (`subjectAccess.<section>.*`). The
 * letter is in Dutch: it goes to the person the data is about.
 */
export function letterTexts(
  section: string,
): (key: string, params?: Record<string, string | number>) => string {
  const t = labelsT('nl')
  return (key, params) => t(`subjectAccess.${section}.${key}`, params ?? {})
}
