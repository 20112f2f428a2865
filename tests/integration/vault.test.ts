import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'
import { createRouter, type Router } from '../../src/main/router'
import { openDatabase } from '../../src/main/db/open'
import { MIGRATIONS } from '../../src/main/db/migrations'
import { hashPassword } from '../../src/main/crypto/passwords'
import { Vault, KEYS_FILE_NAME, DB_FILE_NAME } from '../../src/main/vault/vault'
import { readBackup } from '../../src/main/vault/backup-file'
import { unwrapKey, type KeySlotFile } from '../../src/main/vault/keyslots'
import type { Caller } from '../../src/main/domains/accounts/auth'
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/api'
import { AppError } from '../../src/shared/errors'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  newCaller,
  rejection,
  TEST_PASSWORD_PARAMS,
  type TestApp,
} from '../helpers/db'
import { downloadedBytes } from '../helpers/downloads'
import { householdInput } from '../helpers/fixtures'

/** The app started again on the same data folder: the database is closed until a login. */
interface Restarted {
  vault: Vault
  router: Router
  call<M extends MethodName>(
    method: M,
    input: MethodInput<M>,
    caller: Caller,
  ): Promise<MethodOutput<M>>
}

const running: Vault[] = []

/**
 * The first login on a damaged file. Damage that stops the opening refuses it at once; other
 * damage is found by the start-up check in a worker right after the login answered, which ends
 * the session: the next login is refused the same way. Returns that refusal.
 */
async function loginOnDamage(again: Restarted, screen: Caller): Promise<unknown> {
  const login = (): Promise<unknown> =>
    again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
  try {
    await login()
  } catch (err) {
    return err
  }
  await again.vault.settled()
  return rejection(login())
}

async function restart(app: TestApp, dataDir = app.dir): Promise<Restarted> {
  await app.vault.close()
  const vault = await Vault.start({
    dataDir,
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
    router,
    async call(method, input, caller) {
      const result = await router.call(caller, method, input)
      if (!result.ok) throw new AppError(result.error)
      return result.value as never
    },
  }
}

function slotsOf(dir: string): KeySlotFile {
  return JSON.parse(readFileSync(join(dir, KEYS_FILE_NAME), 'utf8')) as KeySlotFile
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

const FAMILY = 'Zeegers-Oudkerk'
const POSTCODE = '3811 HZ'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => {
  for (const v of running.splice(0)) await v.close()
  await app.close()
})

describe('encryption at rest', () => {
  it('keeps the database unreadable without the key and the key only in wrapped slots', async () => {
    await app.call('households.create', householdInput({ contactName: FAMILY }))
    app.open.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    for (const file of filesUnder(app.dir)) {
      const bytes = readFileSync(file)
      expect(bytes.includes(FAMILY), file).toBe(false)
      expect(bytes.includes(POSTCODE), file).toBe(false)
    }
    const raw = new Database(join(app.dir, DB_FILE_NAME))
    expect(() => raw.prepare('select * from household').all()).toThrow(/not a database/)
    raw.close()
    // One slot for the admin; the key itself is nowhere in the slot file.
    const slots = slotsOf(app.dir)
    expect(slots.slots.map((s) => [s.kind, s.username])).toEqual([['user', ADMIN_USERNAME]])
    expect(JSON.stringify(slots)).not.toContain(ADMIN_PASSWORD)
    const session = await app.call('auth.session', {})
    expect(session?.recoveryKeyMissing).toBe(true)
  })

  it('opens only at a login after a restart, with the same back-off, and logs the failures', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: FAMILY }))
    // A renamed organisation shows its new name on the login screen after a restart.
    await app.call('organisation.update', { name: 'Stichting De Kast' })
    const again = await restart(app)
    expect(again.vault.state).toBe('locked')
    const screen = newCaller()
    expect(await again.call('setup.status', {}, screen)).toEqual({
      needsSetup: false,
      organisationName: 'Stichting De Kast',
      canRestore: false,
    })
    const before = await rejection(again.call('households.get', { id }, screen))
    expect(before.key).toBe('notLoggedIn')
    for (let i = 0; i < 4; i++) {
      const wrong = await rejection(
        again.call(
          'auth.login',
          { username: ADMIN_USERNAME, password: 'Verkeerd-wachtwoord' },
          screen,
        ),
      )
      // Before the data is open, one answer for every failure (names are not told apart).
      expect(wrong.key).toBe('loginFailedClosed')
    }
    const fifth = await rejection(
      again.call(
        'auth.login',
        { username: ADMIN_USERNAME, password: 'Verkeerd-wachtwoord' },
        screen,
      ),
    )
    expect(fifth.key).toBe('loginWait')
    expect(again.vault.state).toBe('locked')
    const waiting = await rejection(
      again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen),
    )
    expect(waiting.key).toBe('loginWait')
    app.clock.advance(31_000)
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    expect(again.vault.state).toBe('open')
    expect((await again.call('households.get', { id }, screen)).household.contactName).toBe(FAMILY)
    const failed = await again.vault.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'login_failed')
      .execute()
    expect(failed).toHaveLength(6)
    expect((await again.call('audit.verify', {}, screen)).ok).toBe(true)
  })

  it('gives every account its own slot: created, rewrapped on change, removed when disabled', async () => {
    const volunteer = await app.loginAs('volunteer', 'vera')
    const users = await app.call('users.list', {})
    const vera = users.find((u) => u.username === 'vera')!
    const slot = () => slotsOf(app.dir).slots.find((s) => s.userId === vera.id)
    // loginAs changed the first password: the slot opens with the new one only.
    expect(await unwrapKey(slot()!, 'Eigen-sleutelbos-1-tulp')).not.toBeNull()
    expect(await unwrapKey(slot()!, 'Eerste-toegang-1-krokus')).toBeNull()
    await app.call('auth.logout', {}, volunteer)

    // After a restart vera alone can open the database.
    let again = await restart(app)
    const screen = newCaller()
    await again.call(
      'auth.login',
      { username: 'vera', password: 'Eigen-sleutelbos-1-tulp' },
      screen,
    )
    expect(again.vault.state).toBe('open')

    // Disabled: her slot goes, so her password opens no copy of the data any more.
    const admin = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, admin)
    await again.call('users.update', { id: vera.id, active: false }, admin)
    expect(slotsOf(app.dir).slots.some((s) => s.userId === vera.id)).toBe(false)
    app.vault = again.vault
    again = await restart(app)
    const refused = await rejection(
      again.call(
        'auth.login',
        { username: 'vera', password: 'Eigen-sleutelbos-1-tulp' },
        newCaller(),
      ),
    )
    expect(refused.key).toBe('loginFailedClosed')
    expect(again.vault.state).toBe('locked')
  })

  it('makes a recovery key that opens the data, and a new one replaces it', async () => {
    const first = await app.call('recovery.regenerate', {})
    expect(first.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/)
    expect(Buffer.from(first.pdf.bytes).subarray(0, 5).toString()).toBe('%PDF-')
    expect((await app.call('auth.session', {}))?.recoveryKeyMissing).toBe(false)
    const second = await app.call('recovery.regenerate', {})
    expect(await app.vault.unwrapWith({ recoveryKey: first.recoveryKey })).toBeNull()
    // Typed in lower case with spaces, as from paper.
    const typed = second.recoveryKey.toLowerCase().replace(/-/g, ' ')
    expect(await app.vault.unwrapWith({ recoveryKey: typed })).not.toBeNull()
    const entries = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'entityType'])
      .where('entityType', '=', 'recovery_key')
      .execute()
    expect(entries).toHaveLength(2)
    expect(
      JSON.stringify(await app.open.db.selectFrom('auditLog').selectAll().execute()),
    ).not.toContain(second.recoveryKey)
  })
})

