import { z } from 'zod'
import { id, isoDate, optionalText, requiredOrOption, requiredText } from './common'

/** When a collection is meant for; a shop with one collection a year says "year_round". */
export const COLLECTION_SEASONS = ['spring', 'summer', 'autumn', 'winter', 'year_round'] as const
export type CollectionSeason = (typeof COLLECTION_SEASONS)[number]

/** How a family was told of a new collection. */
export const NOTICE_WAYS = ['phone', 'text_message', 'email', 'in_person', 'letter'] as const
export type NoticeWay = (typeof NOTICE_WAYS)[number]

/** Where a collection stands today: not in yet, in the shop, or gone (to a partner project). */
export const COLLECTION_STATES = ['coming', 'current', 'left'] as const
export type CollectionState = (typeof COLLECTION_STATES)[number]

/** Which families of the call list to show: all, only those told, only those still to tell. */
export const NOTICE_FILTERS = ['all', 'told', 'notTold'] as const
export type NoticeFilter = (typeof NOTICE_FILTERS)[number]

const season = z.enum(COLLECTION_SEASONS, { error: requiredOrOption })
const how = z.enum(NOTICE_WAYS, { error: requiredOrOption })

export const collectionsListInput = z.object({}).strict()

export const collectionCreateInput = z.object({
  name: requiredText(80),
  season,
  arrivesOn: isoDate,
})
export type CollectionCreateInput = z.input<typeof collectionCreateInput>

export const collectionUpdateInput = collectionCreateInput.extend({ id })

export const collectionCallListInput = z.object({
  id,
  district: optionalText(80),
  told: z.enum(NOTICE_FILTERS, { error: requiredOrOption }).default('all'),
})

export const collectionMarkToldInput = z.object({
  id,
  householdId: id,
  how,
  date: isoDate,
})
export type CollectionMarkToldInput = z.input<typeof collectionMarkToldInput>

export const collectionLeaveInput = z.object({
  id,
  date: isoDate,
  partnerId: id.nullish().transform((v) => v ?? null),
  note: optionalText(500),
})
export type CollectionLeaveInput = z.input<typeof collectionLeaveInput>

export interface Collection {
  id: number
  name: string
  season: CollectionSeason
  arrivesOn: string
  leftOn: string | null
  /** The partner project it went to, when one was named. */
  leftTo: { id: number; name: string } | null
  leftNote: string | null
  state: CollectionState
  /** Families told so far (of any list: a family told stays counted). */
  toldCount: number
}

/** One family of a collection's call list, with whether and how it was told. */
export interface CollectionCallEntry {
  householdId: number
  reference: string
  contactName: string
  phone: string | null
  email: string | null
  district: string | null
  notice: { date: string; how: NoticeWay; by: string } | null
}

export interface CollectionCallList {
  collection: Collection
  entries: CollectionCallEntry[]
  /** Over the whole list of the chosen district, whatever the told filter shows. */
  counts: { total: number; told: number }
}
