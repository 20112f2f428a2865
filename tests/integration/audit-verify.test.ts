import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type OpenDatabase } from '../../src/main/db/open'
import { verifyAudit, walkAllInProcess } from '../../src/main/domains/audit/verify'
import type { AuditEvidence } from '../../src/main/vault/restore-marks'
import { appendAuditEntries, rewriteConsistently } from '../helpers/audit-bulk'

const NOW = new Date('2026-06-15T10:00:00Z')
/** A small window, so a log of 1,200 entries has entries the routine check does not re-hash. */
const SWEEP = 100

let dir: string
let open: OpenDatabase
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-audit-verify-'))
  open = await openDatabase({ file: join(dir, 'd.sqlite') })
})
afterEach(async () => {
  await open.close()
  rmSync(dir, { recursive: true, force: true })
})

/** 300 entries as written before migration 0007, then 900 current ones (ids 1..1200). */
function log(withPoint: boolean): Promise<void> | void {
  appendAuditEntries(open.sqlite, 300, { version: 'v1' })
  appendAuditEntries(open.sqlite, 700)
  if (!withPoint) return appendAuditEntries(open.sqlite, 200)
  // A check now remembers entry 1000 as intact; 200 entries follow it.
  return check({ full: false }).then((r) => {
    expect(r).toMatchObject({ ok: true, count: 1000 })
    appendAuditEntries(open.sqlite, 200)
  })
}

function check(mode: { full: boolean }, evidence?: AuditEvidence): ReturnType<typeof verifyAudit> {
  return verifyAudit(open.db, NOW, evidence, { full: mode.full, sweep: SWEEP })
}

function hashOf(id: number): string {
  return (
    open.sqlite.prepare('select hash from audit_log where id = ?').get(id) as { hash: string }
  ).hash
}

function dropTriggers(): void {
  open.sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete')
}

function point(): unknown {
  return open.sqlite.prepare('select entry_id, entry_hash from audit_verified').get()
}

const MODES = [
  { name: 'full walk', full: true, withPoint: false },
  { name: 'routine check, first time', full: false, withPoint: false },
  { name: 'full walk after a verified point', full: true, withPoint: true },
  { name: 'routine check after a verified point', full: false, withPoint: true },
]

describe.each(MODES)('audit.verify, $name', ({ full, withPoint }) => {
  it('is intact and counts every entry, old-style ones included', async () => {
    await log(withPoint)
    expect(await check({ full })).toMatchObject({ ok: true, count: 1200, anchors: 0 })
  })

  it('names an entry changed after it was written', async () => {
    await log(withPoint)
    dropTriggers()
    open.sqlite.prepare("update audit_log set user_name = 'iemand anders' where id = 1100").run()
    expect(await check({ full })).toMatchObject({
      ok: false,
      brokenAt: 1100,
      reason: 'hash',
      count: 1099,
    })
  })

  it('names the entry after a removed one', async () => {
    await log(withPoint)
    dropTriggers()
    open.sqlite.prepare('delete from audit_log where id = 1150').run()
    expect(await check({ full })).toMatchObject({
      ok: false,
      brokenAt: 1151,
      reason: 'link',
      count: 1149,
    })
  })

  it('names an old-style entry whose subject was changed', async () => {
    await log(withPoint)
    dropTriggers()
    open.sqlite.prepare('update audit_log set subject_id = 9999 where id = 50').run()
    expect(await check({ full })).toMatchObject({ ok: false, brokenAt: 50, reason: 'hash' })
  })

  it('names the entry a backup recorded differently', async () => {
    await log(withPoint)
    const anchors = [
      { id: 900, hash: hashOf(900), at: '2026-06-01T10:00:00.000Z', restores: [] },
      { id: 1050, hash: 'f'.repeat(64), at: '2026-06-02T10:00:00.000Z', restores: [] },
    ]
    expect(await check({ full }, { anchors, restores: [] })).toMatchObject({
      ok: false,
      brokenAt: 1050,
      reason: 'anchor',
    })
  })

  it('passes over a backup of a branch a recorded restore left behind', async () => {
    await log(withPoint)
    const anchors = [
      { id: 900, hash: hashOf(900), at: '2026-06-01T10:00:00.000Z', restores: [] },
      { id: 1100, hash: 'f'.repeat(64), at: '2026-06-02T10:00:00.000Z', restores: [] },
    ]
    const restores = [
      {
        at: '2026-06-03T10:00:00.000Z',
        backupCreatedAt: '2026-06-01T10:00:00.000Z',
        restoredHead: { id: 1000, hash: hashOf(1000) },
      },
    ]
    expect(await check({ full }, { anchors, restores })).toMatchObject({
      ok: true,
      count: 1200,
      anchors: 1,
    })
  })

  it(
    withPoint
      ? 'notices a consistent rewrite of entries the previous check found intact'
      : 'cannot tell a consistent rewrite without a backup or an earlier check to hold it against',
    async () => {
      await log(withPoint)
      rewriteConsistently(open.sqlite, 500)
      expect(await check({ full })).toMatchObject(
        withPoint
          ? { ok: false, brokenAt: 1000, reason: 'checked', count: 1200 }
          : { ok: true, count: 1200 },
      )
    },
  )
})

