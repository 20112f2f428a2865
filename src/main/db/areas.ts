import { sql, type RawBuilder } from 'kysely'

/*
 * The filter every report query uses for "the records of this area" (migration 0034's tree). Beside
 * the schema so that any domain's queries.ts may use it.
 */

/**
 * True for a record whose district (the SQL `column`, text) is the area named `area` or lies under
 * it in the tree. A name not in the tree still matches itself, so a district typed on a record
 * before anyone drew the tree is reported as before. `area` null: every record.
 */
/** The recursive table expression of the filter (not a table: tests that list reads skip it). */
export const AREA_FILTER_CTE = 'area_under'

export function inArea(column: string, area: string | null): RawBuilder<boolean> {
  if (area === null) return sql<boolean>`1 = 1`
  const name = area.trim().toLowerCase()
  return sql<boolean>`lower(coalesce(${sql.raw(column)}, '')) in (
    with recursive area_under(id) as (
      select id from area where lower(name) = ${name}
      union all
      select a.id from area a join area_under u on a.parent_id = u.id
    )
    select lower(a.name) from area a join area_under u on u.id = a.id
    union select ${name}
  )`
}
