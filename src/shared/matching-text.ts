import type { Explanation } from './schemas/volunteers-matching'

/** An i18next-style `t`: a key and its parameters to words (plurals on `count`). */
export type MatchingTranslate = (key: string, params?: Record<string, string | number>) => string

/**
 * One matching sentence in words: the parameters that are codes (a demand, half-days, a step) are
 * put into words first, joined with ", ", then the sentence is made with all parameters. The
 * screens pass their own `t`, main's PDF passes `labelsT`.
 */
export function matchingText(t: MatchingTranslate, e: Explanation): string {
  const coded: Record<string, string> = {}
  for (const [name, keys] of Object.entries(e.codes ?? {}))
    coded[name] = keys.map((k) => t(k)).join(', ')
  return t(e.key, { ...e.params, ...coded })
}
