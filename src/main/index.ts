import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, session as electronSession, shell } from 'electron'
import { openDatabase, DB_FILE_NAME, type OpenDatabase } from './db/open'
import { systemClock } from './clock'
import { createRouter } from './router'
import { LOCAL_ADMIN } from './services/context'
import { registerApi } from './ipc'
import { backupDirOf, resolveDataDir } from './paths'
import { CONTENT_SECURITY_POLICY, isAllowedNavigation, windowWebPreferences } from './security'

const here = dirname(fileURLToPath(import.meta.url))
const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
const indexFile = join(here, '../renderer/index.html')
const indexFileUrl = pathToFileURL(indexFile).toString()
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
let database: OpenDatabase | null = null

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    title: 'Dichtbij',
    show: false,
    webPreferences: windowWebPreferences(join(here, '../preload/index.cjs')),
  })
  win.once('ready-to-show', () => win.show())
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, win.webContents.getURL())) event.preventDefault()
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(indexFile)
}

async function start(): Promise<void> {
  await app.whenReady()
  const ses = electronSession.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
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
  void shell // external links are not opened in this version

  database = await openDatabase({
    file: join(dataDir, DB_FILE_NAME),
    backupDir: backupDirOf(dataDir),
    nativeBinding: process.env.DICHTBIJ_SQLITE_BINDING,
  })
  const router = createRouter({ db: database.db, clock: systemClock })
  registerApi(router, () => LOCAL_ADMIN, { indexFileUrl, devServerUrl })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
}

app.on('window-all-closed', () => {
  void database?.close()
  if (process.platform !== 'darwin') app.quit()
})

start().catch((err) => {
  console.error('Dichtbij could not start', err)
  app.exit(1)
})
