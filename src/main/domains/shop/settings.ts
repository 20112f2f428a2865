import { DEFAULT_SHOP_SETTINGS, shopSettings, type ShopSettings } from '../../../shared/schemas/shop'
import type { Db, ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'

const KEY = 'shop'

export async function getShopSettings(db: Db): Promise<ShopSettings> {
  const row = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst()
  if (!row) return DEFAULT_SHOP_SETTINGS
  const parsed = shopSettings.partial().safeParse(JSON.parse(row.value))
  return { ...DEFAULT_SHOP_SETTINGS, ...(parsed.success ? parsed.data : {}) }
}

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
