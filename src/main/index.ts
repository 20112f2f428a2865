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
import { DatabaseTooNewError } from './db/open'
import { Vault } from './vault/vault'
import { electronComputerSettings } from './computer-settings/electron-store'
import { rememberedPlacement, rememberPlacementOnClose } from './computer-settings/electron-window'
import type { ComputerSettings } from './computer-settings/store'
import { PASSWORD_PARAMS } from './crypto/passwords'
import { systemClock } from './clock'
import { createRouter } from './router'
import { registerApi } from './ipc'
import { resolveDataDir } from './paths'
import {
  APP_INDEX_URL,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_LINK_HOSTS,
  devServerUrlFrom,
  isAllowedExternalUrl,
  isAllowedNavigation,
  windowWebPreferences,
} from './security'
import { APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol'

const here = dirname(fileURLToPath(import.meta.url))
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
// Files the app creates (database, WAL, key slots, backups) are for this account only; on
// Windows the user profile's own permissions do this.
if (process.platform !== 'win32') process.umask(0o077)
const rendererDir = join(here, '../renderer')
// Only `electron-vite dev` sets this, and only a loopback address is accepted.
const devServerUrl = app.isPackaged
  ? undefined
  : devServerUrlFrom(process.env.ELECTRON_RENDERER_URL)
let vault: Vault | null = null
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
  void win.loadURL(devServerUrl ?? APP_INDEX_URL)
}

/** Tells the user in plain Dutch why the app cannot start, instead of silently quitting. */
function startupFailed(err: unknown): void {
  console.error('Dichtbij could not start', err)
  const detail =
    err instanceof DatabaseTooNewError
      ? 'De gegevens zijn gemaakt met een nieuwere versie van Dichtbij. Installeer die versie; deze versie laat de gegevens ongemoeid.'
      : `De gegevensmap kon niet worden geopend: ${dataDir}. Controleer of de map bestaat en of u er mag schrijven.`
  dialog.showErrorBox('Dichtbij kan niet starten', detail)
  app.exit(1)
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
  // Applies to the dev server's responses; the built page carries the same policy in a meta tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
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
    nativeBinding: process.env.DICHTBIJ_SQLITE_BINDING,
  })
  const router = createRouter({ vault, clock: systemClock })
  registerApi(router, hostname(), { devServerUrl })
  // Walking away from a locked or sleeping computer must not leave the data open behind it.
  powerMonitor.on('lock-screen', () => void router.lockAll('os'))
  powerMonitor.on('suspend', () => void router.lockAll('os'))
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Closed only when the app really ends: on macOS the app outlives its last window. The day's
// work goes into a backup first, then the key leaves memory with the closed database.
let closing = false
app.on('will-quit', (event) => {
  if (closing || !vault) return
  closing = true
  event.preventDefault()
  const open = vault
  void open
    .backupAtClose()
    .catch((err: unknown) => console.error('Backup at close failed', err))
    .finally(() => {
      void open.close().finally(() => {
        vault = null
        app.quit()
      })
    })
})

start().catch(startupFailed)
