import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BACKUP_BYTES } from '../../src/shared/schemas/backup'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  rejection,
  type TestApp,
} from '../helpers/db'
import { householdInput } from '../helpers/fixtures'
import { downloadedBytes } from '../helpers/downloads'

/*
 * A file travels between main and the screen as bytes (a Uint8Array, as Electron's IPC carries
 * it), both ways: a backup made for download comes out as bytes, and a restore from a picked
 * file takes the file's bytes. Anything else in their place is refused at the field.
 */

let app: TestApp
beforeAll(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterAll(async () => app?.close())

const secret = { method: 'password' as const, username: ADMIN_USERNAME, password: ADMIN_PASSWORD }

async function households(): Promise<number> {
  const row = await app.open.db
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('backup files as bytes', () => {
  it('refuses a restore whose file is not bytes, empty or too large, at the field, changing nothing', async () => {
    await app.call('households.create', householdInput())
    const before = await households()
    const cases: [unknown, string][] = [
      // The old text form is not taken any more: main never decodes what the screen sends.
      ['RElDSFRCSUotQkFDS1VQMQ==', 'invalidType'],
      [{ $bytes: 'RElDSFRCSUo=' }, 'invalidType'],
      [[68, 73, 67, 72], 'invalidType'],
      [undefined, 'required'],
      [new Uint8Array(0), 'required'],
      // Past the limit: refused by its length alone (the memory is never touched).
      [new Uint8Array(MAX_BACKUP_BYTES + 1), 'backupFileTooLarge'],
    ]
    for (const [bytes, key] of cases) {
      const refused = await rejection(
        app.call('backup.restore', {
          source: { kind: 'upload', fileName: 'x.dichtbij-backup', bytes } as never,
          secret,
          confirm: true,
        }),
      )
      expect(refused.code, String(key)).toBe('VALIDATION')
      expect(refused.fields).toEqual([{ path: 'source.bytes', key }])
    }
    expect(await households()).toBe(before)
    expect(app.vault.state).toBe('open')
  })

  it('hands a backup for download over as a ticket for its file, and restores from its bytes', async () => {
    const { backup, file } = await app.call('backup.create', { download: true })
    // No bytes in the answer: a ticket, and the file is taken by it.
    expect(file).not.toHaveProperty('bytes')
    const bytes = await downloadedBytes(app, file!)
    // Byte for byte the file in the backup folder.
    expect(Buffer.from(bytes).equals(readFileSync(join(app.dir, 'backups', backup.name)))).toBe(
      true,
    )
    expect(file!.sizeBytes).toBe(bytes.length)
    expect(file!.filename).toMatch(/\.dichtbij-backup$/)
    const before = await households()
    await app.call(
      'households.create',
      householdInput({ contactName: 'Fam. Na de back-up', postcode: '8011 AA', phone: null }),
    )
    expect(await households()).toBe(before + 1)

    // The bytes as a picked file gives them: a plain Uint8Array over its own ArrayBuffer.
    const picked = bytes
    const checked = await app.call('backup.restore', {
      source: { kind: 'upload', fileName: file!.filename, bytes: picked },
      secret,
      confirm: false,
    })
    expect(checked).toMatchObject({ restored: false, sameData: true })
    const restored = await app.call('backup.restore', {
      source: { kind: 'upload', fileName: file!.filename, bytes: picked },
      secret,
      confirm: true,
    })
    expect(restored.restored).toBe(true)
    expect(await households()).toBe(before)
  })

  it('makes the recovery key sheet as the bytes of a PDF', async () => {
    await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
    const { pdf } = await app.call('recovery.regenerate', {})
    expect(pdf.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-')
  })
})