describe('backups', () => {
  it('writes one checked file with a manifest, encrypted, and lists it', async () => {
    await app.call('households.create', householdInput({ contactName: FAMILY }))
    const made = await app.call('backup.create', { download: true })
    const madeBytes = await downloadedBytes(app, made.file!)
    expect(made.backup.name).toMatch(/^dichtbij-\d{8}T\d{6}Z-handmatig\.dichtbij-backup$/)
    expect(made.backup.manifest.counts.household).toBe(1)
    expect(made.backup.manifest.kind).toBe('manual')
    expect(made.backup.manifest.schemaVersion).toMatch(/^\d{4}-/)
    const bytes = Buffer.from(madeBytes)
    expect(bytes.includes(FAMILY)).toBe(false)
    expect(bytes.includes(POSTCODE)).toBe(false)
    // The database part refuses to open without the key.
    const { database } = readBackup(bytes)
    const part = join(app.dir, 'part.sqlite')
    writeFileSync(part, database)
    const raw = new Database(part)
    expect(() => raw.prepare('select count(*) from sqlite_master').get()).toThrow(/not a database/)
    raw.close()
    rmSync(part)

    const list = await app.call('backup.list', {})
    expect(list.isDefaultFolder).toBe(true)
    expect(list.backups.map((b) => b.name)).toEqual([made.backup.name])
    expect(await app.call('backup.verify', { name: made.backup.name })).toMatchObject({ ok: true })
    const logged = await app.open.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'backup')
      .execute()
    expect(logged).toHaveLength(1)
  })

  it('finds a changed byte in the data and a changed manifest', async () => {
    await app.call('households.create', householdInput())
    const { backup } = await app.call('backup.create', {})
    const path = join(app.dir, 'backups', backup.name)
    const original = readFileSync(path)
    const flipped = Buffer.from(original)
    flipped[flipped.length - 100] ^= 0xff
    writeFileSync(path, flipped)
    const bad = await app.call('backup.verify', { name: backup.name })
    expect(bad.ok).toBe(false)
    expect(bad.problem).toMatch(/beschadigd|geen \(volledige\) back-up/)

    // A manifest edited by someone without the key (counts raised, say) breaks the seal.
    const text = original.toString('latin1').replace('"household":1', '"household":7')
    writeFileSync(path, Buffer.from(text, 'latin1'))
    const edited = await app.call('backup.verify', { name: backup.name })
    expect(edited).toMatchObject({ ok: false })
    expect(edited.problem).toMatch(/gewijzigd/)
  })

  it('lists the daily backup as checked when it was written, as a manual one is', async () => {
    const again = await restart(app)
    const screen = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    await again.vault.settled()
    const list = await again.call('backup.list', {}, screen)
    const daily = list.backups.find((b) => b.manifest.kind === 'daily')
    expect(daily?.lastCheck).toMatchObject({ ok: true, problemKey: null })
    // Recorded in the database: still there after the screen (and the app) is opened again.
    const later = await again.call('backup.list', {}, screen)
    expect(later.backups.find((b) => b.name === daily?.name)?.lastCheck).toEqual(daily?.lastCheck)
    app.vault = again.vault
  })

  it('makes a daily backup at the first login of the day, and only one', async () => {
    let again = await restart(app)
    await again.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    await again.vault.settled()
    const daily = () => readdirSync(join(app.dir, 'backups')).filter((n) => n.includes('dagelijks'))
    expect(daily()).toHaveLength(1)
    app.vault = again.vault
    again = await restart(app)
    await again.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    await again.vault.settled()
    expect(daily()).toHaveLength(1)
    app.clock.advance(24 * 3600_000)
    app.vault = again.vault
    again = await restart(app)
    await again.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    await again.vault.settled()
    expect(daily()).toHaveLength(2)
    // At close the day's work goes into one more, which replaces the day's earlier one.
    const morning = daily()
    app.clock.advance(8 * 3600_000)
    await again.vault.backupAtClose()
    expect(daily()).toHaveLength(2)
    expect(daily()).not.toEqual(morning)
    app.vault = again.vault
  })

  it('writes backups into a chosen folder and refuses one it cannot use', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'dichtbij-usb-'))
    try {
      const list = await app.call('backup.setFolder', { folder: usb })
      expect(list).toMatchObject({ folder: usb, isDefaultFolder: false })
      const { backup } = await app.call('backup.create', {})
      expect(readdirSync(usb)).toEqual([backup.name])
      const relative = await rejection(app.call('backup.setFolder', { folder: 'usb/backups' }))
      expect(relative.fields?.[0]).toMatchObject({ path: 'folder', key: 'folderNotAbsolute' })
      const file = join(usb, 'a-file')
      writeFileSync(file, 'x')
      const notDir = await rejection(app.call('backup.setFolder', { folder: join(file, 'sub') }))
      expect(notDir.fields?.[0]).toMatchObject({ path: 'folder', key: 'folderNotWritable' })
      expect((await app.call('backup.list', {})).folder).toBe(usb)
    } finally {
      rmSync(usb, { recursive: true, force: true })
    }
  })
})

