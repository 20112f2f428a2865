/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  title: 'Cijfers kledingwinkel',
  from: 'Van',
  to: 'Tot en met',
  district: 'Wijk of kern (optioneel)',
  allDistricts: 'alle',
  exportVisits: 'Bezoeken exporteren',
  period: 'Periode {{from}} t/m {{to}}',
  districtShown: 'Wijk/kern: {{district}}',
  generatedAt: 'Gemaakt op {{at}}',
  figures: {
    householdsReached: {
      label: 'Huishoudens bereikt',
      short: 'Huishoudens',
      help: 'Unieke huishoudens met een bezoek in de periode.',
    },
    newHouseholds: {
      label: 'Nieuwe huishoudens',
      short: 'Nieuw',
      help: 'Huishoudens van wie het eerste bezoek ooit in de periode valt.',
    },
    visits: {
      label: 'Bezoeken',
      short: 'Bezoeken',
      help: 'Alle geregistreerde bezoeken in de periode.',
    },
    childrenReached: {
      label: 'Kinderen bereikt',
      short: 'Kinderen',
      help: 'Unieke kinderen van 0 t/m 17 jaar in huishoudens met een bezoek in de periode. Alleen het geboortejaar is bekend, dus de leeftijd is het jaar van het bezoek min het geboortejaar.',
    },
    appointmentsCame: {
      label: 'Afspraken gekomen',
      short: 'Gekomen',
      help: 'Afspraken in de periode waarvoor het huishouden is gekomen.',
    },
    appointmentsNoShow: {
      label: 'Afspraken niet gekomen',
      short: 'Niet gekomen',
      help: 'Afspraken in de periode waarvoor het huishouden niet kwam en niet had afgezegd.',
    },
    noShowRate: {
      label: 'No-show-percentage',
      short: 'No-show',
      help: 'Niet gekomen / (gekomen + niet gekomen), over de afspraken in de periode.',
    },
  },
  referrals: {
    title: 'Verwijzingen per bestemming',
    help: 'Intake: doorverwijzingen bij intakes met een datum in de periode. Bezoek: doorverwijzingen bij bezoeken met een datum in de periode (het gesprek bij het bezoek). Totaal: beide samen.',
    key: 'Bestemming',
    empty: 'Geen verwijzingen in deze periode.',
  },
  topics: {
    title: 'Besproken onderwerpen',
    help: 'Intake: onderwerpen van intakes met een datum in de periode. Bezoek: onderwerpen besproken bij bezoeken met een datum in de periode. Totaal: beide samen.',
    key: 'Onderwerp',
    empty: 'Geen onderwerpen in deze periode.',
  },
  sources: {
    intakes: 'Intake',
    visits: 'Bezoek',
    total: 'Totaal',
  },
  answers: {
    title: 'Schulden en meerdere problemen',
    help: 'Bij de {{count, number}} intakes met een datum in de periode. % ja telt alleen de intakes waar het antwoord bekend is: ja / (ja + nee).',
    question: 'Vraag bij de intake',
    debts: 'Schulden',
    multipleProblems: 'Meerdere problemen',
    yes: 'Ja',
    no: 'Nee',
    unknown: 'Onbekend',
    shareYes: '% ja (van bekend)',
  },
  byDistrict: {
    title: 'Per wijk of kern',
    district: 'Wijk/kern',
    none: '(geen wijk)',
    empty: 'Geen gegevens in deze periode.',
  },
  totals: {
    title: 'Sinds de start en op datum',
    date: 'Datum',
    intro:
      'Los van de periode hierboven: alles vanaf de eerste dag van de winkel tot en met de gekozen datum, en de stand op die datum. Een gekozen wijk of kern geldt ook hier, behalve voor de startdatum en de vrijwilligers (die gelden voor de hele winkel).',
    sinceTitle: 'Sinds de start',
    since: 'Vanaf de start op {{start}} (de eerste dag met een bezoek of intake) t/m {{date}}.',
    noStart: 'Tot en met {{date}} is er nog geen bezoek of intake geregistreerd.',
    onDateTitle: 'Op {{date}}',
    figures: {
      householdsReached: {
        label: 'Huishoudens bereikt',
        help: 'Unieke huishoudens met minstens één bezoek sinds de start.',
      },
      newHouseholds: {
        label: 'Ingeschreven gezinnen',
        help: 'Unieke huishoudens met een intake sinds de start: de gezinnen die de winkel heeft ingeschreven, ook wie (nog) niet is geweest. Daarom kan dit meer zijn dan "Huishoudens bereikt".',
      },
      visits: {
        label: 'Bezoeken',
        help: 'Alle geregistreerde bezoeken sinds de start.',
      },
      childrenReached: {
        label: 'Kinderen bereikt',
        help: 'Unieke kinderen van 0 t/m 17 jaar (jaar van het bezoek min geboortejaar) bij een bezoek sinds de start.',
      },
      intakes: {
        label: 'Intakes',
        help: 'Alle intakes sinds de start; een gezin met een tweede intake telt twee keer.',
      },
      activeHouseholds: {
        label: 'Actieve gezinnen',
        help: 'Unieke huishoudens met minstens één bezoek van {{from}} t/m {{date}} (de 12 maanden tot en met de datum).',
      },
      volunteers: {
        label: 'Vrijwilligers aan het werk',
        help: 'Accounts met de rol vrijwilliger die van {{from}} t/m {{date}} (4 weken) inlogden of hun scherm ontgrendelden, volgens het logboek. Het telt accounts, geen personen: een gedeeld account telt één keer. Voor de hele winkel.',
      },
    },
  },
}

