import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Organisation } from '../../src/shared/schemas/accounts'
import type {
  FigureUnit,
  MonthFigure,
  ReportSection,
  SubsidyFigure,
  SubsidyReport,
} from '../../src/shared/schemas/reports'
import { monthlyBarChartSvg, monthLabels } from '../../src/main/domains/reports/chart-svg'
import { writeSubsidyPdf, type SubsidyPdfInput } from '../../src/main/domains/reports/subsidy-pdf'
import { pdfPageCount, pdfText } from '../helpers/pdf'

/** A 1×1 PNG: enough to take the letterhead's path with a logo. */
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

const ORG: Organisation = {
  name: 'Stichting Welzijn Zoë',
  address: 'Dorpsstraat 12',
  postcode: '1234 AB',
  city: 'Dorpsveld',
  logo: LOGO,
}

function figure(
  key: string,
  section: ReportSection,
  nl: string,
  unit: FigureUnit,
  value: number | null,
  lastYear: number | null,
  target: number | null,
  over: Partial<SubsidyFigure> = {},
): SubsidyFigure {
  const deviation = value !== null && target ? (value - target) / target : null
  return {
    key,
    section,
    label: { nl, en: `${nl} (EN)` },
    definitionKey: key.split('.').slice(0, 2).join('.'),
    version: 1,
    unit,
    partOf: null,
    value,
    lastYear,
    target,
    targetBase: target,
    deviation,
    needsExplanation: deviation !== null && Math.abs(deviation) > 0.1,
    explanation: null,
    hidden: { value: false, lastYear: false },
    ...over,
  }
}

const hiddenBoth = { hidden: { value: true, lastYear: true } }

/**
 * A year of figures, counted by hand. The referrals break down by referrer; the GP sent 3
 * households (2 the year before): both under the threshold of 5, so hidden, and debt counselling's
 * 6 is hidden beside them so that 64 − 55 does not give the 3 away. Dorpsveld's 2 households
 * (4 last year) are a hidden main figure, so they stand in the summary as well.
 */
function figures(): SubsidyFigure[] {
  return [
    figure('shop.households', 'shop', 'Huishoudens bereikt', 'people', 412, 388, 400),
    figure('shop.newHouseholds', 'shop', 'Nieuwe huishoudens', 'people', 57, 61, 50, {
      explanation: 'Meer aanmeldingen na de sluiting van de voedselbank in Oost.',
    }),
    figure('shop.visits', 'shop', 'Bezoeken aan de winkel', 'count', 4321, 3987, 4000),
    figure('shop.referrals', 'shop', 'Verwijzingen', 'people', 64, 53, 70),
    figure('shop.referrals.gp', 'shop', 'Doorverwezen door de huisarts', 'people', 3, 2, 10, {
      partOf: 'shop.referrals',
      ...hiddenBoth,
    }),
    figure('shop.referrals.debt', 'shop', 'Doorverwezen naar schuldhulp', 'people', 6, 11, null, {
      partOf: 'shop.referrals',
      hidden: { value: true, lastYear: false },
    }),
    figure('shop.referrals.team', 'shop', 'Doorverwezen naar het wijkteam', 'people', 55, 40, 60, {
      partOf: 'shop.referrals',
    }),
    figure(
      'volunteers.registered',
      'volunteers',
      'Ingeschreven vrijwilligers',
      'people',
      86,
      79,
      90,
    ),
    figure('volunteers.wait', 'volunteers', 'Wachttijd tot intake (mediaan)', 'days', 12.5, 15, 14),
    figure('volunteers.hours', 'volunteers', 'Uren vrijwilligerswerk', 'hours', 5210.5, 4980, 5000),
    figure('volunteers.fte', 'volunteers', 'Inzet in fte', 'fte', 3.2567, 3.1, null),
    figure(
      'volunteers.placed',
      'volunteers',
      'Geplaatst binnen drie maanden',
      'rate',
      0.625,
      0.5,
      0.6,
    ),
    figure('complaints.received', 'complaints', 'Klachten ontvangen', 'count', 9, 12, null),
    figure('complaints.onTime', 'complaints', 'Op tijd beslist', 'rate', 0.889, 0.75, 0.9),
    figure(
      'interventions.advice',
      'interventions',
      'Informatie en advies',
      'count',
      1250,
      1100,
      1200,
    ),
    figure(
      'interventions.collective',
      'interventions',
      'Collectieve activiteiten',
      'count',
      48,
      52,
      60,
    ),
    figure(
      'demographics.dorpsveld',
      'demographics',
      'Huishoudens uit Dorpsveld',
      'people',
      2,
      4,
      8,
      {
        ...hiddenBoth,
      },
    ),
    figure('demographics.satisfaction', 'demographics', 'Tevredenheid', 'mark', 7.84, 7.5, 7.5),
  ]
}

