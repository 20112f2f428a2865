import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../helpers/db'
import type { Caller } from '../../src/main/domains/accounts/auth'

/*
 * Long lists at a busy organisation: the placements board, the vacancies and all complaints say
 * how many there really are and every row can be reached, a page at a time.
 */

let app: TestApp
let coordinator: Caller
beforeEach(async () => {
  app = await createTestApp()
  coordinator = await app.loginAs('coordinator')
})
afterEach(() => app.close())

const TUE_AM = { weekday: 2, part: 'morning' } as const

describe('placements board', () => {
  it('counts every step in full while it sends a few cards per column, and pages a column', async () => {
    const host = await app.call('organisations.create', { name: 'Buurthuis De Linde' })
    const vacancy = await app.call('vacancies.create', {
      partnerId: host.id,
      title: 'Koffieschenker',
      places: 5,
      availability: [TUE_AM],
    })
    const proposed: number[] = []
    for (let i = 0; i < 8; i++) {
      const person = await app.call('people.create', {
        firstName: `Persoon${i}`,
        lastName: 'Bordtest',
        registeredOn: '2026-02-01',
        intakeOn: '2026-02-10',
        availability: [TUE_AM],
      })
      const p = await app.call('placements.propose', {
        personId: person.id,
        vacancyId: vacancy.id,
        date: `2026-06-0${i + 1}`,
      })
      proposed.push(p.placement.id)
    }
    // One goes on to its introduction: 7 proposed, 1 introduction.
    const intro = proposed.shift() as number
    await app.call('placements.advance', { id: intro, to: 'introduction', date: '2026-06-12' })

    const board = await app.call('placements.list', { scope: 'active', perStep: 3 }, coordinator)
    expect(board.counts).toMatchObject({ proposed: 7, introduction: 1, trial: 0, placed: 0 })
    expect(board.total).toBe(8)
    // Three cards of the proposed column (the newest), the one introduction.
    expect(board.rows.filter((r) => r.step === 'proposed').map((r) => r.id)).toEqual(
      proposed.slice(-3).reverse(),
    )
    expect(board.rows.filter((r) => r.step === 'introduction').map((r) => r.id)).toEqual([intro])

    // "Meer tonen" in the proposed column reaches every proposal once.
    const seen: number[] = []
    for (let offset = 0; offset < 9; offset += 3) {
      const page = await app.call(
        'placements.list',
        { step: 'proposed', perStep: 3, offset },
        coordinator,
      )
      expect(page.counts.proposed).toBe(7)
      seen.push(...page.rows.map((r) => r.id))
    }
    expect(seen).toEqual([...proposed].reverse())

    // Across steps (the closed ones below the board, or all): newest proposal first, page by page.
    for (const id of [proposed[1], proposed[4]])
      await app.call('placements.decline', { id, date: '2026-06-14', reason: 'Geen klik' })
    const all: number[] = []
    for (let offset = 0; offset < 8; offset += 3) {
      const page = await app.call(
        'placements.list',
        { scope: 'all', limit: 3, offset },
        coordinator,
      )
      expect(page.total).toBe(8)
      all.push(...page.rows.map((r) => r.id))
    }
    expect(all).toEqual([...proposed].reverse().concat(intro))
    const closed = await app.call('placements.list', { scope: 'closed', limit: 1, offset: 1 })
    expect(closed.rows.map((r) => r.id)).toEqual([proposed[1]])
    expect(closed.counts.declined).toBe(2)
  })

  it('refuses a negative offset or a column of thousands, at the field', async () => {
    const err = await app
      .call('placements.list', { scope: 'active', perStep: 5000, offset: -1 }, coordinator)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'VALIDATION' })
    const paths = (err as { fields: { path: string }[] }).fields.map((f) => f.path).sort()
    expect(paths).toEqual(['offset', 'perStep'])
  })
})

describe('vacancies list', () => {
  it('sends one page with the total, and the next pages reach every vacancy', async () => {
    const host = await app.call('organisations.create', { name: 'Stichting Het Anker' })
    const made: number[] = []
    for (const title of ['Chauffeur', 'Gastvrouw', 'Kassa', 'Kok', 'Tuinman']) {
      const v = await app.call('vacancies.create', {
        partnerId: host.id,
        title,
        places: 1,
        availability: [TUE_AM],
      })
      made.push(v.id)
    }
    const first = await app.call('vacancies.list', { limit: 2 }, coordinator)
    expect(first.total).toBe(5)
    expect(first.rows.map((v) => v.title)).toEqual(['Chauffeur', 'Gastvrouw'])
    const ids: number[] = []
    for (let offset = 0; offset < 6; offset += 2)
      ids.push(
        ...(await app.call('vacancies.list', { limit: 2, offset }, coordinator)).rows.map(
          (v) => v.id,
        ),
      )
    expect(ids).toEqual(made)
    // A search counts what it finds, not the page.
    expect(await app.call('vacancies.list', { query: 'o', limit: 1 }, coordinator)).toMatchObject({
      total: 2,
      rows: [{ title: 'Gastvrouw' }],
    })
  })
})

describe('all complaints', () => {
  it('pages through every complaint with the real total', async () => {
    const [category] = await app.call('complaints.categories', {})
    const made: number[] = []
    for (let day = 1; day <= 5; day++) {
      const c = await app.call('complaints.create', {
        receivedOn: `2026-05-0${day}`,
        channel: 'letter',
        complainantKind: 'contact',
        complainantName: `Mevrouw Jansen ${day}`,
        complainantContact: 'Dorpsstraat 1, Eemstad',
        aboutKind: 'service',
        aboutText: 'De wachtrij',
        categoryId: category.id,
        description: 'Lang gewacht',
        step: 1,
      })
      made.push(c.id)
    }
    const ids: number[] = []
    for (let offset = 0; offset < 6; offset += 2) {
      const page = await app.call(
        'complaints.list',
        { state: 'all', limit: 2, offset },
        coordinator,
      )
      expect(page.total).toBe(5)
      ids.push(...page.rows.map((c) => c.id))
    }
    // Newest receipt first, each complaint once.
    expect(ids).toEqual([...made].reverse())
  })
})
