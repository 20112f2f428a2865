import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditNoteText, auditTranslator } from '../../src/shared/audit-text'
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  createTestApp,
  newCaller,
  rejection,
  type TestApp,
} from '../helpers/db'
import { downloadedBytes, downloadedText } from '../helpers/downloads'

let app: TestApp
beforeEach(async () => {
  app = await createTestApp('2026-06-15T10:00:00Z')
})
afterEach(async () => {
  await app.close()
})

const nl = (detail: string | null): string => auditNoteText(detail, auditTranslator('nl'))

async function failedLogins(): Promise<
  { userName: string | null; entityId: string | null; detail: string }[]
> {
  const rows = await app.open.db
    .selectFrom('auditLog')
    .select(['userName', 'entityId', 'detail'])
    .where('action', '=', 'login_failed')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ ...r, detail: nl(r.detail) }))
}

/** The account's id, as the audit log records it (a string). */
async function accountId(username: string): Promise<string> {
  const list = await app.call('users.list', {})
  const found = list.find((u) => u.username === username)
  if (!found) throw new Error(`no account ${username}`)
  return String(found.id)
}

describe('checking a backup with a password is a login attempt for that account', () => {
  it('meets the account back-off and logs every wrong guess, confirm or not', async () => {
    await app.loginAs('coordinator', 'cora')
    const cora = await accountId('cora')
    const { backup } = await app.call('backup.create', {})
    const guess = (password: string, confirm: boolean): Promise<unknown> =>
      app.call('backup.restore', {
        source: { kind: 'folder', name: backup.name },
        secret: { method: 'password', username: 'cora', password },
        confirm,
      })

    const answers: string[] = []
    for (let i = 0; i < 5; i++) {
      const e = await rejection(guess(`Verkeerd-geraden-${i}`, i % 2 === 1))
      answers.push(e.fields?.[0]?.key ?? e.key)
    }
    // Four free attempts, as at a login; the fifth makes the account wait.
    expect(answers).toEqual([
      'backupSecretWrong',
      'backupSecretWrong',
      'backupSecretWrong',
      'backupSecretWrong',
      'loginWait',
    ])
    // Now even the right password waits, here and at her own login.
    expect((await rejection(guess('Eigen-sleutelbos-1-tulp', false))).key).toBe('loginWait')
    const login = await rejection(
      app.call(
        'auth.login',
        { username: 'cora', password: 'Eigen-sleutelbos-1-tulp' },
        newCaller(),
      ),
    )
    expect(login.key).toBe('loginWait')

    const failed = (await failedLogins()).filter((f) => f.entityId === cora)
    expect(failed.slice(0, 6)).toEqual([
      ...[0, 1, 2, 3].map(() => ({
        userName: ADMIN_USERNAME,
        entityId: cora,
        detail: 'terugzetten; wachtwoord onjuist',
      })),
      {
        userName: ADMIN_USERNAME,
        entityId: cora,
        detail: 'terugzetten; wachtwoord onjuist; wacht 30 s',
      },
      {
        userName: ADMIN_USERNAME,
        entityId: cora,
        detail: 'terugzetten; geweigerd tijdens wachttijd',
      },
    ])

    // After the wait the right password opens the backup for a check.
    app.clock.advance(31_000)
    const checked = await app.call('backup.restore', {
      source: { kind: 'folder', name: backup.name },
      secret: { method: 'password', username: 'cora', password: 'Eigen-sleutelbos-1-tulp' },
      confirm: false,
    })
    expect(checked.restored).toBe(false)
  })

  it('makes names that are no account here and the recovery key wait as well', async () => {
    const { backup } = await app.call('backup.create', {})
    const guess = (secret: Record<string, string>): Promise<unknown> =>
      app.call('backup.restore', {
        source: { kind: 'folder', name: backup.name },
        secret: secret as never,
        confirm: false,
      })
    const keys: string[] = []
    for (let i = 0; i < 5; i++) {
      const e = await rejection(
        guess({ method: 'password', username: 'oud-account', password: `Gok-nummer-${i}` }),
      )
      keys.push(e.fields?.[0]?.key ?? e.key)
    }
    expect(keys.at(-1)).toBe('loginWait')
    const recovery: string[] = []
    for (let i = 0; i < 5; i++) {
      const e = await rejection(
        guess({ method: 'recoveryKey', recoveryKey: `AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFF${i}` }),
      )
      recovery.push(e.fields?.[0]?.key ?? e.key)
    }
    expect(recovery.at(-1)).toBe('loginWait')
    const notes = (await failedLogins()).map((f) => f.detail)
    expect(notes).toContain('terugzetten; oud-account; wachtwoord onjuist')
    expect(notes).toContain('terugzetten; herstelsleutel onjuist; wacht 30 s')
    expect(notes).toHaveLength(10)
  })

  it('leaves the admin own restore with the right password alone', async () => {
    const { backup } = await app.call('backup.create', {})
    const result = await app.call('backup.restore', {
      source: { kind: 'folder', name: backup.name },
      secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      confirm: false,
    })
    expect(result.restored).toBe(false)
    expect(await failedLogins()).toEqual([])
  })
})

