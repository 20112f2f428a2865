import { searchKey } from '../../shared/search-key'

// The fold lives in shared, so screens measure a query the way main does.
export { searchKey }

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  if (!a.length) return b.length
  if (!b.length) return a.length
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]
}

const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', "'t", 'el', 'al', 'da'])

/** The family name as the last word that is not a Dutch particle ("Jan van der Berg" -> "berg"). */
export function surname(key: string): string {
  const words = key.split(/[\s-]+/).filter((w) => w && !PARTICLES.has(w))
  return words.length > 1 ? words[words.length - 1] : ''
}

/**
 * Two contact names that likely mean the same household: nearly equal as a whole (a typo or
 * a missing initial), or the same family name.
 */
export function similarNames(a: string, b: string): boolean {
  const ka = searchKey(a)
  const kb = searchKey(b)
  if (!ka || !kb) return false
  const tolerance = Math.max(2, Math.floor(Math.min(ka.length, kb.length) / 5))
  if (levenshtein(ka, kb) <= tolerance) return true
  const sa = surname(ka)
  const sb = surname(kb)
  return sa.length >= 3 && sa === sb
}

/** Escapes a CSV cell for a Dutch spreadsheet (`;`), and defuses formula injection. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  // The BOM lets Excel read the file as UTF-8, so names with diacritics survive.
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n'
}
