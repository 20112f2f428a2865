import { auditNote } from '../../../shared/audit-text'
import { validationError } from '../../../shared/errors'
import type { MethodParsed } from '../../../shared/api'
import {
  SEARCH_MIN_QUERY,
  SEARCH_PER_KIND,
  type GlobalSearchResult,
} from '../../../shared/schemas/search'
import { searchKey, searchKeyLength } from '../../../shared/search-key'
import type { ServiceContext } from '../../context'
import { audit } from '../audit/audit'
import { referenceFor } from '../shop/queries'
import { personReference } from '../volunteers/people-queries'
import {
  findComplaints,
  findHouseholds,
  findPeople,
  findVacancies,
  type SearchTerms,
} from './queries'

/** What a typed query can mean besides a name: a postcode, a phone number, a record's number. */
export function searchTerms(query: string): SearchTerms {
  const key = searchKey(query)
  const compact = query.replace(/\s+/g, '').toUpperCase()
  const digits = query.replace(/\D/g, '')
  const onlyDigits = digits.length > 0 && digits.length === query.replace(/[\s()+-]/g, '').length
  const pc = /^(\d{4})([A-Z]{0,2})$/.exec(compact)
  const number = /^(?:[HDK]-?)?(?:(\d{4})-)?0*(\d{1,9})$/.exec(compact)
  return {
    key,
    words: key.split(' ').filter(Boolean),
    postcode: pc ? (pc[2] ? `${pc[1]} ${pc[2]}` : pc[1]) : null,
    phone: onlyDigits && digits.length >= 6 ? digits : null,
    number: number ? Number(number[2]) : null,
    year: number?.[1] ? Number(number[1]) : null,
  }
}

/**
 * Ctrl+K. The same rules as each kind's own list: the counter volunteer looks households up (at
 * least two characters, a few results, each remembered so it may open the one it picks) and gets
 * nothing of the volunteers' domain or of complaints, which are staff's. Staff get all four kinds.
 * Logged as the lists log: people shown are one `view` of people with how many (never the words,
 * which may be a name); the households and complaints lists log no view until a record is opened.
 */
export async function globalSearch(
  ctx: ServiceContext,
  input: MethodParsed<'search.global'>,
): Promise<GlobalSearchResult> {
  const terms = searchTerms(input.query)
  // What counts is the search key: "\u0300\u0300" folds to nothing and would match everyone.
  if (searchKeyLength(terms.key) < SEARCH_MIN_QUERY)
    throw validationError([
      { path: 'query', key: 'searchTooShort', params: { min: SEARCH_MIN_QUERY } },
    ])
  const counter = ctx.session.role === 'volunteer'
  const limit = SEARCH_PER_KIND
  // The counter matches a reference whole only ("H-00073", "73"), as its own search does.
  const householdRef =
    terms.number !== null && terms.year === null ? referenceFor(terms.number) : null
  const households = await findHouseholds(ctx.db, terms, householdRef, limit)
  if (counter) {
    ctx.session.lookups?.remember(
      households.map((h) => h.id),
      ctx.clock.now().getTime(),
    )
    return { households }
  }
  const personRef =
    terms.number !== null && terms.year === null ? personReference(terms.number) : null
  const [people, vacancies, complaints] = [
    await findPeople(ctx.db, terms, personRef, limit),
    await findVacancies(ctx.db, terms, limit),
    await findComplaints(ctx.db, terms, limit),
  ]
  if (people.length)
    await audit(ctx.db, ctx, {
      action: 'view',
      entityType: 'person',
      detail: auditNote({ k: 'peopleShown', count: people.length }),
    })
  return { households, people, vacancies, complaints }
}
