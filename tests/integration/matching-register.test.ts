import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import {
  makeRegisterLarge,
  matchingFixture,
  recordTasks,
  type MatchingFixture,
} from '../helpers/volunteers-matching'
import type { VacancyMatches } from '../../src/shared/schemas/volunteers-matching'

/*
 * The register the matching keeps between looks (migration 0023): a look at one vacancy after
 * another reads only what each one asks, and anything that changes a candidate, on any path
 * (a service, a write straight into the tables as the retention rules and the seeds do), shows
 * at the very next look: on main, and in the worker that ranks a large register.
 */

let app: TestApp
let f: MatchingFixture

beforeEach(async () => {
  app = await createTestApp()
  await app.loginAs('coordinator')
  await app.call('organisations.create', { name: 'Buurthuis De Linde' })
  f = await matchingFixture(app)
})
afterEach(async () => app.close())

const TUE_AM = { weekday: 2, part: 'morning' } as const

function changeCount(): number {
  return (
    app.open.sqlite.prepare(`select n from kept_change where name = 'matching-people'`).get() as {
      n: number
    }
  ).n
}

/** The people marked for the register after count `n` (migration 0024). */
function markedSince(n: number): number[] {
  return (
    app.open.sqlite
      .prepare(`select person_id from kept_person_change where n > ? order by person_id`)
      .all(n) as { person_id: number }[]
  ).map((r) => r.person_id)
}

