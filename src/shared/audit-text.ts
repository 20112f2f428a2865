/**
 * The audit log in words, for the admin's screen (through i18n, in the UI's language) and for its
 * CSV export (main, without i18next). Main stores codes, not sentences: field names, entity
 * kinds, and notes written as `@{"k":"accountDisabled"}`, so the screen can say them in English
 * too. Notes written as Dutch sentences before that are recognised and translated the same way;
 * a note nobody recognises is shown as it was written.
 */

export type AuditLang = 'nl' | 'en'

/** One part of a note: a known key with its parameters, or text shown as it is. */
export type AuditNotePart = { k: AuditNoteKey; [param: string]: string | number } | { text: string }

const NOTES_NL = {
  sessionExpired: 'verlopen: 12 uur niet gebruikt',
  firstAdmin: 'eerste beheerder',
  attemptLogin: 'inloggen',
  attemptUnlock: 'ontgrendelen',
  attemptChangePassword: 'wachtwoord wijzigen',
  attemptRestore: 'terugzetten',
  userName: '{{name}}',
  passwordWrong: 'wachtwoord onjuist',
  recoveryKeyWrong: 'herstelsleutel onjuist',
  refusedWhileWaiting: 'geweigerd tijdens wachttijd',
  wait: 'wacht {{seconds}} s',
  noKeySlot: 'geen sleutel op deze computer',
  unknownUser: 'onbekende gebruikersnaam',
  accountDisabled: 'account uitgeschakeld',
  loggedInHere: '{{name}} logde in op dit scherm',
  lockIdle: 'niet gebruikt',
  lockShortcut: 'sneltoets',
  lockButton: 'knop Vergrendelen',
  lockOs: 'computer vergrendeld of in slaapstand',
  ownPasswordChanged: 'eigen wachtwoord gewijzigd',
  passwordChanged: 'wachtwoord gewijzigd',
  passwordReset: 'wachtwoord opnieuw ingesteld door beheerder',
  noKeyDisabled: 'account uitgeschakeld, dus geen sleutel',
  roleChanged: 'rol: {{from}} → {{to}}',
  enabled: 'ingeschakeld',
  disabled: 'uitgeschakeld',
  statusChanged: '{{from}} → {{to}}',
  status: '{{status}}',
  slotRemoved: 'dagdeel verwijderd ({{date}})',
  slotsGenerated_one: '{{count}} dagdeel, {{from}} t/m {{to}}',
  slotsGenerated_other: '{{count}} dagdelen, {{from}} t/m {{to}}',
  slotDate: '{{date}}',
  listItemAdded: '{{kind}} toegevoegd',
  file: '{{name}}',
  alsoDownload: 'ook als download',
  restoredFrom: '{{file}} (gemaakt {{createdAt}})',
  openedWithPassword: 'geopend met wachtwoord van {{name}}',
  openedWithRecoveryKey: 'geopend met herstelsleutel',
  erasuresReapplied_one: '{{count}} wissing opnieuw toegepast',
  erasuresReapplied_other: '{{count}} wissingen opnieuw toegepast',
  newRecoveryKey: 'nieuwe herstelsleutel gemaakt',
  oldRecoveryKeyVoid: 'de vorige opent de gegevens en de back-upmap niet meer',
  recoverySheetConfirmed: 'blad met de herstelsleutel bevestigd als opgeborgen',
  households_one: '{{count}} huishouden',
  households_other: '{{count}} huishoudens',
  rows_one: '{{count}} regel',
  rows_other: '{{count}} regels',
  reapplied: 'opnieuw toegepast na terugzetten',
  reappliedCounted: 'opnieuw toegepast na terugzetten (telt mee in cijfers)',
  subjectAccess: 'inzage {{format}}',
}

export type AuditNoteKey = keyof typeof NOTES_NL extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never

