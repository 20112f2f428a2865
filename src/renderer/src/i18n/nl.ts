/** Dutch, the app's first language. Every key here must also be in en.ts (a test checks). */
export const nl = {
  app: {
    name: 'Dichtbij',
    language: 'Taal',
  },
  nav: {
    dashboard: 'Vandaag',
    households: 'Huishoudens',
    appointments: 'Afspraken',
    callList: 'Bellijst',
    collections: 'Collecties',
    stats: 'Cijfers',
    partners: 'Sociale kaart',
    complaints: 'Klachten',
    activities: 'Activiteiten',
    satisfaction: 'Tevredenheid',
    stories: 'Verhalen',
    reports: 'Verantwoording',
    settings: 'Instellingen',
    users: 'Gebruikers',
    audit: 'Auditlog',
    retention: 'Bewaartermijnen',
    backups: 'Back-ups',
    import: 'Importeren',
  },
  common: {
    exportList: 'Exporteren',
    exportXlsx: 'Als Excel-bestand (.xlsx)',
    exportCsv: 'Als CSV-bestand (.csv)',
    exportHint: 'De lijst met de filters zoals ze nu staan, alle regels',
    exported_one: '{{rows}} regel opgeslagen in {{filename}}',
    exported_other: '{{rows}} regels opgeslagen in {{filename}}',
    exportProgress: '{{done}} van {{total}} regels',
    save: 'Opslaan',
    showPassword: 'Wachtwoord tonen of verbergen',
    cancel: 'Annuleren',
    close: 'Sluiten',
    search: 'Zoeken',
    loading: 'Laden…',
    none: 'Geen',
    yes: 'Ja',
    no: 'Nee',
    add: 'Toevoegen',
    remove: 'Verwijderen',
    back: 'Terug',
    date: 'Datum',
    saved: 'Opgeslagen',
    unknown: 'Onbekend',
    datePlaceholder: 'dd-mm-jjjj',
    clearDate: 'Datum wissen',
    print: 'Afdrukken',
    printedOn: 'afgedrukt op {{date}}',
    discardTitle: 'Stoppen zonder op te slaan?',
    discardText: 'Wat u hier heeft ingevuld, is dan weg.',
    discardConfirm: 'Stoppen, niet opslaan',
    discardKeep: 'Verder invullen',
  },
  weekdays: {
    '1': 'Maandag',
    '2': 'Dinsdag',
    '3': 'Woensdag',
    '4': 'Donderdag',
    '5': 'Vrijdag',
    '6': 'Zaterdag',
    '7': 'Zondag',
  },
  validation: {
    // Complaints (issue 14, C1)
    afterClosing: 'Dit kan niet na het sluiten van de klacht op {{date}}',
    managerIsSelf: 'Iemand kan niet zijn eigen leidinggevende zijn',
    managerCircle: 'Dan zouden zij elkaars leidinggevende worden',
    // The counter's rules and the visit date (helper C)
    searchTooShort: 'Typ minstens {{min}} letters of cijfers (accenten en spaties tellen niet mee)',
    visitTooEarly: 'Een bezoek kan niet vóór 1-1-2000 liggen',
    counterVisitToday:
      'Aan de balie registreert u bezoeken van vandaag. Een bezoek op een andere dag voert de coördinator in.',
    required: 'Dit veld is verplicht',
    backupFileTooLarge: 'Een back-upbestand mag hoogstens 300 MB zijn',
    invalidType: 'Deze waarde klopt niet',
    tooShort: 'Minimaal {{min}} tekens',
    tooLong: 'Maximaal {{max}} tekens',
    tooSmall: 'Minimaal {{min}}',
    tooBig: 'Maximaal {{max}}',
    tooFewItems: 'Kies er minimaal {{min}}',
    tooManyItems: 'Maximaal {{max}}',
    invalidFormat: 'De vorm klopt niet',
    invalidOption: 'Kies een van de mogelijkheden',
    unknownOption: 'Deze keuze bestaat niet (meer)',
    unknownField: 'Onbekend veld',
    invalid: 'Ongeldige waarde',
    date: 'Geen geldige datum (dd-mm-jjjj)',
    postcode: 'Geen geldige postcode (1234 AB)',
    phone: 'Geen geldig telefoonnummer (10 cijfers, bijvoorbeeld 06-12345678)',
    email: 'Geen geldig e-mailadres',
    birthYear: 'Geen geldig geboortejaar',
    birthYearFuture: 'Dit geboortejaar ligt in de toekomst',
    birthYearTooEarly: 'Een geboortejaar vóór 1900 kan niet',
    badCharacters: 'Hier staat een teken dat niet goed is overgekomen. Typ de tekst opnieuw.',
    notNegative: 'Vul 0 of meer in, geen negatief getal',
    dateTooEarly: 'Deze datum ligt te ver terug (vóór {{date}})',
    beforeInvited: 'Het formulier kan niet eerder zijn ingevuld dan het werd aangeboden',
    onePerson: 'Bij een traject is dat één persoon',
    householdOrPerson: 'Kies een huishouden of een deelnemer',
    municipalityOnTop: 'Een gemeente staat bovenaan en heeft geen bovenliggend gebied',
    parentKind:
      'Kies een bovenliggend gebied van een hogere soort (gemeente > gebied > wijk > kern)',
    childKind: 'Er liggen gebieden onder dit gebied die dan niet meer lager zouden zijn',
    notMunicipality: 'Alleen een gemeente kiest haar eigen kengetallen',
    futureDate: 'Deze datum ligt in de toekomst',
    futureVisit: 'Een bezoek kan niet in de toekomst liggen',
    appointmentDate: 'De datum moet gelijk zijn aan de datum van de afspraak',
    beforeProof: 'Ligt vóór de datum van het inkomensbewijs',
    periodOrder: 'De einddatum ligt vóór de begindatum',
    householdReference: 'Geen huishouden: typ de referentie (H-00122) of het nummer',
    periodTooLong: 'Kies een periode van hoogstens een jaar',
    templateEmpty: 'Voeg minstens één dagdeel toe',
    weekday: 'Kies een weekdag',
    duplicate: 'Dit staat er al in',
    duplicateTemplate: 'Dit dagdeel staat er al in',
    duplicateCategory: 'Deze categorie staat er al in',
    duplicateTopic: 'Dit onderwerp staat er al in',
    number: 'Vul een getal in',
    wholeNumber: 'Vul een heel getal in',
    marksOverCount: 'Meer cijfers dan deelnemers van andere organisaties',
    sinceAfterRegistered: 'Deze datum ligt na de datum van registratie',
    requestNotOpen: 'Deze hulpvraag staat niet meer open',
    notAVolunteer: 'Deze persoon kan niet gekoppeld worden (uitgeschreven of geanonimiseerd)',
    matchBeforeOpened: 'Deze datum ligt vóór de datum van de hulpvraag',
    loadTaken: 'Op deze datum staat al een belasting',
    duplicateParticipant: 'Deze deelnemer staat er al in',
    nameTaken: 'Deze naam bestaat al',
    // The shop's data rules (helper D)
    nameTakenFolded:
      'Deze naam staat al in de lijst als ‘{{name}}’ (alleen hoofdletters, accenten of spaties verschillen)',
    searchRefine:
      'Aan de balie ziet u hoogstens {{max}} huishoudens. Typ meer van de naam, of zoek op postcode, telefoonnummer of referentie.',
    beyondHorizon:
      'Zo ver vooruit kan niet: dagdelen en afspraken hoogstens {{months}} maanden vooruit, tot en met {{date}}',
    intakeTooEarly: 'Een intake kan niet vóór 1-1-2000 liggen',
    proofTooEarly: 'Een inkomensbewijs van vóór 1-1-2000 kan niet; kijk het jaartal na',
    eligibleTooEarly: 'Deze datum kan niet vóór 1-1-2000 liggen; kijk het jaartal na',
    eligibleTooFar: 'Zo lang loopt een recht niet: hoogstens tot {{date}}. Kijk het jaartal na.',
    duplicateReferral: 'Naar deze bestemming is al doorverwezen; zet de toelichting bij de eerste',
    passwordTooShort: 'Minimaal 10 tekens',
    passwordTooLong: 'Maximaal 200 tekens',
    passwordCommon: 'Dit is een veelgebruikt wachtwoord; kies een ander',
    passwordHasUsername: 'Het wachtwoord mag de gebruikersnaam niet bevatten',
    passwordRepeat: 'De twee wachtwoorden zijn niet gelijk',
    passwordUnchanged: 'Het nieuwe wachtwoord is hetzelfde als het huidige',
    passwordWrong: 'Dit is niet uw huidige wachtwoord',
    usernameSpaces: 'Geen spaties in een gebruikersnaam; bijvoorbeeld anja.devries',
    usernameCharacters:
      'Hierin staat een teken dat niet mag: alleen letters zonder accent, cijfers en . - _',
    usernameTooShort: 'Te kort: minstens 3 tekens',
    usernameTooLong: 'Te lang: hoogstens 40 tekens',
    usernameTaken: 'Deze gebruikersnaam bestaat al',
    logoTooLarge: 'Het logo is te groot (hoogstens 300 kB)',
    logoFormat: 'Kies een PNG- of JPEG-afbeelding',
    logoDamaged:
      'Deze afbeelding is beschadigd of kan niet op papier worden afgedrukt. Sla het logo opnieuw op als gewone PNG of JPEG en kies het nog eens.',
    // Backups and restore (features/backup)
    backupName: 'Geen geldige naam van een back-up',
    recoveryKey: 'Een herstelsleutel heeft 30 letters en cijfers: zes groepen van vijf',
    backupSecretWrong:
      'Hiermee gaat deze back-up niet open. Gebruik het wachtwoord zoals het was op het moment van de back-up, of de herstelsleutel.',
    folderNotAbsolute: 'Vul een volledig pad in, bijvoorbeeld D:\\Back-ups of /media/usb',
    folderNotWritable:
      'Dichtbij kan niet in deze map schrijven. Kies een andere map, of controleer of de USB-stick erin zit.',
    // The text lives with the backup screen's own texts.
    folderNotSafe: '$t(backup.folder.notSafe)',
    // Collections (features/collections)
    arrivesTooFar: 'Zo ver vooruit kan niet: hoogstens een jaar, tot en met {{date}}',
    arrivesAfterLeft: 'De collectie is op {{date}} vertrokken; ze kan niet later binnenkomen',
    toldBeforeCollection:
      'De collectie staat pas sinds {{date}} in Dichtbij; kies die dag of later',
    leftBeforeArrival: 'De collectie kwam op {{date}} binnen; ze kan niet eerder vertrekken',
    partnerUnknown: 'Deze organisatie staat niet (meer) op de sociale kaart',
  },
  errors: {
    surveyAlreadyOffered:
      'Deze persoon heeft de vragenlijst al gekregen en nog niet ingevuld. Vul die eerst in.',
    areaHasChildren:
      'Onder dit gebied liggen nog andere gebieden. Verwijder of verplaats die eerst.',
    surveyComplete: 'Van deze vragenlijst zijn alle uitgedeelde formulieren al ingevoerd.',
    surveyAnswered: 'Deze vragenlijst is al (deels) ingevuld en kan niet meer worden verwijderd.',
    matchExcluded: 'Deze vrijwilliger valt af voor deze hulpvraag: {{reasons}}',
    // Complaints (issue 14, C1)
    complaintAboutYou:
      'Deze klacht gaat over u. U kunt haar inzien, maar niets vastleggen of wijzigen: dat doet een collega.',
    helpRequestInReports:
      'Een hulpvraag telt mee in de cijfers van de periodes waarin ze liep. Verwijderen zou die veranderen: anonimiseer de hulpvraag in plaats daarvan.',
    complaintInReports:
      'Een klacht telt mee in het klachtenjaarverslag van haar jaar. Verwijderen zou dat verslag veranderen: anonimiseer de klacht in plaats daarvan.',
    slotOver: 'Dit dagdeel ({{date}}) is al voorbij: daarop kunt u geen afspraak meer maken.',
    visitSameDayUnconfirmed:
      'Dit huishouden heeft op {{date}} al een bezoek (aantal: {{count}}). Er is niets opgeslagen; bevestig eerst dat het om nog een bezoek gaat.',
    validation: 'Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.',
    notFound: 'Niet gevonden. Misschien is het intussen verwijderd.',
    unknownMethod: 'Deze actie bestaat niet.',
    recoveryKeyMissing:
      'Er is nog geen herstelsleutel. Maak er eerst een bij Back-ups (Herstelsleutel maken).',
    volunteerRightOff:
      'De beheerder heeft dit voor vrijwilligers uitgezet. Vraag het de coördinator, of de beheerder om het aan te zetten.',
    counterTodayOnly:
      'Aan de balie werkt u met de afspraken van vandaag. Andere dagen, en afspraken waar het gezin al wel of niet is geweest, regelt de coördinator.',
    forbidden: 'U heeft geen toegang tot deze actie.',
    internal:
      'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
    locked: 'Het scherm is vergrendeld.',
    duplicates: 'Er bestaat al een huishouden dat hierop lijkt.',
    slotFull: 'Dit dagdeel zit vol ({{capacity}} plaatsen).',
    alreadyBookedThatDay: 'Dit huishouden heeft op {{date}} al een afspraak.',
    visitRegistered: 'Voor deze afspraak is al een bezoek geregistreerd.',
    moveNotPlanned: 'Alleen een geplande afspraak kan worden verzet.',
    moveSameSlot: 'De afspraak staat al op dit dagdeel. Kies een ander dagdeel.',
    visitExists: 'Voor deze afspraak is al een bezoek geregistreerd.',
    checkInFuture: 'Aanmelden kan pas op de dag van de afspraak ({{date}}).',
    capacityBelowBooked: 'Er zijn al {{booked}} huishoudens geboekt; minder plaatsen kan niet.',
    slotHasBookings:
      'Op dit dagdeel zijn nog {{booked}} huishoudens geboekt. Zeg die afspraken eerst af of verzet ze.',
    listNameTaken: 'Deze naam bestaat al in de lijst.',
    counterLookupFirst:
      'Zoek het huishouden eerst op via Huishoudens, of open het vanuit de afspraken van vandaag.',
    slotOverRemove:
      'Dit dagdeel ({{date}}) is al voorbij en blijft staan: het hoort bij de cijfers van die periode.',
    beyondHorizon:
      'Zo ver vooruit kan niet: afspraken hoogstens {{months}} maanden vooruit, tot en met {{date}}.',
    notLoggedIn: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.',
    mustChangePassword: 'Kies eerst een eigen wachtwoord.',
    loginFailed: 'Gebruikersnaam of wachtwoord klopt niet.',
    partnerNameTaken: 'Deze organisatie staat al op de sociale kaart.',
    loginWait: 'Te veel mislukte pogingen. Probeer het over {{seconds}} seconden opnieuw.',
    accountDisabled: 'Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.',
    setupDone: 'Dichtbij is al ingesteld. Meld u aan.',
    ownAccount: 'Uw eigen account kunt u niet uitschakelen of een andere rol geven.',
    lastAdmin: 'Er moet minstens één actieve beheerder overblijven.',
    collectionLeft:
      'Deze collectie is op {{date}} vertrokken. Er kan niemand meer over worden verteld, en ze kan niet nog eens vertrekken.',
    notOnCollectionList:
      'Dit huishouden staat niet op de bellijst van de collectie: het is niet actief of het recht op de winkel is verlopen.',
    householdAnonymised:
      'Dit huishouden is geanonimiseerd. Er kan niets meer aan worden toegevoegd of gewijzigd.',
    retentionInReports:
      'Dit huishouden telt mee in de cijfers van eerdere periodes (bezoeken, afspraken, intakes of zorgsignalen). Verwijderen zou die cijfers veranderen: anonimiseer het in plaats daarvan.',
    // Backups, restore and the encrypted database (features/backup)
    backupTampered: 'De back-up is gewijzigd na het maken, of hoort bij andere gegevens.',
    backupDamaged: 'De back-up is beschadigd en kan niet worden teruggezet.',
    backupOtherData:
      'Deze back-up hoort bij andere gegevens dan die op deze computer. Kies een back-up van deze gegevens.',
    notABackup: 'Dit bestand is geen (volledige) back-up van Dichtbij.',
    backupTooNew:
      'Deze back-up is gemaakt met een nieuwere versie van Dichtbij. Installeer eerst de nieuwste versie.',
    backupNotFound: 'Deze back-up staat niet (meer) in de back-upmap.',
    // Work in a worker thread (jobs.cancel)
    jobNotFound: 'Dit werk is al klaar of gestopt.',
    jobNotCancellable: 'Dit werk kan niet tussentijds worden gestopt.',
    jobCancelled: 'Gestopt op uw verzoek. Er is niets veranderd.',
    workersBusy:
      'Er wacht al veel werk op de achtergrond. Probeer het over een paar minuten opnieuw.',
    // A file to save that main no longer holds (used, expired, or the screen was locked)
    downloadGone:
      'Dit bestand is niet meer klaar om op te slaan. Maak het opnieuw en sla het meteen op.',
    downloadNotSaved:
      'Het bestand kon daar niet worden opgeslagen. Kies een andere plek (is de USB-stick nog aangesloten?).',
    // Refusals by the browser bridge itself (scripts/web-server.ts)
    requestTooLarge:
      'Dit is te groot om te versturen. Een back-upbestand mag hoogstens 300 MB zijn.',
    uploadBusy:
      'Er wordt al een back-up verstuurd. Wacht tot die klaar is en probeer het dan opnieuw.',
    restoreNeedsLogin: 'Terugzetten kan nu alleen een aangemelde beheerder, via Back-ups.',
    restoreNeedsAdmin:
      'Alleen met het wachtwoord van een beheerder (of de herstelsleutel) kunt u hier gegevens terugzetten.',
    backupFolderMissing:
      'De back-upmap {{folder}} is er niet. Is de USB-stick aangesloten? Sluit hem aan of kies een andere map.',
    backupFolderUnusable:
      'Dichtbij kan de back-upmap {{folder}} niet gebruiken: het is geen map, Dichtbij mag er niet lezen of schrijven, of de schijf is vol. Kies een andere map.',
    backupFolderNotSafe: 'De back-upmap {{folder}} is niet veilig. $t(backup.folder.notSafe)',
    workshopBackupRefused:
      'In de oefenomgeving kunt u geen andere back-upmap kiezen en geen back-up terugzetten. Ga eerst terug naar de echte gegevens.',
    loginFailedClosed:
      'Gebruikersnaam of wachtwoord klopt niet. Klopt het wel, dan heeft uw account op deze computer misschien nog geen sleutel tot de gegevens: laat dan eerst iemand die zich hier al eerder heeft aangemeld, bijvoorbeeld de beheerder, zich aanmelden en probeer het daarna opnieuw.',
    loginNoKeySlot:
      'Uw account heeft op deze computer nog geen sleutel tot de gegevens (door de beveiligingsupdate). Laat eerst iemand die zich hier sinds de update al heeft aangemeld, bijvoorbeeld de beheerder, zich aanmelden; daarna lukt het ook voor u. Lukt het niemand, dan kan de beheerder de gegevens terugzetten met de herstelsleutel.',
    databaseDamaged: 'De gegevens op deze computer zijn beschadigd.',
    databaseTooNew:
      'De gegevens op deze computer zijn gemaakt met een nieuwere versie van Dichtbij. Installeer de nieuwste versie; deze versie laat de gegevens ongemoeid.',
    databaseKeyMismatch:
      'Het sleutelbestand (dichtbij-sleutels.json) hoort niet bij de gegevens in deze map. Zet het juiste sleutelbestand terug, of zet een back-up terug met de herstelsleutel.',
  },
  subjectExport: {
    button: 'Inzage-export',
    menuLabel: {
      household: 'Alle gegevens van dit huishouden (AVG-inzage)',
      person: 'Alle gegevens van deze deelnemer (AVG-inzage)',
      complaint: 'Alle gegevens van deze klacht en de indiener (AVG-inzage)',
    },
    pdf: 'PDF, om af te drukken of mee te geven',
    json: 'JSON, voor een ander programma',
    done: '{{filename}} is gemaakt. Het maken van de export staat in de auditlog.',
  },
  warnings: {
    eligibilityExpiredCounter:
      'Let op: het recht op de winkel is verlopen. Vraag om een nieuw inkomensbewijs (de coördinator legt het vast).',
    bookingLimit:
      'Let op: met deze afspraak {{count}} bezoeken of afspraken binnen {{days}} dagen (richtlijn: {{max}}).',
    eligibilityExpired:
      'Let op: het recht op de winkel is verlopen op {{until}}. Vraag om een nieuw inkomensbewijs.',
    eligibilityUnknown: 'Let op: er is geen inkomensbewijs vastgelegd.',
    householdInactive: 'Let op: dit huishouden staat op inactief.',
    visitLimit: 'Let op: {{count}} bezoeken in {{days}} dagen (richtlijn: {{max}}).',
    visitSameDay: 'Let op: dit huishouden had die dag al een bezoek.',
    itemsPerChild_one:
      'Let op: {{items}} artikelen voor {{count}} kind (richtlijn: {{max}} per kind).',
    itemsPerChild_other:
      'Let op: {{items}} artikelen voor {{count}} kinderen (richtlijn: {{max}} per kind).',
  },
}

export type Messages = typeof nl
