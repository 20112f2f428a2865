import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, createTestApp, newCaller, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { downloaded } from '../helpers/downloads'
import { saveDownload } from '../../src/main/downloads/save'
import { DownloadTickets, TICKET_TTL_MS } from '../../src/main/downloads/tickets'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => app.close())

const downloadsDir = (): string => join(app.dir, 'downloads')
const tempFiles = (): string[] => (existsSync(downloadsDir()) ? readdirSync(downloadsDir()) : [])

async function subjectPdf(caller = app.admin): Promise<{ ticket: string; filename: string }> {
  const h = await app.call('households.create', householdInput(), app.admin)
  return app.call('subjects.export', { kind: 'household', id: h.id, format: 'pdf' }, caller)
}

describe('download tickets', () => {
  it('hand out a file without its bytes: a random ticket, its name, type and size', async () => {
    const made = await app.call('backup.create', { download: true })
    const file = made.file!
    expect(Object.keys(file).sort()).toEqual(['filename', 'mime', 'sizeBytes', 'ticket'])
    expect(file.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(file.filename).toMatch(/^dichtbij-\d{8}-\d{6}.*\.dichtbij-backup$/)
    // The file saved is the backup in the folder, byte for byte.
    const inFolder = readFileSync(join(app.vault.backupDir(), made.backup.name))
    expect(file.sizeBytes).toBe(inFolder.length)
    expect((await downloaded(app, file)).equals(inFolder)).toBe(true)
    // Saving a backup copies it: the one in the backup folder stays.
    expect(existsSync(join(app.vault.backupDir(), made.backup.name))).toBe(true)
  })

  it('are used once: a second save of the same ticket is refused', async () => {
    const file = await subjectPdf()
    expect((await downloaded(app, file)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
  })

  it('keep a temp file readable by its user only, removed once saved', async () => {
    const file = await subjectPdf()
    const [name] = tempFiles()
    expect(tempFiles()).toHaveLength(1)
    if (process.platform !== 'win32') {
      expect(statSync(join(downloadsDir(), name!)).mode & 0o777).toBe(0o600)
      expect(statSync(downloadsDir()).mode & 0o777).toBe(0o700)
    }
    await downloaded(app, file)
    expect(tempFiles()).toEqual([])
  })

  it("refuse another session's ticket, and leave it for its own session", async () => {
    const coordinator = await app.loginAs('coordinator', 'coco')
    const file = await subjectPdf(coordinator)
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
    expect(await app.router.takeDownload(newCaller(), file.ticket)).toBeNull()
    expect((await downloaded(app, file, coordinator)).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuse a guessed ticket, or anything that is not one', async () => {
    await subjectPdf()
    for (const guess of [
      'A'.repeat(43),
      '',
      '../../keys.json',
      null,
      42,
      { ticket: 'x' },
      'A'.repeat(44),
    ])
      expect(await app.router.takeDownload(app.admin, guess)).toBeNull()
  })

  it('expire after a few minutes, and the temp file goes with them', async () => {
    const file = await subjectPdf()
    app.clock.advance(TICKET_TTL_MS + 1)
    // The admin is still logged in (an admin call keeps the session awake) ...
    await app.call('lists.list', { kind: 'category' })
    // ... but the ticket is gone, and so is its file.
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
    expect(tempFiles()).toEqual([])
  })

  it('are void once the screen is locked, even after unlocking', async () => {
    const file = await subjectPdf()
    await app.call('auth.lock', { reason: 'button' })
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
    expect(tempFiles()).toEqual([])
  })

  it('are void when every screen locks (the computer sleeps)', async () => {
    const file = await subjectPdf()
    await app.router.lockAll('sleep')
    await app.call('auth.unlock', { password: ADMIN_PASSWORD })
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
  })

  it('are void after logging out, also for the same person logging in again', async () => {
    const file = await subjectPdf()
    await app.call('auth.logout', {})
    expect(tempFiles()).toEqual([])
    await app.call('auth.login', { username: 'beheerder', password: ADMIN_PASSWORD })
    expect(await app.router.takeDownload(app.admin, file.ticket)).toBeNull()
  })

  it('are void once the account is given another role, or its password was reset', async () => {
    const coordinator = await app.loginAs('coordinator', 'coco')
    const userId = app.router.sessions.get(coordinator.sessionId!)!.userId
    const h = await app.call('households.create', householdInput(), app.admin)
    const pdf = (): Promise<{ ticket: string }> =>
      app.call('subjects.export', { kind: 'household', id: h.id, format: 'pdf' }, coordinator)
    const file = await pdf()
    await app.call('users.update', { id: userId, role: 'volunteer' })
    expect(await app.router.takeDownload(coordinator, file.ticket)).toBeNull()
    expect(tempFiles()).toEqual([])
    await app.call('users.update', { id: userId, role: 'coordinator' })
    const second = await pdf()
    await app.call('users.resetPassword', { id: userId, password: 'Tijdelijk-van-Bea-1' })
    expect(await app.router.takeDownload(coordinator, second.ticket)).toBeNull()
  })

  it('start with an empty temp folder: what a crash left behind is removed', () => {
    const dir = join(app.dir, 'left-behind')
    const tickets = new DownloadTickets(dir, () => 0)
    const path = tickets.issuer('s', 'admin').tempPath('pdf')
    writeFileSync(path, 'half a file')
    new DownloadTickets(dir, () => 0)
    expect(existsSync(path)).toBe(false)
  })
})

describe("saving a ticket's file (main's save dialog)", () => {
  it('copies the file to the chosen path as a stream, and the ticket is then used', async () => {
    const made = await app.call('backup.create', { download: true })
    const target = join(app.dir, 'stick', 'copy.dichtbij-backup')
    let suggested = ''
    mkdirSync(join(app.dir, 'stick'))
    const result = await saveDownload(app.router, app.admin, made.file!.ticket, async (name) => {
      suggested = name
      return target
    })
    expect(result).toEqual({ ok: true, value: { saved: true } })
    expect(suggested).toBe(made.file!.filename)
    expect(
      readFileSync(target).equals(readFileSync(join(app.vault.backupDir(), made.backup.name))),
    ).toBe(true)
    expect(await app.router.takeDownload(app.admin, made.file!.ticket)).toBeNull()
  })

  it('opens no dialog for a ticket it refuses, and says the file is gone', async () => {
    const coordinator = await app.loginAs('coordinator', 'coco')
    const file = await subjectPdf(coordinator)
    let asked = false
    const result = await saveDownload(app.router, app.admin, file.ticket, async () => {
      asked = true
      return join(app.dir, 'x.pdf')
    })
    expect(asked).toBe(false)
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', key: 'downloadGone' } })
    expect(existsSync(join(app.dir, 'x.pdf'))).toBe(false)
  })

  it('writes nothing when the dialog is cancelled, and removes the temp file', async () => {
    const file = await subjectPdf()
    const result = await saveDownload(app.router, app.admin, file.ticket, async () => null)
    expect(result).toEqual({ ok: true, value: { saved: false } })
    expect(tempFiles()).toEqual([])
  })

  it('leaves no half file where the copy failed', async () => {
    const file = await subjectPdf()
    const target = join(app.dir, 'no-such-folder', 'x.pdf')
    const result = await saveDownload(app.router, app.admin, file.ticket, async () => target)
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', key: 'downloadNotSaved' } })
    expect(existsSync(target)).toBe(false)
  })
})
