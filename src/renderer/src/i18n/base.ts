import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import { nl } from './nl'
import { en } from './en'
import * as auth from '../features/accounts/auth/i18n'

export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
/** The language for the first paint; main keeps the real choice (see computer-language.ts). */
export const LANGUAGE_STORAGE_KEY = 'dichtbij.language'

/**
 * The labels the screens before the login need (app, common words, errors, validation, the auth
 * screens), in both languages so the language switch there is instant. They are a part of the
 * one set `messages` in index.ts builds; the rest joins when index.ts is read in (see
 * common/load-part.ts), which keeps every other screen's texts out of the login screen's bundle.
 */
function loginMessages(lang: Language): Record<string, unknown> {
  return { ...(lang === 'nl' ? nl : en), auth: lang === 'nl' ? auth.nl : auth.en }
}

export function storedLanguage(): Language {
  const v = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_STORAGE_KEY) : null
  return v === 'en' ? 'en' : 'nl'
}

export function setLanguage(lang: Language): void {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, lang)
  void i18n.changeLanguage(lang)
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: loginMessages('nl') }, en: { translation: loginMessages('en') } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
})

export default i18n
