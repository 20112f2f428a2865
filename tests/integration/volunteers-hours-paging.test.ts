import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/main/domains/accounts/auth'
import { createTestApp, rejection, type TestApp } from '../helpers/db'

/*
 * A busy organisation: more rows than one page of the month grid and more than the dashboard
 * lists show. The grid is paged in main with the filters the screen offers (words for person or
 * vacancy/host, "not logged yet"); the dashboard says how many each list holds in all.
 * People and placements are written straight into the tables; everything read goes through the
 * router. Today is Saturday 2026-12-05.
 */

const NOW = '2026-12-05T10:00:00.000Z'
const MONTH = '2026-11'
/** Placed people: 70 at the Kringloop, 60 at the Buurthuis (the trials start in December). */
const PLACED = 130
const WAITING = 105
const TRIALS = 103
const CONTACTS = 102

let app: TestApp
let coordinator: Caller

const pad = (n: number): string => String(n).padStart(3, '0')

beforeAll(async () => {
  app = await createTestApp(NOW)
  coordinator = await app.loginAs('coordinator', 'coco')
  const db = app.open.db
  const host = async (name: string): Promise<number> =>
    (
      await db
        .insertInto('partner')
        .values({
          name,
          searchName: name.toLowerCase(),
          kind: 'other',
          active: 1,
          isHost: 1,
          createdAt: NOW,
          updatedAt: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const vacancy = async (partnerId: number, title: string): Promise<number> =>
    (
      await db
        .insertInto('vacancy')
        .values({
          partnerId,
          title,
          searchTitle: title.toLowerCase(),
          places: 500,
          active: 1,
          createdAt: NOW,
          updatedAt: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const shop = await vacancy(await host('Kringloop'), 'Kassa')
  const club = await vacancy(await host('Buurthuis'), 'Gastvrouw')
  let ref = 0
  const person = async (first: string, extra: Record<string, unknown> = {}): Promise<number> =>
    (
      await db
        .insertInto('person')
        .values({
          reference: `D-${String(++ref).padStart(5, '0')}`,
          firstName: first,
          lastName: 'Jansen',
          searchName: `${first.toLowerCase()} jansen`,
          registeredOn: '2026-01-05',
          createdAt: NOW,
          updatedAt: NOW,
          ...extra,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const placement = (
    personId: number,
    vacancyId: number,
    v: { step: 'placed' | 'trial' } & Record<string, unknown>,
  ): Promise<unknown> =>
    db
      .insertInto('placement')
      .values({
        personId,
        vacancyId,
        proposedOn: '2026-01-21',
        createdAt: NOW,
        updatedAt: NOW,
        ...v,
      })
      .execute()
  for (let i = 1; i <= PLACED; i++) {
    const id = await person(`Pim${pad(i)}`, { intakeOn: '2026-01-20', status: 'active' })
    await placement(id, i <= 70 ? shop : club, { step: 'placed', placedOn: '2026-02-01' })
  }
  for (let i = 1; i <= WAITING; i++) await person(`Wachter${pad(i)}`)
  for (let i = 1; i <= TRIALS; i++) {
    const id = await person(`Tess${pad(i)}`, { intakeOn: '2026-01-20', status: 'intake' })
    await placement(id, club, {
      step: 'trial',
      trialOn: '2026-12-01',
      trialEndsOn: '2026-12-10',
    })
  }
  for (let i = 1; i <= CONTACTS; i++) {
    const id = await person(`Cor${pad(i)}`, { intakeOn: '2026-01-20', status: 'intake' })
    await db
      .insertInto('personContact')
      .values({
        personId: id,
        contactedOn: '2026-11-01',
        kind: 'phone',
        nextOn: '2026-12-01',
        createdAt: NOW,
      })
      .execute()
  }
})

afterAll(async () => {
  await app.close()
})

const grid = (input: Record<string, unknown>) =>
  app.call('hours.month', { month: MONTH, ...input } as { month: string }, coordinator)

describe('the month grid at more rows than a page', () => {
  it('sends one page in name order with the count, and the pages together hold every row once', async () => {
    const first = await grid({})
    expect(first.rows).toHaveLength(50)
    expect(first.count).toBe(PLACED)
    expect(first.rowsInMonth).toBe(PLACED)
    expect(first.rows[0].name).toBe('Pim001 Jansen')
    const seen = [...first.rows]
    for (let offset = 50; offset < first.count; offset += 50)
      seen.push(...(await grid({ offset })).rows)
    expect(seen).toHaveLength(PLACED)
    expect(new Set(seen.map((r) => `${r.personId}:${r.placementId}`)).size).toBe(PLACED)
    const names = seen.map((r) => r.name)
    expect(names).toEqual([...names].sort())
    expect((await grid({ offset: 200 })).rows.map((r) => r.name)).toEqual(
      names.slice(200).slice(0, 50),
    )
  })

  it('finds rows by host, vacancy, name or reference, and keeps the month figures whole', async () => {
    const kringloop = await grid({ query: 'kringloop', limit: 200 })
    expect(kringloop.count).toBe(70)
    expect(kringloop.rows.every((r) => r.hostName === 'Kringloop')).toBe(true)
    expect(kringloop.rowsInMonth).toBe(PLACED)
    const gastvrouw = await grid({ query: 'GASTVROUW buurthuis' })
    expect(gastvrouw.count).toBe(PLACED - 70)
    const one = await grid({ query: 'pim007' })
    expect(one.rows.map((r) => r.name)).toEqual(['Pim007 Jansen'])
    const byRef = await grid({ query: one.rows[0].reference })
    expect(byRef.rows.map((r) => r.name)).toEqual(['Pim007 Jansen'])
    expect((await grid({ query: 'niemand' })).count).toBe(0)
  })

  it('shows only the rows not logged yet, and after logging they leave that list', async () => {
    const page = await grid({ query: 'kringloop', limit: 3 })
    await app.call(
      'hours.log',
      {
        entries: page.rows.map((r) => ({
          personId: r.personId,
          placementId: r.placementId,
          month: MONTH,
          hours: 4,
        })),
      },
      coordinator,
    )
    const missing = await grid({ missingOnly: true })
    expect(missing.count).toBe(PLACED - 3)
    expect(missing.missing).toBe(PLACED - 3)
    expect(missing.total).toBe(12)
    expect(missing.rows.every((r) => r.hours === null)).toBe(true)
    const logged = await grid({ query: 'kringloop', limit: 3 })
    expect(logged.rows.map((r) => r.hours)).toEqual([4, 4, 4])
    expect((await grid({ query: 'kringloop', missingOnly: true })).count).toBe(67)
  })

  it('refuses a page size beyond 200 at its field', async () => {
    const e = await rejection(grid({ limit: 5000 }))
    expect(e.code).toBe('VALIDATION')
    expect(e.fields?.map((f) => f.path)).toEqual(['limit'])
  })
})

describe('the volunteers dashboard at more than 100 per list', () => {
  it('shows the first 100 of each list and says how many there are in all', async () => {
    const d = await app.call('volunteers.dashboard', {}, coordinator)
    expect(d.waitingForIntake).toHaveLength(100)
    expect(d.counts.waitingForIntake).toBe(WAITING)
    expect(d.trialsEnding).toHaveLength(100)
    expect(d.counts.trialsEnding).toBe(TRIALS)
    expect(d.contactsDue).toHaveLength(100)
    expect(d.counts.contactsDue).toBe(CONTACTS)
  })
})
