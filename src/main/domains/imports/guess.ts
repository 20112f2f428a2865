import {
  IMPORT_FIELDS,
  IMPORT_KINDS,
  type ImportField,
  type ImportKind,
  type ImportMapping,
} from '../../../shared/schemas/imports'

/** A header reduced to letters and digits: "E-mail adres" and "emailadres" meet. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/**
 * Headers seen in Dutch and English spreadsheets, per field, as header keys. An exact match wins
 * over a header that only contains one of them ("postcode woonadres").
 */
const WORDS: Record<ImportField, readonly string[]> = {
  contactName: [
    'naamcontactpersoon',
    'contactpersoon',
    'contactname',
    'naam',
    'name',
    'hoofdaanvrager',
    'aanvrager',
    'volledigenaam',
    'fullname',
  ],
  street: ['straat', 'straatnaam', 'street', 'adres', 'address'],
  houseNumber: ['huisnummer', 'huisnr', 'nr', 'housenumber', 'number'],
  postcode: ['postcode', 'zip', 'zipcode', 'postalcode', 'pc'],
  city: ['plaats', 'woonplaats', 'city', 'town', 'gemeente'],
  district: ['wijk', 'district', 'buurt', 'neighbourhood', 'neighborhood', 'kern'],
  phone: ['telefoon', 'telefoonnummer', 'tel', 'mobiel', 'phone', 'phonenumber', 'mobile'],
  email: ['email', 'emailadres', 'mail', 'emailaddress'],
  incomeSource: ['inkomen', 'inkomensbron', 'bronvaninkomen', 'income', 'incomesource'],
  referrer: ['verwijzer', 'verwezendoor', 'doorverwijzer', 'referrer', 'referredby'],
  proofSeenOn: ['inkomensbewijs', 'bewijsgezien', 'proofseen', 'proofseenon', 'bewijsgezienop'],
  eligibleUntil: ['rechttot', 'geldigtot', 'eligibleuntil', 'einddatum', 'validuntil'],
  consentDate: ['toestemming', 'toestemmingsdatum', 'datumtoestemming', 'consentdate', 'consent'],
  consentBy: ['toestemmingdoor', 'vastgelegddoor', 'consentby', 'intakedoor', 'intaker'],
  notes: ['opmerkingen', 'opmerking', 'notities', 'notes', 'remarks', 'bijzonderheden'],
  contactBirthYear: ['geboortejaar', 'geboortedatum', 'birthyear', 'dateofbirth', 'birthdate'],
  contactGender: ['geslacht', 'gender', 'sex'],
  members: ['gezinsleden', 'leden', 'huisgenoten', 'members', 'householdmembers', 'kinderen'],
  firstName: ['voornaam', 'roepnaam', 'firstname', 'givenname'],
  lastName: ['achternaam', 'familienaam', 'lastname', 'surname', 'familyname'],
  address: ['adres', 'straatenhuisnummer', 'address', 'street'],
  place: ['woonplaats', 'plaats', 'place', 'city'],
  birthYear: ['geboortejaar', 'geboortedatum', 'birthyear', 'dateofbirth', 'birthdate'],
  gender: ['geslacht', 'gender', 'sex'],
  registeredOn: [
    'ingeschrevenop',
    'inschrijfdatum',
    'datuminschrijving',
    'aanmelddatum',
    'registeredon',
    'registrationdate',
    'startdatum',
  ],
  intakeOn: ['intake', 'intakedatum', 'datumintake', 'intakeon', 'intakedate'],
  languages: ['talen', 'taal', 'languages', 'language'],
}

/**
 * The guess of which column fills which field: per field the first header equal to one of its
 * words, else the first containing one (of four letters or more); a column is used once.
 */
export function guessMapping(headers: readonly string[], kind: ImportKind): ImportMapping {
  const keys = headers.map(headerKey)
  const taken = new Set<number>()
  const fields = IMPORT_FIELDS[kind]
  const chosen = new Map<ImportField, number>()
  // Exact matches first for every field, so "Naam" does not take "Naam contactpersoon"'s place.
  for (const field of fields) {
    const at = keys.findIndex((k, i) => !taken.has(i) && WORDS[field].includes(k))
    if (at >= 0) {
      chosen.set(field, at)
      taken.add(at)
    }
  }
  for (const field of fields) {
    if (chosen.has(field)) continue
    const at = keys.findIndex(
      (k, i) => !taken.has(i) && WORDS[field].some((w) => w.length >= 4 && k.includes(w)),
    )
    if (at >= 0) {
      chosen.set(field, at)
      taken.add(at)
    }
  }
  return fields.map((field) => {
    const at = chosen.get(field)
    return { field, column: at === undefined ? null : headers[at], fixed: null }
  })
}

export function guessAll(headers: readonly string[]): Record<ImportKind, ImportMapping> {
  return Object.fromEntries(IMPORT_KINDS.map((k) => [k, guessMapping(headers, k)])) as Record<
    ImportKind,
    ImportMapping
  >
}
