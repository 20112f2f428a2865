import type { ActivityKind } from '../schemas/activities'
import type {
  ComplainantKind,
  ComplaintAboutKind,
  ComplaintChannel,
  ComplaintOutcome,
} from '../schemas/complaints'
import type { ExportList } from '../schemas/exports'
import type { IncomeSource } from '../schemas/household'
import type { OutflowKind, PersonStatus } from '../schemas/volunteers'
import type { PlacementStep } from '../schemas/volunteers-matching'

type Gender = 'female' | 'male' | 'other' | 'unknown'

/** The words of the exported lists (main writes them, nl + en): sheet names, headings, values. */
export interface ListExportWords {
  /** For month names. */
  locale: string
  /** The sheet's name and the start of the file's name. */
  names: Record<ExportList, string>
  columns: {
    households: Record<
      | 'reference'
      | 'contactName'
      | 'street'
      | 'houseNumber'
      | 'postcode'
      | 'city'
      | 'district'
      | 'phone'
      | 'email'
      | 'incomeSource'
      | 'status'
      | 'eligibleUntil'
      | 'members'
      | 'children'
      | 'lastVisitOn'
      | 'registeredOn'
      | 'anonymised',
      string
    >
    visits: Record<
      'date' | 'reference' | 'contactName' | 'district' | 'byAppointment' | 'items' | 'servedBy',
      string
    >
    people: Record<
      | 'reference'
      | 'firstName'
      | 'lastName'
      | 'gender'
      | 'birthYear'
      | 'phone'
      | 'email'
      | 'address'
      | 'postcode'
      | 'place'
      | 'district'
      | 'programme'
      | 'status'
      | 'registeredOn'
      | 'intakeOn'
      | 'outflowKind'
      | 'outflowOn'
      | 'anonymised',
      string
    >
    placements: Record<
      | 'personReference'
      | 'personName'
      | 'vacancy'
      | 'host'
      | 'step'
      | 'proposedOn'
      | 'introductionOn'
      | 'trialOn'
      | 'trialEndsOn'
      | 'placedOn'
      | 'endedOn'
      | 'declinedOn',
      string
    >
    hours: Record<
      'month' | 'reference' | 'name' | 'district' | 'vacancy' | 'host' | 'step' | 'hours',
      string
    >
    complaints: Record<
      | 'number'
      | 'receivedOn'
      | 'channel'
      | 'complainantKind'
      | 'category'
      | 'aboutKind'
      | 'handler'
      | 'step'
      | 'ackDueOn'
      | 'acknowledgedOn'
      | 'decisionDueOn'
      | 'decidedOn'
      | 'outcome'
      | 'closedOn',
      string
    >
    activities: Record<
      'date' | 'kind' | 'title' | 'participants' | 'volunteers' | 'area' | 'waitingList',
      string
    >
  }
  yes: string
  no: string
  householdStatus: Record<'active' | 'inactive', string>
  income: Record<IncomeSource, string>
  gender: Record<Gender, string>
  personStatus: Record<PersonStatus, string>
  outflow: Record<OutflowKind, string>
  step: Record<PlacementStep, string>
  channel: Record<ComplaintChannel, string>
  complainantKind: Record<ComplainantKind, string>
  aboutKind: Record<ComplaintAboutKind, string>
  outcome: Record<ComplaintOutcome, string>
  activityKind: Record<ActivityKind, string>
}

