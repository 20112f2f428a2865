import { describe, expect, it } from 'vitest'
import {
  incomeSource,
  normaliseDate,
  normalisePostcodeText,
  normaliseYear,
  parseMembers,
} from '../../src/main/domains/imports/normalise'
import { guessMapping, headerKey } from '../../src/main/domains/imports/guess'
import { decodeText, detectSeparator, readCsv } from '../../src/main/domains/imports/read-file'

const TODAY = '2026-06-15'

describe('dates from a spreadsheet', () => {
  it.each([
    ['03-02-2026', '2026-02-03'],
    ['3-2-2026', '2026-02-03'],
    ['5/3/26', '2026-03-05'],
    ['5/3/98', '1998-03-05'],
    // A two-digit year after this year is the last century.
    ['1/1/27', '1927-01-01'],
    ['1.12.2025', '2025-12-01'],
    ['2026-1-15', '2026-01-15'],
    ['2026-01-15T00:00:00.000Z', '2026-01-15'],
    // Excel serial numbers: 46023 is 2026-01-01, 45000 is 2023-03-15.
    ['46023', '2026-01-01'],
    ['45000', '2023-03-15'],
    ['  ', ''],
  ])('%s -> %s', (input, day) => expect(normaliseDate(input, TODAY)).toBe(day))

  it('passes on what it cannot read, for the schema to refuse', () => {
    expect(normaliseDate('gisteren', TODAY)).toBe('gisteren')
    // A year alone is not taken for a serial number.
    expect(normaliseDate('2012', TODAY)).toBe('2012')
    // 31 February keeps its numbers; the schema says it is no date.
    expect(normaliseDate('31-02-2026', TODAY)).toBe('2026-02-31')
  })

  it('reads a birth year from a year, a year with decimals, or a date', () => {
    expect(normaliseYear('1980', TODAY)).toBe(1980)
    expect(normaliseYear('1980.0', TODAY)).toBe(1980)
    expect(normaliseYear('12-05-1975', TODAY)).toBe(1975)
    expect(normaliseYear('', TODAY)).toBeNull()
    expect(normaliseYear('onbekend', TODAY)).toBe('onbekend')
  })
})

describe('other values', () => {
  it('writes postcodes as 1234 AB', () => {
    expect(normalisePostcodeText('3811ab')).toBe('3811 AB')
    expect(normalisePostcodeText(' 3811  AB ')).toBe('3811 AB')
    expect(normalisePostcodeText('12345')).toBe('12345')
  })

  it('reads income words', () => {
    expect(incomeSource('Bijstand')).toBe('bijstand')
    expect(incomeSource('WIA')).toBe('ao')
    expect(incomeSource('loon')).toBe('werk')
    expect(incomeSource('loterij')).toBe('loterij')
  })

  it('reads members from one cell', () => {
    expect(parseMembers('Sara 2012 v; Tim 2015 m\nx 2020 Noor')).toEqual([
      { firstName: 'Sara', birthYear: 2012, gender: 'f' },
      { firstName: 'Tim', birthYear: 2015, gender: 'm' },
      { firstName: 'Noor', birthYear: 2020, gender: 'x' },
    ])
    expect(parseMembers('Anna')).toEqual([
      { firstName: 'Anna', birthYear: undefined, gender: undefined },
    ])
    expect(parseMembers('  ')).toEqual([])
  })
})

describe('reading CSV', () => {
  it('finds the separator on the header line', () => {
    expect(detectSeparator('a;b;c\n1,2;3')).toBe(';')
    expect(detectSeparator('a,b,"c;d"\n')).toBe(',')
    expect(detectSeparator('a\tb\n')).toBe('\t')
  })

  it('reads UTF-8 with a BOM, and Windows-1252 when the bytes are not UTF-8', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Zoë')])
    expect(decodeText(utf8)).toEqual({ text: 'Zoë', encoding: 'utf-8' })
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xeb]))).toEqual({
      text: 'Zoë',
      encoding: 'windows-1252',
    })
  })

  it('keeps the file line numbers and leaves empty rows out', () => {
    const bytes = new TextEncoder().encode(
      '\ufeffNaam,Postcode\r\n\r\nJansen,3811ab\r\n,\r\n"De Vries, J.",3812 CD\r\n',
    )
    const read = readCsv(bytes)
    expect(read).toMatchObject({ separator: ',', encoding: 'utf-8', headers: ['Naam', 'Postcode'] })
    expect(read.rows).toEqual([
      { line: 3, cells: ['Jansen', '3811ab'] },
      { line: 5, cells: ['De Vries, J.', '3812 CD'] },
    ])
  })
})

describe('the column guess', () => {
  it('compares headers without accents, case or punctuation', () => {
    expect(headerKey('E-mail adres')).toBe('emailadres')
    expect(headerKey('Geboortejaar ')).toBe('geboortejaar')
  })

  it('guesses Dutch and English headers, each column once', () => {
    const guess = (headers: string[]) =>
      Object.fromEntries(guessMapping(headers, 'households').map((m) => [m.field, m.column]))
    expect(guess(['Naam', 'Naam contactpersoon', 'Zip', 'District', 'Income'])).toMatchObject({
      contactName: 'Naam contactpersoon',
      postcode: 'Zip',
      district: 'District',
      incomeSource: 'Income',
      city: null,
    })
    expect(guess(['contact name', 'postcode woonadres', 'Wijk'])).toMatchObject({
      contactName: 'contact name',
      postcode: 'postcode woonadres',
      district: 'Wijk',
    })
  })
})
