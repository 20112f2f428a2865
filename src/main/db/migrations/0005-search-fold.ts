import { Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The search key as it was defined when this migration was written (the app's own copy is
 * `src/shared/search-key.ts`): letters that are no base letter plus accent (ı, ø, ß, ł, æ, ...)
 * spelled out, Cyrillic and Greek lookalikes of Latin letters made Latin, accents, invisible
 * characters and extra spaces dropped.
 */
const FOLDS_THEN: Record<string, string> = {
  ı: 'i',
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
const FOLD_PATTERN = new RegExp(`[${Object.keys(FOLDS_THEN).join('')}]`, 'gu')

/** Cyrillic and Greek letters that pass for Latin ones, replaced before lower-casing. */
const CONFUSABLES_THEN: Record<string, string> = {
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
const CONFUSABLE_PATTERN = new RegExp(`[${Object.keys(CONFUSABLES_THEN).join('')}]`, 'gu')

function foldOnce(s: string): string {
  return s
    .normalize('NFKD')
    .replace(CONFUSABLE_PATTERN, (c) => CONFUSABLES_THEN[c])
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}\p{Cc}]/gu, (c) => (/\s/u.test(c) ? ' ' : ''))
    .replace(FOLD_PATTERN, (c) => FOLDS_THEN[c])
    .replace(/\s+/gu, ' ')
    .trim()
}

function keyThen(s: string): string {
  let key = foldOnce(s)
  for (let i = 0; i < 4; i++) {
    const next = foldOnce(key)
    if (next === key) break
    key = next
  }
  return key
}

/** Recomputes every household's stored search key, so "yilmaz" finds a "Yılmaz" saved before. */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const rows = (await db
    .selectFrom('household')
    .select(['id', 'contact_name', 'search_name'])
    .execute()) as { id: number; contact_name: string; search_name: string }[]
  for (const r of rows) {
    const key = keyThen(r.contact_name)
    if (key !== r.search_name)
      await db.updateTable('household').set({ search_name: key }).where('id', '=', r.id).execute()
  }
}
