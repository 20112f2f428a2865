import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

// Packaging is never run in tests (it downloads Electron), so a typo in a fuse name would only
// show when someone builds an installer, or never: electron-builder would just not set it.
const require = createRequire(import.meta.url)
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>
const fuses = config.electronFuses as Record<string, unknown>

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
  }, 30_000)
})
