import { useCallback, useEffect, useState } from 'react'
import { AppError } from '../../../../../shared/errors'

/**
 * Seconds left until a moment, counted down live (by the wall clock, so a tab that slept still
 * shows the right number). `start(n)` begins a wait of n seconds; 0 means no wait.
 */
export function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState<number | null>(null)
  const [left, setLeft] = useState(0)
  useEffect(() => {
    if (until === null) return
    const tick = (): void => {
      const s = Math.max(0, Math.ceil((until - Date.now()) / 1000))
      setLeft(s)
      if (s === 0) setUntil(null)
    }
    tick()
    const id = setInterval(tick, 250)
    return () => clearInterval(id)
  }, [until])
  const start = useCallback((seconds: number) => {
    setUntil(seconds > 0 ? Date.now() + seconds * 1000 : null)
    setLeft(Math.max(0, Math.ceil(seconds)))
  }, [])
  return [left, start]
}

/** The wait main asks for after too many wrong passwords (`loginWait`), in seconds, or 0. */
export function waitSecondsOf(err: unknown): number {
  if (!(err instanceof AppError) || err.key !== 'loginWait') return 0
  const details = err.details as { waitSeconds?: unknown } | undefined
  const fromDetails = typeof details?.waitSeconds === 'number' ? details.waitSeconds : NaN
  const fromParams = Number(err.params?.seconds)
  const seconds = Number.isFinite(fromDetails) ? fromDetails : fromParams
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0
}
