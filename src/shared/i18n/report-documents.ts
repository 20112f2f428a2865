import type { FigureUnit, ReportLanguage, ReportSection } from '../schemas/reports'

/**
 * The words of the municipal subsidy report's PDF (main's `reports/subsidy-pdf.ts`) and of its
 * charts, in both languages the report prints in. Kept out of the shared label namespaces: only
 * the document uses them, and it picks its language per report, not from the screen.
 * Placeholders are `{{name}}`, as in the other label files.
 */
/** Twelve names, January first. */
type Months = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
]

const nl = {
  title: 'Verantwoording subsidie',
  period: 'Periode',
  periodRange: '{{from}} t/m {{to}}',
  lastYearPeriod: 'Ter vergelijking',
  lastYearPeriodText: 'dezelfde periode een jaar eerder, {{from}} t/m {{to}}',
  area: 'Gebied',
  allAreas: 'alle gebieden',
  subsidyYear: 'Subsidiejaar',
  noSubsidyYear: 'geen: de periode loopt over twee kalenderjaren',
  proRata:
    'De periode beslaat {{share}} van het subsidiejaar; de streefwaarden zijn naar rato van ' +
    'dat deel berekend.',
  madeOn: 'Gemaakt op',
  dateAtTime: '{{date}} om {{time}}',
  frozenOn: 'Definitief gemaakt op {{date}} om {{time}}.',
  draft: 'Concept: deze verantwoording is nog niet definitief gemaakt.',
  missingExplanations_one: 'Bij {{count}} afwijking ontbreekt nog een toelichting.',
  missingExplanations_other: 'Bij {{count}} afwijkingen ontbreekt nog een toelichting.',
  reproducible:
    'Alle kengetallen zijn geteld volgens de definities in de bijlage (met hun versie), over ' +
    'de periode en het gebied hierboven, op het moment dat hierboven staat.',
  summary: 'Samenvatting',
  summaryIntro:
    'De belangrijkste kengetallen per onderdeel; de uitsplitsingen staan bij elk onderdeel.',
  figure: 'Kengetal',
  thisPeriod: 'Deze periode',
  lastYear: 'Zelfde periode vorig jaar',
  target: 'Streefwaarde',
  deviation: 'Afwijking',
  noFigures: 'Voor dit onderdeel zijn geen kengetallen geteld.',
  explanations: 'Toelichting op afwijkingen',
  story: 'Het verhaal achter de cijfers',
  stories: 'Verhalen',
  storyByResident: '{{name}}, bewoner (naam met toestemming of schuilnaam)',
  storyByVolunteer: '{{name}}, vrijwilliger (naam met toestemming of schuilnaam)',
  fewAnswers:
    'Gemiddelden en aandelen van minder dan {{floor}} antwoorden staan als "n < {{floor}}": ' +
    'zo is niet na te gaan wat één persoon antwoordde.',
  carriedFrom: '(Overgenomen uit de verantwoording over {{from}} t/m {{to}}.)',
  smallCells:
    'Aantallen mensen onder de {{threshold}} staan als "< {{threshold}}", zodat niemand te ' +
    'herkennen is. Waar nodig staat ook een ander klein aantal in dezelfde uitsplitsing zo, ' +
    'zodat geen verborgen aantal uit een totaal is af te leiden. Bij een verborgen aantal ' +
    'staat ook geen afwijking.',
  deviationNote:
    'Afwijking: het verschil met de streefwaarde, als deel van de streefwaarde. Vet: groter ' +
    'dan {{percent}}%.',
  chartVisits: 'Bezoeken per maand',
  chartHours: 'Uren vrijwilligerswerk per maand',
  appendix: 'Bijlage: definities',
  appendixIntro:
    'Hoe elk kengetal is geteld. Een nieuwe versie van een definitie krijgt een hoger ' +
    'nummer, zodat cijfers uit verschillende jaren alleen naast elkaar staan als ze op ' +
    'dezelfde manier zijn geteld.',
  version: 'versie {{version}}',
  footerMade: 'Gemaakt op {{date}} {{time}}',
  footerPage: 'pagina {{page}} van {{count}}',
  sections: {
    shop: 'Winkel',
    volunteers: 'Vrijwilligers',
    support: 'Hulpvragen, mantelzorg en cursussen',
    outcomes: 'Resultaten en kwaliteit',
    complaints: 'Klachten',
    interventions: 'Interventies per soort dienstverlening',
    demographics: 'Wie we bereikten',
  } satisfies Record<ReportSection, string>,
  /** What a measure is counted in, printed after its label where the label does not say it. */
  units: {
    people: 'personen',
    count: 'aantal',
    rate: '%',
    days: 'dagen',
    hours: 'uren',
    fte: 'fte',
    mark: 'rapportcijfer',
    score: 'score',
  } satisfies Record<FigureUnit, string>,
  monthsShort: [
    'jan',
    'feb',
    'mrt',
    'apr',
    'mei',
    'jun',
    'jul',
    'aug',
    'sep',
    'okt',
    'nov',
    'dec',
  ] satisfies Months,
  monthsLong: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ] satisfies Months,
}

