/**
 * The messages main sends for complaints (errors) and their fields (validation), in Dutch and
 * English. They join the app's `errors` and `validation` texts when a complaints screen is read in
 * (texts.ts), so the login screen's bundle goes without them; the few a complaint rule sends to
 * another screen (a complaint kept for its annual report on the retention page, a leidinggevende
 * on the accounts page) stay in the app's own i18n files.
 */
export const nl = {
  errors: {
    letterNoExtension:
      'Er is nog geen verlenging vastgelegd. Leg eerst de verlenging met haar reden vast; daarna kunt u de brief maken.',
    letterNoDecision:
      'Er is nog geen beslissing vastgelegd. Leg eerst de beslissing vast; daarna kunt u de brief maken.',
    letterNoRecipient:
      'Deze brief heeft geen ontvanger: de klager is anoniem en er is niemand bekend over wie geklaagd is.',
    complaintAnonymised: 'Deze klacht is geanonimiseerd en kan niet meer worden gewijzigd.',
    complaintClosed: 'Deze klacht is gesloten op {{date}}. Heropen haar eerst.',
    complaintNotClosed: 'Deze klacht is niet gesloten.',
    alreadyAcknowledged:
      'De ontvangst is al bevestigd op {{date}}. Klopt die datum niet, voeg dan een correctie toe.',
    alreadyDecided: 'Over deze klacht is op {{date}} al besloten.',
    onlyAtCommittee:
      'Hoorzitting en advies horen bij stap 3 (klachtencommissie). Zet de klacht eerst door naar stap 3.',
    notDecidedYet: 'Er is nog geen besluit om over te informeren.',
    cannotCorrectCorrection:
      'Een correctie corrigeert u niet; voeg een nieuwe correctie toe aan de oorspronkelijke stap.',
    stepOnlyUp: 'De klacht is al bij stap {{step}}; een klacht gaat alleen naar een hogere stap.',
    adviceFirst:
      'In stap 3 volgt het besluit op het advies van de klachtencommissie. Leg eerst het advies vast.',
    decideFirst: 'Leg eerst het besluit vast; daarna kan de klacht worden gesloten.',
    extensionOnlyOnce:
      'De termijn is al eens verlengd. Nog een verlenging kan alleen met schriftelijke instemming van de klager.',
    extensionNotAllowed:
      'Verlengen is in de instellingen uitgezet; het kan alleen met schriftelijke instemming van de klager.',
    extensionTooLate:
      'De termijn liep af op {{due}}. Verlengen kan alleen vóór die dag, of met schriftelijke instemming van de klager.',
  },
  validation: {
    unknownPlaceholder:
      'Deze invulvelden kent de brief niet: {{names}}. Kies ze uit de lijst onder het sjabloon.',
    yearTooEarly: 'Kies een jaar vanaf 2000',
    yearTooLate: 'Kies een jaar tot en met 2200',
    dateBeforeReceipt: 'Deze datum kan niet vóór {{date}} liggen',
    beforeDecision: 'Dit kan niet vóór het besluit van {{date}}',
    beforeClosing: 'Heropenen kan niet vóór het sluiten van de klacht op {{date}}',
    afterReopening: 'Het sluiten kan niet na het heropenen van de klacht op {{date}}',
    handlerIsAbout: 'De behandelaar kan niet degene zijn over wie de klacht gaat',
    handlerNotStaff: 'Kies een actieve coördinator of beheerder',
    cannotVoid:
      'Deze stap kan niet ongeldig worden verklaard; voeg een correctie met toelichting toe',
    cannotRedate: 'Van deze stap kan de datum niet worden gecorrigeerd',
    outcomeOnlyForDecision: 'Alleen bij een besluit kan de uitkomst worden gecorrigeerd',
    extensionTooLong:
      'Verlengen kan met hoogstens {{max}} weken (zonder schriftelijke instemming van de klager)',
  },
}

export const en: typeof nl = {
  errors: {
    letterNoExtension:
      'No extension has been recorded yet. Record the extension with its reason first; then you can make the letter.',
    letterNoDecision:
      'No decision has been recorded yet. Record the decision first; then you can make the letter.',
    letterNoRecipient:
      'This letter has no recipient: the complainant is anonymous and nobody complained about is known.',
    complaintAnonymised: 'This complaint has been anonymised and can no longer be changed.',
    complaintClosed: 'This complaint was closed on {{date}}. Reopen it first.',
    complaintNotClosed: 'This complaint is not closed.',
    alreadyAcknowledged:
      'Receipt was already acknowledged on {{date}}. If that date is wrong, add a correction.',
    alreadyDecided: 'This complaint was already decided on {{date}}.',
    onlyAtCommittee:
      'Hearings and advice belong to step 3 (complaints committee). Move the complaint to step 3 first.',
    notDecidedYet: 'There is no decision yet to inform anyone of.',
    cannotCorrectCorrection:
      'A correction is not corrected; add a new correction to the original step.',
    stepOnlyUp:
      'The complaint is already at step {{step}}; a complaint only moves to a higher step.',
    adviceFirst:
      "At step 3 the decision follows the complaints committee's advice. Record the advice first.",
    decideFirst: 'Record the decision first; then the complaint can be closed.',
    extensionOnlyOnce:
      "The term was extended once already. Another extension needs the complainant's written consent.",
    extensionNotAllowed:
      "Extensions are turned off in the settings; one needs the complainant's written consent.",
    extensionTooLate:
      "The term ended on {{due}}. An extension is possible only before that day, or with the complainant's written consent.",
  },
  validation: {
    unknownPlaceholder:
      'The letter does not know these fields: {{names}}. Pick them from the list under the template.',
    yearTooEarly: 'Choose a year from 2000',
    yearTooLate: 'Choose a year up to 2200',
    dateBeforeReceipt: 'This date cannot be before {{date}}',
    beforeDecision: 'This cannot be before the decision of {{date}}',
    beforeClosing: 'Reopening cannot be before the complaint was closed on {{date}}',
    afterReopening: 'Closing cannot be after the complaint was reopened on {{date}}',
    handlerIsAbout: 'The handler cannot be the person the complaint is about',
    handlerNotStaff: 'Choose an active coordinator or administrator',
    cannotVoid: 'This step cannot be declared void; add a correction with an explanation',
    cannotRedate: 'The date of this step cannot be corrected',
    outcomeOnlyForDecision: 'Only a decision can have its outcome corrected',
    extensionTooLong:
      'An extension is at most {{max}} weeks (without the complainant’s written consent)',
  },
}
