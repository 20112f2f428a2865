import type { Generated } from 'kysely'

export interface SettingTable {
  key: string
  value: string
}

export interface ListItemTable {
  id: Generated<number>
  /** 'destination' items became partners in migration 0010. */
  kind: 'topic' | 'category'
  name: string
  active: number
  sort: number
}

export interface HouseholdTable {
  id: Generated<number>
  reference: string
  contactName: string
  /** Lower case without diacritics, for search and duplicate checks. */
  searchName: string
  street: string | null
  houseNumber: string | null
  postcode: string
  city: string
  district: string | null
  phone: string | null
  phoneDigits: string | null
  email: string | null
  incomeSource: string
  referrer: string | null
  proofSeenOn: string | null
  eligibleUntil: string | null
  consentDate: string
  consentBy: string
  status: 'active' | 'inactive'
  notes: string | null
  createdAt: string
  updatedAt: string
  /** When the personal fields were replaced for retention (AVG); null while they are kept. */
  anonymisedAt: string | null
}

export interface MemberTable {
  id: Generated<number>
  householdId: number
  firstName: string | null
  birthYear: number
  gender: 'f' | 'm' | 'x'
  clothingSize: string | null
}

export interface IntakeTable {
  id: Generated<number>
  householdId: number
  date: string
  doneBy: string
  notes: string | null
  createdAt: string
  /** 'yes' | 'no' | 'unknown' (migration 0012): asked at the intake, 'unknown' when not. */
  debts: Generated<'yes' | 'no' | 'unknown'>
  multipleProblems: Generated<'yes' | 'no' | 'unknown'>
}

export interface IntakeTopicTable {
  intakeId: number
  topicId: number
}

export interface IntakeReferralTable {
  id: Generated<number>
  intakeId: number
  /** A partner's id (the "sociale kaart"). */
  destinationId: number
  note: string | null
}

/** An organisation of the "sociale kaart": referral destination, partner project, host. */
export interface PartnerTable {
  id: Generated<number>
  name: string
  /** searchKey of the name; unique, so two spellings of one organisation cannot coexist. */
  searchName: string
  kind: string
  area: string | null
  contactPerson: string | null
  phone: string | null
  email: string | null
  address: string | null
  helpsWith: string | null
  active: number
  createdAt: string
  updatedAt: string
}

/** A topic talked about at a visit (migration 0011). */
export interface VisitTopicTable {
  visitId: number
  topicId: number
}

/** A referral made at a visit, to a partner of the sociale kaart (migration 0011). */
export interface VisitReferralTable {
  id: Generated<number>
  visitId: number
  destinationId: number
  note: string | null
}

export interface SlotTable {
  id: Generated<number>
  date: string
  part: 'morning' | 'afternoon' | 'evening'
  capacity: number
}

export interface AppointmentTable {
  id: Generated<number>
  slotId: number
  householdId: number
  /** Copy of the slot's date, so "one booking per household per day" is one indexed lookup. */
  date: string
  status: 'planned' | 'came' | 'no_show' | 'cancelled'
  note: string | null
  bookedAt: string
  statusChangedAt: string | null
}

export interface VisitTable {
  id: Generated<number>
  householdId: number
  appointmentId: number | null
  date: string
  servedBy: string
  note: string | null
  createdAt: string
}

export interface VisitItemTable {
  visitId: number
  categoryId: number
  count: number
}

export interface OrganisationTable {
  id: number
  name: string
  address: string | null
  postcode: string | null
  city: string | null
  logo: string | null
  updatedAt: string
}

export interface AccountTable {
  id: Generated<number>
  username: string
  displayName: string
  role: 'admin' | 'coordinator' | 'volunteer'
  passwordHash: string
  mustChangePassword: number
  active: number
  failedAttempts: number
  /** After repeated failures, no login is tried before this instant. */
  waitUntil: string | null
  lastLoginAt: string | null
  passwordChangedAt: string
  createdAt: string
  updatedAt: string
}

export interface AuditLogTable {
  id: number
  at: string
  userId: number | null
  userName: string | null
  role: string | null
  workstation: string
  action: string
  entityType: string | null
  entityId: string | null
  householdId: number | null
  /**
   * The data subject the entry is about (migration 0007): kind ('household', later 'person',
   * 'complaint') and id. For households `householdId` holds the same id.
   */
  subjectKind: string | null
  subjectId: number | null
  /** Names of changed fields, comma separated; never their values. */
  fields: string
  detail: string | null
  prevHash: string
  hash: string
}

/** A call or invitation from the call list: only the day (migration 0006). */
export interface CallListContactTable {
  id: Generated<number>
  householdId: number
  date: string
  createdAt: string
}

/** A collection of clothes and toys (migration 0013): when it came, and where it went. */
export interface CollectionTable {
  id: Generated<number>
  name: string
  /** A code of `COLLECTION_SEASONS`. */
  season: string
  arrivesOn: string
  leftOn: string | null
  leftToPartnerId: number | null
  leftNote: string | null
  createdAt: string
  updatedAt: string
}

/** That a family was told of a collection: one per family per collection (migration 0013). */
export interface CollectionNoticeTable {
  id: Generated<number>
  collectionId: number
  householdId: number
  date: string
  /** A code of `NOTICE_WAYS`. */
  how: string
  /** The display name of the user who told the family. */
  by: string
  createdAt: string
  updatedAt: string
}

/**
 * First and last visit day of each household that has visits, kept by triggers on `visit`
 * (migration 0008), so figures need not group every visit ever made. Read only.
 */
export interface HouseholdVisitSpanTable {
  householdId: number
  firstVisitOn: string
  lastVisitOn: string
}

/**
 * The newest audit entry the chain check found intact (migration 0009), so the routine check
 * starts after it; one row (id 1) at most. See domains/audit/verify.ts.
 */
export interface AuditVerifiedTable {
  id: number
  entryId: number
  entryHash: string
  /** The first entry with the current (v2) hash, if any: older-style entries only before it. */
  firstCurrentId: number | null
  /** Where the next routine check goes on re-hashing the older entries. */
  sweepNext: number
  verifiedAt: string
}

export interface DB {
  setting: SettingTable
  listItem: ListItemTable
  household: HouseholdTable
  member: MemberTable
  intake: IntakeTable
  intakeTopic: IntakeTopicTable
  intakeReferral: IntakeReferralTable
  partner: PartnerTable
  slot: SlotTable
  appointment: AppointmentTable
  visit: VisitTable
  visitItem: VisitItemTable
  visitTopic: VisitTopicTable
  visitReferral: VisitReferralTable
  organisation: OrganisationTable
  account: AccountTable
  auditLog: AuditLogTable
  auditVerified: AuditVerifiedTable
  callListContact: CallListContactTable
  householdVisitSpan: HouseholdVisitSpanTable
  collection: CollectionTable
  collectionNotice: CollectionNoticeTable
}
