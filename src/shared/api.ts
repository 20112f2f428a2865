import { z } from 'zod'
import {
  callListContactInput,
  callListInput,
  householdCreateInput,
  householdDuplicatesInput,
  householdGetInput,
  householdSearchInput,
  householdUpdateInput,
  intakeCreateInput,
} from './schemas/household'
import {
  appointmentBookInput,
  appointmentMoveInput,
  appointmentSetStatusInput,
  appointmentsByDayInput,
  dashboardInput,
  settingsUpdateInput,
  shopStatsInput,
  shopTotalsInput,
  slotsGenerateInput,
  slotsListInput,
  slotsRemoveInput,
  slotsUpdateInput,
  visitRegisterInput,
  visitRecordConversationInput,
} from './schemas/shop'
import { listsCreateInput, listsListInput, listsUpdateInput } from './schemas/lists'
import {
  collectionCallListInput,
  collectionCreateInput,
  collectionLeaveInput,
  collectionMarkToldInput,
  collectionUpdateInput,
  type Collection,
  type CollectionCallList,
  type NoticeWay,
} from './schemas/collections'
import {
  complaintAddEntryInput,
  complaintAssignInput,
  complaintCategoriesInput,
  complaintCategoryCreateInput,
  complaintCategoryUpdateInput,
  complaintCloseInput,
  complaintCreateInput,
  complaintDecideInput,
  complaintEscalateInput,
  complaintExtendInput,
  complaintGetInput,
  complaintListInput,
  complaintMeasureDoneInput,
  complaintProposeHandlerInput,
  complaintReopenInput,
  complaintSetManagerInput,
  complaintSettingsUpdate,
  type ComplaintAccount,
  type ComplaintCategory,
  type ComplaintDeadlines,
  type ComplaintDetail,
  type ComplaintList,
  type ComplaintMeasure,
  type ComplaintSettings,
} from './schemas/complaints'
import {
  complaintLetterInput,
  complaintLettersInput,
  letterReprintInput,
  letterTemplateGetInput,
  letterTemplateSaveInput,
  type ComplaintLetter,
  type ComplaintLetterResult,
  type LetterTemplate,
  type LetterTemplateDetail,
} from './schemas/complaint-letters'
import { annualReportInput, type AnnualComplaintsReport } from './schemas/complaints-report'
import {
  activitiesListInput,
  activityCreateInput,
  activityRemoveInput,
  activityUpdateInput,
  adviceAddInput,
  type Activity,
  type AdviceTally,
} from './schemas/activities'
import {
  personTrainingsInput,
  trainingCourseSaveInput,
  trainingSessionIdInput,
  trainingSessionSaveInput,
  trainingSessionsInput,
  type PersonTraining,
  type TrainingCourse,
  type TrainingSession,
  type TrainingSessionSummary,
  type TrainingStaff,
} from './schemas/trainings'
import {
  carerGetInput,
  carerListInput,
  carerLoadInput,
  carerSaveInput,
  carerSupportInput,
  helpCandidatesInput,
  helpForPersonInput,
  helpKindSaveInput,
  helpRequestEndInput,
  helpRequestIdInput,
  helpRequestListInput,
  helpRequestMatchInput,
  helpRequestSaveInput,
  type Carer,
  type CarerList,
  type HelpKind,
  type HelpRequest,
  type HelpRequestList,
  type HelpRequestMatches,
  type PersonHelpMatches,
} from './schemas/support'
import {
  freezeInput,
  frozenFileInput,
  frozenInput,
  reportFileInput,
  subsidyExportInput,
  subsidyPdfInput,
  type FrozenReport,
  type SubmissionSummary,
  reportPeriodInput,
  reportCompareInput,
  teamDashboardInput,
  type ReportComparison,
  type TeamDashboard,
  reportSettingsInput,
  saveExplanationInput,
  saveNarrativeInput,
  setTargetsInput,
  type ReportSettings,
  type SubsidyReport,
} from './schemas/reports'
import {
  partnersCreateInput,
  partnersListInput,
  partnersUpdateInput,
  type Partner,
} from './schemas/partners'
import {
  careSignalIdInput,
  careSignalListInput,
  careSignalSaveInput,
  storyIdInput,
  storyListInput,
  storySaveInput,
  surveyAnswerInput,
  surveyInviteIdInput,
  surveyInviteInput,
  surveyInvitesInput,
  surveyQuestionSaveInput,
  type CareSignal,
  type Story,
  type SurveyInvite,
  type SurveyInviteList,
  type SurveyQuestion,
} from './schemas/outcomes'
import { areaIdInput, areaIndicatorsInput, areaSaveInput, type Area } from './schemas/areas'
import { auditExportInput, auditListInput, auditVerifyInput } from './schemas/audit'
import { exportsListInput } from './schemas/exports'
import {
  changePasswordInput,
  lockInput,
  loginInput,
  organisationInput,
  sessionInput,
  setupCreateInput,
  unlockInput,
  userCreateInput,
  userResetPasswordInput,
  userUpdateInput,
} from './schemas/accounts'
import { subjectExportInput, type DownloadTicket } from './schemas/subjects'
import { computerLanguageInput, type ComputerLanguage } from './schemas/computer'
import {
  backupCreateInput,
  backupFolderInput,
  backupNameInput,
  backupRestoreInput,
  type BackupCheck,
  type BackupItem,
  type BackupList,
  type RecoveryKeyResult,
  type RestoreResult,
} from './schemas/backup'
import {
  retentionDueInput,
  retentionRecordInput,
  retentionTermsUpdate,
  type ErasureResult,
  type RetentionDue,
  type RetentionTerms,
} from './schemas/retention'
import type {
  Appointment,
  Dashboard,
  ShopDay,
  ShopSettings,
  ShopStats,
  ShopTotals,
  Slot,
  Visit,
} from './schemas/shop'
import type { AuditPage, AuditVerifyResult } from './schemas/audit'
import type { Organisation, SessionInfo, SetupStatus, UserAccount, Role } from './schemas/accounts'
import type { RecoveryKeyStatus } from './schemas/backup'
import { globalSearchInput, quickGuideInput, type GlobalSearchResult } from './schemas/search'
import type { FirstSteps, SheetFile, WorkshopStatus } from './schemas/workshop'
import type {
  CallListEntry,
  DuplicateCandidate,
  HouseholdDetail,
  HouseholdSummary,
  Intake,
} from './schemas/household'
import type { ListItem } from './schemas/lists'
import type { Warning } from './schemas/common'
import { jobCancelInput, type JobView } from './schemas/jobs'
import {
  importsCheckInput,
  importsInspectInput,
  importsJobInput,
  importsMappingsDeleteInput,
  importsMappingsListInput,
  importsMappingsSaveInput,
  importsRunInput,
  type ImportInspect,
  type ImportJobView,
  type ImportSavedMapping,
} from './schemas/imports'
import {
  contactLogInput,
  hoursLogInput,
  hoursMonthInput,
  measurementDeleteInput,
  measurementRecordInput,
  measurementSettingsInput,
  measurementUpdateInput,
  personRefInput,
  planUpdateInput,
  volunteersDashboardInput,
  volunteersStatsInput,
  type Contact,
  type HoursLogged,
  type HoursMonth,
  type Measurement,
  type MeasurementSettings,
  type PersonContacts,
  type PersonHours,
  type Plan,
  type VolunteersDashboard,
  type VolunteersStats,
} from './schemas/volunteers-followup'
import {
  howWeMatchInput,
  matchForPersonInput,
  matchForVacancyInput,
  matchWeightsUpdateInput,
  placementAdvanceInput,
  placementCheckInput,
  placementCloseInput,
  placementListInput,
  placementProposeInput,
  type MatchWeights,
  type PersonMatches,
  type Placement,
  type PlacementCheck,
  type PlacementList,
  type PlacementProposed,
  type VacancyMatches,
} from './schemas/volunteers-matching'
import {
  organisationsCreateInput,
  organisationsListInput,
  organisationsSetHostInput,
  organisationsUpdateInput,
  peopleAddMoveInput,
  peopleCreateInput,
  peopleForHouseholdInput,
  peopleFromHouseholdInput,
  peopleGetInput,
  peopleRemoveMoveInput,
  peopleSearchInput,
  peopleSetOutflowInput,
  peopleUpdateInput,
  programmesCreateInput,
  programmesListInput,
  programmesUpdateInput,
  vacanciesCreateInput,
  vacanciesGetInput,
  vacanciesListInput,
  vacanciesUpdateInput,
  volunteerListsCreateInput,
  volunteerListsListInput,
  volunteerListsUpdateInput,
  type HostOrganisation,
  type PeopleSearchResult,
  type Person,
  type PersonListItem,
  type PersonMove,
  type Programme,
  type Vacancy,
  type VacancyList,
  type VolunteerOption,
} from './schemas/volunteers'