const NOTES_EN: typeof NOTES_NL = {
  sessionExpired: 'expired: not used for 12 hours',
  firstAdmin: 'first administrator',
  attemptLogin: 'log in',
  attemptUnlock: 'unlock',
  attemptChangePassword: 'change password',
  attemptRestore: 'restore',
  userName: '{{name}}',
  passwordWrong: 'wrong password',
  recoveryKeyWrong: 'wrong recovery key',
  refusedWhileWaiting: 'refused during the wait',
  wait: 'wait {{seconds}} s',
  noKeySlot: 'no key on this computer',
  unknownUser: 'unknown username',
  accountDisabled: 'account disabled',
  loggedInHere: '{{name}} logged in on this screen',
  lockIdle: 'not used',
  lockShortcut: 'shortcut',
  lockButton: 'Lock button',
  lockOs: 'computer locked or asleep',
  ownPasswordChanged: 'changed own password',
  passwordChanged: 'password changed',
  passwordReset: 'password reset by an administrator',
  noKeyDisabled: 'account disabled, so no key',
  roleChanged: 'role: {{from}} → {{to}}',
  enabled: 'enabled',
  disabled: 'disabled',
  statusChanged: '{{from}} → {{to}}',
  status: '{{status}}',
  slotRemoved: 'half-day removed ({{date}})',
  slotsGenerated_one: '{{count}} half-day, {{from}} to {{to}}',
  slotsGenerated_other: '{{count}} half-days, {{from}} to {{to}}',
  slotDate: '{{date}}',
  listItemAdded: '{{kind}} added',
  file: '{{name}}',
  alsoDownload: 'also as a download',
  restoredFrom: '{{file}} (made {{createdAt}})',
  openedWithPassword: 'opened with the password of {{name}}',
  openedWithRecoveryKey: 'opened with the recovery key',
  erasuresReapplied_one: '{{count}} erasure applied again',
  erasuresReapplied_other: '{{count}} erasures applied again',
  newRecoveryKey: 'new recovery key made',
  oldRecoveryKeyVoid: 'the previous one no longer opens the data or the backup folder',
  recoverySheetConfirmed: 'recovery key sheet confirmed as put away',
  households_one: '{{count}} household',
  households_other: '{{count}} households',
  rows_one: '{{count}} entry',
  rows_other: '{{count}} entries',
  reapplied: 'applied again after a restore',
  reappliedCounted: 'applied again after a restore (counts in the figures)',
  subjectAccess: 'subject access {{format}}',
}

/** Field names as services write them, for every kind of record. Unknown names stay as written. */
const FIELDS_NL = {
  reference: 'referentie',
  contactName: 'naam contactpersoon',
  street: 'straat',
  houseNumber: 'huisnummer',
  postcode: 'postcode',
  city: 'plaats',
  district: 'wijk of kern',
  phone: 'telefoon',
  email: 'e-mail',
  incomeSource: 'inkomensbron',
  referrer: 'verwijzer',
  proofSeenOn: 'inkomensbewijs gezien op',
  eligibleUntil: 'recht op de winkel tot',
  consentDate: 'toestemming gegeven op',
  consentBy: 'toestemming gegeven door',
  status: 'status',
  notes: 'notities',
  members: 'gezinsleden',
  date: 'datum',
  doneBy: 'gesprek gevoerd door',
  topicIds: 'onderwerpen',
  referrals: 'doorverwijzingen',
  slotId: 'dagdeel',
  note: 'opmerking',
  servedBy: 'geholpen door',
  items: 'meegenomen artikelen',
  part: 'dagdeel (ochtend/middag/avond)',
  capacity: 'plaatsen',
  username: 'gebruikersnaam',
  displayName: 'naam',
  role: 'rol',
  password: 'wachtwoord',
  active: 'actief',
  name: 'naam',
  address: 'adres',
  logo: 'logo',
  folder: 'back-upmap',
  defaultCapacity: 'plaatsen per dagdeel',
  eligibilityMonths: 'recht geldt (maanden)',
  maxVisitsPerPeriod: 'richtlijn bezoeken per periode',
  visitPeriodDays: 'periode voor bezoeken (dagen)',
  maxItemsPerChild: 'richtlijn artikelen per kind',
  inviteAfterDays: 'uitnodigen na (dagen)',
  expiringWithinDays: 'verlopend recht melden (dagen vooruit)',
  slotTemplate: 'weekrooster',
  lockMinutes: 'scherm vergrendelen na (minuten)',
  // Written as `retention.households`; a dot would nest the key in i18next.
  retention_households: 'bewaartermijn huishoudens',
  retention_people: 'bewaartermijn personen',
  retention_complaints: 'bewaartermijn klachten',
}

