import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { searchKey } from '../../src/shared/search-key'

/** Letters a family name may hold, with how someone without them on the keyboard types them. */
const TYPED_AS: [string, string][] = [
  ['ı', 'i'],
  ['İ', 'I'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['ß', 'ss'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['æ', 'ae'],
  ['Æ', 'AE'],
  ['œ', 'oe'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['þ', 'th'],
  ['Þ', 'Th'],
  ['ð', 'd'],
  ['ş', 's'],
  ['ç', 'c'],
  ['ğ', 'g'],
  ['é', 'e'],
  ['ë', 'e'],
  ['ö', 'o'],
  ['ü', 'u'],
  ['å', 'a'],
  ['ñ', 'n'],
  ['ć', 'c'],
  ['’', "'"],
]

const plain = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz -'.split(''))
/** A stored name as a list of pieces, each a plain letter or one of the letters above. */
const namePieces = fc.array(
  fc.oneof(
    plain.map((c) => [c, c] as [string, string]),
    fc.constantFrom(...TYPED_AS),
  ),
  { minLength: 1, maxLength: 20 },
)

describe('the search key', () => {
  it('finds names with letters that are no accent: Yılmaz, Øster, Straße, Łukasz, İnce', () => {
    expect(searchKey('Yılmaz')).toBe(searchKey('yilmaz'))
    expect(searchKey('YILMAZ')).toBe('yilmaz')
    expect(searchKey('Østergaard')).toBe('ostergaard')
    expect(searchKey('Großmann')).toBe('grossmann')
    expect(searchKey('Łukasz')).toBe('lukasz')
    expect(searchKey('İnce')).toBe('ince')
    expect(searchKey('Ægir Þórsson')).toBe('aegir thorsson')
    expect(searchKey('Cœur')).toBe('coeur')
    expect(searchKey('Đorđević')).toBe('dordevic')
    expect(searchKey('D’Souza')).toBe("d'souza")
  })

  it('leaves nothing of accents or invisible characters alone', () => {
    expect(searchKey('\u0300\u0300')).toBe('')
    expect(searchKey('a\u0301')).toBe('a')
    expect(searchKey('\u200b\u200d\u00ad')).toBe('')
    expect(searchKey('Jan\u00a0 de\tVries ')).toBe('jan de vries')
  })

  it('is stable: the key of a key is the key, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 30, unit: 'binary' }),
          fc.string({ maxLength: 30, unit: 'grapheme-composite' }),
          fc.string({ maxLength: 30, unit: 'grapheme' }),
        ),
        (s) => {
          const key = searchKey(s)
          expect(searchKey(key)).toBe(key)
          // Never longer in invisible ways: no marks, format characters or edge spaces left.
          expect(key).not.toMatch(/[\p{M}\p{Cf}]|^\s|\s$|\s\s/u)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('gives the stored name and what is typed for it the same key, in any case', () => {
    fc.assert(
      fc.property(
        namePieces,
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (pieces, upper) => {
          const stored = pieces.map(([letter]) => letter).join('')
          const typed = pieces
            .map(([, t], i) => (upper[i] ? t.toUpperCase() : t.toLowerCase()))
            .join('')
          expect(searchKey(typed)).toBe(searchKey(stored))
          // A part of what was typed finds the stored name (search matches inside the key).
          const part = searchKey(typed).slice(0, 3)
          expect(searchKey(stored)).toContain(part)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
