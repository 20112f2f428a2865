/**
 * The messages main sends for volunteers, matching and placements (errors) and their fields
 * (validation), in Dutch and English. They join the app's `errors` and `validation` texts with
 * the app's chunk (i18n/index.ts), not with the login screen, which never shows them.
 */
export const nl = {
  errors: {
    personAnonymised:
      'Deze persoon is geanonimiseerd. Er kan niets meer aan worden toegevoegd of gewijzigd.',
    partnerNotHostYet:
      '{{name}} staat al op de sociale kaart. Maak die organisatie gastorganisatie in plaats van haar opnieuw in te voeren.',
    ownHostStays: 'De eigen winkel blijft een gastorganisatie: daar werken de eigen vrijwilligers.',
    hostHasVacancies:
      'Deze organisatie heeft nog open vrijwilligersplekken. Zet die eerst op niet actief.',
    retentionPersonInReports:
      'Deze persoon telt mee in de cijfers van eerdere periodes (aanmelding, intake, koppelingen, uren of metingen). Verwijderen zou die cijfers veranderen: anonimiseer in plaats daarvan.',
    placementPersonLeft:
      'Deze deelnemer is uitgestroomd. Zet de deelnemer eerst weer op actief als u een koppeling wilt voorstellen.',
    placementVacancyInactive:
      'Deze plek staat niet open. Zet de plek eerst weer op actief als u er iemand voor wilt voorstellen.',
    placementAlreadyHere: 'Deze deelnemer is al gekoppeld aan deze plek.',
    placementPersonAnonymised:
      'Deze deelnemer is geanonimiseerd. Aan de koppeling kan niets meer worden veranderd.',
    placementEnded: 'Deze koppeling is al beëindigd.',
    placementDeclined: 'Deze koppeling is al afgewezen.',
    placementStepBack: 'Deze koppeling staat al op die stap of verder. Een stap terug kan niet.',
    placementVacancyFull:
      'Alle {{places}} plaatsen van deze plek zijn bezet. Beëindig eerst een andere koppeling, of geef de plek meer plaatsen.',
    placementNotStarted:
      'Deze koppeling is alleen voorgesteld: wijs haar af in plaats van te beëindigen.',
    placementAlreadyPlaced:
      'Deze deelnemer is al geplaatst: beëindig de koppeling in plaats van haar af te wijzen.',
  },
  validation: {
    halfDayNotInVacancy: 'Dit dagdeel vraagt de plek niet',
    overrideReasonRequired:
      'Deze kandidaat valt buiten de filters (zie de redenen). Schrijf op waarom u hem of haar toch voorstelt.',
    beforePreviousStep: 'Dit ligt vóór de vorige stap ({{date}})',
    trialEndsBeforeStart: 'De proefperiode kan niet eindigen vóór ze begint',
    trialTooLong: 'Zo lang duurt een proefperiode niet: hoogstens tot {{date}}',
    onlyWithTrial: 'Een einddatum hoort alleen bij de stap proefperiode',
    weightsAllZero: 'Geef minstens één onderdeel een gewicht boven 0',
    month: 'Geen geldige maand',
    hoursRange: 'Vul 0 tot en met 400 uur in',
    quarterHours: 'Vul hele uren of kwartieren in, bijvoorbeeld 2,25',
    duplicate: 'Dit staat er al in',
    openGoalClosed: 'Een open doel heeft nog geen einddatum',
    nextAfterContact: 'Het volgende contact ligt na dit contact',
    onlyEvaluation: 'Doelen bespreekt u bij een evaluatie',
    futureMonth: 'Deze maand is nog niet begonnen',
    beforeRegistration: 'Dit ligt vóór de aanmelding ({{date}})',
    monthOutsidePlacement:
      'In deze maand liep deze koppeling niet (nog geen proefplaatsing of al beëindigd)',
    domainNotInVersion: 'Dit domein hoort niet bij deze versie van de ZRM',
    ladderOff: 'De participatieladder staat uit; de beheerder zet hem aan bij Instellingen',
    personAnonymised: 'Deze persoon is geanonimiseerd',
    duplicateChoice: 'Deze keuze staat er al in',
    wholeNumber: 'Vul een heel getal in',
    number: 'Vul een getal in',
    tooLargeNumber: 'Dit getal is te groot',
    atLeastOne: 'Vul 1 of meer in',
    intakeBeforeRegistration: 'De intake kan niet vóór de aanmelding liggen',
    volunteerDateTooEarly: 'Een datum vóór 1-1-2000 kan niet; kijk het jaartal na',
    demandOnlyForLimitation: 'Alleen een beperking sluit een eis van een plek uit',
    registeredAfterOutflow: 'De aanmelding kan niet na de uitstroom liggen',
    outflowBeforeRegistration: 'De uitstroom kan niet vóór de aanmelding liggen',
    outflowBeforePlacementStep:
      'Een lopende koppeling heeft een stap op {{date}}: de uitstroom kan niet eerder liggen',
    proposedBeforeRegistration: 'Dit ligt vóór de aanmelding ({{date}})',
    moveBeforeRegistration: 'De doorstroom kan niet vóór de aanmelding liggen',
    notAHost: 'Kies een organisatie die vrijwilligers ontvangt',
    placesBelowTaken: 'Er zijn al {{taken}} plaatsen bezet; minder plaatsen kan niet',
  },
}

