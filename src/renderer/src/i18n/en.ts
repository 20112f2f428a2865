import type { Messages } from './nl'

/** English, complete: typed against the Dutch messages so no key is missing. */
export const en: Messages = {
  app: {
    name: 'Dichtbij',
    language: 'Language',
  },
  nav: {
    dashboard: 'Today',
    households: 'Households',
    appointments: 'Appointments',
    callList: 'Call list',
    collections: 'Collections',
    stats: 'Figures',
    partners: 'Social map',
    complaints: 'Complaints',
    activities: 'Activities',
    satisfaction: 'Satisfaction',
    stories: 'Stories',
    reports: 'Subsidy report',
    settings: 'Settings',
    users: 'Users',
    audit: 'Audit log',
    retention: 'Retention',
    backups: 'Backups',
    import: 'Import',
  },
  common: {
    exportList: 'Export',
    exportXlsx: 'As an Excel file (.xlsx)',
    exportCsv: 'As a CSV file (.csv)',
    exportHint: 'The list with its filters as they are now, every row',
    exported_one: '{{rows}} row saved in {{filename}}',
    exported_other: '{{rows}} rows saved in {{filename}}',
    exportProgress: '{{done}} of {{total}} rows',
    save: 'Save',
    showPassword: 'Show or hide the password',
    cancel: 'Cancel',
    close: 'Close',
    search: 'Search',
    loading: 'Loading…',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    add: 'Add',
    remove: 'Remove',
    back: 'Back',
    date: 'Date',
    saved: 'Saved',
    unknown: 'Unknown',
    datePlaceholder: 'dd-mm-yyyy',
    clearDate: 'Clear date',
    print: 'Print',
    printedOn: 'printed on {{date}}',
    discardTitle: 'Stop without saving?',
    discardText: 'What you filled in here will be lost.',
    discardConfirm: 'Stop, do not save',
    discardKeep: 'Keep filling in',
  },
  weekdays: {
    '1': 'Monday',
    '2': 'Tuesday',
    '3': 'Wednesday',
    '4': 'Thursday',
    '5': 'Friday',
    '6': 'Saturday',
    '7': 'Sunday',
  },
  validation: {
    // Complaints (issue 14, C1)
    afterClosing: 'This cannot be after the complaint was closed on {{date}}',
    managerIsSelf: 'Nobody can be their own line manager',
    managerCircle: 'They would become each other’s line manager',
    // The counter's rules and the visit date (helper C)
    searchTooShort: 'Type at least {{min}} letters or digits (accents and spaces do not count)',
    visitTooEarly: 'A visit cannot be before 1-1-2000',
    counterVisitToday:
      "At the counter you register today's visits. A visit on another day is entered by the coordinator.",
    required: 'This field is required',
    backupFileTooLarge: 'A backup file may be at most 300 MB',
    invalidType: 'This value is not right',
    tooShort: 'At least {{min}} characters',
    tooLong: 'At most {{max}} characters',
    tooSmall: 'At least {{min}}',
    tooBig: 'At most {{max}}',
    tooFewItems: 'Choose at least {{min}}',
    tooManyItems: 'At most {{max}}',
    invalidFormat: 'The format is not right',
    invalidOption: 'Choose one of the options',
    unknownOption: 'This choice does not exist (any more)',
    unknownField: 'Unknown field',
    invalid: 'Invalid value',
    date: 'Not a valid date (dd-mm-yyyy)',
    postcode: 'Not a valid postcode (1234 AB)',
    phone: 'Not a valid phone number (10 digits, for example 06-12345678)',
    email: 'Not a valid e-mail address',
    birthYear: 'Not a valid year of birth',
    birthYearFuture: 'This year of birth is in the future',
    birthYearTooEarly: 'A year of birth before 1900 is not possible',
    badCharacters:
      'This holds a character that did not come through properly. Please type the text again.',
    notNegative: 'Enter 0 or more, not a negative number',
    dateTooEarly: 'This date is too long ago (before {{date}})',
    beforeInvited: 'The form cannot have been filled in before it was offered',
    onePerson: 'A trajectory is one person',
    householdOrPerson: 'Choose a household or a participant',
    municipalityOnTop: 'A municipality is at the top and has no area above it',
    parentKind: 'Choose an area above of a higher kind (municipality > area > district > village)',
    childKind: 'There are areas under this one that would no longer be lower',
    notMunicipality: 'Only a municipality chooses its own figures',
    futureDate: 'This date lies in the future',
    futureVisit: 'A visit cannot lie in the future',
    appointmentDate: "The date must be the appointment's date",
    beforeProof: 'Lies before the date of the proof of income',
    periodOrder: 'The end date lies before the start date',
    householdReference: 'Not a household: type its reference (H-00122) or number',
    periodTooLong: 'Choose a period of at most one year',
    templateEmpty: 'Add at least one half-day',
    weekday: 'Choose a weekday',
    duplicate: 'This is already in the list',
    duplicateTemplate: 'This half-day is already in the list',
    duplicateCategory: 'This category is already in the list',
    duplicateTopic: 'This topic is already in the list',
    number: 'Enter a number',
    wholeNumber: 'Enter a whole number',
    marksOverCount: 'More marks than participants from other organisations',
    sinceAfterRegistered: 'This date lies after the registration date',
    requestNotOpen: 'This help request is no longer open',
    notAVolunteer: 'This person cannot be matched (left or anonymised)',
    matchBeforeOpened: 'This date lies before the date of the help request',
    loadTaken: 'A load is already recorded on this date',
    duplicateParticipant: 'This participant is already listed',
    nameTaken: 'This name already exists',
    // The shop's data rules (helper D)
    nameTakenFolded:
      'This name is already in the list as ‘{{name}}’ (only capitals, accents or spaces differ)',
    searchRefine:
      'At the counter you see at most {{max}} households. Type more of the name, or search by postcode, phone number or reference.',
    beyondHorizon:
      'That is too far ahead: half-days and appointments at most {{months}} months ahead, up to and including {{date}}',
    intakeTooEarly: 'An intake cannot be before 1-1-2000',
    proofTooEarly: 'A proof of income before 1-1-2000 is not possible; check the year',
    eligibleTooEarly: 'This date cannot be before 1-1-2000; check the year',
    eligibleTooFar: 'A right does not last that long: at most until {{date}}. Check the year.',
    duplicateReferral: 'This destination is already listed; put the note with the first one',
    passwordTooShort: 'At least 10 characters',
    passwordTooLong: 'At most 200 characters',
    passwordCommon: 'This is a commonly used password; choose another one',
    passwordHasUsername: 'The password must not contain the username',
    passwordRepeat: 'The two passwords are not the same',
    passwordUnchanged: 'The new password is the same as the current one',
    passwordWrong: 'This is not your current password',
    usernameSpaces: 'No spaces in a username; for example anja.devries',
    usernameCharacters:
      'This contains a character that is not allowed: only letters without accents, digits and . - _',
    usernameTooShort: 'Too short: at least 3 characters',
    usernameTooLong: 'Too long: at most 40 characters',
    usernameTaken: 'This username already exists',
    logoTooLarge: 'The logo is too large (at most 300 kB)',
    logoFormat: 'Choose a PNG or JPEG image',
    logoDamaged:
      'This image is damaged or cannot be printed. Save the logo again as an ordinary PNG or JPEG and choose it once more.',
    // Backups and restore (features/backup)
    backupName: 'Not a valid backup name',
    recoveryKey: 'A recovery key has 30 letters and digits: six groups of five',
    backupSecretWrong:
      'This does not open the backup. Use the password as it was when the backup was made, or the recovery key.',
    folderNotAbsolute: 'Enter a full path, for example D:\\Backups or /media/usb',
    folderNotWritable:
      'Dichtbij cannot write to this folder. Choose another folder, or check that the USB stick is in.',
    // The text lives with the backup screen's own texts.
    folderNotSafe: '$t(backup.folder.notSafe)',
    arrivesTooFar: 'That is too far ahead: at most a year, up to and including {{date}}',
    arrivesAfterLeft: 'The collection left on {{date}}; it cannot arrive later than that',
    toldBeforeCollection: 'The collection was only entered on {{date}}; choose that day or later',
    leftBeforeArrival: 'The collection arrived on {{date}}; it cannot leave before that',
    partnerUnknown: 'This organisation is not (or no longer) on the social map',
  },
  errors: {
    surveyAlreadyOffered:
      'This person was offered the questionnaire already and has not filled it in yet. Fill that one in first.',
    areaHasChildren: 'Other areas lie under this area. Remove or move those first.',
    surveyComplete: 'Every form handed out for this questionnaire has been entered already.',
    surveyAnswered: 'This questionnaire has been (partly) filled in and can no longer be removed.',
    matchExcluded: 'This volunteer is excluded for this help request: {{reasons}}',
    // Complaints (issue 14, C1)
    complaintAboutYou:
      'This complaint is about you. You can read it, but not record or change anything in it: a colleague does that.',
    helpRequestInReports:
      'A help request counts in the figures of the periods it ran in. Removing it would change them: anonymise it instead.',
    complaintInReports:
      'A complaint counts in the annual complaints report of its year. Deleting it would change that report: anonymise the complaint instead.',
    slotOver: 'This half-day ({{date}}) is over: it can no longer be booked.',
    visitSameDayUnconfirmed:
      'This household already has a visit on {{date}} (number: {{count}}). Nothing was saved; first confirm that this is another visit.',
    validation: 'Not everything is filled in correctly. Check the marked fields.',
    notFound: 'Not found. It may have been removed in the meantime.',
    unknownMethod: 'This action does not exist.',
    recoveryKeyMissing: 'There is no recovery key yet. Make one first under Backups.',
    volunteerRightOff:
      'The administrator has turned this off for volunteers. Ask the coordinator, or ask the administrator to turn it on.',
    counterTodayOnly:
      "At the counter you work with today's appointments. Other days, and appointments the family already kept or missed, are the coordinator's.",
    forbidden: 'You do not have access to this action.',
    internal: 'Something went wrong. Try again; if it keeps failing, tell the administrator.',
    locked: 'The screen is locked.',
    duplicates: 'A household that looks like this one already exists.',
    slotFull: 'This half-day is full ({{capacity}} places).',
    alreadyBookedThatDay: 'This household already has an appointment on {{date}}.',
    visitRegistered: 'A visit has already been registered for this appointment.',
    moveNotPlanned: 'Only a planned appointment can be moved.',
    moveSameSlot: 'The appointment is on this half-day already. Choose another half-day.',
    visitExists: 'A visit has already been registered for this appointment.',
    checkInFuture: 'Check-in is possible on the day of the appointment ({{date}}).',
    capacityBelowBooked: '{{booked}} households are already booked; fewer places is not possible.',
    slotHasBookings:
      '{{booked}} households are still booked on this half-day. Cancel or move those appointments first.',
    listNameTaken: 'This name already exists in the list.',
    counterLookupFirst:
      "Look the household up first under Households, or open it from today's appointments.",
    slotOverRemove:
      'This half-day ({{date}}) is over and stays: it belongs to the figures of that period.',
    beyondHorizon:
      'That is too far ahead: appointments at most {{months}} months ahead, up to and including {{date}}.',
    notLoggedIn: 'You are not logged in (any more). Please log in again.',
    partnerNameTaken: 'This organisation is already on the social map.',
    mustChangePassword: 'First choose your own password.',
    loginFailed: 'Username or password is not right.',
    loginWait: 'Too many failed attempts. Try again in {{seconds}} seconds.',
    accountDisabled: 'This account is switched off. Ask the administrator to switch it on again.',
    setupDone: 'Dichtbij has already been set up. Please log in.',
    ownAccount: 'You cannot switch off your own account or give it another role.',
    lastAdmin: 'At least one active administrator must remain.',
    collectionLeft:
      'This collection left on {{date}}. Nobody can be told of it any more, and it cannot leave again.',
    notOnCollectionList:
      "This household is not on the collection's call list: it is inactive or its right to the shop has expired.",
    householdAnonymised: 'This household has been anonymised. Nothing can be added or changed.',
    retentionInReports:
      'This household counts in the figures of past periods (visits, appointments, intakes or safety signals). Deleting it would change those figures: anonymise it instead.',
    // Backups, restore and the encrypted database (features/backup)
    backupTampered: 'The backup was changed after it was made, or belongs to other data.',
    backupDamaged: 'The backup is damaged and cannot be restored.',
    backupOtherData:
      'This backup belongs to other data than the data on this computer. Choose a backup of this data.',
    notABackup: 'This file is not a (complete) Dichtbij backup.',
    backupTooNew:
      'This backup was made with a newer version of Dichtbij. Install the newest version first.',
    backupNotFound: 'This backup is not (or no longer) in the backup folder.',
    // Work in a worker thread (jobs.cancel)
    jobNotFound: 'This work has already finished or stopped.',
    jobNotCancellable: 'This work cannot be stopped halfway.',
    jobCancelled: 'Stopped as you asked. Nothing was changed.',
    workersBusy: 'A lot of work is already waiting in the background. Try again in a few minutes.',
    // A file to save that main no longer holds (used, expired, or the screen was locked)
    downloadGone: 'This file is no longer ready to save. Make it again and save it right away.',
    downloadNotSaved:
      'The file could not be saved there. Choose another place (is the USB stick still plugged in?).',
    // Refusals by the browser bridge itself (scripts/web-server.ts)
    requestTooLarge: 'This is too large to send. A backup file may be at most 300 MB.',
    uploadBusy: 'A backup is already being sent. Wait until it is done, then try again.',
    restoreNeedsLogin: 'Only a logged-in administrator can restore now, under Backups.',
    restoreNeedsAdmin:
      "Only with an administrator's password (or the recovery key) can you restore data here.",
    backupFolderMissing:
      'The backup folder {{folder}} is not there. Is the USB stick plugged in? Plug it in or choose another folder.',
    backupFolderUnusable:
      'Dichtbij cannot use the backup folder {{folder}}: it is not a folder, Dichtbij may not read or write there, or the disk is full. Choose another folder.',
    backupFolderNotSafe: 'The backup folder {{folder}} is not safe. $t(backup.folder.notSafe)',
    workshopBackupRefused:
      'In the practice environment you cannot choose another backup folder or restore a backup. Go back to the real data first.',
    loginFailedClosed:
      'Username or password is not right. If they are, your account may not have a key to the data on this computer yet: first let someone who has logged in here before, for example the administrator, log in, then try again.',
    loginNoKeySlot:
      'Your account has no key to the data on this computer yet (because of the security update). First let someone who has logged in here since the update, for example the administrator, log in; then it works for you too. If nobody can, the administrator can restore the data with the recovery key.',
    databaseDamaged: 'The data on this computer is damaged.',
    databaseTooNew:
      'The data on this computer was made with a newer version of Dichtbij. Install the newest version; this version leaves the data alone.',
    databaseKeyMismatch:
      'The key file (dichtbij-sleutels.json) does not belong to the data in this folder. Put the right key file back, or restore a backup with the recovery key.',
  },
  subjectExport: {
    button: 'Access export',
    menuLabel: {
      household: 'All data of this household (GDPR access request)',
      person: 'All data of this participant (GDPR access request)',
      complaint: 'All data of this complaint and its complainant (GDPR access request)',
    },
    pdf: 'PDF, to print or hand over',
    json: 'JSON, for another program',
    done: '{{filename}} has been made. Making the export is recorded in the audit log.',
  },
  warnings: {
    eligibilityExpiredCounter:
      'Note: the right to use the shop has expired. Ask for a new proof of income (the coordinator records it).',
    bookingLimit:
      'Note: with this appointment {{count}} visits or appointments within {{days}} days (guideline: {{max}}).',
    eligibilityExpired:
      'Note: eligibility for the shop ended on {{until}}. Ask for a new proof of income.',
    eligibilityUnknown: 'Note: no proof of income has been recorded.',
    householdInactive: 'Note: this household is set to inactive.',
    visitLimit: 'Note: {{count}} visits in {{days}} days (guideline: {{max}}).',
    visitSameDay: 'Note: this household already had a visit that day.',
    itemsPerChild_one: 'Note: {{items}} items for {{count}} child (guideline: {{max}} per child).',
    itemsPerChild_other:
      'Note: {{items}} items for {{count}} children (guideline: {{max}} per child).',
  },
}
