import { dirname, join as joinPath } from 'node:path'

/** An empty file with this name beside the executable makes the app portable. */
export const PORTABLE_MARKER = 'portable'
/** The data folder of a portable app, beside its executable. */
export const PORTABLE_DATA_FOLDER = 'Dichtbij-data'

/** Where the app runs from, and how to ask whether a file is there (a side effect, passed in). */
export interface Executable {
  execPath: string
  fileExists: (path: string) => boolean
}

/**
 * The data folder of a portable app (on a USB stick), or undefined when the app is not portable.
 * Portable means a file named `portable` in the executable's folder. Windows' portable .exe first
 * unpacks itself into a temporary folder and runs from there; electron-builder's launcher sets
 * PORTABLE_EXECUTABLE_DIR to the folder of the .exe itself, which is then the folder that counts.
 * An AppImage runs from a temporary mount in the same way, and names its own file in APPIMAGE.
 */
export function portableDataDir(
  env: Readonly<Record<string, string | undefined>>,
  exe: Executable,
): string | undefined {
  const folder =
    env.PORTABLE_EXECUTABLE_DIR || (env.APPIMAGE ? dirname(env.APPIMAGE) : dirname(exe.execPath))
  if (!exe.fileExists(joinPath(folder, PORTABLE_MARKER))) return undefined
  return joinPath(folder, PORTABLE_DATA_FOLDER)
}

/**
 * Where the data lives: `--data-dir=PATH` first (workshops, tests), then `DICHTBIJ_DATA_DIR`
 * (tests), then the folder beside a portable app (`portableDataDir`, when `exe` is given), then
 * the platform's app-data folder.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
  exe?: Executable,
): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg.startsWith('--data-dir=') && arg.length > '--data-dir='.length)
      return arg.slice('--data-dir='.length)
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1]
  }
  if (env.DICHTBIJ_DATA_DIR) return env.DICHTBIJ_DATA_DIR
  return (exe && portableDataDir(env, exe)) ?? defaultDir
}

/**
 * Where Electron keeps its own per-user state (the single-instance lock, window settings,
 * Chromium's profile, and the default data folder below it). An unpackaged run (`npm start`,
 * `npm run dev`, the Electron test suite) gets a folder of its own, so trying the code on a shop
 * PC never quits silently against the installed app's lock nor works on the shop's real data.
 * The installed app keeps Electron's default (undefined: leave it as it is).
 */
export function userDataDirFor(options: {
  isPackaged: boolean
  appDataDir: string
  productName: string
}): string | undefined {
  if (options.isPackaged) return undefined
  return joinPath(options.appDataDir, `${options.productName}-dev`)
}

/** What decides whether a built SQLite addon fits the code and the process that loads it. */
export interface NativeAddonIdentity {
  electronVersion: string
  /** Version of better-sqlite3-multiple-ciphers: its JavaScript and its C++ must match. */
  sqliteVersion: string
  /** CPU architecture the addon is built for (process.arch / electron-builder's arch). */
  arch: string
}

/**
 * Folder name under native/ for one Electron build of the SQLite addon. Every part that makes an
 * old build wrong is in the name, so an upgrade of Electron or of the package, or a build for
 * another CPU, never picks up a stale addon: it gets a new folder and a fresh build.
 */
export function nativeFolderKey(id: NativeAddonIdentity): string {
  const safe = (part: string, what: string): string => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part))
      throw new Error(`Unexpected ${what} for the native folder: ${JSON.stringify(part)}`)
    return part
  }
  return [
    `electron-${safe(id.electronVersion, 'Electron version')}`,
    `bsmc-${safe(id.sqliteVersion, 'better-sqlite3-multiple-ciphers version')}`,
    safe(id.arch, 'architecture'),
  ].join('_')
}

/** The addon file inside a native/<key>/ folder, as node-gyp leaves it. */
export const NATIVE_ADDON_FILE = ['build', 'Release', 'better_sqlite3.node'] as const

/** Where the installer puts the Electron build of the addon, relative to the resources folder. */
export const PACKAGED_ADDON_PATH = ['app.asar.unpacked', 'native', 'better_sqlite3.node'] as const

/**
 * Which build of the SQLite addon main loads.
 * - Installed app: always its own copy under resources/app.asar.unpacked/native. The environment
 *   is never read: whoever can set a variable must not get a library of their choice into the
 *   process that holds the database key (the same route the RunAsNode and NODE_OPTIONS fuses
 *   close).
 * - Unpackaged run: `DICHTBIJ_SQLITE_BINDING` if set (npm start, the Electron tests), else the
 *   build for this Electron, package version and CPU under native/ (npm run dev). node_modules
 *   holds the Node build, which Electron cannot load.
 */
export function sqliteBindingPath(options: {
  isPackaged: boolean
  env: Readonly<Record<string, string | undefined>>
  resourcesPath: string
  appPath: string
  identity: NativeAddonIdentity
}): string {
  if (options.isPackaged) return joinPath(options.resourcesPath, ...PACKAGED_ADDON_PATH)
  const fromEnv = options.env.DICHTBIJ_SQLITE_BINDING
  if (fromEnv) return fromEnv
  return joinPath(
    options.appPath,
    'native',
    nativeFolderKey(options.identity),
    ...NATIVE_ADDON_FILE,
  )
}