/**
 * Who may call a method: the roles that may, or `'public'` for the few calls that must work
 * before anyone is logged in (first-run setup, logging in, asking whether one is).
 */
export type Access = 'public' | readonly Role[]

export interface MethodOptions {
  /** Allowed while the screen is locked (unlock, log out, lock again). */
  whileLocked?: boolean
  /** Allowed before a user has replaced a password an admin set (change it, log out). */
  beforePasswordChange?: boolean
  /**
   * Answered from main's memory, also while a long write holds the database (an import's
   * progress and its cancel): the session is checked with a direct read, not in the queue of
   * database calls, so the answer does not wait for the commit.
   */
  outsideQueue?: boolean
}

/** One method of the API: its input schema, who may call it, and (as a phantom) its result. */
export interface MethodDef<I extends z.ZodType, O> extends MethodOptions {
  input: I
  roles: Access
  /** Never set; carries the result type for the typed client. */
  readonly _output?: O
}

function method<O>() {
  return <I extends z.ZodType>(
    input: I,
    roles: Access,
    options: MethodOptions = {},
  ): MethodDef<I, O> => ({ input, roles, ...options })
}

export const STAFF: readonly Role[] = ['admin', 'coordinator']
export const EVERYONE: readonly Role[] = ['admin', 'coordinator', 'volunteer']
export const ADMIN: readonly Role[] = ['admin']
/** Logged in, whatever the state of the screen: log out, lock, see who one is. */
const ANY_STATE: MethodOptions = { whileLocked: true, beforePasswordChange: true }
const empty = z.object({}).strict()

