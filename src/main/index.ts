import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { hostname } from 'node:os'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  powerMonitor,
  session as electronSession,
} from 'electron'
import { openDatabase, DB_FILE_NAME, DatabaseTooNewError, type OpenDatabase } from './db/open'
import { systemClock } from './clock'
import { createRouter } from './router'
import { registerApi } from './ipc'
import { backupDirOf, resolveDataDir } from './paths'
import {
  CONTENT_SECURITY_POLICY,
  devServerUrlFrom,
  isAllowedNavigation,
  windowWebPreferences,
} from './security'

const here = dirname(fileURLToPath(import.meta.url))
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
const indexFile = join(here, '../renderer/index.html')
const indexFileUrl = pathToFileURL(indexFile).toString()
// Only `electron-vite dev` sets this, and only a loopback address is accepted.
const devServerUrl = app.isPackaged
  ? undefined
  : devServerUrlFrom(process.env.ELECTRON_RENDERER_URL)
let database: OpenDatabase | null = null

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Dichtbij',
    show: false,
    webPreferences: windowWebPreferences(join(here, '../preload/index.cjs'), app.isPackaged),
  })
  win.once('ready-to-show', () => win.show())
  const guard = (event: Electron.Event, url: string): void => {
    if (!isAllowedNavigation(url, win.webContents.getURL())) event.preventDefault()
  }
  win.webContents.on('will-navigate', guard)
  win.webContents.on('will-redirect', guard)
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(indexFile)
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
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  database = await openDatabase({
    file: join(dataDir, DB_FILE_NAME),
    backupDir: backupDirOf(dataDir),
    nativeBinding: process.env.DICHTBIJ_SQLITE_BINDING,
  })
  const router = createRouter({ db: database.db, clock: systemClock })
  registerApi(router, hostname(), { indexFileUrl, devServerUrl })
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

// Closed only when the app really ends: on macOS the app outlives its last window.
app.on('will-quit', () => {
  void database?.close()
  database = null
})

start().catch(startupFailed)
