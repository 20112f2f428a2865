import { ipcMain } from 'electron'
import Store from 'electron-store'
import { takeOverOldLocalFile } from './migrate'
import { COMPUTER_SETTINGS_NAME, settingsOn, type ComputerSettings } from './store'

/**
 * The computer's settings in the Electron app, kept by electron-store in the data folder (not
 * its default `userData`, so `--data-dir` keeps a portable install's settings with its data).
 * Only the Electron main process imports this file: electron-store needs Electron. The bridge
 * and the tests use json-file.ts on the same file; `settingsOn` checks every value for both.
 */
export function electronComputerSettings(dataDir: string): ComputerSettings {
  const store = new Store<Record<string, unknown>>({
    cwd: dataDir,
    name: COMPUTER_SETTINGS_NAME,
    // A damaged file reads as empty instead of stopping the app; settingsOn then uses defaults.
    clearInvalidConfig: true,
    // For this account only, as the data folder's other files.
    configFileMode: 0o600,
    // Keys are plain names; a dot in one must not become a nested object.
    accessPropertiesByDotNotation: false,
  })
  // electron-store answers a synchronous IPC message for stores made in a renderer. This app's
  // renderer has none, and main answers no channel but the sender-checked 'api'.
  ipcMain.removeAllListeners('electron-store-get-data')
  const settings = settingsOn({
    path: store.path,
    read() {
      try {
        return store.store
      } catch {
        // Unreadable (no right to it): every value reads as not set.
        return undefined
      }
    },
    write(content) {
      store.store = content
    },
  })
  takeOverOldLocalFile(dataDir, settings)
  return settings
}
