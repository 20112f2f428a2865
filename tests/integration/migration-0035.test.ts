import { expect, it } from 'vitest'
import { migratedBefore } from '../helpers/migration'

/**
 * Migration 0035: the two figure indexes of `person` gain the columns of the trajectory figures,
 * so the subsidy report reads endings and intakes from the index alone (its speed on ten years of
 * data depends on it), and the volunteers' figures that name those indexes still find them.
 */

const file = migratedBefore('0035-trajectory-indexes')
const { columns, plan } = file

it('keeps the columns the indexes had in front and adds what the trajectory figures read', async () => {
  expect(columns('person_outflow_figures')).toEqual([
    'outflow_on',
    'registered_on',
    'district',
    'programme_id',
    'outflow_kind',
  ])
  file.sqlite
    .prepare(
      `insert into person (reference, first_name, last_name, search_name, registered_on,
        intake_on, outflow_on, outflow_kind, created_at, updated_at)
       values ('P-1', 'Marja', 'Visser', 'marja visser', '2025-01-01', '2025-02-01',
        '2025-06-01', 'paid_work', 'x', 'x')`,
    )
    .run()
  await file.up()

  expect(columns('person_outflow_figures')).toEqual([
    'outflow_on',
    'registered_on',
    'district',
    'programme_id',
    'outflow_kind',
    'intake_on',
  ])
  expect(columns('person_intake_figures')).toEqual([
    'intake_on',
    'registered_on',
    'district',
    'programme_id',
  ])
  // The report's two reads (outcomes/stats-queries.ts) need no person row.
  expect(
    plan(`select programme_id, outflow_kind, intake_on, district from person
      where outflow_on between '2025-01-01' and '2025-12-31' and outflow_kind is not null`),
  ).toContain('COVERING INDEX person_outflow_figures')
  expect(
    plan(`select programme_id, registered_on, district from person
      where intake_on between '2025-01-01' and '2025-12-31'`),
  ).toContain('COVERING INDEX person_intake_figures')
  // The person is still there, and found through the rebuilt index.
  expect(
    file.sqlite
      .prepare(
        `select count(*) as n from person indexed by person_outflow_figures
         where outflow_on between '2025-01-01' and '2025-12-31'`,
      )
      .get(),
  ).toEqual({ n: 1 })
})
