/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  title: 'Vandaag',
  noSlotsToday: 'Vandaag is de winkel niet open: er zijn geen dagdelen en geen afspraken.',
  firstSteps: {
    title: 'Eerste stappen',
    intro:
      'Zo zet u de winkel klaar voor de eerste winkeldag. Een vinkje verschijnt als een stap gedaan is.',
    done: 'gedaan',
    todo: 'nog te doen',
    halfDays: {
      text: 'Maak de dagdelen aan waarop de winkel open is (bijvoorbeeld dinsdag- en donderdagochtend), met het aantal plaatsen.',
      button: 'Dagdelen aanmaken',
    },
    accounts: {
      text: 'Maak accounts voor de coördinatoren en de vrijwilligers aan de balie.',
      button: 'Accounts toevoegen',
    },
    intake: {
      text: 'Schrijf het eerste gezin in met het intakeformulier; daarna kunt u een afspraak maken.',
      button: 'Eerste intake',
    },
    askCoordinator:
      'Vraag de coördinator om dagdelen aan te maken en de eerste gezinnen in te schrijven.',
  },
  toAppointments: 'Naar de afspraken',
  free: {
    title: 'Vrije plaatsen komende 7 dagen',
    total_one: 'vrije plaats',
    total_other: 'vrije plaatsen',
    range: '{{from}} t/m {{to}}',
    slot_one: '{{count}} vrij',
    slot_other: '{{count}} vrij',
    noSlots: 'Geen dagdelen in de komende 7 dagen.',
    full: 'Alle dagdelen in de komende 7 dagen zijn vol.',
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
  complaints: {
    title: 'Klachten',
    late_one: '{{count}} klacht is te laat',
    late_other: '{{count}} klachten zijn te laat',
    none: 'Geen klachten te laat',
    soon_one: '{{count}} met een termijn binnen 7 dagen',
    soon_other: '{{count}} met een termijn binnen 7 dagen',
    open: 'Naar de klachten',
  },
}

export const en: typeof nl = {
  title: 'Today',
  noSlotsToday: 'The shop is not open today: there are no half-days and no appointments.',
  firstSteps: {
    title: 'First steps',
    intro:
      'This is how to get the shop ready for its first day. A tick appears once a step is done.',
    done: 'done',
    todo: 'to do',
    halfDays: {
      text: 'Create the half-days the shop is open (for example Tuesday and Thursday morning), with their number of places.',
      button: 'Create half-days',
    },
    accounts: {
      text: 'Create accounts for the coordinators and the volunteers at the counter.',
      button: 'Add accounts',
    },
    intake: {
      text: 'Register the first family with the intake form; then you can book an appointment.',
      button: 'First intake',
    },
    askCoordinator: 'Ask the coordinator to create half-days and register the first families.',
  },
  toAppointments: 'To the appointments',
  free: {
    title: 'Free places in the next 7 days',
    total_one: 'free place',
    total_other: 'free places',
    range: '{{from}} to {{to}}',
    slot_one: '{{count}} free',
    slot_other: '{{count}} free',
    noSlots: 'No half-days in the next 7 days.',
    full: 'All half-days in the next 7 days are full.',
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
  complaints: {
    title: 'Complaints',
    late_one: '{{count}} complaint is late',
    late_other: '{{count}} complaints are late',
    none: 'No complaints late',
    soon_one: '{{count}} with a deadline within 7 days',
    soon_other: '{{count}} with a deadline within 7 days',
    open: 'To the complaints',
  },
}
