import { Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The search key as it was defined when this migration was written (the app's own copy is
 * `src/shared/search-key.ts`): letters that are no base letter plus accent (ı, ø, ß, ł, æ, ...)
 * spelled out, accents, invisible characters and extra spaces dropped.
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

function foldOnce(s: string): string {
  return s
    .normalize('NFKD')
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
