import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'
import { createRouter, type Router } from '../../src/main/router'
import { hashPassword } from '../../src/main/crypto/passwords'
import { Vault, KEYS_FILE_NAME } from '../../src/main/vault/vault'
import type { KeySlotFile } from '../../src/main/vault/keyslots'
import { readBackup } from '../../src/main/vault/backup-file'
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

/** The app started again on a data folder: the database stays closed until a login. */
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

function hasSlot(dir: string, userId: number): boolean {
  return slotsOf(dir).slots.some((s) => s.kind === 'user' && s.userId === userId)
}

/** A backup file's bytes with its JSON header changed by `edit`; the seal is not renewed. */
function withHeader(
  bytes: Uint8Array,
  edit: (header: { keySlots: KeySlotFile }) => void,
): Uint8Array<ArrayBuffer> {
  const data = Buffer.from(bytes)
  const start = 'DICHTBIJ-BACKUP1'.length
  const length = data.readUInt32BE(start)
  const header = JSON.parse(data.subarray(start + 4, start + 4 + length).toString('utf8'))
  edit(header)
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const prefix = Buffer.alloc(4)
  prefix.writeUInt32BE(json.length)
  return Buffer.concat([
    data.subarray(0, start),
    prefix,
    json,
    data.subarray(start + 4 + length),
  ]) as Uint8Array<ArrayBuffer>
}

const sleep = (ms: number): Promise<void> => new Promise((ok) => setTimeout(ok, ms))

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => {
  for (const v of running.splice(0)) await v.close()
  await app.close()
})

describe('the first login after a start tells no names apart', () => {
  it('answers an unknown name, a name without a slot and a wrong password alike', async () => {
    await app.loginAs('volunteer', 'vera')
    const vera = (await app.call('users.list', {})).find((u) => u.username === 'vera')!
    // Disabled and enabled again: an account without a slot on this computer.
    await app.call('users.update', { id: vera.id, active: false })
    await app.call('users.update', { id: vera.id, active: true })
    const again = await restart(app)
    const tries = [
      { username: 'niemand-hier', password: 'Wat-dan-ook-123' },
      { username: 'vera', password: 'Eigen-sleutelbos-1-tulp' },
      { username: ADMIN_USERNAME, password: 'Verkeerd-wachtwoord' },
    ]
    const answers = []
    for (const input of tries) {
      const refused = await rejection(again.call('auth.login', input, newCaller()))
      answers.push({ code: refused.code, key: refused.key, params: refused.params })
    }
    expect(answers[0]).toEqual({ code: 'FORBIDDEN', key: 'loginFailedClosed', params: undefined })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
    expect(again.vault.state).toBe('locked')
    // The admin opens the data; the audit log says what happened to each try.
    const screen = newCaller()
    await again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const failed = await again.vault.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'login_failed')
      .orderBy('id')
      .execute()
    const nl = auditTranslator('nl')
    expect(failed.map((f) => auditNoteText(f.detail, nl))).toEqual([
      'niemand-hier; geen sleutel op deze computer',
      'vera; geen sleutel op deze computer',
      `${ADMIN_USERNAME}; wachtwoord onjuist`,
    ])
  })
})

