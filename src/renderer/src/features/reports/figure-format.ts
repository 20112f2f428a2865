import { formatNumber } from '../../common/format'
import type { Bilingual, FigureUnit } from '../../../../shared/schemas/reports'

/** A figure's value as the report screen shows it, in the unit it counts. */
export function figureText(
  f: { unit: FigureUnit },
  v: number | null,
  lang: string,
  none: string,
): string {
  if (v === null) return none
  if (f.unit === 'rate') return `${formatNumber(v * 100, lang, 1)}%`
  if (f.unit === 'fte') return formatNumber(v, lang, 2)
  if (f.unit === 'days' || f.unit === 'mark' || f.unit === 'score' || f.unit === 'hours')
    return formatNumber(v, lang, v % 1 === 0 ? 0 : 2)
  // Counts are whole numbers; a pro-rata target may have one decimal.
  return formatNumber(v, lang, 1, 0)
}

/**
 * The difference of two values of a figure, signed, in its unit: a rate's in percentage points
 * ("+4,5 %-punt"), anything else as the plain difference; empty when a side has no value.
 */
export function differenceText(
  f: { unit: FigureUnit },
  left: number | null,
  right: number | null,
  lang: string,
  points: string,
): string {
  if (left === null || right === null) return ''
  const d = right - left
  const sign = d > 0 ? '+' : d < 0 ? '−' : ''
  if (f.unit === 'rate') return `${sign}${formatNumber(Math.abs(d) * 100, lang, 1)} ${points}`
  return `${sign}${figureText(f, Math.abs(d), lang, '')}`
}

/** A breakdown row's own part of its label: "Gemeente Eemstad" under "Verwijzingen". */
export function figureRowLabel(
  f: { label: Bilingual },
  parent: { label: Bilingual } | undefined,
  lang: 'nl' | 'en',
): string {
  const prefix = parent ? `${parent.label[lang]}: ` : null
  const label = f.label[lang]
  return prefix && label.startsWith(prefix) ? label.slice(prefix.length) : label
}