describe('the routine check', () => {
  it('re-hashes the new entries and a window of older ones; the window finds an entry changed in place', async () => {
    await log(true)
    dropTriggers()
    // Someone edits entry 500 in place and leaves its stored hash: only re-hashing it shows it.
    open.sqlite.prepare("update audit_log set detail = 'anders' where id = 500").run()
    expect(await check({ full: true })).toMatchObject({ ok: false, brokenAt: 500, reason: 'hash' })

    // The routine check re-hashes 200 new entries and 100 older ones per call (1-100, 101-200,
    // ...), so it reaches entry 500 on its fifth call, and then names it as the full walk does.
    const routine = []
    for (let i = 0; i < 5; i++) routine.push(await check({ full: false }))
    expect(routine.slice(0, 4)).toEqual(
      Array(4).fill(
        expect.objectContaining({
          ok: true,
          count: 1200,
          full: false,
          rehashed: expect.any(Number),
        }),
      ),
    )
    expect(routine[0]).toMatchObject({ rehashed: 300 })
    expect(routine[1]).toMatchObject({ rehashed: 100 })
    expect(routine[4]).toMatchObject({ ok: false, brokenAt: 500, reason: 'hash', count: 499 })
  })

  it('notices a log cut short behind the point it verified, and keeps that point', async () => {
    await log(true)
    const before = point()
    dropTriggers()
    open.sqlite.prepare('delete from audit_log where id > 980').run()
    for (const full of [false, true])
      expect(await check({ full })).toMatchObject({
        ok: false,
        brokenAt: 1000,
        reason: 'checked',
        count: 980,
      })
    expect(point()).toEqual(before)
  })

  it('moves the point to the newest intact entry, and only then', async () => {
    await log(true)
    expect(point()).toEqual({ entry_id: 1000, entry_hash: hashOf(1000) })
    expect(await check({ full: false })).toMatchObject({ ok: true, full: false })
    expect(point()).toEqual({ entry_id: 1200, entry_hash: hashOf(1200) })
    appendAuditEntries(open.sqlite, 10)
    dropTriggers()
    open.sqlite.prepare("update audit_log set detail = 'anders' where id = 1205").run()
    expect(await check({ full: false })).toMatchObject({ ok: false, brokenAt: 1205 })
    expect(point()).toEqual({ entry_id: 1200, entry_hash: hashOf(1200) })
  })

  it('gives the same walk as the full one over an intact log', async () => {
    await log(false)
    const walked = await walkAllInProcess(open.db)
    expect(walked).toEqual({
      state: { nextId: 1201, prev: hashOf(1200), count: 1200, firstCurrentId: 301 },
      broken: null,
    })
  })
})
