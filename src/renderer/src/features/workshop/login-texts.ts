/*
 * The oefenomgeving's texts the login screen shows (its band, and the switch's entry points) and
 * main's refusals for it; the rest come with every screen's labels (i18n.ts, i18n/index.ts).
 */
export const loginNl = {
  band: 'OEFENOMGEVING',
  bandHint: 'Verzonnen gegevens om mee te oefenen. Niets hiervan komt in de echte gegevens.',
  open: 'Oefenomgeving openen',
  leave: 'Terug naar de echte gegevens',
  failed: 'Het klaarzetten van de oefenomgeving is mislukt. Probeer het opnieuw.',
}

export const loginEn: typeof loginNl = {
  band: 'PRACTICE ENVIRONMENT',
  bandHint: 'Invented data to practise with. None of it goes into the real data.',
  open: 'Open the practice environment',
  leave: 'Back to the real data',
  failed: 'Preparing the practice environment failed. Please try again.',
}

/** Refusals main gives for the oefenomgeving, under errors. */
export const errorsNl = {
  workshopLoginFailed:
    'Gebruikersnaam of wachtwoord klopt niet voor de echte gegevens. De inloggegevens van de oefenomgeving werken hier niet.',
  workshopNeedsStaff:
    'Alleen een beheerder of coördinator van de echte gegevens kan wisselen tussen de oefenomgeving en de echte gegevens.',
  workshopPreparing: 'De oefenomgeving wordt klaargezet. Even geduld.',
  workshopAlreadyOpen: 'De oefenomgeving is al open.',
  workshopNotOpen: 'De oefenomgeving is niet open.',
  workshopUnavailable: 'De oefenomgeving is op deze computer niet beschikbaar.',
}

export const errorsEn: typeof errorsNl = {
  workshopLoginFailed:
    'Username or password is wrong for the real data. The practice logins do not work here.',
  workshopNeedsStaff:
    'Only an administrator or coordinator of the real data can switch between the practice environment and the real data.',
  workshopPreparing: 'The practice environment is being prepared. Please wait.',
  workshopAlreadyOpen: 'The practice environment is already open.',
  workshopNotOpen: 'The practice environment is not open.',
  workshopUnavailable: 'The practice environment is not available on this computer.',
}
