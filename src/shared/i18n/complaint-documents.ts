/**
 * The words of the complaint letters and of the annual complaints report (main's PDFs), nl + en.
 * The letters themselves are always Dutch (they go to the people involved); their default text
 * lives in the templates (migration 0017). The English copy is for the few words a screen shows.
 */
export const complaintDocumentsNl = {
  complaintLetter: {
    date: 'Datum',
    reference: 'Kenmerk',
    subject: 'Betreft',
    noDate: '(geen datum)',
    anonymousComplainant: 'de klager',
    nothingStated: '(niet opgegeven)',
    noOutcome: '(nog niet beslist)',
    noMeasures: 'geen',
    deciderFallback: 'de directeur',
    thisOrganisation: 'onze organisatie',
    kinds: {
      acknowledgement: 'ontvangstbevestiging',
      extension: 'verlengingsbrief',
      decision: 'beslissingsbrief',
    },
    entryText_one: 'Brief gemaakt: {{kind}} (sjabloon versie {{version}}), aan de klager',
    entryText_other:
      'Brief gemaakt: {{kind}} (sjabloon versie {{version}}), aan {{count}} ontvangers: de ' +
      'klager en wie het betreft',
    months: {
      m1: 'januari',
      m2: 'februari',
      m3: 'maart',
      m4: 'april',
      m5: 'mei',
      m6: 'juni',
      m7: 'juli',
      m8: 'augustus',
      m9: 'september',
      m10: 'oktober',
      m11: 'november',
      m12: 'december',
    },
  },
  complaintsReport: {
    title: 'Jaarverslag klachten {{year}}',
    thisOrganisation: 'onze organisatie',
    intro:
      'Dit verslag geeft een overzicht van de klachten die {{organisation}} in {{year}} ontving ' +
      'en afhandelde. Het bevat alleen aantallen: geen namen en niets waaruit op te maken is wie ' +
      'een klacht indiende of over wie een klacht ging.',
    procedure: 'De klachtenregeling',
    procedureIntro:
      'Iedereen die ontevreden is over de dienstverlening of de bejegening door een medewerker ' +
      'of vrijwilliger van {{organisation}}, kan een klacht indienen: mondeling, per brief, per ' +
      'e-mail, telefonisch of met het klachtenformulier. Een klacht doorloopt hoogstens drie ' +
      'stappen; de klager mag ook meteen voor stap 3 kiezen.',
    step1: 'Bemiddeling door de direct leidinggevende van de betrokken medewerker of vrijwilliger.',
    step2: 'Bemiddeling door de leidinggevende en/of de directeur.',
    step3:
      'Behandeling door de klachtencommissie, die {{decider}} adviseert, waarna {{decider}} beslist.',
    terms:
      'Wij bevestigen de ontvangst van een klacht binnen {{ack}} werkdagen en beslissen binnen ' +
      '{{weeks}} weken na ontvangst. Die termijn kan één keer met ten hoogste {{extension}} ' +
      'weken worden verlengd, met een schriftelijke reden; de klager en wie het betreft krijgen ' +
      'daarover een brief.',
    committee: 'De klachtencommissie',
    committeeText:
      'De klachtencommissie hoort de klager en degene over wie geklaagd wordt (hoor en ' +
      'wederhoor) en brengt daarna advies uit aan {{decider}}. {{Decider}} beslist over de ' +
      'klacht en over eventuele maatregelen, en informeert alle betrokkenen.',
    committeeCount_one:
      'Van de klachten waarover in {{year}} is beslist, is {{count}} door de klachtencommissie behandeld.',
    committeeCount_other:
      'Van de klachten waarover in {{year}} is beslist, zijn er {{count}} door de ' +
      'klachtencommissie behandeld.',
    numbers: 'Aantal en aard van de klachten',
    figure: 'Kengetal',
    count: 'Aantal',
    total: 'Totaal',
    received: 'Klachten ontvangen',
    decided: 'Klachten waarover is beslist',
    openAtYearEnd: 'Op 31 december nog zonder beslissing',
    meanDays: 'Gemiddelde behandelduur (dagen)',
    medianDays: 'Mediane behandelduur (dagen)',
    lateAcknowledgements: 'Ontvangst te laat bevestigd',
    lateDecisions: 'Te laat beslist',
    extended: 'Beslistermijn verlengd',
    byCategory: 'Per soort klacht',
    category: 'Soort klacht',
    smallCellNote:
      'Een soort met minder dan {{threshold}} klachten staat als "< {{threshold}}", zodat ' +
      'niemand te herkennen is; zo nodig staat ook een grotere soort als "≥ {{threshold}}", ' +
      'zodat het totaal het kleine aantal niet verraadt.',
    byChannel: 'Hoe de klachten binnenkwamen',
    channel: 'Manier',
    byStep: 'Hoogste stap bereikt',
    step: 'Stap',
    outcomes: 'Uitkomsten',
    outcomesIntro: 'De uitkomst van de klachten waarover in {{year}} is beslist.',
    outcome: 'Uitkomst',
    measures: 'Maatregelen',
    measuresIntro:
      'Maatregelen die naar aanleiding van de klachten van dit jaar zijn genomen, en of ze al ' +
      'zijn uitgevoerd.',
    measure: 'Maatregelen',
    measuresTaken: 'Genomen',
    measuresCarriedOut: 'Uitgevoerd',
    measuresNotCarriedOut: 'Nog niet uitgevoerd',
    definitions:
      'Ontvangen: klachten met een ontvangstdatum in het jaar. Beslist: klachten met de datum van ' +
      'de beslissing in het jaar (ook als ze het jaar ervoor zijn ontvangen). Behandelduur: de ' +
      'kalenderdagen van ontvangst tot beslissing. Te laat: na de termijn uit de klachtenregeling; ' +
      'een ontvangstbevestiging die er nog niet is, telt als te laat zodra haar termijn voorbij is.',
  },
}

