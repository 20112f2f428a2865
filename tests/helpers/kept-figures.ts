import type Database from 'better-sqlite3-multiple-ciphers'

/**
 * Every kept value that differs from the same thing worked out from the rows themselves; empty
 * when the triggers kept up.
 */
export function keptDrift(sqlite: Database.Database): string[] {
  const all = <T>(q: string): T[] => sqlite.prepare(q).all() as T[]
  const out: string[] = []
  const mark = (order: string) =>
    `(select m.id || ':' || coalesce(m.ladder, '') || ':' || coalesce(m.progress_scores, '')
      from measurement m where m.person_id = p.id order by ${order} limit 1)`
  for (const r of all<{ id: number }>(
    `select p.id from person p where
      p.first_measure is not ${mark('m.measured_on, m.id')}
      or p.latest_measure is not ${mark('m.measured_on desc, m.id desc')}
      or p.latest_measured_on is not (select max(measured_on) from measurement where person_id = p.id)`,
  ))
    out.push(`measurements of person ${r.id}`)
  const bit = (s: string) =>
    `(1 << ((${s}.weekday - 1) * 3 + case ${s}.part when 'morning' then 0 when 'afternoon' then 1 else 2 end))`
  for (const r of all<{ id: number }>(
    `select id from person p where slot_mask is not
       coalesce((select sum(${bit('s')}) from person_slot s where s.person_id = p.id), 0)
     or interest_count is not (select count(*) from person_option po join vol_option o
       on o.id = po.option_id where po.person_id = p.id and o.kind = 'interest')
     or goal_count is not (select count(*) from person_option po join vol_option o
       on o.id = po.option_id where po.person_id = p.id and o.kind = 'learning_goal')`,
  ))
    out.push(`mask or counts of person ${r.id}`)
  for (const r of all<{ id: number }>(
    `select id from placement pl where slot_mask is not
       coalesce((select sum(${bit('s')}) from placement_slot s where s.placement_id = pl.id), 0)`,
  ))
    out.push(`mask of placement ${r.id}`)
  const hours = (q: string) =>
    JSON.stringify(all<{ month: string; district: string; hours: number; n: number }>(q))
  const keptHours = hours(
    `select month, district, hours, n from volunteer_hours_by_month where n <> 0 or hours <> 0
     order by 1, 2`,
  )
  const realHours = hours(
    `select h.month, coalesce(p.district, '') as district, sum(h.hours) as hours, count(*) as n
     from volunteer_hours h join person p on p.id = h.person_id group by 1, 2 order by 1, 2`,
  )
  if (keptHours !== realHours) out.push(`hours ${keptHours} != ${realHours}`)
  const counts = (q: string) => JSON.stringify(all(q))
  const keptCounts = counts(
    `select district, programme_id, people, gone from person_count_by_group
     where people <> 0 or gone <> 0 order by 1, 2`,
  )
  const realCounts = counts(
    `select coalesce(district, '') as district, coalesce(programme_id, 0) as programme_id,
       count(*) as people, count(outflow_on) as gone
     from person group by 1, 2 order by 1, 2`,
  )
  if (keptCounts !== realCounts) out.push(`people ${keptCounts} != ${realCounts}`)
  return out
}
