import type { AuditAction, AuditEntityType } from '../schemas/audit'
import { complaintDocumentsNl } from './complaint-documents'
import type { AppointmentStatus } from '../schemas/shop'
import type { ListKind } from '../schemas/lists'
import type { PartnerKind } from '../schemas/partners'
import type { Gender, HouseholdStatus, IncomeSource, IntakeAnswer } from '../schemas/household'
import type { DayPart } from '../schemas/common'
import type { CollectionSeason, NoticeWay } from '../schemas/collections'
import type { Eligibility } from '../schemas/household'
import type { Role } from '../schemas/accounts'
import type { SubjectKind } from '../schemas/subjects'
import { lowerFirstAll } from './words'
import { ZRM_LABELS_NL, zrmScoreFieldLabels } from '../zrm'
import { subjectAccessNl } from './subject-access'
import { matchingNl } from './matching'
import type { Texts } from './types'

/**
 * Dutch labels that the screens and main's documents (the audit log's CSV, the subject access
 * export, the recovery key sheet) both show. One copy: the renderer merges these namespaces into
 * its i18next resources, main reads them through its own i18next instance (`src/main/i18n.ts`).
 * Screen-only texts stay beside their screen in `features/*\/i18n.ts`.
 *
 * Labels are written as a screen shows them on their own (capitalised); a sentence or a CSV cell
 * takes them with a lower-case first letter (`lowerFirst`), so there is no second, lower-case copy.
 */

const householdFields = {
  reference: 'Referentie',
  contactName: 'Naam contactpersoon',
  street: 'Straat',
  houseNumber: 'Huisnummer',
  postcode: 'Postcode',
  city: 'Plaats',
  district: 'Wijk of kern',
  phone: 'Telefoon',
  email: 'E-mail',
  incomeSource: 'Inkomensbron',
  referrer: 'Verwijzer',
  proofSeenOn: 'Inkomensbewijs gezien op',
  eligibleUntil: 'Recht op de winkel tot',
  consentDate: 'Toestemming gegeven op',
  consentBy: 'Toestemming gegeven door',
  status: 'Status',
  notes: 'Notities',
  createdAt: 'Ingeschreven op',
  updatedAt: 'Laatst gewijzigd op',
}

const memberFields = {
  firstName: 'Voornaam',
  birthYear: 'Geboortejaar',
  gender: 'Geslacht',
  clothingSize: 'Kledingmaat',
}

