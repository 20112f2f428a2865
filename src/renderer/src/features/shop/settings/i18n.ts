/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  title: 'Instellingen',
  shop: {
    title: 'Kledingwinkel',
    submit: 'Instellingen opslaan',
    saved: 'De instellingen zijn opgeslagen.',
    defaultCapacity: {
      label: 'Plaatsen per dagdeel',
      help: 'Zoveel huishoudens per dagdeel als het weekrooster niets anders zegt.',
    },
    eligibilityMonths: {
      label: 'Recht geldt (maanden)',
      help: 'Zo lang na het inkomensbewijs heeft een huishouden recht op de winkel.',
    },
    maxVisitsPerPeriod: {
      label: 'Richtlijn bezoeken per periode',
      help: 'Meer bezoeken in de periode geeft een waarschuwing (geen blokkade).',
    },
    visitPeriodDays: {
      label: 'Periode voor bezoeken (dagen)',
      help: 'De lengte van die periode in dagen.',
    },
    maxItemsPerChild: {
      label: 'Richtlijn artikelen per kind',
      help: 'Meer artikelen per kind bij één bezoek geeft een waarschuwing (geen blokkade).',
    },
    inviteAfterDays: {
      label: 'Uitnodigen na (dagen)',
      help: 'Zo lang niet geweest: het huishouden komt op de bellijst.',
    },
    expiringWithinDays: {
      label: 'Verlopend recht melden (dagen vooruit)',
      help: 'Op "Vandaag" staat wie binnen zoveel dagen geen recht meer heeft.',
    },
    lockMinutes: {
      label: 'Scherm vergrendelen na … minuten',
      help: 'Zo lang zonder gebruik vergrendelt het scherm (1 tot 15 minuten).',
    },
    adminOnly: 'Alleen de beheerder kan deze instellingen wijzigen.',
    slotTemplate: {
      label: 'Weekrooster',
      help: 'De vaste dagdelen per week; "Dagdelen aanmaken" bij Afspraken begint hiermee.',
    },
  },
  rights: {
    title: 'Wat vrijwilligers mogen',
    intro:
      'Vrijwilligers melden altijd de families van vandaag aan en registreren hun bezoek. Wat ze daarnaast mogen, zet u hier aan of uit. Het geldt direct, op elke computer.',
    turnedOn: 'Aangezet: {{right}}.',
    turnedOff: 'Uitgezet: {{right}}.',
    adminOnly: 'Alleen de beheerder zet deze rechten aan of uit.',
    volunteerMayBook: {
      label: 'Afspraken maken, verzetten en afzeggen',
      help: 'Afspraken maken, verzetten en afzeggen voor elke dag. Vrijwilligers zien de vrije plaatsen, niet de namen van andere gezinnen.',
    },
    volunteerMayRecordConversation: {
      label: 'Het gesprek bij een bezoek vastleggen',
      help: 'Waarover is gepraat (onderwerpen) en naar wie is doorverwezen, met een korte notitie, bij het bezoek van vandaag.',
    },
    volunteerMaySeeHistory: {
      label: 'Eerdere gesprekken van een gezin zien',
      help: 'De onderwerpen en doorverwijzingen van eerdere gesprekken en intakes. Nooit de notities, inkomensbron, verwijzer of het bewijs.',
    },
  },
  organisation: {
    title: 'Organisatie',
    help: 'Naam, adres en logo van uw organisatie, zoals ze op het scherm en in overzichten staan.',
    submit: 'Organisatie opslaan',
    saved: 'De gegevens van de organisatie zijn opgeslagen.',
  },
  partnersMoved: {
    title: 'Verwijsbestemmingen',
    text: 'Organisaties waarnaar u doorverwijst staan op de sociale kaart, met soort, gebied, contactgegevens en waarmee ze helpen.',
    link: 'Naar de sociale kaart',
  },
  lists: {
    title: 'Lijsten',
    empty: 'Nog niets in deze lijst.',
    add: 'Toevoegen',
    rename: 'Naam wijzigen',
    deactivate: 'Uitzetten',
    activate: 'Aanzetten',
    nameOf: 'Nieuwe naam voor {{name}}',
    topic: {
      title: 'Gespreksonderwerpen',
      new: 'Nieuw onderwerp',
    },
    category: {
      title: 'Categorieën',
      new: 'Nieuwe categorie',
    },
  },
}

export const en: typeof nl = {
  title: 'Settings',
  shop: {
    title: 'Clothing shop',
    submit: 'Save settings',
    saved: 'The settings have been saved.',
    defaultCapacity: {
      label: 'Places per half-day',
      help: 'This many households per half-day unless the weekly schedule says otherwise.',
    },
    eligibilityMonths: {
      label: 'Eligibility lasts (months)',
      help: 'How long after the proof of income a household may use the shop.',
    },
    maxVisitsPerPeriod: {
      label: 'Guideline visits per period',
      help: 'More visits within the period gives a warning (it does not block).',
    },
    visitPeriodDays: {
      label: 'Period for visits (days)',
      help: 'The length of that period in days.',
    },
    maxItemsPerChild: {
      label: 'Guideline items per child',
      help: 'More items per child in one visit gives a warning (it does not block).',
    },
    inviteAfterDays: {
      label: 'Invite after (days)',
      help: 'Not seen for this long: the household appears on the call list.',
    },
    expiringWithinDays: {
      label: 'Report ending eligibility (days ahead)',
      help: '"Today" lists whose eligibility ends within this many days.',
    },
    lockMinutes: {
      label: 'Lock the screen after … minutes',
      help: 'Unused for this long, the screen locks (1 to 15 minutes).',
    },
    adminOnly: 'Only the administrator can change these settings.',
    slotTemplate: {
      label: 'Weekly schedule',
      help: 'The regular half-days per week; "Create half-days" under Appointments starts from this.',
    },
  },
  rights: {
    title: 'What volunteers may do',
    intro:
      "Volunteers always check in today's families and register their visits. What else they may do, you turn on or off here. It applies at once, on every computer.",
    turnedOn: 'Turned on: {{right}}.',
    turnedOff: 'Turned off: {{right}}.',
    adminOnly: 'Only the administrator turns these rights on or off.',
    volunteerMayBook: {
      label: 'Make, move and cancel appointments',
      help: "Make, move and cancel appointments for any day. Volunteers see the free places, not other families' names.",
    },
    volunteerMayRecordConversation: {
      label: "Record a visit's conversation",
      help: "What was talked about (topics) and who the family was referred to, with a short note, at today's visit.",
    },
    volunteerMaySeeHistory: {
      label: "See a family's earlier conversations",
      help: 'The topics and referrals of earlier conversations and intakes. Never the notes, income source, referrer or proof.',
    },
  },
  organisation: {
    title: 'Organisation',
    help: 'Name, address and logo of your organisation, as shown on screen and in reports.',
    submit: 'Save organisation',
    saved: "The organisation's details have been saved.",
  },
  partnersMoved: {
    title: 'Referral destinations',
    text: 'Organisations you refer families to are on the social map, with kind, area, contact details and what they help with.',
    link: 'Go to the social map',
  },
  lists: {
    title: 'Lists',
    empty: 'Nothing in this list yet.',
    add: 'Add',
    rename: 'Rename',
    deactivate: 'Switch off',
    activate: 'Switch on',
    nameOf: 'New name for {{name}}',
    topic: {
      title: 'Conversation topics',
      new: 'New topic',
    },
    category: {
      title: 'Categories',
      new: 'New category',
    },
  },
}
