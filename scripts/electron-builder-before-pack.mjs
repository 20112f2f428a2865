/* global process */
// electron-builder's beforePack hook (electron-builder.yml): runs before each platform and CPU is
// packed, and puts the Electron build of the SQLite addon for exactly that CPU in native/package/,
// which electron-builder.yml ships as native/ under app.asar.unpacked. node_modules keeps its
// Node build (npmRebuild: false), so `npm test` still works after packaging.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** electron-builder's Arch enum (builder-util) to Node's process.arch names, which node-gyp and native/<key> use. */
const NODE_ARCH = { 0: 'ia32', 1: 'x64', 2: 'arm', 3: 'arm64' }

export default async function beforePack(context) {
  const arch = NODE_ARCH[context.arch]
  if (!arch)
    throw new Error(
      `No Electron build of the SQLite addon for architecture ${context.arch} (universal builds are not supported)`,
    )
  execFileSync(
    process.execPath,
    [require.resolve('tsx/cli'), 'scripts/electron-native.ts', '--stage', `--arch=${arch}`],
    { cwd: context.packager.projectDir, stdio: 'inherit' },
  )
}