/**
 * The contract between renderer and main. Method names are `noun.verb`. The router parses every
 * input with the schema here; the renderer's client is typed from it.
 */
export const api = {
  'setup.status': method<SetupStatus>()(empty, 'public'),
  'setup.create': method<SessionInfo>()(setupCreateInput, 'public'),
  'auth.login': method<SessionInfo>()(loginInput, 'public'),
  'auth.session': method<SessionInfo | null>()(sessionInput, 'public'),
  /**
   * Without anyone logged in, and only while nothing is set up (a new computer) or the database
   * failed its check: restore a backup with the recovery key or a password from that backup.
   */
  'setup.restore': method<RestoreResult>()(backupRestoreInput, 'public'),
  /** Only while the database failed its check: the newest backup that passes its own. */
  'setup.damaged': method<{ newestGood: BackupItem | null }>()(empty, 'public'),
  /**
   * The screens' language on this computer (kept in main, not in one browser profile). Public:
   * the login screen shows it, and a choice there is kept too.
   */
  'computer.language': method<ComputerLanguage>()(empty, 'public'),
  'computer.setLanguage': method<ComputerLanguage>()(computerLanguageInput, 'public'),
  /**
   * The oefenomgeving (workshop mode): whether it is open, its logins, progress while its demo
   * data is made. Public: the login screen shows the band and the logins.
   */
  'workshop.status': method<WorkshopStatus>()(empty, 'public'),
  /**
   * Opens the oefenomgeving with the login of an admin or coordinator of the real data (never a
   * demo login): every session ends and the real data is closed.
   */
  'workshop.open': method<WorkshopStatus>()(loginInput, 'public'),
  /** Back to the real data, with the login of its admin or coordinator, who is then logged in. */
  'workshop.leave': method<SessionInfo>()(loginInput, 'public'),
  /** Only inside the oefenomgeving: the same demo data again, dates moved to today. */
  'workshop.reset': method<WorkshopStatus>()(empty, STAFF),
  /** The sheet with the demo logins, for the trainer to print. */
  'workshop.loginsSheet': method<SheetFile>()(empty, STAFF),
  /** A new organisation's first steps (half-days, accounts, first intake), counted in main. */
  'firstSteps.get': method<FirstSteps>()(empty, STAFF),
  'auth.logout': method<{ loggedOut: boolean }>()(empty, EVERYONE, ANY_STATE),
  'auth.lock': method<SessionInfo>()(lockInput, EVERYONE, ANY_STATE),
  'auth.unlock': method<SessionInfo>()(unlockInput, EVERYONE, {
    whileLocked: true,
    beforePasswordChange: true,
  }),
  'auth.changePassword': method<SessionInfo>()(changePasswordInput, EVERYONE, {
    beforePasswordChange: true,
  }),
  'users.list': method<UserAccount[]>()(empty, ADMIN),
  'users.create': method<UserAccount>()(userCreateInput, ADMIN),
  'users.update': method<UserAccount>()(userUpdateInput, ADMIN),
  'users.resetPassword': method<UserAccount>()(userResetPasswordInput, ADMIN),
  'audit.list': method<AuditPage>()(auditListInput, ADMIN),
  'audit.verify': method<AuditVerifyResult>()(auditVerifyInput, ADMIN),
  /** The CSV is written to a file in main and handed out as a ticket (see downloads/). */
  'audit.export': method<DownloadTicket & { count: number }>()(auditExportInput, ADMIN),
  'organisation.get': method<Organisation>()(empty, EVERYONE),
  'organisation.update': method<Organisation>()(organisationInput, ADMIN),
  'households.create': method<{ id: number; reference: string; warnings: Warning[] }>()(
    householdCreateInput,
    STAFF,
  ),
  'households.update': method<{ id: number }>()(householdUpdateInput, STAFF),
  'households.get': method<HouseholdDetail>()(householdGetInput, EVERYONE),
  'households.search': method<{ rows: HouseholdSummary[]; total: number }>()(
    householdSearchInput,
    EVERYONE,
  ),
  'households.duplicates': method<DuplicateCandidate[]>()(householdDuplicatesInput, STAFF),
  'households.districts': method<string[]>()(empty, EVERYONE),
  'households.callList': method<CallListEntry[]>()(callListInput, STAFF),
  'households.callListCsv': method<{ filename: string; csv: string }>()(callListInput, STAFF),
  'households.markContacted': method<{ id: number; householdId: number; date: string }>()(
    callListContactInput,
    STAFF,
  ),
  'intakes.create': method<Intake>()(intakeCreateInput, STAFF),
  // The counter hands the paper form to a new family: no personal data in it.
  'intakes.blankForm': method<DownloadTicket>()(empty, EVERYONE),
  'slots.generate': method<{ created: number; skipped: number }>()(slotsGenerateInput, STAFF),
  'slots.list': method<Slot[]>()(slotsListInput, EVERYONE),
  'slots.update': method<Slot>()(slotsUpdateInput, STAFF),
  'slots.remove': method<{ id: number }>()(slotsRemoveInput, STAFF),
  /** A volunteer books only with the admin's booking switch, for a household it looked up. */
  'appointments.book': method<{ appointment: Appointment; warnings: Warning[] }>()(
    appointmentBookInput,
    EVERYONE,
  ),
  /** Another half-day for a planned appointment; for a volunteer as booking (switch, lookup). */
  'appointments.move': method<{ appointment: Appointment; warnings: Warning[] }>()(
    appointmentMoveInput,
    EVERYONE,
  ),
  'appointments.setStatus': method<{ appointment: Appointment; warnings: Warning[] }>()(
    appointmentSetStatusInput,
    EVERYONE,
  ),
  /** What booking would warn about (eligibility, visits per period), without booking. */
  'appointments.check': method<{ warnings: Warning[] }>()(appointmentBookInput, EVERYONE),
  /** Today's for the counter; other days only for staff (main refuses them to a volunteer). */
  'appointments.byDay': method<Appointment[]>()(appointmentsByDayInput, EVERYONE),
  'visits.register': method<{ visit: Visit; warnings: Warning[] }>()(visitRegisterInput, EVERYONE),
  /** The warnings a visit would give, without saving it, so the form can ask first. */
  'visits.check': method<{ warnings: Warning[]; sameDay: number }>()(visitRegisterInput, EVERYONE),
  /**
   * Add or replace a visit's topics and referrals. A volunteer: only with the admin's switch on,
   * for a visit dated today of a household it may open (main refuses the rest).
   */
  'visits.recordConversation': method<Visit>()(visitRecordConversationInput, EVERYONE),
  'lists.list': method<ListItem[]>()(listsListInput, EVERYONE),
  'lists.create': method<ListItem>()(listsCreateInput, STAFF),
  'lists.update': method<ListItem>()(listsUpdateInput, STAFF),
  /** The "sociale kaart": organisations only, no family's data, so volunteers pick from it. */
  'partners.list': method<Partner[]>()(partnersListInput, EVERYONE),
  'partners.areas': method<string[]>()(empty, EVERYONE),
  'partners.create': method<Partner>()(partnersCreateInput, STAFF),
  'partners.update': method<Partner>()(partnersUpdateInput, STAFF),
  // Collections and who was told of them: the coordinator's, as the call list is.
  'collections.list': method<Collection[]>()(empty, STAFF),
  'collections.create': method<Collection>()(collectionCreateInput, STAFF),
  'collections.update': method<Collection>()(collectionUpdateInput, STAFF),
  'collections.callList': method<CollectionCallList>()(collectionCallListInput, STAFF),
  'collections.markTold': method<{
    id: number
    householdId: number
    date: string
    how: NoticeWay
    by: string
  }>()(collectionMarkToldInput, STAFF),
  'collections.leave': method<Collection>()(collectionLeaveInput, STAFF),
  // Complaints: coordinator and admin only (a volunteer gets FORBIDDEN); every view is audited.
  'complaints.create': method<ComplaintDetail>()(complaintCreateInput, STAFF),
  'complaints.get': method<ComplaintDetail>()(complaintGetInput, STAFF),
  'complaints.list': method<ComplaintList>()(complaintListInput, STAFF),
  'complaints.addEntry': method<ComplaintDetail>()(complaintAddEntryInput, STAFF),
  'complaints.escalate': method<ComplaintDetail>()(complaintEscalateInput, STAFF),
  'complaints.assign': method<ComplaintDetail>()(complaintAssignInput, STAFF),
  'complaints.extend': method<ComplaintDetail>()(complaintExtendInput, STAFF),
  'complaints.decide': method<ComplaintDetail>()(complaintDecideInput, STAFF),
  'complaints.close': method<ComplaintDetail>()(complaintCloseInput, STAFF),
  'complaints.reopen': method<ComplaintDetail>()(complaintReopenInput, STAFF),
  'complaints.measureDone': method<ComplaintMeasure>()(complaintMeasureDoneInput, STAFF),
  'complaints.deadlines': method<ComplaintDeadlines>()(empty, STAFF),
  /** The start screen's count: late and due within 7 days (no names, not logged as a view). */
  'complaints.lateCount': method<{ late: number; soon: number }>()(empty, STAFF),
  'complaints.proposeHandler': method<{ id: number; name: string } | null>()(
    complaintProposeHandlerInput,
    STAFF,
  ),
  'complaints.accounts': method<ComplaintAccount[]>()(empty, STAFF),
  'complaints.setManager': method<ComplaintAccount>()(complaintSetManagerInput, ADMIN),
  'complaints.categories': method<ComplaintCategory[]>()(complaintCategoriesInput, STAFF),
  'complaints.createCategory': method<ComplaintCategory>()(complaintCategoryCreateInput, STAFF),
  'complaints.updateCategory': method<ComplaintCategory>()(complaintCategoryUpdateInput, STAFF),
  'complaints.settings': method<ComplaintSettings>()(empty, STAFF),
  'complaints.updateSettings': method<ComplaintSettings>()(complaintSettingsUpdate, ADMIN),
  // Letters and the annual report (C2). Templates are read by staff and changed by the beheerder:
  // a letter speaks for the organisation, like its profile and settings (ADMIN writes).
  'complaints.templates': method<LetterTemplate[]>()(empty, STAFF),
  'complaints.template': method<LetterTemplateDetail>()(letterTemplateGetInput, STAFF),
  'complaints.saveTemplate': method<LetterTemplateDetail>()(letterTemplateSaveInput, ADMIN),
  'complaints.letter': method<ComplaintLetterResult>()(complaintLetterInput, STAFF),
  'complaints.letters': method<ComplaintLetter[]>()(complaintLettersInput, STAFF),
  'complaints.reprintLetter': method<DownloadTicket>()(letterReprintInput, STAFF),
  'complaints.annualReport': method<AnnualComplaintsReport>()(annualReportInput, STAFF),
  'complaints.annualReportPdf': method<DownloadTicket>()(annualReportInput, STAFF),
  // Volunteers (core): people, host organisations, vacancies and the domain's managed lists.
  // Staff only: a volunteer gets FORBIDDEN. Every view of a person is audited under the person.
  'volunteerLists.list': method<VolunteerOption[]>()(volunteerListsListInput, STAFF),
  'volunteerLists.create': method<VolunteerOption>()(volunteerListsCreateInput, STAFF),
  'volunteerLists.update': method<VolunteerOption>()(volunteerListsUpdateInput, STAFF),
  'programmes.list': method<Programme[]>()(programmesListInput, STAFF),
  'programmes.create': method<Programme>()(programmesCreateInput, STAFF),
  'programmes.update': method<Programme>()(programmesUpdateInput, STAFF),
  'people.create': method<Person>()(peopleCreateInput, STAFF),
  'people.update': method<Person>()(peopleUpdateInput, STAFF),
  'people.get': method<Person>()(peopleGetInput, STAFF),
  'people.search': method<PeopleSearchResult>()(peopleSearchInput, STAFF),
  'people.setOutflow': method<Person>()(peopleSetOutflowInput, STAFF),
  /** Doorstroom: on to another role or place within the organisation. */
  'people.addMove': method<PersonMove>()(peopleAddMoveInput, STAFF),
  'people.removeMove': method<{ ok: true }>()(peopleRemoveMoveInput, STAFF),
  /** "Interesse in vrijwilligerswerk": a registration opened from a shop household. */
  'people.fromHousehold': method<Person>()(peopleFromHouseholdInput, STAFF),
  'people.forHousehold': method<PersonListItem[]>()(peopleForHouseholdInput, STAFF),
  'organisations.list': method<HostOrganisation[]>()(organisationsListInput, STAFF),
  'organisations.create': method<HostOrganisation>()(organisationsCreateInput, STAFF),
  'organisations.update': method<HostOrganisation>()(organisationsUpdateInput, STAFF),
  'organisations.setHost': method<HostOrganisation>()(organisationsSetHostInput, STAFF),
  'vacancies.list': method<VacancyList>()(vacanciesListInput, STAFF),
  'vacancies.get': method<Vacancy>()(vacanciesGetInput, STAFF),
  'vacancies.create': method<Vacancy>()(vacanciesCreateInput, STAFF),
  'vacancies.update': method<Vacancy>()(vacanciesUpdateInput, STAFF),
  // Volunteers' follow-up after matching and their figures: staff only (a volunteer gets
  // FORBIDDEN); every view of a person's follow-up is audited with the person as subject.
  'hours.log': method<HoursLogged>()(hoursLogInput, STAFF),
  'hours.month': method<HoursMonth>()(hoursMonthInput, STAFF),
  'hours.forPerson': method<PersonHours>()(personRefInput, STAFF),
  'measurements.record': method<Measurement>()(measurementRecordInput, STAFF),
  'measurements.update': method<Measurement>()(measurementUpdateInput, STAFF),
  'measurements.delete': method<{ id: number }>()(measurementDeleteInput, STAFF),
  'measurements.list': method<Measurement[]>()(personRefInput, STAFF),
  'measurements.settings': method<MeasurementSettings>()(empty, STAFF),
  'measurements.updateSettings': method<MeasurementSettings>()(measurementSettingsInput, ADMIN),
  'plans.get': method<Plan>()(personRefInput, STAFF),
  'plans.update': method<Plan>()(planUpdateInput, STAFF),
  'contacts.log': method<Contact>()(contactLogInput, STAFF),
  'contacts.list': method<PersonContacts>()(personRefInput, STAFF),
  'volunteers.stats': method<VolunteersStats>()(volunteersStatsInput, STAFF),
  'volunteers.dashboard': method<VolunteersDashboard>()(volunteersDashboardInput, STAFF),
  'settings.get': method<ShopSettings>()(empty, EVERYONE),
  'settings.update': method<ShopSettings>()(settingsUpdateInput, ADMIN),
  'shop.dashboard': method<Dashboard>()(dashboardInput, EVERYONE),
  /** Main's today, for screens that need only the day (the dashboard is 25 kB at ten years). */
  'shop.day': method<ShopDay>()(empty, EVERYONE),
  'shop.stats': method<ShopStats>()(shopStatsInput, STAFF),
  /** Since the start up to a day, and on that day (active families, volunteers working). */
  'shop.totals': method<ShopTotals>()(shopTotalsInput, STAFF),
  // Retention (AVG) is the admin's: erasing cannot be undone.
  'retention.due': method<RetentionDue>()(retentionDueInput, ADMIN),
  'retention.anonymise': method<ErasureResult>()(retentionRecordInput, ADMIN),
  'retention.delete': method<ErasureResult>()(retentionRecordInput, ADMIN),
  'retention.terms': method<RetentionTerms>()(empty, ADMIN),
  'retention.updateTerms': method<RetentionTerms>()(retentionTermsUpdate, ADMIN),
  'subjects.export': method<DownloadTicket>()(subjectExportInput, STAFF),
  'backup.list': method<BackupList>()(empty, ADMIN),
  'backup.create': method<{ backup: BackupItem; file: DownloadTicket | null }>()(
    backupCreateInput,
    ADMIN,
  ),
  'backup.verify': method<BackupCheck>()(backupNameInput, ADMIN),
  'backup.restore': method<RestoreResult>()(backupRestoreInput, ADMIN),
  'backup.setFolder': method<BackupList>()(backupFolderInput, ADMIN),
  'recovery.regenerate': method<RecoveryKeyResult>()(empty, ADMIN),
  /** The admin confirms that the current key's sheet is printed and put away (audited). */
  'recovery.confirm': method<RecoveryKeyStatus>()(empty, ADMIN),
  /** Heavy work running off main's thread for this session (and the app's own, for admins). */
  'jobs.list': method<JobView[]>()(empty, EVERYONE),
  /** Asks one of this session's running jobs to stop; it stops at its next safe point. */
  'jobs.cancel': method<{ id: string }>()(jobCancelInput, EVERYONE),
  // Matching people and volunteer places (issue 13): the app proposes, the coordinator decides.
  'matching.forVacancy': method<VacancyMatches>()(matchForVacancyInput, STAFF),
  'matching.forPerson': method<PersonMatches>()(matchForPersonInput, STAFF),
  'matching.weights': method<MatchWeights>()(empty, STAFF),
  /** The score's weights are the admin's, as every setting. */
  'matching.updateWeights': method<MatchWeights>()(matchWeightsUpdateInput, ADMIN),
  /** The printable "hoe wij matchen" page: filters, parts, current weights; nobody's data. */
  'matching.howWeMatch': method<DownloadTicket>()(howWeMatchInput, STAFF),
  'placements.list': method<PlacementList>()(placementListInput, STAFF),
  /** The filters and warnings a proposal would meet, without proposing. */
  'placements.check': method<PlacementCheck>()(placementCheckInput, STAFF),
  'placements.propose': method<PlacementProposed>()(placementProposeInput, STAFF),
  'placements.advance': method<Placement>()(placementAdvanceInput, STAFF),
  'placements.end': method<Placement>()(placementCloseInput, STAFF),
  'placements.decline': method<Placement>()(placementCloseInput, STAFF),
  // The activities register and the information-and-advice tally (issue 15): staff keep them.
  'exports.list': method<DownloadTicket & { count: number }>()(exportsListInput, STAFF),
  'activities.list': method<Activity[]>()(activitiesListInput, STAFF),
  'activities.create': method<Activity>()(activityCreateInput, STAFF),
  'activities.update': method<Activity>()(activityUpdateInput, STAFF),
  'activities.remove': method<void>()(activityRemoveInput, STAFF),
  'activities.addAdvice': method<void>()(adviceAddInput, STAFF),
  'activities.adviceTally': method<AdviceTally>()(activitiesListInput, STAFF),
  // The trainings register (issue 16): staff keep it; the counter sees none of it.
  'trainings.courses': method<TrainingCourse[]>()(empty, STAFF),
  'trainings.saveCourse': method<TrainingCourse>()(trainingCourseSaveInput, STAFF),
  'trainings.sessions': method<TrainingSessionSummary[]>()(trainingSessionsInput, STAFF),
  'trainings.session': method<TrainingSession>()(trainingSessionIdInput, STAFF),
  'trainings.saveSession': method<TrainingSession>()(trainingSessionSaveInput, STAFF),
  'trainings.removeSession': method<void>()(trainingSessionIdInput, STAFF),
  'trainings.forPerson': method<PersonTraining[]>()(personTrainingsInput, STAFF),
  // Staff to put on a session: active accounts' names only.
  'trainings.staff': method<TrainingStaff[]>()(empty, STAFF),
  // Volunteers for residents (issue 16): help requests and informal carers; staff only.
  'helpRequests.kinds': method<HelpKind[]>()(empty, STAFF),
  'helpRequests.saveKind': method<HelpKind>()(helpKindSaveInput, STAFF),
  'helpRequests.list': method<HelpRequestList>()(helpRequestListInput, STAFF),
  'helpRequests.get': method<HelpRequest>()(helpRequestIdInput, STAFF),
  'helpRequests.save': method<HelpRequest>()(helpRequestSaveInput, STAFF),
  /** Matches an open request to a volunteer (the hard filters are checked again here). */
  'helpRequests.match': method<HelpRequest>()(helpRequestMatchInput, STAFF),
  'helpRequests.end': method<HelpRequest>()(helpRequestEndInput, STAFF),
  /** Volunteers ranked for a request: the volunteers' engine, plus the required courses. */
  'helpRequests.candidates': method<HelpRequestMatches>()(helpCandidatesInput, STAFF),
  /** Open requests ranked for a volunteer. */
  'helpRequests.forPerson': method<PersonHelpMatches>()(helpForPersonInput, STAFF),
  'carers.get': method<Carer | null>()(carerGetInput, STAFF),
  'carers.save': method<Carer>()(carerSaveInput, STAFF),
  'carers.addLoad': method<Carer>()(carerLoadInput, STAFF),
  'carers.addSupport': method<Carer>()(carerSupportInput, STAFF),
  'carers.list': method<CarerList>()(carerListInput, STAFF),
  // Outcome indicators (issue 17). The questionnaire: who was asked is kept, what they answered
  // is stored apart from them (no figure reveals who said what).
  'surveys.questions': method<SurveyQuestion[]>()(empty, STAFF),
  'surveys.saveQuestion': method<SurveyQuestion>()(surveyQuestionSaveInput, STAFF),
  'surveys.invite': method<SurveyInvite>()(surveyInviteInput, STAFF),
  'surveys.invites': method<SurveyInviteList>()(surveyInvitesInput, STAFF),
  /** One filled-in questionnaire of an invitation (on screen or from paper). */
  'surveys.answer': method<SurveyInvite>()(surveyAnswerInput, STAFF),
  'surveys.removeInvite': method<void>()(surveyInviteIdInput, STAFF),
  // Confidential safety signals: coordinators and admins only, never the counter; every view logged.
  'careSignals.list': method<CareSignal[]>()(careSignalListInput, STAFF),
  'careSignals.save': method<CareSignal>()(careSignalSaveInput, STAFF),
  'careSignals.remove': method<void>()(careSignalIdInput, STAFF),
  // Stories beside the report's figures, with the day of consent to publish.
  'stories.list': method<Story[]>()(storyListInput, STAFF),
  'stories.save': method<Story>()(storySaveInput, STAFF),
  'stories.remove': method<void>()(storyIdInput, STAFF),
  // Areas as a hierarchy (municipality > area > district > village): every staff member picks
  // from them; the admin draws them and chooses the figures each municipality asks for.
  'areas.list': method<Area[]>()(empty, STAFF),
  'areas.save': method<Area>()(areaSaveInput, ADMIN),
  'areas.remove': method<void>()(areaIdInput, ADMIN),
  'areas.setIndicators': method<Area>()(areaIndicatorsInput, ADMIN),
  // The municipal subsidy report is the admin's: it speaks for the organisation.
  'reports.subsidy': method<SubsidyReport>()(reportPeriodInput, ADMIN),
  /** Two municipalities, or two years, side by side. */
  'reports.compare': method<ReportComparison>()(reportCompareInput, ADMIN),
  /** The team's figures this year so far (counts only): every coordinator steers by them. */
  'reports.dashboard': method<TeamDashboard>()(teamDashboardInput, STAFF),
  'reports.settings': method<ReportSettings>()(empty, ADMIN),
  'reports.updateSettings': method<ReportSettings>()(reportSettingsInput, ADMIN),
  'reports.setTargets': method<{
    year: number
    area: string | null
    targets: { key: string; value: number }[]
  }>()(setTargetsInput, ADMIN),
  'reports.saveNarrative': method<void>()(saveNarrativeInput, ADMIN),
  'reports.saveExplanation': method<void>()(saveExplanationInput, ADMIN),
  /** The report now as a PDF, the figures as CSV or .xlsx, or all of it in a ZIP. */
  'reports.subsidyFile': method<DownloadTicket>()(reportFileInput, ADMIN),
  'reports.subsidyPdf': method<DownloadTicket>()(subsidyPdfInput, ADMIN),
  'reports.subsidyExport': method<DownloadTicket>()(subsidyExportInput, ADMIN),
  /** "Definitief maken": refused while a deviation from a target is not explained. */
  'reports.freeze': method<SubmissionSummary>()(freezeInput, ADMIN),
  'reports.submissions': method<SubmissionSummary[]>()(empty, ADMIN),
  'reports.frozen': method<FrozenReport>()(frozenInput, ADMIN),
  'reports.frozenFile': method<DownloadTicket>()(frozenFileInput, ADMIN),
  /**
   * Ctrl+K: households, people, vacancies and complaints by name or number, a few of each. Main
   * leaves out what the role may not list elsewhere (the counter gets households, as it looks
   * them up at the counter, and nothing of the volunteers' domain or of complaints).
   */
  'search.global': method<GlobalSearchResult>()(globalSearchInput, EVERYONE),
  /** A printable quick guide (no one's data in it): for a new coordinator or for the counter. */
  'help.quickGuide': method<DownloadTicket>()(quickGuideInput, EVERYONE),
  /**
   * The spreadsheet import (households or people from CSV/.xlsx). `check` and `run` start a job
   * followed with `progress`; `run` writes through `households.create` / `people.create`.
   */
  'imports.inspect': method<ImportInspect>()(importsInspectInput, STAFF),
  'imports.check': method<{ jobId: string }>()(importsCheckInput, STAFF),
  'imports.run': method<{ jobId: string }>()(importsRunInput, STAFF),
  'imports.progress': method<ImportJobView>()(importsJobInput, STAFF, { outsideQueue: true }),
  'imports.cancel': method<ImportJobView>()(importsJobInput, STAFF, { outsideQueue: true }),
  'imports.errorReport': method<DownloadTicket>()(importsJobInput, STAFF),
  'imports.mappings.list': method<ImportSavedMapping[]>()(importsMappingsListInput, STAFF),
  'imports.mappings.save': method<ImportSavedMapping>()(importsMappingsSaveInput, STAFF),
  'imports.mappings.delete': method<{ id: number }>()(importsMappingsDeleteInput, STAFF),
} as const

export type Api = typeof api
export type MethodName = keyof Api
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>
export type MethodParsed<M extends MethodName> = z.output<Api[M]['input']>
export type MethodOutput<M extends MethodName> =
  Api[M] extends MethodDef<z.ZodType, infer O> ? O : never

export const METHOD_NAMES = Object.keys(api) as MethodName[]

/** The one function the preload exposes on `window.api`. */
export interface BridgeApi {
  call(method: string, input: unknown): Promise<unknown>
  /**
   * Saves a download ticket's file where the user picks in main's save dialog; answers in the
   * API's result shape with `{ saved }` (false when the dialog was cancelled).
   */
  save(ticket: string): Promise<unknown>
}
