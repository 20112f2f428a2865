import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0014 from '../../src/main/db/migrations/0014-volunteers'

let dir: string
let sqlite: Database.Database
let db: Kysely<Record<string, Record<string, unknown>>>

const T = "'2026-03-01T10:00:00Z'"

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig14-'))
  sqlite = new Database(join(dir, 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const name of Object.keys(MIGRATIONS).sort())
    if (name < '0014') await MIGRATIONS[name].up(db)
  sqlite.exec(`insert into partner (name, search_name, kind, created_at, updated_at)
    values ('Buurthuis De Linde', 'buurthuis de linde', 'neighbourhood', ${T}, ${T})`)
  sqlite.exec(`insert into household (reference, contact_name, search_name, postcode, city,
      income_source, consent_date, consent_by, status, created_at, updated_at)
     values ('H-00001', 'Fam. Oud', 'fam oud', '1234 AB', 'Zwolle', 'bijstand',
      '2023-01-01', 'Anja', 'active', ${T}, ${T})`)
})
afterEach(async () => {
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const count = (table: string, where = '1'): number =>
  (sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n

const plan = (query: string): string =>
  (sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[])
    .map((p) => p.detail)
    .join(' | ')

function addPerson(ref = 'D-00001'): number {
  return Number(
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on,
          created_at, updated_at) values (?, 'Sanne', 'Bakker', 'sanne bakker', '2026-01-05',
          ${T}, ${T})`,
      )
      .run(ref).lastInsertRowid,
  )
}

describe('migration 0014-volunteers', () => {
  it('starts the managed lists with Dutch defaults, each limitation with the demand it rules out', async () => {
    await m0014.up(db)
    for (const kind of ['skill', 'interest', 'learning_goal', 'referral_source', 'limitation'])
      expect(count('vol_option', `kind = '${kind}'`)).toBeGreaterThan(4)
    expect(count('vol_option', `kind = 'limitation' and demand is null`)).toBe(0)
    expect(count('vol_option', `kind <> 'limitation' and demand is not null`)).toBe(0)
    const demands = (
      sqlite.prepare(`select demand from vol_option where kind = 'limitation'`).all() as {
        demand: string
      }[]
    ).map((r) => r.demand)
    expect(demands).toEqual(
      expect.arrayContaining(['lifting', 'standing', 'evening', 'public_transport']),
    )
    const zelf = sqlite
      .prepare(
        `select name from vol_option where kind = 'referral_source' and search_name = 'de toegang'`,
      )
      .get() as { name: string }
    expect(zelf.name).toBe('De Toegang')
    const maatwerk = sqlite
      .prepare(`select funded_per_year as f from programme where name = 'Maatwerk'`)
      .get() as { f: number }
    expect(maatwerk.f).toBe(25)
    // The same name twice in one list is refused, in another list it is fine.
    expect(() =>
      sqlite.exec(
        `insert into vol_option (kind, name, search_name) values ('skill', 'KOKEN', 'koken')`,
      ),
    ).toThrow(/UNIQUE/)
    sqlite.exec(
      `insert into vol_option (kind, name, search_name) values ('interest', 'Koken', 'koken')`,
    )
    expect(() =>
      sqlite.exec(`insert into vol_option (kind, name, search_name) values ('hobby', 'X', 'x')`),
    ).toThrow(/CHECK/)
  })

  it('keeps host organisations in the partner table, the shop itself among them', async () => {
    await m0014.up(db)
    const before = count('partner', 'is_host = 0')
    expect(before).toBeGreaterThan(0)
    expect(count('partner', 'is_host = 1')).toBe(1)
    const own = sqlite.prepare('select name, is_host, is_own from partner where is_own = 1').all()
    expect(own).toEqual([{ name: 'Eigen winkel', is_host: 1, is_own: 1 }])
  })

  it('stores a person with options, availability, placements and follow-up, all going with the person', async () => {
    await m0014.up(db)
    const id = addPerson()
    // References are unique.
    expect(() => addPerson()).toThrow(/UNIQUE/)
    const skill = (
      sqlite.prepare(`select id from vol_option where kind = 'skill' limit 1`).get() as {
        id: number
      }
    ).id
    sqlite.exec(`insert into person_option values (${id}, ${skill})`)
    sqlite.exec(`insert into person_slot values (${id}, 1, 'morning'), (${id}, 3, 'evening')`)
    expect(() => sqlite.exec(`insert into person_slot values (${id}, 8, 'morning')`)).toThrow(
      /CHECK/,
    )
    expect(() => sqlite.exec(`insert into person_slot values (${id}, 2, 'night')`)).toThrow(/CHECK/)
    expect(() => sqlite.exec(`update person set gender = 'f' where id = ${id}`)).toThrow(/CHECK/)
    expect(() =>
      sqlite.exec(`update person set outflow_kind = 'holiday' where id = ${id}`),
    ).toThrow(/CHECK/)
    sqlite.exec(`update person set outflow_kind = 'paid_work', outflow_on = '2026-06-01',
      household_id = 1 where id = ${id}`)

    const host = (
      sqlite.prepare(`select id from partner where search_name = 'buurthuis de linde'`).get() as {
        id: number
      }
    ).id
    sqlite.exec(`insert into vacancy (partner_id, title, search_title, created_at, updated_at)
      values (${host}, 'Gastvrouw', 'gastvrouw', ${T}, ${T})`)
    expect(() =>
      sqlite.exec(`insert into vacancy (partner_id, title, search_title, places, created_at,
        updated_at) values (${host}, 'X', 'x', 0, ${T}, ${T})`),
    ).toThrow(/CHECK/)
    sqlite.exec(`insert into vacancy_slot values (1, 1, 'morning')`)
    sqlite.exec(`insert into vacancy_demand values (1, 'lifting')`)
    sqlite.exec(`insert into vacancy_option values (1, ${skill})`)
    sqlite.exec(`insert into placement (person_id, vacancy_id, step, proposed_on, created_at,
      updated_at) values (${id}, 1, 'proposed', '2026-02-01', ${T}, ${T})`)
    expect(() =>
      sqlite.exec(`insert into placement (person_id, vacancy_id, step, proposed_on, created_at,
        updated_at) values (${id}, 1, 'maybe', '2026-02-01', ${T}, ${T})`),
    ).toThrow(/CHECK/)
    sqlite.exec(`insert into placement_slot values (1, 1, 'morning')`)
    sqlite.exec(`insert into volunteer_hours (person_id, placement_id, month, hours, created_at,
      updated_at) values (${id}, 1, '2026-03', 12.5, ${T}, ${T}), (${id}, null, '2026-03', 2, ${T}, ${T})`)
    // One row per person, placement (or none) and month.
    expect(() =>
      sqlite.exec(`insert into volunteer_hours (person_id, placement_id, month, hours,
        created_at, updated_at) values (${id}, null, '2026-03', 1, ${T}, ${T})`),
    ).toThrow(/UNIQUE/)
    sqlite.exec(`insert into measurement (person_id, measured_on, moment, version, ladder,
      created_at) values (${id}, '2026-01-10', 'intake', 'zrm11', 2, ${T})`)
    sqlite.exec(`insert into measurement_score values (1, 'finances', 2)`)
    expect(() => sqlite.exec(`insert into measurement_score values (1, 'housing', 6)`)).toThrow(
      /CHECK/,
    )
    expect(() =>
      sqlite.exec(`insert into measurement (person_id, measured_on, moment, version, ladder,
        created_at) values (${id}, '2026-01-10', 'intake', 'zrm11', 7, ${T})`),
    ).toThrow(/CHECK/)
    sqlite.exec(`insert into plan values (${id}, 'Eerst schuldenvrij', 'training', ${T})`)
    sqlite.exec(
      `insert into plan_goal (person_id, text, created_at) values (${id}, 'Op tijd', ${T})`,
    )
    sqlite.exec(`insert into plan_review (person_id, planned_on) values (${id}, '2026-07-01')`)
    sqlite.exec(`insert into person_contact (person_id, contacted_on, kind, note, next_on,
      created_at) values (${id}, '2026-02-02', 'phone', 'Gaat goed', '2026-03-02', ${T})`)
    sqlite.exec(`insert into person_move (person_id, moved_on, to_text, created_at)
      values (${id}, '2026-05-01', 'Teamleider kassa', ${T})`)

    // A person's own rows go with the person; the vacancy and the options stay.
    sqlite.exec(`delete from person where id = ${id}`)
    for (const table of [
      'person_option',
      'person_slot',
      'placement',
      'placement_slot',
      'volunteer_hours',
      'measurement',
      'measurement_score',
      'plan',
      'plan_goal',
      'plan_review',
      'person_contact',
      'person_move',
    ])
      expect(count(table), table).toBe(0)
    expect(count('vacancy')).toBe(1)
    expect(count('vacancy_slot')).toBe(1)
  })

  it('erasing a household leaves the person who came from it', async () => {
    await m0014.up(db)
    const id = addPerson()
    sqlite.exec(`update person set household_id = 1 where id = ${id}`)
    sqlite.exec('delete from household where id = 1')
    expect(sqlite.prepare(`select household_id as h from person where id = ${id}`).get()).toEqual({
      h: null,
    })
  })

  it('answers the everyday lookups with an index', async () => {
    await m0014.up(db)
    expect(plan(`select id from person where search_name like 'san%'`)).toMatch(
      /person_search_name|SCAN/,
    )
    expect(
      plan(`select person_id from person_slot where weekday = 1 and part = 'morning'`),
    ).toContain('person_slot_half_day')
    expect(
      plan(`select sum(hours) from volunteer_hours where month between '2026-01' and '2026-12'`),
    ).toContain('volunteer_hours_month')
    expect(
      plan(`select id from placement where placed_on between '2026-01-01' and '2026-12-31'`),
    ).toContain('placement_placed_on')
    expect(
      plan(`select id from person where registered_on <= '2026-12-31' and intake_on is null`),
    ).toMatch(/person_(registered_on|intake_on)/)
    expect(plan(`select id from placement where person_id = 1`)).toContain('placement_person')
    expect(plan(`select id from person_contact where next_on <= '2026-12-31'`)).toContain(
      'person_contact_next_on',
    )
    expect(plan(`select id from vacancy where partner_id = 1`)).toContain('vacancy_partner')
  })
})
