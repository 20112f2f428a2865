import { intlLocale } from '../../common/format'

/** "november 2026" for `2026-11`. */
export function monthName(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(intlLocale(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)))
}

/** The month `n` months from `month` (`YYYY-MM`). */
export function addMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const total = y * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/** Hours with at most two decimals, in the language's way ("12,5"). */
export function formatHours(hours: number, lang: string): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(hours)
}

/**
 * What is typed in an hours cell: null for empty, a number for a number written the Dutch or the
 * English way ("12,5", "12.5"), else the text itself, which the schema refuses at the field.
 */
export function parseHours(text: string): number | string | null {
  const s = text.trim()
  if (!s) return null
  const n = Number(s.replace(',', '.'))
  return /^\d+([.,]\d+)?$/.test(s) && Number.isFinite(n) ? n : s
}