const FIELDS_EN: typeof FIELDS_NL = {
  reference: 'reference',
  contactName: 'contact name',
  street: 'street',
  houseNumber: 'house number',
  postcode: 'postcode',
  city: 'town',
  district: 'district',
  phone: 'phone',
  email: 'email',
  incomeSource: 'source of income',
  referrer: 'referrer',
  proofSeenOn: 'proof of income seen on',
  eligibleUntil: 'eligible for the shop until',
  consentDate: 'consent given on',
  consentBy: 'consent given by',
  status: 'status',
  notes: 'notes',
  members: 'household members',
  date: 'date',
  doneBy: 'conversation held by',
  topicIds: 'topics',
  referrals: 'referrals',
  slotId: 'half-day',
  note: 'note',
  servedBy: 'helped by',
  items: 'items taken',
  part: 'part of the day',
  capacity: 'places',
  username: 'username',
  displayName: 'name',
  role: 'role',
  password: 'password',
  active: 'active',
  name: 'name',
  address: 'address',
  logo: 'logo',
  folder: 'backup folder',
  defaultCapacity: 'places per half-day',
  eligibilityMonths: 'eligibility lasts (months)',
  maxVisitsPerPeriod: 'guideline visits per period',
  visitPeriodDays: 'period for visits (days)',
  maxItemsPerChild: 'guideline items per child',
  inviteAfterDays: 'invite after (days)',
  expiringWithinDays: 'report ending eligibility (days ahead)',
  slotTemplate: 'weekly schedule',
  lockMinutes: 'lock the screen after (minutes)',
  retention_households: 'retention term households',
  retention_people: 'retention term people',
  retention_complaints: 'retention term complaints',
}

const ENTITIES_NL = {
  household: 'huishouden',
  intake: 'intake',
  appointment: 'afspraak',
  visit: 'bezoek',
  slot: 'dagdeel',
  account: 'account',
  organisation: 'organisatie',
  settings: 'instellingen',
  listItem: 'lijstwaarde',
  callList: 'bellijst',
  auditLog: 'auditlog',
  backup: 'back-up',
  recovery_key: 'herstelsleutel',
}

const ENTITIES_EN: typeof ENTITIES_NL = {
  household: 'household',
  intake: 'intake',
  appointment: 'appointment',
  visit: 'visit',
  slot: 'half-day',
  account: 'account',
  organisation: 'organisation',
  settings: 'settings',
  listItem: 'list item',
  callList: 'call list',
  auditLog: 'audit log',
  backup: 'backup',
  recovery_key: 'recovery key',
}

const ACTIONS_NL = {
  login: 'inloggen',
  login_failed: 'inloggen mislukt',
  logout: 'uitloggen',
  lock: 'vergrendelen',
  unlock: 'ontgrendelen',
  view: 'inzien',
  create: 'aanmaken',
  update: 'wijzigen',
  delete: 'verwijderen',
  anonymise: 'anonimiseren',
  export: 'exporteren',
  print: 'afdrukken',
  backup: 'back-up',
  restore: 'terugzetten',
  settings_change: 'instelling gewijzigd',
  callListContact: 'gebeld / uitgenodigd',
}

const ACTIONS_EN: typeof ACTIONS_NL = {
  login: 'log in',
  login_failed: 'login failed',
  logout: 'log out',
  lock: 'lock',
  unlock: 'unlock',
  view: 'view',
  create: 'create',
  update: 'update',
  delete: 'delete',
  anonymise: 'anonymise',
  export: 'export',
  print: 'print',
  backup: 'backup',
  restore: 'restore',
  settings_change: 'setting changed',
  callListContact: 'called / invited',
}

/** Values inside notes that are codes themselves. */
const VALUES_NL = {
  roles: { admin: 'beheerder', coordinator: 'coördinator', volunteer: 'vrijwilliger' },
  statuses: {
    planned: 'gepland',
    came: 'gekomen',
    no_show: 'niet gekomen',
    cancelled: 'afgezegd',
  },
  listKinds: { topic: 'onderwerp', destination: 'doorverwijzing', category: 'categorie' },
}

const VALUES_EN: typeof VALUES_NL = {
  roles: { admin: 'administrator', coordinator: 'coordinator', volunteer: 'volunteer' },
  statuses: { planned: 'planned', came: 'came', no_show: 'did not come', cancelled: 'cancelled' },
  listKinds: { topic: 'topic', destination: 'referral destination', category: 'category' },
}

/** Everything the audit screen and export say, per language; the renderer puts it under `audit.`. */
export const AUDIT_TEXT = {
  nl: {
    notes: NOTES_NL,
    fields: FIELDS_NL,
    entities: ENTITIES_NL,
    actions: ACTIONS_NL,
    ...VALUES_NL,
  },
  en: {
    notes: NOTES_EN,
    fields: FIELDS_EN,
    entities: ENTITIES_EN,
    actions: ACTIONS_EN,
    ...VALUES_EN,
  },
} satisfies Record<AuditLang, unknown>

/** Which note parameters are codes to translate, and with which table. */
const PARAM_TABLES: Partial<Record<AuditNoteKey, Record<string, keyof typeof VALUES_NL>>> = {
  roleChanged: { from: 'roles', to: 'roles' },
  statusChanged: { from: 'statuses', to: 'statuses' },
  status: { status: 'statuses' },
  listItemAdded: { kind: 'listKinds' },
}

