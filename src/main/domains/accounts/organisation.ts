import type { MethodParsed } from '../../../shared/api'
import type { Organisation } from '../../../shared/schemas/accounts'
import type { Db, ServiceContext } from '../../context'
import { audit, changedFields } from '../audit/audit'
import { validationError } from '../../../shared/errors'
import { logoPrintable, logoRenders } from '../../pdf/logo'

const EMPTY: Organisation = { name: '', address: null, postcode: null, city: null, logo: null }

export async function getOrganisation(db: Db): Promise<Organisation> {
  const row = await db
    .selectFrom('organisation')
    .select(['name', 'address', 'postcode', 'city', 'logo'])
    .executeTakeFirst()
  return row ?? EMPTY
}

/**
 * Refuses a logo the letterhead could not print: its pixels are decoded and a page is laid out
 * with it, before it is saved, so no later document (the recovery sheet) fails on it.
 */
export async function checkLogo(logo: string | null, path: string): Promise<void> {
  if (logo && !(logoPrintable(logo) && (await logoRenders(logo))))
    throw validationError([{ path, key: 'logoDamaged' }])
}

export async function updateOrganisation(
  ctx: ServiceContext,
  input: MethodParsed<'organisation.update'>,
): Promise<Organisation> {
  await checkLogo(input.logo, 'logo')
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getOrganisation(trx)
    const iso = ctx.clock.now().toISOString()
    await trx
      .insertInto('organisation')
      .values({ id: 1, ...input, updatedAt: iso })
      .onConflict((oc) => oc.column('id').doUpdateSet({ ...input, updatedAt: iso }))
      .execute()
    const fields = changedFields(before, input)
    if (fields.length)
      await audit(trx, ctx, {
        action: 'settings_change',
        entityType: 'organisation',
        entityId: 1,
        fields,
      })
    return getOrganisation(trx)
  })
}
