import { useEffect, useEffectEvent } from 'react'

/** What counts as someone being at the screen. */
export const ACTIVITY_EVENTS = [
  'pointerdown',
  'keydown',
  'mousemove',
  'wheel',
  'touchstart',
  'scroll',
] as const

/** How often the clock is looked at. Date.now() and setInterval, so a test clock can jump. */
export const TICK_MS = 2_000
/** How often main is asked whether the session still stands (an OS lock, an ended session). */
export const POLL_MS = 15_000
/** Activity is reported to main at most this often. */
export const REPORT_MS = 60_000
/** The user is warned this long before an idle lock, so a half-filled form can still be saved. */
export const WARN_MS = 30_000

interface Options {
  /** A session exists (locked or not): poll main. */
  polling: boolean
  /** The app is on screen: track activity, report it, and lock when idle. */
  watching: boolean
  lockMinutes: number
  onIdle: () => void
  /** Seconds until the idle lock while the warning stands, or null when it is gone. */
  onWarn?: (secondsLeft: number | null) => void
  /** Asks main about the session; `activity` tells main the user is at the screen. */
  check: (activity: boolean) => void
}

/**
 * Locks after `lockMinutes` without activity. Main enforces the same limit on its own clock and
 * only hears of activity through API calls, so activity is reported now and then; reading the
 * screen without clicking anything must not lock it in main.
 */
export function useSessionWatch({
  polling,
  watching,
  lockMinutes,
  onIdle,
  onWarn,
  check,
}: Options): void {
  const idle = useEffectEvent(onIdle)
  const warn = useEffectEvent((left: number | null) => onWarn?.(left))
  const ask = useEffectEvent(check)
  useEffect(() => {
    if (!polling) return
    const lockMs = lockMinutes * 60_000
    // With a very short lock time, report often enough that main never locks an active user.
    const reportMs = Math.min(REPORT_MS, lockMs / 3)
    let lastActivity = Date.now()
    let reportedUpTo = lastActivity
    let lastReport = lastActivity
    let lastCheck = lastActivity
    // With a short lock time the warning comes at a quarter of it, not before the user blinks.
    const warnMs = Math.min(WARN_MS, lockMs / 4)
    let warned = false
    const onActivity = (): void => {
      lastActivity = Date.now()
      if (warned) {
        warned = false
        warn(null)
      }
    }
    if (watching)
      for (const e of ACTIVITY_EVENTS)
        window.addEventListener(e, onActivity, { capture: true, passive: true })
    const timer = setInterval(() => {
      const now = Date.now()
      if (watching && now - lastActivity >= lockMs - warnMs && now - lastActivity < lockMs) {
        warned = true
        warn(Math.ceil((lockMs - (now - lastActivity)) / 1000))
      }
      if (watching && now - lastActivity >= lockMs) {
        lastActivity = now
        if (warned) {
          warned = false
          warn(null)
        }
        idle()
      } else if (watching && lastActivity > reportedUpTo && now - lastReport >= reportMs) {
        reportedUpTo = lastActivity
        lastReport = now
        lastCheck = now
        ask(true)
      } else if (now - lastCheck >= POLL_MS) {
        lastCheck = now
        ask(false)
      }
    }, TICK_MS)
    return () => {
      if (warned) warn(null)
      clearInterval(timer)
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true })
    }
  }, [polling, watching, lockMinutes])
}