/** Parameters that are calendar days (`YYYY-MM-DD`) or instants, shown as Dutch dates. */
const DATE_PARAMS = new Set(['date', 'from', 'to'])
const INSTANT_PARAMS = new Set(['createdAt'])

type NoteInput = { k: AuditNoteKey } & Record<string, string | number>

/**
 * A note for the log as a code: one part or several (shown joined by "; "). Parts that are null
 * or false are left out, so optional parts can be written inline.
 */
export function auditNote(...parts: (NoteInput | null | false | undefined)[]): string | null {
  const kept = parts.filter((p): p is NoteInput => !!p)
  if (!kept.length) return null
  return '@' + JSON.stringify(kept.length === 1 ? kept[0] : kept)
}

const DUTCH_ROLE: Record<string, string> = invert(VALUES_NL.roles)
const DUTCH_STATUS: Record<string, string> = invert(VALUES_NL.statuses)

function invert(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]))
}

/** Dutch sentences main wrote before notes were codes, as the same codes. */
const LEGACY: { re: RegExp; part: (m: RegExpMatchArray) => AuditNotePart | null }[] = [
  ...(
    [
      'sessionExpired',
      'firstAdmin',
      'attemptLogin',
      'attemptUnlock',
      'attemptChangePassword',
      'passwordWrong',
      'refusedWhileWaiting',
      'noKeySlot',
      'unknownUser',
      'accountDisabled',
      'lockIdle',
      'lockShortcut',
      'lockButton',
      'lockOs',
      'ownPasswordChanged',
      'passwordChanged',
      'passwordReset',
      'noKeyDisabled',
      'enabled',
      'disabled',
      'alsoDownload',
      'openedWithRecoveryKey',
      'newRecoveryKey',
      'oldRecoveryKeyVoid',
      'recoverySheetConfirmed',
      'reapplied',
      'reappliedCounted',
    ] as const
  ).map((k) => ({
    re: new RegExp(`^${escapeRe(NOTES_NL[k])}$`),
    part: (): AuditNotePart => ({ k }),
  })),
  // Lock reasons were once stored as their codes.
  ...(['idle', 'shortcut', 'button', 'os'] as const).map((r) => ({
    re: new RegExp(`^${r}$`),
    part: (): AuditNotePart => ({ k: `lock${r[0].toUpperCase()}${r.slice(1)}` as AuditNoteKey }),
  })),
  { re: /^wacht (\d+) s$/, part: (m) => ({ k: 'wait', seconds: Number(m[1]) }) },
  { re: /^(.+) logde in op dit scherm$/, part: (m) => ({ k: 'loggedInHere', name: m[1] }) },
  {
    re: /^rol: (.+) → (.+)$/,
    part: (m) =>
      DUTCH_ROLE[m[1]] && DUTCH_ROLE[m[2]]
        ? { k: 'roleChanged', from: DUTCH_ROLE[m[1]], to: DUTCH_ROLE[m[2]] }
        : null,
  },
  {
    re: /^(.+) → (.+)$/,
    part: (m) =>
      DUTCH_STATUS[m[1]] && DUTCH_STATUS[m[2]]
        ? { k: 'statusChanged', from: DUTCH_STATUS[m[1]], to: DUTCH_STATUS[m[2]] }
        : null,
  },
  {
    re: /^(\d+) dagdel(?:en)?, (\d{4}-\d{2}-\d{2}) t\/m (\d{4}-\d{2}-\d{2})$/,
    part: (m) => ({ k: 'slotsGenerated', count: Number(m[1]), from: m[2], to: m[3] }),
  },
  { re: /^(\d{4}-\d{2}-\d{2})$/, part: (m) => ({ k: 'slotDate', date: m[1] }) },
  {
    re: /^(gepland|gekomen|niet gekomen|afgezegd)$/,
    part: (m) => ({ k: 'status', status: DUTCH_STATUS[m[1]] }),
  },
  {
    re: /^dagdeel verwijderd \((\d{2}-\d{2}-\d{4})\)$/,
    part: (m) => ({ k: 'slotRemoved', date: m[1] }),
  },
  {
    re: /^(topic|destination|category) toegevoegd$/,
    part: (m) => ({ k: 'listItemAdded', kind: m[1] }),
  },
  {
    re: /^(.+) \(gemaakt (.+)\)$/,
    part: (m) => ({ k: 'restoredFrom', file: m[1], createdAt: m[2] }),
  },
  {
    re: /^geopend met wachtwoord van (.+)$/,
    part: (m) => ({ k: 'openedWithPassword', name: m[1] }),
  },
  {
    re: /^(\d+) wissing(?:en)? opnieuw toegepast$/,
    part: (m) => ({ k: 'erasuresReapplied', count: Number(m[1]) }),
  },
  { re: /^(\d+) huishouden(?:s)?$/, part: (m) => ({ k: 'households', count: Number(m[1]) }) },
  { re: /^(\d+) regel(?:s)?$/, part: (m) => ({ k: 'rows', count: Number(m[1]) }) },
  { re: /^inzage (pdf|json)$/, part: (m) => ({ k: 'subjectAccess', format: m[1] }) },
]

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function isKnownKey(k: unknown): k is AuditNoteKey {
  return (
    typeof k === 'string' && (k in NOTES_NL || `${k}_one` in NOTES_NL || `${k}_other` in NOTES_NL)
  )
}

