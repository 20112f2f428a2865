import type { Texts } from './types'

/**
 * The subject access export (AVG art. 15), written for the person the data is about: its opening
 * section and each part's title, intro, columns and what is said when a part is empty. Field names
 * of the household itself are `householdFields` / `memberFields`, shared with the household form.
 */
export const subjectAccessNl = {
  title: 'Inzage persoonsgegevens',
  householdLabel: 'Huishouden {{reference}}',
  /** One purpose several parts serve (appointments, visits, the call list): `$t` nests it. */
  purposeShop: 'afspraken maken en bezoeken bijhouden',
  processing: {
    title: 'Waarvoor wij uw gegevens gebruiken en wat uw rechten zijn',
    intro:
      'Naast de gegevens zelf moet u volgens de AVG ook weten waarvoor ze worden gebruikt, ' +
      'wie ze krijgt, hoe lang ze worden bewaard, waar ze vandaan komen en wat u kunt doen ' +
      'als u het er niet mee eens bent.',
    columns: {
      controller: 'Verantwoordelijk',
      purposes: 'Doel',
      categories: 'Welke gegevens',
      recipients: 'Ontvangers',
      retention: 'Bewaartermijn',
      sources: 'Bron',
    },
    nobodyElse: 'niemand buiten {{organisation}} krijgt uw gegevens',
    retention:
      'tot {{months}} maanden na het laatste contact; daarna worden de gegevens ' +
      'geanonimiseerd of verwijderd',
    rightsTitle: 'Uw rechten',
    rightsColumns: {
      access: 'Inzage',
      rectification: 'Correctie',
      erasure: 'Verwijdering',
      restriction: 'Beperking',
      objection: 'Bezwaar',
      contact: 'Waar u terecht kunt',
      complaint: 'Klacht',
    },
    rights: {
      access: 'vragen welke gegevens wij van u hebben en wat wij ermee doen, zoals hier',
      rectification: 'laten verbeteren of aanvullen wat niet klopt',
      erasure: 'laten wissen wat wij niet (meer) nodig hebben',
      restriction:
        'vragen dat wij uw gegevens een tijd niet gebruiken, bijvoorbeeld zolang een ' +
        'correctie wordt bekeken',
      objection: 'bezwaar maken tegen het gebruik van uw gegevens',
      contact: 'voor elk van deze rechten bij {{responsible}}',
      complaint:
        'bent u het niet eens met hoe wij met uw gegevens omgaan, dan kunt u een klacht ' +
        'indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl)',
    },
  },
  household: {
    title: 'Huishouden en gezinsleden',
    intro:
      'De gegevens van het huishouden zoals ze bij de inschrijving zijn vastgelegd en ' +
      'sindsdien bijgewerkt, en de gezinsleden.',
    purpose: 'toegang tot de kleding- en speelgoedwinkel voor gezinnen met een laag inkomen',
    categoryContact: 'contactgegevens en adres',
    categoryMembers: 'gezinsleden (voornaam, geboortejaar, geslacht, kledingmaat)',
    categoryIncome:
      'inkomensbron en de datum waarop het bewijs is gezien (het bewijs zelf wordt niet bewaard)',
    categoryNoBsn: 'geen burgerservicenummer (BSN): dat vragen en bewaren wij niet',
    sourceSelf: 'uzelf, bij het intakegesprek',
    sourceReferrer: 'de verwijzer die u naar ons stuurde: {{referrer}}',
    details: 'Gegevens',
    members: 'Gezinsleden',
    noMembers: 'Geen gezinsleden vastgelegd.',
  },
  intakes: {
    title: 'Intakegesprekken',
    intro:
      'Wat in de intakegesprekken is vastgelegd: waarover is gesproken en naar wie is ' +
      'doorverwezen.',
    purpose: 'het intakegesprek en doorverwijzingen',
    category: 'intakes met de besproken onderwerpen en doorverwijzingen',
    referredTo: 'doorverwezen naar: {{names}}',
    nobody: 'geen',
    columns: {
      date: 'Datum gesprek',
      doneBy: 'Gesprek gevoerd door',
      topics: 'Besproken onderwerpen',
      referrals: 'Doorverwezen naar',
      debts: 'Schulden',
      multipleProblems: 'Meerdere problemen',
      notes: 'Notities',
    },
    empty: 'Geen intakegesprekken vastgelegd.',
  },
  appointments: {
    title: 'Afspraken',
    purpose: '$t(subjectAccess.purposeShop)',
    category: 'afspraken',
    columns: {
      date: 'Datum',
      part: 'Dagdeel',
      status: 'Status',
      note: 'Opmerking',
      bookedAt: 'Gemaakt op',
      statusChangedAt: 'Status gewijzigd op',
    },
    empty: 'Geen afspraken.',
  },
  visits: {
    title: 'Bezoeken aan de winkel',
    purpose: '$t(subjectAccess.purposeShop)',
    purposeFigures:
      'geanonimiseerde cijfers voor de verantwoording aan de gemeente (cijfers bevatten geen namen)',
    category: 'bezoeken',
    categoryConversation: 'wat er bij een bezoek besproken is en naar wie u bent doorverwezen',
    referredTo: 'bij een bezoek doorverwezen naar: {{names}}',
    columns: {
      date: 'Datum',
      servedBy: 'Geholpen door',
      items: 'Meegenomen',
      topics: 'Besproken',
      referrals: 'Doorverwezen naar',
      note: 'Opmerking',
    },
    empty: 'Geen bezoeken.',
  },
  callList: {
    title: 'Gebeld of uitgenodigd',
    purpose: '$t(subjectAccess.purposeShop)',
    category: 'de dagen waarop u bent gebeld of uitgenodigd',
    columns: {
      date: 'Gebeld / uitgenodigd op',
      createdAt: 'Vastgelegd op',
    },
    empty: 'Niet gebeld of uitgenodigd.',
  },
  collections: {
    title: 'Verteld over een nieuwe collectie',
    purpose: 'u laten weten dat er nieuwe kleding en speelgoed is',
    category: 'wanneer en hoe u over een nieuwe collectie bent verteld, en door wie',
    columns: {
      collection: 'Collectie',
      date: 'Verteld op',
      how: 'Hoe',
      by: 'Door',
      createdAt: 'Vastgelegd op',
    },
    empty: 'Niet over een collectie verteld.',
  },
  audit: {
    title: 'Wie heeft de gegevens bekeken of gewijzigd',
    purpose: 'bijhouden wie de gegevens heeft bekeken of gewijzigd, ter beveiliging',
    category: 'wie de gegevens heeft bekeken of gewijzigd, en wanneer (zonder de inhoud)',
    intro:
      'Elke keer dat een medewerker of vrijwilliger de gegevens bekeek, vastlegde, wijzigde ' +
      'of exporteerde, staat hieronder. Van wijzigingen staat welke velden het betrof, niet ' +
      'de inhoud.',
    columns: {
      at: 'Tijdstip',
      user: 'Door',
      role: 'Rol',
      action: 'Wat',
      about: 'Betreft',
      fields: 'Velden',
      detail: 'Toelichting',
    },
    empty: 'Geen vermeldingen.',
  },
}

