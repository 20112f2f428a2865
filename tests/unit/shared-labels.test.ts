import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../src/shared/schemas/audit'
import { ROLES } from '../../src/shared/schemas/accounts'
import { APPOINTMENT_STATUSES } from '../../src/shared/schemas/shop'
import { LIST_KINDS } from '../../src/shared/schemas/lists'
import { PARTNER_KINDS } from '../../src/shared/schemas/partners'
import {
  ELIGIBILITIES,
  GENDERS,
  HOUSEHOLD_STATUSES,
  INCOME_SOURCES,
  INTAKE_ANSWERS,
} from '../../src/shared/schemas/household'
import { DAY_PARTS, MARITAL_STATUSES } from '../../src/shared/schemas/common'
import { COLLECTION_SEASONS, NOTICE_WAYS } from '../../src/shared/schemas/collections'
import { SUBJECT_KINDS } from '../../src/shared/schemas/subjects'
import { SHARED_LABELS, type LabelLanguage } from '../../src/shared/i18n'
import { auditActionText, auditEntityText } from '../../src/shared/audit-text'
import { codeLabel, labelsT } from '../../src/main/i18n'

const LANGUAGES: LabelLanguage[] = ['nl', 'en']

/** The text at a dotted key in one language's resources, without falling back to another. */
function own(lang: LabelLanguage, key: string): unknown {
  let node: unknown = SHARED_LABELS[lang]
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
  return node
}

function leaves(obj: unknown, prefix = ''): Record<string, string> {
  if (typeof obj === 'string') return { [prefix]: obj }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj as Record<string, unknown>))
    Object.assign(out, leaves(v, prefix ? `${prefix}.${k}` : k))
  return out
}

/** Every code of every enumerable kind the app shows in words, with the table it is looked up in. */
const CODES: [table: string, codes: readonly string[]][] = [
  ['audit.actions', AUDIT_ACTIONS],
  ['audit.done', AUDIT_ACTIONS],
  ['audit.entities', AUDIT_ENTITY_TYPES],
  ['roles', ROLES],
  ['status', APPOINTMENT_STATUSES],
  ['status', HOUSEHOLD_STATUSES],
  ['eligibility', ELIGIBILITIES],
  ['parts', DAY_PARTS],
  ['income', INCOME_SOURCES],
  ['gender', GENDERS],
  ['maritalStatus', MARITAL_STATUSES],
  ['seasons', COLLECTION_SEASONS],
  ['noticeWays', NOTICE_WAYS],
  ['answers', INTAKE_ANSWERS],
  ['audit.listKinds', LIST_KINDS],
  ['partnerKinds', PARTNER_KINDS],
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return path.endsWith('.ts') ? [path] : []
  })
}

describe('one source of labels for main and the screens', () => {
  it('has a Dutch and an English label for every audit action and entity type, role and status', () => {
    const missing: string[] = []
    for (const lang of LANGUAGES)
      for (const [table, codes] of CODES)
        for (const code of codes) {
          const text = own(lang, `${table}.${code}`)
          if (typeof text !== 'string' || !text.trim()) missing.push(`${lang}: ${table}.${code}`)
        }
    expect(missing).toEqual([])
  })

  it('knows every kind of record main writes in the log, so none shows as a raw code', () => {
    // Literal kinds in the services, and the data subject kinds (erasures log the kind itself).
    const written = new Set<string>(SUBJECT_KINDS)
    for (const file of sourceFiles(join(__dirname, '../../src/main')))
      for (const m of readFileSync(file, 'utf8').matchAll(/entityType: '(\w+)'/g)) written.add(m[1])
    expect(written.size).toBeGreaterThan(5)
    expect(
      [...written].filter((k) => !(AUDIT_ENTITY_TYPES as readonly string[]).includes(k)),
    ).toEqual([])
  })

  it('gives English every Dutch key, with the same placeholders, and nothing of its own', () => {
    const nl = leaves(SHARED_LABELS.nl)
    const en = leaves(SHARED_LABELS.en)
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
    const vars = (s: string): string[] => (s.match(/{{\s*\w+\s*}}/g) ?? []).sort()
    for (const [key, text] of Object.entries(nl)) expect(vars(en[key]), key).toEqual(vars(text))
  })

  it('lets main say every action and kind of record in Dutch (the CSV and the letter)', () => {
    const t = labelsT()
    // Codes that are spelt like a word, where the Dutch word is that code too.
    expect(AUDIT_ENTITY_TYPES.map((e) => auditEntityText(e, t))).toEqual([
      'huishouden',
      'intakegesprek',
      'afspraak',
      'bezoek',
      'dagdeel',
      'account',
      'organisatie',
      'instellingen',
      'lijstwaarde',
      'organisatie op de sociale kaart',
      'bellijst',
      'collectie',
      'verteld over een collectie',
      'klacht',
      'stap in de klachtbehandeling',
      'maatregel na een klacht',
      'klachtcategorie',
      'deelnemer / vrijwilliger',
      'doorstroom',
      'lijstwaarde vrijwilligers',
      'programma',
      'vrijwilligersplek',
      'uren vrijwilligerswerk',
      'ZRM-meting',
      'trajectplan',
      'contact na koppeling',
      'leeg aanmeldformulier',
      'koppeling',
      'matching (voorstellen)',
      'uitleg hoe wij matchen',
      'sjabloon klachtbrief',
      'klachtbrief',
      'jaarverslag klachten',
      'activiteit',
      'turflijst informatie en advies',
      'cursus (vrijwilligersacademie)',
      'cursusbijeenkomst',
      'soort hulpvraag',
      'hulpvraag',
      'mantelzorger',
      'belasting mantelzorger',
      'steun aan mantelzorger',
      'stelling tevredenheidsvragenlijst',
      'tevredenheidsvragenlijst aangeboden',
      'ingevulde vragenlijst (anoniem)',
      'zorgsignaal',
      'verhaal bij de verantwoording',
      'gebied (gemeente, gebied, wijk of kern)',
      'spreadsheetimport',
      'opgeslagen kolomindeling van de import',
      'subsidieverantwoording',
      'streefwaarde',
      'toelichting subsidieverantwoording',
      'definitieve subsidieverantwoording',
      'auditlog',
      'back-up',
      'herstelsleutel',
    ])
    for (const action of AUDIT_ACTIONS) {
      expect(auditActionText(action, null, t), action).toBe(SHARED_LABELS.nl.audit.actions[action])
      expect(codeLabel('audit.done', action, t), action).toBe(SHARED_LABELS.nl.audit.done[action])
    }
    expect(auditActionText('backup', 'backup', t)).toBe('back-up')
    expect(labelsT('en')('audit.entities.recovery_key')).toBe('recovery key')
    // A code nobody gave words yet is shown as it is, not as a key.
    // ('complaint' was that example until complaints came; this kind is in no list.)
    expect(codeLabel('audit.entities', 'notAKindYet', t)).toBe('notAKindYet')
  })

  it('is what the screens read: the same objects, not a copy of them', async () => {
    const { messages } = await import('../../src/renderer/src/i18n')
    for (const lang of LANGUAGES) {
      const screen = messages(lang)
      for (const namespace of ['roles', 'status', 'parts', 'income', 'gender', 'eligibility'])
        expect(screen[namespace], `${lang}: ${namespace}`).toBe(
          SHARED_LABELS[lang][namespace as keyof (typeof SHARED_LABELS)['nl']],
        )
      // The audit screen's namespace holds its own texts and the shared audit words.
      expect((screen.audit as Record<string, unknown>).entities).toBe(
        SHARED_LABELS[lang].audit.entities,
      )
    }
  })
})