describe('a restore without a login reads only the key settings the app writes', () => {
  it('refuses other scrypt settings in an uploaded backup before deriving anything', async () => {
    const { file } = await app.call('backup.create', { download: true })
    const fileBytes = await downloadedBytes(app, file!)
    const newPc = mkdtempSync(join(tmpdir(), 'dichtbij-kdf-'))
    try {
      const fresh = await restart(app, newPc)
      const secret = {
        method: 'password' as const,
        username: ADMIN_USERNAME,
        password: ADMIN_PASSWORD,
      }
      const tryWith = (kdf: Record<string, unknown>) =>
        rejection(
          fresh.call(
            'setup.restore',
            {
              source: {
                kind: 'upload',
                fileName: 'x.dichtbij-backup',
                bytes: withHeader(fileBytes, (h) => {
                  for (const s of h.keySlots.slots) Object.assign(s.kdf, kdf)
                }),
              },
              secret,
              confirm: false,
            },
            newCaller(),
          ),
        )
      // One step off the app's own settings: refused as an altered file, not tried as a key.
      expect(await tryWith({ p: 2 })).toMatchObject({ code: 'CONFLICT', key: 'backupTampered' })
      // Costly settings come back at once instead of tying up the computer.
      const started = Date.now()
      expect(await tryWith({ p: 400 })).toMatchObject({ code: 'CONFLICT', key: 'backupTampered' })
      expect(Date.now() - started).toBeLessThan(1000)
      for (const kdf of [
        { logN: 22 },
        { r: 1024 },
        { logN: 1e9 },
        { p: -1 },
        { logN: '17' },
        { name: 'argon2' },
        { salt: 5 },
      ])
        expect(await tryWith(kdf)).toMatchObject({ code: 'CONFLICT', key: 'backupTampered' })
      // Slots that are no objects at all are passed over: the password opens nothing.
      const junk = await rejection(
        fresh.call(
          'setup.restore',
          {
            source: {
              kind: 'upload',
              fileName: 'x.dichtbij-backup',
              bytes: withHeader(fileBytes, (h) => {
                h.keySlots.slots = [null, 7, 'x'] as never
              }),
            },
            secret,
            confirm: false,
          },
          newCaller(),
        ),
      )
      expect(junk.fields?.[0]).toMatchObject({ path: 'secret.password', key: 'backupSecretWrong' })
      // The untouched file still restores.
      const ok = await fresh.call(
        'setup.restore',
        { source: { kind: 'upload', fileName: 'x', bytes: fileBytes }, secret, confirm: false },
        newCaller(),
      )
      expect(ok.restored).toBe(false)
      expect(ok.manifest.kind).toBe('manual')
    } finally {
      rmSync(newPc, { recursive: true, force: true })
    }
  })

  it('says the key file does not fit when its own slot has settings the app never writes', async () => {
    const slots = slotsOf(app.dir)
    for (const s of slots.slots) s.kdf.r = 64
    await app.vault.close()
    writeFileSync(join(app.dir, KEYS_FILE_NAME), JSON.stringify(slots))
    const again = await restart(app)
    const refused = await rejection(
      again.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, newCaller()),
    )
    expect(refused).toMatchObject({ code: 'CONFLICT', key: 'databaseKeyMismatch' })
  })
})

