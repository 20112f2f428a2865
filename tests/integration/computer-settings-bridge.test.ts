import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMPUTER_SETTINGS_FILE_NAME } from '../../src/main/computer-settings/store'
import { OLD_LOCAL_FILE_NAME } from '../../src/main/computer-settings/migrate'
import { rawRequest, startBridgeProcess, type BridgeProcess } from '../helpers/bridge-process'

/*
 * The browser bridge (`npm run web`, the e2e tests' way in) keeps the computer's settings in
 * the same JSON file as the app's electron-store, and takes over an earlier version's
 * dichtbij-lokaal.json at its start.
 */

let bridge: BridgeProcess
let stick = ''

beforeAll(async () => {
  bridge = await startBridgeProcess({
    prepare(dataDir) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 })
      stick = join(dataDir, '..', 'usb-stick')
      mkdirSync(stick, { mode: 0o700 })
      writeFileSync(join(dataDir, OLD_LOCAL_FILE_NAME), JSON.stringify({ backupDir: stick }))
    },
  })
}, 60_000)
afterAll(async () => {
  await bridge?.stop()
})

async function api(
  method: string,
  input: unknown,
  token?: string,
): Promise<{ body: Record<string, unknown>; token: string }> {
  const reply = await rawRequest(bridge.port, '/api', {
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ method, input }),
  })
  return {
    body: JSON.parse(reply.body) as Record<string, unknown>,
    token: String(reply.headers['x-dichtbij-session'] ?? ''),
  }
}

describe('the settings of this computer behind the browser bridge', () => {
  it("backs up into the folder an earlier version's dichtbij-lokaal.json named", async () => {
    expect(existsSync(join(bridge.dataDir, OLD_LOCAL_FILE_NAME))).toBe(false)
    const setup = await api('setup.create', {
      organisation: { name: 'Stichting Proef' },
      admin: {
        username: 'beheerder',
        displayName: 'Bea Beheer',
        password: 'Zonnebloem-veld-42',
        passwordRepeat: 'Zonnebloem-veld-42',
      },
    })
    expect(setup.body).toMatchObject({ ok: true })
    const list = await api('backup.list', {}, setup.token)
    expect(list.body).toMatchObject({ ok: true, value: { folder: stick, isDefaultFolder: false } })
  })

  it('keeps the language in the same file, next to the backup folder', async () => {
    expect((await api('computer.language', {})).body).toEqual({
      ok: true,
      value: { language: null },
    })
    expect((await api('computer.setLanguage', { language: 'en' })).body).toEqual({
      ok: true,
      value: { language: 'en' },
    })
    expect((await api('computer.language', {})).body).toEqual({
      ok: true,
      value: { language: 'en' },
    })
    const file = join(bridge.dataDir, COMPUTER_SETTINGS_FILE_NAME)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ backupFolder: stick, language: 'en' })
  })
})
