/** Texts of the backup, restore and recovery-key screens; `en` has the same keys (a test checks). */
export const nl = {
  title: 'Back-ups en herstel',
  intro:
    'Dichtbij maakt elke dag zelf een back-up in de back-upmap. Maak ook regelmatig een back-up op een USB-stick die u buiten de winkel bewaart: bij brand of diefstal is de computer met de back-upmap ook weg.',
  kinds: {
    daily: 'dagelijks',
    manual: 'handmatig',
    'pre-migration': 'vóór update',
    'pre-restore': 'vóór terugzetten',
    'pre-encryption': 'vóór versleuteling',
  },
  tables: {
    household: 'Huishoudens',
    member: 'Gezinsleden',
    intake: 'Intakes',
    intake_topic: 'Onderwerpen bij intakes',
    intake_referral: 'Doorverwijzingen',
    slot: 'Dagdelen',
    appointment: 'Afspraken',
    visit: 'Bezoeken',
    visit_item: 'Meegenomen artikelen',
    list_item: 'Keuzelijsten',
    account: 'Accounts',
    organisation: 'Organisatie',
    setting: 'Instellingen',
    audit_log: 'Regels in het auditlog',
  },
  folder: {
    title: 'Back-upmap',
    current: 'Back-ups worden bewaard in:',
    default: 'standaardmap',
    chosen: 'zelf gekozen',
    field: 'Andere map',
    help: 'Een volledig pad, bijvoorbeeld D:\\Back-ups\\Dichtbij of /media/usb/dichtbij. Dichtbij controleert of het in de map kan schrijven.',
    submit: 'Map opslaan',
    reset: 'Standaardmap gebruiken',
    saved: 'De back-upmap is opgeslagen.',
    problemTitle: 'De back-upmap is nu niet te gebruiken',
    problemHelp:
      'Sluit de USB-stick aan en kies "Opnieuw kijken", of kies hieronder een andere map.',
    retry: 'Opnieuw kijken',
    lastAutomatic: 'Laatste automatische back-up: {{date}}',
    lastAutomaticFailed: 'De automatische back-up van {{date}} is mislukt: {{problem}}',
    lastAutomaticFailedBare: 'De automatische back-up van {{date}} is mislukt.',
    notSafe:
      'In deze map kunnen ook andere gebruikers van deze computer schrijven, of het is een snelkoppeling naar een andere map. Daar kan iemand een back-up vervangen of Dichtbij een ander bestand laten overschrijven. Kies een map van uw eigen account, bijvoorbeeld op een USB-stick.',
  },
  create: {
    now: 'Nu back-up maken',
    download: 'Back-up maken en downloaden',
    downloadHint:
      'Maakt een back-up in de back-upmap en biedt het bestand aan om op te slaan, bijvoorbeeld op een USB-stick.',
    done: 'Back-up gemaakt: {{date}}',
    fromFile: 'Terugzetten uit bestand',
  },
  list: {
    title: 'Back-ups in de map',
    empty: 'Er staan nog geen back-ups in deze map.',
    createdAt: 'Gemaakt op',
    kind: 'Soort',
    size: 'Grootte',
    version: 'Versie',
    check: 'Controle',
    actions: 'Acties',
    verify: 'Controleren',
    verifyOf: 'Back-up van {{date}} controleren',
    restore: 'Terugzetten',
    restoreOf: 'Back-up van {{date}} terugzetten',
    ok: 'In orde',
    notOk: 'Niet bruikbaar',
    checkedAt: 'gecontroleerd {{at}}',
    notChecked: 'Nog niet gecontroleerd',
  },
  manifest: {
    createdAt: 'Gemaakt op',
    kind: 'Soort back-up',
    appVersion: 'Versie van Dichtbij',
    hash: 'Controlegetal',
    hashHint: 'Controlegetal (SHA-256) van de gegevens: {{hash}}',
    contents: 'Inhoud',
    table: 'Gegevens',
    count: 'Aantal',
  },
  restore: {
    title: 'Back-up terugzetten',
    steps: {
      source: 'Back-up',
      secret: 'Sleutel',
      check: 'Inhoud',
      confirm: 'Bevestigen',
    },
    source: {
      fromList: 'Uit de back-upmap',
      fromFile: 'Bestand kiezen',
      pick: 'Back-up',
      pickPlaceholder: 'Kies een back-up',
      file: 'Back-upbestand',
      fileHelp: 'Een bestand dat eindigt op .dichtbij-backup, bijvoorbeeld van een USB-stick.',
      filePlaceholder: 'Kies een bestand',
      fileUnreadable: 'Dit bestand kan niet worden gelezen.',
      option: '{{date}} ({{kind}})',
    },
    secret: {
      intro:
        'Een back-up gaat alleen open met het wachtwoord van een account zoals het was op het moment van de back-up, of met de herstelsleutel.',
      password: 'Wachtwoord',
      recoveryKey: 'Herstelsleutel',
      recoveryKeyField: 'Herstelsleutel',
      recoveryKeyHelp: 'Zes groepen van vijf letters en cijfers, zoals op het geprinte blad.',
    },
    checkButton: 'Controleren',
    checked: 'De back-up is in orde en gaat open met deze sleutel.',
    next: 'Verder',
    back: 'Terug',
    confirmTitle: 'Wat er gebeurt',
    confirmReplace:
      'Alle gegevens op deze computer worden vervangen door die van de back-up van {{date}}. Wat daarna is ingevoerd, is niet meer te zien.',
    confirmKept:
      'De huidige gegevens worden eerst bewaard als back-up "vóór terugzetten", zodat u dit ongedaan kunt maken.',
    confirmLogout:
      'Iedereen wordt afgemeld en meldt zich opnieuw aan, met het wachtwoord zoals het was op het moment van de back-up.',
    confirmErasures:
      'Wat op deze computer is gewist of geanonimiseerd (bewaartermijnen), of is vastgelegd in een back-up in de back-upmap, wordt na het terugzetten opnieuw gewist. Zet u een oude back-up terug op een andere computer zonder de nieuwere back-ups, dan kunnen mensen terugkomen die na die back-up zijn gewist.',
    otherData:
      'Let op: deze back-up hoort bij andere gegevens dan die nu op deze computer staan (een andere installatie of organisatie). Alles wat nu op deze computer staat, wordt vervangen.',
    otherDataConfirm: 'Ik weet dat ik andere gegevens terugzet',
    confirmNew:
      'Dichtbij zet de gegevens van de back-up van {{date}} op deze computer. Daarna meldt u zich aan met uw wachtwoord zoals het was op het moment van de back-up.',
    submit: 'Terugzetten',
    done: 'De back-up van {{date}} is teruggezet. Meld u opnieuw aan.',
    doneNotice:
      'De back-up is teruggezet. Meld u opnieuw aan met uw wachtwoord zoals het was op het moment van de back-up.',
  },
  recovery: {
    title: 'Herstelsleutel',
    intro:
      'Met de herstelsleutel zet u een back-up terug als niemand het wachtwoord van een beheerder meer weet, of op een nieuwe computer. Zonder wachtwoord en zonder herstelsleutel zijn de gegevens door niemand meer te openen.',
    missing:
      'Er is nog geen herstelsleutel. Maak er een en print hem, anders kan niemand de gegevens terugzetten als de wachtwoorden kwijt zijn.',
    regenerate: 'Nieuwe herstelsleutel maken',
    regenerateTitle: 'Nieuwe herstelsleutel maken?',
    regenerateText:
      'De nieuwe sleutel vervangt de oude, voor de gegevens op deze computer en voor de back-ups in de back-upmap. Back-ups die ergens anders staan (bijvoorbeeld op een USB-stick) gaan alleen open met het oude blad: bewaar dat blad zolang u die back-ups bewaart.',
    regenerateConfirm: 'Nieuwe sleutel maken',
    createTitle: 'Herstelsleutel maken?',
    createText:
      'Dichtbij maakt de herstelsleutel en toont hem één keer, met een blad om te printen. Zorg dat u een printer bij de hand hebt.',
    createConfirm: 'Sleutel maken',
    modalTitle: 'Uw herstelsleutel',
    promptTitle: 'Maak een herstelsleutel',
    promptText:
      'De gegevens van Dichtbij zijn versleuteld. Als niemand het wachtwoord van een beheerder meer weet, of als de computer kapot gaat, komen de gegevens alleen terug met een back-up en de herstelsleutel.',
    promptPrinter:
      'Zorg dat u een printer bij de hand hebt: de sleutel wordt maar één keer getoond.',
    make: 'Herstelsleutel maken',
    later: 'Later',
    keyLabel: 'Herstelsleutel',
    what: 'Met deze sleutel zet u een back-up terug als alle wachtwoorden van beheerders kwijt zijn, of op een nieuwe computer.',
    keepTitle: 'Zo bewaart u hem',
    keepPrint: 'Print het blad en berg het op slot op, apart van de computer en van de back-ups.',
    keepNever:
      'Maak er nooit een foto van, mail of app hem niet en bewaar hem niet op de computer.',
    keepOnce:
      'De sleutel wordt maar één keer getoond. Kwijt? Maak dan bij Back-ups een nieuwe. De oude opent daarna de gegevens en de back-ups in de back-upmap niet meer, maar wel nog back-ups die ergens anders staan (zoals op een USB-stick).',
    download: 'Download PDF om te printen',
    confirm: 'Ik heb de herstelsleutel geprint en veilig opgeborgen',
    done: 'Klaar',
    unconfirmedTitle: 'Is het blad met de herstelsleutel bewaard?',
    unconfirmedText:
      'Er is een herstelsleutel gemaakt, maar niemand heeft bevestigd dat het blad is geprint en opgeborgen. Dichtbij kan de sleutel niet nog eens tonen. Hebt u het blad? Bevestig het dan. Is het er niet? Maak dan een nieuwe herstelsleutel en print die.',
    unconfirmed:
      'Niemand heeft bevestigd dat het blad met de herstelsleutel is geprint en opgeborgen. Zonder dat blad kan niemand de gegevens terugzetten als de wachtwoorden kwijt zijn.',
    confirmStored: 'Ik heb het blad geprint en opgeborgen',
    confirmed: 'Blad met de herstelsleutel bevestigd als opgeborgen op {{date}} door {{name}}.',
    confirmedDone: 'Bevestigd: het blad met de herstelsleutel is opgeborgen.',
  },
  setupRestore: {
    option: 'Gegevens terugzetten uit een back-up (nieuwe computer)',
    optionHelp:
      'Hebt u Dichtbij al op een andere computer gebruikt? Zet dan een back-up terug met de herstelsleutel, in plaats van opnieuw te beginnen.',
  },
  damaged: {
    title: 'De gegevens op deze computer zijn beschadigd',
    text: 'Dichtbij kan de database niet veilig openen. Er is niets gewijzigd. Zet de nieuwste goede back-up terug met de gebruikersnaam en het wachtwoord van een beheerder (zoals het was op het moment van de back-up), of met de herstelsleutel. U typt ze zo opnieuw.',
    lost: 'Alles wat na {{date}} is ingevoerd, gaat verloren.',
    newest: 'Nieuwste goede back-up: {{date}} ({{kind}})',
    restore: 'Deze back-up terugzetten',
    none: 'Er staat geen bruikbare back-up op deze computer.',
    noneWhat:
      'Bel de persoon die de herstelsleutel bewaart en de USB-stick met back-ups. Met de stick en de sleutel zet u de gegevens terug. Zet tot die tijd niets op deze computer, en gooi niets weg.',
    loading: 'Zoeken naar een goede back-up…',
    back: 'Terug naar aanmelden',
  },
}

