import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * better-sqlite3 in node_modules is built for Node, so `npm test` works. Electron needs the same
 * addon built for its own ABI; this builds a copy under native/electron-<version>/ and leaves
 * node_modules alone. Needs Electron's headers, so the first run needs an internet connection.
 */
export function electronSqliteBinding(root = process.cwd()): string {
  const require = createRequire(join(root, 'package.json'))
  const electronVersion = (
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
      version: string
    }
  ).version
  const outDir = resolve(root, 'native', `electron-${electronVersion}`)
  const binding = join(outDir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(binding)) return binding

  const source = resolve(require.resolve('better-sqlite3-multiple-ciphers/package.json'), '..')
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  for (const part of ['binding.gyp', 'src', 'deps', 'package.json'])
    cpSync(join(source, part), join(outDir, part), { recursive: true })
  console.log(`better-sqlite3-multiple-ciphers bouwen voor Electron ${electronVersion} (eenmalig)…`)
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
        `--target=${electronVersion}`,
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(electronSqliteBinding())
}