/** A stored note as its parts: codes as written by main, old Dutch sentences recognised. */
export function parseAuditNote(detail: string | null): AuditNotePart[] {
  if (!detail) return []
  if (detail.startsWith('@')) {
    try {
      const parsed = JSON.parse(detail.slice(1)) as unknown
      const list = Array.isArray(parsed) ? parsed : [parsed]
      return list.map((p) =>
        p && typeof p === 'object' && isKnownKey((p as { k?: unknown }).k)
          ? (p as AuditNotePart)
          : { text: JSON.stringify(p) },
      )
    } catch {
      return [{ text: detail }]
    }
  }
  // The whole note first (some sentences hold a "; " of their own), then its parts.
  const whole = legacyPart(detail)
  if (whole) return [whole]
  return detail.split('; ').map((s) => legacyPart(s) ?? { text: s })
}

function legacyPart(s: string): AuditNotePart | null {
  for (const { re, part } of LEGACY) {
    const m = s.match(re)
    if (m) {
      const p = part(m)
      if (p) return p
    }
  }
  return null
}

/** Looks up a key such as `notes.wait` in texts of one language; i18next does this on screen. */
export type AuditTranslate = (key: string, params?: Record<string, string | number>) => string

function dutchDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${m[3]}-${m[2]}-${m[1]}` : day
}

function instantText(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d)
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}`
}

/** A stored note in words, with `tr` looking up `notes.*`, `roles.*`, ... in one language. */
export function auditNoteText(detail: string | null, tr: AuditTranslate): string {
  return parseAuditNote(detail)
    .map((part) => {
      if ('text' in part) return part.text
      const { k, ...raw } = part
      const tables = PARAM_TABLES[k] ?? {}
      const params: Record<string, string | number> = {}
      for (const [name, value] of Object.entries(raw)) {
        const table = tables[name]
        if (table) params[name] = tr(`${table}.${value}`)
        else if (DATE_PARAMS.has(name) && typeof value === 'string') params[name] = dutchDate(value)
        else if (INSTANT_PARAMS.has(name) && typeof value === 'string')
          params[name] = instantText(value)
        else params[name] = value
      }
      return tr(`notes.${k}`, params)
    })
    .join('; ')
}

/** `tr` over the tables above, for main (the CSV export and the subject access export). */
export function auditTranslator(lang: AuditLang): AuditTranslate {
  const texts = AUDIT_TEXT[lang] as unknown as Record<string, Record<string, string>>
  return (key, params = {}) => {
    const [group, name] = splitKey(key)
    const table = texts[group] ?? {}
    const count = params.count
    const text =
      (typeof count === 'number' ? table[`${name}_${count === 1 ? 'one' : 'other'}`] : undefined) ??
      table[name] ??
      name
    return text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p] ?? ''))
  }
}

function splitKey(key: string): [string, string] {
  const dot = key.indexOf('.')
  return [key.slice(0, dot), key.slice(dot + 1)]
}

/** A field name in words; a name not in the table is shown as written. */
export function auditFieldText(field: string, tr: AuditTranslate): string {
  const key = field.replace(/\./g, '_')
  return key in FIELDS_NL ? tr(`fields.${key}`) : field
}

/**
 * What was done, in words. "Gebeld / uitgenodigd" is stored as creating a call-list record; as
 * "aanmaken · bellijst" nobody would recognise the button they pressed.
 */
export function auditActionText(
  action: string,
  entityType: string | null,
  tr: AuditTranslate,
): string {
  if (action === 'create' && entityType === 'callList') return tr('actions.callListContact')
  return action in ACTIONS_NL ? tr(`actions.${action}`) : action
}

/** An entity kind in words; a kind not in the table is shown as written. */
export function auditEntityText(entity: string, tr: AuditTranslate): string {
  return entity in ENTITIES_NL ? tr(`entities.${entity}`) : entity
}
