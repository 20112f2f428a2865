import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BACKSTOP_CHECKPOINT_PAGES } from '../../src/main/db/open'
import { createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { recordTasks } from '../helpers/volunteers-matching'

/*
 * SQLite folds its write-ahead log into the database file at the commit that makes the log
 * longer than 1,000 pages, on the connection that commits: main. At ten years of data that held
 * main for 50-80 ms now and then. The vault leaves it to a worker a moment after the writes.
 */

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

describe('the write-ahead log', () => {
  it('is folded into the file by a worker after writes, not by a commit on main', async () => {
    const sqlite = app.open.sqlite
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_CHECKPOINT_PAGES)
    // Setting up a new file (every migration) leaves a log of nearly 1,000 pages: start short.
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const tasks = recordTasks(app, { upkeep: true })
    try {
      // A few writes leave a short log alone: no worker is started for them.
      await app.call('households.create', householdInput({ contactName: 'Fam. Kort' }))
      await new Promise((resolve) => setTimeout(resolve, 1800))
      expect(tasks.sent).not.toContain('wal.checkpoint')

      // Some 6 MB through main's connection: more than SQLite's 1,000 pages.
      await app.open.db
        .insertInto('setting')
        .values({ key: 'groot', value: 'x'.repeat(6_000_000) })
        .execute()
      const deadline = Date.now() + 15_000
      while (!app.vault.lastCheckpoint && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 100))
      expect(tasks.sent).toContain('wal.checkpoint')
      const outcome = app.vault.lastCheckpoint
      expect(outcome?.log).toBeGreaterThan(1000)
      // Everything committed is in the file: nothing was left for main to fold in.
      expect(outcome?.checkpointed).toBe(outcome?.log)
      expect(
        sqlite.prepare(`select length(value) as n from setting where key = 'groot'`).get(),
      ).toEqual({
        n: 6_000_000,
      })
    } finally {
      tasks.stop()
    }
  })

  it('waits for the writes to pause, but not longer than a few seconds', async () => {
    const tasks = recordTasks(app, { upkeep: true })
    const write = (value: string) =>
      app.open.db
        .insertInto('setting')
        .values({ key: 'klein', value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
    try {
      // A long log, then a write every 200 ms: a burst of looks at the matching, say.
      await app.open.db
        .insertInto('setting')
        .values({ key: 'groot', value: 'x'.repeat(6_000_000) })
        .execute()
      const started = Date.now()
      let sentAt: number | null = null
      for (let i = 0; Date.now() - started < 8000; i++) {
        await write(String(i))
        if (sentAt === null && tasks.sent.includes('wal.checkpoint')) sentAt = Date.now()
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      // Not while the writes went on, for the first seconds; then all the same.
      expect(sentAt).not.toBeNull()
      expect(sentAt! - started).toBeGreaterThan(3000)
      expect(sentAt! - started).toBeLessThan(7500)
    } finally {
      tasks.stop()
    }
  })
})