describe('a disabled account has no key slot, whatever the path', () => {
  it('gives a password reset of a disabled account no slot; it gets one at its next login', async () => {
    const vera = await app.loginAs('volunteer', 'vera')
    const id = (await app.call('users.list', {})).find((u) => u.username === 'vera')!.id
    await app.call('auth.logout', {}, vera)
    await app.call('users.update', { id, active: false })
    expect(hasSlot(app.dir, id)).toBe(false)
    const temporary = 'Tijdelijk-toegang-77-iris'
    await app.call('users.resetPassword', { id, password: temporary })
    // The temporary password opens no copy of the data.
    expect(hasSlot(app.dir, id)).toBe(false)
    expect(await app.vault.unwrapWith({ username: 'vera', password: temporary })).toBeNull()
    const note = await app.open.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'update')
      .where('fields', '=', 'password')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(note.detail).toMatch(/uitgeschakeld, dus geen sleutel/)
    const disabled = await rejection(
      app.call('auth.login', { username: 'vera', password: temporary }, newCaller()),
    )
    // Refused as a wrong password would be: a disabled account does not confirm a password.
    expect(disabled.key).toBe('loginFailed')
    expect(hasSlot(app.dir, id)).toBe(false)

    // Enabled again, the reset password works and her slot comes back at that login.
    await app.call('users.update', { id, active: true })
    expect(hasSlot(app.dir, id)).toBe(false)
    await app.call('auth.login', { username: 'vera', password: temporary }, newCaller())
    expect(await app.vault.unwrapWith({ username: 'vera', password: temporary })).not.toBeNull()
  })

  it('takes the slot of a disabled account out of the backups already in the folder', async () => {
    await app.loginAs('volunteer', 'vera')
    const id = (await app.call('users.list', {})).find((u) => u.username === 'vera')!.id
    const { backup, file } = await app.call('backup.create', { download: true })
    const fileBytes = await downloadedBytes(app, file!)
    const path = join(app.dir, 'backups', backup.name)
    const opens = (bytes: Uint8Array) =>
      app.vault
        .inspectBackup(Buffer.from(bytes), {
          username: 'vera',
          password: 'Eigen-sleutelbos-1-tulp',
        })
        .then(
          () => true,
          () => false,
        )
    expect(await opens(fileBytes)).toBe(true)
    await app.call('users.update', { id, active: false })
    await app.vault.settled()
    expect(await opens(readFileSync(path))).toBe(false)
    expect(readBackup(readFileSync(path)).header.keySlots.slots.map((s) => s.userId)).not.toContain(
      id,
    )
    // The rest of the backup is untouched: the admin's password and a check still work.
    expect((await app.call('backup.verify', { name: backup.name })).ok).toBe(true)
    expect(
      await app.vault.unwrapWith(
        { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
        readBackup(readFileSync(path)).header.keySlots,
      ),
    ).not.toBeNull()
  })

  it('drops a slot a disabled account still has in the key file when the data is opened', async () => {
    await app.loginAs('volunteer', 'vera')
    const id = (await app.call('users.list', {})).find((u) => u.username === 'vera')!.id
    const stale = slotsOf(app.dir).slots.find((s) => s.userId === id)!
    await app.call('users.update', { id, active: false })
    // A key file from before she was disabled (copied back, or written by an older version).
    const file = slotsOf(app.dir)
    file.slots.push(stale)
    await app.vault.close()
    writeFileSync(join(app.dir, KEYS_FILE_NAME), JSON.stringify(file))
    const again = await restart(app)
    await again.call(
      'auth.login',
      { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      newCaller(),
    )
    expect(hasSlot(app.dir, id)).toBe(false)
    expect(hasSlot(app.dir, 1)).toBe(true)
  })

  it('writes no slot when the account is disabled while its login or password change runs', async () => {
    const vera = await app.loginAs('volunteer', 'vera')
    const id = (await app.call('users.list', {})).find((u) => u.username === 'vera')!.id
    const password = 'Langzaam-gecontroleerd-9-lis'
    // A costly hash, so the admin's change lands while the password is being checked.
    const slowHash = await hashPassword(password, { logN: 17, r: 8, p: 1 })
    const useSlowPassword = () =>
      app.open.db
        .updateTable('account')
        .set({ passwordHash: slowHash })
        .where('id', '=', id)
        .execute()

    // A password change: the session is live, then the admin disables her mid-check.
    await useSlowPassword()
    const change = rejection(
      app.call(
        'auth.changePassword',
        {
          currentPassword: password,
          newPassword: 'Nieuw-sleutelbos-5-roos',
          newPasswordRepeat: 'Nieuw-sleutelbos-5-roos',
        },
        vera,
      ),
    )
    await sleep(100)
    await app.call('users.update', { id, active: false })
    expect((await change).key).toBe('accountDisabled')
    expect(hasSlot(app.dir, id)).toBe(false)

    // A login of the re-enabled account (no slot yet), disabled again mid-check.
    await app.call('users.update', { id, active: true })
    await useSlowPassword()
    const login = rejection(app.call('auth.login', { username: 'vera', password }, newCaller()))
    await sleep(100)
    await app.call('users.update', { id, active: false })
    expect((await login).key).toBe('accountDisabled')
    expect(hasSlot(app.dir, id)).toBe(false)
  })
})
