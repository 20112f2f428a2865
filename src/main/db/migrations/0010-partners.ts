import { Kysely, sql } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

/**
 * The search key as it was defined when migration 0010 was written (the app's own copy is
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

export function keyThen(s: string): string {
  let key = foldOnce(s)
  for (let i = 0; i < 4; i++) {
    const next = foldOnce(key)
    if (next === key) break
    key = next
  }
  return key
}

/**
 * The "sociale kaart": referral destinations leave the shop's managed lists and become
 * partner organisations with a kind, an area, contact details and what they help with. The
 * volunteers domain will keep its host organisations in the same table (one list, not two).
 *
 * Every destination becomes a partner with the same id, so `intake_referral.destination_id`
 * keeps naming the same organisation; that column then references `partner`, which SQLite can
 * only do by rebuilding the table (create, copy, drop, rename), ids and rows kept. Runs in one
 * transaction: a failure leaves the file as it was.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TABLE partner (
      id integer PRIMARY KEY AUTOINCREMENT,
      name text NOT NULL,
      search_name text NOT NULL UNIQUE,
      kind text NOT NULL,
      area text,
      contact_person text,
      phone text,
      email text,
      address text,
      helps_with text,
      active integer NOT NULL DEFAULT 1,
      created_at text NOT NULL,
      updated_at text NOT NULL
    )`.execute(trx)
    await sql`CREATE INDEX partner_area ON partner (area)`.execute(trx)

    const now = new Date().toISOString()
    const destinations = (await trx
      .selectFrom('list_item')
      .select(['id', 'name', 'active'])
      .where('kind', '=', 'destination')
      .orderBy('id')
      .execute()) as { id: number; name: string; active: number }[]
    const taken = new Set<string>()
    for (const d of destinations) {
      // Names were unique per list only up to exact spelling in early versions; two that fold
      // alike would break the unique key, so the later one keeps its id in its key.
      let key = keyThen(d.name)
      if (taken.has(key)) key = `${key} #${d.id}`
      taken.add(key)
      await trx
        .insertInto('partner')
        .values({
          id: d.id,
          name: d.name,
          search_name: key,
          kind: 'other',
          active: d.active ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute()
    }

    const seq = (
      await sql<{ seq: number }>`
      SELECT seq FROM sqlite_sequence WHERE name = 'intake_referral'`.execute(trx)
    ).rows[0]
    await sql`CREATE TABLE intake_referral_new (
      id integer PRIMARY KEY AUTOINCREMENT,
      intake_id integer NOT NULL REFERENCES intake (id) ON DELETE CASCADE,
      destination_id integer NOT NULL REFERENCES partner (id),
      note text
    )`.execute(trx)
    await sql`INSERT INTO intake_referral_new (id, intake_id, destination_id, note)
      SELECT id, intake_id, destination_id, note FROM intake_referral ORDER BY id`.execute(trx)
    await sql`DROP TABLE intake_referral`.execute(trx)
    await sql`ALTER TABLE intake_referral_new RENAME TO intake_referral`.execute(trx)
    await sql`CREATE INDEX intake_referral_intake ON intake_referral (intake_id)`.execute(trx)
    // A referral deleted at the end must not see its id handed out again.
    if (seq) {
      const after = (
        await sql<{ seq: number }>`
        SELECT seq FROM sqlite_sequence WHERE name = 'intake_referral'`.execute(trx)
      ).rows[0]
      await sql`DELETE FROM sqlite_sequence WHERE name = 'intake_referral'`.execute(trx)
      await sql`INSERT INTO sqlite_sequence (name, seq)
        VALUES ('intake_referral', ${Math.max(seq.seq, after?.seq ?? 0)})`.execute(trx)
    }

    await trx.deleteFrom('list_item').where('kind', '=', 'destination').execute()
  })
}
