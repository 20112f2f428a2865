import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import fc from 'fast-check'
import { Kysely, SqliteDialect } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../src/main/db/migrations'
import * as m0022 from '../../src/main/db/migrations/0022-volunteer-figures-kept'
import { keptDrift as drift } from '../helpers/kept-figures'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-mig22-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

type SchemaThen = Record<string, Record<string, unknown>>

/** A database migrated up to (not including) 0022. */
async function before0022(
  file: string,
): Promise<{ sqlite: Database.Database; db: Kysely<SchemaThen> }> {
  const sqlite = new Database(file)
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<SchemaThen>({ dialect: new SqliteDialect({ database: sqlite }) })
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    if (name >= '0022') break
    await m.up(db)
  }
  return { sqlite, db }
}

const NOW = '2026-01-01T10:00:00Z'
const DISTRICTS = ['Noord', 'Zuid', '', null] as const
const PARTS = ['morning', 'afternoon', 'evening'] as const

/** Option ids the steps use: a skill, two interests, a learning goal, a limitation. */
let options: number[] = []
/** The programme people are put in. */
let programme = 0

/** Options, a programme and a vacancy to hang rows on (beside the defaults migrations add). */
function base(sqlite: Database.Database): void {
  const option = sqlite.prepare(
    `insert into vol_option (kind, name, search_name, demand) values (?, ?, ?, ?)`,
  )
  options = (
    [
      ['skill', 'Proef koken', null],
      ['interest', 'Proef tuin', null],
      ['interest', 'Proef muziek', null],
      ['learning_goal', 'Proef op tijd', null],
      ['limitation', 'Proef niet tillen', 'lifting'],
    ] as const
  ).map(([kind, name, demand]) =>
    Number(option.run(kind, name, name.toLowerCase(), demand).lastInsertRowid),
  )
  programme = Number(
    sqlite.prepare(`insert into programme (name, search_name) values ('Proef', 'proef')`).run()
      .lastInsertRowid,
  )
  const partner = Number(
    sqlite
      .prepare(
        `insert into partner (name, search_name, kind, created_at, updated_at)
         values ('Proefhuis', 'proefhuis', 'other', ?, ?)`,
      )
      .run(NOW, NOW).lastInsertRowid,
  )
  sqlite
    .prepare(
      `insert into vacancy (id, partner_id, title, search_title, created_at, updated_at)
       values (1, ?, 'Gastvrouw', 'gastvrouw', ?, ?)`,
    )
    .run(partner, NOW, NOW)
}

let refs = 0
function addPerson(
  sqlite: Database.Database,
  district: string | null,
  programme: number | null,
  outflow: string | null,
): number {
  refs++
  return Number(
    sqlite
      .prepare(
        `insert into person (reference, first_name, last_name, search_name, registered_on,
          district, programme_id, outflow_on, created_at, updated_at)
         values (?, 'Anna', 'Jansen', 'anna jansen', '2025-01-01', ?, ?, ?, ?, ?)`,
      )
      .run(`D-${String(refs).padStart(5, '0')}`, district, programme, outflow, NOW, NOW)
      .lastInsertRowid,
  )
}

/** One write of the kinds the app makes, on whatever rows exist. */
type Step =
  | { kind: 'person'; district: number; programme: boolean; left: boolean }
  | { kind: 'move'; who: number; district: number; programme: boolean; left: boolean }
  | { kind: 'dropPerson'; who: number }
  | { kind: 'measure'; who: number; day: number; scores: string; ladder: number | null }
  | { kind: 'remeasure'; which: number; day: number; scores: string }
  | { kind: 'unmeasure'; which: number }
  | { kind: 'hours'; who: number; month: number; quarters: number }
  | { kind: 'rehours'; which: number; quarters: number; month: number }
  | { kind: 'unhours'; which: number }
  | { kind: 'slot'; who: number; weekday: number; part: number; placement: boolean }
  | { kind: 'unslot'; which: number; placement: boolean }
  | { kind: 'option'; who: number; option: number }
  | { kind: 'unoption'; which: number }
  | { kind: 'placement'; who: number }

