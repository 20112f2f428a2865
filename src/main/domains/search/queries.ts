import { sql } from 'kysely'
import type { SearchHit } from '../../../shared/schemas/search'
import type { Db } from '../../context'

/**
 * The reads behind Ctrl+K. Each kind is looked up by its indexes first: a folded name that starts
 * with what was typed (`search_name` between the key and the key followed by the last code point,
 * which the name index answers in order), a whole reference, the start of a postcode or phone
 * number. Only when those leave room is a word inside a name looked for ("vries" in "de vries",
 * a last name in "first last"); that reads the name index from end to end, never the table, and
 * stops at the first few it finds.
 */

/** Every text that starts with `key` sorts between the key and this. */
const beyond = (key: string): string => `${key}\u{10FFFF}`

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** What a query was turned into: the folded words and the other ways it can name a record. */
export interface SearchTerms {
  /** The search key of the whole query (see shared/search-key.ts). */
  key: string
  /** The folded words of the query, for a word inside a name. */
  words: string[]
  /** A postcode or its start as stored ("1234 AB", "1234"), when the query is one. */
  postcode: string | null
  /** Digits of a phone number (six or more), when the query is one. */
  phone: string | null
  /** A number the user may mean as a record's number ("73", "H-00073", "K-2026-7"). */
  number: number | null
  /** The year part of a complaint number ("K-2026-007"), if typed. */
  year: number | null
}

/** Ids in the order found, without repeats, at most `limit`. */
function merge(limit: number, ...lists: number[][]): number[] {
  const seen = new Set<number>()
  for (const list of lists)
    for (const id of list) {
      if (seen.size >= limit) return [...seen]
      seen.add(id)
    }
  return [...seen]
}

/** True once enough ids were found that another, slower lookup is not needed. */
const full = (limit: number, ...lists: number[][]): boolean =>
  merge(limit, ...lists).length >= limit

/**
 * Not anonymised, written so that SQLite does not pick the anonymisation index for it (the unary
 * plus): nearly every row passes, and the name, postcode or phone index must lead.
 */
const notAnonymised = (alias: 'h' | 'p') =>
  sql<boolean>`+${sql.ref(`${alias}.anonymised_at`)} is null`

/** A postcode, phone number or reference is looked up by its index only: names hold no digits. */
const hasDigit = (key: string): boolean => /\d/.test(key)

/** A condition that a folded name has a word (after a space or hyphen) starting with `word`. */
function wordInside(column: string, word: string) {
  const w = likeEscape(word)
  return sql<boolean>`(${sql.ref(column)} like ${`% ${w}%`} escape '\\' or ${sql.ref(column)} like ${`%-${w}%`} escape '\\')`
}

// --- Households ------------------------------------------------------------------------------

/**
 * Households by reference, by the start of the name, of the postcode or of the phone number, by
 * the start of a member's first name, and last by a word inside the name. Anonymised households
 * have no name to find (their members' first names are gone too).
 */