/** Notes main writes in the log as codes (`@{"k":"wait","seconds":30}`), see `audit-text.ts`. */
const notes = {
  sessionExpired: 'verlopen: 12 uur niet gebruikt',
  firstAdmin: 'eerste beheerder',
  attemptLogin: 'inloggen',
  attemptUnlock: 'ontgrendelen',
  attemptChangePassword: 'wachtwoord wijzigen',
  attemptRestore: 'terugzetten',
  userName: '{{name}}',
  passwordWrong: 'wachtwoord onjuist',
  recoveryKeyWrong: 'herstelsleutel onjuist',
  refusedWhileWaiting: 'geweigerd tijdens wachttijd',
  wait: 'wacht {{seconds}} s',
  noKeySlot: 'geen sleutel op deze computer',
  unknownUser: 'onbekende gebruikersnaam',
  accountDisabled: 'account uitgeschakeld',
  loggedInHere: '{{name}} logde in op dit scherm',
  lockIdle: 'niet gebruikt',
  lockShortcut: 'sneltoets',
  lockButton: 'knop Vergrendelen',
  lockOs: 'computer vergrendeld of in slaapstand',
  ownPasswordChanged: 'eigen wachtwoord gewijzigd',
  passwordChanged: 'wachtwoord gewijzigd',
  passwordReset: 'wachtwoord opnieuw ingesteld door beheerder',
  noKeyDisabled: 'account uitgeschakeld, dus geen sleutel',
  roleChanged: 'rol: {{from}} → {{to}}',
  enabled: 'ingeschakeld',
  disabled: 'uitgeschakeld',
  statusChanged: '{{from}} → {{to}}',
  appointmentMoved: 'verzet: {{from}} {{fromPart}} → {{to}} {{toPart}}',
  status: '{{status}}',
  slotRemoved: 'dagdeel verwijderd ({{date}})',
  slotsGenerated_one: '{{count}} dagdeel, {{from}} t/m {{to}}',
  slotsGenerated_other: '{{count}} dagdelen, {{from}} t/m {{to}}',
  slotDate: '{{date}}',
  listItemAdded: '{{kind}} toegevoegd',
  file: '{{name}}',
  alsoDownload: 'ook als download',
  restoredFrom: '{{file}} (gemaakt {{createdAt}})',
  openedWithPassword: 'geopend met wachtwoord van {{name}}',
  openedWithRecoveryKey: 'geopend met herstelsleutel',
  erasuresReapplied_one: '{{count}} wissing opnieuw toegepast',
  erasuresReapplied_other: '{{count}} wissingen opnieuw toegepast',
  newRecoveryKey: 'nieuwe herstelsleutel gemaakt',
  oldRecoveryKeyVoid: 'de vorige opent de gegevens en de back-upmap niet meer',
  recoverySheetConfirmed: 'blad met de herstelsleutel bevestigd als opgeborgen',
  households_one: '{{count}} huishouden',
  households_other: '{{count}} huishoudens',
  rows_one: '{{count}} regel',
  rows_other: '{{count}} regels',
  reapplied: 'opnieuw toegepast na terugzetten',
  reappliedCounted: 'opnieuw toegepast na terugzetten (telt mee in cijfers)',
  subjectAccess: 'inzage {{format}}',
  switchOn: '{{field}}: aangezet',
  switchOff: '{{field}}: uitgezet',
  // Matching (issue 13): which filter a proposal overrode, and a placement's step.
  matchOverride: 'toch voorgesteld ondanks: {{reason}}',
  stepChanged: '{{fromStep}} → {{toStep}}',
  // A list of people (search, board, dashboard): how many it showed.
  peopleShown_one: '{{count}} deelnemer getoond',
  peopleShown_other: '{{count}} deelnemers getoond',
}

