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

/** Marks (accents), invisible format characters (zero-width joiners, soft hyphens) and controls. */
const INVISIBLE = /[\p{M}\p{Cf}\p{Cc}]/gu

function foldOnce(s: string): string {
  return s
    .normalize('NFKD')
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