type Words<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends Months ? Months : Words<T[K]>
}
/** Every word of the report; another language must give each key (a missing one does not compile). */
export type ReportDocumentWords = Words<typeof nl>

const en: ReportDocumentWords = {
  title: 'Subsidy report',
  period: 'Period',
  periodRange: '{{from}} to {{to}}',
  lastYearPeriod: 'Compared with',
  lastYearPeriodText: 'the same period a year earlier, {{from}} to {{to}}',
  area: 'Area',
  allAreas: 'all areas',
  subsidyYear: 'Subsidy year',
  noSubsidyYear: 'none: the period runs over two calendar years',
  proRata:
    'The period covers {{share}} of the subsidy year; the targets are pro rata for that part.',
  madeOn: 'Made on',
  dateAtTime: '{{date}} at {{time}}',
  frozenOn: 'Made final on {{date}} at {{time}}.',
  draft: 'Draft: this report has not been made final yet.',
  missingExplanations_one: '{{count}} deviation still needs an explanation.',
  missingExplanations_other: '{{count}} deviations still need an explanation.',
  reproducible:
    'Every figure was counted by the definitions in the appendix (with their version), over ' +
    'the period and area above, at the moment stated above.',
  summary: 'Summary',
  summaryIntro: 'The main figures per part; the breakdowns are given with each part.',
  figure: 'Figure',
  thisPeriod: 'This period',
  lastYear: 'Same period last year',
  target: 'Target',
  deviation: 'Deviation',
  noFigures: 'No figures were counted for this part.',
  explanations: 'Explanation of deviations',
  story: 'The story behind the figures',
  stories: 'Stories',
  storyByResident: '{{name}}, resident (name used with consent, or a pseudonym)',
  storyByVolunteer: '{{name}}, volunteer (name used with consent, or a pseudonym)',
  fewAnswers:
    'Means and shares of fewer than {{floor}} answers are shown as "n < {{floor}}", so that ' +
    'nobody can tell what one person answered.',
  carriedFrom: '(Taken over from the report on {{from}} to {{to}}.)',
  smallCells:
    'Numbers of people under {{threshold}} are shown as "< {{threshold}}", so that nobody can ' +
    'be recognised. Where needed another small number in the same breakdown is hidden too, so ' +
    'that no hidden number can be worked out from a total. A hidden number has no deviation.',
  deviationNote:
    'Deviation: the difference from the target, as a share of the target. Bold: more than ' +
    '{{percent}}%.',
  chartVisits: 'Visits per month',
  chartHours: 'Volunteer hours per month',
  appendix: 'Appendix: definitions',
  appendixIntro:
    'How each figure was counted. A new version of a definition gets a higher number, so that ' +
    'figures from different years only stand side by side when they were counted the same way.',
  version: 'version {{version}}',
  footerMade: 'Made on {{date}} {{time}}',
  footerPage: 'page {{page}} of {{count}}',
  sections: {
    shop: 'Shop',
    volunteers: 'Volunteers',
    complaints: 'Complaints',
    support: 'Help requests, informal care and trainings',
    outcomes: 'Outcomes and quality',
    interventions: 'Interventions by kind of service',
    demographics: 'Who we reached',
  },
  units: {
    people: 'people',
    count: 'number',
    rate: '%',
    days: 'days',
    hours: 'hours',
    fte: 'FTE',
    mark: 'mark',
    score: 'score',
  },
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsLong: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
}

/** The report's words per language it prints in. */
export const REPORT_DOCUMENT_WORDS: Record<ReportLanguage, ReportDocumentWords> = { nl, en }
