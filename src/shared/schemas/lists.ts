import { z } from 'zod'
import { id, requiredText } from './common'
/** Referral destinations are partners now (the "sociale kaart", `partners.*`). */
export const LIST_KINDS = ['topic', 'category'] as const

export type ListKind = (typeof LIST_KINDS)[number]

export const listsListInput = z.object({
  kind: z.enum(LIST_KINDS),
  includeInactive: z.boolean().default(false),
})

export const listsCreateInput = z.object({ kind: z.enum(LIST_KINDS), name: requiredText(80) })

export const listsUpdateInput = z.object({
  id,
  name: requiredText(80),
  active: z.boolean(),
})

export interface ListItem {
  id: number
  kind: ListKind
  name: string
  active: boolean
}
