import { z } from 'zod'
import { id, requiredOrOption, requiredText } from './common'

/**
 * Areas as a hierarchy (issue 17): municipality (gemeente) > area (gebied) > district (wijk) >
 * village (kern). Records keep their district's name; a report for an area counts the records of
 * that area and of every area under it.
 */
export const AREA_KINDS = ['municipality', 'area', 'district', 'village'] as const
export type AreaKind = (typeof AREA_KINDS)[number]

/** The kinds a parent of each kind may be: every kind higher up. */
export function parentKindsOf(kind: AreaKind): AreaKind[] {
  return AREA_KINDS.slice(0, AREA_KINDS.indexOf(kind))
}

export interface Area {
  id: number
  name: string
  kind: AreaKind
  parentId: number | null
  /** The figures this municipality asks for (figure keys); empty: every figure. */
  indicators: string[]
}

export const areaSaveInput = z.object({
  /** Absent: a new area. */
  id: id.nullish().transform((v) => v ?? null),
  name: requiredText(80),
  kind: z.enum(AREA_KINDS, { error: requiredOrOption }),
  parentId: id.nullish().transform((v) => v ?? null),
})
export type AreaSaveInput = z.input<typeof areaSaveInput>

export const areaIdInput = z.object({ id })

/** At most this many figures chosen for one municipality. */
export const AREA_INDICATORS_MAX = 200

export const areaIndicatorsInput = z.object({
  id,
  keys: z
    .array(
      z
        .string({ error: 'v:required' })
        .regex(/^[a-z][a-zA-Z0-9_.-]{0,119}$/, { error: 'v:figureKey' }),
    )
    .max(AREA_INDICATORS_MAX)
    .refine((a) => new Set(a).size === a.length, { error: 'v:duplicate' }),
})
export type AreaIndicatorsInput = z.input<typeof areaIndicatorsInput>