describe('restore', () => {
  it('checks first, then replaces the data; the household added since is gone', async () => {
    await app.call(
      'households.create',
      householdInput({ contactName: 'Fam. Eerder', postcode: '8011 AA', phone: '06-11111111' }),
    )
    const { backup } = await app.call('backup.create', {})
    const later = await app.call('households.create', householdInput({ contactName: FAMILY }))
    const secret = {
      method: 'password' as const,
      username: ADMIN_USERNAME,
      password: ADMIN_PASSWORD,
    }
    const source = { kind: 'folder' as const, name: backup.name }

    const wrong = await rejection(
      app.call('backup.restore', {
        source,
        secret: { ...secret, password: 'Niet-het-goede-1' },
        confirm: true,
      }),
    )
    expect(wrong.fields?.[0]).toMatchObject({ path: 'secret.password', key: 'backupSecretWrong' })
    const check = await app.call('backup.restore', { source, secret, confirm: false })
    expect(check).toMatchObject({ restored: false, manifest: { counts: { household: 1 } } })
    expect((await app.call('households.get', { id: later.id })).household.contactName).toBe(FAMILY)

    const done = await app.call('backup.restore', { source, secret, confirm: true })
    expect(done.restored).toBe(true)
    // Everyone logs in again on the restored data.
    const gone = await rejection(app.call('households.get', { id: later.id }))
    expect(gone.key).toBe('notLoggedIn')
    const screen = newCaller()
    await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const missing = await rejection(app.call('households.get', { id: later.id }, screen))
    expect(missing.code).toBe('NOT_FOUND')
    const names = (await app.call('backup.list', {}, screen)).backups.map((b) => b.manifest.kind)
    expect(names).toContain('pre-restore')
    const restoreEntry = await app.open.db
      .selectFrom('auditLog')
      .select(['action', 'userName'])
      .where('action', '=', 'restore')
      .execute()
    expect(restoreEntry).toEqual([{ action: 'restore', userName: ADMIN_USERNAME }])
    // The pre-restore backup recorded entries the restore replaced: the restore's own record
    // explains it. The restored backup, the restored data's daily one and a new one still match.
    app.clock.advance(60_000)
    await app.call('backup.create', {}, screen)
    // The daily backup of the new login is written in the background: counted once it is there.
    await app.vault.settled()
    expect(await app.call('audit.verify', {}, screen)).toMatchObject({ ok: true, anchors: 3 })
  })

  it('restores onto a new computer with only the backup file and the recovery key', async () => {
    await app.call('households.create', householdInput({ contactName: FAMILY }))
    const { recoveryKey } = await app.call('recovery.regenerate', {})
    const { file } = await app.call('backup.create', { download: true })
    const fileBytes = await downloadedBytes(app, file!)
    const newPc = mkdtempSync(join(tmpdir(), 'dichtbij-new-pc-'))
    try {
      const fresh = await restart(app, newPc)
      const screen = newCaller()
      expect(await fresh.call('setup.status', {}, screen)).toMatchObject({
        needsSetup: true,
        canRestore: true,
      })
      const upload = { kind: 'upload' as const, fileName: file!.filename, bytes: fileBytes }
      const badKey = await rejection(
        fresh.call(
          'setup.restore',
          {
            source: upload,
            secret: { method: 'recoveryKey', recoveryKey: 'A'.repeat(30) },
            confirm: true,
          },
          screen,
        ),
      )
      expect(badKey.fields?.[0]).toMatchObject({ path: 'secret.recoveryKey' })
      const restored = await fresh.call(
        'setup.restore',
        { source: upload, secret: { method: 'recoveryKey', recoveryKey }, confirm: true },
        screen,
      )
      expect(restored.restored).toBe(true)
      expect(await fresh.call('setup.status', {}, screen)).toMatchObject({ needsSetup: false })
      // Once set up, nobody restores without logging in.
      const refused = await rejection(
        fresh.call(
          'setup.restore',
          { source: upload, secret: { method: 'recoveryKey', recoveryKey }, confirm: false },
          screen,
        ),
      )
      expect(refused.key).toBe('restoreNeedsLogin')
      await fresh.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
      const found = await fresh.call('households.search', { query: 'Zeegers' }, screen)
      expect(found.rows.map((h) => h.contactName)).toEqual([FAMILY])
      // The recovery key still opens the data on the new computer after a restart.
      await fresh.vault.close()
      const again = await Vault.start({
        dataDir: newPc,
        clock: app.clock,
        slotParams: TEST_PASSWORD_PARAMS,
      })
      running.push(again)
      expect(await again.unwrapWith({ recoveryKey })).not.toBeNull()
    } finally {
      rmSync(newPc, { recursive: true, force: true })
    }
  })

  it('applies erasures made since the backup again, so nobody erased comes back', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: FAMILY }))
    const { backup } = await app.call('backup.create', {})
    await app.call('retention.anonymise', { id })
    const secret = {
      method: 'password' as const,
      username: ADMIN_USERNAME,
      password: ADMIN_PASSWORD,
    }
    const done = await app.call('backup.restore', {
      source: { kind: 'folder', name: backup.name },
      secret,
      confirm: true,
    })
    expect(done.reapplied).toBeGreaterThanOrEqual(1)
    const screen = newCaller()
    await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const { household } = await app.call('households.get', { id }, screen)
    expect(household.contactName).not.toBe(FAMILY)
    app.open.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const rows = JSON.stringify(app.open.sqlite.prepare('select * from household').all())
    expect(rows).not.toContain('Zeegers')
  })

  it('holds a write back until the start-up check has run, and refuses it when the check finds damage', async () => {
    // Rows the login never reads, so damage among them is found by the check, not at opening.
    app.open.sqlite.exec(
      'create table filler (x blob); with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000) insert into filler select randomblob(900) from n',
    )
    app.open.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await app.vault.close()
    const file = join(app.dir, DB_FILE_NAME)
    const bytes = readFileSync(file)
    const page = Math.floor(bytes.length / 4096 / 2)
    bytes.fill(0x5a, 4096 * page, 4096 * (page + 1))
    writeFileSync(file, bytes)

    const again = await restart(app)
    const screen = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    // Saved at once, while the check still runs in its worker: refused, not lost at the restore.
    const refused = await rejection(again.call('households.create', householdInput(), screen))
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'databaseDamaged' })
    await again.vault.settled()
    expect(again.vault.state).toBe('damaged')
  })

  it('offers the newest good backup when the database fails its check at opening', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: FAMILY }))
    const { backup } = await app.call('backup.create', {})
    app.open.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await app.vault.close()
    // A disk error in the middle of the file: a page of garbage.
    const file = join(app.dir, DB_FILE_NAME)
    const bytes = readFileSync(file)
    bytes.fill(0x5a, 4096 * 2, 4096 * 3)
    writeFileSync(file, bytes)

    const again = await restart(app)
    const screen = newCaller()
    const damaged = await loginOnDamage(again, screen)
    expect(damaged).toMatchObject({ code: 'CONFLICT', key: 'databaseDamaged' })
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
    expect((await again.call('households.get', { id }, screen)).household.contactName).toBe(FAMILY)
  })
})

