import { sql } from 'kysely'
import type { Area, AreaKind } from '../../../shared/schemas/areas'
import type { Db } from '../../context'

/* The areas tree's reads (the filter every report query uses is in `db/areas.ts`). */

export async function readAreas(db: Db): Promise<Area[]> {
  const rows = await db
    .selectFrom('area')
    .select(['id', 'name', 'kind', 'parentId'])
    .orderBy('name')
    .execute()
  const indicators = await db
    .selectFrom('areaIndicator')
    .select(['areaId', 'figureKey'])
    .orderBy('figureKey')
    .execute()
  return rows.map((r) => ({
    ...r,
    kind: r.kind as AreaKind,
    indicators: indicators.filter((i) => i.areaId === r.id).map((i) => i.figureKey),
  }))
}

/**
 * The figures asked for by the municipality the named area belongs to (the area itself, or the
 * municipality above it); null when there is none or it chose none (every figure).
 */
export async function indicatorsFor(db: Db, area: string | null): Promise<string[] | null> {
  if (area === null) return null
  const rows = await sql<{ figureKey: string }>`
    with recursive up(id, parent_id, kind) as (
      select id, parent_id, kind from area where lower(name) = ${area.trim().toLowerCase()}
      union all
      select a.id, a.parent_id, a.kind from area a join up on a.id = up.parent_id
    )
    select i.figure_key as "figureKey" from up join area_indicator i on i.area_id = up.id
    where up.kind = 'municipality'`.execute(db)
  return rows.rows.length ? rows.rows.map((r) => r.figureKey) : null
}