/** The statements main's connection prepares while `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const sqlite = app.open.sqlite
  const prepare = sqlite.prepare.bind(sqlite)
  const seen: string[] = []
  sqlite.prepare = ((text: string) => {
    seen.push(text)
    return prepare(text)
  }) as typeof sqlite.prepare
  try {
    await fn()
  } finally {
    sqlite.prepare = prepare as typeof sqlite.prepare
  }
  return seen
}

const look = (): Promise<VacancyMatches> =>
  app.call('matching.forVacancy', { vacancyId: f.vacancyId, limit: 50 })
const readsRegister = (statements: string[]): boolean =>
  statements.some((s) => s.includes('json_group_array(p.id)'))
const ranked = (m: VacancyMatches): number[] => m.ranked.map((c) => c.personId)
const reasonsOf = (m: VacancyMatches, personId: number): string[] =>
  [...m.ranked, ...m.excluded].find((c) => c.personId === personId)?.reasons.map((r) => r.code) ??
  []
const scoreOf = (m: VacancyMatches, personId: number): number | undefined =>
  m.ranked.find((c) => c.personId === personId)?.score

async function newPerson(firstName: string): Promise<number> {
  return (
    await app.call('people.create', {
      firstName,
      lastName: 'Register',
      registeredOn: '2026-02-01',
      intakeOn: '2026-02-10',
      place: 'Zwolle',
      availability: [TUE_AM],
    })
  ).id
}

describe('the register the matching keeps', () => {
  it('is read once for looks in a row, and again after a change through a service or straight in the tables', async () => {
    const joost = await newPerson('Joost')
    expect(readsRegister(await statementsOf(look))).toBe(true)
    // Nothing changed (the look's own audit entries are no change to the register).
    const before = changeCount()
    const again = await statementsOf(look)
    expect(readsRegister(again)).toBe(false)
    expect(changeCount()).toBe(before)
    expect(ranked(await look())).toEqual(expect.arrayContaining([f.personId, joost]))

    // A proposal through the service: Fenna is now linked here.
    await app.call('placements.propose', {
      personId: f.personId,
      vacancyId: f.vacancyId,
      date: '2026-06-10',
    })
    const afterProposal = await look()
    expect(ranked(afterProposal)).not.toContain(f.personId)
    expect(reasonsOf(afterProposal, f.personId)).toContain('alreadyHere')

    // Straight in the tables: Joost moves to another place (fewer points), then loses his
    // half-days (left out).
    const sameplace = scoreOf(afterProposal, joost) as number
    app.open.sqlite.prepare(`update person set place = 'Kampen' where id = ?`).run(joost)
    expect(scoreOf(await look(), joost)).toBeLessThan(sameplace)
    app.open.sqlite.prepare(`delete from person_slot where person_id = ?`).run(joost)
    const withoutHalfDays = await look()
    expect(reasonsOf(withoutHalfDays, joost)).toContain('noSharedHalfDay')
    expect(withoutHalfDays.counts.ranked).toBe(afterProposal.counts.ranked - 1)

    // A new person is a candidate at once; one deleted is gone at once.
    const kim = await newPerson('Kim')
    expect(ranked(await look())).toContain(kim)
    app.open.sqlite.prepare(`delete from person where id = ?`).run(kim)
    const afterDelete = await look()
    expect([...afterDelete.ranked, ...afterDelete.excluded].map((c) => c.personId)).not.toContain(
      kim,
    )
  })

  it('marks only the person whose part of the register changed, and only for what it reads', async () => {
    const sqlite = app.open.sqlite
    const other = await newPerson('Joost')
    const marks = (sql: string, ...params: unknown[]): number[] => {
      const n = changeCount()
      sqlite.prepare(sql).run(...params)
      return markedSince(n)
    }
    const fenna = [f.personId]
    // What the matching reads of a person, of a running placement and of the options held.
    expect(marks(`update person set place = 'Kampen' where id = ?`, f.personId)).toEqual(fenna)
    expect(marks(`update person set intake_on = '2026-03-01' where id = ?`, f.personId)).toEqual(
      fenna,
    )
    expect(marks(`update person set status = 'active' where id = ?`, f.personId)).toEqual(fenna)
    expect(
      marks(
        `insert into person_slot (person_id, weekday, part) values (?, 3, 'evening')`,
        f.personId,
      ),
    ).toEqual(fenna)
    const option = (kind: string): number =>
      (
        sqlite.prepare(`select id from vol_option where kind = ? limit 1`).get(kind) as {
          id: number
        }
      ).id
    const holds = `insert into person_option (person_id, option_id) values (?, ?)`
    expect(marks(holds, f.personId, option('interest'))).toEqual(fenna)
    expect(marks(holds, f.personId, option('skill'))).toEqual(fenna)
    const gijs = (
      sqlite.prepare(`select person_id from placement where id = ?`).get(f.proposedId) as {
        person_id: number
      }
    ).person_id
    expect(marks(`update placement set step = 'trial' where id = ?`, f.proposedId)).toEqual([gijs])
    // A placement moved to another person marks both.
    expect(marks(`update placement set person_id = ? where id = ?`, other, f.proposedId)).toEqual(
      [gijs, other].sort((a, b) => a - b),
    )
    expect(marks(`delete from person where id = ?`, other)).toContain(other)
    // Not read by the matching of a whole register: no mark for these.
    expect(marks(`update person set notes = 'Belt liever' where id = ?`, f.personId)).toEqual([])
    expect(marks(`update person set place = 'Kampen' where id = ?`, f.personId)).toEqual([])
    expect(marks(`update placement set reason = 'x' where id = ?`, f.proposedId)).toEqual([])
    // The look's own audit entries are no change either.
    const n = changeCount()
    await look()
    expect(markedSince(n)).toEqual([])
  })

  it('reads again only the people changed since, not the whole register', async () => {
    const joost = await newPerson('Joost')
    await look()
    // A change of one person: the look reads that person, not everyone.
    app.open.sqlite.prepare(`update person set place = 'Kampen' where id = ?`).run(joost)
    const statements = await statementsOf(look)
    expect(readsRegister(statements)).toBe(true)
    expect(statements.some((s) => s.includes('kept_person_change'))).toBe(true)
    expect(statements.some((s) => s.includes('p.id between'))).toBe(false)
    // The whole register again only when its own count moved (a bulk load).
    app.open.sqlite.prepare(`update kept_change set n = n + 1 where name = 'matching'`).run()
    expect((await statementsOf(look)).some((s) => s.includes('p.id between'))).toBe(true)
  })

  it('brought up to date person by person, it ranks exactly as a register read whole', async () => {
    const people = [await newPerson('Joost'), await newPerson('Kim'), await newPerson('Lot')]
    const interest = (
      app.open.sqlite
        .prepare(`select id from vol_option where kind = 'interest' limit 1`)
        .get() as { id: number }
    ).id
    await look()
    const sqlite = app.open.sqlite
    // Changes of every kind the register holds: a place, a half-day, an option held, a person
    // who leaves, one who is new, a placement.
    sqlite.prepare(`update person set place = 'Kampen' where id = ?`).run(people[0])
    sqlite.prepare(`delete from person_slot where person_id = ?`).run(people[1])
    sqlite
      .prepare(`insert into person_option (person_id, option_id) values (?, ?)`)
      .run(people[2], interest)
    sqlite.prepare(`update person set status = 'left' where id = ?`).run(f.personId)
    const mo = await newPerson('Mo')
    await app.call('placements.propose', {
      personId: mo,
      vacancyId: f.vacancyId,
      date: '2026-06-10',
    })
    const updated = await look()
    sqlite.prepare(`update kept_change set n = n + 1 where name = 'matching'`).run()
    const whole = await look()
    expect(updated).toEqual(whole)
    expect(reasonsOf(updated, mo)).toContain('alreadyHere')
    expect([...updated.ranked, ...updated.excluded].map((c) => c.personId)).not.toContain(
      f.personId,
    )
  })

  it('after any run of changes, kept up to date person by person, it equals a register read whole', async () => {
    const sqlite = app.open.sqlite
    const optionIds = (kind: string): number[] =>
      (
        sqlite.prepare(`select id from vol_option where kind = ? order by id`).all(kind) as {
          id: number
        }[]
      ).map((r) => r.id)
    const [skills, interests, goals, limitations] = [
      optionIds('skill'),
      optionIds('interest'),
      optionIds('learning_goal'),
      optionIds('limitation'),
    ]
    const [host] = await app.call('organisations.list', {})
    // A place that asks for options of every kind, so the kept lists of who holds them count.
    const asking = (
      await app.call('vacancies.create', {
        partnerId: host.id,
        title: 'Tuinier',
        place: 'Zwolle',
        places: 10,
        availability: [TUE_AM, { weekday: 4, part: 'afternoon' }],
        skillIds: skills.slice(0, 2),
        interestIds: interests.slice(0, 2),
        learningGoalIds: goals.slice(0, 1),
        demands: ['lifting', 'standing'],
      })
    ).id
    const people: number[] = []
    for (const name of ['Joost', 'Kim', 'Lot', 'Mo']) people.push(await newPerson(name))
    const lookAt = (vacancyId: number): Promise<VacancyMatches> =>
      app.call('matching.forVacancy', { vacancyId, limit: 100, excludedLimit: 100 })
    const someOption = fc.constantFrom(
      ...skills.slice(0, 3),
      ...interests.slice(0, 3),
      ...goals.slice(0, 2),
      ...limitations,
    )
    const change = fc.oneof(
      fc.record({
        kind: fc.constant('place' as const),
        place: fc.constantFrom('Zwolle', 'Kampen'),
      }),
      fc.record({ kind: fc.constant('slot' as const), weekday: fc.constantFrom(2, 4) }),
      fc.record({ kind: fc.constant('option' as const), option: someOption }),
      fc.record({
        kind: fc.constant('status' as const),
        status: fc.constantFrom('left', 'intake'),
      }),
      fc.record({ kind: fc.constant('new' as const) }),
      fc.record({ kind: fc.constant('delete' as const) }),
      fc.record({ kind: fc.constant('propose' as const) }),
    )
    let made = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), change), { minLength: 1, maxLength: 5 }),
        async (changes) => {
          // The register as kept so far, then the changes straight in the tables.
          await lookAt(asking)
          for (const [pick, c] of changes) {
            const id = people[pick % people.length]
            if (c.kind === 'place')
              sqlite.prepare(`update person set place = ? where id = ?`).run(c.place, id)
            else if (c.kind === 'slot') {
              const gone = sqlite
                .prepare(`delete from person_slot where person_id = ? and weekday = ?`)
                .run(id, c.weekday).changes
              if (!gone)
                sqlite
                  .prepare(`insert into person_slot (person_id, weekday, part) values (?, ?, ?)`)
                  .run(id, c.weekday, c.weekday === 2 ? 'morning' : 'afternoon')
            } else if (c.kind === 'option') {
              const gone = sqlite
                .prepare(`delete from person_option where person_id = ? and option_id = ?`)
                .run(id, c.option).changes
              if (!gone)
                sqlite
                  .prepare(`insert into person_option (person_id, option_id) values (?, ?)`)
                  .run(id, c.option)
            } else if (c.kind === 'status')
              sqlite.prepare(`update person set status = ? where id = ?`).run(c.status, id)
            else if (c.kind === 'new') people.push(await newPerson(`Nieuw${made++}`))
            else if (c.kind === 'delete' && people.length > 2) {
              sqlite.prepare(`delete from placement where person_id = ?`).run(id)
              sqlite.prepare(`delete from person where id = ?`).run(id)
              people.splice(people.indexOf(id), 1)
            } else if (c.kind === 'propose')
              sqlite
                .prepare(
                  `insert into placement
                      (person_id, vacancy_id, step, proposed_on, created_at, updated_at)
                    select ?, ?, 'proposed', '2026-06-01', '2026-06-01T09:00:00Z',
                      '2026-06-01T09:00:00Z'
                    where not exists (select 1 from placement where person_id = ? and vacancy_id = ?)`,
                )
                .run(id, asking, id, asking)
          }
          const kept = [await lookAt(asking), await lookAt(f.vacancyId)]
          sqlite.prepare(`update kept_change set n = n + 1 where name = 'matching'`).run()
          const whole = [await lookAt(asking), await lookAt(f.vacancyId)]
          expect(kept).toEqual(whole)
        },
      ),
      { numRuns: 25 },
    )
  })

  it('in the worker of a large register too: a change made on main shows at the next look', async () => {
    const joost = await newPerson('Joost')
    makeRegisterLarge(app)
    const tasks = recordTasks(app)
    try {
      // Every worker of the pool has looked (and kept the register) before the change.
      const looks = 4
      let counts = { ranked: 0, excluded: 0, notCandidates: 0 }
      for (let i = 0; i < looks; i++) {
        const m = await look()
        expect(ranked(m)).toContain(joost)
        counts = m.counts
      }
      app.open.sqlite.prepare(`delete from person_slot where person_id = ?`).run(joost)
      for (let i = 0; i < looks; i++) {
        const after = await look()
        expect(ranked(after)).not.toContain(joost)
        expect(reasonsOf(after, joost)).toContain('noSharedHalfDay')
        // The counts are the register's own (not the shown people's, which are read afresh).
        expect(after.counts).toEqual({
          ...counts,
          ranked: counts.ranked - 1,
          excluded: counts.excluded + 1,
        })
      }
      expect(tasks.sent).toEqual(Array(2 * looks).fill('matching.forVacancy'))
    } finally {
      tasks.stop()
    }
  })
})
