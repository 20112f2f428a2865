import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { api, METHOD_NAMES, type MethodName } from '../../src/shared/api'
import { AUTH_METHODS, authHandlers, DOMAIN_PREFIXES, handlers } from '../../src/main/router'
import { computerHandlers } from '../../src/main/computer-settings/handlers'
import { workshopHandlers } from '../../src/main/domains/workshop/handlers'
import { ROLES } from '../../src/shared/schemas/accounts'
import type { Role } from '../../src/shared/schemas/accounts'
import { createTestApp, newCaller, type TestApp } from '../helpers/db'
import { householdInput, snapshot } from '../helpers/fixtures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

const PUBLIC = [
  'setup.status',
  'setup.create',
  'setup.restore',
  'setup.damaged',
  'auth.login',
  'auth.session',
  // The screens' language: the login screen shows it and may change it.
  'computer.language',
  'computer.setLanguage',
  // Which data is open, and the switch to and from the oefenomgeving: each asks a real login.
  'workshop.status',
  'workshop.open',
  'workshop.leave',
]

function allowed(m: MethodName, role: Role): boolean {
  const roles = api[m].roles
  return roles !== 'public' && roles.includes(role)
}

describe('router', () => {
  it('has a handler and a role rule for every method of the contract', () => {
    for (const m of METHOD_NAMES) {
      const roles = api[m].roles
      const handler =
        (handlers as Record<string, unknown>)[m] ??
        authHandlers[m as never] ??
        computerHandlers[m as never] ??
        workshopHandlers[m as never]
      expect(typeof handler, m).toBe('function')
      if (roles === 'public') continue
      expect(Array.isArray(roles), m).toBe(true)
      expect(roles.length, m).toBeGreaterThan(0)
      for (const r of roles) expect(ROLES, m).toContain(r)
    }
    expect(
      [
        ...Object.keys(handlers),
        ...AUTH_METHODS,
        ...Object.keys(computerHandlers),
        ...Object.keys(workshopHandlers),
      ].sort(),
    ).toEqual([...METHOD_NAMES].sort())
    // Only what must work before anyone has logged in is public.
    expect(METHOD_NAMES.filter((m) => api[m].roles === 'public').sort()).toEqual(PUBLIC.sort())
  })

  it('gives every method prefix to exactly one domain', () => {
    const prefixes = METHOD_NAMES.map((m) => m.split('.')[0])
    for (const p of new Set(prefixes)) expect(DOMAIN_PREFIXES, p).toContain(p)
    expect(new Set(DOMAIN_PREFIXES).size).toBe(DOMAIN_PREFIXES.length)
  })

  it('answers an unknown method with NOT_FOUND', async () => {
    const r = await app.router.call(app.admin, 'households.drop', {})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND')
  })

  it('refuses every non-public method without a session, and writes nothing', async () => {
    const before = snapshot(app)
    for (const m of METHOD_NAMES.filter((m) => api[m].roles !== 'public')) {
      const r = await app.router.call(newCaller(), m, {})
      expect(r.ok, m).toBe(false)
      if (!r.ok) expect([r.error.code, r.error.key], m).toEqual(['FORBIDDEN', 'notLoggedIn'])
    }
    expect(snapshot(app)).toBe(before)
  })

  it.each(['volunteer', 'coordinator'] as const)(
    'refuses a %s every method the role may not call, before parsing, and writes nothing',
    async (role) => {
      const caller = await app.loginAs(role)
      const forbidden = METHOD_NAMES.filter((m) => api[m].roles !== 'public' && !allowed(m, role))
      expect(forbidden.length).toBeGreaterThan(0)
      const before = snapshot(app)
      for (const m of forbidden) {
        // Both a valid-looking and a malformed input: the role is checked first.
        for (const input of [householdInput(), 'kapot']) {
          const r = await app.router.call(caller, m, input)
          expect(r.ok, m).toBe(false)
          if (!r.ok) expect(r.error.code, m).toBe('FORBIDDEN')
        }
      }
      expect(snapshot(app)).toBe(before)
    },
  )

  it('keeps counter volunteers away from intakes, exports, statistics and accounts', () => {
    const counter = METHOD_NAMES.filter((m) => allowed(m, 'volunteer'))
    for (const m of [
      'intakes.create',
      'households.create',
      'households.update',
      'households.callList',
      'households.callListCsv',
      'shop.stats',
      'users.list',
      'audit.list',
      'audit.export',
      'settings.update',
    ] as const)
      expect(counter, m).not.toContain(m)
    for (const m of [
      'households.search',
      'households.get',
      'appointments.byDay',
      'appointments.setStatus',
      'visits.register',
    ] as const)
      expect(counter, m).toContain(m)
    const coordinator = METHOD_NAMES.filter((m) => allowed(m, 'coordinator'))
    for (const m of ['users.create', 'audit.list', 'audit.export', 'settings.update'] as const)
      expect(coordinator, m).not.toContain(m)
  })

  it('lets each role call what it may', async () => {
    const volunteer = await app.loginAs('volunteer')
    const coordinator = await app.loginAs('coordinator')
    expect((await app.router.call(volunteer, 'households.search', { query: '' })).ok).toBe(true)
    expect((await app.router.call(volunteer, 'shop.dashboard', {})).ok).toBe(true)
    const stats = { from: '2026-01-01', to: '2026-06-15' }
    expect((await app.router.call(coordinator, 'shop.stats', stats)).ok).toBe(true)
    expect((await app.router.call(app.admin, 'audit.verify', {})).ok).toBe(true)
  })

  it('returns field paths with validation errors', async () => {
    const volunteer = await app.loginAs('volunteer')
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
    const router = createRouter({
      vault: app.vault,
      clock: app.clock,
      logError: (m) => logged.push(m),
    })
    const caller = newCaller()
    const login = await router.call(caller, 'auth.login', {
      username: 'beheerder',
      password: 'Zonnebloem-veld-42',
    })
    expect(login.ok).toBe(true)
    const { id } = await app.call('households.create', householdInput())
    await app.open.db.schema.dropTable('visit_item').execute()
    const broken = await router.call(caller, 'visits.register', {
      householdId: id,
      date: '2026-06-15',
      servedBy: 'A',
      items: [{ categoryId: 13, count: 1 }],
    })
    expect(broken).toEqual({ ok: false, error: { code: 'INTERNAL', key: 'internal' } })
    expect(logged).toEqual(['visits.register'])
  })
})
