import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonFileComputerSettings } from '../../src/main/computer-settings/json-file'
import { COMPUTER_SETTINGS_FILE_NAME } from '../../src/main/computer-settings/store'
import { OLD_LOCAL_FILE_NAME } from '../../src/main/computer-settings/migrate'
import { Vault } from '../../src/main/vault/vault'
import { manualClock } from '../../src/main/clock'
import { TEST_PASSWORD_PARAMS } from '../helpers/db'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dichtbij-computer-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const file = (): string => join(dir, COMPUTER_SETTINGS_FILE_NAME)
const onDisk = (): Record<string, unknown> =>
  JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>
const WINDOW = { x: -1200, y: 40, width: 1100, height: 700, maximized: false }

describe('the settings of this computer on a JSON file', () => {
  it('reads nothing set on a new computer, and keeps what was set for the next start', () => {
    const first = jsonFileComputerSettings(dir)
    expect(first.get('language')).toBeNull()
    expect(first.get('window')).toBeNull()
    expect(first.get('backupFolder')).toBeNull()
    expect(existsSync(file())).toBe(false)

    first.set('language', 'en')
    first.set('window', WINDOW)
    first.set('backupFolder', '/media/usb/dichtbij')

    const next = jsonFileComputerSettings(dir)
    expect(next.get('language')).toBe('en')
    expect(next.get('window')).toEqual(WINDOW)
    expect(next.get('backupFolder')).toBe('/media/usb/dichtbij')
    // Only this account may read it, as the other files in the data folder.
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600)

    next.set('backupFolder', null)
    expect(jsonFileComputerSettings(dir).get('backupFolder')).toBeNull()
    expect(onDisk()).toEqual({ language: 'en', window: WINDOW })
  })

  it('refuses to store a value that is not a setting', () => {
    const settings = jsonFileComputerSettings(dir)
    expect(() => settings.set('language', 'de' as never)).toThrow()
    expect(() => settings.set('window', { ...WINDOW, width: 'wide' } as never)).toThrow()
    expect(existsSync(file())).toBe(false)
  })

  it('starts with defaults from a damaged file, and a new choice repairs it', () => {
    writeFileSync(file(), '{"language": "en", "backupFol')
    const settings = jsonFileComputerSettings(dir)
    expect(settings.get('language')).toBeNull()
    expect(settings.get('backupFolder')).toBeNull()
    settings.set('language', 'nl')
    expect(onDisk()).toEqual({ language: 'nl' })
  })

  it('loses only the values that are wrong, and keeps keys it does not know', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        language: 'de',
        window: { ...WINDOW, height: -5 },
        backupFolder: '/media/usb/dichtbij',
        fromANewerVersion: { keep: true },
      }),
    )
    const settings = jsonFileComputerSettings(dir)
    expect(settings.get('language')).toBeNull()
    expect(settings.get('window')).toBeNull()
    expect(settings.get('backupFolder')).toBe('/media/usb/dichtbij')
    settings.set('language', 'en')
    expect(onDisk()).toEqual({
      language: 'en',
      backupFolder: '/media/usb/dichtbij',
      fromANewerVersion: { keep: true },
    })
  })

  it('reads other JSON than an object (an array, null) as nothing set', () => {
    for (const text of ['[]', 'null', '"en"', '42']) {
      writeFileSync(file(), text)
      expect(jsonFileComputerSettings(dir).get('language'), text).toBeNull()
    }
  })

  it('neither reads nor writes through a symlink planted under its name', () => {
    const elsewhere = join(dir, 'elsewhere.json')
    writeFileSync(elsewhere, JSON.stringify({ backupFolder: '/tmp/not-mine' }))
    symlinkSync(elsewhere, file())
    const settings = jsonFileComputerSettings(dir)
    expect(settings.get('backupFolder')).toBeNull()
    settings.set('language', 'en')
    expect(JSON.parse(readFileSync(elsewhere, 'utf8'))).toEqual({ backupFolder: '/tmp/not-mine' })
    expect(statSync(file()).isFile()).toBe(true)
    expect(onDisk()).toEqual({ language: 'en' })
  })
})

describe("an earlier version's dichtbij-lokaal.json", () => {
  const old = (): string => join(dir, OLD_LOCAL_FILE_NAME)

  it('gives its backup folder to the store at the first start, and is removed', () => {
    writeFileSync(old(), JSON.stringify({ backupDir: '/media/usb/dichtbij' }, null, 2))
    const settings = jsonFileComputerSettings(dir)
    expect(settings.get('backupFolder')).toBe('/media/usb/dichtbij')
    expect(existsSync(old())).toBe(false)
    expect(onDisk()).toEqual({ backupFolder: '/media/usb/dichtbij' })
  })

  it('does not bring an old folder back after the admin chose the default folder', () => {
    writeFileSync(old(), JSON.stringify({ backupDir: '/media/usb/dichtbij' }))
    jsonFileComputerSettings(dir).set('backupFolder', null)
    expect(jsonFileComputerSettings(dir).get('backupFolder')).toBeNull()
  })

  it('does not replace a folder the store already has', () => {
    writeFileSync(file(), JSON.stringify({ backupFolder: '/media/nieuw' }))
    writeFileSync(old(), JSON.stringify({ backupDir: '/media/oud' }))
    expect(jsonFileComputerSettings(dir).get('backupFolder')).toBe('/media/nieuw')
    expect(existsSync(old())).toBe(false)
  })

  it('takes nothing over from a damaged or empty one', () => {
    for (const text of ['{"backupDir": "/media/us', '{}', '{"backupDir": ""}', 'null']) {
      writeFileSync(old(), text)
      expect(jsonFileComputerSettings(dir).get('backupFolder'), text).toBeNull()
      expect(existsSync(old()), text).toBe(false)
    }
    expect(existsSync(file())).toBe(false)
  })

  it('is what the vault of an upgraded installation backs up into', async () => {
    const stick = join(dir, 'stick')
    writeFileSync(old(), JSON.stringify({ backupDir: stick }))
    const vault = await Vault.start({
      dataDir: dir,
      clock: manualClock('2026-06-15T10:00:00Z'),
      slotParams: TEST_PASSWORD_PARAMS,
    })
    try {
      expect(vault.backupDir()).toBe(stick)
      expect(vault.isDefaultBackupDir()).toBe(false)
      expect(existsSync(old())).toBe(false)
      vault.setBackupDir(null)
      expect(vault.backupDir()).toBe(join(dir, 'backups'))
      expect(onDisk()).toEqual({})
    } finally {
      await vault.close()
    }
  })
})
