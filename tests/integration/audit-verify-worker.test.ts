import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyChainTask } from '../../src/main/domains/audit/verify-task'
import { IN_PROCESS_LIMIT, walkAllInProcess } from '../../src/main/domains/audit/verify'
import { createTestApp, type TestApp } from '../helpers/db'
import { appendAuditEntries } from '../helpers/audit-bulk'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
  // More than main walks itself, so the full walk goes to a worker.
  appendAuditEntries(app.open.sqlite, IN_PROCESS_LIMIT + 2000)
})
afterEach(async () => {
  await app.vault.workers.terminateAll()
  await app.close()
})

function size(): number {
  return (app.open.sqlite.prepare('select max(id) as n from audit_log').get() as { n: number }).n
}

describe('the full walk in a worker', () => {
  it('walks the encrypted log on its own connection with progress, as the walk in main does', async () => {
    const seen: number[] = []
    const inWorker = await app.vault.workers.run(
      verifyChainTask,
      {},
      { onProgress: (done, total) => (expect(total).toBe(size()), seen.push(done)) },
    )
    expect(inWorker).toEqual(await walkAllInProcess(app.open.db))
    expect(inWorker.broken).toBeNull()
    expect(inWorker.state.count).toBe(size())
    expect(seen.at(-1)).toBe(size())
    expect(seen.length).toBeGreaterThan(1)
  })

  it('is what audit.verify runs for a full check, and names the same broken entry', async () => {
    const n = size()
    expect(await app.call('audit.verify', { full: true })).toMatchObject({
      ok: true,
      count: n,
      full: true,
      rehashed: n,
    })
    app.open.sqlite.exec('drop trigger audit_log_no_update')
    app.open.sqlite.prepare("update audit_log set workstation = 'thuis' where id = 7000").run()
    const inMain = await walkAllInProcess(app.open.db)
    expect(inMain.broken).toEqual({ brokenAt: 7000, reason: 'hash', count: 6999 })
    expect(await app.call('audit.verify', { full: true })).toMatchObject({
      ok: false,
      brokenAt: 7000,
      reason: 'hash',
      count: 6999,
    })
    // The routine check re-hashes older entries 5,000 at a time: 1-5,000 first (an entry changed
    // in place with its hash left is not seen yet), then 5,001-10,000, and then names it too.
    expect(await app.call('audit.verify', {})).toMatchObject({ ok: true, full: false })
    expect(await app.call('audit.verify', {})).toMatchObject({
      ok: false,
      brokenAt: 7000,
      reason: 'hash',
      count: 6999,
    })
  })
})
