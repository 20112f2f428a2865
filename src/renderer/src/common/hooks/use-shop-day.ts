import { useEffect, useState } from 'react'
import { call } from '../../api'
import { addDays } from '../../../../shared/dates'
import { DEFAULT_SHOP_SETTINGS } from '../../../../shared/schemas/shop'
import type { Dashboard, ShopDay } from '../../../../shared/schemas/shop'

export type { ShopDay }

let asking: Promise<Dashboard> | null = null
let askingDay: Promise<ShopDay> | null = null

/**
 * Today's dashboard from main (the Vandaag screen's), one question at a time: what mounts
 * together (React's strict mode mounting twice) shares one answer instead of asking main twice.
 * A later call, once the answer is in, asks again.
 */
export function askDashboard(): Promise<Dashboard> {
  if (!asking)
    asking = call('shop.dashboard', {}).finally(() => {
      asking = null
    })
  return asking
}

/**
 * Main's day, one question at a time like askDashboard: the screens that mount together share
 * one answer. It is `shop.day` (a few bytes), not the dashboard, which is 25 kB at ten years of
 * data and held every screen up by up to 0.9 s before its own calls could start.
 */
function askShopDay(): Promise<ShopDay> {
  if (!askingDay)
    askingDay = call('shop.day', {}).finally(() => {
      askingDay = null
    })
  return askingDay
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

/**
 * "Today" as main sees it (main owns the clock, so a fixed test clock and the screens agree),
 * from `shop.day`; null while it loads, Amsterdam's date when asking main fails.
 */
export function useShopDay(): ShopDay | null {
  const [day, setDay] = useState<ShopDay | null>(null)
  useEffect(() => {
    let alive = true
    askShopDay().then(
      (d) => {
        if (alive) setDay({ today: d.today, notSeenSince: d.notSeenSince })
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
