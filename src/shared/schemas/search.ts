import { z } from 'zod'
import { COUNTER_MIN_QUERY } from '../search-key'

/**
 * The search behind Ctrl+K: what is typed, in one field. At least this many characters of
 * search key (see search-key.ts), for every role: two letters already narrow ten years of
 * families to a short list, one would list half of them.
 */
export const SEARCH_MIN_QUERY = COUNTER_MIN_QUERY

/** At most this many results of each kind: the rest is found on the kind's own list screen. */
export const SEARCH_PER_KIND = 8

export const globalSearchInput = z.object({
  query: z.string({ error: 'v:required' }).trim().max(100),
})
export type GlobalSearchInput = z.input<typeof globalSearchInput>

/** The kinds of record the search looks in, in the order the results show them. */
export const SEARCH_KINDS = ['households', 'people', 'vacancies', 'complaints'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

/** One result: enough to recognise the record and open its page, nothing more. */
export interface SearchHit {
  id: number
  /** H-00073, D-00042, K-2026-007; a vacancy has none. */
  reference: string | null
  /** The family's contact name, the person's name, the vacancy's title, the complainant. */
  title: string | null
  /** Postcode and place, the host organisation, or the day a complaint came in. */
  detail: string | null
  /** A family found by a member's first name (and not by its own name): that first name. */
  member?: string
}

/**
 * What the search found, per kind. A kind the caller's role may not read is absent (main
 * leaves it out; the counter volunteer gets households only).
 */
export type GlobalSearchResult = Partial<Record<SearchKind, SearchHit[]>>

/** The quick guides to print: one for a new coordinator, one for the counter. */
export const QUICK_GUIDES = ['coordinator', 'counter'] as const
export type QuickGuide = (typeof QUICK_GUIDES)[number]

export const quickGuideInput = z.object({
  guide: z.enum(QUICK_GUIDES, { error: 'v:invalidOption' }),
})
export type QuickGuideInput = z.input<typeof quickGuideInput>
