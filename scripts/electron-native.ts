import { execFileSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { NATIVE_ADDON_FILE, nativeFolderKey, type NativeAddonIdentity } from '../src/main/paths'

function packageVersion(require: NodeJS.Require, name: string): string {
  const file = require.resolve(`${name}/package.json`)
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

/** The Electron, SQLite package and CPU that a build under native/ is made for. */
export function nativeIdentity(
  root = process.cwd(),
  arch: string = process.arch,
): NativeAddonIdentity {
  const require = createRequire(join(root, 'package.json'))
  return {
    electronVersion: packageVersion(require, 'electron'),
    sqliteVersion: packageVersion(require, 'better-sqlite3-multiple-ciphers'),
    arch,
  }
}

/**
 * better-sqlite3 in node_modules is built for Node, so `npm test` works. Electron needs the same
 * addon built for its own ABI; this builds a copy under native/<key>/ (key: Electron version,
 * package version, CPU; see nativeFolderKey) and leaves node_modules alone. Needs Electron's
 * headers, so the first run needs an internet connection.
 */
export function electronSqliteBinding(root = process.cwd(), arch: string = process.arch): string {
  const require = createRequire(join(root, 'package.json'))
  const identity = nativeIdentity(root, arch)
  const outDir = resolve(root, 'native', nativeFolderKey(identity))
  const binding = join(outDir, ...NATIVE_ADDON_FILE)
  if (existsSync(binding)) return binding

  const source = resolve(require.resolve('better-sqlite3-multiple-ciphers/package.json'), '..')
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  for (const part of ['binding.gyp', 'src', 'deps', 'package.json'])
    cpSync(join(source, part), join(outDir, part), { recursive: true })
  console.log(
    `better-sqlite3-multiple-ciphers ${identity.sqliteVersion} bouwen voor Electron ` +
      `${identity.electronVersion} (${arch}, eenmalig)…`,
  )
  const gyp = require.resolve('node-gyp/bin/node-gyp.js', {
    // npm ships node-gyp: under lib/ on Linux and macOS, beside node.exe on Windows.
    paths: [
      join(process.execPath, '..', '..', 'lib', 'node_modules', 'npm', 'node_modules'),
      join(process.execPath, '..', 'node_modules', 'npm', 'node_modules'),
    ],
  })
  try {
    execFileSync(
      process.execPath,
      [
        gyp,
        'rebuild',
        '--release',
        `--target=${identity.electronVersion}`,
        `--arch=${arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      // A machine-wide nodedir would make node-gyp use Node's headers instead of Electron's.
      { cwd: outDir, stdio: 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
    )
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true })
    throw new Error(
      'better-sqlite3-multiple-ciphers kon niet voor Electron worden gebouwd. De eerste keer zijn de Electron-headers ' +
        'nodig (internetverbinding); npm test en npm run web werken ook zonder.',
      { cause: err },
    )
  }
  return binding
}

/** Where the packaging step puts the addon for electron-builder (see electron-builder.yml). */
export const PACKAGE_STAGE_DIR = join('native', 'package')

/**
 * For electron-builder: builds (or reuses) the addon for the target CPU and copies it to
 * native/package/, the one folder electron-builder.yml ships as `native/` next to app.asar.
 * The folder is emptied first, so a failed build never leaves another CPU's addon behind.
 */
export function stageSqliteBindingForPackage(
  root = process.cwd(),
  arch: string = process.arch,
): string {
  const stage = resolve(root, PACKAGE_STAGE_DIR)
  rmSync(stage, { recursive: true, force: true })
  const binding = electronSqliteBinding(root, arch)
  mkdirSync(stage, { recursive: true })
  const target = join(stage, 'better_sqlite3.node')
  copyFileSync(binding, target)
  return target
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // `tsx scripts/electron-native.ts [--stage] [--arch=x64]`
  const archArg = process.argv.find((a) => a.startsWith('--arch='))
  const arch = archArg ? archArg.slice('--arch='.length) : process.arch
  console.log(
    process.argv.includes('--stage')
      ? stageSqliteBindingForPackage(process.cwd(), arch)
      : electronSqliteBinding(process.cwd(), arch),
  )
}
