import { describe, expect, it } from 'vitest'
import {
  bodyContent,
  complaintLetterPdf,
  type LetterCopy,
} from '../../src/main/domains/complaints/letter-pdf'
import { annualReportPdf, smallCell } from '../../src/main/domains/complaints/annual-report-pdf'
import {
  longDutchDate,
  summary,
  withArticle,
} from '../../src/main/domains/complaints/letter-values'
import {
  fillPlaceholders,
  LETTER_PLACEHOLDERS,
  unknownPlaceholders,
  type LetterValues,
} from '../../src/shared/schemas/complaint-letters'
import type { AnnualComplaintsReport } from '../../src/shared/schemas/complaints-report'
import type { Organisation } from '../../src/shared/schemas/accounts'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'
import { pagesAsPng } from '../helpers/pdf-pages'

const ORG: Organisation = {
  name: 'Stichting Kledingbank Zoë',
  address: 'Kerkstraat 12',
  postcode: '3811 HZ',
  city: 'Amersfoort',
  logo: null,
}

const flat = (text: string): string => text.replace(/\s+/g, ' ')

const VALUES: LetterValues = {
  klachtnummer: 'K-2026-007',
  ontvangen_op: '3 maart 2026',
  datum: '15 juni 2026',
  ontvanger: 'Fatima Bouzid',
  klager: 'Fatima Bouzid',
  omschrijving: 'Bij de balie werd ik onvriendelijk te woord gestaan.',
  wens: 'Excuses',
  ontvangstbevestiging_uiterlijk: '10 maart 2026',
  beslistermijn: '14 april 2026',
  oorspronkelijke_beslistermijn: '14 april 2026',
  nieuwe_beslistermijn: '12 mei 2026',
  reden_verlenging: 'De klachtencommissie kan pas op 20 april bijeenkomen.',
  uitkomst: 'deels gegrond',
  toelichting: 'De commissie vond de toon onvriendelijk, maar de weigering terecht.',
  maatregelen: '- Training bejegening voor de balie\n- Een nieuwe tekst op de website',
  beslisser: 'de directeur',
  behandelaar: 'Carla Coördinator',
  organisatie: 'Stichting Kledingbank Zoë',
  organisatie_adres: 'Kerkstraat 12, 3811 HZ  Amersfoort',
}

describe('letter templates', () => {
  it('fills every known placeholder and leaves an unknown one as typed', () => {
    expect(fillPlaceholders('Klacht {{klachtnummer}} van {{ klager }}', VALUES)).toBe(
      'Klacht K-2026-007 van Fatima Bouzid',
    )
    expect(fillPlaceholders('{{klachnummer}}', VALUES)).toBe('{{klachnummer}}')
    expect(unknownPlaceholders('{{klachnummer}} {{datum}} {{x}}')).toEqual(['klachnummer', 'x'])
    // Every placeholder has a value in a letter.
    for (const name of LETTER_PLACEHOLDERS) expect(VALUES[name], name).toBeTypeOf('string')
  })

  it('writes dates, summaries and the decider as a Dutch letter does', () => {
    expect(longDutchDate('2026-03-03')).toBe('3 maart 2026')
    expect(longDutchDate('2026-12-31')).toBe('31 december 2026')
    expect(withArticle('directeur')).toBe('de directeur')
    expect(withArticle('het bestuur')).toBe('het bestuur')
    const long = 'woord '.repeat(200)
    const s = summary(long)
    expect(s.length).toBeLessThanOrEqual(402)
    expect(s.endsWith(' …')).toBe(true)
    expect(summary('  kort\n verhaal ')).toBe('kort verhaal')
  })

  it('turns lines starting with "- " into a list and blank lines into paragraphs', () => {
    const content = bodyContent('Een\ntwee\n\nMaatregelen:\n- a\n- b\n\nSlot')
    expect(content).toContainEqual(expect.objectContaining({ text: 'Een\ntwee' }))
    expect(content).toContainEqual(expect.objectContaining({ ul: ['a', 'b'] }))
    expect(content).toContainEqual(expect.objectContaining({ text: 'Slot' }))
  })
})

