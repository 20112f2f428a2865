/**
 * The words of matching (issue 13): the score parts, the filters, each explanation sentence the
 * matching methods send as a key with parameters, and the "hoe wij matchen" PDF. Shared, so the
 * screens and main's PDF say the same. Keys with `_one` / `_other` follow i18next's plurals on
 * `count`.
 */

const WEEKDAYS_NL = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag']
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const PARTS_NL = { morning: 'ochtend', afternoon: 'middag', evening: 'avond' }
const PARTS_EN = { morning: 'morning', afternoon: 'afternoon', evening: 'evening' }

/** "maandagochtend" ... "zondagavond": Dutch writes a weekday and its part as one word. */
function halfDayWords(
  days: readonly string[],
  parts: Record<'morning' | 'afternoon' | 'evening', string>,
  join: string,
): Record<string, string> {
  const out: Record<string, string> = {}
  days.forEach((day, i) => {
    for (const [code, word] of Object.entries(parts))
      out[`${i + 1}_${code}`] = `${day}${join}${word}`
  })
  return out
}

export const matchingNl = {
  partNames: {
    skills: 'Vaardigheden',
    interests: 'Interesses',
    learningGoals: 'Leerdoelen',
    availability: 'Dagdelen',
    samePlace: 'Zelfde plaats',
    waiting: 'Wachttijd',
  },
  reasonNames: {
    noSharedHalfDay: 'Geen gemeenschappelijk dagdeel',
    limitation: 'Beperking tegen wat de plek vraagt',
    noPlacesLeft: 'Geen plaats meer vrij',
    doubleBooked: 'Al gekoppeld op dezelfde dagdelen',
    alreadyHere: 'Al gekoppeld aan deze plek',
    personLeft: 'Uitgestroomd',
    vacancyInactive: 'Plek niet actief',
    trainingMissing: 'Vereiste cursus ontbreekt',
    requestNotOpen: 'Hulpvraag staat niet open',
    ownRequest: 'Vraagt zelf om deze hulp',
  },
  /** One sentence per part of a candidate's score. */
  parts: {
    skillsNoneAsked: 'De plek vraagt geen bepaalde vaardigheden; dit deel telt volledig mee.',
    skillsAll_one: 'Heeft de gevraagde vaardigheid: {{names}}.',
    skillsAll_other: 'Heeft alle {{count}} gevraagde vaardigheden: {{names}}.',
    skillsSome: 'Heeft {{matched}} van de {{count}} gevraagde vaardigheden: {{names}}.',
    skillsNone_one: 'Heeft de gevraagde vaardigheid niet.',
    skillsNone_other: 'Heeft geen van de {{count}} gevraagde vaardigheden.',
    interestsNoneListed: 'Bij de plek staan geen interesses.',
    interestsPersonNone: 'Er zijn geen interesses van de deelnemer vastgelegd.',
    interestsNone: 'Geen gedeelde interesses.',
    interestsSome_one: 'Gedeelde interesse: {{names}}.',
    interestsSome_other: '{{count}} gedeelde interesses: {{names}}.',
    goalsPersonNone: 'Er zijn geen leerdoelen van de deelnemer vastgelegd.',
    goalsNotOffered_one: 'De plek biedt het leerdoel van de deelnemer niet.',
    goalsNotOffered_other: 'De plek biedt geen van de {{count}} leerdoelen van de deelnemer.',
    goalsSome: 'De plek biedt {{matched}} van de {{count}} leerdoelen: {{names}}.',
    availability: 'Kan op {{matched}} van de {{count}} dagdelen die de plek vraagt: {{halfDays}}.',
    availabilitySomeTaken:
      'Kan op {{matched}} van de {{count}} dagdelen die de plek vraagt: {{halfDays}}. Al bezet door een andere koppeling: {{taken}}.',
    availabilityNone_one: 'Het dagdeel dat de plek vraagt is niet vrij.',
    availabilityNone_other: 'Geen van de {{count}} dagdelen die de plek vraagt is vrij.',
    samePlaceYes: 'Woont in {{place}}, waar de plek is.',
    samePlaceNo: 'Woont in {{personPlace}}; de plek is in {{vacancyPlace}}.',
    samePlaceUnknown: 'De woonplaats of de plaats van de plek is niet bekend.',
    waitingIntake_one: 'Wacht 1 dag sinds de intake ({{since}}).',
    waitingIntake_other: 'Wacht {{count}} dagen sinds de intake ({{since}}).',
    waitingRegistration_one: 'Nog geen intake; wacht 1 dag sinds de aanmelding ({{since}}).',
    waitingRegistration_other:
      'Nog geen intake; wacht {{count}} dagen sinds de aanmelding ({{since}}).',
  },
  /**
   * The same sentences said of a help request instead of a place (issue 16): a request is matched
   * as a place with one seat, so only the words differ.
   */
  helpParts: {
    skillsNoneAsked: 'De hulpvraag vraagt geen bepaalde vaardigheden; dit deel telt volledig mee.',
    interestsNoneListed: 'Bij de hulpvraag staan geen interesses.',
    goalsNotOffered_one: 'Een hulpvraag biedt het leerdoel van de vrijwilliger niet.',
    goalsNotOffered_other:
      'Een hulpvraag biedt geen van de {{count}} leerdoelen van de vrijwilliger.',
    availability: 'Kan op {{matched}} van de {{count}} dagdelen van de hulpvraag: {{halfDays}}.',
    availabilitySomeTaken:
      'Kan op {{matched}} van de {{count}} dagdelen van de hulpvraag: {{halfDays}}. Al bezet door een andere koppeling: {{taken}}.',
    availabilityNone_one: 'Het dagdeel van de hulpvraag is niet vrij.',
    availabilityNone_other: 'Geen van de {{count}} dagdelen van de hulpvraag is vrij.',
    samePlaceYes: 'Woont in {{place}}, waar de hulp nodig is.',
    samePlaceNo: 'Woont in {{personPlace}}; de hulp is nodig in {{vacancyPlace}}.',
    samePlaceUnknown: 'De woonplaats of de plaats van de hulpvraag is niet bekend.',
  },
  helpReasons: {
    noSharedHalfDay: 'Geen enkel dagdeel gemeenschappelijk met de hulpvraag.',
    limitation: 'Beperking ‘{{limitation}}’ past niet bij wat de hulpvraag vraagt: {{demand}}.',
    doubleBookedRequest: 'Al gekoppeld aan hulpvraag {{reference}} ({{kind}}) op {{halfDays}}.',
  },
  /** One sentence per reason a candidate is left out. */
  reasons: {
    noSharedHalfDay: 'Geen enkel dagdeel gemeenschappelijk met wat de plek vraagt.',
    limitation: 'Beperking ‘{{limitation}}’ past niet bij wat de plek vraagt: {{demand}}.',
    noPlacesLeft: 'Geen plaats meer vrij: {{taken}} van de {{places}} plaatsen zijn bezet.',
    doubleBooked: 'Al gekoppeld aan ‘{{vacancy}}’ op {{halfDays}}.',
    alreadyHere: 'Al gekoppeld aan deze plek (stap: {{step}}).',
    personLeft: 'De deelnemer is uitgestroomd.',
    vacancyInactive: 'De plek staat niet open (niet actief).',
    trainingMissing: 'Heeft de vereiste cursus ‘{{course}}’ niet afgerond.',
    requestNotOpen: 'De hulpvraag staat niet meer open.',
    ownRequest: 'Is zelf degene die om deze hulp vraagt.',
  },
  /** Warnings when proposing, shown before the coordinator confirms. */
  warnings: {
    doubleBooked: 'Let op: {{name}} is op {{halfDays}} al gekoppeld aan ‘{{vacancy}}’.',
    notAvailable: 'Let op: {{name}} heeft {{halfDays}} niet als beschikbaar opgegeven.',
  },
  /** What a place asks, as a limitation's reason names it. */
  demands: {
    lifting: 'tillen',
    standing: 'lang staan',
    evening: 'werken in de avond',
    public_transport: 'eigen vervoer (niet met het openbaar vervoer te bereiken)',
    walking: 'veel lopen',
    screen_work: 'beeldschermwerk',
    customer_contact: 'klantcontact',
  },
  steps: {
    proposed: 'Voorgesteld',
    introduction: 'Kennismaking',
    trial: 'Proefperiode',
    placed: 'Geplaatst',
    ended: 'Beëindigd',
    declined: 'Afgewezen',
  },
  halfDays: halfDayWords(WEEKDAYS_NL, PARTS_NL, ''),
  /** The printable "hoe wij matchen" page. */
  pdf: {
    title: 'Hoe wij matchen',
    intro:
      '{{organisation}} zoekt voor iedere deelnemer een passende vrijwilligersplek, één voor één. ' +
      'Dichtbij helpt daarbij: het zet de plekken (of de mensen) op volgorde en legt bij ieder ' +
      'voorstel uit waarom. De app doet een voorstel, de coördinator beslist, samen met de ' +
      'deelnemer en de organisatie waar de plek is.',
    filtersTitle: '1. Wie niet in aanmerking komt',
    filtersIntro:
      'Eerst vallen mensen en plekken af die niet kunnen passen. Wie afvalt, ziet de coördinator ' +
      'toch, met elke reden. De coördinator kan zo iemand toch voorstellen, maar alleen met een ' +
      'geschreven reden; die wordt bewaard bij de koppeling en vastgelegd in het logboek.',
    filters: {
      noSharedHalfDay:
        'Geen gemeenschappelijk dagdeel: de deelnemer kan op geen van de dagdelen (ochtend, ' +
        'middag of avond van een weekdag) die de plek vraagt.',
      limitation:
        'Een beperking tegen wat de plek vraagt: bijvoorbeeld ‘niet tillen’ bij een plek waar ' +
        'getild wordt, of ‘afhankelijk van openbaar vervoer’ bij een plek die alleen met eigen ' +
        'vervoer te bereiken is.',
      noPlacesLeft:
        'Geen plaats meer vrij: alle plaatsen van de plek zijn bezet door koppelingen vanaf de ' +
        'kennismaking.',
      doubleBooked:
        'Dubbel geboekt: de deelnemer is op dezelfde dagdelen al gekoppeld aan een andere plek ' +
        '(voorgesteld, kennismaking, proefperiode of geplaatst).',
      alreadyHere: 'Al gekoppeld aan deze plek.',
      active:
        'Beide kanten actief: wie is uitgestroomd en plekken die niet actief zijn, doen niet mee. ' +
        'Die kunnen ook niet met een reden worden voorgesteld.',
    },
    partsTitle: '2. Hoe de punten worden geteld',
    partsIntro:
      'Wie overblijft krijgt punten voor zes onderdelen. Het gewicht is het hoogste aantal ' +
      'punten van een onderdeel; de beheerder stelt de gewichten in. Hieronder staan de ' +
      'gewichten zoals ze nu zijn ingesteld (samen {{total}} punten).',
    partColumn: 'Onderdeel',
    weightColumn: 'Gewicht',
    ruleColumn: 'Zo telt het',
    rules: {
      skills:
        'Het deel van de vaardigheden die de plek vraagt dat de deelnemer heeft. Vraagt de plek ' +
        'niets bijzonders, dan telt dit deel volledig.',
      interests:
        'Gedeelde interesses, geteld tegen de kortste van de twee lijsten (die van de deelnemer ' +
        'en die van de plek).',
      learningGoals: 'Het deel van de leerdoelen van de deelnemer dat de plek biedt.',
      availability:
        'Het deel van de dagdelen die de plek vraagt waarop de deelnemer kan en nog niet ' +
        'elders is gekoppeld.',
      samePlace:
        'Volledig als de deelnemer in dezelfde plaats woont als waar de plek is, anders niets.',
      waiting:
        'De wachttijd sinds de intake (zonder intake: sinds de aanmelding), naar rato tot ' +
        '{{days}} dagen; vanaf dan volledig. Wie het langst wacht, komt zo hoger.',
    },
    tiesTitle: '3. Gelijke punten',
    ties:
      'Bij gelijke punten komt eerst wie het langst wacht, daarna wie het eerst is ingeschreven ' +
      '(het laagste nummer). Zo geeft dezelfde situatie altijd dezelfde volgorde.',
    missingTitle: '4. Wat ontbreekt',
    missing:
      'Bij ieder voorstel staat wat de plek vraagt en de deelnemer (nog) niet heeft: ' +
      'vaardigheden en dagdelen. Dat kan een leerdoel worden, of een reden om niet te kiezen.',
    decideTitle: '5. Wie beslist',
    decide:
      'De volgorde is een hulpmiddel. De coördinator bespreekt het voorstel met de deelnemer en ' +
      'de organisatie; daarna volgen kennismaking, proefperiode en plaatsing. Iedere stap wordt ' +
      'met datum vastgelegd, en een afwijzing of einde met een reden. Wilt u weten waarom u wel ' +
      'of niet bent voorgesteld? Vraag het de coördinator: bij ieder voorstel staat de uitleg.',
    weightsSetOn: 'De gewichten zoals ze op {{date}} zijn ingesteld.',
    points: '{{points}} punten',
  },
}