export const nl = {
  roles: {
    admin: 'Beheerder',
    coordinator: 'Coördinator',
    volunteer: 'Vrijwilliger',
  } satisfies Record<Role, string>,
  /** Appointments' and households' statuses share the namespace (their keys differ). */
  status: {
    planned: 'Gepland',
    came: 'Gekomen',
    no_show: 'Niet gekomen',
    cancelled: 'Afgezegd',
    active: 'Actief',
    inactive: 'Inactief',
  } satisfies Record<AppointmentStatus | HouseholdStatus, string>,
  parts: {
    morning: 'Ochtend',
    afternoon: 'Middag',
    evening: 'Avond',
  } satisfies Record<DayPart, string>,
  income: {
    bijstand: 'Bijstand',
    ww: 'WW',
    aow: 'AOW',
    wajong: 'Wajong',
    werk: 'Werk',
    anders: 'Anders',
  } satisfies Record<IncomeSource, string>,
  gender: {
    f: 'Vrouw',
    m: 'Man',
    x: 'Anders / onbekend',
  } satisfies Record<Gender, string>,
  /** What a collection is meant for (collections). */
  seasons: {
    spring: 'Voorjaar',
    summer: 'Zomer',
    autumn: 'Najaar',
    winter: 'Winter',
    year_round: 'Hele jaar',
  } satisfies Record<CollectionSeason, string>,
  /** How a family was told of a new collection. */
  noticeWays: {
    phone: 'Gebeld',
    text_message: 'Sms / app-bericht',
    email: 'E-mail',
    in_person: 'Persoonlijk',
    letter: 'Brief',
  } satisfies Record<NoticeWay, string>,
  /** Kinds of organisation on the "sociale kaart". */
  partnerKinds: {
    debt_help: 'Schuldhulpverlening',
    social_work: 'Maatschappelijk werk',
    municipality: 'Wijkteam / gemeente',
    work_income: 'Werk en inkomen',
    parenting_youth: 'Opvoeding en jeugd',
    health_care: 'Gezondheid en zorg',
    education_language: 'Onderwijs en taal',
    housing: 'Wonen',
    legal: 'Juridisch',
    neighbourhood: 'Buurt en activiteiten',
    food_bank: 'Voedselbank',
    partner_project: 'Partnerproject',
    other: 'Overig',
  } satisfies Record<PartnerKind, string>,
  /** The self-reliance matrix and the participation ladder: names and labels only. */
  zrm: ZRM_LABELS_NL,
  /** An intake's answer to "schulden?" and "meerdere problemen?". */
  answers: {
    yes: 'Ja',
    no: 'Nee',
    unknown: 'Onbekend',
  } satisfies Record<IntakeAnswer, string>,
  /** The intake's questions, on the form, the household page and the blank paper form. */
  intakeFields: {
    debts: 'Schulden',
    multipleProblems: 'Meerdere problemen',
  },
  eligibility: {
    valid: 'Recht geldig',
    expiring: 'Recht verloopt binnenkort',
    expired: 'Recht verlopen',
    unknown: 'Geen inkomensbewijs',
  } satisfies Record<Eligibility, string>,
  /** A household's fields: the household form and the subject access export. */
  householdFields,
  memberFields,
  audit: {
    /** What was done, as the audit screen and its CSV say it to staff. */
    actions: {
      login: 'inloggen',
      login_failed: 'inloggen mislukt',
      logout: 'uitloggen',
      lock: 'vergrendelen',
      unlock: 'ontgrendelen',
      view: 'inzien',
      create: 'aanmaken',
      update: 'wijzigen',
      delete: 'verwijderen',
      anonymise: 'anonimiseren',
      export: 'exporteren',
      print: 'afdrukken',
      backup: 'back-up',
      restore: 'terugzetten',
      settings_change: 'instelling gewijzigd',
      // Creating a call-list record is the button "gebeld / uitgenodigd".
      callListContact: 'gebeld / uitgenodigd',
    } satisfies Record<AuditAction | 'callListContact', string>,
    /** What was done, as the subject access export says it to the person the data is about. */
    done: {
      login: 'ingelogd',
      login_failed: 'inloggen mislukt',
      logout: 'uitgelogd',
      lock: 'scherm vergrendeld',
      unlock: 'scherm ontgrendeld',
      view: 'bekeken',
      create: 'vastgelegd',
      update: 'gewijzigd',
      delete: 'verwijderd',
      anonymise: 'geanonimiseerd',
      export: 'geëxporteerd',
      print: 'afgedrukt',
      backup: 'back-up gemaakt',
      restore: 'back-up teruggezet',
      settings_change: 'instelling gewijzigd',
    } satisfies Record<AuditAction, string>,
    entities: {
      household: 'huishouden',
      intake: 'intakegesprek',
      appointment: 'afspraak',
      visit: 'bezoek',
      slot: 'dagdeel',
      account: 'account',
      organisation: 'organisatie',
      settings: 'instellingen',
      listItem: 'lijstwaarde',
      partner: 'organisatie op de sociale kaart',
      callList: 'bellijst',
      collection: 'collectie',
      collectionNotice: 'verteld over een collectie',
      complaint: 'klacht',
      complaintEntry: 'stap in de klachtbehandeling',
      complaintMeasure: 'maatregel na een klacht',
      complaintCategory: 'klachtcategorie',
      person: 'deelnemer / vrijwilliger',
      personMove: 'doorstroom',
      volOption: 'lijstwaarde vrijwilligers',
      programme: 'programma',
      vacancy: 'vrijwilligersplek',
      volunteerHours: 'uren vrijwilligerswerk',
      measurement: 'ZRM-meting',
      plan: 'trajectplan',
      personContact: 'contact na koppeling',
      intakeForm: 'leeg aanmeldformulier',
      placement: 'koppeling',
      matching: 'matching (voorstellen)',
      howWeMatch: 'uitleg hoe wij matchen',
      letterTemplate: 'sjabloon klachtbrief',
      complaintLetter: 'klachtbrief',
      complaintsReport: 'jaarverslag klachten',
      activity: 'activiteit',
      adviceTally: 'turflijst informatie en advies',
      trainingCourse: 'cursus (vrijwilligersacademie)',
      trainingSession: 'cursusbijeenkomst',
      subsidyReport: 'subsidieverantwoording',
      reportTarget: 'streefwaarde',
      reportText: 'toelichting subsidieverantwoording',
      reportSubmission: 'definitieve subsidieverantwoording',
      auditLog: 'auditlog',
      backup: 'back-up',
      recovery_key: 'herstelsleutel',
    } satisfies Record<AuditEntityType, string>,
    /** Field names as services write them. Unknown names are shown as written. */
    fields: {
      level: 'niveau',
      givenBy: 'gegeven door',
      courseId: 'cursus',
      externalCount: 'deelnemers van andere organisaties',
      externalMarks: 'cijfers van andere organisaties',
      participant: 'deelname',
      participants: 'deelnemers',
      completed: 'afgerond',
      mark: 'cijfer (waardering)',
      trainings: 'cursussen',
      ...lowerFirstAll(householdFields),
      ...lowerFirstAll(memberFields),
      members: 'gezinsleden',
      date: 'datum',
      doneBy: 'gesprek gevoerd door',
      season: 'seizoen',
      arrivesOn: 'komt binnen op',
      leftOn: 'vertrokken op',
      leftToPartnerId: 'vertrokken naar',
      leftNote: 'opmerking bij vertrek',
      collectionId: 'collectie',
      how: 'hoe verteld',
      by: 'verteld door',
      debts: 'schulden',
      multipleProblems: 'meerdere problemen',
      topicIds: 'onderwerpen',
      referrals: 'doorverwijzingen',
      slotId: 'dagdeel',
      note: 'opmerking',
      servedBy: 'geholpen door',
      items: 'meegenomen artikelen',
      part: 'dagdeel (ochtend/middag/avond)',
      capacity: 'plaatsen',
      username: 'gebruikersnaam',
      displayName: 'naam',
      role: 'rol',
      password: 'wachtwoord',
      active: 'actief',
      name: 'naam',
      address: 'adres',
      kind: 'soort',
      area: 'gebied',
      contactPerson: 'contactpersoon',
      helpsWith: 'helpt bij',
      logo: 'logo',
      folder: 'back-upmap',
      defaultCapacity: 'plaatsen per dagdeel',
      eligibilityMonths: 'recht geldt (maanden)',
      maxVisitsPerPeriod: 'richtlijn bezoeken per periode',
      visitPeriodDays: 'periode voor bezoeken (dagen)',
      maxItemsPerChild: 'richtlijn artikelen per kind',
      inviteAfterDays: 'uitnodigen na (dagen)',
      expiringWithinDays: 'verlopend recht melden (dagen vooruit)',
      slotTemplate: 'weekrooster',
      lockMinutes: 'scherm vergrendelen na (minuten)',
      volunteerMayBook: 'vrijwilligers mogen afspraken maken, verzetten en afzeggen',
      volunteerMayRecordConversation: 'vrijwilligers mogen het gesprek bij een bezoek vastleggen',
      volunteerMaySeeHistory: 'vrijwilligers zien eerdere onderwerpen en doorverwijzingen',
      // Written as `retention.households`; a dot would nest the key in i18next.
      retention_households: 'bewaartermijn huishoudens',
      retention_people: 'bewaartermijn personen',
      retention_complaints: 'bewaartermijn klachten',
      // Volunteers (people, vacancies, lists)
      lastName: 'achternaam',
      place: 'woonplaats',
      registeredOn: 'aangemeld op',
      intakeOn: 'intake op',
      programmeId: 'programma',
      participationDuty: 'participatieplicht',
      dutyToApply: 'sollicitatieplicht',
      ownTransport: 'eigen vervoer',
      languages: 'talen',
      referralSourceId: 'aangemeld via',
      skills: 'vaardigheden',
      interests: 'interesses',
      learningGoals: 'leerdoelen',
      limitations: 'beperkingen',
      availability: 'beschikbaarheid',
      householdId: 'huishouden in de winkel',
      outflowKind: 'uitstroom',
      outflowOn: 'uitgestroomd op',
      outflowNote: 'toelichting uitstroom',
      movedOn: 'doorgestroomd op',
      toText: 'doorgestroomd naar',
      partnerId: 'organisatie',
      title: 'titel',
      tasks: 'taken',
      places: 'aantal plaatsen',
      demands: 'eisen van de plek',
      fundedPerYear: 'gefinancierd per jaar',
      demand: 'sluit uit',
      isHost: 'gastorganisatie',
      managerId: 'leidinggevende',
      vacancyId: 'vrijwilligersplek',
      personId: 'deelnemer',
      step: 'stap',
      proposedOn: 'voorgesteld op',
      introductionOn: 'kennismaking op',
      trialOn: 'proefperiode vanaf',
      trialEndsOn: 'proefperiode tot',
      placedOn: 'geplaatst op',
      endedOn: 'beëindigd op',
      declinedOn: 'afgewezen op',
      reason: 'reden',
      overrideReason: 'reden om toch voor te stellen',
      halfDays: 'dagdelen',
      matching_skills: 'gewicht vaardigheden',
      matching_interests: 'gewicht interesses',
      matching_learningGoals: 'gewicht leerdoelen',
      matching_availability: 'gewicht dagdelen',
      matching_samePlace: 'gewicht zelfde plaats',
      matching_waiting: 'gewicht wachttijd',
      matching_waitingFullDays: 'wachttijd telt volledig na (dagen)',
      // Volunteers follow-up (hours, measurements, plan, contacts)
      month: 'maand',
      hours: 'uren',
      placementId: 'koppeling',
      measuredOn: 'gemeten op',
      moment: 'moment van meten',
      version: 'versie van de ZRM',
      ladder: 'trede participatieladder',
      zrmVersion: 'versie van de ZRM',
      zrmLadder: 'participatieladder gebruiken',
      barriers: 'belemmeringen',
      aim: 'doel van het traject',
      goals: 'doelen',
      reviews: 'herbeoordelingen',
      contactedOn: 'contact op',
      nextOn: 'volgend contact op',
      // A measurement's scores, `score.<domain>` (every domain of both ZRM versions).
      ...zrmScoreFieldLabels(ZRM_LABELS_NL, 'score'),
    },
    notes,
    listKinds: {
      topic: 'onderwerp',
      destination: 'doorverwijzing',
      category: 'categorie',
      // Destinations became partners (migration 0010); older entries still name the kind.
    } satisfies Record<ListKind | 'destination', string>,
    csv: {
      no: 'Nr',
      date: 'Datum',
      time: 'Tijd',
      user: 'Gebruiker',
      role: 'Rol',
      workstation: 'Werkplek',
      action: 'Actie',
      entity: 'Soort gegeven',
      entityId: 'Nummer',
      household: 'Huishouden',
      fields: 'Velden',
      detail: 'Toelichting',
    },
  },
  /** What a backup check found, as main reports it next to the key (`backup.verify`). */
  backupProblems: {
    backupTampered: 'De back-up is gewijzigd na het maken, of hoort bij andere gegevens.',
    backupDamaged: 'De back-up is beschadigd: de controle van de database faalt.',
    notABackup: 'Het bestand is geen (volledige) back-up van Dichtbij.',
    backupTooNew: 'De back-up is gemaakt met een nieuwere versie van Dichtbij.',
    backupSecretWrong: 'De sleutel van deze back-up past niet.',
    backupOtherData: 'De back-up hoort bij andere gegevens dan die op deze computer.',
    backupFolderUnusable: 'Dichtbij mag deze back-up niet lezen.',
    // Why the automatic backup failed.
    folderMissing: 'De back-upmap {{folder}} is er niet. Is de USB-stick aangesloten?',
    folderUnsafe:
      'Andere gebruikers van deze computer kunnen in de back-upmap {{folder}} schrijven, of het is een snelkoppeling: kies een andere map.',
    diskFull: 'De schijf van de back-upmap {{folder}} is vol.',
    notWritable: 'Dichtbij mag niet schrijven in de back-upmap {{folder}}.',
    writeFailed: 'Schrijven in de back-upmap {{folder}} lukte niet{{code}}.',
  },
  /**
   * Heavy work in a worker thread as `jobs.list` names it (labels) and what it is busy with
   * (phases). A domain that runs a task adds its label here.
   */
  /** Complaints (issue 14): the codes the screens, letters and the report show in words. */
  complaintCodes: {
    channels: {
      in_person: 'Persoonlijk',
      letter: 'Brief',
      email: 'E-mail',
      phone: 'Telefoon',
      form: 'Formulier',
    },
    complainantKinds: {
      household: 'Huishouden',
      person: 'Deelnemer of vrijwilliger',
      contact: 'Naam en contactgegevens',
      anonymous: 'Anoniem',
    },
    aboutKinds: {
      service: 'Een dienst',
      staff: 'Een medewerker of vrijwilliger',
      other: 'Iets anders',
    },
    outcomes: {
      founded: 'Gegrond',
      partly_founded: 'Deels gegrond',
      unfounded: 'Ongegrond',
      withdrawn: 'Ingetrokken',
      mediated: 'Opgelost door bemiddeling',
    },
    steps: {
      '1': 'Stap 1: bemiddeling door de leidinggevende',
      '2': 'Stap 2: bemiddeling door leidinggevende en/of directie',
      '3': 'Stap 3: klachtencommissie',
    },
    states: { open: 'Open', decided: 'Besloten', closed: 'Gesloten' },
    entryKinds: {
      received: 'Ontvangen',
      acknowledged: 'Ontvangst bevestigd',
      step_changed: 'Naar een volgende stap',
      handler_changed: 'Andere behandelaar',
      note: 'Notitie',
      hearing: 'Hoorzitting',
      advice: 'Advies van de klachtencommissie',
      decision: 'Besluit',
      extension: 'Termijn verlengd',
      informed: 'Geïnformeerd',
      closed: 'Gesloten',
      reopened: 'Heropend',
      correction: 'Correctie',
      letter: 'Brief',
    },
    parties: { complainant: 'Klager', staff: 'Betrokken medewerker' },
    deadlineKinds: { acknowledgement: 'Ontvangstbevestiging', decision: 'Besluit' },
    deadlineStatuses: {
      met: 'Op tijd',
      metLate: 'Te laat gehaald',
      ok: 'Loopt',
      soon: 'Binnen 7 dagen',
      late: 'Te laat',
    },
    holidays: {
      newYear: 'Nieuwjaarsdag',
      goodFriday: 'Goede Vrijdag',
      easterMonday: 'Tweede Paasdag',
      kingsDay: 'Koningsdag',
      liberationDay: 'Bevrijdingsdag (5 mei)',
      ascensionDay: 'Hemelvaartsdag',
      whitMonday: 'Tweede Pinksterdag',
      christmasDay: 'Eerste Kerstdag',
      boxingDay: 'Tweede Kerstdag',
      decree: 'Bij Koninklijk Besluit gelijkgestelde dag',
    },
    skipReasons: {
      saturday: 'Zaterdag',
      sunday: 'Zondag',
      holiday: 'Feestdag',
      closed: 'Organisatie gesloten',
    },
  },
  /** "Waarom deze datum?": the rule of a term and the steps of its reckoning. */
  complaintWhy: {
    ackRule:
      'De ontvangst wordt bevestigd op de {{days}}e werkdag na de dag van ontvangst ({{received}}). Zaterdag, zondag, de feestdagen van de Algemene termijnenwet, Goede Vrijdag en de dagen dat de organisatie dicht is tellen niet mee.',
    ackSkipped: '{{count}} dag(en) telden niet mee; daardoor is het {{due}}.',
    decisionRule:
      'Het besluit volgt binnen {{weeks}} weken na de dag van ontvangst ({{received}}).',
    extended: 'Verlengd met {{weeks}} weken: samen {{total}} weken na ontvangst.',
    plainEnd: '{{weeks}} weken na ontvangst is {{date}}.',
    movedToWorkingDay:
      '{{from}} is geen werkdag; volgens de Algemene termijnenwet schuift de termijn door naar {{to}}.',
  },
  jobs: {
    title: 'Bezig op de achtergrond',
    cancel: 'Stoppen',
    progress: '{{done, number}} van {{total, number}}',
    labels: {
      backup: 'Back-up maken',
      dailyBackup: 'Dagelijkse back-up',
      verifyBackup: 'Back-up controleren',
      inspectBackup: 'Back-up nakijken',
      startupCheck: 'Controle van de gegevens',
      auditVerify: 'Volledige controle van het auditlog',
      subjectExport: 'Inzage-export maken',
      shopStats: 'Cijfers tellen',
      shopTotals: 'Cijfers sinds de start tellen',
      volunteersStats: 'Cijfers vrijwilligers tellen',
      retentionDue: 'Bewaartermijnen nagaan',
      auditExport: 'Auditlog exporteren',
      listExport: 'Lijst exporteren',
      intakeForm: 'Aanmeldformulier maken',
      howWeMatch: 'Uitleg hoe wij matchen maken',
      complaintLetter: 'Klachtbrief maken',
      complaintsReport: 'Jaarverslag klachten maken',
      subsidyReport: 'Subsidieverantwoording tellen',
      subsidyPdf: 'Subsidieverantwoording (pdf) maken',
      subsidyExport: 'Cijfers exporteren',
    },
    phases: {
      copying: 'kopie maken',
      waiting: 'wacht op zijn beurt',
      checking: 'controleren',
      hashing: 'controlesom berekenen',
      writing: 'wegschrijven',
      verifying: 'nalezen',
      reading: 'lezen',
    },
  },
  subjectAccess: subjectAccessNl,
  /** Matching people and volunteer places: parts, filters, sentences, the PDF. */
  matching: matchingNl,
  /** Texts of the documents main prints (A4 PDFs). */
  pdf: {
    ...complaintDocumentsNl,
    printedOn: 'Afgedrukt op {{date}}',
    page: 'pagina {{page}} van {{count}}',
    yes: 'ja',
    no: 'nee',
    nothingRecorded: 'Niets vastgelegd.',
    subjectReport: {
      about: 'Over',
      date: 'Datum',
      madeBy: 'Opgesteld door',
      someOrganisation: 'de organisatie',
      /**
       * Whom the letter is about, in the intro's sentence: a participant or a complainant is
       * addressed as "u", not as a household.
       */
      whom: {
        household: 'dit huishouden',
        person: 'u',
        complaint: 'u en uw klacht',
      } satisfies Record<SubjectKind, string>,
      intro:
        'Dit overzicht bevat alle persoonsgegevens die {{organisation}} in Dichtbij over ' +
        '{{whom}} bewaart, en wie deze gegevens heeft bekeken of gewijzigd. U heeft recht op ' +
        'dit overzicht op grond van artikel 15 van de Algemene verordening gegevensbescherming ' +
        '(AVG). Klopt er iets niet, dan kunt u vragen het te verbeteren of te verwijderen.',
    },
    intakeForm: {
      title: 'Aanmeldformulier kledingwinkel',
      intro:
        'Welkom bij {{organisation}}. Vul dit formulier in, graag in blokletters. Wat u niet ' +
        'weet of niet wilt zeggen, mag u leeg laten. Wij zetten het daarna in onze computer.',
      thisOrganisation: 'de winkel',
      household: 'Uw gegevens',
      address: 'Straat en huisnummer',
      members: 'Gezinsleden',
      membersIntro: 'Iedereen die in het huis woont, ook uzelf.',
      genderHint: 'v / m / anders',
      income: 'Inkomen',
      incomeQuestion: 'Waar komt het geld van het huishouden vooral vandaan?',
      otherIncome: 'namelijk',
      referrer: 'Wie heeft u naar de winkel verwezen?',
      situation: 'Uw situatie',
      debtsQuestion: 'Heeft het gezin schulden?',
      multipleProblemsQuestion:
        'Speelt er meer dan één probleem tegelijk (bijvoorbeeld geld, werk, gezondheid, wonen)?',
      yes: 'Ja',
      no: 'Nee',
      dontKnow: 'Weet ik niet',
      topics: 'Waar wilt u met ons over praten?',
      topicsHint: 'Kruis aan wat u wilt, meer dan één mag.',
      noTopics: 'Vertel het ons aan de balie.',
      consent: 'Toestemming',
      consentText:
        'Ik geef {{organisation}} toestemming om de gegevens op dit formulier te bewaren en ' +
        'te gebruiken voor de winkel: voor afspraken, bezoeken en tellingen zonder namen. Ze ' +
        'worden niet aan anderen gegeven zonder mijn toestemming. Ik mag altijd vragen welke ' +
        'gegevens er over mij zijn, en vragen ze te verbeteren of te verwijderen.',
      date: 'Datum',
      name: 'Naam',
      signature: 'Handtekening',
      office: 'In te vullen door de winkel',
      intakeDate: 'Datum intake',
      doneBy: 'Intake gedaan door',
      proofSeenOn: 'Inkomensbewijs gezien op',
      reference: 'Referentie',
    },
    recoverySheet: {
      title: 'Herstelsleutel Dichtbij',
      forOrganisation: 'Voor {{organisation}}. Vertrouwelijk: bewaar dit blad goed.',
      thisOrganisation: 'deze organisatie',
      whatFor: 'Waarvoor is deze sleutel?',
      whatForText:
        'Met deze herstelsleutel opent u de gegevens van Dichtbij en de back-ups als geen enkel ' +
        'wachtwoord meer werkt. Bijvoorbeeld als alle beheerders hun wachtwoord vergeten zijn, ' +
        'of als u een back-up terugzet op een nieuwe computer. Zonder werkend wachtwoord en ' +
        'zonder deze sleutel kan niemand de gegevens nog openen.',
      keeping: 'Zo bewaart u dit blad',
      keep1: 'Druk dit blad af en bewaar het alleen op papier.',
      keep2:
        'Hebt u de PDF gedownload? Verwijder hem na het printen van de computer (ook uit de ' +
        'prullenbak).',
      keep3:
        'Berg het achter slot op, op een andere plek dan de computer, bijvoorbeeld in een ' +
        'afgesloten kast of een kluis.',
      keep4:
        'Bewaar het nooit in dezelfde tas of doos als een USB-stick met een back-up: wie beide ' +
        'in handen krijgt, kan de back-up openen.',
      keep5: 'Maak er geen foto van en stuur het niet per e-mail of via een app.',
      keep6: 'Vertel alleen de beheerders waar het blad ligt.',
      newKey: 'Een nieuwe sleutel',
      newKeyText:
        'Een beheerder kan in Dichtbij een nieuwe herstelsleutel maken, bijvoorbeeld als dit ' +
        'blad kwijt is of als iemand het heeft gezien die dat niet mocht. Vanaf dat moment werkt ' +
        'de sleutel op dit blad niet meer en is dit blad waardeloos. Vernietig het dan, liefst ' +
        'in een papierversnipperaar, en berg het nieuwe blad op dezelfde zorgvuldige manier op.',
      madeOn: 'Gemaakt op',
      madeAt: '{{date}} om {{time}}',
      madeBy: 'Gemaakt door',
      warning: 'Let op: een nieuwe herstelsleutel maakt dit blad ongeldig.',
    },
  },
}

export type SharedLabels = Texts<typeof nl>