export async function findHouseholds(
  db: Db,
  terms: SearchTerms,
  reference: string | null,
  limit: number,
): Promise<SearchHit[]> {
  const base = db.selectFrom('household as h').select('h.id').where(notAnonymised('h'))
  const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id)
  const byReference = reference
    ? ids(await base.where('h.reference', '=', reference).execute())
    : []
  const byName = terms.key
    ? ids(
        await base
          .where('h.searchName', '>=', terms.key)
          .where('h.searchName', '<', beyond(terms.key))
          .orderBy('h.searchName')
          .orderBy('h.id')
          .limit(limit)
          .execute(),
      )
    : []
  const byPostcode = terms.postcode
    ? ids(
        await base
          .where('h.postcode', '>=', terms.postcode)
          .where('h.postcode', '<', beyond(terms.postcode))
          .orderBy('h.postcode')
          .orderBy('h.id')
          .limit(limit)
          .execute(),
      )
    : []
  const byPhone = terms.phone
    ? ids(
        await base
          .where('h.phoneDigits', '>=', terms.phone)
          .where('h.phoneDigits', '<', beyond(terms.phone))
          .orderBy('h.phoneDigits')
          .limit(limit)
          .execute(),
      )
    : []
  // A member's first name ("fatima" finds the family whose contact is her mother): from the
  // member name index, in name order; the household row is read by its key for the check.
  const memberRows =
    terms.key && !hasDigit(terms.key) && !full(limit, byReference, byName, byPostcode, byPhone)
      ? await db
          .selectFrom('member as m')
          .innerJoin('household as h', 'h.id', 'm.householdId')
          .select(['m.householdId as id', 'm.firstName'])
          .where('m.searchName', '>=', terms.key)
          .where('m.searchName', '<', beyond(terms.key))
          .where(notAnonymised('h'))
          .orderBy('m.searchName')
          .orderBy('m.householdId')
          .limit(limit * 2)
          .execute()
      : []
  const memberOf = new Map<number, string>()
  for (const r of memberRows)
    if (r.firstName && !memberOf.has(r.id)) memberOf.set(r.id, r.firstName)
  const byMember = [...memberOf.keys()]
  const found = [byReference, byName, byPostcode, byPhone, byMember]
  const byWord =
    terms.key && !hasDigit(terms.key) && !full(limit, ...found)
      ? ids(
          await base
            .where(wordInside('h.search_name', terms.key))
            .orderBy('h.searchName')
            .limit(limit)
            .execute(),
        )
      : []
  const order = merge(limit, ...found, byWord)
  if (!order.length) return []
  const rows = await db
    .selectFrom('household')
    .select(['id', 'reference', 'contactName', 'postcode', 'city'])
    .where('id', 'in', order)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return order.map((id) => {
    const r = byId.get(id)!
    const place = [r.postcode, r.city].filter(Boolean).join(' ')
    const hit: SearchHit = {
      id,
      reference: r.reference,
      title: r.contactName,
      detail: place || null,
    }
    // Found by a member only: say by whom, or the contact's name would not explain the hit.
    const member = memberOf.get(id)
    return member && !byName.includes(id) ? { ...hit, member } : hit
  })
}

// --- People (volunteers' domain) -------------------------------------------------------------

/**
 * People by reference, the start of "first last", of the postcode or phone, and last by a word
 * inside the name (every word of the query, so "jan de" finds "jan de boer" by its first word).
 */
export async function findPeople(
  db: Db,
  terms: SearchTerms,
  reference: string | null,
  limit: number,
): Promise<SearchHit[]> {
  const base = db.selectFrom('person as p').select('p.id').where(notAnonymised('p'))
  const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id)
  const byReference = reference
    ? ids(await base.where('p.reference', '=', reference).execute())
    : []
  const byName = terms.key
    ? ids(
        await base
          .where('p.searchName', '>=', terms.key)
          .where('p.searchName', '<', beyond(terms.key))
          .orderBy('p.searchName')
          .limit(limit)
          .execute(),
      )
    : []
  const byPostcode = terms.postcode
    ? ids(
        await base
          .where('p.postcode', '>=', terms.postcode)
          .where('p.postcode', '<', beyond(terms.postcode))
          .orderBy('p.postcode')
          .orderBy('p.id')
          .limit(limit)
          .execute(),
      )
    : []
  const byPhone = terms.phone
    ? ids(
        await base
          .where('p.phoneDigits', '>=', terms.phone)
          .where('p.phoneDigits', '<', beyond(terms.phone))
          .orderBy('p.phoneDigits')
          .limit(limit)
          .execute(),
      )
    : []
  const found = [byReference, byName, byPostcode, byPhone]
  const byWord =
    terms.words.length && !hasDigit(terms.key) && !full(limit, ...found)
      ? ids(
          await base
            .where((eb) =>
              eb.and(
                terms.words.map((w, i) =>
                  // The first word may start the name; every word may start a word inside it.
                  i === 0
                    ? eb.or([
                        eb(
                          sql.ref('p.search_name'),
                          'like',
                          sql`${`${likeEscape(w)}%`} escape '\\'`,
                        ),
                        wordInside('p.search_name', w),
                      ])
                    : wordInside('p.search_name', w),
                ),
              ),
            )
            .orderBy('p.searchName')
            .limit(limit)
            .execute(),
        )
      : []
  const order = merge(limit, ...found, byWord)
  if (!order.length) return []
  const rows = await db
    .selectFrom('person')
    .select(['id', 'reference', 'firstName', 'lastName', 'postcode', 'place'])
    .where('id', 'in', order)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return order.map((id) => {
    const r = byId.get(id)!
    const place = [r.postcode, r.place].filter(Boolean).join(' ')
    return {
      id,
      reference: r.reference,
      title: `${r.firstName} ${r.lastName}`.trim(),
      detail: place || null,
    }
  })
}

