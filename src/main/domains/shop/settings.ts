import type { ShopSettings } from '../../../shared/schemas/shop'
import type { ServiceContext } from '../../context'
import { auditNote } from '../../../shared/audit-text'
import { audit, changedFields } from '../audit/audit'
import { getShopSettings } from './queries'

const KEY = 'shop'

/** The volunteer switches: their log line says whether each was turned on or off. */
const SWITCHES = [
  'volunteerMayBook',
  'volunteerMayRecordConversation',
  'volunteerMaySeeHistory',
] as const satisfies readonly (keyof ShopSettings)[]

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
    // The field name alone does not say which way a switch went; the note does.
    const detail = auditNote(
      ...SWITCHES.filter((f) => before[f] !== next[f]).map((f) => ({
        k: next[f] ? ('switchOn' as const) : ('switchOff' as const),
        field: f,
      })),
    )
    if (fields.length)
      await audit(trx, ctx, { action: 'settings_change', entityType: 'settings', fields, detail })
    return next
  })
}