const pick = (n: number) => fc.nat({ max: n })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('person' as const),
    district: pick(3),
    programme: fc.boolean(),
    left: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    who: pick(50),
    district: pick(3),
    programme: fc.boolean(),
    left: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('dropPerson' as const), who: pick(50) }),
  fc.record({
    kind: fc.constant('measure' as const),
    who: pick(50),
    day: pick(3),
    scores: fc.stringMatching(/^[1-5-]{11}$/),
    ladder: fc.option(fc.integer({ min: 1, max: 6 })),
  }),
  fc.record({
    kind: fc.constant('remeasure' as const),
    which: pick(50),
    day: pick(3),
    scores: fc.stringMatching(/^[1-5-]{11}$/),
  }),
  fc.record({ kind: fc.constant('unmeasure' as const), which: pick(50) }),
  fc.record({
    kind: fc.constant('hours' as const),
    who: pick(50),
    month: pick(2),
    quarters: fc.nat({ max: 200 }),
  }),
  fc.record({
    kind: fc.constant('rehours' as const),
    which: pick(50),
    quarters: fc.nat({ max: 200 }),
    month: pick(2),
  }),
  fc.record({ kind: fc.constant('unhours' as const), which: pick(50) }),
  fc.record({
    kind: fc.constant('slot' as const),
    who: pick(50),
    weekday: fc.integer({ min: 1, max: 7 }),
    part: pick(2),
    placement: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('unslot' as const), which: pick(50), placement: fc.boolean() }),
  fc.record({ kind: fc.constant('option' as const), who: pick(50), option: pick(4) }),
  fc.record({ kind: fc.constant('unoption' as const), which: pick(50) }),
  fc.record({ kind: fc.constant('placement' as const), who: pick(50) }),
)

/** The n-th existing row id of a table (wrapping), or null when it has none. */
function nth(sqlite: Database.Database, table: string, n: number, key = 'rowid'): number | null {
  const ids = sqlite.prepare(`select ${key} from ${table} order by 1`).pluck().all() as number[]
  return ids.length ? ids[n % ids.length] : null
}

function apply(sqlite: Database.Database, s: Step): void {
  const days = ['2025-02-01', '2025-06-01', '2025-06-01', '2026-01-01']
  const months = ['2025-05', '2025-06', '2025-07']
  const person = (n: number) => nth(sqlite, 'person', n, 'id')
  switch (s.kind) {
    case 'person':
      addPerson(
        sqlite,
        DISTRICTS[s.district],
        s.programme ? programme : null,
        s.left ? '2025-09-01' : null,
      )
      return
    case 'move': {
      const id = person(s.who)
      if (id !== null)
        sqlite
          .prepare(`update person set district = ?, programme_id = ?, outflow_on = ? where id = ?`)
          .run(
            DISTRICTS[s.district],
            s.programme ? programme : null,
            s.left ? '2025-10-01' : null,
            id,
          )
      return
    }
    case 'dropPerson': {
      const id = person(s.who)
      if (id !== null) sqlite.prepare(`delete from person where id = ?`).run(id)
      return
    }
    case 'measure': {
      const id = person(s.who)
      if (id !== null)
        sqlite
          .prepare(
            `insert into measurement (person_id, measured_on, moment, version, ladder,
              progress_scores, created_at) values (?, ?, 'reassessment', 'zrm11', ?, ?, ?)`,
          )
          .run(id, days[s.day], s.ladder, s.scores, NOW)
      return
    }
    case 'remeasure': {
      const id = nth(sqlite, 'measurement', s.which, 'id')
      if (id !== null)
        sqlite
          .prepare(`update measurement set measured_on = ?, progress_scores = ? where id = ?`)
          .run(days[s.day], s.scores, id)
      return
    }
    case 'unmeasure': {
      const id = nth(sqlite, 'measurement', s.which, 'id')
      if (id !== null) sqlite.prepare(`delete from measurement where id = ?`).run(id)
      return
    }
    case 'hours': {
      const id = person(s.who)
      if (id !== null)
        sqlite
          .prepare(
            `insert or ignore into volunteer_hours (person_id, month, hours, created_at, updated_at)
             values (?, ?, ?, ?, ?)`,
          )
          .run(id, months[s.month], s.quarters / 4, NOW, NOW)
      return
    }
    case 'rehours': {
      const id = nth(sqlite, 'volunteer_hours', s.which, 'id')
      if (id !== null)
        sqlite
          .prepare(`update or ignore volunteer_hours set hours = ?, month = ? where id = ?`)
          .run(s.quarters / 4, months[s.month], id)
      return
    }
    case 'unhours': {
      const id = nth(sqlite, 'volunteer_hours', s.which, 'id')
      if (id !== null) sqlite.prepare(`delete from volunteer_hours where id = ?`).run(id)
      return
    }
    case 'slot': {
      const owner = s.placement ? nth(sqlite, 'placement', s.who, 'id') : person(s.who)
      if (owner !== null)
        sqlite
          .prepare(
            `insert or ignore into ${s.placement ? 'placement_slot (placement_id' : 'person_slot (person_id'},
              weekday, part) values (?, ?, ?)`,
          )
          .run(owner, s.weekday, PARTS[s.part])
      return
    }
    case 'unslot': {
      const table = s.placement ? 'placement_slot' : 'person_slot'
      const id = nth(sqlite, table, s.which)
      if (id !== null) sqlite.prepare(`delete from ${table} where rowid = ?`).run(id)
      return
    }
    case 'option': {
      const id = person(s.who)
      if (id !== null)
        sqlite
          .prepare(`insert or ignore into person_option (person_id, option_id) values (?, ?)`)
          .run(id, options[s.option])
      return
    }
    case 'unoption': {
      const id = nth(sqlite, 'person_option', s.which)
      if (id !== null) sqlite.prepare(`delete from person_option where rowid = ?`).run(id)
      return
    }
    case 'placement': {
      const id = person(s.who)
      if (id !== null)
        sqlite
          .prepare(
            `insert into placement (person_id, vacancy_id, step, proposed_on, created_at, updated_at)
             values (?, 1, 'proposed', '2025-03-01', ?, ?)`,
          )
          .run(id, NOW, NOW)
      return
    }
  }
}

