import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, rejection, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { countDue } from '../../src/main/domains/retention/due-count'
import { RETENTION_DUE_WORKER_FROM_RECORDS } from '../../src/main/domains/retention/retention'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-01T09:00:00Z')
})
afterEach(async () => app.close())

/**
 * `count` copies of one household or person made through the app, each made on its own day
 * (2023-01-02 plus i days) and nothing else dated: a large organisation's history without
 * thousands of API calls.
 */
function copies(table: 'household' | 'person', id: number, count: number): void {
  const db = app.open.sqlite
  const cols = (db.prepare(`pragma table_info(${table})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !['id', 'reference', 'created_at', 'registered_on', 'proof_seen_on'].includes(c))
  const dated = table === 'person' ? ', registered_on' : ''
  const insert = db.prepare(
    `insert into ${table} (reference, created_at${dated}, ${cols.join(', ')})
     select ?, ?${table === 'person' ? ', ?' : ''}, ${cols.join(', ')} from ${table} where id = ?`,
  )
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const day = new Date(Date.UTC(2023, 0, 2 + i)).toISOString().slice(0, 10)
      const ref = `${table === 'person' ? 'D' : 'H'}-C${String(i).padStart(5, '0')}`
      if (table === 'person') insert.run(ref, `${day}T10:00:00.000Z`, day, id)
      else insert.run(ref, `${day}T10:00:00.000Z`, id)
    }
  })()
}

async function seed(households: number, people: number): Promise<void> {
  const h = await app.call('households.create', householdInput({ confirmDuplicate: true }))
  copies('household', h.id, households)
  const p = await app.call('people.create', {
    firstName: 'Sanne',
    lastName: 'Bakker',
    registeredOn: '2026-06-01',
  })
  // The originals are recent; only the copies (made in 2023, no proof of income seen) are due.
  copies('person', p.id, people)
  app.clock.set('2026-06-15T10:00:00Z')
  await app.call('auth.unlock', { password: ADMIN_PASSWORD })
}

describe('retention.due, a page of one kind at a time', () => {
  it('pages each kind in main, counts every kind, and refuses a page out of range', async () => {
    await seed(60, 3)
    const first = await app.call('retention.due', {})
    expect(first.counts).toEqual({ household: 60, person: 3, complaint: 0, helpRequest: 0 })
    expect(first).toMatchObject({ kind: 'household', total: 60, offset: 0 })
    expect(first.rows).toHaveLength(50)
    expect(first.rows.every((r) => r.kind === 'household')).toBe(true)
    const second = await app.call('retention.due', { kind: 'household', offset: 50 })
    expect(second.rows).toHaveLength(10)
    // Oldest first over the pages, each household once.
    const all = [...first.rows, ...second.rows]
    expect(new Set(all.map((r) => r.id)).size).toBe(60)
    expect(all.map((r) => r.lastContact)).toEqual(all.map((r) => r.lastContact).sort())
    expect(all[0]).toMatchObject({ reference: 'H-C00000', lastContact: '2023-01-02' })
    expect(all[59]).toMatchObject({ reference: 'H-C00059', lastContact: '2023-03-02' })

    // The people are their own list with their own count, not mixed into the households'.
    const people = await app.call('retention.due', { kind: 'person' })
    expect(people).toMatchObject({ kind: 'person', total: 3 })
    expect(people.rows.map((r) => [r.kind, r.reference])).toEqual([
      ['person', 'D-C00000'],
      ['person', 'D-C00001'],
      ['person', 'D-C00002'],
    ])
    expect((await app.call('retention.due', { kind: 'complaint' })).rows).toEqual([])

    for (const bad of [{ kind: 'pet' }, { limit: 500 }, { offset: -1 }, { page: 2 }])
      expect((await rejection(app.call('retention.due', bad as never))).code).toBe('VALIDATION')
  })

  it('works out a large organisation in a worker with the same counts and page', async () => {
    await seed(RETENTION_DUE_WORKER_FROM_RECORDS, 20)
    const viaRouter = await app.call('retention.due', { kind: 'person', offset: 10, limit: 5 })
    // Made 2023-01-02 up to the day before the cutoff 2024-06-15: 530 of them are due.
    expect(viaRouter.counts).toEqual({ household: 530, person: 20, complaint: 0, helpRequest: 0 })
    expect(viaRouter.rows.map((r) => r.reference)).toEqual([
      'D-C00010',
      'D-C00011',
      'D-C00012',
      'D-C00013',
      'D-C00014',
    ])
    expect(viaRouter).toEqual(
      await countDue(app.open.db, { kind: 'person', offset: 10, limit: 5 }, '2026-06-15'),
    )
  })
})
