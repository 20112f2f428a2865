import type { IncomeSource } from '../../../shared/schemas/household'
import type { ImportField, ImportMapping } from '../../../shared/schemas/imports'

/*
 * Values from a spreadsheet as the create schemas expect them. Nothing here decides whether a
 * value is valid: what cannot be read is passed on as it is, so the shared schema refuses it with
 * its own message.
 */

const pad = (n: number): string => String(n).padStart(2, '0')

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
function fromExcelSerial(serial: number): string {
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000
  return new Date(ms).toISOString().slice(0, 10)
}

/**
 * A day as YYYY-MM-DD from dd-mm-jjjj, d-m-jjjj, d/m/yy, d.m.jjjj, jjjj-mm-dd (a time after it
 * dropped) or an Excel serial number. A two-digit year is this century up to this year, the last
 * century after it (3/4/98 is 1998, 3/4/21 is 2021).
 */
export function normaliseDate(value: string, today: string): string {
  const v = value.trim()
  if (!v) return ''
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v)
  if (m) return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(v)
  if (m) {
    let year = Number(m[3])
    if (m[3].length === 2) {
      const thisYear = Number(today.slice(0, 4))
      year = 2000 + year <= thisYear ? 2000 + year : 1900 + year
    }
    return `${year}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`
  }
  // Excel serial numbers of 1950 to 2100 (a plain year like 2012 is not taken for a day).
  if (/^\d{5}(?:\.\d+)?$/.test(v)) {
    const serial = Number(v)
    if (serial >= 18_264 && serial <= 73_415) return fromExcelSerial(serial)
  }
  return v
}

/** "3811ab" -> "3811 AB"; anything else as typed (the schema names the problem). */
export function normalisePostcodeText(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase()
  return /^\d{4}[A-Z]{2}$/.test(compact)
    ? `${compact.slice(0, 4)} ${compact.slice(4)}`
    : value.trim()
}

/** A year from "1980", "1980.0", or a date in one of the forms above. */
export function normaliseYear(value: string, today: string): number | string | null {
  const v = value.trim()
  if (!v) return null
  if (/^\d{4}(?:\.0+)?$/.test(v)) return Number(v.slice(0, 4))
  const day = normaliseDate(v, today)
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return Number(day.slice(0, 4))
  return v
}

const FEMALE = new Set(['v', 'vrouw', 'f', 'female', 'w', 'meisje', 'vrouwelijk', 'dochter'])
const MALE = new Set(['m', 'man', 'male', 'jongen', 'mannelijk', 'zoon', 'h', 'heer'])
const OTHER = new Set(['x', 'anders', 'other', 'overig', 'divers', 'non-binair'])

/** A member's gender as the household schema has it (f, m, x); null when it is not one. */
export function memberGender(value: string): 'f' | 'm' | 'x' | null {
  const v = value.trim().toLowerCase().replace(/\.$/, '')
  if (FEMALE.has(v)) return 'f'
  if (MALE.has(v)) return 'm'
  if (OTHER.has(v)) return 'x'
  return null
}

const PERSON_GENDER = { f: 'female', m: 'male', x: 'other' } as const

const INCOME: Record<string, IncomeSource> = {
  bijstand: 'bijstand',
  participatiewet: 'bijstand',
  uitkering: 'bijstand',
  'social assistance': 'bijstand',
  ww: 'ww',
  werkloosheidswet: 'ww',
  werkloos: 'ww',
  unemployment: 'ww',
  aow: 'aow',
  pensioen: 'aow',
  pension: 'aow',
  ao: 'ao',
  wia: 'ao',
  wao: 'ao',
  arbeidsongeschikt: 'ao',
  wajong: 'wajong',
  werk: 'werk',
  loon: 'werk',
  salaris: 'werk',
  werkend: 'werk',
  work: 'werk',
  wages: 'werk',
  anders: 'anders',
  overig: 'anders',
  other: 'anders',
}

/** The income source from a word such as "Bijstand", "WIA" or "loon"; as typed otherwise. */
export function incomeSource(value: string): string {
  const v = value.trim().toLowerCase()
  return INCOME[v] ?? value.trim()
}

export interface ParsedMember {
  firstName: string | null
  birthYear: number | undefined
  gender: 'f' | 'm' | 'x' | undefined
}

/**
 * Other members from one cell: "Sara 2012 v; Tim 2015 m" (a semicolon, a line break or a bar
 * between members; name, year and gender in whichever order). A part without a year or gender leaves
 * that field empty, and the schema says which is missing.
 */