export const complaintDocumentsEn: typeof complaintDocumentsNl = {
  complaintLetter: {
    date: 'Date',
    reference: 'Reference',
    subject: 'Subject',
    noDate: '(no date)',
    anonymousComplainant: 'the complainant',
    nothingStated: '(not stated)',
    noOutcome: '(not decided yet)',
    noMeasures: 'none',
    deciderFallback: 'the director',
    thisOrganisation: 'our organisation',
    kinds: {
      acknowledgement: 'acknowledgement',
      extension: 'extension letter',
      decision: 'decision letter',
    },
    entryText_one: 'Letter made: {{kind}} (template version {{version}}), to the complainant',
    entryText_other:
      'Letter made: {{kind}} (template version {{version}}), to {{count}} recipients: the ' +
      'complainant and the person concerned',
    months: {
      m1: 'January',
      m2: 'February',
      m3: 'March',
      m4: 'April',
      m5: 'May',
      m6: 'June',
      m7: 'July',
      m8: 'August',
      m9: 'September',
      m10: 'October',
      m11: 'November',
      m12: 'December',
    },
  },
  complaintsReport: {
    title: 'Annual complaints report {{year}}',
    thisOrganisation: 'our organisation',
    intro:
      'This report gives an overview of the complaints {{organisation}} received and handled in ' +
      '{{year}}. It holds only numbers: no names and nothing that shows who made a complaint or ' +
      'whom it was about.',
    procedure: 'The complaints procedure',
    procedureIntro:
      'Anyone who is unhappy with the service or with how a staff member or volunteer of ' +
      '{{organisation}} treated them can complain: in person, by letter, e-mail, phone or the ' +
      'complaint form. A complaint goes through at most three steps; the complainant may also ' +
      'go straight to step 3.',
    step1: 'Mediation by the direct manager of the staff member or volunteer involved.',
    step2: 'Mediation by the manager and/or the director.',
    step3:
      'Handling by the complaints committee, which advises {{decider}}; then {{decider}} decides.',
    terms:
      'We acknowledge a complaint within {{ack}} working days and decide within {{weeks}} weeks ' +
      'of receipt. That term can be extended once by at most {{extension}} weeks, with a ' +
      'written reason; the complainant and the person concerned get a letter about it.',
    committee: 'The complaints committee',
    committeeText:
      'The complaints committee hears the complainant and the person complained about and then ' +
      'advises {{decider}}. {{Decider}} decides on the complaint and any measures, and informs ' +
      'everyone involved.',
    committeeCount_one:
      'Of the complaints decided in {{year}}, {{count}} was handled by the complaints committee.',
    committeeCount_other:
      'Of the complaints decided in {{year}}, {{count}} were handled by the complaints committee.',
    numbers: 'Number and nature of the complaints',
    figure: 'Figure',
    count: 'Number',
    total: 'Total',
    received: 'Complaints received',
    decided: 'Complaints decided',
    openAtYearEnd: 'Not decided on 31 December',
    meanDays: 'Mean handling time (days)',
    medianDays: 'Median handling time (days)',
    lateAcknowledgements: 'Acknowledged late',
    lateDecisions: 'Decided late',
    extended: 'Decision term extended',
    byCategory: 'By kind of complaint',
    category: 'Kind of complaint',
    smallCellNote:
      'A kind with fewer than {{threshold}} complaints is shown as "< {{threshold}}", so that ' +
      'nobody can be recognised; where needed a larger kind shows "≥ {{threshold}}" too, so ' +
      'that the total does not give the small number away.',
    byChannel: 'How the complaints came in',
    channel: 'Channel',
    byStep: 'Highest step reached',
    step: 'Step',
    outcomes: 'Outcomes',
    outcomesIntro: 'The outcome of the complaints decided in {{year}}.',
    outcome: 'Outcome',
    measures: 'Measures',
    measuresIntro:
      'Measures taken after the complaints of this year, and whether they were carried out.',
    measure: 'Measures',
    measuresTaken: 'Taken',
    measuresCarriedOut: 'Carried out',
    measuresNotCarriedOut: 'Not carried out yet',
    definitions:
      'Received: complaints with a date of receipt in the year. Decided: complaints with the date ' +
      'of their decision in the year (also when received the year before). Handling time: ' +
      'calendar days from receipt to decision. Late: after the term of the complaints ' +
      'procedure; an acknowledgement not yet made counts as late once its term has passed.',
  },
}
