/** Texts of the retention (bewaartermijnen) screen; `en` has the same keys (a test checks). */
export const nl = {
  title: 'Bewaartermijnen',
  intro:
    'Gegevens van mensen bewaren we niet langer dan nodig (AVG). Hieronder staan, per soort, de huishoudens, deelnemers en klachten waarmee het langer dan de bewaartermijn geleden contact was. Anonimiseren haalt de persoonsgegevens weg en laat de cijfers van eerdere periodes staan; verwijderen haalt alles weg.',
  lastContactDefinition:
    'Laatste contact: de laatste van deze datums: aangemaakt, inkomensbewijs gezien, bezoek, intake of afspraak (behalve afgezegde afspraken; een geplande afspraak telt ook).',
  lastContactDefinitionPerson:
    'Laatste contact: de laatste van deze datums: aangemaakt, aanmelding, intake, uitstroom, een stap van een koppeling, een maand met uren, een meting, een contact, een herbeoordeling of een doorstroom. Wie een lopende koppeling heeft, staat hier niet.',
  lastContactDefinitionComplaint: 'Bij een klacht telt de termijn vanaf de dag van afsluiten.',
  lastContactDefinitionHelpRequest:
    'Een hulpvraag van iemand die niet als huishouden of persoon in Dichtbij staat (alleen een naam en contact) valt onder de termijn van personen, vanaf de dag dat de hulpvraag is afgesloten. Hulpvragen van huishoudens en personen gaan mee met hun huishouden of persoon.',
  terms: {
    title: 'Termijnen',
    help: 'In maanden na het laatste contact, van {{min}} tot {{max}}.',
    households: 'Huishoudens',
    householdsHelp: 'Met gezinsleden, intakes en bezoeken.',
    peopleHelp: 'Deelnemers en vrijwilligers, met koppelingen, uren, metingen en contacten.',
    people: 'Vrijwilligers en andere personen',
    complaints: 'Klachten',
    later: 'Geldt zodra dit deel van Dichtbij er is.',
    submit: 'Termijnen opslaan',
    saved: 'De bewaartermijnen zijn opgeslagen.',
  },
  due: {
    title: 'Nu aan de beurt',
    cutoff: 'Laatste contact vóór {{date}} (termijn {{months}} maanden).',
    cutoffComplaint: 'Afgesloten vóór {{date}} (termijn {{months}} maanden).',
    cutoffHelpRequest: 'Afgesloten vóór {{date}} (termijn {{months}} maanden).',
    kinds: 'Soort',
    tab: {
      household: 'Huishoudens ({{count, number}})',
      person: 'Deelnemers ({{count, number}})',
      complaint: 'Klachten ({{count, number}})',
      helpRequest: 'Hulpvragen ({{count, number}})',
    },
    count: {
      household_one: '{{count, number}} huishouden',
      household_other: '{{count, number}} huishoudens',
      person_one: '{{count, number}} deelnemer',
      person_other: '{{count, number}} deelnemers',
      complaint_one: '{{count, number}} klacht',
      complaint_other: '{{count, number}} klachten',
      helpRequest_one: '{{count, number}} hulpvraag',
      helpRequest_other: '{{count, number}} hulpvragen',
    },
    empty: {
      household: 'Er zijn geen huishoudens waarvan de bewaartermijn voorbij is.',
      person: 'Er zijn geen deelnemers waarvan de bewaartermijn voorbij is.',
      complaint: 'Er zijn geen klachten waarvan de bewaartermijn voorbij is.',
      helpRequest:
        'Er zijn geen hulpvragen (van iemand met alleen een naam en contact) waarvan de bewaartermijn voorbij is.',
    },
    pagination: '{{from, number}}–{{to, number}} van {{total, number}}',
  },
  columns: {
    reference: 'Nummer',
    name: 'Naam',
    district: 'Wijk of kern',
    lastContact: 'Laatste contact',
    actions: 'Actie',
  },
  anonymise: {
    button: 'Anonimiseren',
    of: '{{name}} ({{reference}}) anonimiseren',
    title: '{{name}} ({{reference}}) anonimiseren?',
    text: 'Naam, adres, telefoon, e-mail, notities, intakenotities, verwijzer en de namen van de gezinsleden worden gewist. Bezoeken, afspraken en intakes blijven bestaan zonder persoonsgegevens, zodat de cijfers van eerdere periodes niet veranderen.',
    textPerson:
      'Naam, adres, telefoon, e-mail, notities, vaardigheden, beschikbaarheid en alle vrije tekst van plan, doelen en contacten worden gewist; het geboortejaar wordt een decennium. Aanmelding, intake, koppelingen, uren, metingen en uitstroom blijven zonder persoonsgegevens bestaan, zodat de cijfers van eerdere periodes niet veranderen.',
    textComplaint:
      'Wie klaagde en hoe die te bereiken was, over wie de klacht ging, de omschrijving, de wens en alle vrije tekst van de stappen, maatregelen en brieven worden gewist. Nummer, datums, categorie, stappen en uitkomst blijven, zodat het klachtenjaarverslag niet verandert.',
    textHelpRequest:
      'De naam en het contact van wie om hulp vroeg, wat er gevraagd werd, de plaats en de toelichting bij het afsluiten worden gewist. Soort hulp, datums, status en de gekoppelde vrijwilliger blijven, zodat de cijfers van eerdere periodes niet veranderen.',
    confirm: 'Anonimiseren',
    done: '{{reference}} is geanonimiseerd.',
  },
  delete: {
    button: 'Verwijderen',
    of: '{{name}} ({{reference}}) verwijderen',
    title: '{{name}} ({{reference}}) verwijderen?',
    text: 'Het huishouden wordt met gezinsleden en intakes helemaal verwijderd. In het auditlog blijft alleen staan dat het is verwijderd.',
    textPerson:
      'De persoon wordt met koppelingen, uren, metingen, plan en contacten helemaal verwijderd. In het auditlog blijft alleen staan dat hij of zij is verwijderd.',
    textComplaint: 'Een klacht telt mee in het klachtenjaarverslag en wordt niet verwijderd.',
    textHelpRequest: 'Een hulpvraag telt mee in de cijfers en wordt niet verwijderd.',
    confirm: 'Verwijderen',
    done: '{{reference}} is verwijderd.',
    notPossible:
      'Telt mee in de cijfers van eerdere periodes; verwijderen zou die veranderen. Anonimiseer het in plaats daarvan.',
  },
  irreversible: 'Dit kan niet ongedaan worden gemaakt.',
  afterRestore:
    'Wordt later een oudere back-up teruggezet, dan wist Dichtbij het opnieuw: het wissen is vastgelegd op deze computer en in de back-ups in de back-upmap. Alleen een oude back-up die op een andere computer wordt teruggezet, zonder de nieuwere back-ups, kan het terugbrengen.',
}

