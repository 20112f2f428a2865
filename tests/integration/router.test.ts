import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { api, METHOD_NAMES } from '../../src/shared/api'
import { handlers } from '../../src/main/router'
import type { Session } from '../../src/main/services/context'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput, snapshot } from '../helpers/fixtures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

const volunteer: Session = { userId: 7, name: 'Vrijwilliger', role: 'volunteer' }

describe('router', () => {
  it('has a handler and at least one role for every method of the contract', () => {
    for (const m of METHOD_NAMES) {
      expect(typeof handlers[m], m).toBe('function')
      expect(api[m].roles.length, m).toBeGreaterThan(0)
    }
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('answers an unknown method with NOT_FOUND', async () => {
    const r = await app.router.call(volunteer, 'households.drop', {})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND')
  })

  it('refuses a role that a method does not allow, before parsing, and writes nothing', async () => {
    const forbidden = METHOD_NAMES.filter((m) => !api[m].roles.includes('volunteer'))
    expect(forbidden).toEqual(
      expect.arrayContaining([
        'households.create',
        'intakes.create',
        'shop.stats',
        'households.callListCsv',
      ]),
    )
    const before = snapshot(app)
    for (const m of forbidden) {
      const r = await app.router.call(volunteer, m, householdInput())
      expect(r.ok, m).toBe(false)
      if (!r.ok) expect(r.error.code, m).toBe('FORBIDDEN')
    }
    expect(snapshot(app)).toBe(before)
  })

  it('returns field paths with validation errors', async () => {
    const r = await app.router.call(volunteer, 'visits.register', {
      householdId: 'een',
      items: [{}],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.fields?.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'householdId',
        'date',
        'servedBy',
        'items.0.categoryId',
        'items.0.count',
      ]),
    )
  })

  it('hides the detail of an internal error from the caller but logs it', async () => {
    const logged: string[] = []
    const { createRouter } = await import('../../src/main/router')
    await app.open.db.schema.dropTable('visit_item').execute()
    const router = createRouter({
      db: app.open.db,
      clock: app.clock,
      logError: (m) => logged.push(m),
    })
    const { id } = await app.call('households.create', householdInput())
    const r = await router.call(volunteer, 'households.get', { id })
    expect(r.ok).toBe(true)
    const broken = await router.call(volunteer, 'visits.register', {
      householdId: id,
      date: '2026-06-15',
      servedBy: 'A',
      items: [{ categoryId: 13, count: 1 }],
    })
    expect(broken).toEqual({ ok: false, error: { code: 'INTERNAL', key: 'internal' } })
    expect(logged).toEqual(['visits.register'])
  })
})
