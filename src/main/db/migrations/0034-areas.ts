import { sql, type Kysely } from 'kysely'

// Frozen in time: this file never imports app code, so later changes cannot alter what it did.
type SchemaThen = Record<string, Record<string, unknown>>

const REPORT_FIGURES_CHANGE = 'report-figures'

/** The table of this migration whose change drops every kept report count. */
export const AREA_FIGURES_SOURCES = ['area'] as const

/**
 * Areas as a hierarchy (issue 17): municipality (gemeente) > area (gebied) > district (wijk) >
 * village (kern). Households, people and activities keep the name of their district as text; a
 * report for an area counts every record whose district is that area's name or the name of an
 * area under it. Names are unique over the whole tree, so a district's name leads to one place.
 *
 * - `area`: the tree. A municipality stands at the top; every other kind has a parent of a higher
 *   kind (checked by the service; the table checks only that it has one).
 * - `area_indicator`: the figures a municipality asks for (its own result areas): a report for it
 *   or an area under it shows those (with their breakdowns); none chosen shows every figure.
 *
 * A change in the tree changes which records a kept report count of an area counted, so it drops
 * the kept counts.
 */
export async function up(db: Kysely<SchemaThen>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db)
  await run(`create table area (
    id integer primary key autoincrement,
    name text not null,
    kind text not null check (kind in ('municipality', 'area', 'district', 'village')),
    parent_id integer references area (id),
    created_at text not null,
    updated_at text not null,
    check ((kind = 'municipality') = (parent_id is null))
  )`)
  await run(`create unique index area_name on area (name collate nocase)`)
  await run(`create index area_parent on area (parent_id)`)
  await run(`create table area_indicator (
    area_id integer not null references area (id) on delete cascade,
    figure_key text not null,
    primary key (area_id, figure_key)
  ) without rowid`)
  const dropAll = `delete from report_figures_kept;
    update kept_change set n = n + 1 where name = '${REPORT_FIGURES_CHANGE}';`
  for (const event of ['insert', 'update', 'delete'])
    await run(`create trigger area_kept_figures_${event} after ${event} on area
      begin ${dropAll} end`)
}