export const en: typeof nl = {
  errors: {
    personAnonymised: 'This person has been anonymised. Nothing can be added or changed any more.',
    partnerNotHostYet:
      '{{name}} is already on the social map. Make that organisation a host instead of entering it again.',
    ownHostStays: 'The shop itself stays a host: its own volunteers work there.',
    hostHasVacancies:
      'This organisation still has open volunteer places. Set those inactive first.',
    retentionPersonInReports:
      'This person counts in the figures of past periods (registration, intake, placements, hours or measurements). Deleting would change those figures: anonymise instead.',
    placementPersonLeft:
      'This participant has left. Set them to active again before proposing a placement.',
    placementVacancyInactive:
      'This place is not open. Set it to active again before proposing someone for it.',
    placementAlreadyHere: 'This participant is already linked to this place.',
    placementPersonAnonymised:
      'This participant has been anonymised. The placement can no longer be changed.',
    placementEnded: 'This placement has already ended.',
    placementDeclined: 'This placement has already been declined.',
    placementStepBack:
      'This placement is at that step or further already. A step back is not possible.',
    placementVacancyFull:
      'All {{places}} places of this place are taken. End another placement first, or give the place more places.',
    placementNotStarted: 'This placement is only proposed: decline it rather than ending it.',
    placementAlreadyPlaced:
      'This participant is placed already: end the placement rather than declining it.',
  },
  validation: {
    halfDayNotInVacancy: 'The place does not need this half-day',
    overrideReasonRequired:
      'This candidate fails the filters (see the reasons). Write down why you propose them anyway.',
    beforePreviousStep: 'This is before the previous step ({{date}})',
    trialEndsBeforeStart: 'The trial cannot end before it starts',
    trialTooLong: 'A trial does not last that long: at most until {{date}}',
    onlyWithTrial: 'An end date belongs to the trial step only',
    weightsAllZero: 'Give at least one part a weight above 0',
    month: 'Not a valid month',
    hoursRange: 'Enter 0 to 400 hours',
    quarterHours: 'Enter whole hours or quarters, for example 2.25',
    duplicate: 'This is already in the list',
    openGoalClosed: 'An open goal has no end date yet',
    nextAfterContact: 'The next contact comes after this one',
    onlyEvaluation: 'Goals are reviewed at an evaluation',
    futureMonth: 'This month has not started yet',
    beforeRegistration: 'This is before the registration ({{date}})',
    monthOutsidePlacement:
      'This placement did not run in this month (no trial yet, or already ended)',
    domainNotInVersion: 'This domain is not part of this version of the ZRM',
    ladderOff: 'The participation ladder is off; the admin turns it on in Settings',
    personAnonymised: 'This person has been anonymised',
    duplicateChoice: 'This choice is already in the list',
    wholeNumber: 'Enter a whole number',
    number: 'Enter a number',
    tooLargeNumber: 'This number is too large',
    atLeastOne: 'Enter 1 or more',
    intakeBeforeRegistration: 'The intake cannot be before the registration',
    volunteerDateTooEarly: 'A date before 1-1-2000 is not possible; check the year',
    demandOnlyForLimitation: 'Only a limitation rules out a demand of a place',
    registeredAfterOutflow: 'The registration cannot be after the outflow',
    outflowBeforeRegistration: 'The outflow cannot be before the registration',
    outflowBeforePlacementStep:
      'A running placement has a step on {{date}}: the outflow cannot be earlier',
    proposedBeforeRegistration: 'This is before the registration ({{date}})',
    moveBeforeRegistration: 'The move cannot be before the registration',
    notAHost: 'Choose an organisation that hosts volunteers',
    placesBelowTaken: '{{taken}} places are already taken; fewer places are not possible',
  },
}
