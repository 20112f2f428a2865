import type { Bilingual, FigureUnit, ReportSection } from '../../../shared/schemas/reports'

/**
 * How each figure of the subsidy report is counted, in words an admin and a municipality read
 * (the appendix prints them). A definition that changes meaning gets a higher `version`; the
 * report names the version it used, and a frozen report keeps the words it was sent with.
 */
export interface Definition {
  section: ReportSection
  unit: FigureUnit
  version: number
  label: Bilingual
  text: Bilingual
  /** Additive over time: this period's value is the sum of its months' values. */
  additive: boolean
  /** Counted over the whole months of the period only (hours): its target too. */
  wholeMonths: boolean
}

function def(
  section: ReportSection,
  unit: FigureUnit,
  label: Bilingual,
  text: Bilingual,
  options: { version?: number; additive?: boolean; wholeMonths?: boolean } = {},
): Definition {
  return {
    section,
    unit,
    label,
    text,
    version: options.version ?? 1,
    additive: options.additive ?? false,
    wholeMonths: options.wholeMonths ?? false,
  }
}

const AREA_NOTE_NL = 'Een huishouden telt in de wijk die het nu heeft.'
const AREA_NOTE_EN = 'A household counts in the district it has now.'

export const DEFINITIONS = {
  // The shop (seed 001): counted by the shop's own queries (`shop/stats-queries.ts`).
  'shop.householdsReached': def(
    'shop',
    'people',
    { nl: 'Huishoudens bereikt', en: 'Households reached' },
    {
      nl: `Verschillende huishoudens met minstens één bezoek in de periode. ${AREA_NOTE_NL}`,
      en: `Distinct households with at least one visit in the period. ${AREA_NOTE_EN}`,
    },
  ),
  'shop.newHouseholds': def(
    'shop',
    'people',
    { nl: 'Nieuwe huishoudens', en: 'New households' },
    {
      nl: 'Huishoudens waarvan het allereerste bezoek in de periode valt.',
      en: 'Households whose very first visit falls in the period.',
    },
    { additive: true },
  ),
  'shop.visits': def(
    'shop',
    'count',
    { nl: 'Bezoeken', en: 'Visits' },
    {
      nl: 'Geregistreerde bezoeken aan de winkel met een datum in de periode.',
      en: 'Registered visits to the shop dated in the period.',
    },
    { additive: true },
  ),
  'shop.childrenReached': def(
    'shop',
    'people',
    { nl: 'Kinderen bereikt', en: 'Children reached' },
    {
      nl: 'Verschillende gezinsleden die op de datum van een bezoek in de periode 0 tot en met 17 jaar waren (bezoekjaar min geboortejaar).',
      en: 'Distinct household members aged 0 to 17 (visit year minus birth year) at a visit in the period.',
    },
  ),
  'shop.intakes': def(
    'shop',
    'count',
    { nl: 'Intakegesprekken', en: 'Intake conversations' },
    {
      nl: 'Intakegesprekken van de winkel met een datum in de periode.',
      en: "The shop's intake conversations dated in the period.",
    },
    { additive: true },
  ),
  'shop.noShowRate': def(
    'shop',
    'rate',
    { nl: 'Niet verschenen', en: 'No-show rate' },
    {
      nl: 'Afspraken in de periode met de status "niet gekomen", gedeeld door afspraken die "gekomen" of "niet gekomen" zijn.',
      en: 'Appointments in the period marked "no show", divided by those marked "came" or "no show".',
    },
  ),
  'shop.referrals': def(
    'shop',
    'people',
    { nl: 'Verwijzingen', en: 'Referrals' },
    {
      nl: 'Verwijzingen naar een organisatie van de sociale kaart, bij intakes en bij bezoeken in de periode, per bestemming.',
      en: 'Referrals to an organisation of the social map, at intakes and visits in the period, per destination.',
    },
    { additive: true },
  ),
  'shop.topics': def(
    'shop',
    'people',
    { nl: 'Besproken onderwerpen', en: 'Topics discussed' },
    {
      nl: 'Onderwerpen besproken bij intakes en bij bezoeken in de periode, per onderwerp.',
      en: 'Topics discussed at intakes and visits in the period, per topic.',
    },
    { additive: true },
  ),

  // Volunteer work (seed 001, 003): `volunteers/stats-queries.ts`, as `volunteers.stats`.
  'volunteers.registered': def(
    'volunteers',
    'people',
    {
      nl: 'Ingeschreven deelnemers en vrijwilligers',
      en: 'Registered participants and volunteers',
    },
    {
      nl: 'Mensen ingeschreven op of vóór het einde van de periode en niet uitgestroomd vóór het begin ervan.',
      en: 'People registered on or before the end of the period and not gone before its start.',
    },
  ),
  'volunteers.newRegistrations': def(
    'volunteers',
    'people',
    { nl: 'Nieuwe inschrijvingen', en: 'New registrations' },
    { nl: 'Ingeschreven in de periode.', en: 'Registered in the period.' },
    { additive: true },
  ),
  'volunteers.intakes': def(
    'volunteers',
    'people',
    { nl: 'Intakes vrijwilligerswerk', en: 'Volunteer work intakes' },
    { nl: 'Intakes met een datum in de periode.', en: 'Intakes dated in the period.' },
    { additive: true },
  ),
  'volunteers.waitingMedian': def(
    'volunteers',
    'days',
    { nl: 'Wachttijd tot intake (mediaan)', en: 'Waiting time to intake (median)' },
    {
      nl: 'Dagen van inschrijving tot intake, van de intakes in de periode: de middelste waarde.',
      en: 'Days from registration to intake of the intakes in the period: the middle value.',
    },
  ),
  'volunteers.waitingMean': def(
    'volunteers',
    'days',
    { nl: 'Wachttijd tot intake (gemiddeld)', en: 'Waiting time to intake (mean)' },
    {
      nl: 'Dagen van inschrijving tot intake, van de intakes in de periode: het gemiddelde.',
      en: 'Days from registration to intake of the intakes in the period: the mean.',
    },
  ),
  'volunteers.placementsStarted': def(
    'volunteers',
    'count',
    { nl: 'Plaatsingen gestart', en: 'Placements started' },
    {
      nl: 'Plaatsingen die in de periode de stap "geplaatst" bereikten.',
      en: 'Placements that reached the step "placed" in the period.',
    },
    { additive: true },
  ),
  'volunteers.activePlacements': def(
    'volunteers',
    'count',
    { nl: 'Lopende plaatsingen', en: 'Running placements' },
    {
      nl: 'Plaatsingen geplaatst op of vóór het einde van de periode en niet beëindigd vóór het begin ervan.',
      en: 'Placements placed on or before the end of the period and not ended before its start.',
    },
  ),
  'volunteers.outflow': def(
    'volunteers',
    'people',
    { nl: 'Uitstroom', en: 'Outflow' },
    {
      nl: 'Mensen met een uitstroomdatum in de periode, per soort uitstroom.',
      en: 'People with an outflow dated in the period, per kind of outflow.',
    },
    { additive: true },
  ),
  'volunteers.hours': def(
    'volunteers',
    'hours',
    { nl: 'Vrijwilligersuren', en: 'Volunteer hours' },
    {
      nl: 'Uren geregistreerd voor de maanden die helemaal in de periode liggen.',
      en: 'Hours registered for the months lying wholly in the period.',
    },
    { additive: true, wholeMonths: true },
  ),
  'volunteers.fte': def(
    'volunteers',
    'fte',
    { nl: 'Vrijwilligersinzet in fte', en: 'Volunteer effort in FTE' },
    {
      nl: 'Vrijwilligersuren gedeeld door 1.400 uur per jaar, naar rato van de hele maanden in de periode.',
      en: 'Volunteer hours divided by 1,400 hours a year, pro rata for the whole months in the period.',
    },
  ),
  'volunteers.programmes': def(
    'volunteers',
    'people',
    { nl: 'Ingeschreven per programma', en: 'Registered per programme' },
    {
      nl: 'De ingeschrevenen (zie hierboven) per programma waarin ze zitten; "geen programma" voor wie in geen programma zit.',
      en: 'The registered people (see above) per programme they are in; "no programme" for the others.',
    },
  ),
  'volunteers.zrm': def(
    'volunteers',
    'people',
    { nl: 'Zelfredzaamheid (ZRM)', en: 'Self-reliance (ZRM)' },
    {
      nl: 'Per domein: mensen van wie de laatste meting tot het einde van de periode in de periode ligt en die een eerdere meting hebben; gestegen, gelijk gebleven of gedaald tussen de eerste en die laatste meting.',
      en: 'Per domain: people whose latest measurement up to the end of the period lies in it and who have an earlier one; up, the same or down between the first and that latest measurement.',
    },
  ),

  // Help requests, informal carers and trainings (issue 16): `support/stats-queries.ts`.
  'support.carersRegistered': def(
    'support',
    'people',
    { nl: 'Geregistreerde mantelzorgers', en: 'Registered informal carers' },
    {
      nl: 'Mantelzorgers geregistreerd op of vóór het einde van de periode en niet beëindigd vóór het begin ervan. Per wijk: de wijk van de persoon.',
      en: "Informal carers registered on or before the end of the period and not ended before its start. Per district: the person's district.",
    },
  ),
  'support.carersNew': def(
    'support',
    'people',
    { nl: 'Nieuwe mantelzorgers', en: 'New informal carers' },
    {
      nl: 'Mantelzorgers geregistreerd in de periode, naar gender en naar wijk.',
      en: 'Informal carers registered in the period, by gender and by district.',
    },
    { additive: true },
  ),
  'support.loadAtRegistration': def(
    'support',
    'score',
    {
      nl: 'Belasting bij registratie (gemiddelde score 1-5)',
      en: 'Load at registration (mean score 1-5)',
    },
    {
      nl: 'Van de geregistreerde mantelzorgers: het gemiddelde van hun eerste belastingscore (1 licht, 5 overbelast), die bij de registratie.',
      en: 'Of the registered informal carers: the mean of their first load score (1 light, 5 overloaded), the one at registration.',
    },
  ),
  'support.loadNow': def(
    'support',
    'score',
    { nl: 'Belasting nu (gemiddelde score 1-5)', en: 'Load now (mean score 1-5)' },
    {
      nl: 'Van dezelfde mantelzorgers: het gemiddelde van hun laatste belastingscore tot en met het einde van de periode.',
      en: 'Of the same informal carers: the mean of their latest load score up to the end of the period.',
    },
  ),
  'support.loadChange': def(
    'support',
    'people',
    { nl: 'Belasting sinds registratie', en: 'Load since registration' },
    {
      nl: 'Van dezelfde mantelzorgers: hoeveel nu een lagere, gelijke of hogere score hebben dan bij de registratie.',
      en: 'Of the same informal carers: how many now score lower, the same or higher than at registration.',
    },
  ),
  'support.overloaded': def(
    'support',
    'people',
    { nl: 'Overbelaste mantelzorgers', en: 'Overloaded informal carers' },
    {
      nl: 'Van dezelfde mantelzorgers: zij met een laatste score van 4 of 5.',
      en: 'Of the same informal carers: those whose latest score is 4 or 5.',
    },
  ),
  'support.requestsOpened': def(
    'support',
    'count',
    { nl: 'Hulpvragen ontvangen', en: 'Help requests received' },
    {
      nl: 'Hulpvragen met een datum in de periode, per soort hulp. Per wijk: de wijk van de persoon of het huishouden dat vraagt (een aanvrager met alleen naam en contact telt alleen voor de hele organisatie).',
      en: 'Help requests dated in the period, per kind of help. Per district: that of the person or household asking (a requester with only a name and contact counts for the whole organisation only).',
    },
    { additive: true },
  ),
  'support.requestsMatched': def(
    'support',
    'count',
    { nl: 'Hulpvragen gekoppeld', en: 'Help requests matched' },
    {
      nl: 'Hulpvragen die in de periode aan een vrijwilliger gekoppeld zijn, per soort hulp.',
      en: 'Help requests matched to a volunteer in the period, per kind of help.',
    },
    { additive: true },
  ),
  'support.requestsEnded': def(
    'support',
    'count',
    { nl: 'Hulpvragen afgesloten', en: 'Help requests closed' },
    {
      nl: 'Hulpvragen afgesloten in de periode (met of zonder koppeling), per soort hulp.',
      en: 'Help requests closed in the period (matched or not), per kind of help.',
    },
    { additive: true },
  ),
  'support.requestsOpen': def(
    'support',
    'count',
    { nl: 'Hulpvragen open op de laatste dag', en: 'Help requests open on the last day' },
    {
      nl: 'Hulpvragen ontvangen op of vóór de laatste dag van de periode, en op die dag nog niet gekoppeld of afgesloten, per soort hulp.',
      en: 'Help requests received on or before the last day of the period and on that day not yet matched or closed, per kind of help.',
    },
  ),
  'support.daysToMatch': def(
    'support',
    'days',
    { nl: 'Dagen tot koppeling (mediaan)', en: 'Days to a match (median)' },
    {
      nl: 'Dagen van de datum van de hulpvraag tot de koppeling, van de hulpvragen gekoppeld in de periode: de middelste waarde.',
      en: 'Days from the date of the help request to the match, of those matched in the period: the middle value.',
    },
  ),
  'support.trainingSessions': def(
    'support',
    'count',
    { nl: 'Cursusbijeenkomsten', en: 'Course sessions' },
    {
      nl: 'Bijeenkomsten van cursussen met een datum in de periode. Cursussen tellen voor de hele organisatie, ook in een overzicht per wijk.',
      en: 'Course sessions dated in the period. Courses count for the whole organisation, also in a report per district.',
    },
    { additive: true },
  ),
  'support.trained': def(
    'support',
    'people',
    { nl: 'Getraind', en: 'Trained' },
    {
      nl: 'Wie een cursus in de periode afrondde, naar soort deelnemer: mensen uit het register (vrijwilligers en deelnemers) en medewerkers ieder één keer, deelnemers van andere organisaties zoals per bijeenkomst geteld.',
      en: 'Those who completed a course in the period, by kind of participant: people of the register (volunteers and participants) and staff once each, participants from other organisations as counted per session.',
    },
  ),
  'support.meanMark': def(
    'support',
    'mark',
    { nl: 'Waardering cursussen (gemiddeld cijfer)', en: 'Appreciation of courses (mean mark)' },
    {
      nl: 'Het gemiddelde van alle cijfers (1-10) gegeven bij bijeenkomsten in de periode, van benoemde deelnemers en van deelnemers van andere organisaties.',
      en: 'The mean of every mark (1-10) given at sessions in the period, by named participants and by participants from other organisations.',
    },
  ),
  // Outcome indicators (issue 17, the quality themes of seed 002 6.1-6.2): `outcomes/stats-queries.ts`.
  'outcomes.responses': def(
    'outcomes',
    'people',
    { nl: 'Ingevulde tevredenheidsvragenlijsten', en: 'Satisfaction questionnaires completed' },
    {
      nl: 'Vragenlijsten ingevuld (op het scherm of op papier) in de maanden die in de periode beginnen, aan het einde van een individueel traject, na een activiteit of na een dienst. Antwoorden worden los van de persoon bewaard, met alleen de maand.',
      en: 'Questionnaires completed (on screen or on paper) in the months beginning in the period, at the end of an individual trajectory, after an activity or after a service. Answers are kept apart from the person, with the month only.',
    },
    { additive: true },
  ),
  'outcomes.responseRate': def(
    'outcomes',
    'rate',
    { nl: 'Respons', en: 'Response rate' },
    {
      nl: 'Van de vragenlijsten aangeboden in de periode (een persoon aan het einde van het traject, of de formulieren uitgedeeld na een activiteit of dienst): het deel dat is ingevuld.',
      en: 'Of the questionnaires offered in the period (a person at the end of their trajectory, or the forms handed out after an activity or service): the share completed.',
    },
  ),
  'outcomes.meanMark': def(
    'outcomes',
    'mark',
    { nl: 'Tevredenheid (gemiddeld rapportcijfer)', en: 'Satisfaction (mean mark)' },
    {
      nl: 'Het gemiddelde rapportcijfer (1-10) van de ingevulde vragenlijsten; per soort gelegenheid alleen vanaf 5 antwoorden buiten de organisatie getoond.',
      en: 'The mean mark (1-10) of the completed questionnaires; per kind of occasion shown outside the organisation from 5 answers only.',
    },
  ),
  'outcomes.satisfied': def(
    'outcomes',
    'rate',
    { nl: 'Aandeel tevreden', en: 'Share satisfied' },
    {
      nl: 'Van de ingevulde vragenlijsten: het deel met een rapportcijfer van 7 of hoger.',
      en: 'Of the completed questionnaires: the share with a mark of 7 or higher.',
    },
  ),
  'outcomes.statement': def(
    'outcomes',
    'score',
    { nl: 'Stelling (gemiddelde score 1-5)', en: 'Statement (mean score 1-5)' },
    {
      nl: 'Per stelling van de vragenlijst: het gemiddelde antwoord (1 helemaal oneens, 5 helemaal eens) van wie haar beantwoordde. Buiten de organisatie alleen getoond vanaf 5 antwoorden.',
      en: 'Per statement of the questionnaire: the mean answer (1 strongly disagree, 5 strongly agree) of those who answered it. Shown outside the organisation from 5 answers only.',
    },
  ),
  'outcomes.goalsClosed': def(
    'outcomes',
    'count',
    { nl: 'Doelen afgesloten', en: 'Goals closed' },
    {
      nl: 'Doelen uit de trajectplannen die in de periode zijn afgesloten, naar uitkomst: gerealiseerd, deels gerealiseerd, niet gerealiseerd.',
      en: 'Goals of the trajectory plans closed in the period, by outcome: realised, partly realised, not realised.',
    },
    { additive: true },
  ),
  'outcomes.goalsRealised': def(
    'outcomes',
    'rate',
    { nl: 'Doelen gerealiseerd', en: 'Goals realised' },
    {
      nl: 'Van de doelen afgesloten in de periode: het deel dat (helemaal) is gerealiseerd.',
      en: 'Of the goals closed in the period: the share (fully) realised.',
    },
  ),
  'outcomes.trajectoriesEnded': def(
    'outcomes',
    'people',
    { nl: 'Trajecten beëindigd', en: 'Trajectories ended' },
    {
      nl: 'Deelnemers met een uitstroom (van welke soort ook) in de periode.',
      en: 'Participants with an outflow (of any kind) in the period.',
    },
    { additive: true },
  ),
  'outcomes.dropout': def(
    'outcomes',
    'rate',
    { nl: 'Uitval', en: 'Dropout' },
    {
      nl: 'Van de trajecten beëindigd in de periode: het deel met uitstroom "uitgevallen".',
      en: 'Of the trajectories ended in the period: the share with outflow "dropped out".',
    },
  ),
  'outcomes.trajectoryDaysMedian': def(
    'outcomes',
    'days',
    { nl: 'Doorlooptijd traject (mediaan)', en: 'Trajectory duration (median)' },
    {
      nl: 'Van de trajecten beëindigd in de periode met een intakedatum: de mediaan van de dagen van intake tot uitstroom, in totaal en per programma.',
      en: 'Of the trajectories ended in the period with an intake day: the median of the days from intake to outflow, in total and per programme.',
    },
  ),
  'outcomes.trajectoryDaysMean': def(
    'outcomes',
    'days',
    { nl: 'Doorlooptijd traject (gemiddeld)', en: 'Trajectory duration (mean)' },
    {
      nl: 'Als de mediaan, maar het gemiddelde.',
      en: 'As the median, but the mean.',
    },
  ),
  'outcomes.waitingByProgramme': def(
    'outcomes',
    'days',
    { nl: 'Wachttijd tot intake (mediaan)', en: 'Waiting time to intake (median)' },
    {
      nl: 'Per programma: van wie de intake in de periode had, de mediaan van de dagen van aanmelding tot intake.',
      en: 'Per programme: of those with their intake in the period, the median of the days from registration to intake.',
    },
  ),
  'outcomes.careSignals': def(
    'outcomes',
    'people',
    { nl: 'Zorgsignalen', en: 'Safety signals' },
    {
      nl: 'Huishoudens en personen over wie in de periode een zorgsignaal is vastgelegd (ieder één keer, per soort één keer), zonder verdere gegevens. Per wijk: de wijk van het huishouden of de persoon.',
      en: 'Households and persons about whom a safety signal was recorded in the period (each once, once per kind), without further details. Per district: the district of the household or person.',
    },
  ),
  'outcomes.careSignalParties': def(
    'outcomes',
    'count',
    { nl: 'Zorgsignalen besproken met', en: 'Safety signals discussed with' },
    {
      nl: 'Zorgsignalen in de periode, geteld per partij waarmee ze zijn besproken (een signaal kan met meer partijen zijn besproken).',
      en: 'Safety signals in the period, counted per party they were discussed with (a signal may have been discussed with several).',
    },
  ),
  'outcomes.householdsSinceStart': def(
    'outcomes',
    'people',
    { nl: 'Huishoudens sinds de start', en: 'Households since the start' },
    {
      nl: 'Huishoudens met een eerste bezoek aan de winkel op of vóór de laatste dag van de periode.',
      en: 'Households whose first visit to the shop lies on or before the last day of the period.',
    },
  ),
  'outcomes.participantsSinceStart': def(
    'outcomes',
    'people',
    { nl: 'Deelnemers sinds de start', en: 'Participants since the start' },
    {
      nl: 'Deelnemers en vrijwilligers aangemeld op of vóór de laatste dag van de periode.',
      en: 'Participants and volunteers registered on or before the last day of the period.',
    },
  ),
  // Complaints (seed 002): `complaints/annual-report-queries.ts`, as the annual report counts.
  'complaints.received': def(
    'complaints',
    'people',
    { nl: 'Klachten ontvangen', en: 'Complaints received' },
    {
      nl: 'Klachten met een ontvangstdatum in de periode. Klachten tellen voor de hele organisatie, ook als een gebied gekozen is.',
      en: 'Complaints received in the period. Complaints count for the whole organisation, also when an area is chosen.',
    },
    { additive: true },
  ),
  'complaints.decided': def(
    'complaints',
    'people',
    { nl: 'Klachten afgehandeld', en: 'Complaints decided' },
    {
      nl: 'Klachten met een beslissing gedateerd in de periode (ook als ze eerder ontvangen zijn), per uitkomst.',
      en: 'Complaints with a decision dated in the period (also when received earlier), per outcome.',
    },
    { additive: true },
  ),
  'complaints.decidedOnTime': def(
    'complaints',
    'people',
    { nl: 'Op tijd afgehandeld', en: 'Decided on time' },
    {
      nl: 'Klachten afgehandeld in de periode op of vóór de (eventueel verlengde) beslistermijn.',
      en: 'Complaints decided in the period on or before the (possibly extended) decision deadline.',
    },
    { additive: true },
  ),
  'complaints.handlingMedian': def(
    'complaints',
    'days',
    { nl: 'Afhandelduur (mediaan)', en: 'Handling time (median)' },
    {
      nl: 'Dagen van ontvangst tot beslissing van de klachten afgehandeld in de periode: de middelste waarde.',
      en: 'Days from receipt to decision of the complaints decided in the period: the middle value.',
    },
  ),

  // Interventions per kind of service (seed 002): the activities register and the tally.
  'interventions.information': def(
    'interventions',
    'count',
    { nl: 'Informatie en advies', en: 'Information and advice' },
    {
      nl: 'Contacten voor informatie en advies, geturfd per dag in het register "Informatie en advies".',
      en: 'Information and advice contacts, tallied per day in the "Information and advice" register.',
    },
    { additive: true },
  ),
  'interventions.selfOrganisation': def(
    'interventions',
    'count',
    { nl: 'Ondersteuning zelforganisatie', en: 'Support of self-organisation' },
    {
      nl: 'Bewonersinitiatieven in het activiteitenregister met een datum in de periode.',
      en: "Residents' initiatives in the activities register dated in the period.",
    },
    { additive: true },
  ),
  'interventions.collective': def(
    'interventions',
    'count',
    { nl: 'Collectieve activiteiten', en: 'Collective activities' },
    {
      nl: 'Collectieve activiteiten in het activiteitenregister met een datum in de periode.',
      en: 'Collective activities in the activities register dated in the period.',
    },
    { additive: true },
  ),
  'interventions.individual': def(
    'interventions',
    'count',
    { nl: 'Individuele ondersteuning', en: 'Individual support' },
    {
      nl: 'Intakegesprekken van de winkel plus intakes van het vrijwilligerswerk in de periode.',
      en: "The shop's intake conversations plus the volunteer work intakes in the period.",
    },
    { additive: true },
  ),
  'interventions.participants': def(
    'interventions',
    'count',
    { nl: 'Deelnemers aan activiteiten', en: 'Participants in activities' },
    {
      nl: 'De deelnemers van de activiteiten en bewonersinitiatieven in de periode, opgeteld (wie twee keer komt telt twee keer).',
      en: 'The participants of the activities and initiatives in the period, added up (who comes twice counts twice).',
    },
    { additive: true },
  ),
  'interventions.volunteersInvolved': def(
    'interventions',
    'count',
    { nl: 'Inzet van vrijwilligers bij activiteiten', en: 'Volunteers involved in activities' },
    {
      nl: 'De vrijwilligers bij de activiteiten en bewonersinitiatieven in de periode, opgeteld.',
      en: 'The volunteers at the activities and initiatives in the period, added up.',
    },
    { additive: true },
  ),
  'interventions.waitingList': def(
    'interventions',
    'people',
    { nl: 'Op een wachtlijst', en: 'On a waiting list' },
    {
      nl: 'De wachtlijsten die bij de activiteiten in de periode zijn vastgelegd, opgeteld.',
      en: 'The waiting lists recorded with the activities in the period, added up.',
    },
  ),

  // Demographics (seed 002, 6.1).
  'demographics.householdsByDistrict': def(
    'demographics',
    'people',
    { nl: 'Huishoudens bereikt per wijk', en: 'Households reached per district' },
    {
      nl: `De bereikte huishoudens (zie winkel) per wijk. ${AREA_NOTE_NL}`,
      en: `The households reached (see shop) per district. ${AREA_NOTE_EN}`,
    },
  ),
  'demographics.people': def(
    'demographics',
    'people',
    { nl: 'Mensen in de bereikte huishoudens', en: 'People in the households reached' },
    {
      nl: 'De gezinsleden van de huishoudens met een bezoek in de periode, zoals het huishouden nu is samengesteld; per geslacht en kind of volwassene (kind: 0 tot en met 17 bij een bezoek in de periode).',
      en: 'The members of the households with a visit in the period, as the household is made up now; per gender and child or adult (child: 0 to 17 at a visit in the period).',
    },
  ),
  'demographics.participants': def(
    'demographics',
    'people',
    { nl: 'Ingeschrevenen vrijwilligerswerk', en: 'Registered in volunteer work' },
    {
      nl: 'De ingeschrevenen van het vrijwilligerswerk (zie daar) per geslacht en per geboortedecennium.',
      en: 'The people registered in volunteer work (see there) per gender and per decade of birth.',
    },
  ),
} as const satisfies Record<string, Definition>

export type DefinitionKey = keyof typeof DEFINITIONS

export function definition(key: DefinitionKey): Definition {
  return DEFINITIONS[key]
}
