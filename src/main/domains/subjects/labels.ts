import type { AuditAction } from '../../../shared/schemas/auth'
import type { Gender, HouseholdStatus, IncomeSource } from '../../../shared/schemas/household'
import type { AppointmentStatus } from '../../../shared/schemas/shop'
import type { DayPart } from '../../../shared/schemas/common'

/**
 * Dutch words for the export, written for the person the data is about rather than for staff:
 * the audit log's own CSV says "inzien", a letter to a family says "bekeken".
 */

export const INCOME_LABELS: Record<IncomeSource, string> = {
  bijstand: 'Bijstand',
  ww: 'WW',
  aow: 'AOW',
  wajong: 'Wajong',
  werk: 'Werk',
  anders: 'Anders',
}

export const GENDER_LABELS: Record<Gender, string> = {
  f: 'vrouw',
  m: 'man',
  x: 'anders of onbekend',
}

export const HOUSEHOLD_STATUS_LABELS: Record<HouseholdStatus, string> = {
  active: 'actief',
  inactive: 'niet actief',
}

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  planned: 'gepland',
  came: 'gekomen',
  no_show: 'niet gekomen',
  cancelled: 'afgezegd',
}

export const PART_LABELS: Record<DayPart, string> = {
  morning: 'ochtend',
  afternoon: 'middag',
  evening: 'avond',
}

export const ROLE_LABELS: Record<string, string> = {
  admin: 'beheerder',
  coordinator: 'coördinator',
  volunteer: 'vrijwilliger',
}

export const ACTION_LABELS: Record<AuditAction, string> = {
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
}

export const ENTITY_LABELS: Record<string, string> = {
  household: 'huishouden',
  intake: 'intakegesprek',
  appointment: 'afspraak',
  visit: 'bezoek',
  callList: 'bellijst',
}

/** The household's fields, as the export's labels and as the audit log's field names. */
export const HOUSEHOLD_FIELD_LABELS = {
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
} as const

export const MEMBER_FIELD_LABELS = {
  firstName: 'Voornaam',
  birthYear: 'Geboortejaar',
  gender: 'Geslacht',
  clothingSize: 'Kledingmaat',
} as const

/** Field names as services write them in the audit log, in words. Unknown names stay as they are. */
const AUDIT_FIELD_LABELS: Record<string, string> = {
  ...HOUSEHOLD_FIELD_LABELS,
  members: 'gezinsleden',
  date: 'datum',
  doneBy: 'gesprek gevoerd door',
  topicIds: 'onderwerpen',
  referrals: 'doorverwijzingen',
  slotId: 'dagdeel',
  note: 'opmerking',
  servedBy: 'geholpen door',
  items: 'meegenomen',
}

export function auditFieldLabel(field: string): string {
  return (AUDIT_FIELD_LABELS[field] ?? field).toLowerCase()
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action as AuditAction] ?? action
}
