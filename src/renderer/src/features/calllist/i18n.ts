/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  title: 'Bellijst',
  intro:
    'Actieve huishoudens met recht op de winkel die niet meer zijn geweest sinds de gekozen datum en nog geen afspraak hebben.',
  notSeenSince: 'Niet geweest sinds',
  district: 'Wijk of kern (optioneel)',
  allDistricts: 'Alle wijken en kernen',
  export: 'Exporteer als CSV',
  count_one: '{{count}} huishouden om uit te nodigen',
  count_other: '{{count}} huishoudens om uit te nodigen',
  empty: 'Niemand om uit te nodigen.',
  never: 'nog nooit',
  columns: {
    name: 'Naam',
    reference: 'Referentie',
    phone: 'Telefoon',
    email: 'E-mail',
    district: 'Wijk/kern',
    lastVisit: 'Laatste bezoek',
    eligibleUntil: 'Recht tot',
  },
}

export const en: typeof nl = {
  title: 'Call list',
  intro:
    'Active, eligible households that have not been since the chosen date and have no appointment yet.',
  notSeenSince: 'Not seen since',
  district: 'District or village (optional)',
  allDistricts: 'All districts and villages',
  export: 'Export as CSV',
  count_one: '{{count}} household to invite',
  count_other: '{{count}} households to invite',
  empty: 'Nobody to invite.',
  never: 'never',
  columns: {
    name: 'Name',
    reference: 'Reference',
    phone: 'Phone',
    email: 'E-mail',
    district: 'District/village',
    lastVisit: 'Last visit',
    eligibleUntil: 'Eligible until',
  },
}
