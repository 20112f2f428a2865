/** The search behind Ctrl+K. */
export const nl = {
  button: 'Zoeken',
  buttonHint: 'Zoek een huishouden, deelnemer, vacature of klacht (Ctrl+K)',
  placeholder: 'Zoek op naam, voornaam van een gezinslid, nummer of postcode…',
  label: 'Zoeken in Dichtbij',
  typeMore: 'Typ minstens {{min}} letters of cijfers.',
  searching: 'Zoeken…',
  nothing: 'Niets gevonden voor "{{query}}".',
  more: 'Er zijn er misschien meer: typ meer van de naam, of zoek op de lijst zelf.',
  failed: 'Zoeken lukte niet. Probeer het opnieuw.',
  kinds: {
    households: 'Huishoudens',
    people: 'Deelnemers',
    vacancies: 'Vacatures',
    complaints: 'Klachten',
  },
  anonymousComplaint: 'Anonieme klacht',
  receivedOn: 'ontvangen {{date}}',
  member: 'gezinslid {{name}}',
}

export const en: typeof nl = {
  button: 'Search',
  buttonHint: 'Find a household, participant, vacancy or complaint (Ctrl+K)',
  placeholder: "Search by name, a family member's first name, number or postcode…",
  label: 'Search Dichtbij',
  typeMore: 'Type at least {{min}} letters or digits.',
  searching: 'Searching…',
  nothing: 'Nothing found for "{{query}}".',
  more: 'There may be more: type more of the name, or search the list itself.',
  failed: 'The search did not work. Please try again.',
  kinds: {
    households: 'Households',
    people: 'Participants',
    vacancies: 'Vacancies',
    complaints: 'Complaints',
  },
  anonymousComplaint: 'Anonymous complaint',
  receivedOn: 'received {{date}}',
  member: 'family member {{name}}',
}
