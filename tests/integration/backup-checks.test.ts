import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => app.close())

/** Later on the same screen: the idle lock has come down, so the admin unlocks first. */
async function later(iso: string): Promise<void> {
  app.clock.set(iso)
  await app.call('auth.unlock', { password: ADMIN_PASSWORD })
}

describe('the Back-ups screen remembers checks', () => {
  it('lists the last check of each backup, with its time, after the screen is loaded again', async () => {
    await app.call('households.create', householdInput())
    const { backup: first } = await app.call('backup.create', {})
    await later('2026-06-15T11:00:00Z')
    const { backup: second } = await app.call('backup.create', {})
    // Made and checked as it was written: listed as checked at that moment.
    const listed = await app.call('backup.list', {})
    const byName = new Map(listed.backups.map((b) => [b.name, b]))
    expect(byName.get(second.name)?.lastCheck).toEqual({
      at: '2026-06-15T11:00:00.000Z',
      ok: true,
      problemKey: null,
    })

    await later('2026-06-16T08:30:00Z')
    const path = join(app.dir, 'backups', first.name)
    const bytes = readFileSync(path)
    bytes[bytes.length - 100] ^= 0xff
    writeFileSync(path, bytes)
    const check = await app.call('backup.verify', { name: first.name })
    expect(check).toMatchObject({ ok: false, checkedAt: '2026-06-16T08:30:00.000Z' })
    expect(check.problemKey).toMatch(/^(backupDamaged|notABackup|backupTampered)$/)
    await app.call('backup.verify', { name: second.name })

    const again = new Map((await app.call('backup.list', {})).backups.map((b) => [b.name, b]))
    expect(again.get(second.name)?.lastCheck).toEqual({
      at: '2026-06-16T08:30:00.000Z',
      ok: true,
      problemKey: null,
    })
    // Still listed (its header reads), now with the failed check and why.
    expect(again.get(first.name)?.lastCheck).toEqual({
      at: '2026-06-16T08:30:00.000Z',
      ok: false,
      problemKey: check.problemKey,
    })
  })

  it('does not pass an old "In orde" on to another file copied in under the same name', async () => {
    const { backup: one } = await app.call('backup.create', {})
    await later('2026-06-15T12:00:00Z')
    await app.call('households.create', householdInput())
    const { backup: two } = await app.call('backup.create', {})
    // Someone copies the newer file over the older one's name (from a stick, say).
    writeFileSync(
      join(app.dir, 'backups', one.name),
      readFileSync(join(app.dir, 'backups', two.name)),
    )
    const listed = (await app.call('backup.list', {})).backups.find((b) => b.name === one.name)
    expect(listed?.lastCheck ?? null).toBeNull()
  })

  it('names a downloaded backup with the Dutch time the screen shows, not UTC', async () => {
    // 10:00 UTC on 15 June is 12:00 in the Netherlands (summer time).
    const made = await app.call('backup.create', { download: true })
    expect(made.backup.name).toBe('dichtbij-20260615T100000Z-handmatig.dichtbij-backup')
    expect(made.file?.filename).toBe('dichtbij-20260615-120000-handmatig.dichtbij-backup')
    await later('2026-12-01T23:30:00Z')
    const winter = await app.call('backup.create', { download: true })
    expect(winter.file?.filename).toBe('dichtbij-20261202-003000-handmatig.dichtbij-backup')
  })
})
