import type { Db } from '../../context'

/**
 * Of the given partner ids, those that are not an active partner: a referral names an
 * organisation of the "sociale kaart" that is still in use.
 */
export async function unknownOrInactivePartners(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('partner')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute()
  const known = new Set(rows.map((r) => r.id))
  return new Set(ids.filter((i) => !known.has(i)))
}

/** The names of partners by id, for screens and exports that show a referral. */
export async function partnerNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('partner')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.name]))
}
