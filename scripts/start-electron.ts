import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { electronSqliteBinding } from './electron-native'

/**
 * `npm start` (the built app) and `npm run dev` (`--dev`: electron-vite's dev server with hot
 * reload). Both first make sure of what Electron needs and node_modules does not have:
 * - the Electron binary, which the electron package downloads on first use (electron-vite alone
 *   would stop with "Electron uninstall" on a fresh install), and
 * - the Electron build of the SQLite addon under native/, handed to main in
 *   DICHTBIJ_SQLITE_BINDING (read by unpackaged runs only, see src/main/paths.ts).
 * Extra arguments, such as --data-dir=PATH, go to the app.
 */
const require = createRequire(import.meta.url)
const dev = process.argv.includes('--dev')
const appArgs = process.argv.slice(2).filter((arg) => arg !== '--dev')
const electron = require('electron') as unknown as string
const binding = electronSqliteBinding()
const env = { ...process.env, DICHTBIJ_SQLITE_BINDING: binding, ELECTRON_EXEC_PATH: electron }
const child = dev
  ? spawn(
      process.execPath,
      [
        join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
        'dev',
        ...(appArgs.length > 0 ? ['--', ...appArgs] : []),
      ],
      { stdio: 'inherit', env },
    )
  : spawn(electron, ['.', ...appArgs], { stdio: 'inherit', env })
child.on('exit', (code) => process.exit(code ?? 1))
