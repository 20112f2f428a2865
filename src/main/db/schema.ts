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
  /** The contact's burgerlijke staat (migration 0033); null is unknown. */
  maritalStatus: 'single' | 'married' | 'cohabiting' | 'divorced' | 'widowed' | null
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
  /** The search key of the first name (Ctrl+K finds the family by it); null without one. */
  searchName: string | null
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
  /** Hosts volunteers (migration 0014): the organisations.* list. */
  isHost: Generated<number>
  /** The shop itself, host of its own volunteers (migration 0014). */
  isOwn: Generated<number>
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
  /** The account's leidinggevende, who handles step 1 of a complaint about it (migration 0016). */
  managerId: number | null
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
/**
 * Per household and calendar year: its visits, the appointments it came to or missed, its
 * district now and its members now (children: born in that year or the 17 before), kept by
 * triggers (migration 0027) for the figures of a period inside one year.
 */
export interface HouseholdYearTable {
  year: number
  householdId: number
  district: string | null
  visits: number
  firstVisitOn: string | null
  lastVisitOn: string | null
  children: number
  people: number
  female: number
  male: number
  came: number
  noShow: number
  firstAppointmentOn: string | null
  lastAppointmentOn: string | null
}

/**
 * Per household, calendar year and topic or destination: how many of its visits that year
 * discussed the topic or referred there, kept by triggers (migration 0029). Read only.
 */
export interface HouseholdYearItemTable {
  year: number
  kind: 'topic' | 'referral'
  householdId: number
  itemId: number
  n: number
}

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

/** An item of the volunteers' managed lists (migration 0014). */
export interface VolOptionTable {
  id: Generated<number>
  kind: 'skill' | 'interest' | 'learning_goal' | 'referral_source' | 'limitation'
  name: string
  /** searchKey of the name; unique per kind. */
  searchName: string
  /** For a limitation: the code of `DEMANDS` it rules out; null otherwise. */
  demand: string | null
  active: number
  sort: number
}

/** A programme people take part in (Maatwerk, Samen Sterk), funded per year (migration 0014). */
export interface ProgrammeTable {
  id: Generated<number>
  name: string
  searchName: string
  partnerId: number | null
  fundedPerYear: number | null
  active: number
  sort: number
}

/** A participant or volunteer (migration 0014); a data subject of kind 'person'. */
export interface PersonTable {
  id: Generated<number>
  /** 'D-00042' */
  reference: string
  firstName: string
  lastName: string
  /** searchKey of "first last". */
  searchName: string
  phone: string | null
  phoneDigits: string | null
  email: string | null
  address: string | null
  postcode: string | null
  place: string | null
  district: string | null
  birthYear: number | null
  gender: Generated<'female' | 'male' | 'other' | 'unknown'>
  /** Burgerlijke staat (migration 0033); null is unknown. */
  maritalStatus: 'single' | 'married' | 'cohabiting' | 'divorced' | 'widowed' | null
  registeredOn: string
  intakeOn: string | null
  programmeId: number | null
  participationDuty: Generated<number>
  dutyToApply: Generated<number>
  ownTransport: Generated<number>
  languages: string | null
  referralSourceId: number | null
  referrer: string | null
  householdId: number | null
  status: Generated<'registered' | 'intake' | 'active' | 'left'>
  notes: string | null
  outflowKind:
    | 'paid_work'
    | 'other_volunteer_work'
    | 'education'
    | 'stopped'
    | 'dropped_out'
    | 'moved'
    | 'other'
    | null
  outflowOn: string | null
  outflowNote: string | null
  anonymisedAt: string | null
  createdAt: string
  updatedAt: string
  /**
   * Kept by triggers (migration 0022), never written by the app: the first and latest
   * measurement as "id:ladder:scores", the latest's day, the half-days as a 21-bit mask, and
   * the number of interests and learning goals.
   */
  firstMeasure: Generated<string | null>
  latestMeasure: Generated<string | null>
  latestMeasuredOn: Generated<string | null>
  slotMask: Generated<number>
  interestCount: Generated<number>
  goalCount: Generated<number>
}

export interface PersonOptionTable {
  personId: number
  optionId: number
}

/** A half-day of the week: weekday 1..7 (Monday = 1) and a part of the day. */
export interface PersonSlotTable {
  personId: number
  weekday: number
  part: 'morning' | 'afternoon' | 'evening'
}

export interface VacancySlotTable {
  vacancyId: number
  weekday: number
  part: 'morning' | 'afternoon' | 'evening'
}

