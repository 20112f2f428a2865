import { expect, it } from 'vitest'
import { migratedBefore } from '../helpers/migration'

/**
 * Migration 0037: the support figures (carers' loads, the carers and the help requests of a
 * period) read from indexes alone, so the subsidy report does not fetch their whole rows; the
 * carers' index keeps the column it had in front, and the rows already there are found.
 */

const file = migratedBefore('0037-support-figure-indexes')
const { columns, plan } = file

it('reads the support figures from indexes alone, and finds the rows already there', async () => {
  expect(columns('informal_carer_registered')).toEqual(['registered_on'])
  file.sqlite.exec(`
    insert into person (id, reference, first_name, last_name, search_name, registered_on,
      created_at, updated_at)
    values (1, 'P-1', 'Marja', 'Visser', 'marja visser', '2024-01-01', 'x', 'x');
    insert into informal_carer (person_id, cares_for, registered_on, created_at, updated_at)
    values (1, 'moeder', '2024-03-01', 'x', 'x');
    insert into carer_load (person_id, measured_on, load, created_at)
    values (1, '2024-03-01', 4, 'x'), (1, '2025-06-01', 2, 'x');
    insert into help_request (kind_id, person_id, asked, opened_on, created_at, updated_at)
    values (1, 1, 'boodschappen', '2025-02-01', 'x', 'x');
  `)
  await file.up()

  expect(columns('informal_carer_registered')).toEqual(['registered_on', 'ended_on'])
  expect(columns('carer_load_figures')).toEqual(['person_id', 'measured_on', 'load'])
  expect(columns('help_request_figures')).toEqual([
    'ended_on',
    'opened_on',
    'matched_on',
    'kind_id',
    'person_id',
    'household_id',
  ])

  // The reads of support/stats-queries.ts: no table row but the person's.
  const carers = `select c.person_id,
      (select l.load from carer_load l where l.person_id = c.person_id
        order by l.measured_on desc limit 1) as latest
    from informal_carer c
    where c.registered_on <= '2025-12-31' and (c.ended_on is null or c.ended_on >= '2025-01-01')`
  expect(plan(carers)).toContain('COVERING INDEX informal_carer_registered')
  expect(plan(carers)).toContain('COVERING INDEX carer_load_figures')
  expect(plan(carers)).not.toContain('TEMP B-TREE')
  const requests = `select kind_id, opened_on, matched_on from help_request
    where opened_on <= '2025-12-31' and (ended_on is null or ended_on >= '2025-01-01')`
  expect(
    plan(
      `${requests.replace('from help_request', 'from help_request indexed by help_request_figures')}`,
    ),
  ).toMatch(
    /SEARCH help_request USING COVERING INDEX help_request_figures \(ended_on=\?.*SEARCH help_request USING COVERING INDEX help_request_figures \(ended_on>\?\)/,
  )

  // The rows already there are found through the new indexes.
  expect(file.sqlite.prepare(carers).all()).toEqual([{ person_id: 1, latest: 2 }])
  expect(
    file.sqlite
      .prepare(
        `select count(*) as n from help_request indexed by help_request_figures
         where ended_on is null and opened_on <= '2025-12-31'`,
      )
      .get(),
  ).toEqual({ n: 1 })
})
