import { addDays } from '../../../shared/dates'
import type { ShopDay } from '../../../shared/schemas/shop'
import type { ServiceContext } from '../../context'
import { getShopSettings } from './queries'

/**
 * Today by main's clock (main owns the clock, so a fixed test clock and the screens agree) and
 * the call list's default day. Nearly every screen asks for it; it reads one settings row, where
 * the dashboard it used to come from read a day's appointments, a week of places and the call
 * list (25 kB and up to 0.9 s per navigation at ten years of data).
 */
export async function shopDay(ctx: ServiceContext): Promise<ShopDay> {
  const today = ctx.clock.today()
  const settings = await getShopSettings(ctx.db)
  return { today, notSeenSince: addDays(today, -settings.inviteAfterDays) }
}