export interface PlacementSlotTable {
  placementId: number
  weekday: number
  part: 'morning' | 'afternoon' | 'evening'
}

/** A volunteer place at a host organisation (a partner with isHost = 1; migration 0014). */
export interface VacancyTable {
  id: Generated<number>
  partnerId: number
  title: string
  searchTitle: string
  tasks: string | null
  place: string | null
  district: string | null
  places: number
  active: number
  notes: string | null
  createdAt: string
  updatedAt: string
}

/** Skills wanted, learning goals offered, interests it suits (the option's kind tells which). */
export interface VacancyOptionTable {
  vacancyId: number
  optionId: number
}

export interface VacancyDemandTable {
  vacancyId: number
  /** A code of `DEMANDS`. */
  demand: string
}

export interface PlacementTable {
  id: Generated<number>
  personId: number
  vacancyId: number
  step: 'proposed' | 'introduction' | 'trial' | 'placed' | 'ended' | 'declined'
  proposedOn: string
  introductionOn: string | null
  trialOn: string | null
  trialEndsOn: string | null
  placedOn: string | null
  endedOn: string | null
  declinedOn: string | null
  /** Why it was declined or ended. */
  reason: string | null
  /** Why it was proposed although the filters excluded the person. */
  overrideReason: string | null
  createdAt: string
  updatedAt: string
  /** The half-days as a 21-bit mask; kept by triggers (migration 0022). */
  slotMask: Generated<number>
}

/** Doorstroom: on to another role or place within the organisation. */
export interface PersonMoveTable {
  id: Generated<number>
  personId: number
  movedOn: string
  toText: string
  note: string | null
  createdAt: string
}

/** Hours per person per month ('YYYY-MM'), per placement where there is one. */
export interface VolunteerHoursTable {
  id: Generated<number>
  personId: number
  placementId: number | null
  month: string
  hours: number
  createdAt: string
  updatedAt: string
}

/** Hours per month and district, kept by triggers from volunteer_hours (migration 0022). */
export interface VolunteerHoursMonthTable {
  month: string
  district: string
  hours: number
  /** How many volunteer_hours rows the hours sum. */
  n: number
}

/** People ever registered and gone per district and programme (0: none); kept by triggers (0022). */
export interface PersonCountByGroupTable {
  district: string
  programmeId: number
  people: number
  gone: number
}

/** Counts that go up when the rows a cached read depends on change; kept by triggers (0023). */
export interface KeptChangeTable {
  /** `MATCHING_REGISTER`: everyone who can be matched and every running placement. */
  name: string
  n: number
}

/** The name migration 0023 keeps the matching's register count under. */
export const MATCHING_REGISTER = 'matching'
/** The count the person marks of `kept_person_change` are numbered by (migration 0024). */
export const MATCHING_PEOPLE = 'matching-people'

/** The count every change to what the subsidy report counts moves (migration 0026). */
export const REPORT_FIGURES_CHANGE = 'report-figures'

/**
 * A period's counts of the subsidy report, kept until a row they read changes (migration 0026;
 * `reports/kept-figures.ts`).
 */
export interface ReportFiguresKeptTable {
  fromOn: string
  toOn: string
  /** The area as asked, as JSON (`null` for every area). */
  area: string
  /** The version of the counting code the figures were counted by. */
  version: string
  /** The figures hold on days after this one (null: from the first day)... */
  validAfter: string | null
  /** ...up to and including this one (null: every later day). */
  validUntil: string | null
  /** `RawFigures` as JSON. */
  figures: string
  keptAt: string
}

/** A person whose part of the matching's register changed, with the count's number then. */
export interface KeptPersonChangeTable {
  personId: number
  n: number
}

export interface MeasurementTable {
  id: Generated<number>
  personId: number
  measuredOn: string
  moment: 'intake' | 'reassessment' | 'end'
  version: 'zrm11' | 'zrm13'
  /** Participation ladder 1..6, when that setting is on. */
  ladder: number | null
  byAccountId: number | null
  createdAt: string
  /**
   * The scores on the 11 domains, one character each in the order of `ZRM11_DOMAINS` (1-5, '-'
   * not scored), for the figures (migration 0015; `progressScores` in src/shared/zrm.ts).
   */
  progressScores: string | null
}

export interface MeasurementScoreTable {
  measurementId: number
  /** A ZRM domain code (`src/shared/zrm.ts`). */
  domain: string
  score: number
}

export interface PlanTable {
  personId: number
  barriers: string | null
  aim: 'volunteer_place' | 'training' | 'activity' | 'tegenprestatie' | null
  updatedAt: string
}

