import { lstatSync } from 'node:fs'
import { join } from 'node:path'
import { readRegularFile, writeFileAtomically } from '../vault/safe-files'
import { takeOverOldLocalFile } from './migrate'
import {
  COMPUTER_SETTINGS_FILE_NAME,
  settingsOn,
  type ComputerSettings,
  type SettingsFile,
} from './store'

/** Far more than the few settings need; a larger file is not ours and is not read. */
const MAX_SIZE = 64 * 1024

/**
 * The settings as a plain JSON file, for the browser bridge and the tests (the app uses
 * electron-store on the same file). Written as the data folder's other files are: under a
 * random name, flushed, then renamed into place, readable by this account only, never through
 * a symlink. Not `conf` (the library under electron-store): what both stores must share is the
 * checking of every value and the take-over of the old file, which `settingsOn` does for both;
 * conf would add a second way of writing into the data folder, one that follows a planted link.
 */
export function jsonSettingsFile(path: string): SettingsFile {
  return {
    path,
    read() {
      try {
        if (lstatSync(path).size > MAX_SIZE) return undefined
        return JSON.parse(readRegularFile(path).toString('utf8')) as unknown
      } catch {
        // Missing, unreadable or damaged: every value reads as not set.
        return undefined
      }
    },
    write(content) {
      // Tabs, as electron-store writes it, so either can write the file the other reads.
      writeFileAtomically(path, [Buffer.from(JSON.stringify(content, undefined, '\t'), 'utf8')])
    },
  }
}

/** The computer's settings in `dataDir`, with an earlier version's backup folder taken over. */
export function jsonFileComputerSettings(dataDir: string): ComputerSettings {
  const settings = settingsOn(jsonSettingsFile(join(dataDir, COMPUTER_SETTINGS_FILE_NAME)))
  takeOverOldLocalFile(dataDir, settings)
  return settings
}
