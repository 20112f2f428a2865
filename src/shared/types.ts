import type { AppointmentStatus, ListKind, ShopSettings } from './schemas/shop'
import type { ELIGIBILITIES, Gender, HouseholdStatus, IncomeSource } from './schemas/household'
import type { DayPart } from './schemas/common'

export type Role = 'admin' | 'coordinator' | 'volunteer'

/** Something the user should know but that does not stop the action (limits, eligibility). */
export interface Warning {
  key: string
  params?: Record<string, string | number>
}

export interface Member {
  id: number
  firstName: string | null
  birthYear: number
  gender: Gender
  clothingSize: string | null
}

/**
 * A household's right to the shop as the counter sees it: whether it holds, and whether it runs
 * out soon (within the dashboard's "expiring" days), never the date itself.
 */
export type Eligibility = (typeof ELIGIBILITIES)[number]

export interface HouseholdSummary {
  id: number
  reference: string
  contactName: string
  postcode: string
  city: string
  district: string | null
  phone: string | null
  status: HouseholdStatus
  /** Null for a counter volunteer, who gets `eligibility` only. */
  eligibleUntil: string | null
  eligibility?: Eligibility
  lastVisitOn: string | null
  childCount: number
}

export interface Household {
  id: number
  reference: string
  contactName: string
  street: string | null
  houseNumber: string | null
  postcode: string
  city: string
  district: string | null
  phone: string | null
  email: string | null
  /** Absent for a counter volunteer, as are referrer, proof date and notes. */
  incomeSource?: IncomeSource
  referrer?: string | null
  proofSeenOn?: string | null
  eligibleUntil: string | null
  consentDate: string
  consentBy: string
  status: HouseholdStatus
  notes?: string | null
  createdAt: string
  updatedAt: string
  /** Set once the household was anonymised (AVG): nothing of it can be changed any more. */
  anonymisedAt: string | null
  members: Member[]
}

export interface NamedRef {
  id: number
  name: string
}

export interface Intake {
  id: number
  householdId: number
  date: string
  doneBy: string
  notes: string | null
  topics: NamedRef[]
  referrals: { destination: NamedRef; note: string | null }[]
}

export interface Appointment {
  id: number
  slotId: number
  date: string
  part: DayPart
  householdId: number
  householdReference: string
  contactName: string
  status: AppointmentStatus
  note: string | null
  eligibleUntil: string | null
  /** True when eligibility has ended before the appointment's date, or was never recorded. */
  eligibilityExpired: boolean
  visitId: number | null
}

export interface Visit {
  id: number
  householdId: number
  appointmentId: number | null
  date: string
  servedBy: string
  note: string | null
  items: { category: NamedRef; count: number }[]
}

export interface HouseholdDetail {
  household: Household
  /** Absent for a counter volunteer: intakes carry notes, topics and referrals. */
  intakes?: Intake[]
  /** True when parts were left out for the caller's role. */
  restricted: boolean
  appointments: Appointment[]
  visits: Visit[]
  eligibilityExpired: boolean
  /** Whether the right holds today; for a counter volunteer the household's date is left out. */
  eligibility?: Eligibility
}

export interface DuplicateCandidate {
  id: number
  reference: string
  contactName: string
  postcode: string
  phone: string | null
  reason: 'postcodeAndName' | 'phone'
}

export interface Slot {
  id: number
  date: string
  part: DayPart
  capacity: number
  booked: number
  free: number
  /** True when the half-day is over (by main's clock): nobody can be booked on it any more. */
  over?: boolean
}

export interface ListItem {
  id: number
  kind: ListKind
  name: string
  active: boolean
}

export interface CallListEntry {
  id: number
  reference: string
  contactName: string
  phone: string | null
  email: string | null
  district: string | null
  lastVisitOn: string | null
  eligibleUntil: string | null
  /** The last day someone called or invited the family from the call list; null if never. */
  lastContactOn: string | null
}

export interface Dashboard {
  date: string
  today: { part: DayPart; capacity: number; appointments: Appointment[] }[]
  week: { from: string; to: string; slots: Slot[]; freeTotal: number }
  expiring: HouseholdSummary[]
  toInvite: { count: number; notSeenSince: string; sample: CallListEntry[] }
}

export interface CountBy {
  key: string
  count: number
}

export interface ShopFigures {
  householdsReached: number
  newHouseholds: number
  visits: number
  childrenReached: number
  appointmentsCame: number
  appointmentsNoShow: number
  /** no-shows / (came + no-shows); null when there were neither. */
  noShowRate: number | null
  referrals: CountBy[]
  topics: CountBy[]
}

export interface ShopStats extends ShopFigures {
  period: { from: string; to: string }
  district: string | null
  byDistrict: ({ district: string } & ShopFigures)[]
  generatedAt: string
}

export type { ShopSettings }

export interface Organisation {
  name: string
  address: string | null
  postcode: string | null
  city: string | null
  /** A data URL (PNG or JPEG), or null. */
  logo: string | null
}

export interface SetupStatus {
  /** True until the first admin account exists: the app then shows the setup screen only. */
  needsSetup: boolean
  organisationName: string | null
  /**
   * True while nothing is set up on this computer: the setup screen may then also restore a
   * backup with the recovery key (a new computer).
   */
  canRestore: boolean
}

export interface UserAccount {
  id: number
  username: string
  displayName: string
  role: Role
  active: boolean
  mustChangePassword: boolean
  lastLoginAt: string | null
  createdAt: string
}

/** What the renderer knows about the person at the screen. */
export interface SessionInfo {
  user: { id: number; username: string; displayName: string; role: Role }
  locked: boolean
  mustChangePassword: boolean
  /** Minutes without activity after which the screen locks. */
  lockMinutes: number
  /** For admins: no recovery key exists yet, and the app asks them to make and print one. */
  recoveryKeyMissing: boolean
  /**
   * For admins: a recovery key exists, but nobody confirmed that its sheet was printed and put
   * away; the app keeps asking at every login until someone does (or makes a new key).
   */
  recoveryKeyUnconfirmed?: boolean
}

/** The recovery key as the Back-ups screen shows it. */
export interface RecoveryKeyStatus {
  state: 'missing' | 'unconfirmed' | 'confirmed'
  confirmedAt: string | null
  confirmedBy: string | null
}

export interface AuditEntry {
  id: number
  at: string
  userId: number | null
  userName: string | null
  role: Role | null
  workstation: string
  action: string
  entityType: string | null
  entityId: string | null
  /** For an account: its username, joined in, so the log names who and not "account 1". */
  entityName?: string | null
  householdId: number | null
  /** The household's reference (H-00122), joined in; also for a household deleted since. */
  householdReference: string | null
  fields: string[]
  detail: string | null
}

export type AuditVerifyResult =
  /** `anchors`: this data's backups whose recorded newest entry is found unchanged in the log. */
  | { ok: true; count: number; checkedAt: string; anchors: number }
  | {
      ok: false
      count: number
      checkedAt: string
      brokenAt: number
      reason: 'hash' | 'link' | 'anchor'
    }
