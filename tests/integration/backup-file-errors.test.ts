import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  rejection,
  type TestApp,
} from '../helpers/db'
import { downloadedBytes } from '../helpers/downloads'
import { householdInput } from '../helpers/fixtures'

let app: TestApp
let stick: string
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  stick = mkdtempSync(join(tmpdir(), 'dichtbij-stick-'))
})
afterEach(async () => {
  await app.close()
  rmSync(stick, { recursive: true, force: true })
})

const secret = { method: 'password' as const, username: ADMIN_USERNAME, password: ADMIN_PASSWORD }

async function households(): Promise<number> {
  const row = await app.open.db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('backup files and folders that are not what the screen thinks', () => {
  it('says a backup is not found when it is gone, is a folder, or its folder is gone', async () => {
    const missing = await rejection(
      app.call('backup.verify', { name: 'dichtbij-20260101T100000Z-handmatig.dichtbij-backup' }),
    )
    expect(missing).toMatchObject({ code: 'NOT_FOUND', key: 'backupNotFound' })

    const { backup } = await app.call('backup.create', {})
    rmSync(join(app.dir, 'backups', backup.name))
    mkdirSync(join(app.dir, 'backups', backup.name))
    // A folder under a backup's name is no backup: a failed check, never a crash.
    const folderNamedLikeIt = await app.call('backup.verify', { name: backup.name })
    expect(folderNamedLikeIt).toMatchObject({ ok: false, manifest: null })

    const usb = join(stick, 'Dichtbij')
    await app.call('backup.setFolder', { folder: usb })
    const onStick = (await app.call('backup.create', {})).backup
    rmSync(usb, { recursive: true })
    const unplugged = await rejection(app.call('backup.verify', { name: onStick.name }))
    expect(unplugged).toMatchObject({ code: 'NOT_FOUND', key: 'backupNotFound' })
    // The stick's folder replaced by a file of that name.
    writeFileSync(usb, 'geen map')
    const notAFolder = await rejection(app.call('backup.verify', { name: onStick.name }))
    expect(notAFolder).toMatchObject({ code: 'NOT_FOUND', key: 'backupNotFound' })
  })

  it('says the folder cannot be used when it became a file, and writes nothing', async () => {
    await app.call('households.create', householdInput())
    // The standard folder in the data folder replaced by a file.
    rmSync(join(app.dir, 'backups'), { recursive: true, force: true })
    writeFileSync(join(app.dir, 'backups'), 'geen map')
    const standard = await rejection(app.call('backup.create', {}))
    expect(standard).toMatchObject({
      code: 'CONFLICT',
      key: 'backupFolderUnusable',
      params: { folder: join(app.dir, 'backups') },
    })

    // A chosen folder replaced by a file after it was chosen.
    const usb = join(stick, 'Dichtbij')
    await app.call('backup.setFolder', { folder: usb })
    const { file } = await app.call('backup.create', { download: true })
    const fileBytes = await downloadedBytes(app, file!)
    rmSync(usb, { recursive: true })
    writeFileSync(usb, 'geen map')
    const chosen = await rejection(app.call('backup.create', {}))
    expect(chosen).toMatchObject({
      code: 'CONFLICT',
      key: 'backupFolderUnusable',
      params: { folder: usb },
    })

    // A restore first saves what is there now; when that cannot be written, nothing changes.
    await app.call(
      'households.create',
      householdInput({ contactName: 'Fam. Later', postcode: '8011 AA', phone: null }),
    )
    const before = await households()
    const restore = await rejection(
      app.call('backup.restore', {
        source: { kind: 'upload', fileName: file!.filename, bytes: fileBytes },
        secret,
        confirm: true,
      }),
    )
    expect(restore).toMatchObject({ code: 'CONFLICT', key: 'backupFolderUnusable' })
    expect(app.vault.state).toBe('open')
    expect(await households()).toBe(before)
    expect((await app.call('auth.session', {}))?.user.username).toBe(ADMIN_USERNAME)
  })
})
