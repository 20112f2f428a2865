import { addDays, daysBetween, isoWeekday, parseDay } from '../../../shared/dates'

/** The locale for Intl formatting in the current UI language. */
export function intlLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'nl-NL'
}

/** A day in words: "dinsdag 10 maart 2026". */
export function dayInWords(day: string, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(parseDay(day))
}

/** The first letter as a capital, the rest as it is: "donderdag 19 november" -> "Donderdag 19 november". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** An instant as `dd-mm-jjjj uu:mm` (or `uu:mm:ss` with seconds) in the shop's time zone. */
export function instantText(iso: string, { seconds = false }: { seconds?: boolean } = {}): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  const time = `${get('hour')}:${get('minute')}${seconds ? `:${get('second')}` : ''}`
  return `${get('day')}-${get('month')}-${get('year')} ${time}`
}

/** ISO 8601 week number (the week with the year's first Thursday is week 1). */
export function isoWeekNumber(day: string): number {
  const thursday = addDays(day, 4 - isoWeekday(day))
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/**
 * A figure as the language writes it: in Dutch with a point between thousands and a decimal
 * comma (18.884; 3.452.425,25), in English 18,884 and 3,452,425.25. The one formatter for every
 * count and figure on screen, so no screen shows "18884". `decimals` digits after the comma (none
 * by default; a fraction is then rounded), at least `minDecimals` of them (hours: "12,5").
 */
export function formatNumber(
  value: number,
  lang: string,
  decimals = 0,
  minDecimals = decimals,
): string {
  const key = `${lang}|${decimals}|${minDecimals}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(lang), {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: decimals,
    })
    numberFormats.set(key, format)
  }
  return format.format(value)
}
