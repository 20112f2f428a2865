import type { ShopSettings } from '../../../shared/schemas/shop'
import type { ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import { getShopSettings } from './queries'

const KEY = 'shop'

export async function updateShopSettings(
  ctx: ServiceContext,
  patch: Partial<ShopSettings>,
): Promise<ShopSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getShopSettings(trx)
    const next = { ...before, ...patch }
    await trx
      .insertInto('setting')
      .values({ key: KEY, value: JSON.stringify(next) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(next) }))
      .execute()
    const fields = changedFields(before, next)
    if (fields.length)
      await audit(trx, ctx, { action: 'settings_change', entityType: 'settings', fields })
    return next
  })
}
