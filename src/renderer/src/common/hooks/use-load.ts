import { useCallback, useEffect, useState } from 'react'

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