describe('a complaint letter as PDF', () => {
  it('prints one letter per addressee on the letterhead, each with its own name and address', async () => {
    const copies: LetterCopy[] = [
      {
        address: ['Fatima Bouzid', 'Lindenlaan 3', '3812 AB  Amersfoort'],
        values: VALUES,
      },
      {
        address: ['Willem Vrijwilliger', 'Stichting Kledingbank Zoë', 'Kerkstraat 12'],
        values: { ...VALUES, ontvanger: 'Willem Vrijwilliger' },
      },
    ]
    const pdf = await complaintLetterPdf({
      organisation: ORG,
      subject: 'Verlenging van de termijn voor klacht {{klachtnummer}}',
      body:
        'Geachte {{ontvanger}},\n\nDe beslissing volgt uiterlijk op {{nieuwe_beslistermijn}}.' +
        '\n\nDe reden is:\n{{reden_verlenging}}\n\nMaatregelen:\n{{maatregelen}}\n\n' +
        'Met vriendelijke groet,\n\n{{behandelaar}}\n{{organisatie}}',
      copies,
      printedAt: '2026-06-15T10:00:00Z',
    })
    expect(pdfPageCount(pdf)).toBe(2)
    expect(pdfTitle(pdf)).toBe('Verlenging van de termijn voor klacht K-2026-007')
    const pages = pdfText(pdf).split('\f')
    expect(flat(pages[0]!)).toContain('Geachte Fatima Bouzid,')
    expect(flat(pages[0]!)).toContain('Lindenlaan 3')
    expect(flat(pages[1]!)).toContain('Geachte Willem Vrijwilliger,')
    for (const page of pages.slice(0, 2)) {
      const text = flat(page)
      for (const words of [
        'Stichting Kledingbank Zoë',
        '3811 HZ Amersfoort',
        'Kenmerk K-2026-007',
        'Betreft Verlenging van de termijn voor klacht K-2026-007',
        'Datum 15 juni 2026',
        'uiterlijk op 12 mei 2026',
        'De klachtencommissie kan pas op 20 april bijeenkomen.',
        'Training bejegening voor de balie',
        'Carla Coördinator',
      ])
        expect(text, words).toContain(words)
      expect(text).not.toContain('{{')
    }
    expect(pagesAsPng(pdf, 'letter-unit')).toBe(2)
  })
})

const REPORT: AnnualComplaintsReport = {
  year: 2026,
  received: 14,
  decided: 11,
  openAtYearEnd: 3,
  byCategory: [
    { id: 1, name: 'Bejegening', count: 6 },
    { id: 2, name: 'Kwaliteit van de dienstverlening', count: 2 },
    { id: 3, name: 'Privacy', count: 0 },
    { id: 4, name: 'Bereikbaarheid', count: 5 },
    { id: 6, name: 'Overig', count: 1 },
  ],
  byStep: [
    { code: '1', count: 8 },
    { code: '2', count: 4 },
    { code: '3', count: 2 },
  ],
  byOutcome: [
    { code: 'founded', count: 3 },
    { code: 'partly_founded', count: 2 },
    { code: 'unfounded', count: 4 },
    { code: 'withdrawn', count: 1 },
    { code: 'mediated', count: 1 },
  ],
  byChannel: [
    { code: 'in_person', count: 5 },
    { code: 'letter', count: 2 },
    { code: 'email', count: 4 },
    { code: 'phone', count: 2 },
    { code: 'form', count: 1 },
  ],
  handlingDays: { mean: 31.5, median: 28 },
  lateAcknowledgements: 2,
  lateDecisions: 1,
  extended: 2,
  committee: 2,
  measures: { taken: 4, carriedOut: 3, notCarriedOut: 1 },
  smallCellThreshold: 5,
}

describe('the annual complaints report as PDF', () => {
  it('shows a small count as "< N", never 0 that way', () => {
    expect(smallCell(0, 5)).toBe('0')
    expect(smallCell(1, 5)).toBe('< 5')
    expect(smallCell(4, 5)).toBe('< 5')
    expect(smallCell(5, 5)).toBe('5')
    expect(smallCell(2, 3)).toBe('< 3')
  })

  it('has the usual sections, the figures, and small categories hidden', async () => {
    const pdf = await annualReportPdf({
      report: REPORT,
      organisation: ORG,
      terms: {
        ackWorkingDays: 5,
        decisionWeeks: 6,
        maxExtensionWeeks: 4,
        deciderTitle: 'directeur',
      },
      printedAt: '2027-01-20T10:00:00Z',
    })
    expect(pdfTitle(pdf)).toBe('Jaarverslag klachten 2026')
    const text = flat(pdfText(pdf))
    for (const words of [
      'Jaarverslag klachten 2026',
      'De klachtenregeling',
      'binnen 5 werkdagen',
      'binnen 6 weken',
      'ten hoogste 4 weken',
      'De klachtencommissie',
      'advies uit aan de directeur. De directeur beslist',
      'zijn er 2 door de klachtencommissie behandeld',
      'Aantal en aard van de klachten',
      'Klachten ontvangen 14',
      'Klachten waarover is beslist 11',
      'Op 31 december nog zonder beslissing 3',
      'Gemiddelde behandelduur (dagen) 31,5',
      'Mediane behandelduur (dagen) 28',
      'Ontvangst te laat bevestigd 2',
      'Te laat beslist 1',
      'Bejegening 6',
      'Privacy 0',
      'Bereikbaarheid 5',
      'Uitkomsten',
      'Maatregelen',
      'Genomen 4',
      'Uitgevoerd 3',
      'Nog niet uitgevoerd 1',
    ])
      expect(text, words).toContain(words)
    // pdftotext may close up "< 5" of a right-aligned cell.
    expect(text).toMatch(/Kwaliteit van de dienstverlening < ?5 /)
    expect(text).toMatch(/Overig < ?5 /)
    expect(text).not.toContain('Kwaliteit van de dienstverlening 2')
    const pages = pdfPageCount(pdf)
    expect(pages).toBeLessThanOrEqual(3)
    expect(pagesAsPng(pdf, 'annual-report-unit')).toBe(pages)
  })
})