describe('migration 0022-volunteer-figures-kept', () => {
  it('fills the kept columns and tables from the rows already there', async () => {
    const { sqlite, db } = await before0022(join(dir, 'a.sqlite'))
    base(sqlite)
    const anna = addPerson(sqlite, 'Noord', programme, null)
    const bert = addPerson(sqlite, null, null, '2025-09-01')
    const measure = sqlite.prepare(
      `insert into measurement (person_id, measured_on, moment, version, ladder, progress_scores,
        created_at) values (?, ?, 'intake', 'zrm11', ?, ?, ?)`,
    )
    measure.run(anna, '2025-06-01', 2, '33333333333', NOW)
    measure.run(anna, '2025-02-01', null, '1234512345-', NOW)
    sqlite
      .prepare(
        `insert into volunteer_hours (person_id, month, hours, created_at, updated_at)
         values (?, '2025-05', 12.25, ?, ?), (?, '2025-05', 3.5, ?, ?)`,
      )
      .run(anna, NOW, NOW, bert, NOW, NOW)
    sqlite
      .prepare(
        `insert into person_slot (person_id, weekday, part) values (?, 1, 'morning'), (?, 2, 'evening')`,
      )
      .run(anna, anna)
    sqlite
      .prepare(`insert into person_option (person_id, option_id) values (?, ?), (?, ?), (?, ?)`)
      .run(anna, options[1], anna, options[2], anna, options[3])

    await m0022.up(db)

    const kept = sqlite
      .prepare(
        `select first_measure, latest_measure, latest_measured_on, slot_mask, interest_count,
          goal_count from person where id = ?`,
      )
      .get(anna)
    // The first is the earlier day (inserted second); the mask has Monday morning (bit 0) and
    // Tuesday evening (bit 5).
    expect(kept).toEqual({
      first_measure: '2::1234512345-',
      latest_measure: '1:2:33333333333',
      latest_measured_on: '2025-06-01',
      slot_mask: 1 + 32,
      interest_count: 2,
      goal_count: 1,
    })
    expect(
      sqlite.prepare(`select * from volunteer_hours_by_month order by district`).all(),
    ).toEqual([
      { month: '2025-05', district: '', hours: 3.5, n: 1 },
      { month: '2025-05', district: 'Noord', hours: 12.25, n: 1 },
    ])
    expect(sqlite.prepare(`select * from person_count_by_group order by district`).all()).toEqual([
      { district: '', programme_id: 0, people: 1, gone: 1 },
      { district: 'Noord', programme_id: programme, people: 1, gone: 0 },
    ])
    expect(drift(sqlite)).toEqual([])
    await db.destroy()
  })

  it('keeps every kept value equal to its rows through any mix of writes, deletes and moves', async () => {
    const { sqlite, db } = await before0022(join(dir, 'b.sqlite'))
    base(sqlite)
    await m0022.up(db)
    // A few people in every district with hours, a measurement and a placement, so that most
    // steps find rows to change.
    for (let i = 0; i < 6; i++) {
      apply(sqlite, { kind: 'person', district: i % 4, programme: i % 2 === 0, left: i === 5 })
      apply(sqlite, { kind: 'hours', who: i, month: i % 3, quarters: 10 + i })
      apply(sqlite, { kind: 'measure', who: i, day: i % 4, scores: '12345-12345', ladder: null })
      apply(sqlite, { kind: 'placement', who: i })
    }
    expect(drift(sqlite)).toEqual([])
    const start = sqlite.serialize()
    fc.assert(
      fc.property(fc.array(step, { minLength: 10, maxLength: 60 }), (steps) => {
        const run = new Database(start)
        run.pragma('foreign_keys = ON')
        try {
          for (const s of steps) {
            apply(run, s)
            const off = drift(run)
            if (off.length) throw new Error(`after ${JSON.stringify(s)}: ${off.join('; ')}`)
          }
        } finally {
          run.close()
        }
      }),
      { numRuns: 80 },
    )
    await db.destroy()
  })
})
