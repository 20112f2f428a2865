/**
 * The search key of a name: what is stored beside a household's name and what a typed query is
 * turned into before the two are compared. Shared, so a screen can tell whether a query is long
 * enough in the same way main decides it.
 */

/**
 * Letters that are not a base letter plus an accent, so Unicode decomposition leaves them alone,
 * written the way someone without that key on the keyboard types them (lower case only: the
 * key is lower-cased first).
 */
const LETTER_FOLDS: Record<string, string> = {
  ı: 'i', // Turkish dotless i: "Yılmaz" is typed "yilmaz"
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ƒ: 'f',
  ə: 'e',
  ɨ: 'i',
  ς: 'σ',
  // Quotes and dashes as keyboards and word processors vary them: "D’Souza" is "d'souza".
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '`': "'",
  '\u00b4': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
}

const FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu')

/**
 * Cyrillic and Greek letters that look like Latin ones, as the Latin letter they pass for:
 * "Khаdijа Bоujаdi" typed with a Cyrillic а and о must meet the duplicate check and the
 * counter's "boujadi". Applied before lower-casing, because some Greek capitals look like a
 * different Latin letter than their small form (Ν is N, ν is v; Η is H, η is n). Cyrillic
 * capitals and small letters map alike, so a Cyrillic name still matches in either case; a
 * Greek one may not for those few letters, a price paid for catching the lookalikes.
 */
const CONFUSABLES: Record<string, string> = {
  // Cyrillic, capital and small
  А: 'A',
  а: 'a',
  В: 'B',
  в: 'b',
  Е: 'E',
  е: 'e',
  К: 'K',
  к: 'k',
  М: 'M',
  м: 'm',
  Н: 'H',
  н: 'h',
  О: 'O',
  о: 'o',
  Р: 'P',
  р: 'p',
  С: 'C',
  с: 'c',
  Т: 'T',
  т: 't',
  У: 'Y',
  у: 'y',
  Х: 'X',
  х: 'x',
  Ѕ: 'S',
  ѕ: 's',
  І: 'I',
  і: 'i',
  Ј: 'J',
  ј: 'j',
  Һ: 'H',
  һ: 'h',
  Ү: 'Y',
  ү: 'y',
  Ԛ: 'Q',
  ԛ: 'q',
  Ԝ: 'W',
  ԝ: 'w',
  ԁ: 'd',
  Ӏ: 'I',
  ӏ: 'l',
  // Greek
  Α: 'A',
  α: 'a',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  η: 'n',
  Ι: 'I',
  ι: 'i',
  Κ: 'K',
  κ: 'k',
  Μ: 'M',
  Ν: 'N',
  ν: 'v',
  Ο: 'O',
  ο: 'o',
  Ρ: 'P',
  ρ: 'p',
  Τ: 'T',
  τ: 't',
  Υ: 'Y',
  υ: 'u',
  Χ: 'X',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  // Latin letters from phonetic alphabets that pass for ordinary ones
  ɑ: 'a',
  ɡ: 'g',
  ɩ: 'i',
  ȷ: 'j',
}

const CONFUSABLE_PATTERN = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu')

/** Marks (accents), invisible format characters (zero-width joiners, soft hyphens) and controls. */
const INVISIBLE = /[\p{M}\p{Cf}\p{Cc}]/gu

function foldOnce(s: string): string {
  return s
    .normalize('NFKD')
    .replace(CONFUSABLE_PATTERN, (c) => CONFUSABLES[c])
    .toLowerCase()
    .normalize('NFKD')
    .replace(INVISIBLE, (c) => (/\s/u.test(c) ? ' ' : ''))
    .replace(FOLD_PATTERN, (c) => LETTER_FOLDS[c])
    .replace(/\s+/gu, ' ')
    .trim()
}

/**
 * Lower case without accents, special letters spelled out and spaces collapsed:
 * "Özdemir-de Vries " -> "ozdemir-de vries", "Yılmaz" -> "yilmaz", "Øst" -> "ost".
 * Folding the key again gives the same key.
 */
export function searchKey(s: string): string {
  // Lower-casing or decomposing can expose something a later step folds ("İ" lower-cases to an
  // "i" with a combining dot); repeating until nothing changes makes the key stable.
  let key = foldOnce(s)
  for (let i = 0; i < 4; i++) {
    const next = foldOnce(key)
    if (next === key) break
    key = next
  }
  return key
}

/** Characters in a search key (code points, so a letter outside the BMP counts once). */
export function searchKeyLength(key: string): number {
  return Array.from(key).length
}

/** A counter volunteer's lookup needs this many characters of search key: never a list of all. */
export const COUNTER_MIN_QUERY = 2

/**
 * A counter volunteer's search answers at most this many households, without further pages:
 * the counter looks one family up and types more of the name when there are more.
 */
export const COUNTER_SEARCH_LIMIT = 10

/** The search key of a text that may be missing; null for none or one that folds to nothing. */
export function optionalSearchKey(s: string | null | undefined): string | null {
  const key = s ? searchKey(s) : ''
  return key === '' ? null : key
}

/**
 * A place as the matching compares two: the way the search does, so case, accents and spaces do
 * not matter; null for none.
 */
export function placeKey(place: string | null): string | null {
  return optionalSearchKey(place)
}