export interface PlanGoalTable {
  id: Generated<number>
  personId: number
  text: string
  zrmDomain: string | null
  status: Generated<'open' | 'realised' | 'partly_realised' | 'not_realised'>
  closedOn: string | null
  createdAt: string
}

export interface PlanReviewTable {
  id: Generated<number>
  personId: number
  plannedOn: string
  doneOn: string | null
  note: string | null
}

export interface PersonContactTable {
  id: Generated<number>
  personId: number
  contactedOn: string
  kind: 'phone' | 'visit' | 'meeting' | 'evaluation' | 'other'
  byAccountId: number | null
  note: string | null
  nextOn: string | null
  createdAt: string
}

/** A managed list of complaint categories (migration 0016). */
export interface ComplaintCategoryTable {
  id: Generated<number>
  name: string
  /** searchKey of the name; unique. */
  searchName: string
  active: number
  sort: number
}

/**
 * A complaint (migration 0016). The columns after `step` summarise its timeline; the services
 * rewrite them after each entry (see domains/complaints/summary.ts).
 */
export interface ComplaintTable {
  id: Generated<number>
  /** 'K-2026-007' */
  number: string
  /** Year of receipt and the number within it, without gaps. */
  year: number
  seq: number
  receivedOn: string
  channel: 'in_person' | 'letter' | 'email' | 'phone' | 'form'
  complainantKind: 'household' | 'person' | 'contact' | 'anonymous'
  householdId: number | null
  personId: number | null
  complainantName: string | null
  complainantContact: string | null
  aboutKind: 'service' | 'staff' | 'other'
  aboutAccountId: number | null
  aboutText: string | null
  categoryId: number
  description: string
  wish: string | null
  handlerId: number | null
  startStep: number
  step: number
  /** The organisation's terms when the complaint came in. */
  ackWorkingDays: number
  decisionWeeks: number
  extensionWeeks: Generated<number>
  ackDueOn: string
  decisionDueOn: string
  acknowledgedOn: string | null
  decidedOn: string | null
  outcome: 'founded' | 'partly_founded' | 'unfounded' | 'withdrawn' | 'mediated' | null
  informedComplainantOn: string | null
  informedStaffOn: string | null
  closedOn: string | null
  anonymisedAt: string | null
  createdAt: string
  updatedAt: string
}

/** One entry of a complaint's timeline (migration 0016): never updated or deleted. */
export interface ComplaintEntryTable {
  id: Generated<number>
  complaintId: number
  kind:
    | 'received'
    | 'acknowledged'
    | 'step_changed'
    | 'handler_changed'
    | 'note'
    | 'hearing'
    | 'advice'
    | 'decision'
    | 'extension'
    | 'informed'
    | 'closed'
    | 'reopened'
    | 'correction'
    | 'letter'
  date: string
  authorId: number | null
  authorName: string
  text: string | null
  step: number | null
  handlerId: number | null
  party: string | null
  persons: string | null
  outcome: 'founded' | 'partly_founded' | 'unfounded' | 'withdrawn' | 'mediated' | null
  weeks: number | null
  withConsent: Generated<number>
  dueOn: string | null
  correctsId: number | null
  newDate: string | null
  voids: Generated<number>
  createdAt: string
  anonymisedAt: string | null
}

/** A measure taken on a complaint, and the day it was carried out (migration 0016). */
export interface ComplaintMeasureTable {
  id: Generated<number>
  complaintId: number
  entryId: number | null
  text: string
  doneOn: string | null
  createdAt: string
  updatedAt: string
}

/** One version of a letter template (migration 0017): never updated or deleted. */
export interface ComplaintLetterTemplateTable {
  id: Generated<number>
  kind: 'acknowledgement' | 'extension' | 'decision'
  version: number
  subject: string
  body: string
  createdAt: string
  createdByAccountId: number | null
  createdByName: string | null
}

/** A letter made for a complaint (migration 0017); only `valuesJson` may change (anonymising). */
export interface ComplaintLetterTable {
  id: Generated<number>
  complaintId: number
  kind: 'acknowledgement' | 'extension' | 'decision'
  templateId: number
  letterDate: string
  entryId: number | null
  /** The values filled in, per copy (JSON); null once the complaint was anonymised. */
  valuesJson: string | null
  createdAt: string
  createdByAccountId: number | null
  createdByName: string
}

/** The register of collective activities and residents' initiatives (migration 0025). */
export interface ActivityTable {
  id: Generated<number>
  date: string
  kind: 'collective' | 'initiative'
  title: string
  participants: number
  volunteers: number
  area: string | null
  waitingList: number | null
  notes: string | null
  createdAt: string
  createdBy: number | null
  updatedAt: string
}