export const en: typeof nl = {
  title: 'Clothing shop figures',
  from: 'From',
  to: 'Up to and including',
  district: 'District or village (optional)',
  allDistricts: 'all',
  exportVisits: 'Export visits',
  period: 'Period {{from}} to {{to}}',
  districtShown: 'District/village: {{district}}',
  generatedAt: 'Made on {{at}}',
  figures: {
    householdsReached: {
      label: 'Households reached',
      short: 'Households',
      help: 'Distinct households with a visit in the period.',
    },
    newHouseholds: {
      label: 'New households',
      short: 'New',
      help: 'Households whose first visit ever falls in the period.',
    },
    visits: {
      label: 'Visits',
      short: 'Visits',
      help: 'All registered visits in the period.',
    },
    childrenReached: {
      label: 'Children reached',
      short: 'Children',
      help: 'Distinct children aged 0 to 17 in households with a visit in the period. Only the year of birth is known, so the age is the year of the visit minus the year of birth.',
    },
    appointmentsCame: {
      label: 'Appointments kept',
      short: 'Came',
      help: 'Appointments in the period for which the household came.',
    },
    appointmentsNoShow: {
      label: 'Appointments missed',
      short: 'No-show',
      help: 'Appointments in the period for which the household did not come and had not cancelled.',
    },
    noShowRate: {
      label: 'No-show rate',
      short: 'No-show %',
      help: 'Did not come / (came + did not come), over the appointments in the period.',
    },
  },
  referrals: {
    title: 'Referrals by destination',
    help: 'Intake: referrals at intakes dated in the period. Visit: referrals at visits dated in the period (the conversation at the visit). Total: both together.',
    key: 'Destination',
    empty: 'No referrals in this period.',
  },
  topics: {
    title: 'Topics discussed',
    help: 'Intake: topics of intakes dated in the period. Visit: topics discussed at visits dated in the period. Total: both together.',
    key: 'Topic',
    empty: 'No topics in this period.',
  },
  sources: {
    intakes: 'Intake',
    visits: 'Visit',
    total: 'Total',
  },
  answers: {
    title: 'Debts and multiple problems',
    help: 'At the {{count, number}} intakes dated in the period. % yes counts only the intakes where the answer is known: yes / (yes + no).',
    question: 'Intake question',
    debts: 'Debts',
    multipleProblems: 'Multiple problems',
    yes: 'Yes',
    no: 'No',
    unknown: 'Unknown',
    shareYes: '% yes (of known)',
  },
  byDistrict: {
    title: 'By district or village',
    district: 'District/village',
    none: '(no district)',
    empty: 'No data in this period.',
  },
  totals: {
    title: 'Since the start and on a date',
    date: 'Date',
    intro:
      "Apart from the period above: everything from the shop's first day up to and including the chosen date, and the state on that date. A chosen district or village applies here too, except for the start date and the volunteers (which are the whole shop's).",
    sinceTitle: 'Since the start',
    since: 'From the start on {{start}} (the first day with a visit or intake) to {{date}}.',
    noStart: 'No visit or intake has been registered up to {{date}}.',
    onDateTitle: 'On {{date}}',
    figures: {
      householdsReached: {
        label: 'Households reached',
        help: 'Distinct households with at least one visit since the start.',
      },
      newHouseholds: {
        label: 'Families taken in',
        help: 'Distinct households with an intake since the start: the families the shop has taken in, also those who have not come (yet). That is why this can be more than "Households reached".',
      },
      visits: {
        label: 'Visits',
        help: 'All registered visits since the start.',
      },
      childrenReached: {
        label: 'Children reached',
        help: 'Distinct children aged 0 to 17 (year of the visit minus year of birth) at a visit since the start.',
      },
      intakes: {
        label: 'Intakes',
        help: 'All intakes since the start; a family with a second intake counts twice.',
      },
      activeHouseholds: {
        label: 'Active families',
        help: 'Distinct households with at least one visit from {{from}} to {{date}} (the 12 months up to and including the date).',
      },
      volunteers: {
        label: 'Volunteers working',
        help: 'Accounts with the volunteer role that logged in or unlocked their screen from {{from}} to {{date}} (4 weeks), according to the audit log. It counts accounts, not people: a shared account counts once. For the whole shop.',
      },
    },
  },
}
