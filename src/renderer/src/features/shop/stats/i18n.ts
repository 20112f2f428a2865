/** Texts of this screen; `en` must have the same keys as `nl` (a test checks). */
export const nl = {
  title: 'Cijfers kledingwinkel',
  from: 'Van',
  to: 'Tot en met',
  district: 'Wijk of kern (optioneel)',
  allDistricts: 'alle',
  period: 'Periode {{from}} t/m {{to}}',
  districtShown: 'Wijk/kern: {{district}}',
  generatedAt: 'Gemaakt op {{at}}',
  count: 'Aantal',
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
    help: 'Doorverwijzingen uit intakes met een datum in de periode.',
    key: 'Bestemming',
    empty: 'Geen verwijzingen in deze periode.',
  },
  topics: {
    title: 'Besproken onderwerpen',
    help: 'Onderwerpen van intakes met een datum in de periode.',
    key: 'Onderwerp',
    empty: 'Geen onderwerpen in deze periode.',
  },
  byDistrict: {
    title: 'Per wijk of kern',
    district: 'Wijk/kern',
    none: '(geen wijk)',
    empty: 'Geen gegevens in deze periode.',
  },
}

export const en: typeof nl = {
  title: 'Clothing shop figures',
  from: 'From',
  to: 'Up to and including',
  district: 'District or village (optional)',
  allDistricts: 'all',
  period: 'Period {{from}} to {{to}}',
  districtShown: 'District/village: {{district}}',
  generatedAt: 'Made on {{at}}',
  count: 'Count',
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
    help: 'Referrals from intakes dated in the period.',
    key: 'Destination',
    empty: 'No referrals in this period.',
  },
  topics: {
    title: 'Topics discussed',
    help: 'Topics of intakes dated in the period.',
    key: 'Topic',
    empty: 'No topics in this period.',
  },
  byDistrict: {
    title: 'By district or village',
    district: 'District/village',
    none: '(no district)',
    empty: 'No data in this period.',
  },
}
