import { lowerFirst, lowerFirstAll, SHARED_LABELS, type LabelLanguage } from './i18n'

/**
 * The audit log in words, for the admin's screen and for its CSV export, both through i18next over
 * the shared labels (`src/shared/i18n`): this module only reads notes. Main stores codes, not sentences: field names, entity
 * kinds, and notes written as `@{"k":"accountDisabled"}`, so the screen can say them in English
 * too. Notes written as Dutch sentences before that are recognised and translated the same way;
 * a note nobody recognises is shown as it was written.
 */

export type AuditLang = LabelLanguage

/** One part of a note: a known key with its parameters, or text shown as it is. */
export type AuditNotePart = { k: AuditNoteKey; [param: string]: string | number } | { text: string }

const NOTES_NL = SHARED_LABELS.nl.audit.notes
const FIELDS_NL = SHARED_LABELS.nl.audit.fields
const ENTITIES_NL = SHARED_LABELS.nl.audit.entities
const ACTIONS_NL = SHARED_LABELS.nl.audit.actions

export type AuditNoteKey = keyof typeof NOTES_NL extends infer K
  ? K extends `${infer Base}_${'one' | 'other'}`
    ? Base
    : K
  : never

/**
 * The audit words per language: a view of the shared label resources (`src/shared/i18n`), which
 * the renderer and main's i18next both read; not a copy of them.
 */
export const AUDIT_TEXT = {
  nl: SHARED_LABELS.nl.audit,
  en: SHARED_LABELS.en.audit,
} satisfies Record<AuditLang, unknown>

/**
 * Which note parameters are codes to translate, and under which key. Roles and statuses are the
 * screens' own labels, taken with a lower-case first letter inside the sentence.
 */
const PARAM_TABLES: Partial<
  Record<
    AuditNoteKey,
    Record<
      string,
      | 'roles'
      | 'status'
      | 'audit.listKinds'
      | 'parts'
      | 'audit.fields'
      | 'matching.steps'
      | 'matching.reasonNames'
    >
  >
> = {
  roleChanged: { from: 'roles', to: 'roles' },
  appointmentMoved: { fromPart: 'parts', toPart: 'parts' },
  statusChanged: { from: 'status', to: 'status' },
  status: { status: 'status' },
  listItemAdded: { kind: 'audit.listKinds' },
  // A volunteer switch: its name, as the fields column says it, with on or off.
  switchOn: { field: 'audit.fields' },
  switchOff: { field: 'audit.fields' },
  // A placement's step, and the filter a proposal overrode (matching, issue 13).
  stepChanged: { fromStep: 'matching.steps', toStep: 'matching.steps' },
  matchOverride: { reason: 'matching.reasonNames' },
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

const DUTCH_ROLE: Record<string, string> = invert(lowerFirstAll(SHARED_LABELS.nl.roles))
const DUTCH_STATUS: Record<string, string> = invert(lowerFirstAll(SHARED_LABELS.nl.status))

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

/**
 * Looks up a full key such as `audit.notes.wait` or `roles.admin` in one language: the screen's
 * i18next `t`, or main's (`src/main/i18n.ts`).
 */
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

/** A stored note in words, with `tr` looking up `audit.notes.*`, `roles.*`, ... in one language. */
export function auditNoteText(detail: string | null, tr: AuditTranslate): string {
  return parseAuditNote(detail)
    .map((part) => {
      if ('text' in part) return part.text
      const { k, ...raw } = part
      const tables = PARAM_TABLES[k] ?? {}
      const params: Record<string, string | number> = {}
      for (const [name, value] of Object.entries(raw)) {
        const table = tables[name]
        if (table) params[name] = lowerFirst(tr(`${table}.${value}`))
        else if (DATE_PARAMS.has(name) && typeof value === 'string') params[name] = dutchDate(value)
        else if (INSTANT_PARAMS.has(name) && typeof value === 'string')
          params[name] = instantText(value)
        else params[name] = value
      }
      return tr(`audit.notes.${k}`, params)
    })
    .join('; ')
}

/**
 * `tr` straight over the shared resources, without i18next: for tests and scripts that read notes.
 * Main's documents use its i18next instance (`labelsT` in `src/main/i18n.ts`) over the same texts.
 */
export function auditTranslator(lang: AuditLang): AuditTranslate {
  return (key, params = {}) => {
    const path = key.split('.')
    const name = path.pop() ?? ''
    let table: unknown = SHARED_LABELS[lang]
    for (const part of path) table = (table as Record<string, unknown> | undefined)?.[part]
    const texts = (table ?? {}) as Record<string, string | undefined>
    const count = params.count
    const text =
      (typeof count === 'number' ? texts[`${name}_${count === 1 ? 'one' : 'other'}`] : undefined) ??
      texts[name] ??
      key
    return text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => String(params[p] ?? ''))
  }
}

/** A field name in words; a name not in the table is shown as written. */
export function auditFieldText(field: string, tr: AuditTranslate): string {
  const key = field.replace(/\./g, '_')
  return key in FIELDS_NL ? tr(`audit.fields.${key}`) : field
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
  if (action === 'create' && entityType === 'callList') return tr('audit.actions.callListContact')
  return action in ACTIONS_NL ? tr(`audit.actions.${action}`) : action
}

/** An entity kind in words; a kind not in the table is shown as written. */
export function auditEntityText(entity: string, tr: AuditTranslate): string {
  return entity in ENTITIES_NL ? tr(`audit.entities.${entity}`) : entity
}