export const matchingEn: typeof matchingNl = {
  partNames: {
    skills: 'Skills',
    interests: 'Interests',
    learningGoals: 'Learning goals',
    availability: 'Half-days',
    samePlace: 'Same place',
    waiting: 'Waiting time',
  },
  reasonNames: {
    noSharedHalfDay: 'No shared half-day',
    limitation: 'A limitation against what the place asks',
    noPlacesLeft: 'No place left',
    doubleBooked: 'Already placed on the same half-days',
    alreadyHere: 'Already linked to this place',
    personLeft: 'Left',
    vacancyInactive: 'Place not active',
    trainingMissing: 'Required course missing',
    requestNotOpen: 'Help request not open',
    ownRequest: 'Asks for this help themselves',
  },
  parts: {
    skillsNoneAsked: 'The place asks for no particular skills; this part counts in full.',
    skillsAll_one: 'Has the skill asked for: {{names}}.',
    skillsAll_other: 'Has all {{count}} skills asked for: {{names}}.',
    skillsSome: 'Has {{matched}} of the {{count}} skills asked for: {{names}}.',
    skillsNone_one: 'Does not have the skill asked for.',
    skillsNone_other: 'Has none of the {{count}} skills asked for.',
    interestsNoneListed: 'The place lists no interests.',
    interestsPersonNone: 'No interests of the participant are recorded.',
    interestsNone: 'No shared interests.',
    interestsSome_one: 'Shared interest: {{names}}.',
    interestsSome_other: '{{count}} shared interests: {{names}}.',
    goalsPersonNone: 'No learning goals of the participant are recorded.',
    goalsNotOffered_one: "The place does not offer the participant's learning goal.",
    goalsNotOffered_other: "The place offers none of the participant's {{count}} learning goals.",
    goalsSome: 'The place offers {{matched}} of the {{count}} learning goals: {{names}}.',
    availability:
      'Available on {{matched}} of the {{count}} half-days the place needs: {{halfDays}}.',
    availabilitySomeTaken:
      'Available on {{matched}} of the {{count}} half-days the place needs: {{halfDays}}. Already taken by another placement: {{taken}}.',
    availabilityNone_one: 'The half-day the place needs is not free.',
    availabilityNone_other: 'None of the {{count}} half-days the place needs is free.',
    samePlaceYes: 'Lives in {{place}}, where the place is.',
    samePlaceNo: 'Lives in {{personPlace}}; the place is in {{vacancyPlace}}.',
    samePlaceUnknown: 'The home town or the town of the place is not known.',
    waitingIntake_one: 'Waiting 1 day since the intake ({{since}}).',
    waitingIntake_other: 'Waiting {{count}} days since the intake ({{since}}).',
    waitingRegistration_one: 'No intake yet; waiting 1 day since registration ({{since}}).',
    waitingRegistration_other:
      'No intake yet; waiting {{count}} days since registration ({{since}}).',
  },
  helpParts: {
    skillsNoneAsked: 'The help request asks no particular skills; this part counts in full.',
    interestsNoneListed: 'The help request lists no interests.',
    goalsNotOffered_one: "A help request does not offer the volunteer's learning goal.",
    goalsNotOffered_other:
      "A help request offers none of the volunteer's {{count}} learning goals.",
    availability:
      'Available on {{matched}} of the {{count}} half-days of the help request: {{halfDays}}.',
    availabilitySomeTaken:
      'Available on {{matched}} of the {{count}} half-days of the help request: {{halfDays}}. Already taken by another placement: {{taken}}.',
    availabilityNone_one: 'The half-day of the help request is not free.',
    availabilityNone_other: 'None of the {{count}} half-days of the help request is free.',
    samePlaceYes: 'Lives in {{place}}, where the help is needed.',
    samePlaceNo: 'Lives in {{personPlace}}; the help is needed in {{vacancyPlace}}.',
    samePlaceUnknown: 'The place of residence or the place of the help request is not known.',
  },
  helpReasons: {
    noSharedHalfDay: 'No half-day in common with the help request.',
    limitation: 'Limitation ‘{{limitation}}’ does not fit what the help request asks: {{demand}}.',
    doubleBookedRequest:
      'Already matched to help request {{reference}} ({{kind}}) on {{halfDays}}.',
  },
  reasons: {
    noSharedHalfDay: 'No half-day in common with what the place needs.',
    limitation: 'Limitation ‘{{limitation}}’ does not fit what the place asks: {{demand}}.',
    noPlacesLeft: 'No place left: {{taken}} of the {{places}} places are taken.',
    doubleBooked: 'Already placed at ‘{{vacancy}}’ on {{halfDays}}.',
    alreadyHere: 'Already linked to this place (step: {{step}}).',
    personLeft: 'The participant has left.',
    vacancyInactive: 'The place is not open (not active).',
    trainingMissing: 'Has not completed the required course ‘{{course}}’.',
    requestNotOpen: 'The help request is no longer open.',
    ownRequest: 'Is the one who asks for this help.',
  },
  warnings: {
    doubleBooked: 'Note: {{name}} is already placed at ‘{{vacancy}}’ on {{halfDays}}.',
    notAvailable: 'Note: {{name}} did not give {{halfDays}} as available.',
  },
  demands: {
    lifting: 'lifting',
    standing: 'standing for long',
    evening: 'working in the evening',
    public_transport: 'own transport (not reachable by public transport)',
    walking: 'walking a lot',
    screen_work: 'screen work',
    customer_contact: 'customer contact',
  },
  steps: {
    proposed: 'Proposed',
    introduction: 'Introduction',
    trial: 'Trial',
    placed: 'Placed',
    ended: 'Ended',
    declined: 'Declined',
  },
  halfDays: halfDayWords(WEEKDAYS_EN, PARTS_EN, ' '),
  pdf: {
    title: 'How we match',
    intro:
      '{{organisation}} looks for a fitting volunteer place for each participant, one by one. ' +
      'Dichtbij helps: it puts the places (or the people) in order and explains every proposal. ' +
      'The app proposes, the coordinator decides, together with the participant and the ' +
      'organisation where the place is.',
    filtersTitle: '1. Who is left out',
    filtersIntro:
      'First, people and places that cannot fit are left out. The coordinator still sees them, ' +
      'with every reason. The coordinator may propose such a candidate anyway, but only with a ' +
      'written reason, which is kept with the placement and recorded in the audit log.',
    filters: {
      noSharedHalfDay:
        'No shared half-day: the participant is available on none of the half-days (morning, ' +
        'afternoon or evening of a weekday) the place needs.',
      limitation:
        'A limitation against what the place asks: for instance ‘no lifting’ at a place where ' +
        'lifting is done, or ‘depends on public transport’ at a place only reachable with own ' +
        'transport.',
      noPlacesLeft: 'No place left: all places are taken by placements from the introduction on.',
      doubleBooked:
        'Double booking: the participant is already linked to another place on the same ' +
        'half-days (proposed, introduction, trial or placed).',
      alreadyHere: 'Already linked to this place.',
      active:
        'Both sides active: people who left and places that are not active take no part. They ' +
        'cannot be proposed with a reason either.',
    },
    partsTitle: '2. How the points are counted',
    partsIntro:
      'Whoever is left gets points for six parts. The weight is the most points a part can ' +
      'give; the administrator sets the weights. Below are the weights as they are set now ' +
      '({{total}} points in all).',
    partColumn: 'Part',
    weightColumn: 'Weight',
    ruleColumn: 'How it counts',
    rules: {
      skills:
        'The share of the skills the place asks for that the participant has. A place that asks ' +
        'for nothing in particular counts in full.',
      interests:
        'Shared interests, counted against the shorter of the two lists (the participant’s and ' +
        'the place’s).',
      learningGoals: 'The share of the participant’s learning goals the place offers.',
      availability:
        'The share of the half-days the place needs on which the participant is available and ' +
        'not placed elsewhere.',
      samePlace: 'In full when the participant lives in the town where the place is, else nothing.',
      waiting:
        'The waiting time since the intake (without one: since registration), pro rata up to ' +
        '{{days}} days, in full from then on. Whoever waits longest rises.',
    },
    tiesTitle: '3. Equal points',
    ties:
      'On equal points, whoever waits longest comes first, then whoever registered first (the ' +
      'lowest number). The same situation always gives the same order.',
    missingTitle: '4. What is missing',
    missing:
      'Every proposal lists what the place asks that the participant does not (yet) have: ' +
      'skills and half-days. That may become a learning goal, or a reason not to choose it.',
    decideTitle: '5. Who decides',
    decide:
      'The order is an aid. The coordinator discusses the proposal with the participant and the ' +
      'organisation; then follow introduction, trial and placement. Every step is recorded with ' +
      'its date, and a decline or an end with a reason. Want to know why you were or were not ' +
      'proposed? Ask the coordinator: every proposal comes with its explanation.',
    weightsSetOn: 'The weights as they are set on {{date}}.',
    points: '{{points}} points',
  },
}
