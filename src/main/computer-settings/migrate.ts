import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { readRegularFile } from '../vault/safe-files'
import type { ComputerSettings } from './store'

/** Where versions before the settings store kept the backup folder, written by hand. */
export const OLD_LOCAL_FILE_NAME = 'dichtbij-lokaal.json'

/**
 * Takes the backup folder over from `dichtbij-lokaal.json` of an earlier version, once, when the
 * store has none yet, and then removes the old file. Removed rather than left: the store says
 * "no folder" also after an admin went back to the default folder, so an old file left behind
 * would bring the old folder back at the next start. A file that cannot be read now (no right
 * to it) is left for a later start; one that is not JSON held nothing to take over.
 */
export function takeOverOldLocalFile(dataDir: string, settings: ComputerSettings): void {
  const old = join(dataDir, OLD_LOCAL_FILE_NAME)
  let text: string
  try {
    text = readRegularFile(old).toString('utf8')
  } catch (err) {
    // ENOENT: nothing to take over, the usual case after the first start.
    if (!(err instanceof Error && 'code' in err && err.code === 'ENOENT'))
      console.error(`Could not read ${old}`, err)
    return
  }
  let folder: unknown
  try {
    folder = (JSON.parse(text) as { backupDir?: unknown } | null)?.backupDir
  } catch {
    folder = undefined
  }
  if (typeof folder === 'string' && folder && settings.get('backupFolder') === null)
    settings.set('backupFolder', folder)
  // Only after the store holds the folder: a failed write above leaves the old file in place.
  rmSync(old, { force: true })
}
