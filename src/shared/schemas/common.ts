import { z } from 'zod'

/** A calendar day as `YYYY-MM-DD` that exists (no 31 February). */
export const isoDate = z
  .string({ error: 'v:required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'v:date' })
  .refine((s) => isRealDate(s), { error: 'v:date' })

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1900 || y > 2200) return false
  const dt = new Date(Date.UTC(y, mo - 1, d))
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

export const id = z.number({ error: 'v:required' }).int().positive()

// Control characters (but tab and line breaks) and the bidi overrides that make a name read
// differently on screen than it is stored ("Trojan source" style spoofing of a family's name).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g
// What a field may hold and still look empty: spaces, zero-width and other invisible characters.
const INVISIBLE = /[\s\p{Cf}\p{Z}\p{M}]/gu

/** Text as it is stored: without control or bidi override characters, trimmed. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE_CHARS, '').trim()
}

/** True when nothing a person can see is left (only spaces, zero-width or combining marks). */
export function looksEmpty(s: string): boolean {
  return s.replace(INVISIBLE, '').length === 0
}

// Half of a UTF-16 pair without its other half: no character at all. SQLite would store it as a
// replacement sign (and two paths did so differently), so such text is refused at its field.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** True when the text is proper Unicode throughout (no half of a surrogate pair). */
export function wellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s)
}

/** Optional free text: cleaned and trimmed, and a field that looks empty becomes null. */
export function optionalText(max = 200) {
  return z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max).refine(wellFormed, { error: 'v:badCharacters' }))
    .nullish()
    .transform((s) => (s && !looksEmpty(s) ? s : null))
}

export function requiredText(max = 200) {
  return z
    .string({ error: 'v:required' })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .refine((s) => !looksEmpty(s), { error: 'v:required' })
        .max(max)
        .refine(wellFormed, { error: 'v:badCharacters' }),
    )
}

/**
 * Dutch postcode: four digits (not starting with 0) and two letters; SA, SD and SS are not
 * issued. Accepts `1234ab`, `1234 AB`, ` 1234  ab ` and normalises to `1234 AB`.
 */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9]\d{3})\s*([a-zA-Z]{2})\s*$/.exec(input)
  if (!m) return null
  const letters = m[2].toUpperCase()
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null
  return `${m[1]} ${letters}`
}

export const postcode = z.string({ error: 'v:required' }).transform((s, ctx) => {
  const n = normalisePostcode(s)
  if (n === null) {
    ctx.addIssue({ code: 'custom', message: 'v:postcode' })
    return z.NEVER
  }
  return n
})

/** Digits only, with a leading +31 / 0031 turned into 0, so numbers compare as the same. */
export function normalisePhone(input: string): string {
  // "+31 (0)6 ..." is written by many: the (0) is not dialled after the country code.
  let digits = input.replace(/\(0\)/g, '').replace(/[^\d+]/g, '')
  if (digits.startsWith('+31')) digits = '0' + digits.slice(3)
  else if (digits.startsWith('0031')) digits = '0' + digits.slice(4)
  return digits.replace(/\+/g, '')
}

export const optionalPhone = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s || !s.trim()) return null
    if (!/^[\d\s()+-]+$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'v:phone' })
      return z.NEVER
    }
    const n = normalisePhone(s)
    if (n.length < 10 || n.length > 13) {
      ctx.addIssue({ code: 'custom', message: 'v:phone' })
      return z.NEVER
    }
    return s.trim().replace(/\s+/g, ' ')
  })

export const optionalEmail = z
  .string()
  .trim()
  .max(200)
  .nullish()
  .transform((s, ctx) => {
    if (!s) return null
    if (!z.email().safeParse(s).success) {
      ctx.addIssue({ code: 'custom', message: 'v:email' })
      return z.NEVER
    }
    return s.toLowerCase()
  })

export const optionalIsoDate = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    if (!s) return null
    if (!isRealDate(s)) {
      ctx.addIssue({ code: 'custom', message: 'v:date' })
      return z.NEVER
    }
    return s
  })

export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const
export type DayPart = (typeof DAY_PARTS)[number]
export const dayPart = z.enum(DAY_PARTS, { error: requiredOrOption })

export const period = z
  .object({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { error: 'v:periodOrder', path: ['to'] })

/**
 * Burgerlijke staat, optional: alleenstaand/ongehuwd, gehuwd of geregistreerd partner,
 * samenwonend, gescheiden, weduwe/weduwnaar. Null is unknown (not asked or not said). Labels in
 * `maritalStatus.*`; the same list is a CHECK on `person` and `household` (migration 0033).
 */
export const MARITAL_STATUSES = ['single', 'married', 'cohabiting', 'divorced', 'widowed'] as const
export type MaritalStatus = (typeof MARITAL_STATUSES)[number]
/** An optional marital status: absent or null is unknown, any other code is refused. */
export const optionalMaritalStatus = z
  .enum(MARITAL_STATUSES, { error: 'v:invalidOption' })
  .nullish()
  .transform((v) => v ?? null)

/** For enums: an empty field is "required", a value outside the list "not a valid choice". */
export function requiredOrOption(issue: { input: unknown }): string {
  return issue.input === undefined || issue.input === null || issue.input === ''
    ? 'v:required'
    : 'v:invalidOption'
}

/** Something the user should know but that does not stop the action (limits, eligibility). */
export interface Warning {
  key: string
  params?: Record<string, string | number>
}

export interface NamedRef {
  id: number
  name: string
}
