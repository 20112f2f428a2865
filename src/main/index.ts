import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostname } from 'node:os'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  powerMonitor,
  protocol,
  session as electronSession,
  shell,
  type WebContents,
} from 'electron'
import Database from 'better-sqlite3-multiple-ciphers'
import { Vault } from './vault/vault'
import { electronComputerSettings } from './computer-settings/electron-store'
import { rememberedPlacement, rememberPlacementOnClose } from './computer-settings/electron-window'
import type { ComputerSettings } from './computer-settings/store'
import { PASSWORD_PARAMS } from './crypto/passwords'
import { systemClock } from './clock'
import { createRouter } from './router'
import { createWorkshop, type Workshop } from './domains/workshop/workshop'
import { registerApi } from './ipc'
import { portableDataDir, resolveDataDir, sqliteBindingPath, userDataDirFor } from './paths'
import {
  APP_INDEX_URL,
  APP_SCHEME,
  EXTERNAL_LINK_HOSTS,
  cspHeaderFor,
  devServerUrlFrom,
  isAllowedDownload,
  isAllowedExternalUrl,
  isAllowedNavigation,
  loadFailureMessage,
  windowWebPreferences,
} from './security'
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol'
import { isOwnRequest } from './request-filter'
import { SqliteAddonError, startupFailureText } from './startup-errors'
import { createQuitSequence, type QuitReason } from './quit-sequence'

const here = dirname(fileURLToPath(import.meta.url))
// First of all, before anything reads userData (the single-instance lock, the default data
// folder, stored settings): an unpackaged run never shares the installed app's.
const devUserData = userDataDirFor({
  isPackaged: app.isPackaged,
  appDataDir: app.getPath('appData'),
  productName: 'Dichtbij',
})
if (devUserData) app.setPath('userData', devUserData)
const executable = {
  execPath: process.execPath,
  fileExists: (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true,
}
// A portable app (a `portable` file beside it, on a USB stick) also keeps Electron's own state
// in its data folder, so nothing of it stays behind on the computer it ran on.
const portableDir = portableDataDir(process.env, executable)
if (portableDir) {
  mkdirSync(portableDir, { recursive: true, mode: 0o700 })
  app.setPath('userData', portableDir)
}
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'), executable)
// Files the app creates (database, WAL, key slots, backups) are for this account only; on
// Windows the user profile's own permissions do this.
if (process.platform !== 'win32') process.umask(0o077)
const rendererDir = join(here, '../renderer')
// Only `electron-vite dev` sets this, and only a loopback address is accepted.
const devServerUrl = app.isPackaged
  ? undefined
  : devServerUrlFrom(process.env.ELECTRON_RENDERER_URL)
let vault: Vault | null = null
/** The oefenomgeving beside the real data (workshop mode); closed with the app. */
let workshop: Workshop | null = null
/** Language, window and backup folder of this computer (electron-store, in the data folder). */
let settings: ComputerSettings | null = null

// Must happen before `ready`: Chromium fixes the list of standard and secure schemes at start-up.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

/** Hands an allowed https link to the user's browser; the app itself never shows it. */
function openExternalIfAllowed(url: string): void {
  if (!isAllowedExternalUrl(url, EXTERNAL_LINK_HOSTS)) return
  // Normalised by the URL parser, so the browser gets exactly the URL that was checked.
  const href = new URL(url).href
  void shell.openExternal(href) // eng-disable OPEN_EXTERNAL_JS_CHECK -- only https URLs whose host is exactly on EXTERNAL_LINK_HOSTS (isAllowedExternalUrl, unit tested)
}

/**
 * Applied to every web contents the app creates: no navigation away from the app page (also not
 * by redirect or in a sub frame), no new windows, no <webview>. An external link must be a
 * `target="_blank"` link: the window is still denied, and an https link on the allow-list opens
 * in the user's browser instead.
 */
function hardenWebContents(contents: WebContents): void {
  const allowed = (url: string): boolean =>
    isAllowedNavigation(url, contents.getURL(), devServerUrl)
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault()
  })
  // Also fires for sub frames, which never navigate: the CSP allows no frames, this is the
  // second lock.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !allowed(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url)
    return { action: 'deny' }
  })
}