// --- Vacancies -------------------------------------------------------------------------------

/**
 * Vacancies whose title or host organisation holds every word; open ones first. A few hundred
 * rows even after ten years (they are kept and reused, not added per person), so the words are
 * looked for anywhere in the folded title.
 */
export async function findVacancies(
  db: Db,
  terms: SearchTerms,
  limit: number,
): Promise<SearchHit[]> {
  if (!terms.words.length) return []
  const rows = await db
    .selectFrom('vacancy as v')
    .innerJoin('partner as o', 'o.id', 'v.partnerId')
    .select(['v.id', 'v.title', 'o.name as host', 'v.place'])
    .where((eb) =>
      eb.and(
        terms.words.map((w) => {
          const like = `%${likeEscape(w)}%`
          return eb.or([
            eb(sql.ref('v.search_title'), 'like', sql`${like} escape '\\'`),
            eb(sql.ref('o.search_name'), 'like', sql`${like} escape '\\'`),
          ])
        }),
      ),
    )
    .orderBy('v.active', 'desc')
    .orderBy('v.searchTitle')
    .orderBy('v.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reference: null,
    title: r.title,
    detail: [r.host, r.place].filter(Boolean).join(', ') || null,
  }))
}

// --- Complaints ------------------------------------------------------------------------------

/**
 * Complaints by number (K-2026-007, 2026-7, 7: the newest first), or by the complainant: a
 * household or person whose name has a word starting with the query, or the name written on the
 * complaint. The name is what the complaints list shows; the text of a complaint is never
 * searched (it may name others).
 */
export async function findComplaints(
  db: Db,
  terms: SearchTerms,
  limit: number,
): Promise<SearchHit[]> {
  const base = db
    .selectFrom('complaint as c')
    .leftJoin('household as h', 'h.id', 'c.householdId')
    .leftJoin('person as p', 'p.id', 'c.personId')
    .select([
      'c.id',
      'c.number',
      'c.receivedOn',
      'c.complainantKind',
      'c.complainantName',
      'h.contactName',
      'p.firstName',
      'p.lastName',
    ])
    .where('c.anonymisedAt', 'is', null)
  const rows =
    terms.number !== null
      ? await base
          .where('c.seq', '=', terms.number)
          .$if(terms.year !== null, (q) => q.where('c.year', '=', terms.year!))
          .orderBy('c.year', 'desc')
          .limit(limit)
          .execute()
      : terms.key
        ? await base
            .where((eb) => {
              const start = `${likeEscape(terms.key)}%`
              return eb.or([
                eb.and([
                  eb('c.householdId', 'is not', null),
                  eb.or([
                    eb(sql.ref('h.search_name'), 'like', sql`${start} escape '\\'`),
                    wordInside('h.search_name', terms.key),
                  ]),
                ]),
                eb.and([
                  eb('c.personId', 'is not', null),
                  eb.or([
                    eb(sql.ref('p.search_name'), 'like', sql`${start} escape '\\'`),
                    wordInside('p.search_name', terms.key),
                  ]),
                ]),
                eb(sql`lower(c.complainant_name)`, 'like', sql`${start} escape '\\'`),
                eb(sql`lower(c.complainant_name)`, 'like', sql`${`% ${start}`} escape '\\'`),
              ])
            })
            .orderBy('c.receivedOn', 'desc')
            .orderBy('c.id', 'desc')
            .limit(limit)
            .execute()
        : []
  return rows.map((r) => ({
    id: r.id,
    reference: r.number,
    title:
      r.complainantKind === 'anonymous'
        ? null
        : (r.contactName ??
          (r.firstName !== null ? `${r.firstName} ${r.lastName ?? ''}`.trim() : null) ??
          r.complainantName),
    detail: r.receivedOn,
  }))
}