const nl: ListExportWords = {
  locale: 'nl-NL',
  names: {
    households: 'Huishoudens',
    visits: 'Bezoeken',
    people: 'Deelnemers',
    placements: 'Plaatsingen',
    hours: 'Uren',
    complaints: 'Klachten',
    activities: 'Activiteiten',
  },
  columns: {
    households: {
      reference: 'Nummer',
      contactName: 'Contactpersoon',
      street: 'Straat',
      houseNumber: 'Huisnummer',
      postcode: 'Postcode',
      city: 'Plaats',
      district: 'Wijk of kern',
      phone: 'Telefoon',
      email: 'E-mail',
      incomeSource: 'Inkomensbron',
      status: 'Status',
      eligibleUntil: 'Recht tot',
      members: 'Gezinsleden',
      children: 'Kinderen (onder 18)',
      lastVisitOn: 'Laatste bezoek',
      registeredOn: 'Ingeschreven op',
      anonymised: 'Geanonimiseerd',
    },
    visits: {
      date: 'Datum',
      reference: 'Huishouden',
      contactName: 'Contactpersoon',
      district: 'Wijk of kern',
      byAppointment: 'Op afspraak',
      items: 'Artikelen',
      servedBy: 'Geholpen door',
    },
    people: {
      reference: 'Nummer',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      gender: 'Geslacht',
      birthYear: 'Geboortejaar',
      phone: 'Telefoon',
      email: 'E-mail',
      address: 'Adres',
      postcode: 'Postcode',
      place: 'Plaats',
      district: 'Wijk of kern',
      programme: 'Traject',
      status: 'Status',
      registeredOn: 'Aangemeld op',
      intakeOn: 'Intake op',
      outflowKind: 'Uitstroom',
      outflowOn: 'Uitgestroomd op',
      anonymised: 'Geanonimiseerd',
    },
    placements: {
      personReference: 'Nummer',
      personName: 'Naam',
      vacancy: 'Vacature',
      host: 'Organisatie',
      step: 'Stap',
      proposedOn: 'Voorgesteld op',
      introductionOn: 'Kennismaking op',
      trialOn: 'Proefperiode vanaf',
      trialEndsOn: 'Proefperiode tot',
      placedOn: 'Geplaatst op',
      endedOn: 'Beëindigd op',
      declinedOn: 'Afgewezen op',
    },
    hours: {
      month: 'Maand',
      reference: 'Nummer',
      name: 'Naam',
      district: 'Wijk of kern',
      vacancy: 'Vacature',
      host: 'Organisatie',
      step: 'Stap',
      hours: 'Uren',
    },
    complaints: {
      number: 'Nummer',
      receivedOn: 'Ontvangen op',
      channel: 'Hoe ontvangen',
      complainantKind: 'Wie klaagt',
      category: 'Categorie',
      aboutKind: 'Gaat over',
      handler: 'Behandelaar',
      step: 'Stap',
      ackDueOn: 'Ontvangstbevestiging uiterlijk',
      acknowledgedOn: 'Ontvangst bevestigd op',
      decisionDueOn: 'Besluit uiterlijk',
      decidedOn: 'Besluit op',
      outcome: 'Uitkomst',
      closedOn: 'Gesloten op',
    },
    activities: {
      date: 'Datum',
      kind: 'Soort',
      title: 'Titel',
      participants: 'Deelnemers',
      volunteers: 'Vrijwilligers',
      area: 'Wijk of kern',
      waitingList: 'Wachtlijst',
    },
  },
  yes: 'ja',
  no: 'nee',
  householdStatus: { active: 'Actief', inactive: 'Inactief' },
  income: {
    bijstand: 'Bijstand',
    ww: 'WW',
    aow: 'AOW',
    ao: 'AO-uitkering (WIA, WAO)',
    wajong: 'Wajong',
    werk: 'Werk',
    anders: 'Anders',
  },
  gender: { female: 'Vrouw', male: 'Man', other: 'Anders', unknown: 'Onbekend' },
  personStatus: {
    registered: 'Aangemeld',
    intake: 'In intake',
    active: 'Actief',
    left: 'Uitgestroomd',
  },
  outflow: {
    paid_work: 'Betaald werk',
    other_volunteer_work: 'Ander vrijwilligerswerk',
    education: 'Opleiding',
    stopped: 'Gestopt',
    dropped_out: 'Uitgevallen',
    moved: 'Verhuisd',
    other: 'Anders',
  },
  step: {
    proposed: 'Voorgesteld',
    introduction: 'Kennismaking',
    trial: 'Proefperiode',
    placed: 'Geplaatst',
    ended: 'Beëindigd',
    declined: 'Afgewezen',
  },
  channel: {
    in_person: 'Persoonlijk',
    letter: 'Brief',
    email: 'E-mail',
    phone: 'Telefoon',
    form: 'Formulier',
  },
  complainantKind: {
    household: 'Huishouden',
    person: 'Persoon',
    contact: 'Naam en contactgegevens',
    anonymous: 'Anoniem',
  },
  aboutKind: {
    service: 'Een dienst',
    staff: 'Een medewerker of vrijwilliger',
    other: 'Iets anders',
  },
  outcome: {
    founded: 'Gegrond',
    partly_founded: 'Deels gegrond',
    unfounded: 'Ongegrond',
    withdrawn: 'Ingetrokken',
    mediated: 'Opgelost door bemiddeling',
  },
  activityKind: { collective: 'Collectieve activiteit', initiative: 'Bewonersinitiatief' },
}

