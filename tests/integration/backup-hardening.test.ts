import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
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

let app: TestApp
let outside: string
const children: ChildProcess[] = []
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
  outside = mkdtempSync(join(tmpdir(), 'dichtbij-shared-'))
})
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  await app.close()
  rmSync(outside, { recursive: true, force: true })
})

/** A file of someone else that the app must never write to. */
function victim(): string {
  const file = join(outside, 'victim.txt')
  writeFileSync(file, 'van iemand anders\n')
  return file
}

/**
 * A folder every local account may write in, as another user would prepare it: with the sticky
 * bit (like /tmp) the app may use it, so the files planted there are what is tested.
 */
function sharedFolder(mode: number): string {
  const dir = join(outside, 'gedeeld')
  mkdirSync(dir)
  chmodSync(dir, mode)
  return dir
}

/** Symlinks to `target` under every name the app could pick in the next minute. */
function plantSymlinks(dir: string, target: string): void {
  symlinkSync(target, join(dir, '.dichtbij-schrijftest'))
  const start = app.clock.now().getTime()
  for (let s = 0; s < 60; s++) {
    const stamp = new Date(start + s * 1000)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
    for (const kind of ['handmatig', 'dagelijks']) {
      const name = `dichtbij-${stamp}-${kind}.dichtbij-backup`
      symlinkSync(target, join(dir, `${name}.tmp`))
    }
  }
}

const is = process.platform !== 'win32' ? it : it.skip

describe('a backup folder that other accounts on the computer can write to', () => {
  is('never writes through a symlink planted under a name the app would use', async () => {
    const file = victim()
    const dir = sharedFolder(0o1777)
    plantSymlinks(dir, file)

    await app.call('backup.setFolder', { folder: dir })
    const { backup } = await app.call('backup.create', {})

    expect(readFileSync(file, 'utf8')).toBe('van iemand anders\n')
    const listed = await app.call('backup.list', {})
    expect(listed.backups.map((b) => b.name)).toContain(backup.name)
    const check = await app.call('backup.verify', { name: backup.name })
    expect(check.ok).toBe(true)
  })

  is(
    'refuses a folder anyone may write to without the sticky bit, and writes nothing',
    async () => {
      const file = victim()
      const dir = sharedFolder(0o777)
      symlinkSync(file, join(dir, '.dichtbij-schrijftest'))

      const refused = await rejection(app.call('backup.setFolder', { folder: dir }))
      expect(refused).toMatchObject({ code: 'VALIDATION' })
      expect(refused.fields).toEqual([{ path: 'folder', key: 'folderNotSafe' }])
      expect(readFileSync(file, 'utf8')).toBe('van iemand anders\n')
      expect((await app.call('backup.list', {})).isDefaultFolder).toBe(true)
    },
  )

  is('refuses a folder that is a symlink, or belongs to another account', async () => {
    const real = join(outside, 'echt')
    mkdirSync(real, { mode: 0o700 })
    const link = join(outside, 'snelkoppeling')
    symlinkSync(real, link)
    const viaLink = await rejection(app.call('backup.setFolder', { folder: link }))
    expect(viaLink.fields).toEqual([{ path: 'folder', key: 'folderNotSafe' }])

    const theirs = join(outside, 'van-een-ander')
    mkdirSync(theirs, { mode: 0o755 })
    chownSync(theirs, 4242, 4242)
    const foreign = await rejection(app.call('backup.setFolder', { folder: theirs }))
    expect(foreign.fields).toEqual([{ path: 'folder', key: 'folderNotSafe' }])
    expect(readdirSync(theirs)).toEqual([])
  })

  is('stops backing up into a chosen folder that others can write to since', async () => {
    const stick = join(outside, 'stick')
    mkdirSync(stick, { mode: 0o700 })
    await app.call('backup.setFolder', { folder: stick })
    chmodSync(stick, 0o777)
    const refused = await rejection(app.call('backup.create', {}))
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      key: 'backupFolderNotSafe',
      params: { folder: stick },
    })
    expect(readdirSync(stick)).toEqual([])
    expect((await app.call('backup.list', {})).folderProblem).toMatch(/andere gebruikers/i)
  })
})

describe('a FIFO or symlink in the backup folder', () => {
  /**
   * A FIFO under a backup's name. Opening it for reading would wait for a writer for ever; the
   * writer started here gives up the wait after two seconds, so the code as it was shows up as
   * slow instead of hanging the test run.
   */
  function plantFifo(dir: string, name: string): string {
    const path = join(dir, name)
    execFileSync('mkfifo', [path])
    const writer = spawn('sh', ['-c', 'sleep 2; echo x > "$0"', path], { stdio: 'ignore' })
    children.push(writer)
    return path
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T | Error }> {
    const start = Date.now()
    let value: T | Error
    try {
      value = await work()
    } catch (err) {
      value = err as Error
    }
    return { ms: Date.now() - start, value }
  }

  is('lists, checks, restores from and backs up next to it without waiting on it', async () => {
    const { backup } = await app.call('backup.create', {})
    const dir = join(app.dir, 'backups')
    plantFifo(dir, 'zz.dichtbij-backup')

    const list = await timed(() => app.call('backup.list', {}))
    expect(list.ms).toBeLessThan(1500)
    expect(list.value).toMatchObject({ backups: [{ name: backup.name }] })

    const verify = await timed(() => app.call('backup.verify', { name: 'zz.dichtbij-backup' }))
    expect(verify.ms).toBeLessThan(1500)
    expect(verify.value).toMatchObject({ ok: false, problemKey: 'notABackup' })

    const restore = await timed(() =>
      app.call('backup.restore', {
        source: { kind: 'folder', name: 'zz.dichtbij-backup' },
        secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
        confirm: false,
      }),
    )
    expect(restore.ms).toBeLessThan(1500)
    expect(restore.value).toMatchObject({ code: 'CONFLICT', key: 'notABackup' })

    const audit = await timed(() => app.call('audit.verify', {}))
    expect(audit.ms).toBeLessThan(1500)

    const again = await timed(() => app.call('backup.create', {}))
    expect(again.ms).toBeLessThan(1500)
    expect(again.value).toMatchObject({ backup: { manifest: { kind: 'manual' } } })
  })

  is('does not read a backup through a symlink to a file elsewhere', async () => {
    const { backup } = await app.call('backup.create', {})
    const dir = join(app.dir, 'backups')
    const elsewhere = join(outside, backup.name)
    writeFileSync(elsewhere, readFileSync(join(dir, backup.name)))
    symlinkSync(elsewhere, join(dir, 'dichtbij-20260101T000000Z-handmatig.dichtbij-backup'))

    const names = (await app.call('backup.list', {})).backups.map((b) => b.name)
    expect(names).toEqual([backup.name])
    const refused = await rejection(
      app.call('backup.restore', {
        source: { kind: 'folder', name: 'dichtbij-20260101T000000Z-handmatig.dichtbij-backup' },
        secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
        confirm: false,
      }),
    )
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'notABackup' })
    expect(existsSync(elsewhere)).toBe(true)
  })
})
