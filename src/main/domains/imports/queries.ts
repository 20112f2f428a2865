import type { ImportKind, ImportMapping, ImportSavedMapping } from '../../../shared/schemas/imports'
import type { Db } from '../../context'

/** The saved mappings of one kind, by name. */
export async function listMappings(db: Db, kind: ImportKind): Promise<ImportSavedMapping[]> {
  const rows = await db
    .selectFrom('importMapping')
    .select(['id', 'kind', 'name', 'mapping', 'updatedAt'])
    .where('kind', '=', kind)
    .orderBy('name')
    .execute()
  return rows.map((r) => ({ ...r, mapping: JSON.parse(r.mapping) as ImportMapping }))
}
