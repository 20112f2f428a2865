import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  TEST_PASSWORD_PARAMS,
  type TestApp,
} from '../helpers/db'
import { addHousehold } from '../helpers/fixtures'
import { Rng, Writer } from '../../scripts/demo-data'
import { seedComplaints, type ComplaintsSummary } from '../../scripts/demo-complaints'

const TODAY = '2026-12-05'
let app: TestApp
let summary: ComplaintsSummary
const rows = (q: string): Record<string, unknown>[] =>
  app.open.sqlite.prepare(q).all() as Record<string, unknown>[]

beforeAll(async () => {
  app = await createTestApp(`${TODAY}T10:00:00Z`)
  const h = await addHousehold(app, 'Fam. Demo')
  await app.call('users.create', {
    username: 'vrijwilliger',
    displayName: 'Vera Vrijwilliger',
    role: 'volunteer',
    password: 'Eerste-toegang-8-krokus',
  })
  await app.call('users.create', {
    username: 'coordinator',
    displayName: 'Cor Coördinator',
    role: 'coordinator',
    password: 'Eerste-toegang-9-krokus',
  })
  const w = new Writer(app.vault, app.clock, TEST_PASSWORD_PARAMS)
  await w.call(`${TODAY}T10:00:00Z`, 'auth.login', {
    username: ADMIN_USERNAME,
    password: ADMIN_PASSWORD,
  })
  summary = await seedComplaints(w, new Rng(3), TODAY, [h], [])
}, 120_000)
afterAll(async () => app?.close())

describe('the demo complaints', () => {
  it('are about 40 over two years, in every state', () => {
    expect(summary.complaints).toBe(40)
    const range = rows('select min(received_on) as first, max(received_on) as last from complaint')
    expect(range[0]!.first! < '2025-01-01').toBe(true)
    expect(range[0]!.last! > '2026-11-20').toBe(true)
    const states = rows(`select case when closed_on is not null then 'closed'
      when decided_on is not null then 'decided' when acknowledged_on is not null then 'running'
      else 'new' end as state, count(*) as n from complaint group by 1 order by 1`)
    expect(states.map((s) => s.state)).toEqual(['closed', 'decided', 'new', 'running'])
    const outcomes = rows('select distinct outcome from complaint where outcome is not null')
    expect(outcomes.map((o) => o.outcome).sort()).toEqual([
      'founded',
      'mediated',
      'partly_founded',
      'unfounded',
      'withdrawn',
    ])
  })

  it('show every kind of step on their timelines, and the terms at work', () => {
    const kinds = rows('select distinct kind from complaint_entry').map((k) => k.kind)
    for (const k of [
      'received',
      'acknowledged',
      'step_changed',
      'hearing',
      'advice',
      'extension',
      'decision',
      'informed',
      'closed',
      'reopened',
      'correction',
    ])
      expect(kinds, k).toContain(k)
    expect(
      rows('select count(*) as n from complaint_entry where with_consent = 1')[0]!.n,
    ).toBeGreaterThan(0)
    expect(
      rows('select count(*) as n from complaint_measure where done_on is not null')[0]!.n,
    ).toBeGreaterThan(0)
    expect(
      rows(
        "select count(*) as n from complaint where acknowledged_on is null and ack_due_on < '2026-12-05'",
      )[0]!.n,
    ).toBeGreaterThan(0)
  })
})