export const subjectAccessEn: Texts<typeof subjectAccessNl> = {
  title: 'Access to personal data',
  householdLabel: 'Household {{reference}}',
  purposeShop: 'making appointments and keeping track of visits',
  processing: {
    title: 'What we use your data for and what your rights are',
    intro:
      'Besides the data itself, the GDPR says you must know what it is used for, who receives ' +
      'it, how long it is kept, where it comes from and what you can do if you disagree.',
    columns: {
      controller: 'Responsible',
      purposes: 'Purpose',
      categories: 'Which data',
      recipients: 'Recipients',
      retention: 'Retention period',
      sources: 'Source',
    },
    nobodyElse: 'nobody outside {{organisation}} receives your data',
    retention:
      'up to {{months}} months after the last contact; after that the data is anonymised or ' +
      'deleted',
    rightsTitle: 'Your rights',
    rightsColumns: {
      access: 'Access',
      rectification: 'Rectification',
      erasure: 'Erasure',
      restriction: 'Restriction',
      objection: 'Objection',
      contact: 'Where to go',
      complaint: 'Complaint',
    },
    rights: {
      access: 'ask which data we hold about you and what we do with it, as here',
      rectification: 'have what is wrong corrected or completed',
      erasure: 'have erased what we do not need (any more)',
      restriction:
        'ask us not to use your data for a while, for example while a correction is being ' +
        'looked into',
      objection: 'object to the use of your data',
      contact: 'for each of these rights, with {{responsible}}',
      complaint:
        'if you disagree with how we handle your data, you can file a complaint with the Dutch ' +
        'Data Protection Authority (autoriteitpersoonsgegevens.nl)',
    },
  },
  household: {
    title: 'Household and household members',
    intro:
      'The household data as recorded at registration and updated since, and the household ' +
      'members.',
    purpose: 'access to the clothing and toy shop for families on a low income',
    categoryContact: 'contact details and address',
    categoryMembers: 'household members (first name, year of birth, gender, clothing size)',
    categoryIncome:
      'source of income and the date the proof was seen (the proof itself is not kept)',
    categoryNoBsn: 'no citizen service number (BSN): we do not ask for it or keep it',
    sourceSelf: 'yourself, at the intake conversation',
    sourceReferrer: 'the referrer who sent you to us: {{referrer}}',
    details: 'Details',
    members: 'Household members',
    noMembers: 'No household members recorded.',
  },
  intakes: {
    title: 'Intake conversations',
    intro:
      'What was recorded in the intake conversations: what was discussed and who you were referred to.',
    purpose: 'the intake conversation and referrals',
    category: 'intakes with the topics discussed and referrals',
    referredTo: 'referred to: {{names}}',
    nobody: 'nobody',
    columns: {
      date: 'Date of conversation',
      doneBy: 'Conversation held by',
      topics: 'Topics discussed',
      referrals: 'Referred to',
      debts: 'Debts',
      multipleProblems: 'Several problems',
      notes: 'Notes',
    },
    empty: 'No intake conversations recorded.',
  },
  appointments: {
    title: 'Appointments',
    purpose: '$t(subjectAccess.purposeShop)',
    category: 'appointments',
    columns: {
      date: 'Date',
      part: 'Part of the day',
      status: 'Status',
      note: 'Note',
      bookedAt: 'Made on',
      statusChangedAt: 'Status changed on',
    },
    empty: 'No appointments.',
  },
  visits: {
    title: 'Visits to the shop',
    purpose: '$t(subjectAccess.purposeShop)',
    purposeFigures:
      'anonymised figures for the report to the municipality (figures contain no names)',
    category: 'visits',
    categoryConversation: 'what was talked about at a visit and where you were referred',
    referredTo: 'referred at a visit to: {{names}}',
    columns: {
      date: 'Date',
      servedBy: 'Helped by',
      items: 'Taken',
      topics: 'Talked about',
      referrals: 'Referred to',
      note: 'Note',
    },
    empty: 'No visits.',
  },
  callList: {
    title: 'Called or invited',
    purpose: '$t(subjectAccess.purposeShop)',
    category: 'the days you were called or invited',
    columns: {
      date: 'Called / invited on',
      createdAt: 'Recorded on',
    },
    empty: 'Not called or invited.',
  },
  collections: {
    title: 'Told of a new collection',
    purpose: 'letting you know that new clothes and toys have come in',
    category: 'when and how you were told of a new collection, and by whom',
    columns: {
      collection: 'Collection',
      date: 'Told on',
      how: 'How',
      by: 'By',
      createdAt: 'Recorded on',
    },
    empty: 'Not told of a collection.',
  },
  audit: {
    title: 'Who viewed or changed the data',
    purpose: 'keeping track of who viewed or changed the data, for security',
    category: 'who viewed or changed the data, and when (without the content)',
    intro:
      'Every time a staff member or volunteer viewed, recorded, changed or exported the data, ' +
      'it is listed below. For changes, the fields concerned are listed, not their content.',
    columns: {
      at: 'Time',
      user: 'By',
      role: 'Role',
      action: 'What',
      about: 'Concerning',
      fields: 'Fields',
      detail: 'Detail',
    },
    empty: 'No entries.',
  },
}
