import { describe, expect, it } from 'vitest'
import {
  keyLayout,
  keyLines,
  recoveryKeySheetPdf,
} from '../../src/main/domains/backup/recovery-sheet'
import { formatValue, subjectReportPdf } from '../../src/main/domains/subjects/subject-report'
import { addressLines, usableLogo } from '../../src/main/pdf/letterhead'
import { printable } from '../../src/main/pdf/render'
import type { SubjectReport } from '../../src/main/domains/subjects/types'
import type { Organisation } from '../../src/shared/schemas/accounts'
import { pdfPageCount, pdfText, pdfTitle } from '../helpers/pdf'

/** A 1×1 PNG, the smallest logo there is. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

const ORG: Organisation = {
  name: 'Stichting Kledingbank Zoë & Daniël',
  address: 'Kerkstraat 12',
  postcode: '3811 HZ',
  city: 'Amersfoort',
  logo: PNG,
}

const KEY = 'ABCDE-FGHJK-LMNPQ-RSTUV-WXYZ2-34567-89ABC-DEFGH'
/** A key as the vault makes it: six groups of five. */
const VAULT_KEY = 'R18ZS-86JWB-QK3MT-0VXYA-HD2PN-7G4CE'

/** The lines of the page text that are (part of) a key: groups of five joined by dashes. */
function keyTextLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Z0-9]{5}(-[A-Z0-9]{5})*-?$/.test(l))
}

describe('recovery key sheet', () => {
  it('is one A4 page in Dutch with the key as given, what it is for and who made it', async () => {
    const pdf = await recoveryKeySheetPdf({
      organisation: ORG,
      recoveryKey: KEY,
      createdAt: new Date('2026-06-15T10:00:00Z'),
      createdBy: 'Bea Beheer',
    })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(pdfPageCount(pdf)).toBe(1)
    expect(pdfTitle(pdf)).toBe('Herstelsleutel Dichtbij')
    const text = pdfText(pdf)
    // Eight groups still fit on one line, at a smaller size.
    expect(keyTextLines(text)).toEqual([KEY])
    for (const expected of [
      'Stichting Kledingbank Zoë & Daniël',
      'Kerkstraat 12',
      '3811 HZ',
      'Herstelsleutel Dichtbij',
      'geen enkel',
      'nieuwe computer',
      'USB-stick',
      'geen foto',
      'e-mail',
      'Een beheerder kan in Dichtbij een nieuwe herstelsleutel maken',
      'waardeloos',
      'Hebt u de PDF gedownload? Verwijder hem na het printen van de computer (ook uit de prullenbak).',
      '15-06-2026 om 12:00',
      'Bea Beheer',
      'pagina 1 van 1',
      'Afgedrukt op 15-06-2026',
    ])
      expect(text, expected).toContain(expected)
  })

  it('prints a key as the vault makes it on one line, whole', async () => {
    const pdf = await recoveryKeySheetPdf({
      organisation: ORG,
      recoveryKey: VAULT_KEY,
      createdAt: new Date('2026-06-15T10:00:00Z'),
      createdBy: 'Bea Beheer',
    })
    expect(keyTextLines(pdfText(pdf))).toEqual([VAULT_KEY])
    expect(keyLayout(VAULT_KEY)).toEqual({ size: 20, lines: [VAULT_KEY] })
  })

  it('stays one page without a logo or address and with a long key', async () => {
    const long = Array.from({ length: 16 }, () => 'WXYZ2').join('-')
    const pdf = await recoveryKeySheetPdf({
      organisation: { name: 'Buurthuis', address: null, postcode: null, city: null, logo: null },
      recoveryKey: long,
      createdAt: new Date('2026-01-02T08:30:00Z'),
      createdBy: 'Ïnge Éénhoorn',
    })
    expect(pdfPageCount(pdf)).toBe(1)
    const text = pdfText(pdf)
    expect(text).toContain('Ïnge Éénhoorn')
    expect(text).toContain('02-01-2026 om 09:30')
    // Two lines of eight whole groups, split between groups, neither ending with a dash.
    const lines = keyTextLines(text)
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line).toMatch(/^WXYZ2(-WXYZ2){7}$/)
    expect(lines.join('-')).toBe(long)
  })

  it('wraps a key only between groups, with no dash at a line end, sharing them evenly', () => {
    expect(keyLines('ABCDE-FGHJK', 40)).toEqual(['ABCDE-FGHJK'])
    expect(keyLines(KEY, 30)).toEqual(['ABCDE-FGHJK-LMNPQ-RSTUV', 'WXYZ2-34567-89ABC-DEFGH'])
    expect(keyLines(VAULT_KEY, 33)).toEqual(['R18ZS-86JWB-QK3MT', '0VXYA-HD2PN-7G4CE'])
    expect(keyLines('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ'])
    for (const line of keyLines(KEY, 12)) expect(line).not.toMatch(/^-|-$/)
    // A key that fits shrinks rather than wraps; only a very long one takes two lines.
    expect(keyLayout(KEY).lines).toEqual([KEY])
    expect(keyLayout(KEY).size).toBeLessThan(20)
  })
})

