import { loginEn, loginNl } from './login-texts'

export { errorsEn, errorsNl } from './login-texts'

/**
 * The texts of the oefenomgeving (workshop mode) and the first run, nl and en: registered with every
 * screen's labels (i18n/index.ts); the login screen's few come with it (login-texts.ts).
 */
export const nl = {
  ...loginNl,
  reset: 'Demo terugzetten',
  sheet: 'Inlogblad afdrukken',
  switch: {
    openTitle: 'Oefenomgeving openen',
    leaveTitle: 'Terug naar de echte gegevens',
    openText:
      'Log in met uw echte gebruikersnaam en wachtwoord (beheerder of coördinator). Iedereen die nu is ingelogd, wordt uitgelogd; de echte gegevens gaan dicht tot iemand terugwisselt.',
    leaveText:
      'Alleen een beheerder of coördinator van de echte gegevens kan terug. De inloggegevens van de oefenomgeving werken hier niet.',
    submitOpen: 'Openen',
    submitLeave: 'Terug en inloggen',
    cancel: 'Annuleren',
  },
  resetConfirm: {
    title: 'Demo terugzetten?',
    text: 'Alles wat in de oefenomgeving is veranderd, gaat weg. De oefenomgeving krijgt weer dezelfde verzonnen gegevens, met de data rond vandaag. Iedereen wordt uitgelogd.',
    confirm: 'Terugzetten',
    cancel: 'Annuleren',
  },
  preparing: {
    title: 'Oefenomgeving klaarzetten',
    text: 'De verzonnen gegevens worden gemaakt. Dat duurt ongeveer een minuut.',
    progress: 'Stap {{done}} van {{total}}',
  },
  logins: {
    title: 'Inloggen in de oefenomgeving',
    role: 'Rol',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
  },
  wizard: {
    steps: {
      organisation: 'Organisatie en beheerder',
      recovery: 'Herstelsleutel',
      start: 'Beginnen',
    },
    next: 'Volgende',
    back: 'Vorige',
    recoveryText:
      'Maak nu het blad met de herstelsleutel. Daarmee komt u bij de gegevens als niemand het wachtwoord meer weet.',
    recoveryMake: 'Herstelsleutel maken',
    recoveryDone: 'Het blad met de herstelsleutel is gemaakt en opgeborgen.',
    recoveryLater: 'Later doen',
    startTitle: 'Hoe wilt u beginnen?',
    empty: 'Leeg beginnen',
    emptyHelp: 'Een lege winkel. Op het startscherm staan de eerste stappen.',
    import: 'Importeren uit een spreadsheet',
    importHelp: 'Huishoudens en deelnemers uit Excel of CSV overnemen.',
    demo: 'De oefenomgeving openen',
    demoHelp:
      'Eerst rondkijken met verzonnen gegevens. De echte gegevens blijven leeg en apart; u kunt altijd terug.',
    demoPassword: 'Typ uw wachtwoord nog eens om de oefenomgeving te openen',
  },
}

export const en: typeof nl = {
  ...loginEn,
  reset: 'Reset the demo',
  sheet: 'Print the logins sheet',
  switch: {
    openTitle: 'Open the practice environment',
    leaveTitle: 'Back to the real data',
    openText:
      'Log in with your real username and password (administrator or coordinator). Everyone logged in now is logged out; the real data stays closed until someone switches back.',
    leaveText:
      'Only an administrator or coordinator of the real data can go back. The practice logins do not work here.',
    submitOpen: 'Open',
    submitLeave: 'Go back and log in',
    cancel: 'Cancel',
  },
  resetConfirm: {
    title: 'Reset the demo?',
    text: 'Everything changed in the practice environment is lost. It gets the same invented data again, with dates around today. Everyone is logged out.',
    confirm: 'Reset',
    cancel: 'Cancel',
  },
  preparing: {
    title: 'Preparing the practice environment',
    text: 'The invented data is being made. This takes about a minute.',
    progress: 'Step {{done}} of {{total}}',
  },
  logins: {
    title: 'Logging in to the practice environment',
    role: 'Role',
    username: 'Username',
    password: 'Password',
  },
  wizard: {
    steps: {
      organisation: 'Organisation and administrator',
      recovery: 'Recovery key',
      start: 'Start',
    },
    next: 'Next',
    back: 'Back',
    recoveryText:
      'Make the recovery key sheet now. It opens the data when nobody remembers a password.',
    recoveryMake: 'Make the recovery key',
    recoveryDone: 'The recovery key sheet is made and put away.',
    recoveryLater: 'Do this later',
    startTitle: 'How would you like to start?',
    empty: 'Start empty',
    emptyHelp: 'An empty shop. The start screen lists the first steps.',
    import: 'Import from a spreadsheet',
    importHelp: 'Take over households and people from Excel or CSV.',
    demo: 'Open the practice environment',
    demoHelp:
      'Look around with invented data first. The real data stays empty and apart; you can always go back.',
    demoPassword: 'Type your password again to open the practice environment',
  },
}
