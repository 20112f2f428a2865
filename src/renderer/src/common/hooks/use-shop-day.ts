import { useEffect, useState } from 'react'
import { call } from '../../api'
import { addDays } from '../../../../shared/dates'
import { DEFAULT_SHOP_SETTINGS } from '../../../../shared/schemas/shop'
import type { Dashboard } from '../../../../shared/schemas/shop'

let asking: Promise<Dashboard> | null = null

/**
 * Today's dashboard from main, one question at a time: what mounts together (the dashboard and
 * a hook that needs main's day, or React's strict mode mounting twice) shares one answer instead
 * of asking main twice. A later call, once the answer is in, asks again.
 */
export function askDashboard(): Promise<Dashboard> {
  if (!asking)
    asking = call('shop.dashboard', {}).finally(() => {
      asking = null
    })
  return asking
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/**
 * Today in the shop's time zone (Amsterdam) by this computer's clock, as `YYYY-MM-DD`. Only a
 * fallback while main's day loads, or when it cannot be had: see useShopDay.
 */
export function amsterdamToday(now: Date = new Date()): string {
  return amsterdamDay.format(now)
}

export interface ShopDay {
  /** Today as main's clock sees it. */
  today: string
  /** Households not seen since this day are due to be invited (today minus the setting). */
  notSeenSince: string
}

/**
 * "Today" as main sees it (main owns the clock, so a fixed test clock and the screens agree),
 * taken from the dashboard; null while it loads, Amsterdam's date when asking main fails.
 */
export function useShopDay(): ShopDay | null {
  const [day, setDay] = useState<ShopDay | null>(null)
  useEffect(() => {
    let alive = true
    askDashboard().then(
      (d) => {
        if (alive) setDay({ today: d.date, notSeenSince: d.toInvite.notSeenSince })
      },
      () => {
        const today = amsterdamToday()
        if (alive)
          setDay({ today, notSeenSince: addDays(today, -DEFAULT_SHOP_SETTINGS.inviteAfterDays) })
      },
    )
    return () => {
      alive = false
    }
  }, [])
  return day
}

/** Main's today; Amsterdam's date by this computer's clock until main has answered. */
export function useToday(): string {
  const day = useShopDay()
  return day?.today ?? amsterdamToday()
}
