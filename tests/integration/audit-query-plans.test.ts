import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  newCaller,
  type TestApp,
} from '../helpers/db'
import { appendAuditEntries } from '../helpers/audit-bulk'
import { captureStatements, planOf, type Statement } from '../helpers/sql-capture'
import { AUDIT_COUNT_LIMIT } from '../../src/shared/schemas/audit'

/**
 * The audit log is most of a ten-year file (780,000 entries). Every audit statement of an
 * everyday path (logging in, the dashboard, the Auditlog screen's first page under each filter
 * and its count, the routine chain check) must find its rows through an index: no pass over the
 * log, and no sort of all matching entries. SQLite picks these plans without statistics (as in
 * the app), so a log of some thousands of entries shows the plans of a large one.
 */

/**
 * What in a plan would read the log in full: a SCAN of it, or a sort of its matches. One SCAN
 * is fine: reading the newest entries in the order of an index (`order by … desc limit ?`, no
 * sort) stops after the page, as writing an entry does to find the newest one.
 */
function passesOverLog(s: Statement, plan: string[]): string[] {
  // Unfiltered: a filter on a column no index leads with would read on until the page is full,
  // which for a rare action (the last restore) is the whole log.
  const unfiltered = !/ where (?!1 = 1 )/.test(s.sql.replace(/\(select [^)]*\)/g, ''))
  const newestFirst =
    unfiltered &&
    /order by "(audit_log"\.")?(at|id)" desc(, "audit_log"\."id" desc)? limit \?( offset \?)?$/.test(
      s.sql.trim(),
    ) &&
    !plan.some((d) => d.includes('TEMP B-TREE'))
  return plan.filter(
    (d) =>
      (/\bSCAN audit_log\b/.test(d) && !newestFirst) ||
      (d.includes('TEMP B-TREE') && s.sql.includes('audit_log')),
  )
}

let app: TestApp
beforeAll(async () => {
  app = await createTestApp()
  // Eight years of a shop's log in miniature.
  appendAuditEntries(app.open.sqlite, 5000, { from: '2018-01-02T09:00:00.000Z' })
  await app.call('audit.verify', {})
})
afterAll(async () => app.close())

const FILTERS = {
  none: {},
  user: { userId: 3 },
  action: { action: 'view' },
  'last restore': { action: 'restore' },
  'kind of record': { entityType: 'household' },
  record: { entityType: 'household', entityId: '12' },
  household: { household: '12' },
  from: { from: '2018-02-01' },
  to: { to: '2018-02-01' },
  'from and to': { from: '2018-02-01', to: '2018-02-28' },
  'user and dates': { userId: 3, from: '2018-02-01', to: '2018-02-28' },
  'action and dates': { action: 'update', from: '2018-02-01', to: '2018-02-28' },
  'household and dates': { household: '12', from: '2018-02-01', to: '2018-02-28' },
} as const

describe('audit statements on everyday paths', () => {
  const paths: [string, () => Promise<unknown>][] = [
    [
      'logging in',
      () =>
        app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, newCaller()),
    ],
    ['the dashboard', () => app.call('shop.dashboard', {})],
    ['the routine chain check', () => app.call('audit.verify', {})],
    ...Object.entries(FILTERS).map(([name, filter]): [string, () => Promise<unknown>] => [
      `the Auditlog screen's first page, filter: ${name}`,
      () => app.call('audit.list', { ...filter, page: 1, pageSize: 50 }),
    ]),
  ]

  it.each(paths)('%s reads the log through its indexes', async (name, run) => {
    const statements = (await captureStatements(app.open.sqlite, run)).filter((s) =>
      s.sql.includes('audit_log'),
    )
    // The dashboard reads nothing of the log; every other path does.
    if (!name.includes('dashboard')) expect(statements.length).toBeGreaterThan(0)
    const passes = statements.flatMap((s) =>
      passesOverLog(s, planOf(app.open.sqlite, s)).map((d) => `${d}  <-  ${s.sql}`),
    )
    expect(passes).toEqual([])
  })

  it('lists the newest entries first under a filter, with the count of all it matches', async () => {
    const page = await app.call('audit.list', { action: 'view', page: 1, pageSize: 50 })
    const all = app.open.sqlite
      .prepare("select id from audit_log where action = 'view' order by at desc, id desc")
      .all() as { id: number }[]
    expect(page.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((r) => r.id))
    expect(page.total).toBe(all.length)
    const whole = await app.call('audit.list', { page: 2, pageSize: 50 })
    const ordered = app.open.sqlite
      .prepare('select id from audit_log order by at desc, id desc')
      .all() as { id: number }[]
    expect(whole.total).toBe(ordered.length)
    expect(whole.rows.map((r) => r.id)).toEqual(ordered.slice(50, 100).map((r) => r.id))
  })

  it('counts a filter that matches most of the log only up to a limit, and says there are more', async () => {
    appendAuditEntries(app.open.sqlite, AUDIT_COUNT_LIMIT + 1000, { actions: ['view'] })
    const broad = await app.call('audit.list', { action: 'view', page: 1, pageSize: 50 })
    expect(broad).toMatchObject({ total: AUDIT_COUNT_LIMIT, more: true })
    expect(broad.rows).toHaveLength(50)
    const narrow = await app.call('audit.list', { action: 'logout', page: 1, pageSize: 50 })
    const logouts = app.open.sqlite
      .prepare("select count(*) as n from audit_log where action = 'logout'")
      .get() as { n: number }
    expect(narrow).toMatchObject({ total: logouts.n, more: false })
    // The whole log is counted exactly, whatever its size.
    const whole = await app.call('audit.list', { page: 1, pageSize: 50 })
    const all = app.open.sqlite.prepare('select count(*) as n from audit_log').get() as {
      n: number
    }
    expect(whole).toMatchObject({ total: all.n, more: false })
  })
})
