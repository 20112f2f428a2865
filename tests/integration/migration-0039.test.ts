import { expect, it } from 'vitest'
import { migratedBefore } from '../helpers/migration'

/**
 * Migration 0039: the complaints decided in a period, and those received per category, are
 * counted from indexes, not from a read of every complaint ever made.
 */

const file = migratedBefore('0039-complaint-decided-index')
const { columns, plan } = file

// The decided complaints' reads, as `complaintFigures` (complaints/annual-report-queries.ts)
// makes them.
const decided = `select count(*), coalesce(sum(decided_on > decision_due_on), 0),
    coalesce(sum(extension_weeks > 0), 0), coalesce(sum(step = 3), 0),
    avg(julianday(decided_on) - julianday(received_on))
  from complaint where decided_on >= '2025-01-01' and decided_on <= '2025-12-31'`
const middle = `select julianday(decided_on) - julianday(received_on) as days from complaint
  where decided_on >= '2025-01-01' and decided_on <= '2025-12-31' order by days limit 1 offset 3`
const outcomes = `select outcome, count(*) from complaint
  where decided_on >= '2025-01-01' and decided_on <= '2025-12-31' group by outcome`
// The complaints received per category, every category listed.
const byCategory = `select cat.id, cat.name, count(c.id) from complaint_category cat
  left join complaint c on c.category_id = cat.id
    and c.received_on >= '2025-01-01' and c.received_on <= '2025-12-31'
  group by cat.id order by cat.sort, cat.name`

it('counts the decided complaints of a period from an index alone', async () => {
  expect(columns('complaint_decided_on')).toEqual([])
  for (const q of [decided, middle, outcomes]) expect(plan(q)).toContain('SCAN complaint')
  // Before: an index built for the query from every complaint, each time it runs.
  expect(plan(byCategory)).toContain('AUTOMATIC')

  await file.up()

  expect(columns('complaint_decided_on')).toEqual([
    'decided_on',
    'decision_due_on',
    'extension_weeks',
    'step',
    'received_on',
    'outcome',
  ])
  for (const q of [decided, middle, outcomes]) {
    expect(plan(q)).toContain('COVERING INDEX complaint_decided_on (decided_on>? AND decided_on<?)')
    expect(plan(q)).not.toContain('SCAN complaint')
  }
  expect(columns('complaint_category_received')).toEqual(['category_id', 'received_on'])
  expect(plan(byCategory)).toContain(
    'COVERING INDEX complaint_category_received (category_id=? AND received_on>? AND received_on<?)',
  )
  expect(plan(byCategory)).not.toContain('AUTOMATIC')
})

it('counts the same from the index as from the complaints, leaving those not decided out', async () => {
  const { sqlite } = file
  sqlite.pragma('foreign_keys = OFF')
  const add = sqlite.prepare(`insert into complaint (number, year, seq, received_on, channel,
      complainant_kind, about_kind, category_id, description, start_step, step, ack_working_days,
      decision_weeks, extension_weeks, ack_due_on, decision_due_on, decided_on, outcome,
      created_at, updated_at)
    values (?, 2025, ?, ?, 'letter', 'anonymous', 'service', 1, 'x', 1, ?, 5, 6, ?, '2025-01-10',
      ?, ?, ?, 'now', 'now')`)
  const rows: [string, number, number, string, string | null, string | null][] = [
    // received, step, extension weeks, decision due, decided, outcome
    ['2025-01-05', 1, 0, '2025-02-20', '2025-02-10', 'founded'],
    ['2025-03-01', 3, 2, '2025-04-15', '2025-05-01', 'unfounded'],
    ['2025-11-20', 2, 0, '2026-01-01', null, null],
    ['2024-12-01', 1, 0, '2025-01-10', '2024-12-31', 'mediated'],
    ['2025-06-01', 1, 0, '2025-07-15', '2025-12-31', 'founded'],
  ]
  rows.forEach(([received, step, ext, due, decidedOn, outcome], i) =>
    add.run(`K${i}`, i + 1, received, step, ext, due, decidedOn, outcome),
  )
  const count = (from: string) =>
    sqlite
      .prepare(
        `select count(*) as n, sum(decided_on > decision_due_on) as late,
           sum(extension_weeks > 0) as extended, sum(step = 3) as committee,
           avg(julianday(decided_on) - julianday(received_on)) as days
         from complaint ${from}
         where decided_on >= '2025-01-01' and decided_on <= '2025-12-31'`,
      )
      .get()
  const before = count('')
  // Hand-counted: three decided in 2025 (36, 61 and 213 days), two after their due day, one
  // extended, one at step 3.
  expect(before).toEqual({ n: 3, late: 2, extended: 1, committee: 1, days: 310 / 3 })
  await file.up()
  expect(count('indexed by complaint_decided_on')).toEqual(before)
  // The one not decided is not in the index.
  expect(
    sqlite
      .prepare(
        `select count(*) as n from complaint indexed by complaint_decided_on
      where decided_on is not null`,
      )
      .get(),
  ).toEqual({ n: 4 })
})
