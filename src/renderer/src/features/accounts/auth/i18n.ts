/** Texts of the setup, login, lock and password screens; `en` has the same keys (a test checks). */
export const nl = {
  loading: 'Dichtbij wordt gestart…',
  unreachable: 'Dichtbij kan de gegevens nu niet bereiken.',
  retry: 'Opnieuw proberen',
  setup: {
    title: 'Dichtbij instellen',
    intro:
      'Welkom. Vul de gegevens van uw organisatie in en maak het eerste account aan: dat van de beheerder.',
    noDefaults:
      'Dichtbij heeft geen standaardwachtwoord. Alleen het wachtwoord dat u hier kiest geeft toegang; bewaar het goed. Als beheerder maakt u daarna de accounts voor de anderen aan.',
    organisation: 'Organisatie',
    admin: 'Eerste beheerder',
    submit: 'Instellen en aanmelden',
  },
  fields: {
    orgName: 'Naam van de organisatie',
    address: 'Adres (optioneel)',
    postcode: 'Postcode (optioneel)',
    city: 'Plaats (optioneel)',
    logo: 'Logo (optioneel)',
    logoHelp: 'PNG of JPEG, hoogstens 300 kB',
    logoChoose: 'Kies een bestand',
    logoPreview: 'Voorbeeld van het logo',
    logoRemove: 'Logo verwijderen',
    username: 'Gebruikersnaam',
    usernameHelp:
      '3 tot 40 tekens, zonder spaties: letters zonder accent, cijfers, punt (.), streepje (-) of liggend streepje (_)',
    displayName: 'Naam',
    displayNameHelp: 'Zo ziet iedereen wie er aangemeld is',
    password: 'Wachtwoord',
    passwordRepeat: 'Herhaal het wachtwoord',
    passwordHelp:
      'Minimaal 10 tekens. Veelgebruikte wachtwoorden worden geweigerd; een zinnetje van een paar woorden werkt goed.',
    currentPassword: 'Huidig wachtwoord',
    newPassword: 'Nieuw wachtwoord',
    newPasswordRepeat: 'Herhaal het nieuwe wachtwoord',
  },
  login: {
    title: 'Aanmelden',
    submit: 'Aanmelden',
  },
  lock: {
    title: 'Scherm vergrendeld',
    user: 'In gebruik door {{name}}',
    intro:
      'Voer uw wachtwoord in; u komt terug op dezelfde pagina. Wat nog niet was opgeslagen, moet u opnieuw invullen.',
    soon: 'Het scherm wordt over {{seconds}} seconden vergrendeld. Beweeg de muis of druk op een toets om verder te werken; sla anders eerst op wat u invult.',
    unlock: 'Ontgrendelen',
    wrongPassword: 'Dit wachtwoord klopt niet.',
    someoneElse: 'Iemand anders meldt zich aan',
    someoneElseNote: 'Als u zich aanmeldt, wordt {{name}} afgemeld.',
    back: 'Terug naar ontgrendelen',
  },
  password: {
    title: 'Wachtwoord wijzigen',
    forcedTitle: 'Kies een eigen wachtwoord',
    forcedIntro:
      'De beheerder heeft een wachtwoord voor u ingesteld. Kies nu een eigen wachtwoord dat alleen u kent; daarna gaat u verder.',
    submit: 'Wachtwoord wijzigen',
    changed: 'Uw wachtwoord is gewijzigd.',
  },
  header: {
    lock: 'Vergrendelen',
    lockHint: 'Scherm vergrendelen (Ctrl+Shift+L)',
    userMenu: 'Menu van {{name}}',
    changePassword: 'Wachtwoord wijzigen',
    logout: 'Afmelden',
  },
  noAccess: {
    title: 'Geen toegang',
    text: 'Deze pagina is niet beschikbaar voor uw rol ({{role}}). Denkt u dat dit niet klopt? Vraag het de beheerder.',
    back: 'Naar Vandaag',
  },
}

export const en: typeof nl = {
  loading: 'Dichtbij is starting…',
  unreachable: 'Dichtbij cannot reach its data right now.',
  retry: 'Try again',
  setup: {
    title: 'Set up Dichtbij',
    intro:
      "Welcome. Fill in your organisation's details and create the first account: the administrator's.",
    noDefaults:
      'Dichtbij has no default password. Only the password you choose here gives access; keep it safe. As administrator you then create the accounts for the others.',
    organisation: 'Organisation',
    admin: 'First administrator',
    submit: 'Set up and log in',
  },
  fields: {
    orgName: 'Name of the organisation',
    address: 'Address (optional)',
    postcode: 'Postcode (optional)',
    city: 'Town (optional)',
    logo: 'Logo (optional)',
    logoHelp: 'PNG or JPEG, at most 300 kB',
    logoChoose: 'Choose a file',
    logoPreview: 'Preview of the logo',
    logoRemove: 'Remove logo',
    username: 'Username',
    usernameHelp:
      '3 to 40 characters, no spaces: letters without accents, digits, dot (.), dash (-) or underscore (_)',
    displayName: 'Name',
    displayNameHelp: 'This is how everyone sees who is logged in',
    password: 'Password',
    passwordRepeat: 'Repeat the password',
    passwordHelp:
      'At least 10 characters. Common passwords are refused; a short sentence of a few words works well.',
    currentPassword: 'Current password',
    newPassword: 'New password',
    newPasswordRepeat: 'Repeat the new password',
  },
  login: {
    title: 'Log in',
    submit: 'Log in',
  },
  lock: {
    title: 'Screen locked',
    user: 'In use by {{name}}',
    intro:
      'Enter your password; you return to the same page. Anything not yet saved must be filled in again.',
    soon: 'The screen locks in {{seconds}} seconds. Move the mouse or press a key to carry on; otherwise save what you are filling in first.',
    unlock: 'Unlock',
    wrongPassword: 'This password is not right.',
    someoneElse: 'Someone else logs in',
    someoneElseNote: 'Logging in logs {{name}} out.',
    back: 'Back to unlocking',
  },
  password: {
    title: 'Change password',
    forcedTitle: 'Choose your own password',
    forcedIntro:
      'The administrator set a password for you. Now choose your own password that only you know; then you carry on.',
    submit: 'Change password',
    changed: 'Your password has been changed.',
  },
  header: {
    lock: 'Lock',
    lockHint: 'Lock the screen (Ctrl+Shift+L)',
    userMenu: 'Menu of {{name}}',
    changePassword: 'Change password',
    logout: 'Log out',
  },
  noAccess: {
    title: 'No access',
    text: 'This page is not available for your role ({{role}}). If you think this is wrong, ask the administrator.',
    back: 'To Today',
  },
}
