import { describe, expect, it } from 'vitest'
import {
  AUDIT_TEXT,
  auditFieldText,
  auditNote,
  auditNoteText,
  auditTranslator,
} from '../../src/shared/audit-text'

const nl = auditTranslator('nl')
const en = auditTranslator('en')

/** Words that give a Dutch note away in the English screen. */
const DUTCH =
  /\b(wachtwoord|onjuist|wacht|geweigerd|onbekende|uitgeschakeld|ingeschakeld|gebruikt|sneltoets|knop|vergrendeld|gewijzigd|beheerder|rol\b|gepland|gekomen|afgezegd|dagdel|toegevoegd|gemaakt|geopend|herstelsleutel|wissing|huishoud|regel|inzage|opnieuw|toegepast|verwijderd|sleutel|verlopen|eerste|logde|scherm|onderwerp)/i

/**
 * Every note as services write it today or wrote it before notes were codes, with what the Dutch
 * screen shows. The English screen must show none of it in Dutch.
 */
const LEGACY: [string, string][] = [
  ['account uitgeschakeld', 'account uitgeschakeld'],
  ['verlopen: 12 uur niet gebruikt', 'verlopen: 12 uur niet gebruikt'],
  ['eerste beheerder', 'eerste beheerder'],
  ['inloggen; wachtwoord onjuist; wacht 30 s', 'inloggen; wachtwoord onjuist; wacht 30 s'],
  ['ontgrendelen; geweigerd tijdens wachttijd', 'ontgrendelen; geweigerd tijdens wachttijd'],
  ['onbekende gebruikersnaam; wacht 60 s', 'onbekende gebruikersnaam; wacht 60 s'],
  ['vera; geen sleutel op deze computer', 'vera; geen sleutel op deze computer'],
  ['anja logde in op dit scherm', 'anja logde in op dit scherm'],
  ['niet gebruikt', 'niet gebruikt'],
  ['idle', 'niet gebruikt'],
  ['computer vergrendeld of in slaapstand', 'computer vergrendeld of in slaapstand'],
  ['eigen wachtwoord gewijzigd', 'eigen wachtwoord gewijzigd'],
  [
    'rol: coördinator → vrijwilliger; uitgeschakeld',
    'rol: coördinator → vrijwilliger; uitgeschakeld',
  ],
  [
    'wachtwoord opnieuw ingesteld door beheerder; account uitgeschakeld, dus geen sleutel',
    'wachtwoord opnieuw ingesteld door beheerder; account uitgeschakeld, dus geen sleutel',
  ],
  ['12 dagdelen, 2026-06-01 t/m 2026-06-30', '12 dagdelen, 01-06-2026 t/m 30-06-2026'],
  ['2026-06-15', '15-06-2026'],
  ['gepland → gekomen', 'gepland → gekomen'],
  ['afgezegd; dagdeel verwijderd (15-06-2026)', 'afgezegd; dagdeel verwijderd (15-06-2026)'],
  ['topic toegevoegd', 'onderwerp toegevoegd'],
  [
    'dichtbij-20260615T100000Z-handmatig.dichtbij-backup; ook als download',
    'dichtbij-20260615T100000Z-handmatig.dichtbij-backup; ook als download',
  ],
  [
    'dichtbij-20260615T100000Z-handmatig.dichtbij-backup (gemaakt 2026-06-15T10:00:00.000Z); geopend met wachtwoord van anja; 2 wissingen opnieuw toegepast',
    'dichtbij-20260615T100000Z-handmatig.dichtbij-backup (gemaakt 15-06-2026 12:00); geopend met wachtwoord van anja; 2 wissingen opnieuw toegepast',
  ],
  [
    'nieuwe herstelsleutel gemaakt; de vorige opent de gegevens en de back-upmap niet meer',
    'nieuwe herstelsleutel gemaakt; de vorige opent de gegevens en de back-upmap niet meer',
  ],
  ['37 huishoudens', '37 huishoudens'],
  ['1 regel', '1 regel'],
  ['inzage pdf', 'inzage pdf'],
  [
    'opnieuw toegepast na terugzetten (telt mee in cijfers)',
    'opnieuw toegepast na terugzetten (telt mee in cijfers)',
  ],
]

describe('audit notes', () => {
  it('reads every note main writes, old Dutch sentences included, and says it in English without Dutch', () => {
    for (const [stored, dutch] of LEGACY) {
      expect(auditNoteText(stored, nl), stored).toBe(dutch)
      const english = auditNoteText(stored, en)
      // File and user names stay as they are; everything else is English.
      const words = english.replace(/dichtbij-\S+|\bvera\b|\banja\b/g, '')
      expect(words, `${stored} → ${english}`).not.toMatch(DUTCH)
    }
  })

  it('writes codes, and plural forms follow the count', () => {
    const note = auditNote({ k: 'attemptLogin' }, { k: 'passwordWrong' }, false, {
      k: 'wait',
      seconds: 30,
    })
    expect(note).toBe('@[{"k":"attemptLogin"},{"k":"passwordWrong"},{"k":"wait","seconds":30}]')
    expect(auditNoteText(note, en)).toBe('log in; wrong password; wait 30 s')
    expect(auditNoteText(auditNote({ k: 'rows', count: 1 }), en)).toBe('1 entry')
    expect(auditNoteText(auditNote({ k: 'rows', count: 2 }), nl)).toBe('2 regels')
    expect(auditNoteText(auditNote({ k: 'roleChanged', from: 'admin', to: 'volunteer' }), en)).toBe(
      'role: administrator → volunteer',
    )
    expect(auditNote(null, false)).toBeNull()
  })

  it('shows a note it does not know as it was written', () => {
    expect(auditNoteText('iets nieuws; wacht 5 s', en)).toBe('iets nieuws; wait 5 s')
    expect(auditNoteText('@{"k":"nietBestaand"}', en)).toBe('{"k":"nietBestaand"}')
    expect(auditNoteText('@{kapot', en)).toBe('@{kapot')
  })

  it('names fields in words, in both languages, and leaves unknown names alone', () => {
    expect(auditFieldText('displayName', nl)).toBe('naam')
    expect(auditFieldText('retention.households', nl)).toBe('bewaartermijn huishoudens')
    expect(auditFieldText('retention.households', en)).toBe('retention term households')
    expect(auditFieldText('somethingNew', en)).toBe('somethingNew')
    expect(Object.keys(AUDIT_TEXT.en.fields).sort()).toEqual(
      Object.keys(AUDIT_TEXT.nl.fields).sort(),
    )
  })
})