function createWindow(): void {
  // Where it was closed last time, if that is still on a display; else centred.
  const placement = rememberedPlacement(settings, { width: 1280, height: 860 })
  const options: Electron.BrowserWindowConstructorOptions = {
    ...placement.bounds,
    minWidth: 960,
    minHeight: 640,
    title: 'Dichtbij',
    show: false,
    webPreferences: windowWebPreferences(join(here, '../preload/index.cjs'), app.isPackaged),
  }
  // Electronegativity judges only options written out inside `new BrowserWindow(...)`. Ours come
  // from windowWebPreferences(), whose contextIsolation and sandbox are unit tested, and a middle
  // click (auxclick) cannot open a window past the setWindowOpenHandler in hardenWebContents.
  const win = new BrowserWindow(options) // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- set in windowWebPreferences() and hardenWebContents(), see above
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize()
    win.show()
  })
  rememberPlacementOnClose(win, settings)
  // The window waits hidden for its page; a page that fails must not leave it invisible.
  win.webContents.on(
    'did-fail-load',
    (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
      const message = loadFailureMessage({ errorCode, errorDescription, validatedURL, isMainFrame })
      if (!message) return
      console.error('The app page failed to load', errorCode, errorDescription, validatedURL)
      if (!win.isVisible()) win.show()
      void dialog
        .showMessageBox(win, {
          type: 'error',
          title: message.title,
          message: message.title,
          detail: message.detail,
          buttons: ['Opnieuw proberen', 'Afsluiten'],
          defaultId: 0,
          cancelId: 1,
        })
        .then(({ response }) => {
          if (response === 0) void win.loadURL(devServerUrl ?? APP_INDEX_URL)
          else app.quit()
        })
    },
  )
  // Windows ends the session without will-quit: back up and close within its few seconds.
  win.on('session-end', () => quitCleanly('shutdown'))
  void win.loadURL(devServerUrl ?? APP_INDEX_URL)
}

/** Tells the user in plain Dutch why the app cannot start, instead of silently quitting. */
function startupFailed(err: unknown): void {
  console.error('Dichtbij could not start', err)
  const { title, detail } = startupFailureText(err, { dataDir, isPackaged: app.isPackaged })
  dialog.showErrorBox(title, detail)
  app.exit(1)
}

/**
 * The SQLite addon main loads (see sqliteBindingPath), tried once at start: a missing or
 * mismatched build is reported as what it is, not later as a data folder that cannot be opened.
 */
function loadSqliteAddon(): string {
  const appPath = app.getAppPath()
  let sqliteVersion = 'unknown'
  if (!app.isPackaged) {
    const manifest = join(
      appPath,
      'node_modules',
      'better-sqlite3-multiple-ciphers',
      'package.json',
    )
    sqliteVersion = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  }
  const binding = sqliteBindingPath({
    isPackaged: app.isPackaged,
    env: process.env,
    resourcesPath: process.resourcesPath,
    appPath,
    identity: { electronVersion: process.versions.electron, sqliteVersion, arch: process.arch },
  })
  try {
    new Database(':memory:', { nativeBinding: binding }).close()
  } catch (err) {
    throw new SqliteAddonError(binding, { cause: err })
  }
  return binding
}