describe('a disabled account', () => {
  it('gives the same answer whatever the password, and every attempt counts', async () => {
    await app.call('users.create', {
      username: 'oudvrijw',
      displayName: 'Oud',
      role: 'volunteer',
      password: 'Paarse-Olifant-731',
    })
    const id = await accountId('oudvrijw')
    await app.call('users.update', { id: Number(id), active: false })
    const attempt = async (password: string): Promise<string> =>
      (await rejection(app.call('auth.login', { username: 'oudvrijw', password }, newCaller()))).key
    expect(await attempt('Verkeerd-123456')).toBe('loginFailed')
    expect(await attempt('Paarse-Olifant-731')).toBe('loginFailed')
    expect(await attempt('Verkeerd-654321')).toBe('loginFailed')
    expect(await attempt('Paarse-Olifant-731')).toBe('loginFailed')
    // The fifth attempt waits, right password or not, just as wrong ones would.
    expect(await attempt('Paarse-Olifant-731')).toBe('loginWait')
    const notes = (await failedLogins()).filter((f) => f.entityId === id).map((f) => f.detail)
    expect(notes).toEqual([
      'inloggen; account uitgeschakeld',
      'inloggen; account uitgeschakeld',
      'inloggen; account uitgeschakeld',
      'inloggen; account uitgeschakeld',
      'inloggen; account uitgeschakeld; wacht 30 s',
    ])
  })
})

describe('the file name of an uploaded restore in the audit log', () => {
  it('is its last part, on one line, without direction overrides, and quoted', async () => {
    const { file } = await app.call('backup.create', { download: true })
    if (!file) throw new Error('no download')
    const fileBytes = await downloadedBytes(app, file)
    const fileName =
      'C:\\Users\\bea\\zaterdag.dichtbij-backup (gemaakt 2026-12-01T10:00:00Z); geopend met herstelsleutel\n\u202eGOL'
    await app.call('backup.restore', {
      source: { kind: 'upload', fileName, bytes: fileBytes },
      secret: { method: 'password', username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
      confirm: true,
    })
    const screen = newCaller()
    await app.call('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }, screen)
    const { rows } = await app.call('audit.list', { action: 'restore' }, screen)
    const detail = rows[0].detail ?? ''
    expect(detail).not.toMatch(/[\n\r\u202a-\u202e\u2066-\u2069]/)
    expect(detail).not.toContain('Users')
    const text = nl(rows[0].detail)
    expect(text).toMatch(
      /^"zaterdag\.dichtbij-backup \(gemaakt 2026-12-01T10:00:00Z\); geopend met herstelsleutel GOL" \(gemaakt .+\); geopend met wachtwoord van beheerder$/,
    )
    // Two parts (the file, who opened it), not the three the name pretended.
    expect(detail.startsWith('@[')).toBe(true)
    expect(JSON.parse(detail.slice(1))).toHaveLength(2)
    const csv = await app.call('audit.export', { action: 'restore' }, screen)
    expect(await downloadedText(app, csv, screen)).not.toMatch(/\u202e/)
  })
})
