import i18n, { LANGUAGES, type Language } from './base'
import { nl } from './nl'
import { en } from './en'
import { SHARED_LABELS } from '../../../shared/i18n'
import { formatNumber } from '../common/format'
import * as dashboard from '../features/shop/dashboard/i18n'
import * as households from '../features/shop/households/i18n'
import * as appointments from '../features/shop/appointments/i18n'
import * as visits from '../features/shop/visits/i18n'
import * as calllist from '../features/shop/calllist/i18n'
import * as collections from '../features/collections/i18n'
import * as stats from '../features/shop/stats/i18n'
import * as partners from '../features/partners/i18n'
import * as imports from '../features/imports/i18n'
import * as settings from '../features/shop/settings/i18n'
import * as auth from '../features/accounts/auth/i18n'
import * as users from '../features/accounts/users/i18n'
import * as audit from '../features/audit/i18n'
import * as retention from '../features/retention/i18n'
import * as backup from '../features/backup/i18n'
import * as volunteers from '../features/volunteers/i18n'
import * as volunteerMessages from '../features/volunteers/errors'
import * as importMessages from '../features/imports/errors'
import * as appMessages from './app-messages'
import * as workshop from '../features/workshop/i18n'

export { LANGUAGES, LANGUAGE_STORAGE_KEY, setLanguage, storedLanguage, type Language } from './base'

/** Each screen keeps its texts beside it, under its own top-level key. */
const features = {
  dashboard,
  households,
  appointments,
  visits,
  calllist,
  collections,
  stats,
  partners,
  imports,
  settings,
  auth,
  users,
  audit,
  retention,
  backup,
  volunteers,
  workshop,
}

/**
 * The labels main shows too (roles, statuses, audit words, ...) come from `src/shared/i18n`, the
 * one copy both read; a screen whose key is also a shared namespace (`audit`) adds its own texts.
 */
export function messages(lang: Language): Record<string, unknown> {
  const base: Record<string, unknown> = { ...SHARED_LABELS[lang], ...(lang === 'nl' ? nl : en) }
  for (const [name, mod] of Object.entries(features)) {
    const own = lang === 'nl' ? mod.nl : mod.en
    const shared = base[name] as Record<string, unknown> | undefined
    base[name] = shared ? { ...shared, ...own } : own
  }
  // Main's messages for the screens behind the login (the shop's rules, volunteers and
  // placements, the import, ...) come with this chunk, not the login screen's.
  for (const messages of [appMessages, volunteerMessages, importMessages]) {
    const domainMessages = lang === 'nl' ? messages.nl : messages.en
    for (const [part, texts] of Object.entries(domainMessages))
      base[part] = { ...(base[part] as Record<string, unknown>), ...texts }
  }
  return base
}

// Every screen's labels join the login screen's (base.ts), in both languages: this module is read in
// with the app's chunk and with each screen shown before the login (see common/load-part.ts).
for (const lang of LANGUAGES)
  i18n.addResourceBundle(lang, 'translation', messages(lang), true, true)

// Every `{{n, number}}` in a text goes through the app's one number formatter (18.884 in Dutch),
// the same one the screens use for their figures. Up to three decimals, as Intl would.
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
  typeof value === 'number' ? formatNumber(value, lng ?? 'nl', 3, 0) : String(value),
)

export default i18n
