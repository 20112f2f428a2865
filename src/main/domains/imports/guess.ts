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
 * words, else one containing one of its words (of four letters or more); a column is used once.
 */
export function guessMapping(headers: readonly string[], kind: ImportKind): ImportMapping {
  const keys = headers.map(headerKey)
  const taken = new Set<number>()
  const fields = IMPORT_FIELDS[kind]
  const chosen = new Map<ImportField, number>()
  // Exact matches first for every field, so "Naam" does not take "Naam contactpersoon"'s place.
  // Words in their order of preference: "Naam contactpersoon" before a bare "Naam".
  const exact = (field: ImportField): number => {
    for (const w of WORDS[field]) {
      const at = keys.findIndex((k, i) => !taken.has(i) && k === w)
      if (at >= 0) return at
    }
    return -1
  }
  for (const field of fields) {
    const at = exact(field)
    if (at >= 0) {
      chosen.set(field, at)
      taken.add(at)
    }
  }
  // Then headers that contain a word: the longest word first ("postcode woonadres" is the
  // postcode, not the street for its "adres").
  const partial: { field: ImportField; at: number; length: number }[] = []
  for (const field of fields) {
    if (chosen.has(field)) continue
    keys.forEach((k, at) => {
      if (taken.has(at)) return
      const length = Math.max(
        0,
        ...WORDS[field].filter((w) => w.length >= 4 && k.includes(w)).map((w) => w.length),
      )
      if (length) partial.push({ field, at, length })
    })
  }
  partial.sort((a, b) => b.length - a.length)
  for (const p of partial) {
    if (chosen.has(p.field) || taken.has(p.at)) continue
    chosen.set(p.field, p.at)
    taken.add(p.at)
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