export const en: typeof nl = {
  title: 'Retention',
  intro:
    'We keep personal data no longer than needed (GDPR). Below are, per kind, the households, participants and complaints whose last contact is longer ago than the retention term. Anonymising removes the personal data and keeps the figures of past periods; deleting removes everything.',
  lastContactDefinition:
    'Last contact: the latest of these dates: created, proof of income seen, visit, intake or appointment (except cancelled appointments; a planned appointment counts too).',
  lastContactDefinitionPerson:
    'Last contact: the latest of these dates: created, registration, intake, outflow, a step of a placement, a month with hours, a measurement, a contact, a re-assessment or a move. Someone with a running placement is not listed.',
  lastContactDefinitionComplaint: 'For a complaint the term counts from the day it was closed.',
  lastContactDefinitionHelpRequest:
    "A help request of someone who is not in Dichtbij as a household or person (only a name and contact) falls under the people's term, from the day the request was closed. Requests of households and people go with their household or person.",
  terms: {
    title: 'Terms',
    help: 'In months after the last contact, from {{min}} to {{max}}.',
    households: 'Households',
    householdsHelp: 'With members, intakes and visits.',
    peopleHelp: 'Participants and volunteers, with placements, hours, measurements and contacts.',
    people: 'Volunteers and other people',
    complaints: 'Complaints',
    later: 'Applies once this part of Dichtbij exists.',
    submit: 'Save terms',
    saved: 'The retention terms have been saved.',
  },
  due: {
    title: 'Due now',
    cutoff: 'Last contact before {{date}} (term {{months}} months).',
    cutoffComplaint: 'Closed before {{date}} (term {{months}} months).',
    cutoffHelpRequest: 'Closed before {{date}} (term {{months}} months).',
    kinds: 'Kind',
    tab: {
      household: 'Households ({{count, number}})',
      person: 'Participants ({{count, number}})',
      complaint: 'Complaints ({{count, number}})',
      helpRequest: 'Help requests ({{count, number}})',
    },
    count: {
      household_one: '{{count, number}} household',
      household_other: '{{count, number}} households',
      person_one: '{{count, number}} participant',
      person_other: '{{count, number}} participants',
      complaint_one: '{{count, number}} complaint',
      complaint_other: '{{count, number}} complaints',
      helpRequest_one: '{{count, number}} help request',
      helpRequest_other: '{{count, number}} help requests',
    },
    empty: {
      household: 'No household has passed its retention term.',
      person: 'No participant has passed their retention term.',
      complaint: 'No complaint has passed its retention term.',
      helpRequest:
        'No help request (of someone with only a name and contact) has passed its retention term.',
    },
    pagination: '{{from, number}}–{{to, number}} of {{total, number}}',
  },
  columns: {
    reference: 'Number',
    name: 'Name',
    district: 'District or village',
    lastContact: 'Last contact',
    actions: 'Action',
  },
  anonymise: {
    button: 'Anonymise',
    of: 'Anonymise {{name}} ({{reference}})',
    title: 'Anonymise {{name}} ({{reference}})?',
    text: "Name, address, phone, email, notes, intake notes, referrer and the members' names are erased. Visits, appointments and intakes stay without personal data, so the figures of past periods do not change.",
    textPerson:
      'Name, address, phone, email, notes, skills, availability and every free text of the plan, goals and contacts are erased; the birth year becomes a decade. Registration, intake, placements, hours, measurements and outflow stay without personal data, so the figures of past periods do not change.',
    textComplaint:
      'Who complained and how to reach them, whom the complaint was about, its description, the wish and every free text of its steps, measures and letters are erased. Number, dates, category, steps and outcome stay, so the annual complaints report does not change.',
    textHelpRequest:
      'The name and contact of who asked for help, what was asked, the place and the note on closing are erased. Kind of help, dates, status and the matched volunteer stay, so the figures of past periods do not change.',
    confirm: 'Anonymise',
    done: '{{reference}} has been anonymised.',
  },
  delete: {
    button: 'Delete',
    of: 'Delete {{name}} ({{reference}})',
    title: 'Delete {{name}} ({{reference}})?',
    text: 'The household is removed completely, with its members and intakes. The audit log only keeps that it was deleted.',
    textPerson:
      'The person is removed completely, with placements, hours, measurements, plan and contacts. The audit log only keeps that they were deleted.',
    textComplaint: 'A complaint counts in the annual complaints report and is not removed.',
    textHelpRequest: 'A help request counts in the figures and is not removed.',
    confirm: 'Delete',
    done: '{{reference}} has been deleted.',
    notPossible:
      'Counts in the figures of past periods; deleting would change them. Anonymise it instead.',
  },
  irreversible: 'This cannot be undone.',
  afterRestore:
    'If an older backup is restored later, Dichtbij erases it again: the erasure is recorded on this computer and in the backups in the backup folder. Only an old backup restored on another computer, without the newer backups, can bring it back.',
}