describe('letterhead', () => {
  it('uses a logo only when its bytes are a PNG or JPEG', () => {
    expect(usableLogo(PNG)).toBe(PNG)
    expect(usableLogo(null)).toBeNull()
    expect(usableLogo('data:image/png;base64,aGFsbG8gd2VyZWxk')).toBeNull()
    expect(usableLogo('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull()
    expect(usableLogo('/etc/passwd')).toBeNull()
  })
  it('leaves out empty address lines', () => {
    expect(addressLines({ ...ORG, address: null })).toEqual(['3811 HZ  Amersfoort'])
  })
})

const REPORT: SubjectReport = {
  format: 'dichtbij-inzage',
  version: 1,
  title: 'Inzage persoonsgegevens',
  subject: {
    kind: 'household',
    id: 1,
    reference: 'H-00001',
    name: 'Noël Hoëvenaars',
    label: 'Huishouden H-00001',
  },
  organisation: { name: ORG.name, address: null, postcode: null, city: null },
  exportedAt: '2026-06-15T10:00:00.000Z',
  exportedBy: 'Bea Beheer',
  parts: [
    {
      key: 'household',
      title: 'Huishouden en gezinsleden',
      tables: [
        {
          key: 'details',
          layout: 'record',
          columns: [
            { key: 'contactName', label: 'Naam contactpersoon', type: 'text' },
            { key: 'consentDate', label: 'Toestemming gegeven op', type: 'date' },
            { key: 'notes', label: 'Notities', type: 'text' },
          ],
          rows: [{ contactName: 'Noël Hoëvenaars', consentDate: '2026-03-01', notes: null }],
        },
      ],
    },
    {
      key: 'visits',
      title: 'Bezoeken aan de winkel',
      tables: [
        {
          key: 'visits',
          layout: 'table',
          columns: [{ key: 'date', label: 'Datum', type: 'date' }],
          rows: [],
          empty: 'Geen bezoeken.',
        },
      ],
    },
    {
      key: 'audit',
      title: 'Wie heeft de gegevens bekeken of gewijzigd',
      tables: [
        {
          key: 'entries',
          layout: 'table',
          columns: [
            { key: 'at', label: 'Tijdstip', type: 'datetime' },
            { key: 'user', label: 'Door', type: 'text' },
            { key: 'action', label: 'Wat', type: 'text' },
            { key: 'fields', label: 'Velden', type: 'list' },
            { key: 'detail', label: 'Toelichting', type: 'text' },
          ],
          rows: Array.from({ length: 80 }, (_, i) => ({
            at: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T09:15:00.000Z`,
            user: 'coördinator',
            action: i === 0 ? 'gewijzigd' : 'bekeken',
            fields: i === 0 ? ['telefoon', 'e-mail'] : [],
            detail: i === 0 ? 'gepland → gekomen' : null,
          })),
        },
      ],
    },
  ],
}

describe('subject access export as PDF', () => {
  it('has the letterhead, title, date, every part and the audit table over several pages', async () => {
    const pdf = await subjectReportPdf(REPORT, ORG)
    const pages = pdfPageCount(pdf)
    expect(pages).toBeGreaterThan(1)
    expect(pdfTitle(pdf)).toBe('Inzage persoonsgegevens')
    const text = pdfText(pdf)
    for (const expected of [
      'Stichting Kledingbank Zoë & Daniël',
      'Inzage persoonsgegevens',
      'Huishouden H-00001 (Noël Hoëvenaars)',
      'Datum',
      '15-06-2026',
      'Huishouden en gezinsleden',
      'Toestemming gegeven op',
      '01-03-2026',
      'Geen bezoeken.',
      'Wie heeft de gegevens bekeken of gewijzigd',
      // Winter time: 09:15 UTC is 10:15 in Amsterdam.
      '01-01-2026 10:15',
      'coördinator',
      'telefoon, e-mail',
      'gepland » gekomen',
      `pagina ${pages} van ${pages}`,
    ])
      expect(text, expected).toContain(expected)
    // The audit table's head repeats on every page it runs over.
    expect(text.match(/Tijdstip/g)?.length).toBeGreaterThan(1)
  })

  it('formats values for a reader', () => {
    expect(formatValue('2026-03-01', 'date')).toBe('01-03-2026')
    expect(formatValue('2026-07-01T22:30:00.000Z', 'datetime')).toBe('02-07-2026 00:30')
    expect(formatValue(null, 'text')).toBe('—')
    expect(formatValue(['a', 'b'], 'list')).toBe('a\nb')
    expect(formatValue(2016, 'number')).toBe('2016')
    expect(printable('a → b ✓')).toBe('a » b ja')
  })
})

describe('page breaks', () => {
  it('never ends a page with a heading, an intro or a table head', async () => {
    const headings = ['Tweede deel', 'Over het tweede deel.', 'Subkop', 'Kolomkop']
    // Lengths that put the second part's heading, intro, subheading and table head at the foot
    // of page one in turn.
    for (let n = 14; n <= 24; n++) {
      const report: SubjectReport = {
        ...REPORT,
        parts: [
          {
            key: 'a',
            title: 'Eerste deel',
            tables: [
              {
                key: 't',
                layout: 'table',
                columns: [{ key: 'x', label: 'X', type: 'text' }],
                rows: Array.from({ length: n }, (_, i) => ({ x: `regel ${i}` })),
              },
            ],
          },
          {
            key: 'b',
            title: 'Tweede deel',
            intro: 'Over het tweede deel.',
            tables: [
              {
                key: 't',
                title: 'Subkop',
                layout: 'table',
                columns: [{ key: 'x', label: 'Kolomkop', type: 'text' }],
                rows: [{ x: 'inhoud' }],
              },
            ],
          },
        ],
      }
      const pages = pdfText(await subjectReportPdf(report, ORG))
        .split('\f')
        .filter((p) => p.trim())
      for (const page of pages) {
        const lines = page
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('Afgedrukt op'))
        expect(headings, `${n} rows`).not.toContain(lines.at(-1))
      }
    }
  })
})
