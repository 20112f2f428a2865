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
    app.open.sqlite.prepare(`select n from kept_change where name = 'matching'`).get() as {
      n: number
    }
  ).n
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

  it('counts only changes to what the matching reads of every candidate', async () => {
    const sqlite = app.open.sqlite
    const moved = (sql: string, ...params: unknown[]): boolean => {
      const n = changeCount()
      sqlite.prepare(sql).run(...params)
      return changeCount() !== n
    }
    // What the matching reads of a person and of a running placement.
    expect(moved(`update person set place = 'Kampen' where id = ?`, f.personId)).toBe(true)
    expect(moved(`update person set intake_on = '2026-03-01' where id = ?`, f.personId)).toBe(true)
    expect(moved(`update person set status = 'active' where id = ?`, f.personId)).toBe(true)
    expect(
      moved(
        `insert into person_slot (person_id, weekday, part) values (?, 3, 'evening')`,
        f.personId,
      ),
    ).toBe(true)
    const option = (kind: string): number =>
      (
        sqlite.prepare(`select id from vol_option where kind = ? limit 1`).get(kind) as {
          id: number
        }
      ).id
    const holds = `insert into person_option (person_id, option_id) values (?, ?)`
    expect(moved(holds, f.personId, option('interest'))).toBe(true)
    expect(moved(`update placement set step = 'trial' where id = ?`, f.proposedId)).toBe(true)
    // Not read by the matching of a whole register: no new read for these.
    expect(moved(`update person set notes = 'Belt liever' where id = ?`, f.personId)).toBe(false)
    expect(moved(`update person set place = 'Kampen' where id = ?`, f.personId)).toBe(false)
    expect(moved(`update placement set reason = 'x' where id = ?`, f.proposedId)).toBe(false)
    // A skill is read for each vacancy afresh (only the holders of what it asks).
    expect(moved(holds, f.personId, option('skill'))).toBe(false)
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