export function parseMembers(value: string): ParsedMember[] {
  if (!value.trim()) return []
  return value
    .split(/[;\n|]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      let birthYear: number | undefined
      let gender: 'f' | 'm' | 'x' | undefined
      const name: string[] = []
      for (const token of part.split(/[\s,()]+/).filter(Boolean)) {
        if (birthYear === undefined && /^\d{4}$/.test(token)) birthYear = Number(token)
        else if (gender === undefined && memberGender(token))
          gender = memberGender(token) ?? undefined
        else name.push(token)
      }
      return { firstName: name.length ? name.join(' ') : null, birthYear, gender }
    })
}

/** A row's value per field: the mapped column's cell, or the fixed value when that is empty. */
export function fieldValues(
  headers: readonly string[],
  cells: readonly string[],
  mapping: ImportMapping,
): Map<ImportField, string> {
  const values = new Map<ImportField, string>()
  for (const m of mapping) {
    const at = m.column === null ? -1 : headers.indexOf(m.column)
    const cell = at >= 0 ? (cells[at] ?? '').trim() : ''
    const value = cell || m.fixed || ''
    if (value) values.set(m.field, value)
  }
  return values
}

/** Text or null: the create schemas turn empty text into null themselves. */
const text = (v: string | undefined): string | null => (v === undefined ? null : v)

/**
 * A household row as `households.create` takes it. The contact's birth year and gender (when
 * mapped) make the contact the first member.
 */
export function householdInput(
  values: Map<ImportField, string>,
  today: string,
): { input: Record<string, unknown>; contactMember: boolean } {
  const get = (f: ImportField): string | undefined => values.get(f)
  const date = (f: ImportField): string | null => {
    const v = get(f)
    return v === undefined ? null : normaliseDate(v, today)
  }
  const members: Record<string, unknown>[] = []
  const contactMember = get('contactBirthYear') !== undefined || get('contactGender') !== undefined
  if (contactMember) {
    const year = normaliseYear(get('contactBirthYear') ?? '', today)
    const gender = get('contactGender')
    members.push({
      firstName: (get('contactName') ?? '').split(/\s+/)[0] || null,
      birthYear: year ?? undefined,
      gender: gender === undefined ? undefined : (memberGender(gender) ?? gender),
    })
  }
  for (const m of parseMembers(get('members') ?? '')) members.push({ ...m })
  const postcode = get('postcode')
  return {
    contactMember,
    input: {
      contactName: get('contactName'),
      street: text(get('street')),
      houseNumber: text(get('houseNumber')),
      postcode: postcode === undefined ? undefined : normalisePostcodeText(postcode),
      city: get('city'),
      district: text(get('district')),
      phone: text(get('phone')),
      email: text(get('email')),
      incomeSource:
        get('incomeSource') === undefined ? undefined : incomeSource(get('incomeSource') ?? ''),
      referrer: text(get('referrer')),
      proofSeenOn: date('proofSeenOn'),
      eligibleUntil: date('eligibleUntil'),
      consentDate: date('consentDate') ?? undefined,
      consentBy: get('consentBy'),
      notes: text(get('notes')),
      maritalStatus: null,
      status: 'active',
      members,
    },
  }
}

/** A person row as `people.create` takes it. */
export function personInput(
  values: Map<ImportField, string>,
  today: string,
): Record<string, unknown> {
  const get = (f: ImportField): string | undefined => values.get(f)
  const gender = get('gender')
  const g = gender === undefined ? null : memberGender(gender)
  const postcode = get('postcode')
  const intakeOn = get('intakeOn')
  const registeredOn = get('registeredOn')
  return {
    firstName: get('firstName'),
    lastName: get('lastName'),
    phone: text(get('phone')),
    email: text(get('email')),
    address: text(get('address')),
    postcode: postcode === undefined ? null : normalisePostcodeText(postcode),
    place: text(get('place')),
    district: text(get('district')),
    birthYear: normaliseYear(get('birthYear') ?? '', today),
    gender: gender === undefined ? 'unknown' : g ? PERSON_GENDER[g] : gender,
    maritalStatus: null,
    registeredOn: registeredOn === undefined ? undefined : normaliseDate(registeredOn, today),
    intakeOn: intakeOn === undefined ? null : normaliseDate(intakeOn, today),
    programmeId: null,
    languages: text(get('languages')),
    referralSourceId: null,
    referrer: text(get('referrer')),
    notes: text(get('notes')),
    skillIds: [],
    interestIds: [],
    learningGoalIds: [],
    limitationIds: [],
    availability: [],
    householdId: null,
  }
}
