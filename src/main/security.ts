/**
 * Security decisions of the main process as plain functions, so they are unit tested without
 * Electron. `index.ts` and `ipc.ts` only wire them up.
 */

/** The origin the renderer is loaded from in a packaged or built app. */
export const APP_FILE_PROTOCOL = 'file:'

/** Options for the one BrowserWindow. Nothing here is weakened for tests. */
export function windowWebPreferences(
  preloadPath: string,
  packaged = true,
): {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  experimentalFeatures: false
  webviewTag: false
  spellcheck: false
  navigateOnDragDrop: false
  /** Off in the installed app: DevTools would let anyone at the shop PC call the API by hand. */
  devTools: boolean
} {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    devTools: !packaged,
  }
}

/**
 * Is this IPC sender the app's own page? It must be the main frame and its URL must be the
 * renderer's index.html (built app) or the dev server's origin (`npm run dev`).
 */
export function isTrustedSender(
  frame: { url: string; isMainFrame: boolean } | null | undefined,
  allowed: { indexFileUrl: string; devServerUrl?: string },
): boolean {
  if (!frame || !frame.isMainFrame) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  if (allowed.devServerUrl) {
    const dev = new URL(allowed.devServerUrl)
    if (url.origin === dev.origin) return true
  }
  const index = new URL(allowed.indexFileUrl)
  return url.protocol === index.protocol && url.pathname === index.pathname && url.host === ''
}

/** The dev server URL, if it is a loopback http address; anything else is ignored. */
export function devServerUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return url.protocol === 'http:' && loopback ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** Navigation away from the app is never allowed; only a reload of the same page is. */
export function isAllowedNavigation(target: string, current: string): boolean {
  try {
    const t = new URL(target)
    const c = new URL(current)
    return t.origin === c.origin && t.pathname === c.pathname && t.protocol === c.protocol
  } catch {
    return false
  }
}

/** The Content-Security-Policy of every page the app serves. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Mantine sets style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')
