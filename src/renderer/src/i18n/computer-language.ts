import { call } from '../api'
import type { Language } from '../../../shared/schemas/computer'
import { LANGUAGE_STORAGE_KEY, setLanguage } from './base'

/** Counts the user's choices, so an answer from main that comes after one does not undo it. */
let choices = 0

function isLanguage(value: string | null): value is Language {
  return value === 'nl' || value === 'en'
}

/**
 * The language is a setting of this computer that main keeps (with the window and the backup
 * folder), so it holds for every browser profile and survives a cleared browser store. The
 * copy in localStorage only lets the first screen appear in the right language before main has
 * answered. A choice that an earlier version kept only there is handed to main once.
 */
export async function loadComputerLanguage(): Promise<void> {
  const before = choices
  let kept: Language | null
  try {
    kept = (await call('computer.language', {})).language
  } catch {
    // A main without the setting (or no answer): the copy in this browser stays in use.
    return
  }
  if (choices !== before) return
  if (kept) {
    setLanguage(kept)
    return
  }
  const local = localStorage.getItem(LANGUAGE_STORAGE_KEY)
  if (isLanguage(local)) await keep(local)
}

/** The user picks a language: shown at once, and kept for this computer in main. */
export async function chooseLanguage(language: Language): Promise<void> {
  choices += 1
  setLanguage(language)
  await keep(language)
}

async function keep(language: Language): Promise<void> {
  try {
    await call('computer.setLanguage', { language })
  } catch {
    // The screen already shows the language; only the next start may not remember it.
  }
}
