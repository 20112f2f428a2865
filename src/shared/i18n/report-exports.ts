import type { FigureUnit, ReportLanguage, ReportSection } from '../schemas/reports'
import { REPORT_DOCUMENT_WORDS } from './report-documents'

/** The words of the subsidy report's CSV, XLSX and ZIP files (main writes them, nl + en). */
export interface ReportExportWords {
  sheets: { figures: string; notes: string }
  columns: {
    key: string
    section: string
    label: string
    value: string
    lastYear: string
    target: string
    deviation: string
    unit: string
    definitionKey: string
    definitionVersion: string
    definition: string
    explanation: string
  }
  sections: Record<ReportSection, string>
  units: Record<FigureUnit, string>
  /** Put where a deviation would give a hidden value away (value = target × (1 + deviation)). */
  hiddenDeviation: string
  notes: {
    item: string
    value: string
    period: string
    lastYearPeriod: string
    /** `{{from}}` and `{{to}}`: days as `dd-mm-jjjj`. */
    range: string
    area: string
    allAreas: string
    subsidyYear: string
    noSubsidyYear: string
    generatedAt: string
    /** `{{at}}`: day and time. */
    generatedAtValue: string
    smallCells: string
    /** `{{n}}`: the small-cell threshold. */
    smallCellsText: string
    deviation: string
    deviationText: string
    missingExplanations: string
  }
  /** The PDF's name in the ZIP when the one given cannot be used. */
  pdfFallbackName: string
}

const nl: ReportExportWords = {
  sheets: { figures: 'Cijfers', notes: 'Toelichting' },
  columns: {
    key: 'Sleutel',
    section: 'Onderdeel',
    label: 'Omschrijving',
    value: 'Waarde',
    lastYear: 'Vorig jaar',
    target: 'Streefwaarde',
    deviation: 'Afwijking van streefwaarde',
    unit: 'Eenheid',
    definitionKey: 'Definitie',
    definitionVersion: 'Versie definitie',
    definition: 'Wat telt mee',
    explanation: 'Toelichting',
  },
  // The same words as the PDF's, so a section reads alike in every file.
  sections: REPORT_DOCUMENT_WORDS.nl.sections,
  units: REPORT_DOCUMENT_WORDS.nl.units,
  hiddenDeviation: 'niet getoond',
  notes: {
    item: 'Onderwerp',
    value: 'Gegeven',
    period: 'Periode',
    lastYearPeriod: 'Vergeleken met',
    range: '{{from}} t/m {{to}}',
    area: 'Gebied',
    allAreas: 'Alle gebieden',
    subsidyYear: 'Subsidiejaar (streefwaarden)',
    noSubsidyYear: 'Geen: de periode loopt over twee kalenderjaren',
    generatedAt: 'Gemaakt op',
    generatedAtValue: '{{at}} (Nederlandse tijd)',
    smallCells: 'Kleine aantallen',
    smallCellsText:
      'Aantallen personen onder {{n}} staan er als "< {{n}}", zodat niemand herkenbaar is. ' +
      'Waar nodig is ook een ander klein aantal in dezelfde uitsplitsing verborgen, zodat geen ' +
      'verborgen aantal uit een totaal te berekenen is. Bij een verborgen aantal staat geen ' +
      'afwijking van de streefwaarde.',
    deviation: 'Afwijking van streefwaarde',
    deviationText: '(waarde − streefwaarde) / streefwaarde, als percentage van de streefwaarde.',
    missingExplanations: 'Nog zonder toelichting',
  },
  pdfFallbackName: 'rapport.pdf',
}

const en: ReportExportWords = {
  sheets: { figures: 'Figures', notes: 'Notes' },
  columns: {
    key: 'Key',
    section: 'Section',
    label: 'Description',
    value: 'Value',
    lastYear: 'Last year',
    target: 'Target',
    deviation: 'Deviation from target',
    unit: 'Unit',
    definitionKey: 'Definition',
    definitionVersion: 'Definition version',
    definition: 'What counts',
    explanation: 'Explanation',
  },
  // The same words as the PDF's, so a section reads alike in every file.
  sections: REPORT_DOCUMENT_WORDS.en.sections,
  units: REPORT_DOCUMENT_WORDS.en.units,
  hiddenDeviation: 'not shown',
  notes: {
    item: 'Item',
    value: 'Value',
    period: 'Period',
    lastYearPeriod: 'Compared with',
    range: '{{from}} to {{to}}',
    area: 'Area',
    allAreas: 'All areas',
    subsidyYear: 'Subsidy year (targets)',
    noSubsidyYear: 'None: the period spans two calendar years',
    generatedAt: 'Made at',
    generatedAtValue: '{{at}} (Dutch time)',
    smallCells: 'Small numbers',
    smallCellsText:
      'Numbers of people under {{n}} are shown as "< {{n}}", so that nobody can be ' +
      'recognised. Where needed another small number in the same breakdown is hidden too, so ' +
      'that no hidden number can be worked out from a total. A hidden number has no deviation.',
    deviation: 'Deviation from target',
    deviationText: '(value − target) / target, as a percentage of the target.',
    missingExplanations: 'Not yet explained',
  },
  pdfFallbackName: 'report.pdf',
}

export const REPORT_EXPORT_WORDS: Record<ReportLanguage, ReportExportWords> = { nl, en }

/** Fills `{{name}}` placeholders. */
export function fillWords(text: string, values: Record<string, string | number>): string {
  return text.replace(/{{\s*(\w+)\s*}}/g, (all, name: string) =>
    name in values ? String(values[name]) : all,
  )
}
