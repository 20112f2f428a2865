import { describe, expect, it } from 'vitest'
import { csvCell, searchKey, similarNames, toCsv } from '../../src/main/db/text'

describe('name matching for duplicate warnings', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(searchKey('  Özdemir   ÇELIK ')).toBe('ozdemir celik')
  })
  it.each([
    ['Fatima el Amrani', 'F. el Amrani'],
    ['Jan de Vries', 'Jan de Vriess'],
    ['Sanne van der Berg', 'Piet van der Berg'],
    ['Ayşe Yılmaz', 'Ayse Yilmaz'],
  ])('sees %s and %s as similar', (a, b) => expect(similarNames(a, b)).toBe(true))
  it.each([
    ['Jan de Vries', 'Mohamed Bouzid'],
    ['Anna Jansen', 'Kees Bakker'],
    ['Jan de Vries', 'Jan van Dijk'],
  ])('sees %s and %s as different', (a, b) => expect(similarNames(a, b)).toBe(false))
})

describe('CSV for Dutch spreadsheets', () => {
  it('quotes separators and defuses formulas', () => {
    expect(csvCell('de Vries; Jan')).toBe('"de Vries; Jan"')
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(null)).toBe('')
  })
  it('starts with a BOM and uses ; and CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa;b\r\n1;x\r\n')
  })
})