function months(from: string, count: number): MonthFigure[] {
  const [y, m] = from.split('-').map(Number)
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y!, m! - 1 + i, 1))
    return {
      month: d.toISOString().slice(0, 7),
      visits: 300 + ((i * 37) % 90),
      hours: 400 + ((i * 53) % 70) + 0.5,
    }
  })
}

function report(over: Partial<SubsidyReport> = {}): SubsidyReport {
  return {
    period: { from: '2026-01-01', to: '2026-12-31' },
    lastYearPeriod: { from: '2025-01-01', to: '2025-12-31' },
    area: 'Dorpsveld en Oost',
    subsidyYear: 2026,
    yearShare: 1,
    settings: { smallCellThreshold: 5, deviationPercent: 10 },
    figures: figures(),
    definitions: [
      {
        key: 'shop.referrals',
        version: 3,
        label: { nl: 'Verwijzingen', en: 'Referrals' },
        text: {
          nl: 'Huishoudens met een eerste bezoek in de periode, naar wie hen heeft doorverwezen.',
          en: 'Households with a first visit in the period, by who referred them.',
        },
      },
      {
        key: 'volunteers.wait',
        version: 1,
        label: { nl: 'Wachttijd tot intake', en: 'Waiting time before intake' },
        text: {
          nl: 'Kalenderdagen van inschrijving tot intakegesprek, mediaan over de intakes.',
          en: 'Calendar days from registration to intake, median over the intakes.',
        },
      },
    ],
    stories: [],
    narratives: [
      {
        section: 'shop',
        text: 'Sinds het voorjaar is de winkel ook op zaterdag open.\n\nDat trok vooral werkende ouders.',
        carriedFrom: null,
      },
      {
        section: 'volunteers',
        text: 'De vrijwilligerscentrale werkte samen met twee scholen.',
        carriedFrom: { from: '2025-01-01', to: '2025-12-31' },
      },
      { section: 'complaints', text: '   ', carriedFrom: null },
    ],
    months: months('2026-01', 12),
    missingExplanations: ['interventions.collective'],
    generatedAt: '2027-01-20T10:00:00.000Z',
    ...over,
  }
}

let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-subsidy-pdf-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function make(name: string, input: SubsidyPdfInput): Promise<{ text: string; pdf: Buffer }> {
  const path = join(dir, `${name}.pdf`)
  const size = await writeSubsidyPdf({ ...input, path })
  const pdf = readFileSync(path)
  expect(size).toBe(pdf.byteLength)
  return { text: pdfText(pdf), pdf }
}

/** Renders every page at 60 dpi; SHOTS=<folder> keeps the PDF and its PNGs to look at. */
function renderPages(name: string, pdf: Buffer): string[] {
  const path = join(dir, `${name}.pdf`)
  execFileSync('pdftoppm', ['-png', '-r', '60', path, join(dir, name)])
  const count = pdfPageCount(pdf)
  const width = String(count).length
  const pngs = Array.from({ length: count }, (_, i) =>
    join(dir, `${name}-${String(i + 1).padStart(width, '0')}.png`),
  )
  if (process.env.SHOTS) {
    mkdirSync(process.env.SHOTS, { recursive: true })
    for (const file of [path, ...pngs])
      if (existsSync(file)) copyFileSync(file, join(process.env.SHOTS, file.split('/').pop()!))
  }
  return pngs
}

/** The lines of the laid-out text that hold a label: that figure's rows in the tables. */
function rows(text: string, label: string): string[] {
  return text.split('\n').filter((l) => l.includes(label))
}

