import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { electronSqliteBinding } from './electron-native'

// `npm start`: the desktop app. Builds the Electron copy of the SQLite addon once, then starts
// Electron (whose binary is downloaded on its first run) with any extra arguments, such as
// --data-dir=PATH.
const require = createRequire(import.meta.url)
const binding = electronSqliteBinding()
const electron = require('electron') as unknown as string
const child = spawn(electron, ['.', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DICHTBIJ_SQLITE_BINDING: binding },
})
child.on('exit', (code) => process.exit(code ?? 1))
