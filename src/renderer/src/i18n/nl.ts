/** Dutch, the app's first language. Every key here must also be in en.ts (a test checks). */
export const nl = {
  app: {
    name: 'Dichtbij',
    language: 'Taal',
  },
  nav: {
    dashboard: 'Vandaag',
    households: 'Huishoudens',
    appointments: 'Afspraken',
    callList: 'Bellijst',
    collections: 'Collecties',
    stats: 'Cijfers',
    partners: 'Sociale kaart',
    complaints: 'Klachten',
    activities: 'Activiteiten',
    satisfaction: 'Tevredenheid',
    stories: 'Verhalen',
    reports: 'Verantwoording',
    settings: 'Instellingen',
    users: 'Gebruikers',
    audit: 'Auditlog',
    retention: 'Bewaartermijnen',
    backups: 'Back-ups',
    import: 'Importeren',
  },
  common: {
    exportList: 'Exporteren',
    exportXlsx: 'Als Excel-bestand (.xlsx)',
    exportCsv: 'Als CSV-bestand (.csv)',
    exportHint: 'De lijst met de filters zoals ze nu staan, alle regels',
    exported_one: '{{rows}} regel opgeslagen in {{filename}}',
    exported_other: '{{rows}} regels opgeslagen in {{filename}}',
    exportProgress: '{{done}} van {{total}} regels',
    save: 'Opslaan',
    showPassword: 'Wachtwoord tonen of verbergen',
    cancel: 'Annuleren',
    close: 'Sluiten',
    search: 'Zoeken',
    loading: 'Laden…',
    none: 'Geen',
    yes: 'Ja',
    no: 'Nee',
    add: 'Toevoegen',
    remove: 'Verwijderen',
    back: 'Terug',
    date: 'Datum',
    saved: 'Opgeslagen',
    unknown: 'Onbekend',
    datePlaceholder: 'dd-mm-jjjj',
    clearDate: 'Datum wissen',
    print: 'Afdrukken',
    printedOn: 'afgedrukt op {{date}}',
    discardTitle: 'Stoppen zonder op te slaan?',
    discardText: 'Wat u hier heeft ingevuld, is dan weg.',
    discardConfirm: 'Stoppen, niet opslaan',
    discardKeep: 'Verder invullen',
    actions: 'Acties',
  },
  weekdays: {
    '1': 'Maandag',
    '2': 'Dinsdag',
    '3': 'Woensdag',
    '4': 'Donderdag',
    '5': 'Vrijdag',
    '6': 'Zaterdag',
    '7': 'Zondag',
  },
  validation: {
    required: 'Dit veld is verplicht',
    backupFileTooLarge: 'Een back-upbestand mag hoogstens 300 MB zijn',
    invalidType: 'Deze waarde klopt niet',
    tooShort: 'Minimaal {{min}} tekens',
    tooLong: 'Maximaal {{max}} tekens',
    tooSmall: 'Minimaal {{min}}',
    tooBig: 'Maximaal {{max}}',
    tooFewItems: 'Kies er minimaal {{min}}',
    tooManyItems: 'Maximaal {{max}}',
    invalidFormat: 'De vorm klopt niet',
    invalidOption: 'Kies een van de mogelijkheden',
    unknownOption: 'Deze keuze bestaat niet (meer)',
    unknownField: 'Onbekend veld',
    invalid: 'Ongeldige waarde',
    date: 'Geen geldige datum (dd-mm-jjjj)',
    postcode: 'Geen geldige postcode (1234 AB)',
    phone: 'Geen geldig telefoonnummer (10 cijfers, bijvoorbeeld 06-12345678)',
    email: 'Geen geldig e-mailadres',
    badCharacters: 'Hier staat een teken dat niet goed is overgekomen. Typ de tekst opnieuw.',
    notNegative: 'Vul 0 of meer in, geen negatief getal',
    dateTooEarly: 'Deze datum ligt te ver terug (vóór {{date}})',
    futureDate: 'Deze datum ligt in de toekomst',
    periodOrder: 'De einddatum ligt vóór de begindatum',
    duplicate: 'Dit staat er al in',
    number: 'Vul een getal in',
    wholeNumber: 'Vul een heel getal in',
    nameTaken: 'Deze naam bestaat al',
    passwordTooShort: 'Minimaal 10 tekens',
    passwordTooLong: 'Maximaal 200 tekens',
    passwordCommon: 'Dit is een veelgebruikt wachtwoord; kies een ander',
    passwordHasUsername: 'Het wachtwoord mag de gebruikersnaam niet bevatten',
    passwordRepeat: 'De twee wachtwoorden zijn niet gelijk',
    passwordUnchanged: 'Het nieuwe wachtwoord is hetzelfde als het huidige',
    passwordWrong: 'Dit is niet uw huidige wachtwoord',
    usernameSpaces: 'Geen spaties in een gebruikersnaam; bijvoorbeeld anja.devries',
    usernameCharacters:
      'Hierin staat een teken dat niet mag: alleen letters zonder accent, cijfers en . - _',
    usernameTooShort: 'Te kort: minstens 3 tekens',
    usernameTooLong: 'Te lang: hoogstens 40 tekens',
    usernameTaken: 'Deze gebruikersnaam bestaat al',
    logoTooLarge: 'Het logo is te groot (hoogstens 300 kB)',
    logoFormat: 'Kies een PNG- of JPEG-afbeelding',
    logoDamaged:
      'Deze afbeelding is beschadigd of kan niet op papier worden afgedrukt. Sla het logo opnieuw op als gewone PNG of JPEG en kies het nog eens.',
    // Backups and restore (features/backup)
    backupName: 'Geen geldige naam van een back-up',
    recoveryKey: 'Een herstelsleutel heeft 30 letters en cijfers: zes groepen van vijf',
    backupSecretWrong:
      'Hiermee gaat deze back-up niet open. Gebruik het wachtwoord zoals het was op het moment van de back-up, of de herstelsleutel.',
    folderNotAbsolute: 'Vul een volledig pad in, bijvoorbeeld D:\\Back-ups of /media/usb',
    folderNotWritable:
      'Dichtbij kan niet in deze map schrijven. Kies een andere map, of controleer of de USB-stick erin zit.',
    // The text lives with the backup screen's own texts.
    folderNotSafe: '$t(backup.folder.notSafe)',
  },
  errors: {
    validation: 'Niet alles is goed ingevuld. Kijk de gemarkeerde velden na.',
    notFound: 'Niet gevonden. Misschien is het intussen verwijderd.',
    unknownMethod: 'Deze actie bestaat niet.',
    recoveryKeyMissing:
      'Er is nog geen herstelsleutel. Maak er eerst een bij Back-ups (Herstelsleutel maken).',
    forbidden: 'U heeft geen toegang tot deze actie.',
    internal:
      'Er ging iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan aan de beheerder.',
    locked: 'Het scherm is vergrendeld.',
    notLoggedIn: 'U bent niet (meer) aangemeld. Meld u opnieuw aan.',
    mustChangePassword: 'Kies eerst een eigen wachtwoord.',
    loginFailed: 'Gebruikersnaam of wachtwoord klopt niet.',
    loginWait: 'Te veel mislukte pogingen. Probeer het over {{seconds}} seconden opnieuw.',
    accountDisabled: 'Dit account is uitgeschakeld. Vraag de beheerder om het weer aan te zetten.',
    setupDone: 'Dichtbij is al ingesteld. Meld u aan.',
    // Backups, restore and the encrypted database (features/backup)
    backupTampered: 'De back-up is gewijzigd na het maken, of hoort bij andere gegevens.',
    backupDamaged: 'De back-up is beschadigd en kan niet worden teruggezet.',
    backupOtherData:
      'Deze back-up hoort bij andere gegevens dan die op deze computer. Kies een back-up van deze gegevens.',
    notABackup: 'Dit bestand is geen (volledige) back-up van Dichtbij.',
    backupTooNew:
      'Deze back-up is gemaakt met een nieuwere versie van Dichtbij. Installeer eerst de nieuwste versie.',
    backupNotFound: 'Deze back-up staat niet (meer) in de back-upmap.',
    // Work in a worker thread (jobs.cancel)
    jobNotFound: 'Dit werk is al klaar of gestopt.',
    jobNotCancellable: 'Dit werk kan niet tussentijds worden gestopt.',
    jobCancelled: 'Gestopt op uw verzoek. Er is niets veranderd.',
    workersBusy:
      'Er wacht al veel werk op de achtergrond. Probeer het over een paar minuten opnieuw.',
    // A file to save that main no longer holds (used, expired, or the screen was locked)
    downloadGone:
      'Dit bestand is niet meer klaar om op te slaan. Maak het opnieuw en sla het meteen op.',
    downloadNotSaved:
      'Het bestand kon daar niet worden opgeslagen. Kies een andere plek (is de USB-stick nog aangesloten?).',
    // Refusals by the browser bridge itself (scripts/web-server.ts)
    requestTooLarge:
      'Dit is te groot om te versturen. Een back-upbestand mag hoogstens 300 MB zijn.',
    uploadBusy:
      'Er wordt al een back-up verstuurd. Wacht tot die klaar is en probeer het dan opnieuw.',
    restoreNeedsLogin: 'Terugzetten kan nu alleen een aangemelde beheerder, via Back-ups.',
    restoreNeedsAdmin:
      'Alleen met het wachtwoord van een beheerder (of de herstelsleutel) kunt u hier gegevens terugzetten.',
    backupFolderMissing:
      'De back-upmap {{folder}} is er niet. Is de USB-stick aangesloten? Sluit hem aan of kies een andere map.',
    backupFolderUnusable:
      'Dichtbij kan de back-upmap {{folder}} niet gebruiken: het is geen map, Dichtbij mag er niet lezen of schrijven, of de schijf is vol. Kies een andere map.',
    backupFolderNotSafe: 'De back-upmap {{folder}} is niet veilig. $t(backup.folder.notSafe)',
    loginFailedClosed:
      'Gebruikersnaam of wachtwoord klopt niet. Klopt het wel, dan heeft uw account op deze computer misschien nog geen sleutel tot de gegevens: laat dan eerst iemand die zich hier al eerder heeft aangemeld, bijvoorbeeld de beheerder, zich aanmelden en probeer het daarna opnieuw.',
    loginNoKeySlot:
      'Uw account heeft op deze computer nog geen sleutel tot de gegevens (door de beveiligingsupdate). Laat eerst iemand die zich hier sinds de update al heeft aangemeld, bijvoorbeeld de beheerder, zich aanmelden; daarna lukt het ook voor u. Lukt het niemand, dan kan de beheerder de gegevens terugzetten met de herstelsleutel.',
    databaseDamaged: 'De gegevens op deze computer zijn beschadigd.',
    databaseTooNew:
      'De gegevens op deze computer zijn gemaakt met een nieuwere versie van Dichtbij. Installeer de nieuwste versie; deze versie laat de gegevens ongemoeid.',
    databaseKeyMismatch:
      'Het sleutelbestand (dichtbij-sleutels.json) hoort niet bij de gegevens in deze map. Zet het juiste sleutelbestand terug, of zet een back-up terug met de herstelsleutel.',
  },
}

export type Messages = typeof nl