describe('the subsidy report PDF', () => {
  it('prints every part in Dutch, with small cells hidden and the charts as text', async () => {
    const { text, pdf } = await make('nl', {
      report: report(),
      organisation: ORG,
      language: 'nl',
      printedAt: '2027-01-20T10:15:00.000Z',
      frozenAt: '2027-01-21T08:30:00.000Z',
    })
    const pngs = renderPages('nl', pdf)
    for (const png of pngs) expect(existsSync(png)).toBe(true)
    const flat = text.replace(/\s+/g, ' ')

    // The cover: what the figures cover and when they were made (11:15 on the Dutch clock).
    expect(text).toContain('Verantwoording subsidie')
    expect(text).toContain('Stichting Welzijn Zoë')
    expect(text).toContain('Dorpsstraat 12')
    expect(flat).toContain('1 januari 2026 t/m 31 december 2026')
    expect(flat).toContain('1 januari 2025 t/m 31 december 2025')
    expect(text).toContain('Dorpsveld en Oost')
    expect(flat).toMatch(/Subsidiejaar\s+2026/)
    expect(flat).toContain('20 januari 2027 om 11:15')
    expect(flat).toContain('Definitief gemaakt op 21 januari 2027 om 09:30.')
    expect(flat).toContain('Bij 1 afwijking ontbreekt nog een toelichting.')

    // Every section under its Dutch heading, and the summary.
    for (const h of [
      'Samenvatting',
      'Winkel',
      'Vrijwilligers',
      'Klachten',
      'Interventies per soort dienstverlening',
      'Wie we bereikten',
      'Bijlage: definities',
    ])
      expect(text).toContain(h)

    // Visible figures, Dutch style: thousands with a dot, decimals with a comma.
    const row = (label: string): string => rows(text, label).join(' | ')
    expect(row('Bezoeken aan de winkel')).toMatch(/4\.321\s+3\.987\s+4\.000\s+\+8,0%/)
    expect(row('Huishoudens bereikt')).toMatch(/412\s+388\s+400/)
    expect(row('Doorverwezen naar het wijkteam')).toMatch(/55\s+40\s+60\s+-8,3%/)
    expect(row('Wachttijd tot intake (mediaan) (dagen)')).toMatch(/12,5\s+15,0\s+14,0/)
    expect(row('Uren vrijwilligerswerk')).toMatch(/5\.210,5\s+4\.980\s+5\.000/)
    expect(row('Inzet in fte')).toMatch(/3,26\s+3,10\s+–\s+–/)
    expect(row('Geplaatst binnen drie maanden')).toMatch(/62,5%\s+50,0%\s+60,0%/)
    expect(row('Op tijd beslist')).toMatch(/88,9%\s+75,0%\s+90,0%/)
    expect(row('Informatie en advies')).toMatch(/1\.250\s+1\.100\s+1\.200/)
    expect(row('Tevredenheid (rapportcijfer)')).toMatch(/7,8\s+7,5\s+7,5/)
    // Summary and section table both list a main figure.
    expect(rows(text, 'Klachten ontvangen')).toHaveLength(2)

    // Hidden cells: "< 5" only, in the section and in the summary; neither the numbers nor a
    // deviation that would give them back (3 against a target of 10 is −70%, 2 against 8 −75%).
    const gp = rows(text, 'Doorverwezen door de huisarts')
    expect(gp).toHaveLength(1)
    expect(gp[0]).toMatch(/<\s?5\s+<\s?5\s+10\s+–/)
    expect(gp[0]!.replace(/<\s?5/g, '')).not.toMatch(/\b[23]\b|70/)
    const debt = rows(text, 'Doorverwezen naar schuldhulp')
    expect(debt[0]).toMatch(/<\s?5\s+11\s+–\s+–/)
    expect(debt[0]!.replace(/<\s?5/g, '')).not.toMatch(/\b6\b/)
    const dorpsveld = rows(text, 'Huishoudens uit Dorpsveld')
    expect(dorpsveld).toHaveLength(2)
    for (const line of dorpsveld) {
      expect(line).toMatch(/<\s?5\s+<\s?5\s+8/)
      expect(line.replace(/<\s?5/g, '')).not.toMatch(/\b[24]\b|75/)
    }
    expect(flat).not.toMatch(/-70,0%|-75,0%/)
    expect(flat).toContain('Aantallen mensen onder de 5 staan als "< 5"')
    expect(flat).toContain('zodat geen verborgen aantal uit een totaal is af te leiden')

    // The breakdown stands under its total, in the order given.
    const at = (label: string): number => text.indexOf(label, text.indexOf('Verwijzingen   '))
    expect(at('Verwijzingen')).toBeLessThan(at('Doorverwezen door de huisarts'))
    expect(at('Doorverwezen door de huisarts')).toBeLessThan(at('Doorverwezen naar het wijkteam'))

    // The stories (empty ones left out), the explanation, the appendix.
    expect(flat).toContain('Sinds het voorjaar is de winkel ook op zaterdag open.')
    expect(flat).toContain('Dat trok vooral werkende ouders.')
    expect(flat).toContain('Overgenomen uit de verantwoording over 01-01-2025 t/m 31-12-2025')
    expect(text.match(/Het verhaal achter de cijfers/g)).toHaveLength(2)
    expect(flat).toContain(
      'Nieuwe huishoudens: Meer aanmeldingen na de sluiting van de voedselbank in Oost.',
    )
    expect(flat).toContain(
      'Huishoudens met een eerste bezoek in de periode, naar wie hen heeft doorverwezen.',
    )
    expect(flat).toMatch(/shop\.referrals\s+versie 3/)
    expect(flat).toMatch(/volunteers\.wait\s+versie 1/)

    // The footer on every page; the charts' month labels and titles as text.
    const pages = pdfPageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(5)
    expect(text).toContain(`pagina 1 van ${pages}`)
    expect(text).toContain(`pagina ${pages} van ${pages}`)
    expect(text.match(/Gemaakt op 20-01-2027 11:15/g)).toHaveLength(pages)
    expect(text).toContain('Verantwoording subsidie, 01-01-2026 t/m 31-12-2026')
    expect(text).toContain('Bezoeken per maand')
    expect(text).toContain('Uren vrijwilligerswerk per maand')
    const axes = text.match(
      /jan\s+feb\s+mrt\s+apr\s+mei\s+jun\s+jul\s+aug\s+sep\s+okt\s+nov\s+dec/g,
    )
    expect(axes).toHaveLength(2)
  })

  it('prints English headings and numbers, and a period over two years', async () => {
    const { text, pdf } = await make('en', {
      report: report({
        period: { from: '2025-07-01', to: '2026-06-30' },
        lastYearPeriod: { from: '2024-07-01', to: '2025-06-30' },
        area: null,
        subsidyYear: null,
        yearShare: null,
        months: months('2025-07', 12),
      }),
      organisation: { ...ORG, logo: null },
      language: 'en',
      printedAt: '2026-07-02T12:00:00.000Z',
    })
    const pngs = renderPages('en', pdf)
    for (const png of pngs) expect(existsSync(png)).toBe(true)
    const flat = text.replace(/\s+/g, ' ')
    for (const h of [
      'Subsidy report',
      'Summary',
      'Shop',
      'Volunteers',
      'Complaints',
      'Interventions by kind of service',
      'Who we reached',
      'Appendix: definitions',
      'The story behind the figures',
      'Explanation of deviations',
    ])
      expect(text).toContain(h)
    expect(flat).toContain('1 July 2025 to 30 June 2026')
    expect(text).toContain('all areas')
    expect(flat).toContain('none: the period runs over two calendar years')
    expect(flat).toContain('Draft: this report has not been made final yet.')
    expect(rows(text, 'Bezoeken aan de winkel (EN)').join(' ')).toMatch(/4,321\s+3,987\s+4,000/)
    expect(rows(text, 'Doorverwezen door de huisarts (EN)')[0]).toMatch(/<\s?5\s+<\s?5/)
    expect(flat).toContain('version 3')
    expect(flat).toContain('Households with a first visit in the period, by who referred them.')
    expect(text).toContain('page 1 of')
    // The year under the first month and under January.
    expect(text).toMatch(/Jul\s+Aug\s+Sep\s+Oct\s+Nov\s+Dec\s+Jan\s+Feb/)
    expect(text).toMatch(/2025\s+2026/)
  })
})

describe('the monthly bar chart', () => {
  it('is the same SVG for the same input, with its labels in the chosen language', () => {
    const input = {
      months: months('2026-01', 12),
      series: 'visits' as const,
      title: 'Bezoeken per maand',
      language: 'nl' as const,
    }
    const svg = monthlyBarChartSvg(input)
    expect(monthlyBarChartSvg(input)).toBe(svg)
    expect(svg).toMatch(/^<svg /)
    expect(svg).toContain('font-family:Roboto')
    expect(svg).toContain('>mrt</text>')
    expect(svg).toContain('>Bezoeken per maand</text>')
    // The year under January, and under the first month unless a January follows close by.
    expect(monthLabels(['2025-10', '2025-11', '2025-12', '2026-01'], 'en')).toEqual([
      'Oct\n2025',
      'Nov',
      'Dec',
      'Jan\n2026',
    ])
    expect(monthLabels(['2025-12', '2026-01', '2026-02'], 'en')).toEqual([
      'Dec',
      'Jan\n2026',
      'Feb',
    ])
    expect(monthLabels(['2026-03', '2026-04'], 'nl')).toEqual(['mrt', 'apr'])
  })
})
