import type { ImportField } from '../schemas/imports'

/**
 * The words of the spreadsheet import that main writes itself (the preview, the problems and the
 * error report's CSV) and the import screen shows: field names and the messages per problem.
 * Dutch first; the English is for the screen in English.
 */
export interface ImportWords {
  fields: Record<ImportField, string>
  /** Messages by validation key; a key not listed gets `fallback`. */
  messages: Record<string, string>
  fallback: string
  report: { line: string; field: string; message: string }
}

export const IMPORT_WORDS: Record<'nl' | 'en', ImportWords> = {
  nl: {
    fields: {
      contactName: 'Naam contactpersoon',
      street: 'Straat',
      houseNumber: 'Huisnummer',
      postcode: 'Postcode',
      city: 'Plaats',
      district: 'Wijk',
      phone: 'Telefoon',
      email: 'E-mail',
      incomeSource: 'Inkomen',
      referrer: 'Verwijzer',
      proofSeenOn: 'Inkomensbewijs gezien op',
      eligibleUntil: 'Recht tot',
      consentDate: 'Toestemming op',
      consentBy: 'Toestemming vastgelegd door',
      notes: 'Opmerkingen',
      contactBirthYear: 'Geboortejaar contactpersoon',
      contactGender: 'Geslacht contactpersoon',
      members: 'Gezinsleden',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      address: 'Adres',
      place: 'Woonplaats',
      birthYear: 'Geboortejaar',
      gender: 'Geslacht',
      registeredOn: 'Ingeschreven op',
      intakeOn: 'Intake op',
      languages: 'Talen',
    },
    messages: {
      required: 'Dit veld is verplicht',
      invalidType: 'Deze waarde klopt niet',
      tooLong: 'Deze tekst is te lang',
      invalidOption: 'Kies een van de mogelijkheden',
      invalid: 'Ongeldige waarde',
      date: 'Geen geldige datum (dd-mm-jjjj)',
      postcode: 'Geen geldige postcode (1234 AB)',
      phone: 'Geen geldig telefoonnummer (10 cijfers, bijvoorbeeld 06-12345678)',
      email: 'Geen geldig e-mailadres',
      birthYear: 'Geen geldig geboortejaar',
      birthYearFuture: 'Dit geboortejaar ligt in de toekomst',
      birthYearTooEarly: 'Een geboortejaar vóór 1900 kan niet',
      badCharacters: 'Hier staat een teken dat niet goed is overgekomen',
      futureDate: 'Deze datum ligt in de toekomst',
      beforeProof: 'Ligt vóór de datum van het inkomensbewijs',
      proofTooEarly: 'Een inkomensbewijs van vóór 1-1-2000 kan niet; kijk het jaartal na',
      eligibleTooEarly: 'Deze datum kan niet vóór 1-1-2000 liggen; kijk het jaartal na',
      eligibleTooFar: 'Zo lang loopt een recht niet; kijk het jaartal na',
      volunteerDateTooEarly: 'Deze datum ligt te ver terug',
      intakeBeforeRegistration: 'De intake ligt vóór de inschrijving',
      tooManyItems: 'Te veel gezinsleden (hoogstens 20)',
      income: 'Onbekend inkomen: bijstand, WW, AOW, WIA/WAO, Wajong, werk of anders',
      gender: 'Onbekend geslacht: v, m of x',
      member: 'Gezinslid niet te lezen: schrijf naam, geboortejaar en geslacht (Sara 2012 v)',
      duplicate: 'Mogelijk dubbel, lijkt op',
      refused: 'Niet opgeslagen: deze regel voldoet niet aan de regels van Dichtbij',
    },
    fallback: 'Deze waarde klopt niet',
    report: { line: 'Regel', field: 'Veld', message: 'Melding' },
  },
  en: {
    fields: {
      contactName: 'Contact name',
      street: 'Street',
      houseNumber: 'House number',
      postcode: 'Postcode',
      city: 'City',
      district: 'District',
      phone: 'Phone',
      email: 'Email',
      incomeSource: 'Income',
      referrer: 'Referrer',
      proofSeenOn: 'Proof of income seen on',
      eligibleUntil: 'Eligible until',
      consentDate: 'Consent given on',
      consentBy: 'Consent recorded by',
      notes: 'Notes',
      contactBirthYear: 'Contact birth year',
      contactGender: 'Contact gender',
      members: 'Household members',
      firstName: 'First name',
      lastName: 'Last name',
      address: 'Address',
      place: 'Place',
      birthYear: 'Birth year',
      gender: 'Gender',
      registeredOn: 'Registered on',
      intakeOn: 'Intake on',
      languages: 'Languages',
    },
    messages: {},
    fallback: 'This value is not valid',
    report: { line: 'Line', field: 'Field', message: 'Message' },
  },
}

/** The Dutch message for a validation key, as the error report writes it. */
export function importMessage(key: string): string {
  return IMPORT_WORDS.nl.messages[key] ?? IMPORT_WORDS.nl.fallback
}
