import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import {
  auditMany,
  verifyAudit,
  writeAudit,
  type AuditEvent,
} from '../../src/main/domains/audit/audit'
import type { Db, ServiceContext } from '../../src/main/context'
import { asReadRecord } from '../../src/main/db/write-gate'
import { createTestApp, type TestApp } from '../helpers/db'

/*
 * A batch of view entries (the people one matching page shows) is written a few rows per
 * statement with turns of the event loop between them, so main is never held for the whole
 * batch. Whatever else writes meanwhile, the batch stays one unbroken run in the chain.
 */

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

const ADMIN = { userId: 1, userName: 'beheerder', role: 'admin' as const, workstation: 'test' }

const views = (n: number): AuditEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    action: 'view' as const,
    entityType: 'matching',
    entityId: 7,
    subject: { kind: 'person', id: i + 1 },
    fields: ['vacancyId'],
  }))

describe('a batch of view entries', () => {
  it('stays one unbroken run of the chain while other entries are written beside it', async () => {
    const db = app.open.db
    const ctx = { clock: app.clock, session: ADMIN } as unknown as ServiceContext
    const before = (
      app.open.sqlite.prepare('select max(id) as n from audit_log').get() as { n: number }
    ).n
    // Other entries asked for while the batch of 45 (five statements) is being written.
    await Promise.all([
      auditMany(db, ctx, views(45)),
      ...Array.from({ length: 6 }, (_, i) =>
        writeAudit(db, app.clock.now(), ADMIN, { action: 'lock', detail: `other ${i}` }),
      ),
    ])
    const rows = app.open.sqlite
      .prepare('select id, entity_type, subject_id from audit_log where id > ? order by id')
      .all(before) as { id: number; entity_type: string | null; subject_id: number | null }[]
    expect(rows).toHaveLength(51)
    const batch = rows.filter((r) => r.entity_type === 'matching')
    expect(batch.map((r) => r.subject_id)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1))
    // One run of ids: nothing else came between the first and the last of the batch.
    expect(batch[44].id - batch[0].id).toBe(44)
    expect(await verifyAudit(db, app.clock.now())).toMatchObject({ ok: true })
  })

  it('commits a read record at NORMAL (its log synced after, off main), while every other write stays at FULL', async () => {
    const db = app.open.db
    const ctx = { clock: app.clock, session: ADMIN } as unknown as ServiceContext
    const levelIn = async (trx: Db): Promise<number> =>
      (await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows[0].synchronous
    const FULL = 2
    const NORMAL = 1
    expect(app.open.sqlite.pragma('synchronous', { simple: true })).toBe(FULL)
    // Inside a read record's own transaction the level is NORMAL...
    const inside = await asReadRecord(() => db.transaction().execute(levelIn))
    expect(inside).toBe(NORMAL)
    // ...and afterwards, after a failed one too, the connection is back at FULL.
    expect(app.open.sqlite.pragma('synchronous', { simple: true })).toBe(FULL)
    await expect(
      asReadRecord(() =>
        db.transaction().execute(async () => {
          throw new Error('afgebroken')
        }),
      ),
    ).rejects.toThrow('afgebroken')
    expect(app.open.sqlite.pragma('synchronous', { simple: true })).toBe(FULL)
    // A change asked for while a batch of views is being written commits at FULL.
    const [, changeLevel] = await Promise.all([
      auditMany(db, ctx, views(30)),
      db.transaction().execute(async (trx) => {
        const level = await levelIn(trx)
        await writeAudit(trx, app.clock.now(), ADMIN, { action: 'lock' })
        return level
      }),
    ])
    expect(changeLevel).toBe(FULL)
    expect(app.open.sqlite.pragma('synchronous', { simple: true })).toBe(FULL)
    expect(await verifyAudit(db, app.clock.now())).toMatchObject({ ok: true })
  })
})
