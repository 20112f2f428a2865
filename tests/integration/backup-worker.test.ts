import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRouter } from '../../src/main/router'
import { Vault, DB_FILE_NAME } from '../../src/main/vault/vault'
import { readBackupLayout } from '../../src/main/vault/backup-file'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { AppError } from '../../src/shared/errors'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  newCaller,
  TEST_PASSWORD_PARAMS,
  type TestApp,
} from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

let app: TestApp
const running: Vault[] = []

beforeEach(async () => {
  app = await createTestApp()
})
afterEach(async () => {
  for (const v of running.splice(0)) await v.close()
  await app.close()
})

/** The app started again on the same data folder: locked until somebody logs in. */
async function restart(): Promise<{
  vault: Vault
  call<M extends MethodName>(m: M, input: MethodInput<M>, caller: Caller): Promise<MethodOutput<M>>
}> {
  await app.vault.close()
  const vault = await Vault.start({
    dataDir: app.dir,
    clock: app.clock,
    slotParams: TEST_PASSWORD_PARAMS,
    logError: () => undefined,
  })
  running.push(vault)
  const router = createRouter({
    vault,
    clock: app.clock,
    logError: () => undefined,
    passwordParams: TEST_PASSWORD_PARAMS,
  })
  return {
    vault,
    async call(method, input, caller) {
      const result = await router.call(caller, method, input)
      if (!result.ok) throw new AppError(result.error)
      return result.value as never
    },
  }
}

/** The longest stretch main's event loop did not get a turn while `work` ran, in ms. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  try {
    const value = await work()
    longest = Math.max(longest, performance.now() - last)
    return { value, ms: longest }
  } finally {
    clearInterval(timer)
  }
}

/** Makes the database some tens of MB, so copying and checking it take a noticeable time. */
function fillDatabase(megabytes: number): void {
  const sqlite = app.open.sqlite
  sqlite.exec('create table if not exists ballast (b blob)')
  const insert = sqlite.prepare('insert into ballast (b) values (randomblob(?))')
  sqlite.transaction(() => {
    for (let i = 0; i < megabytes * 4; i++) insert.run(256 * 1024)
  })()
}

describe('backups in a worker thread', () => {
  it('backup.create copies, checks and writes in a worker: main keeps answering', async () => {
    fillDatabase(48)
    const { value, ms } = await longestBlock(() => app.call('backup.create', {}))
    // Before, VACUUM INTO, two integrity checks and the hashing of 48 MB ran on main's thread.
    expect(ms).toBeLessThan(250)
    const { header, databaseOffset, fileBytes } = readBackupLayout(
      join(app.vault.backupDir(), value.backup.name),
    )
    // Same format as before: the manifest's counts and size describe the database part.
    expect(header.manifest.counts.ballast).toBe(48 * 4)
    expect(fileBytes - databaseOffset).toBe(header.manifest.databaseBytes)
    expect(value.backup.lastCheck?.ok).toBe(true)
    // The check button streams the file in the worker too.
    const check = await longestBlock(() => app.call('backup.verify', { name: value.backup.name }))
    expect(check.value.ok).toBe(true)
    expect(check.ms).toBeLessThan(250)
  })

  it('shows a running backup in jobs.list to the admin, with its progress', async () => {
    fillDatabase(16)
    const seen: string[] = []
    const done = app.call('backup.create', {})
    while (seen.length === 0) {
      const jobs = await app.call('jobs.list', {})
      for (const j of jobs) seen.push(j.labelKey)
      await new Promise((r) => setTimeout(r, 10))
    }
    await done
    expect(seen).toContain('jobs.labels.backup')
    expect(await app.call('jobs.list', {})).toEqual([])
  })

  it('a restore of a folder backup reads it streamed and puts its data back', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ contactName: 'Familie Terug' }),
    )
    const { backup } = await app.call('backup.create', {})
    await app.call('households.update', {
      id,
      ...householdInput({ contactName: 'Familie Anders' }),
    })
    await app.call('backup.restore', {
      source: { kind: 'folder', name: backup.name },
      secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      confirm: true,
    })
    const screen = newCaller()
    await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const got = await app.call('households.get', { id }, screen)
    expect(got.household.contactName).toBe('Familie Terug')
    // No working copy is left behind in the data folder (once the day's backup after it is done).
    await app.vault.settled()
    expect(readdirSync(app.dir).filter((n) => n.startsWith('.'))).toEqual([])
  })
})

describe('the first login of a day', () => {
  it('answers first; the daily backup runs after it in a worker, shown in jobs.list', async () => {
    fillDatabase(32)
    app.clock.advance(24 * 3600_000)
    const again = await restart()
    const screen = newCaller()
    const { ms } = await longestBlock(() =>
      again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen),
    )
    // The login has its answer before the day's backup is made: the start-up check and then the
    // backup run in the worker afterwards, each listed while it runs.
    const seen = new Set<string>()
    let settled = false
    void again.vault.settled().then(() => (settled = true))
    while (!settled) {
      for (const j of await again.call('jobs.list', {}, screen)) seen.add(j.labelKey)
      await new Promise((r) => setTimeout(r, 5))
    }
    expect([...seen]).toContain('jobs.labels.dailyBackup')
    expect(ms).toBeLessThan(250)
    await again.vault.settled()
    const list = await again.call('backup.list', {}, screen)
    expect(list.lastAutomatic).toMatchObject({ ok: true, problem: null })
    expect(list.backups.filter((b) => b.manifest.kind === 'daily')).toHaveLength(1)
  })
})

describe('the start-up check', () => {
  it('a good database opens without the check before the first screen; it runs after', async () => {
    const again = await restart()
    const screen = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    // Right after the login answered, the check is still running in the worker.
    const jobs = await again.call('jobs.list', {}, screen)
    expect(jobs.map((j) => j.labelKey)).toContain('jobs.labels.startupCheck')
    await again.vault.settled()
    expect(again.vault.state).toBe('open')
    expect((await again.call('households.search', { query: '' }, screen)).total).toBe(0)
  })

  it('still finds a damaged file: the session is told, the next login offers a good backup', async () => {
    const { id } = await app.call(
      'households.create',
      householdInput({ contactName: 'Familie Heel' }),
    )
    const { backup } = await app.call('backup.create', {})
    fillDatabase(4)
    app.open.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await app.vault.close()
    // A disk error near the end of the file: a page of garbage in the ballast's pages.
    const file = join(app.dir, DB_FILE_NAME)
    const bytes = readFileSync(file)
    const page = Math.floor(bytes.length / 4096) - 8
    bytes.fill(0x5a, 4096 * page, 4096 * (page + 1))
    writeFileSync(file, bytes)

    const again = await restart()
    const screen = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    await again.vault.settled()
    expect(again.vault.state).toBe('damaged')
    // The next call of that screen says why, in the screen's words (errors.databaseDamaged).
    await expect(again.call('households.get', { id }, screen)).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'databaseDamaged',
    })
    // Logging in again is refused the same way, and the newest good backup is offered.
    await expect(
      again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'databaseDamaged' })
    const offer = await again.call('setup.damaged', {}, screen)
    expect(offer.newestGood?.name).toBe(backup.name)
    await again.call(
      'setup.restore',
      {
        source: { kind: 'folder', name: backup.name },
        secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
        confirm: true,
      },
      screen,
    )
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const got = await again.call('households.get', { id }, screen)
    expect(got.household.contactName).toBe('Familie Heel')
  })
})