async function start(): Promise<void> {
  // Two copies writing one shop's data would trip over each other: bring the first to front.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows()
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  await app.whenReady()
  // The default menu offers reload and DevTools (Ctrl+Shift+I). The installed app keeps only
  // what typing needs: on macOS the edit menu (copy and paste live there), elsewhere nothing.
  if (app.isPackaged)
    Menu.setApplicationMenu(
      process.platform === 'darwin'
        ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }])
        : null,
    )
  const ses = electronSession.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // Nothing leaves the computer: every request but the app's own is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isOwnRequest(details.url, { devServerUrl, devTools: !app.isPackaged }) })
  })
  // Chromium fetches spelling dictionaries from a Google server; the app checks no spelling.
  ses.setSpellCheckerEnabled(false)
  // The app's policy on every response but the dev server's page, which carries its own with the
  // hashes of its inline scripts (cspHeaderFor); app:// responses also set it themselves.
  ses.webRequest.onHeadersReceived((details, callback) => {
    const policy = cspHeaderFor(details.url, devServerUrl)
    callback({
      responseHeaders: policy
        ? { ...details.responseHeaders, 'Content-Security-Policy': [policy] }
        : details.responseHeaders,
    })
  })
  // Small files the page made itself (the call list CSV, the recovery key sheet) are blobs it
  // saves with <a download>: only those, and always through a save dialog, never silently into
  // a folder; anything else is cancelled. Large files (backups, exports) never reach the page:
  // they go by download ticket over the save channel (ipc.ts), copied by main as a stream.
  ses.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL(), devServerUrl)) {
      event.preventDefault()
      return
    }
    item.setSaveDialogOptions({
      title: 'Bestand opslaan',
      defaultPath: join(app.getPath('downloads'), item.getFilename()),
    })
  })
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents))
  // The built renderer, from out/renderer only; see app-protocol.ts for what is refused.
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest(rendererDir, request.url, request.method)
    return new Response(answer.body, { status: answer.status, headers: answer.headers })
  })

  settings = electronComputerSettings(dataDir)
  // The database stays closed (encrypted) until the first login opens it with a key slot.
  vault = await Vault.start({
    dataDir,
    settings,
    clock: systemClock,
    slotParams: PASSWORD_PARAMS,
    appVersion: app.getVersion(),
    nativeBinding: loadSqliteAddon(),
  })
  const nativeBinding = loadSqliteAddon()
  const real = vault
  // The oefenomgeving (workshop mode): its own data folder under the real one, its own key slots.
  workshop = createWorkshop({
    real,
    dataDir,
    clock: systemClock,
    nativeBinding,
    startVault: (dir) =>
      Vault.start({
        dataDir: dir,
        clock: systemClock,
        slotParams: PASSWORD_PARAMS,
        appVersion: app.getVersion(),
        nativeBinding,
      }),
  })
  const router = createRouter({ vault: real, clock: systemClock, workshop })
  clearDownloads = () => router.downloads.clear()
  registerApi(router, hostname(), { devServerUrl })
  // Walking away from a locked or sleeping computer must not leave the data open behind it.
  powerMonitor.on('lock-screen', () => void router.lockAll('os'))
  powerMonitor.on('suspend', () => void router.lockAll('os'))
  // Linux and macOS: will-quit may not come before the system stops the app. preventDefault asks
  // the system to wait (a logind delay lock), bounded by the shutdown time limit.
  powerMonitor.on('shutdown', (event?: { preventDefault?: () => void }) => {
    event?.preventDefault?.()
    quitCleanly('shutdown')
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Closed only when the app really ends: on macOS the app outlives its last window. The day's
// work goes into a backup first, then the key leaves memory with the closed database; both
// within a time limit (quit-sequence.ts), after which the process ends regardless and frees the
// single-instance lock for the next start.
/** Voids every download ticket and empties their temp folder (set once the router exists). */
let clearDownloads: (() => void) | null = null

const quitSequence = createQuitSequence({
  backup: async () => {
    await vault?.backupAtClose()
  },
  close: async () => {
    // Exports waiting to be saved are temp files in the data folder: none outlives the app.
    clearDownloads?.()
    await workshop?.close()
    await vault?.close()
  },
  log: (message, err) => console.error(message, err ?? ''),
})

function quitCleanly(reason: QuitReason): void {
  void quitSequence.run(reason).then((outcome) => {
    vault = null
    app.exit(outcome === 'clean' ? 0 : 1)
  })
}

app.on('will-quit', (event) => {
  if (!vault) return
  event.preventDefault()
  quitCleanly('quit')
})

start().catch(startupFailed)