describe('upgrade from the version before encryption', () => {
  it('encrypts the database in place at the first login, with a backup first', async () => {
    const dir = await previousVersionFolder()
    try {
      const file = join(dir, DB_FILE_NAME)
      // The previous version's own pre-migration copy, plain too.
      mkdirSync(join(dir, 'backups'))
      copyFileSync(file, join(dir, 'backups', 'voor-migratie-2026-01-01T10-00-00-000Z.sqlite'))

      const vault = await Vault.start({
        dataDir: dir,
        clock: app.clock,
        slotParams: TEST_PASSWORD_PARAMS,
      })
      running.push(vault)
      expect(vault.state).toBe('plain')
      const router = createRouter({ vault, clock: app.clock, passwordParams: TEST_PASSWORD_PARAMS })
      const screen = newCaller()
      const login = await router.call(screen, 'auth.login', {
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      })
      expect(login).toMatchObject({ ok: true, value: { recoveryKeyMissing: true } })
      expect(vault.state).toBe('open')
      const found = await router.call(screen, 'households.get', { id: 1 })
      expect(found).toMatchObject({ ok: true, value: { household: { contactName: FAMILY } } })
      await vault.settled()
      vault.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      const names = readdirSync(join(dir, 'backups'))
      expect(names.some((n) => n.endsWith('-voor-versleuteling.dichtbij-backup'))).toBe(true)
      expect(names.some((n) => n.endsWith('-voor-update.dichtbij-backup'))).toBe(true)
      expect(names.some((n) => n.endsWith('.sqlite'))).toBe(false)
      for (const f of filesUnder(dir)) expect(readFileSync(f).includes(FAMILY), f).toBe(false)
      expect(slotsOf(dir).slots.map((s) => s.username)).toEqual([ADMIN_USERNAME])
      // Every backup written during the upgrade opens with the admin's password.
      for (const name of names.filter((n) => n.endsWith('.dichtbij-backup'))) {
        const check = await router.call(screen, 'backup.restore', {
          source: { kind: 'folder', name },
          secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
          confirm: false,
        })
        expect(check, name).toMatchObject({ ok: true, value: { restored: false } })
      }
    } finally {
      // A backup the login started may still be writing there: retry until it has let go.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    }
  })
})

describe('a data folder that lost or mixed up its key file', () => {
  it('refuses a key file of other data with a clear message, and never deletes the data', async () => {
    const other = await createTestApp('2026-06-15T10:00:00Z')
    try {
      await app.vault.close()
      await other.vault.close()
      // This folder's database with the other folder's key slots (same admin password).
      copyFileSync(join(other.dir, KEYS_FILE_NAME), join(app.dir, KEYS_FILE_NAME))
      const again = await restart(app)
      const mixed = await rejection(
        again.call(
          'auth.login',
          { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
          newCaller(),
        ),
      )
      expect(mixed).toMatchObject({ code: 'CONFLICT', key: 'databaseKeyMismatch' })

      // Without any key file the app offers the setup; a new setup moves the old file aside.
      await again.vault.close()
      rmSync(join(app.dir, KEYS_FILE_NAME))
      const lost = await restart(app)
      const screen = newCaller()
      expect(await lost.call('setup.status', {}, screen)).toMatchObject({ needsSetup: true })
      const before = readFileSync(join(app.dir, DB_FILE_NAME))
      await lost.call(
        'setup.create',
        {
          organisation: { name: 'Nieuw begin' },
          admin: {
            username: 'bea2',
            displayName: 'Nieuw',
            password: 'Nieuwe-start-sleutel-7',
            passwordRepeat: 'Nieuwe-start-sleutel-7',
          },
        },
        screen,
      )
      const aside = readdirSync(app.dir).find((n) =>
        n.startsWith(`${DB_FILE_NAME}.zonder-sleutels-`),
      )
      expect(aside).toBeDefined()
      expect(readFileSync(join(app.dir, aside!)).equals(before)).toBe(true)
    } finally {
      await other.close()
    }
  })
})

describe('closing', () => {
  it('closes the file even when nothing was read through the query builder', async () => {
    const again = await restart(app)
    await again.vault.unlock({ username: ADMIN_USERNAME, password: ADMIN_PASSWORD })
    const handle = again.vault.sqlite
    await again.vault.close()
    expect(handle.open).toBe(false)
    expect(again.vault.state).toBe('locked')
  })
})

describe('the audit chain held against backups', () => {
  it('notices a log rewritten consistently after a backup', async () => {
    await app.call('households.create', householdInput())
    await app.call('backup.create', {})
    await app.call(
      'households.create',
      householdInput({ postcode: '8011 AA', phone: null, contactName: 'Fam. Later' }),
    )
    const intact = await app.call('audit.verify', {})
    expect(intact).toMatchObject({ ok: true, anchors: 1 })

    // Someone with the key drops the triggers and rewrites an early entry, recomputing every
    // hash after it: the chain itself looks whole again.
    const sqlite = app.open.sqlite
    sqlite.exec('drop trigger audit_log_no_update')
    const rows = sqlite.prepare('select * from audit_log order by id').all() as Record<
      string,
      unknown
    >[]
    const { auditHash } = await import('../../src/main/domains/audit/audit')
    let prev = '0'.repeat(64)
    const update = sqlite.prepare(
      'update audit_log set detail = ?, prev_hash = ?, hash = ? where id = ?',
    )
    for (const r of rows) {
      const detail = r.id === 2 ? 'herschreven' : (r.detail as string | null)
      const content = {
        id: r.id as number,
        at: r.at as string,
        userId: r.user_id as number | null,
        userName: r.user_name as string | null,
        role: r.role as string | null,
        workstation: r.workstation as string,
        action: r.action as string,
        entityType: r.entity_type as string | null,
        entityId: r.entity_id as string | null,
        householdId: r.household_id as number | null,
        subjectKind: r.subject_kind as string | null,
        subjectId: r.subject_id as number | null,
        fields: r.fields as string | null,
        detail,
        prevHash: prev,
      }
      const hash = auditHash(content as never)
      update.run(detail, prev, hash, r.id)
      prev = hash
    }
    const rewritten = await app.call('audit.verify', {})
    expect(rewritten).toMatchObject({ ok: false, reason: 'anchor' })
  })
})

/**
 * Rewrites the log as someone with the key could: the triggers dropped, one entry's note
 * changed and every hash after it recomputed, so the chain itself looks whole again.
 */
async function rewriteLog(sqlite: Database.Database, id: number): Promise<void> {
  const { auditHash } = await import('../../src/main/domains/audit/audit')
  sqlite.exec('drop trigger audit_log_no_update')
  const rows = sqlite.prepare('select * from audit_log order by id').all() as Record<
    string,
    unknown
  >[]
  let prev = '0'.repeat(64)
  const update = sqlite.prepare(
    'update audit_log set detail = ?, prev_hash = ?, hash = ? where id = ?',
  )
  for (const r of rows) {
    const detail = r.id === id ? 'herschreven' : (r.detail as string | null)
    const hash = auditHash(logRow(r, { detail, prevHash: prev }))
    update.run(detail, prev, hash, r.id)
    prev = hash
  }
}

/** An audit row as the hash sees it, with some fields replaced. */
function logRow(
  r: Record<string, unknown>,
  change: Record<string, unknown>,
): Parameters<typeof import('../../src/main/domains/audit/audit').auditHash>[0] {
  return {
    id: r.id as number,
    at: r.at as string,
    userId: r.user_id as number | null,
    userName: r.user_name as string | null,
    role: r.role as string | null,
    workstation: r.workstation as string,
    action: r.action as string,
    entityType: r.entity_type as string | null,
    entityId: r.entity_id as string | null,
    householdId: r.household_id as number | null,
    subjectKind: r.subject_kind as string | null,
    subjectId: r.subject_id as number | null,
    fields: r.fields as string,
    detail: r.detail as string | null,
    prevHash: r.prev_hash as string,
    ...change,
  }
}

describe('what may excuse a backup that no longer matches the log', () => {
  it('is not a restore entry appended to a rewritten log, dated now or in the future', async () => {
    await app.call('households.create', householdInput())
    await app.call('backup.create', {})
    await app.call(
      'households.create',
      householdInput({ postcode: '8011 AA', phone: null, contactName: 'Fam. Later' }),
    )
    const sqlite = app.open.sqlite
    await rewriteLog(sqlite, 2)
    const { auditHash } = await import('../../src/main/domains/audit/audit')
    for (const at of ['2026-06-15T10:05:00.000Z', '2031-01-01T00:00:00.000Z']) {
      // One correctly hashed `restore` entry at the end, as if a backup had been restored.
      const last = sqlite
        .prepare('select * from audit_log order by id desc limit 1')
        .get() as Record<string, unknown>
      const row = logRow(last, {
        id: (last.id as number) + 1,
        at,
        action: 'restore',
        entityType: 'backup',
        entityId: null,
        householdId: null,
        subjectKind: null,
        subjectId: null,
        fields: '',
        detail: 'dichtbij-20260615T100000Z-handmatig.dichtbij-backup',
        prevHash: last.hash,
      })
      sqlite
        .prepare(
          `insert into audit_log (id, at, user_id, user_name, role, workstation, action,
            entity_type, entity_id, household_id, subject_kind, subject_id, fields, detail,
            prev_hash, hash)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...Object.values(row), auditHash(row))
      const verdict = await app.call('audit.verify', {})
      expect(verdict).toMatchObject({ ok: false, reason: 'anchor' })
    }
  })

  it('is the sealed record a genuine restore writes, kept in the data folder and in later backups', async () => {
    await app.call('households.create', householdInput({ contactName: FAMILY }))
    const { backup } = await app.call('backup.create', {})
    app.clock.advance(60_000)
    await app.call(
      'households.create',
      householdInput({ postcode: '8011 AA', phone: null, contactName: 'Fam. Later' }),
    )
    // Made on the branch the restore will leave behind.
    const abandoned = (await app.call('backup.create', {})).backup
    app.clock.advance(60_000)
    await app.call('backup.restore', {
      source: { kind: 'folder', name: backup.name },
      secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      confirm: true,
    })
    await app.vault.settled()
    const screen = newCaller()
    await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const intact = await app.call('audit.verify', {}, screen)
    // The restored backup and the restored data's daily backup match; the abandoned one and
    // the pre-restore one are explained by the restore.
    expect(intact).toMatchObject({ ok: true, anchors: 2 })
    const marksFile = join(app.dir, 'dichtbij-terugzettingen.json')
    const marks = readFileSync(marksFile, 'utf8')
    expect(JSON.parse(marks).marks).toHaveLength(1)

    // Without the data folder's record, the daily backup made after the restore still has it.
    rmSync(marksFile)
    expect(await app.call('audit.verify', {}, screen)).toMatchObject({ ok: true })
    // Without any record, the log's own `restore` entry explains nothing.
    const folder = join(app.dir, 'backups')
    const after = (await app.call('backup.list', {}, screen)).backups.filter(
      (b) => b.manifest.kind === 'daily',
    )
    expect(after).toHaveLength(1)
    rmSync(join(folder, after[0].name))
    expect(await app.call('audit.verify', {}, screen)).toMatchObject({
      ok: false,
      reason: 'anchor',
    })
    // A record that was altered, or sealed with another key, counts for nothing.
    const forged = JSON.parse(marks)
    forged.marks[0].at = '2099-01-01T00:00:00.000Z'
    writeFileSync(marksFile, JSON.stringify(forged))
    expect(await app.call('audit.verify', {}, screen)).toMatchObject({ ok: false })
    writeFileSync(marksFile, marks)
    expect(await app.call('audit.verify', {}, screen)).toMatchObject({ ok: true })
    expect(existsSync(join(folder, abandoned.name))).toBe(true)

    // After a restart the record is read again from the data folder.
    const again = await restart(app)
    const next = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, next)
    await again.vault.settled()
    expect(await again.call('audit.verify', {}, next)).toMatchObject({ ok: true })
    app.vault = again.vault
  })
})

/** A data folder as the version before encryption left it: plain, one admin, one family. */
async function previousVersionFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dichtbij-old-'))
  const later = Object.keys(MIGRATIONS).filter((n) => n > '0002-accounts')
  const saved = Object.fromEntries(later.map((n) => [n, MIGRATIONS[n]]))
  for (const n of later) delete MIGRATIONS[n]
  try {
    const old = await openDatabase({ file: join(dir, DB_FILE_NAME) })
    const iso = '2026-01-01T10:00:00.000Z'
    old.sqlite
      .prepare(
        `insert into account (username, display_name, role, password_hash, must_change_password,
          active, failed_attempts, password_changed_at, created_at, updated_at)
         values (?, 'Bea', 'admin', ?, 0, 1, 0, ?, ?, ?)`,
      )
      .run(ADMIN_USERNAME, await hashPassword(ADMIN_PASSWORD, TEST_PASSWORD_PARAMS), iso, iso, iso)
    old.sqlite
      .prepare(
        `insert into household (reference, contact_name, search_name, postcode, city,
          income_source, consent_date, consent_by, status, created_at, updated_at)
         values ('H-00001', ?, 'x', '3811 HZ', 'Zwolle', 'bijstand', '2026-01-01', 'Anja',
          'active', ?, ?)`,
      )
      .run(FAMILY, iso, iso)
    await old.close()
  } finally {
    Object.assign(MIGRATIONS, saved)
  }
  return dir
}

describe('an upgrade that meets trouble', () => {
  it('leaves the plain data as it was when the backup before encryption cannot be written', async () => {
    const dir = await previousVersionFolder()
    try {
      // The backup folder is a file: nothing can be written there.
      writeFileSync(join(dir, 'geen-map'), 'x')
      writeFileSync(
        join(dir, 'dichtbij-lokaal.json'),
        JSON.stringify({ backupDir: join(dir, 'geen-map') }),
      )
      const vault = await Vault.start({
        dataDir: dir,
        clock: app.clock,
        slotParams: TEST_PASSWORD_PARAMS,
      })
      running.push(vault)
      const router = createRouter({
        vault,
        clock: app.clock,
        passwordParams: TEST_PASSWORD_PARAMS,
        logError: () => undefined,
      })
      const screen = newCaller()
      const first = await router.call(screen, 'auth.login', {
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      })
      expect(first).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', key: 'backupFolderUnusable' },
      })
      // Still the plain database, readable, and no key file pointing at a key nobody has.
      expect(vault.state).toBe('plain')
      expect(readFileSync(join(dir, DB_FILE_NAME)).subarray(0, 15).toString()).toBe(
        'SQLite format 3',
      )
      expect(existsSync(join(dir, KEYS_FILE_NAME))).toBe(false)
      expect(readdirSync(dir).some((n) => n.includes('versleutelen'))).toBe(false)

      // With a usable folder the next login encrypts. (The old file was taken over at start.)
      expect(existsSync(join(dir, 'dichtbij-lokaal.json'))).toBe(false)
      vault.setBackupDir(null)
      const again = await router.call(newCaller(), 'auth.login', {
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      })
      expect(again.ok).toBe(true)
      expect(vault.state).toBe('open')
    } finally {
      // A backup the login started may still be writing there: retry until it has let go.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    }
  })

  it('goes on past an old copy that cannot be converted, and leaves that copy alone', async () => {
    const dir = await previousVersionFolder()
    try {
      mkdirSync(join(dir, 'backups'))
      const broken = join(dir, 'backups', 'voor-migratie-oud.sqlite')
      writeFileSync(
        broken,
        Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(5000, 7)]),
      )
      const vault = await Vault.start({
        dataDir: dir,
        clock: app.clock,
        slotParams: TEST_PASSWORD_PARAMS,
        logError: () => undefined,
      })
      running.push(vault)
      const router = createRouter({ vault, clock: app.clock, passwordParams: TEST_PASSWORD_PARAMS })
      const login = await router.call(newCaller(), 'auth.login', {
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      })
      expect(login.ok).toBe(true)
      expect(vault.state).toBe('open')
      expect(existsSync(broken)).toBe(true)
    } finally {
      // A backup the login started may still be writing there: retry until it has let go.
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    }
  })
})

describe('restore without a login', () => {
  it('in a damaged state takes only a backup of the same data, and keeps the damaged file', async () => {
    await app.call('households.create', householdInput({ contactName: FAMILY }))
    const { backup } = await app.call('backup.create', {})
    const stranger = await createTestApp('2026-06-15T10:00:00Z')
    try {
      const foreign = await stranger.call('backup.create', { download: true })
      const foreignBytes = await downloadedBytes(stranger, foreign.file!)
      app.open.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      await app.vault.close()
      const file = join(app.dir, DB_FILE_NAME)
      const bytes = readFileSync(file)
      bytes.fill(0x5a, 4096 * 2, 4096 * 3)
      writeFileSync(file, bytes)
      const again = await restart(app)
      const screen = newCaller()
      expect(await loginOnDamage(again, screen)).toMatchObject({ key: 'databaseDamaged' })
      const secret = {
        method: 'password' as const,
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      }
      const other = await rejection(
        again.call(
          'setup.restore',
          {
            source: { kind: 'upload', fileName: 'x', bytes: foreignBytes },
            secret,
            confirm: true,
          },
          screen,
        ),
      )
      expect(other).toMatchObject({ code: 'CONFLICT', key: 'backupOtherData' })
      await again.call(
        'setup.restore',
        { source: { kind: 'folder', name: backup.name }, secret, confirm: true },
        screen,
      )
      const aside = readdirSync(app.dir).find((n) =>
        n.startsWith(`${DB_FILE_NAME}.voor-terugzetten-`),
      )
      expect(aside && readFileSync(join(app.dir, aside)).equals(bytes)).toBe(true)
      const entry = await again.vault.db
        .selectFrom('auditLog')
        .select('detail')
        .where('action', '=', 'restore')
        .executeTakeFirstOrThrow()
      expect(auditNoteText(entry.detail, auditTranslator('nl'))).toContain(
        `geopend met wachtwoord van ${ADMIN_USERNAME}`,
      )
    } finally {
      await stranger.close()
    }
  })

  it('makes recovery key guesses wait like wrong passwords', async () => {
    const { file } = await app.call('backup.create', { download: true })
    const fileBytes = await downloadedBytes(app, file!)
    const newPc = mkdtempSync(join(tmpdir(), 'dichtbij-guess-'))
    try {
      const fresh = await restart(app, newPc)
      const screen = newCaller()
      const guess = () =>
        rejection(
          fresh.call(
            'setup.restore',
            {
              source: { kind: 'upload', fileName: 'x', bytes: fileBytes },
              secret: { method: 'recoveryKey', recoveryKey: 'B'.repeat(30) },
              confirm: false,
            },
            screen,
          ),
        )
      for (let i = 0; i < 4; i++) expect((await guess()).fields?.[0].key).toBe('backupSecretWrong')
      expect((await guess()).key).toBe('loginWait')
      expect((await guess()).key).toBe('loginWait')
    } finally {
      rmSync(newPc, { recursive: true, force: true })
    }
  })
})

describe('the backup folder', () => {
  it('prunes only its own sealed backups, whatever else lies in the folder', async () => {
    const { backup } = await app.call('backup.create', {})
    const path = join(app.dir, 'backups', backup.name)
    const original = readFileSync(path).toString('latin1')
    // Planted "daily backups" dated later, without a valid seal.
    for (let i = 1; i <= 20; i++) {
      const day = String(i).padStart(2, '0')
      const fake = original
        .replace('"kind":"manual"', '"kind":"daily"')
        .replace(/"createdAt":"[^"]+"/, `"createdAt":"2026-06-${day}T09:00:00.000Z"`)
      writeFileSync(
        join(app.dir, 'backups', `dichtbij-2026-06-${day}-dagelijks.dichtbij-backup`),
        Buffer.from(fake, 'latin1'),
      )
    }
    const again = await restart(app)
    await again.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    await again.vault.settled()
    const names = readdirSync(join(app.dir, 'backups'))
    // The fakes neither stopped the day's backup nor got it (or each other) removed.
    expect(names.filter((n) => /^dichtbij-\d{8}T\d{6}Z-dagelijks/.test(n))).toHaveLength(1)
    expect(names.filter((n) => n.startsWith('dichtbij-2026-06-'))).toHaveLength(20)
    app.vault = again.vault
  })

  it('remembers erasures recorded in newer backups in the folder when an older one is restored', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: FAMILY }))
    const { backup: older } = await app.call('backup.create', {})
    await app.call('retention.anonymise', { id })
    app.clock.advance(60_000)
    await app.call('backup.create', {})
    // The local record is lost (a new computer with the backup stick, say).
    rmSync(join(app.dir, 'dichtbij-gewist.jsonl'))
    const done = await app.call('backup.restore', {
      source: { kind: 'folder', name: older.name },
      secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      confirm: true,
    })
    expect(done.reapplied).toBe(1)
  })

  it('keeps the key file and backups readable for this account only', async () => {
    const { backup } = await app.call('backup.create', {})
    expect(statSync(join(app.dir, KEYS_FILE_NAME)).mode & 0o077).toBe(0)
    expect(statSync(join(app.dir, 'backups', backup.name)).mode & 0o077).toBe(0)
    expect(statSync(join(app.dir, 'backups')).mode & 0o077).toBe(0)
  })
})

describe('fixes from using the app', () => {
  it('does not apply erasures of this data to a backup of other data, and says it is other data', async () => {
    const { id } = await app.call('households.create', householdInput({ contactName: FAMILY }))
    await app.call('retention.anonymise', { id })
    const other = await createTestApp('2026-06-15T10:00:00Z')
    try {
      const theirs = await other.call(
        'households.create',
        householdInput({ contactName: 'Fam. Anders' }),
      )
      expect(theirs.id).toBe(id)
      const { file } = await other.call('backup.create', { download: true })
      const fileBytes = await downloadedBytes(other, file!)
      const input = {
        source: { kind: 'upload' as const, fileName: 'x', bytes: fileBytes },
        secret: { method: 'password' as const, username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      }
      const check = await app.call('backup.restore', { ...input, confirm: false })
      expect(check.sameData).toBe(false)
      const done = await app.call('backup.restore', { ...input, confirm: true })
      expect(done.reapplied).toBe(0)
      const screen = newCaller()
      await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
      const { household } = await app.call('households.get', { id }, screen)
      expect(household.contactName).toBe('Fam. Anders')
      expect(household.anonymisedAt).toBeNull()
    } finally {
      await other.close()
    }
  })

  it('lets a new recovery key open the backups already in the folder', async () => {
    const first = await app.call('recovery.regenerate', {})
    const { backup } = await app.call('backup.create', {})
    const second = await app.call('recovery.regenerate', {})
    await app.vault.settled()
    const check = (recoveryKey: string) =>
      app.call('backup.restore', {
        source: { kind: 'folder', name: backup.name },
        secret: { method: 'recoveryKey', recoveryKey },
        confirm: false,
      })
    expect((await check(second.recoveryKey)).sameData).toBe(true)
    const old = await rejection(check(first.recoveryKey))
    expect(old.fields?.[0].key).toBe('backupSecretWrong')
  })

  it('says when the chosen folder is missing instead of writing elsewhere', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'dichtbij-stick-'))
    await app.call('backup.setFolder', { folder: usb })
    rmSync(usb, { recursive: true })
    const refused = await rejection(app.call('backup.create', {}))
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'backupFolderMissing' })
    expect(existsSync(usb)).toBe(false)
    const list = await app.call('backup.list', {})
    expect(list.folderProblem).toMatch(/is er niet/)
    // A system path is refused at once, not looped on.
    const proc = await rejection(app.call('backup.setFolder', { folder: '/proc/nope/deeper' }))
    expect(proc.fields?.[0]).toMatchObject({ path: 'folder', key: 'folderNotWritable' })
  })

  it('reports the last automatic backup and its failure', async () => {
    const usb = mkdtempSync(join(tmpdir(), 'dichtbij-stick-'))
    await app.call('backup.setFolder', { folder: usb })
    let again = await restart(app)
    const admin = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, admin)
    await again.vault.settled()
    expect((await again.call('backup.list', {}, admin)).lastAutomatic).toMatchObject({ ok: true })
    rmSync(usb, { recursive: true })
    app.clock.advance(24 * 3600_000)
    app.vault = again.vault
    again = await restart(app)
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, admin)
    await again.vault.settled()
    const list = await again.call('backup.list', {}, admin)
    expect(list.lastAutomatic).toMatchObject({ ok: false })
    expect(list.lastAutomatic?.problem).toMatch(/USB-stick/)
    app.vault = again.vault
  })

  it('lets only a beheerder password (or the recovery key) restore without a login', async () => {
    await app.loginAs('volunteer', 'vera')
    const { file } = await app.call('backup.create', { download: true })
    const fileBytes = await downloadedBytes(app, file!)
    const newPc = mkdtempSync(join(tmpdir(), 'dichtbij-pc-'))
    try {
      const fresh = await restart(app, newPc)
      const refused = await rejection(
        fresh.call(
          'setup.restore',
          {
            source: { kind: 'upload', fileName: 'x', bytes: fileBytes },
            secret: { method: 'password', username: 'vera', password: 'Eigen-sleutelbos-1-tulp' },
            confirm: false,
          },
          newCaller(),
        ),
      )
      expect(refused).toMatchObject({ code: 'FORBIDDEN', key: 'restoreNeedsAdmin' })
    } finally {
      rmSync(newPc, { recursive: true, force: true })
    }
  })
})
