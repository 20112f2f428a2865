import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  nativeFolderKey,
  PACKAGED_ADDON_PATH,
  sqliteBindingPath,
  userDataDirFor,
  type NativeAddonIdentity,
} from '../../src/main/paths'
import { isAllowedDownload, loadFailureMessage } from '../../src/main/security'
import { SqliteAddonError, startupFailureText } from '../../src/main/startup-errors'
import { DatabaseTooNewError } from '../../src/main/db/open'
import { nativeIdentity } from '../../scripts/electron-native'

const identity: NativeAddonIdentity = {
  electronVersion: '45.4.1',
  sqliteVersion: '12.11.1',
  arch: 'x64',
}

describe('which SQLite addon main loads', () => {
  const base = { resourcesPath: '/opt/Dichtbij/resources', appPath: '/src/dichtbij', identity }
  const evil = { DICHTBIJ_SQLITE_BINDING: '/tmp/evil.node' }

  it('the installed app loads its own copy and never one named in the environment', () => {
    const expected = join('/opt/Dichtbij/resources', ...PACKAGED_ADDON_PATH)
    expect(sqliteBindingPath({ ...base, isPackaged: true, env: {} })).toBe(expected)
    expect(sqliteBindingPath({ ...base, isPackaged: true, env: evil })).toBe(expected)
    expect(expected).toContain(join('app.asar.unpacked', 'native', 'better_sqlite3.node'))
  })

  it('an unpackaged run takes DICHTBIJ_SQLITE_BINDING (npm start, the Electron tests)', () => {
    expect(sqliteBindingPath({ ...base, isPackaged: false, env: evil })).toBe('/tmp/evil.node')
  })

  it('npm run dev without the variable finds the build for this Electron, package and CPU', () => {
    expect(sqliteBindingPath({ ...base, isPackaged: false, env: {} })).toBe(
      join(
        '/src/dichtbij',
        'native',
        nativeFolderKey(identity),
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    )
    // An empty variable is no path.
    expect(
      sqliteBindingPath({ ...base, isPackaged: false, env: { DICHTBIJ_SQLITE_BINDING: '' } }),
    ).toContain(nativeFolderKey(identity))
  })
})

describe('the native/ folder of an Electron build of the addon', () => {
  it('changes with the Electron version, the package version and the CPU', () => {
    const key = nativeFolderKey(identity)
    expect(key).toBe('electron-45.4.1_bsmc-12.11.1_x64')
    const others = [
      { ...identity, electronVersion: '46.0.0' },
      { ...identity, sqliteVersion: '12.12.0' },
      { ...identity, arch: 'arm64' },
    ].map(nativeFolderKey)
    expect(new Set([key, ...others]).size).toBe(4)
  })

  it('npm start and the packaging step key their build on the installed versions', () => {
    const installed = (name: string): string =>
      (JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string })
        .version
    expect(nativeIdentity()).toEqual({
      electronVersion: installed('electron'),
      sqliteVersion: installed('better-sqlite3-multiple-ciphers'),
      arch: process.arch,
    })
    expect(nativeIdentity(process.cwd(), 'arm64').arch).toBe('arm64')
  })

  it('refuses a part that could leave the folder', () => {
    expect(() => nativeFolderKey({ ...identity, arch: '../x64' })).toThrow(/architecture/)
    expect(() => nativeFolderKey({ ...identity, sqliteVersion: '1/2' })).toThrow(/version/)
    expect(() => nativeFolderKey({ ...identity, electronVersion: '' })).toThrow(/Electron/)
  })
})

describe("Electron's userData folder", () => {
  it('the installed app keeps the default; an unpackaged run gets Dichtbij-dev beside it', () => {
    const appDataDir = '/home/winkel/.config'
    expect(userDataDirFor({ isPackaged: true, appDataDir, productName: 'Dichtbij' })).toBe(
      undefined,
    )
    expect(userDataDirFor({ isPackaged: false, appDataDir, productName: 'Dichtbij' })).toBe(
      join(appDataDir, 'Dichtbij-dev'),
    )
  })
})

describe('downloads from the page', () => {
  it("saves only blobs the app's own page made", () => {
    expect(isAllowedDownload('blob:app://dichtbij/0d9c7e4e-8f4c-4a57-9d2b-2f1c1a4d1e11')).toBe(true)
    expect(isAllowedDownload('blob:app://other/0d9c')).toBe(false)
    expect(isAllowedDownload('https://example.org/file.exe')).toBe(false)
    expect(isAllowedDownload('blob:https://example.org/0d9c')).toBe(false)
    expect(isAllowedDownload('data:text/csv,a')).toBe(false)
    expect(isAllowedDownload('not a url')).toBe(false)
  })

  it('during npm run dev also those of the dev server page', () => {
    const dev = 'http://localhost:5173'
    expect(isAllowedDownload('blob:http://localhost:5173/0d9c', dev)).toBe(true)
    expect(isAllowedDownload('blob:http://localhost:5173/0d9c')).toBe(false)
    expect(isAllowedDownload('blob:http://localhost:9999/0d9c', dev)).toBe(false)
  })
})

describe('a page that fails to load', () => {
  const failure = {
    errorCode: -6,
    errorDescription: 'ERR_FILE_NOT_FOUND',
    validatedURL: 'app://dichtbij/index.html',
    isMainFrame: true,
  }

  it('is told to the user in Dutch, so the window never stays invisible', () => {
    const message = loadFailureMessage(failure)
    expect(message?.title).toBe('Dichtbij kan het scherm niet laden')
    expect(message?.detail).toContain('ERR_FILE_NOT_FOUND')
    expect(message?.detail).toContain('code -6')
  })

  it('a replaced load (a reload) or a sub frame is not a failure', () => {
    expect(loadFailureMessage({ ...failure, errorCode: -3 })).toBeNull()
    expect(loadFailureMessage({ ...failure, isMainFrame: false })).toBeNull()
  })
})

describe('why the app cannot start', () => {
  const context = { dataDir: '/data', isPackaged: false }

  it('a missing or mismatched SQLite addon is named, not blamed on the data folder', () => {
    const err = new SqliteAddonError('/src/native/x/better_sqlite3.node', {
      cause: new Error('NODE_MODULE_VERSION 127 ... requires NODE_MODULE_VERSION 140'),
    })
    const dev = startupFailureText(err, context)
    expect(dev.detail).toContain('/src/native/x/better_sqlite3.node')
    expect(dev.detail).toContain('scripts/electron-native.ts')
    expect(dev.detail).not.toContain('gegevensmap')
    const installed = startupFailureText(err, { ...context, isPackaged: true })
    expect(installed.detail).toContain('Installeer Dichtbij opnieuw')
    expect(installed.detail).not.toContain('gegevensmap')
  })

  it('other failures keep their own message', () => {
    expect(startupFailureText(new Error('EACCES'), context).detail).toContain('/data')
    expect(startupFailureText(new DatabaseTooNewError(['0099-later']), context).detail).toContain(
      'nieuwere versie',
    )
  })
})
