import { z } from 'zod'
import { language } from '../../shared/schemas/computer'

/**
 * Settings of this computer that are not data of the organisation: the screens' language, where
 * the window was, and the backup folder (a USB drive, say). They are read before anyone logs in,
 * so they live in a small JSON file beside the encrypted database, not in it.
 *
 * Two stores keep that file: electron-store in the app (see electron-store.ts, imported only by
 * the Electron main process), and a plain JSON file for the browser bridge and the tests (see
 * json-file.ts). Both write the same format to the same name, and both go through `settingsOn`,
 * so what one writes the other reads, and a damaged value reads as "not set" in both.
 */

/** The file's name in the data folder, without `.json` (as electron-store takes it). */
export const COMPUTER_SETTINGS_NAME = 'dichtbij-computer'
export const COMPUTER_SETTINGS_FILE_NAME = `${COMPUTER_SETTINGS_NAME}.json`

/** Where and how large the window was when it was last closed (its normal, unmaximised size). */
export const windowBounds = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
  maximized: z.boolean(),
})
export type WindowBounds = z.infer<typeof windowBounds>

const FIELDS = {
  language,
  window: windowBounds,
  /** Chosen by an admin; absent means `backups` inside the data folder. */
  backupFolder: z.string().min(1).max(4096),
}

export type SettingKey = keyof typeof FIELDS
/** Every setting, null while it was never set (or what was stored cannot be used). */
export type SettingValues = { [K in SettingKey]: z.infer<(typeof FIELDS)[K]> | null }

/** The settings of this computer, one value at a time. */
export interface ComputerSettings {
  /** The file they are kept in. */
  readonly path: string
  get<K extends SettingKey>(key: K): SettingValues[K]
  /** Null removes the value, so the app's default applies again. */
  set<K extends SettingKey>(key: K, value: SettingValues[K]): void
}

/** What a store reads and writes: the whole file's JSON at once. */
export interface SettingsFile {
  readonly path: string
  /** The parsed content; undefined when there is no file yet or it cannot be read or parsed. */
  read(): unknown
  /** Replaces the content in one step (a power cut leaves the old or the new file). */
  write(content: Record<string, unknown>): void
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function valid<K extends SettingKey>(key: K, value: unknown): SettingValues[K] {
  const parsed = FIELDS[key].safeParse(value)
  return parsed.success ? (parsed.data as SettingValues[K]) : null
}

/**
 * The settings kept in `file`. Every value is checked on each read, one by one: a file damaged
 * by hand or by a crash costs only the values that are wrong, and the rest still count. The file
 * is read again each time, as electron-store does, so two processes on one data folder (the app
 * and the bridge) never hold an old copy.
 */
export function settingsOn(file: SettingsFile): ComputerSettings {
  return {
    path: file.path,
    get(key) {
      const content = file.read()
      return valid(key, isRecord(content) ? content[key] : undefined)
    },
    set(key, value) {
      const content = file.read()
      const next: Record<string, unknown> = {}
      // Keys this version does not know (a newer version's, electron-store's own) are kept;
      // values of known keys that cannot be used are dropped.
      if (isRecord(content))
        for (const [k, v] of Object.entries(content))
          if (!(k in FIELDS) || valid(k as SettingKey, v) !== null) next[k] = v
      if (value === null) delete next[key]
      else next[key] = FIELDS[key].parse(value)
      file.write(next)
    },
  }
}