const en: ListExportWords = {
  locale: 'en-GB',
  names: {
    households: 'Households',
    visits: 'Visits',
    people: 'Participants',
    placements: 'Placements',
    hours: 'Hours',
    complaints: 'Complaints',
    activities: 'Activities',
  },
  columns: {
    households: {
      reference: 'Number',
      contactName: 'Contact person',
      street: 'Street',
      houseNumber: 'House number',
      postcode: 'Postcode',
      city: 'Place',
      district: 'District or village',
      phone: 'Phone',
      email: 'E-mail',
      incomeSource: 'Income source',
      status: 'Status',
      eligibleUntil: 'Eligible until',
      members: 'Household members',
      children: 'Children (under 18)',
      lastVisitOn: 'Last visit',
      registeredOn: 'Registered on',
      anonymised: 'Anonymised',
    },
    visits: {
      date: 'Date',
      reference: 'Household',
      contactName: 'Contact person',
      district: 'District or village',
      byAppointment: 'By appointment',
      items: 'Items',
      servedBy: 'Served by',
    },
    people: {
      reference: 'Number',
      firstName: 'First name',
      lastName: 'Last name',
      gender: 'Gender',
      birthYear: 'Year of birth',
      phone: 'Phone',
      email: 'E-mail',
      address: 'Address',
      postcode: 'Postcode',
      place: 'Place',
      district: 'District or village',
      programme: 'Programme',
      status: 'Status',
      registeredOn: 'Registered on',
      intakeOn: 'Intake on',
      outflowKind: 'Outflow',
      outflowOn: 'Left on',
      anonymised: 'Anonymised',
    },
    placements: {
      personReference: 'Number',
      personName: 'Name',
      vacancy: 'Vacancy',
      host: 'Organisation',
      step: 'Step',
      proposedOn: 'Proposed on',
      introductionOn: 'Introduction on',
      trialOn: 'Trial from',
      trialEndsOn: 'Trial until',
      placedOn: 'Placed on',
      endedOn: 'Ended on',
      declinedOn: 'Declined on',
    },
    hours: {
      month: 'Month',
      reference: 'Number',
      name: 'Name',
      district: 'District or village',
      vacancy: 'Vacancy',
      host: 'Organisation',
      step: 'Step',
      hours: 'Hours',
    },
    complaints: {
      number: 'Number',
      receivedOn: 'Received on',
      channel: 'Received via',
      complainantKind: 'Who complains',
      category: 'Category',
      aboutKind: 'About',
      handler: 'Handler',
      step: 'Step',
      ackDueOn: 'Acknowledgement due',
      acknowledgedOn: 'Acknowledged on',
      decisionDueOn: 'Decision due',
      decidedOn: 'Decided on',
      outcome: 'Outcome',
      closedOn: 'Closed on',
    },
    activities: {
      date: 'Date',
      kind: 'Kind',
      title: 'Title',
      participants: 'Participants',
      volunteers: 'Volunteers',
      area: 'District or village',
      waitingList: 'Waiting list',
    },
  },
  yes: 'yes',
  no: 'no',
  householdStatus: { active: 'Active', inactive: 'Inactive' },
  income: {
    bijstand: 'Social assistance',
    ww: 'Unemployment benefit',
    aow: 'State pension',
    ao: 'Incapacity benefit',
    wajong: 'Wajong',
    werk: 'Work',
    anders: 'Other',
  },
  gender: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Unknown' },
  personStatus: { registered: 'Registered', intake: 'In intake', active: 'Active', left: 'Left' },
  outflow: {
    paid_work: 'Paid work',
    other_volunteer_work: 'Other volunteer work',
    education: 'Education',
    stopped: 'Stopped',
    dropped_out: 'Dropped out',
    moved: 'Moved',
    other: 'Other',
  },
  step: {
    proposed: 'Proposed',
    introduction: 'Introduction',
    trial: 'Trial',
    placed: 'Placed',
    ended: 'Ended',
    declined: 'Declined',
  },
  channel: {
    in_person: 'In person',
    letter: 'Letter',
    email: 'E-mail',
    phone: 'Phone',
    form: 'Form',
  },
  complainantKind: {
    household: 'Household',
    person: 'Person',
    contact: 'Name and contact details',
    anonymous: 'Anonymous',
  },
  aboutKind: {
    service: 'A service',
    staff: 'A staff member or volunteer',
    other: 'Something else',
  },
  outcome: {
    founded: 'Founded',
    partly_founded: 'Partly founded',
    unfounded: 'Unfounded',
    withdrawn: 'Withdrawn',
    mediated: 'Resolved by mediation',
  },
  activityKind: { collective: 'Collective activity', initiative: "Residents' initiative" },
}

export const LIST_EXPORT_WORDS: Record<'nl' | 'en', ListExportWords> = { nl, en }
