import { nl, type SharedLabels } from './nl'
import { en } from './en'

export { lowerFirst, lowerFirstAll } from './words'
export type { SharedLabels } from './nl'

export type LabelLanguage = 'nl' | 'en'

/**
 * The labels main and the renderer both show, per language: the renderer merges these top-level
 * namespaces into its own resources, main gives them to its i18next instance.
 */
export const SHARED_LABELS: Record<LabelLanguage, SharedLabels> = { nl, en }

/** The namespaces this module owns; a screen's own texts must not use these names. */
export const SHARED_NAMESPACES = Object.keys(nl) as (keyof SharedLabels)[]
