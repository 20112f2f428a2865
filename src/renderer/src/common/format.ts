import { useCallback, useEffect, useState } from 'react'
import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import { errorMessage } from '../../components/forms'
import { addDays, daysBetween, isoWeekday, parseDay, toDutchDate } from '../../../../shared/dates'
import { AppError } from '../../../../shared/errors'

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

/** Like `errorMessage`, with an ISO `date` parameter shown as dd-mm-jjjj. */
export function shopErrorMessage(t: TFunction, err: unknown): string {
  if (err instanceof AppError && typeof err.params?.date === 'string') {
    const data = err.toJSON()
    return errorMessage(
      t,
      new AppError({ ...data, params: { ...data.params, date: toDutchDate(err.params.date) } }),
    )
  }
  return errorMessage(t, err)
}

export function showShopError(t: TFunction, err: unknown): void {
  notifications.show({ color: 'red', title: t('app.name'), message: shopErrorMessage(t, err) })
}

export interface Loaded<T> {
  /** The result of the current loader; null while it first loads or when it failed. */
  data: T | null
  error: unknown
  /** Loads again, keeping the old data on screen until the new data is in. */
  reload: () => void
}

/**
 * Runs `load` (memoise it with useCallback/useMemo) and keeps its result. A new loader shows
 * `data: null` until its own result is in; `null` as loader waits (for example for today).
 */
export function useLoad<T>(load: (() => Promise<T>) | null): Loaded<T> {
  const [state, setState] = useState<{
    load: () => Promise<T>
    data: T | null
    error: unknown
  } | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!load) return
    let alive = true
    load().then(
      (data) => {
        if (alive) setState({ load, data, error: null })
      },
      (error: unknown) => {
        if (alive) setState((s) => ({ load, data: s?.load === load ? s.data : null, error }))
      },
    )
    return () => {
      alive = false
    }
  }, [load, tick])
  const reload = useCallback(() => setTick((n) => n + 1), [])
  const current = state && load && state.load === load ? state : null
  return { data: current?.data ?? null, error: current?.error ?? null, reload }
}
