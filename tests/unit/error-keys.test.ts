import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { nl as appNl } from '../../src/renderer/src/i18n/nl'
import { en as appEn } from '../../src/renderer/src/i18n/en'
import * as complaints from '../../src/renderer/src/features/complaints/errors'
import * as volunteers from '../../src/renderer/src/features/volunteers/errors'
import * as reports from '../../src/renderer/src/features/reports/errors'
import * as imports from '../../src/renderer/src/features/imports/errors'
import * as appMessages from '../../src/renderer/src/i18n/app-messages'
import * as workshop from '../../src/renderer/src/features/workshop/login-texts'

/**
 * The texts a screen can show for main's messages: the app's own, and those a domain's screens
 * bring along (complaints/texts.ts, reports/texts.ts, the app's own behind the login
 * (i18n/app-messages.ts), volunteers and imports through i18n/index.ts, the oefenomgeving's with the login screen), each in both languages.
 */
function withDomains<T extends typeof appNl>(app: T, lang: 'nl' | 'en'): T {
  const workshopErrors = {
    errors: lang === 'nl' ? workshop.errorsNl : workshop.errorsEn,
    validation: {},
  }
  const parts = [
    appMessages[lang],
    complaints[lang],
    volunteers[lang],
    reports[lang],
    imports[lang],
    workshopErrors,
  ]
  return {
    ...app,
    errors: Object.assign({}, app.errors, ...parts.map((p) => p.errors)),
    validation: Object.assign({}, app.validation, ...parts.map((p) => p.validation)),
  }
}
const nl = withDomains(appNl, 'nl')
const en = withDomains(appEn, 'en')

/** Every TypeScript file under src/main, in every domain and layer, read as text. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
}

const files = sourcesUnder('src/main')
const sources = files.join('\n')

describe('every message main can send has a Dutch and an English text', () => {
  it('reads the whole of main, not one folder', () => {
    // A new domain's folder is read without being listed here.
    expect(files.length).toBeGreaterThan(40)
    expect(sources).toContain('counterLookupFirst')
  })
  it('conflict keys', () => {
    const keys = [...sources.matchAll(/conflict\(\s*'(\w+)'/g)].map((m) => m[1])
    expect(keys.length).toBeGreaterThan(3)
    for (const k of keys) {
      expect(nl.errors, k).toHaveProperty(k)
      expect(en.errors, k).toHaveProperty(k)
    }
  })
  it('error keys given to AppError directly', () => {
    const keys = [...sources.matchAll(/code: '[A-Z_]+', key: '(\w+)'/g)].map((m) => m[1])
    expect(keys).toContain('counterTodayOnly')
    // The refusal to the account a complaint is about, from the complaints domain.
    expect(keys).toContain('complaintAboutYou')
    for (const k of keys) {
      expect(nl.errors, k).toHaveProperty(k)
      expect(en.errors, k).toHaveProperty(k)
    }
  })
  it('field error keys', () => {
    const keys = [...sources.matchAll(/path: [^,]+, key: '(\w+)'/g)].map((m) => m[1])
    expect(keys.length).toBeGreaterThan(3)
    for (const k of keys) {
      expect(nl.validation, k).toHaveProperty(k)
      expect(en.validation, k).toHaveProperty(k)
    }
  })
  it('warning keys', () => {
    const keys = [...sources.matchAll(/\{ key: '(\w+)'(?:, params|\s*\})/g)].map((m) => m[1])
    const warnings = keys.filter((k) => !(k in nl.validation))
    expect(warnings.length).toBeGreaterThan(2)
    for (const k of warnings) {
      expect(appMessages.nl.warnings, k).toHaveProperty(k)
      expect(appMessages.en.warnings, k).toHaveProperty(k)
    }
  })
})
