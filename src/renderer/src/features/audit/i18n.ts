/**
 * Texts of the audit log screen; `en` has the same keys (a test checks). The words for actions,
 * kinds of record, field names and notes are in `src/shared/i18n` (namespace `audit`), shared with
 * main's CSV export; `i18n/index.ts` puts them under the same `audit.` key.
 */
export const nl = {
  title: 'Auditlog',
  intro:
    'Wie wat heeft ingezien en gewijzigd, en wanneer. Regels kunnen niet worden gewijzigd of verwijderd; "Log controleren" laat zien of dat zo gebleven is.',
  filters: {
    user: 'Gebruiker',
    action: 'Handeling',
    entity: 'Soort gegeven',
    household: 'Huishouden',
    householdPlaceholder: 'H-00122',
    from: 'Vanaf',
    to: 'Tot en met',
    all: 'Alle',
    clear: 'Filters wissen',
  },
  columns: {
    at: 'Tijd',
    user: 'Gebruiker',
    role: 'Rol',
    workstation: 'Werkplek',
    action: 'Handeling',
    entity: 'Gegeven',
    fields: 'Velden',
    detail: 'Toelichting',
  },
  nobody: '(niemand aangemeld)',
  empty: 'Geen regels gevonden.',
  count_one: '{{count, number}} regel',
  count_other: '{{count, number}} regels',
  pagination: '{{from, number}}–{{to, number}} van {{total, number}}',
  // A filter that matches more than can be counted quickly: the pages go up to that number.
  countMore: 'Meer dan {{count, number}} regels: maak de filters nauwer om ze allemaal te zien',
  paginationMore: '{{from, number}}–{{to, number}} van de eerste {{total, number}}',
  export: 'Exporteren (CSV)',
  exported_one: '{{count, number}} regel geëxporteerd.',
  exported_other: '{{count, number}} regels geëxporteerd.',
  verify: {
    button: 'Log controleren',
    ok_one: 'Het log is onveranderd: {{count, number}} regel nagekeken',
    ok_other: 'Het log is onveranderd: alle {{count, number}} regels nagekeken',
    okText: 'Geen enkele regel is achteraf gewijzigd, weggehaald of tussengevoegd.',
    okRoutine_one: 'Het log is onveranderd: {{count, number}} regel',
    okRoutine_other: 'Het log is onveranderd: {{count, number}} regels',
    okRoutineText_one:
      'De nieuwe regel sinds de vorige controle is nagerekend en past op wat toen in orde was. De volledige controle rekent alle regels opnieuw na.',
    okRoutineText_other:
      'De {{count, number}} regels sinds de vorige controle (en een deel van de oudere) zijn nagerekend en passen op wat toen in orde was. De volledige controle rekent alle regels opnieuw na.',
    fullButton: 'Volledige controle',
    running: 'Alle regels worden nagerekend. U kunt intussen verder werken.',
    checked:
      'Regel {{id}} is anders dan bij een eerdere controle, of is weg: het log is sindsdien herschreven of ingekort.',
    broken: 'Het log is achteraf veranderd, bij regel {{id}}',
    hash: 'Regel {{id}} is gewijzigd nadat hij was geschreven.',
    link: 'Vlak vóór regel {{id}} is een regel weggehaald of tussengevoegd.',
    anchor:
      'Regel {{id}} is anders dan toen er een back-up werd gemaakt: het log is na die back-up herschreven.',
    anchors_one: 'Ook {{count, number}} back-up klopt met het log.',
    anchors_other: 'Ook {{count, number}} back-ups kloppen met het log.',
    brokenHelp:
      'Niemand hoort het log te veranderen. Bewaar deze melding en bespreek het met de privacyverantwoordelijke.',
    checkedAt: 'Nagekeken op {{at}}',
  },
}

export const en: typeof nl = {
  title: 'Audit log',
  intro:
    'Who viewed and changed what, and when. Entries cannot be changed or removed; "Check the log" shows whether that has held.',
  filters: {
    user: 'User',
    action: 'Action',
    entity: 'Kind of record',
    household: 'Household',
    householdPlaceholder: 'H-00122',
    from: 'From',
    to: 'Up to and including',
    all: 'All',
    clear: 'Clear filters',
  },
  columns: {
    at: 'Time',
    user: 'User',
    role: 'Role',
    workstation: 'Workstation',
    action: 'Action',
    entity: 'Record',
    fields: 'Fields',
    detail: 'Detail',
  },
  nobody: '(nobody logged in)',
  empty: 'No entries found.',
  count_one: '{{count, number}} entry',
  count_other: '{{count, number}} entries',
  pagination: '{{from, number}}–{{to, number}} of {{total, number}}',
  countMore: 'More than {{count, number}} entries: narrow the filters to see them all',
  paginationMore: '{{from, number}}–{{to, number}} of the first {{total, number}}',
  export: 'Export (CSV)',
  exported_one: '{{count, number}} entry exported.',
  exported_other: '{{count, number}} entries exported.',
  verify: {
    button: 'Check the log',
    ok_one: 'The log is unchanged: {{count, number}} entry checked',
    ok_other: 'The log is unchanged: all {{count, number}} entries checked',
    okText: 'No entry was changed, removed or inserted afterwards.',
    okRoutine_one: 'The log is unchanged: {{count, number}} entry',
    okRoutine_other: 'The log is unchanged: {{count, number}} entries',
    okRoutineText_one:
      'The new entry since the previous check was recomputed and fits onto what was intact then. The full check recomputes every entry.',
    okRoutineText_other:
      'The {{count, number}} entries since the previous check (and part of the older ones) were recomputed and fit onto what was intact then. The full check recomputes every entry.',
    fullButton: 'Full check',
    running: 'Every entry is being recomputed. You can go on working meanwhile.',
    checked:
      'Entry {{id}} differs from what an earlier check found, or is gone: the log was rewritten or cut short since.',
    broken: 'The log was changed afterwards, at entry {{id}}',
    hash: 'Entry {{id}} was changed after it was written.',
    link: 'Just before entry {{id}} an entry was removed or inserted.',
    anchor:
      'Entry {{id}} differs from what it was when a backup was made: the log was rewritten after that backup.',
    anchors_one: '{{count, number}} backup also matches the log.',
    anchors_other: '{{count, number}} backups also match the log.',
    brokenHelp:
      'Nobody should change the log. Keep this message and discuss it with the person responsible for privacy.',
    checkedAt: 'Checked at {{at}}',
  },
}
