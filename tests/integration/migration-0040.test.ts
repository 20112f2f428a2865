import { expect, it } from 'vitest'
import { searchKey } from '../../src/shared/search-key'
import { migratedBefore } from '../helpers/migration'

/**
 * Migration 0040: a household member gets the search key of its first name, so Ctrl+K finds the
 * family by it, through an index.
 */

const file = migratedBefore('0040-member-search-name')

// As `findHouseholds` (search/queries.ts) reads it.
const byMember = `select m.household_id from member m join household h on h.id = m.household_id
  where m.search_name >= 'fat' and m.search_name < 'fat' || char(1114111)
    and +h.anonymised_at is null order by m.search_name, m.household_id limit 16`

it('gives the members there are the key the app makes of their first name, and indexes it', async () => {
  const { sqlite } = file
  sqlite.pragma('foreign_keys = OFF')
  sqlite
    .prepare(
      `insert into household (id, reference, contact_name, search_name, postcode, city,
        income_source, consent_date, consent_by, status, created_at, updated_at)
       values (1, 'H-00001', 'Mevrouw Bakker', 'mevrouw bakker', '1234 AB', 'Utrecht', 'bijstand',
        '2026-01-01', 'Anja', 'active', '2026-01-01', '2026-01-01')`,
    )
    .run()
  const names = [
    'Ömer',
    'Yılmaz',
    'İlkay',
    // Cyrillic а and о in a Latin name.
    'Fаtimа',
    '  Anne-Marie ',
    'Zoë',
    null,
    '',
  ]
  const add = sqlite.prepare(
    `insert into member (household_id, first_name, birth_year, gender) values (1, ?, 2015, 'f')`,
  )
  for (const n of names) add.run(n)

  await file.up()

  const rows = sqlite.prepare(`select first_name, search_name from member order by id`).all() as {
    first_name: string | null
    search_name: string | null
  }[]
  expect(rows.map((r) => r.search_name)).toEqual([
    'omer',
    'yilmaz',
    'ilkay',
    'fatima',
    'anne-marie',
    'zoe',
    null,
    null,
  ])
  // The same key as the app makes today (the migration's copy is 0010's).
  for (const r of rows)
    if (r.first_name) expect(r.search_name).toBe(searchKey(r.first_name) || null)

  expect(file.columns('member_search_name')).toEqual(['search_name', 'household_id'])
  expect(file.plan(byMember)).toContain(
    'COVERING INDEX member_search_name (search_name>? AND search_name<?)',
  )
  expect(sqlite.prepare(byMember).all()).toEqual([{ household_id: 1 }])
})