export const en: typeof nl = {
  title: 'Backups and restore',
  intro:
    'Dichtbij makes a backup in the backup folder every day by itself. Also make a backup on a USB stick regularly and keep it outside the shop: after a fire or theft the computer with the backup folder is gone too.',
  kinds: {
    daily: 'daily',
    manual: 'manual',
    'pre-migration': 'before update',
    'pre-restore': 'before restore',
    'pre-encryption': 'before encryption',
  },
  tables: {
    household: 'Households',
    member: 'Household members',
    intake: 'Intakes',
    intake_topic: 'Intake topics',
    intake_referral: 'Referrals',
    slot: 'Half-days',
    appointment: 'Appointments',
    visit: 'Visits',
    visit_item: 'Items taken',
    list_item: 'Managed lists',
    account: 'Accounts',
    organisation: 'Organisation',
    setting: 'Settings',
    audit_log: 'Audit log lines',
  },
  folder: {
    title: 'Backup folder',
    current: 'Backups are kept in:',
    default: 'default folder',
    chosen: 'chosen',
    field: 'Another folder',
    help: 'A full path, for example D:\\Backups\\Dichtbij or /media/usb/dichtbij. Dichtbij checks that it can write there.',
    submit: 'Save folder',
    reset: 'Use the default folder',
    saved: 'The backup folder has been saved.',
    problemTitle: 'The backup folder cannot be used now',
    problemHelp: 'Plug in the USB stick and choose "Check again", or choose another folder below.',
    retry: 'Check again',
    lastAutomatic: 'Last automatic backup: {{date}}',
    lastAutomaticFailed: 'The automatic backup of {{date}} failed: {{problem}}',
    lastAutomaticFailedBare: 'The automatic backup of {{date}} failed.',
    notSafe:
      'Other users of this computer can also write to this folder, or it is a shortcut (symlink) to another folder. Someone could replace a backup there or make Dichtbij overwrite another file. Choose a folder of your own account, for example on a USB stick.',
  },
  create: {
    now: 'Back up now',
    download: 'Back up and download',
    downloadHint:
      'Makes a backup in the backup folder and offers the file to save, for example on a USB stick.',
    done: 'Backup made: {{date}}',
    fromFile: 'Restore from a file',
  },
  list: {
    title: 'Backups in the folder',
    empty: 'There are no backups in this folder yet.',
    createdAt: 'Made on',
    kind: 'Kind',
    size: 'Size',
    version: 'Version',
    check: 'Check',
    actions: 'Actions',
    verify: 'Check',
    verifyOf: 'Check the backup of {{date}}',
    restore: 'Restore',
    restoreOf: 'Restore the backup of {{date}}',
    ok: 'Fine',
    notOk: 'Not usable',
    checkedAt: 'checked {{at}}',
    notChecked: 'Not checked yet',
  },
  manifest: {
    createdAt: 'Made on',
    kind: 'Kind of backup',
    appVersion: 'Dichtbij version',
    hash: 'Checksum',
    hashHint: 'Checksum (SHA-256) of the data: {{hash}}',
    contents: 'Contents',
    table: 'Data',
    count: 'Number',
  },
  restore: {
    title: 'Restore a backup',
    steps: {
      source: 'Backup',
      secret: 'Key',
      check: 'Contents',
      confirm: 'Confirm',
    },
    source: {
      fromList: 'From the backup folder',
      fromFile: 'Choose a file',
      pick: 'Backup',
      pickPlaceholder: 'Choose a backup',
      file: 'Backup file',
      fileHelp: 'A file ending in .dichtbij-backup, for example from a USB stick.',
      filePlaceholder: 'Choose a file',
      fileUnreadable: 'This file cannot be read.',
      option: '{{date}} ({{kind}})',
    },
    secret: {
      intro:
        "A backup only opens with an account's password as it was when the backup was made, or with the recovery key.",
      password: 'Password',
      recoveryKey: 'Recovery key',
      recoveryKeyField: 'Recovery key',
      recoveryKeyHelp: 'Six groups of five letters and digits, as on the printed sheet.',
    },
    checkButton: 'Check',
    checked: 'The backup is fine and opens with this key.',
    next: 'Next',
    back: 'Back',
    confirmTitle: 'What happens',
    confirmReplace:
      'All data on this computer is replaced by that of the backup of {{date}}. Anything entered after that is no longer there.',
    confirmKept:
      'The current data is first kept as a "before restore" backup, so you can undo this.',
    confirmLogout:
      'Everyone is logged out and logs in again, with the password as it was when the backup was made.',
    confirmErasures:
      'Whatever was erased or anonymised (retention) on this computer, or is recorded in a backup in the backup folder, is erased again after the restore. Restoring an old backup on another computer without the newer backups can bring back people who were erased after that backup.',
    otherData:
      'Note: this backup belongs to other data than the data now on this computer (another installation or organisation). Everything now on this computer will be replaced.',
    otherDataConfirm: 'I know I am restoring other data',
    confirmNew:
      'Dichtbij puts the data of the backup of {{date}} on this computer. Then you log in with your password as it was when the backup was made.',
    submit: 'Restore',
    done: 'The backup of {{date}} has been restored. Please log in again.',
    doneNotice:
      'The backup has been restored. Log in again with your password as it was when the backup was made.',
  },
  recovery: {
    title: 'Recovery key',
    intro:
      "With the recovery key you restore a backup when nobody knows an administrator's password any more, or on a new computer. Without a password and without the recovery key nobody can open the data.",
    missing:
      'There is no recovery key yet. Make one and print it, or nobody can restore the data if the passwords are lost.',
    regenerate: 'Make a new recovery key',
    regenerateTitle: 'Make a new recovery key?',
    regenerateText:
      'The new key replaces the old one, for the data on this computer and for the backups in the backup folder. Backups kept elsewhere (for example on a USB stick) only open with the old sheet: keep that sheet as long as you keep those backups.',
    regenerateConfirm: 'Make a new key',
    createTitle: 'Make the recovery key?',
    createText:
      'Dichtbij makes the recovery key and shows it once, with a sheet to print. Have a printer at hand.',
    createConfirm: 'Make the key',
    modalTitle: 'Your recovery key',
    promptTitle: 'Make a recovery key',
    promptText:
      "Dichtbij's data is encrypted. If nobody knows an administrator's password any more, or the computer breaks, the data only comes back with a backup and the recovery key.",
    promptPrinter: 'Have a printer at hand: the key is shown only once.',
    make: 'Make the recovery key',
    later: 'Later',
    keyLabel: 'Recovery key',
    what: "With this key you restore a backup when all administrators' passwords are lost, or on a new computer.",
    keepTitle: 'How to keep it',
    keepPrint: 'Print the sheet and lock it away, apart from the computer and from the backups.',
    keepNever: 'Never photograph it, never mail or text it and never keep it on the computer.',
    keepOnce:
      'The key is shown only once. Lost it? Make a new one under Backups. The old one then no longer opens the data or the backups in the backup folder, but it still opens backups kept elsewhere (such as on a USB stick).',
    download: 'Download PDF to print',
    confirm: 'I have printed the recovery key and put it away safely',
    done: 'Done',
    unconfirmedTitle: 'Has the recovery key sheet been put away?',
    unconfirmedText:
      'A recovery key was made, but nobody confirmed that its sheet was printed and put away. Dichtbij cannot show the key again. Do you have the sheet? Then confirm it. Is it not there? Then make a new recovery key and print it.',
    unconfirmed:
      'Nobody has confirmed that the recovery key sheet was printed and put away. Without that sheet nobody can restore the data when the passwords are lost.',
    confirmStored: 'I have printed the sheet and put it away',
    confirmed: 'Recovery key sheet confirmed as put away on {{date}} by {{name}}.',
    confirmedDone: 'Confirmed: the recovery key sheet is put away.',
  },
  setupRestore: {
    option: 'Restore data from a backup (new computer)',
    optionHelp:
      'Have you used Dichtbij on another computer? Then restore a backup with the recovery key instead of starting afresh.',
  },
  damaged: {
    title: 'The data on this computer is damaged',
    text: "Dichtbij cannot open the database safely. Nothing has been changed. Restore the newest good backup with an administrator's username and password (as it was when the backup was made), or with the recovery key. You type them again in a moment.",
    lost: 'Everything entered after {{date}} is lost.',
    newest: 'Newest good backup: {{date}} ({{kind}})',
    restore: 'Restore this backup',
    none: 'There is no usable backup on this computer.',
    noneWhat:
      'Call the person who keeps the recovery key and the USB stick with backups. With the stick and the key you restore the data. Until then, do not put anything on this computer and do not throw anything away.',
    loading: 'Looking for a good backup…',
    back: 'Back to logging in',
  },
}