/** Information-and-advice contacts, tallied per day and area (migration 0025). */
export interface AdviceTallyTable {
  id: Generated<number>
  date: string
  area: string | null
  count: number
  createdAt: string
  createdBy: number | null
}

/** A course of the trainings register (migration 0030). */
export interface TrainingCourseTable {
  id: Generated<number>
  title: string
  level: string | null
  givenBy: string | null
  active: Generated<number>
  createdAt: string
  updatedAt: string
}

/** A course given on a day (migration 0030). */
export interface TrainingSessionTable {
  id: Generated<number>
  courseId: number
  date: string
  place: string | null
  /** Participants from other organisations: counted, never named. */
  externalCount: Generated<number>
  createdAt: string
  createdBy: number | null
  updatedAt: string
}

/** A staff member (account) or a person at a session; exactly one of the two is set. */
export interface TrainingParticipantTable {
  id: Generated<number>
  sessionId: number
  accountId: number | null
  personId: number | null
  completed: Generated<number>
  mark: number | null
}

/** A mark of a participant from another organisation, without a name (migration 0030). */
export interface TrainingExternalMarkTable {
  id: Generated<number>
  sessionId: number
  mark: number
}

/** A kind of help a resident can ask for: a managed list (migration 0031). */
export interface HelpKindTable {
  id: Generated<number>
  name: string
  active: Generated<number>
  sort: Generated<number>
}

/** A resident's help request (migration 0031). */
export interface HelpRequestTable {
  id: Generated<number>
  kindId: number
  householdId: number | null
  personId: number | null
  requesterName: string | null
  requesterContact: string | null
  asked: string
  place: string | null
  /** The half-days it is needed on, as `person.slot_mask`. */
  slotMask: Generated<number>
  endsOn: string | null
  status: Generated<'open' | 'matched' | 'ended'>
  openedOn: string
  matchedOn: string | null
  endedOn: string | null
  volunteerId: number | null
  endNote: string | null
  anonymisedAt: string | null
  createdAt: string
  createdBy: number | null
  updatedAt: string
}

export interface HelpRequestDemandTable {
  helpRequestId: number
  demand: string
}

export interface HelpRequestCourseTable {
  helpRequestId: number
  courseId: number
}

/** A person registered as informal carer (migration 0031). */
export interface InformalCarerTable {
  personId: number
  caresFor: string
  caringSince: string | null
  registeredOn: string
  endedOn: string | null
  consent: Generated<number>
  consentOn: string | null
  createdAt: string
  updatedAt: string
}

/** How heavy the care is for an informal carer on a day, 1..5 (migration 0031). */
export interface CarerLoadTable {
  id: Generated<number>
  personId: number
  measuredOn: string
  load: number
  createdAt: string
  createdBy: number | null
}

/** Support given to an informal carer (migration 0031). */
export interface CarerSupportTable {
  id: Generated<number>
  personId: number
  kind: 'respite' | 'course' | 'activity' | 'other'
  givenOn: string
  note: string | null
  createdAt: string
  createdBy: number | null
}

/** A statement of the satisfaction questionnaire (migration 0032). */
export interface SurveyQuestionTable {
  id: Generated<number>
  text: string
  active: Generated<number>
  sort: Generated<number>
}

/** Who was offered the questionnaire, and how many forms of it were entered (migration 0032). */
export interface SurveyInviteTable {
  id: Generated<number>
  occasion: 'trajectory' | 'activity' | 'service'
  personId: number | null
  activityId: number | null
  about: string | null
  district: string | null
  invitedOn: string
  invited: number
  answered: Generated<number>
  createdAt: string
  createdBy: number | null
  updatedAt: string
}

/** What one person answered, apart from who they are: no link back, the month only. */
export interface SurveyResponseTable {
  /** Drawn at random, so the order of the rows tells nothing. */
  id: number
  occasion: 'trajectory' | 'activity' | 'service'
  district: string | null
  month: string
  mode: 'screen' | 'paper'
  mark: number
}

export interface SurveyAnswerTable {
  responseId: number
  questionId: number
  score: number
}

/** A confidential safety signal on a household or a person (migration 0032). */
export interface CareSignalTable {
  id: Generated<number>
  householdId: number | null
  personId: number | null
  signalledOn: string
  kind: string
  /** Party codes, comma separated. */
  discussedWith: Generated<string>
  discussedOther: string | null
  note: string | null
  byAccountId: number | null
  createdAt: string
  updatedAt: string
}

