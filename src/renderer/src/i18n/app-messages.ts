/**
 * Main's messages and the texts only screens behind the login show (the shop's rules, the
 * volunteers', complaints' and reports' refusals, the visit warnings, the AVG export): they join
 * the app's `errors` and `validation` with the app's chunk (i18n/index.ts), not with the login
 * screen, which never shows them. `en` must have the same keys as `nl` (a test checks).
 */
export const nl = {
  errors: {
    surveyAlreadyOffered:
      'Deze persoon heeft de vragenlijst al gekregen en nog niet ingevuld. Vul die eerst in.',
    areaHasChildren:
      'Onder dit gebied liggen nog andere gebieden. Verwijder of verplaats die eerst.',
    surveyComplete: 'Van deze vragenlijst zijn alle uitgedeelde formulieren al ingevoerd.',
    surveyAnswered: 'Deze vragenlijst is al (deels) ingevuld en kan niet meer worden verwijderd.',
    matchExcluded: 'Deze vrijwilliger valt af voor deze hulpvraag: {{reasons}}',
    complaintAboutYou:
      'Deze klacht gaat over u. U kunt haar inzien, maar niets vastleggen of wijzigen: dat doet een collega.',
    helpRequestInReports:
      'Een hulpvraag telt mee in de cijfers van de periodes waarin ze liep. Verwijderen zou die veranderen: anonimiseer de hulpvraag in plaats daarvan.',
    complaintInReports:
      'Een klacht telt mee in het klachtenjaarverslag van haar jaar. Verwijderen zou dat verslag veranderen: anonimiseer de klacht in plaats daarvan.',
    slotOver: 'Dit dagdeel ({{date}}) is al voorbij: daarop kunt u geen afspraak meer maken.',
    visitSameDayUnconfirmed:
      'Dit huishouden heeft op {{date}} al een bezoek (aantal: {{count}}). Er is niets opgeslagen; bevestig eerst dat het om nog een bezoek gaat.',
    volunteerRightOff:
      'De beheerder heeft dit voor vrijwilligers uitgezet. Vraag het de coördinator, of de beheerder om het aan te zetten.',
    counterTodayOnly:
      'Aan de balie werkt u met de afspraken van vandaag. Andere dagen, en afspraken waar het gezin al wel of niet is geweest, regelt de coördinator.',
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
    partnerNameTaken: 'Deze organisatie staat al op de sociale kaart.',
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
    workshopBackupRefused:
      'In de oefenomgeving kunt u geen andere back-upmap kiezen en geen back-up terugzetten. Ga eerst terug naar de echte gegevens.',
  },
  validation: {
    afterClosing: 'Dit kan niet na het sluiten van de klacht op {{date}}',
    managerIsSelf: 'Iemand kan niet zijn eigen leidinggevende zijn',
    managerCircle: 'Dan zouden zij elkaars leidinggevende worden',
    searchTooShort: 'Typ minstens {{min}} letters of cijfers (accenten en spaties tellen niet mee)',
    visitTooEarly: 'Een bezoek kan niet vóór 1-1-2000 liggen',
    counterVisitToday:
      'Aan de balie registreert u bezoeken van vandaag. Een bezoek op een andere dag voert de coördinator in.',
    birthYear: 'Geen geldig geboortejaar',
    birthYearFuture: 'Dit geboortejaar ligt in de toekomst',
    birthYearTooEarly: 'Een geboortejaar vóór 1900 kan niet',
    beforeInvited: 'Het formulier kan niet eerder zijn ingevuld dan het werd aangeboden',
    onePerson: 'Bij een traject is dat één persoon',
    householdOrPerson: 'Kies een huishouden of een deelnemer',
    municipalityOnTop: 'Een gemeente staat bovenaan en heeft geen bovenliggend gebied',
    parentKind:
      'Kies een bovenliggend gebied van een hogere soort (gemeente > gebied > wijk > kern)',
    childKind: 'Er liggen gebieden onder dit gebied die dan niet meer lager zouden zijn',
    notMunicipality: 'Alleen een gemeente kiest haar eigen kengetallen',
    futureVisit: 'Een bezoek kan niet in de toekomst liggen',
    appointmentDate: 'De datum moet gelijk zijn aan de datum van de afspraak',
    beforeProof: 'Ligt vóór de datum van het inkomensbewijs',
    householdReference: 'Geen huishouden: typ de referentie (H-00122) of het nummer',
    periodTooLong: 'Kies een periode van hoogstens een jaar',
    templateEmpty: 'Voeg minstens één dagdeel toe',
    weekday: 'Kies een weekdag',
    duplicateTemplate: 'Dit dagdeel staat er al in',
    duplicateCategory: 'Deze categorie staat er al in',
    duplicateTopic: 'Dit onderwerp staat er al in',
    marksOverCount: 'Meer cijfers dan deelnemers van andere organisaties',
    sinceAfterRegistered: 'Deze datum ligt na de datum van registratie',
    requestNotOpen: 'Deze hulpvraag staat niet meer open',
    notAVolunteer: 'Deze persoon kan niet gekoppeld worden (uitgeschreven of geanonimiseerd)',
    matchBeforeOpened: 'Deze datum ligt vóór de datum van de hulpvraag',
    loadTaken: 'Op deze datum staat al een belasting',
    duplicateParticipant: 'Deze deelnemer staat er al in',
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
    arrivesTooFar: 'Zo ver vooruit kan niet: hoogstens een jaar, tot en met {{date}}',
    arrivesAfterLeft: 'De collectie is op {{date}} vertrokken; ze kan niet later binnenkomen',
    toldBeforeCollection:
      'De collectie staat pas sinds {{date}} in Dichtbij; kies die dag of later',
    leftBeforeArrival: 'De collectie kwam op {{date}} binnen; ze kan niet eerder vertrekken',
    partnerUnknown: 'Deze organisatie staat niet (meer) op de sociale kaart',
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

export const en: typeof nl = {
  errors: {
    surveyAlreadyOffered:
      'This person was offered the questionnaire already and has not filled it in yet. Fill that one in first.',
    areaHasChildren: 'Other areas lie under this area. Remove or move those first.',
    surveyComplete: 'Every form handed out for this questionnaire has been entered already.',
    surveyAnswered: 'This questionnaire has been (partly) filled in and can no longer be removed.',
    matchExcluded: 'This volunteer is excluded for this help request: {{reasons}}',
    complaintAboutYou:
      'This complaint is about you. You can read it, but not record or change anything in it: a colleague does that.',
    helpRequestInReports:
      'A help request counts in the figures of the periods it ran in. Removing it would change them: anonymise it instead.',
    complaintInReports:
      'A complaint counts in the annual complaints report of its year. Deleting it would change that report: anonymise the complaint instead.',
    slotOver: 'This half-day ({{date}}) is over: it can no longer be booked.',
    visitSameDayUnconfirmed:
      'This household already has a visit on {{date}} (number: {{count}}). Nothing was saved; first confirm that this is another visit.',
    volunteerRightOff:
      'The administrator has turned this off for volunteers. Ask the coordinator, or ask the administrator to turn it on.',
    counterTodayOnly:
      "At the counter you work with today's appointments. Other days, and appointments the family already kept or missed, are the coordinator's.",
    duplicates: 'A household that looks like this one already exists.',
    slotFull: 'This half-day is full ({{capacity}} places).',
    alreadyBookedThatDay: 'This household already has an appointment on {{date}}.',
    visitRegistered: 'A visit has already been registered for this appointment.',
    moveNotPlanned: 'Only a planned appointment can be moved.',
    moveSameSlot: 'The appointment is on this half-day already. Choose another half-day.',
    visitExists: 'A visit has already been registered for this appointment.',
    checkInFuture: 'Check-in is possible on the day of the appointment ({{date}}).',
    capacityBelowBooked: '{{booked}} households are already booked; fewer places is not possible.',
    slotHasBookings:
      '{{booked}} households are still booked on this half-day. Cancel or move those appointments first.',
    listNameTaken: 'This name already exists in the list.',
    counterLookupFirst:
      "Look the household up first under Households, or open it from today's appointments.",
    slotOverRemove:
      'This half-day ({{date}}) is over and stays: it belongs to the figures of that period.',
    beyondHorizon:
      'That is too far ahead: appointments at most {{months}} months ahead, up to and including {{date}}.',
    partnerNameTaken: 'This organisation is already on the social map.',
    ownAccount: 'You cannot switch off your own account or give it another role.',
    lastAdmin: 'At least one active administrator must remain.',
    collectionLeft:
      'This collection left on {{date}}. Nobody can be told of it any more, and it cannot leave again.',
    notOnCollectionList:
      "This household is not on the collection's call list: it is inactive or its right to the shop has expired.",
    householdAnonymised: 'This household has been anonymised. Nothing can be added or changed.',
    retentionInReports:
      'This household counts in the figures of past periods (visits, appointments, intakes or safety signals). Deleting it would change those figures: anonymise it instead.',
    workshopBackupRefused:
      'In the practice environment you cannot choose another backup folder or restore a backup. Go back to the real data first.',
  },
  validation: {
    afterClosing: 'This cannot be after the complaint was closed on {{date}}',
    managerIsSelf: 'Nobody can be their own line manager',
    managerCircle: 'They would become each other’s line manager',
    searchTooShort: 'Type at least {{min}} letters or digits (accents and spaces do not count)',
    visitTooEarly: 'A visit cannot be before 1-1-2000',
    counterVisitToday:
      "At the counter you register today's visits. A visit on another day is entered by the coordinator.",
    birthYear: 'Not a valid year of birth',
    birthYearFuture: 'This year of birth is in the future',
    birthYearTooEarly: 'A year of birth before 1900 is not possible',
    beforeInvited: 'The form cannot have been filled in before it was offered',
    onePerson: 'A trajectory is one person',
    householdOrPerson: 'Choose a household or a participant',
    municipalityOnTop: 'A municipality is at the top and has no area above it',
    parentKind: 'Choose an area above of a higher kind (municipality > area > district > village)',
    childKind: 'There are areas under this one that would no longer be lower',
    notMunicipality: 'Only a municipality chooses its own figures',
    futureVisit: 'A visit cannot lie in the future',
    appointmentDate: "The date must be the appointment's date",
    beforeProof: 'Lies before the date of the proof of income',
    householdReference: 'Not a household: type its reference (H-00122) or number',
    periodTooLong: 'Choose a period of at most one year',
    templateEmpty: 'Add at least one half-day',
    weekday: 'Choose a weekday',
    duplicateTemplate: 'This half-day is already in the list',
    duplicateCategory: 'This category is already in the list',
    duplicateTopic: 'This topic is already in the list',
    marksOverCount: 'More marks than participants from other organisations',
    sinceAfterRegistered: 'This date lies after the registration date',
    requestNotOpen: 'This help request is no longer open',
    notAVolunteer: 'This person cannot be matched (left or anonymised)',
    matchBeforeOpened: 'This date lies before the date of the help request',
    loadTaken: 'A load is already recorded on this date',
    duplicateParticipant: 'This participant is already listed',
    nameTakenFolded:
      'This name is already in the list as ‘{{name}}’ (only capitals, accents or spaces differ)',
    searchRefine:
      'At the counter you see at most {{max}} households. Type more of the name, or search by postcode, phone number or reference.',
    beyondHorizon:
      'That is too far ahead: half-days and appointments at most {{months}} months ahead, up to and including {{date}}',
    intakeTooEarly: 'An intake cannot be before 1-1-2000',
    proofTooEarly: 'A proof of income before 1-1-2000 is not possible; check the year',
    eligibleTooEarly: 'This date cannot be before 1-1-2000; check the year',
    eligibleTooFar: 'A right does not last that long: at most until {{date}}. Check the year.',
    duplicateReferral: 'This destination is already listed; put the note with the first one',
    arrivesTooFar: 'That is too far ahead: at most a year, up to and including {{date}}',
    arrivesAfterLeft: 'The collection left on {{date}}; it cannot arrive later than that',
    toldBeforeCollection: 'The collection was only entered on {{date}}; choose that day or later',
    leftBeforeArrival: 'The collection arrived on {{date}}; it cannot leave before that',
    partnerUnknown: 'This organisation is not (or no longer) on the social map',
  },
  subjectExport: {
    button: 'Access export',
    menuLabel: {
      household: 'All data of this household (GDPR access request)',
      person: 'All data of this participant (GDPR access request)',
      complaint: 'All data of this complaint and its complainant (GDPR access request)',
    },
    pdf: 'PDF, to print or hand over',
    json: 'JSON, for another program',
    done: '{{filename}} has been made. Making the export is recorded in the audit log.',
  },
  warnings: {
    eligibilityExpiredCounter:
      'Note: the right to use the shop has expired. Ask for a new proof of income (the coordinator records it).',
    bookingLimit:
      'Note: with this appointment {{count}} visits or appointments within {{days}} days (guideline: {{max}}).',
    eligibilityExpired:
      'Note: eligibility for the shop ended on {{until}}. Ask for a new proof of income.',
    eligibilityUnknown: 'Note: no proof of income has been recorded.',
    householdInactive: 'Note: this household is set to inactive.',
    visitLimit: 'Note: {{count}} visits in {{days}} days (guideline: {{max}}).',
    visitSameDay: 'Note: this household already had a visit that day.',
    itemsPerChild_one: 'Note: {{items}} items for {{count}} child (guideline: {{max}} per child).',
    itemsPerChild_other:
      'Note: {{items}} items for {{count}} children (guideline: {{max}} per child).',
  },
}
