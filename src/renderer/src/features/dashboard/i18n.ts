/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  title: 'Vandaag',
  noSlotsToday: 'Vandaag is de winkel niet open: er zijn geen dagdelen en geen afspraken.',
  toAppointments: 'Naar de afspraken',
  free: {
    title: 'Vrije plaatsen deze week',
    total_one: 'vrije plaats vanaf vandaag',
    total_other: 'vrije plaatsen vanaf vandaag',
    range: 'week van {{from}} t/m {{to}}',
    slot_one: '{{count}} vrij',
    slot_other: '{{count}} vrij',
    none: 'Deze week is alles vol.',
  },
  expiring: {
    title: 'Recht verloopt binnenkort',
    until: 'tot {{date}}',
    none: 'Bij niemand verloopt het recht binnenkort.',
  },
  invite: {
    title: 'Uitnodigen',
    text_one: 'huishouden is niet meer geweest sinds {{date}} en heeft geen afspraak.',
    text_other: 'huishoudens zijn niet meer geweest sinds {{date}} en hebben geen afspraak.',
    toCallList: 'Naar de bellijst',
  },
}

export const en: typeof nl = {
  title: 'Today',
  noSlotsToday: 'The shop is not open today: there are no half-days and no appointments.',
  toAppointments: 'To the appointments',
  free: {
    title: 'Free places this week',
    total_one: 'free place from today',
    total_other: 'free places from today',
    range: 'week of {{from}} to {{to}}',
    slot_one: '{{count}} free',
    slot_other: '{{count}} free',
    none: 'Everything is full this week.',
  },
  expiring: {
    title: 'Eligibility ends soon',
    until: 'until {{date}}',
    none: 'Nobody’s eligibility ends soon.',
  },
  invite: {
    title: 'Invite',
    text_one: 'household has not been since {{date}} and has no appointment.',
    text_other: 'households have not been since {{date}} and have no appointment.',
    toCallList: 'To the call list',
  },
}