/** A story beside the report's figures, with the day of consent to publish (migration 0032). */
export interface StoryTable {
  id: Generated<number>
  section: string
  about: 'resident' | 'volunteer'
  name: string
  title: string | null
  text: string
  toldOn: string
  consentOn: string
  area: string | null
  createdAt: string
  createdBy: number | null
  updatedAt: string
}

/** A saved column mapping of the spreadsheet import (migration 0036); `mapping` is JSON. */
export interface ImportMappingTable {
  id: Generated<number>
  kind: 'households' | 'people'
  name: string
  mapping: string
  createdAt: string
  updatedAt: string
}

/** An area of the hierarchy municipality > area > district > village (migration 0034). */
export interface AreaTable {
  id: Generated<number>
  name: string
  kind: 'municipality' | 'area' | 'district' | 'village'
  parentId: number | null
  createdAt: string
  updatedAt: string
}

/** A figure a municipality asks for (migration 0034). */
export interface AreaIndicatorTable {
  areaId: number
  figureKey: string
}

/** A figure's target for a subsidy year and area ('' = the whole organisation). */
export interface ReportTargetTable {
  year: number
  area: string
  figureKey: string
  value: number
  updatedAt: string
  updatedBy: number | null
}

/** The story per section, or the explanation of a figure's deviation, per period and area. */
export interface ReportTextTable {
  fromOn: string
  toOn: string
  area: string
  kind: 'narrative' | 'explanation'
  key: string
  text: string
  updatedAt: string
  updatedBy: number | null
}

/** A frozen report as it was sent; never changed (migration 0025's triggers). */
export interface ReportSubmissionTable {
  id: Generated<number>
  fromOn: string
  toOn: string
  area: string
  language: string
  madeAt: string
  madeBy: number | null
  madeByName: string
  appVersion: string
  figuresJson: string
  manifestJson: string
  pdf: Uint8Array
  pdfSha256: string
  figuresSha256: string
}

export interface DB {
  area: AreaTable
  importMapping: ImportMappingTable
  areaIndicator: AreaIndicatorTable
  surveyQuestion: SurveyQuestionTable
  surveyInvite: SurveyInviteTable
  surveyResponse: SurveyResponseTable
  surveyAnswer: SurveyAnswerTable
  careSignal: CareSignalTable
  story: StoryTable
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
  householdYear: HouseholdYearTable
  householdYearItem: HouseholdYearItemTable
  collection: CollectionTable
  collectionNotice: CollectionNoticeTable
  complaintCategory: ComplaintCategoryTable
  complaint: ComplaintTable
  complaintEntry: ComplaintEntryTable
  complaintMeasure: ComplaintMeasureTable
  complaintLetterTemplate: ComplaintLetterTemplateTable
  complaintLetter: ComplaintLetterTable
  volOption: VolOptionTable
  programme: ProgrammeTable
  person: PersonTable
  personOption: PersonOptionTable
  personSlot: PersonSlotTable
  vacancy: VacancyTable
  vacancySlot: VacancySlotTable
  vacancyOption: VacancyOptionTable
  vacancyDemand: VacancyDemandTable
  placement: PlacementTable
  placementSlot: PlacementSlotTable
  personMove: PersonMoveTable
  volunteerHours: VolunteerHoursTable
  volunteerHoursByMonth: VolunteerHoursMonthTable
  personCountByGroup: PersonCountByGroupTable
  keptChange: KeptChangeTable
  keptPersonChange: KeptPersonChangeTable
  measurement: MeasurementTable
  measurementScore: MeasurementScoreTable
  plan: PlanTable
  planGoal: PlanGoalTable
  planReview: PlanReviewTable
  personContact: PersonContactTable
  activity: ActivityTable
  adviceTally: AdviceTallyTable
  reportTarget: ReportTargetTable
  reportText: ReportTextTable
  reportSubmission: ReportSubmissionTable
  reportFiguresKept: ReportFiguresKeptTable
  trainingCourse: TrainingCourseTable
  trainingSession: TrainingSessionTable
  trainingParticipant: TrainingParticipantTable
  trainingExternalMark: TrainingExternalMarkTable
  helpKind: HelpKindTable
  helpRequest: HelpRequestTable
  helpRequestDemand: HelpRequestDemandTable
  helpRequestCourse: HelpRequestCourseTable
  informalCarer: InformalCarerTable
  carerLoad: CarerLoadTable
  carerSupport: CarerSupportTable
}
