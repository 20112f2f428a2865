import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// Packaging is never run in tests (it downloads Electron), so a typo in a fuse name would only
// show when someone builds an installer, or never: electron-builder would just not set it.
const require = createRequire(import.meta.url)
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>
const fuses = config.electronFuses as Record<string, unknown>
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** Every key anywhere in a parsed YAML or JSON value, with its value. */
function entries(value: unknown, path = ''): [string, unknown][] {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]): [string, unknown][] => [
    [`${path}${key}`, inner],
    ...entries(inner, `${path}${key}.`),
  ])
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : [path]
  })
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file)
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

/** The sizes in a Windows .ico (0 in the directory means 256). */
function icoSizes(file: string): number[] {
  const ico = readFileSync(file)
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256)
}

interface SchemaObject {
  properties: Record<string, unknown>
  additionalProperties?: boolean
}
const schema = JSON.parse(
  readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as SchemaObject & { definitions: Record<string, SchemaObject> }

describe('electron-builder.yml', () => {
  it('packages the built app into an asar', () => {
    expect(config).toMatchObject({
      appId: expect.stringMatching(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
      productName: 'Dichtbij',
      asar: true,
    })
    // What else ships, and what does not, is in electron-packaging.test.ts.
    expect((config.files as unknown[]).slice(0, 2)).toEqual(['out/**', 'package.json'])
  })

  it('sets the security fuses', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
  })

  it('builds an offline installer and a portable .exe for Windows, AppImage and .deb, and a .dmg', () => {
    expect(config.win).toMatchObject({ target: ['nsis', 'portable'] })
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] })
    expect(config.mac).toMatchObject({ target: ['dmg'] })
    // nsis-web would download the app while installing, which a village hall cannot.
    expect(JSON.stringify(config)).not.toMatch(/nsis-web|web-installer/i)
    // fpm refuses a .deb without a maintainer and a homepage.
    expect((config.linux as { maintainer?: string }).maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/)
    expect((config.extraMetadata as { homepage?: string }).homepage).toMatch(/^https:\/\//)
  })

  it('installs for the user alone by default, with the pages and a choice of folder', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowToChangeInstallationDirectory: true,
      // The data folder is the user's app-data folder: uninstalling must not take it along.
      deleteAppDataOnUninstall: false,
    })
  })

  it('has icons in resources/ that electron-builder can use for every platform', () => {
    expect((config.directories as Record<string, unknown>).buildResources).toBe('resources')
    // electron-builder makes the .icns (macOS) from a PNG of at least 512 px.
    const [width, height] = pngSize('resources/icon.png')
    expect(width).toBeGreaterThanOrEqual(512)
    expect(height).toBe(width)
    expect(icoSizes('resources/icon.ico')).toEqual(expect.arrayContaining([16, 32, 48, 256]))
  })

  it('keeps the SQLite addon outside the asar, built for Electron only when packaging', () => {
    expect(config.asarUnpack).toEqual(['native/**'])
    expect(config.npmRebuild).toBe(false)
    // Never at install time: npm test needs the Node build that npm install makes.
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
      expect(pkg.scripts[hook] ?? '', hook).not.toMatch(/rebuild|install-app-deps|electron-native/)
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
  })

  it('configures no publishing, auto-update or crash report upload', () => {
    expect(config).toHaveProperty('publish', null)
    for (const [path, value] of entries(config)) {
      if (/publish/i.test(path)) expect(value, path).toBeNull()
      expect(path).not.toMatch(/updat|crash|sentry|telemetry/i)
    }
    // The blockmaps beside an NSIS installer serve only differential updates.
    expect((config.nsis as Record<string, unknown>).differentialPackage).toBe(false)
    const packages = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]
    expect(packages.filter((name) => /updater|crash|sentry|analytics/i.test(name))).toEqual([])
    for (const file of sourceFiles('src')) {
      const code = readFileSync(file, 'utf8')
      expect(code, file).not.toMatch(/electron-updater|autoUpdater|crashReporter/)
    }
  })

  it("uses only keys from electron-builder's own schema", () => {
    const fuseSchema = schema.definitions.FuseOptionsV1
    // The schema must still forbid unknown fuse keys, or this test would prove nothing.
    expect(fuseSchema.additionalProperties).toBe(false)
    for (const key of Object.keys(fuses)) expect(fuseSchema.properties, key).toHaveProperty(key)
    expect(JSON.stringify(schema.properties.electronFuses)).toContain('FuseOptionsV1')
    for (const key of Object.keys(config)) expect(schema.properties, key).toHaveProperty(key)
  })

  it("passes electron-builder's own configuration check, and a misspelt fuse does not", async () => {
    // Not part of electron-builder's public API; if it moves, find it again rather than drop
    // this: it is the same check `electron-builder` runs before packaging.
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
    }
    const { DebugLogger } = require('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown
    }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    const typo = { ...config, electronFuses: { ...fuses, runAsNod: false } }
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(
      /electronFuses/,
    )
    // Also inside a target's options: a misspelt installer option would be ignored the same way.
    const nsisTypo = { ...config, nsis: { ...(config.nsis as object), perMachin: true } }
    await expect(validateConfiguration(nsisTypo, new DebugLogger(false))).rejects.toThrow(/nsis/)
  }, 30_000)
})
