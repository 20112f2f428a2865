/**
 * Security decisions of the main process as plain functions, so they are unit tested without
 * Electron. `index.ts` and `ipc.ts` only wire them up.
 */

/**
 * The built renderer is served from this fixed origin by our own protocol handler
 * (`app-protocol.ts`), not from `file://`: a file URL would give every local file the same
 * origin as the app, and `file://` pages cannot be told apart by origin in the sender check.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'dichtbij'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * Is this URL on the app's own origin: `app://dichtbij` in a built app, or the loopback dev
 * server when one was accepted by `devServerUrlFrom`? WHATWG URL gives non-special schemes such
 * as `app:` the opaque origin "null", so scheme, host and port are compared one by one.
 */
export function isAppOrigin(url: URL, devServerUrl?: string): boolean {
  if (url.username !== '' || url.password !== '') return false
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST
  if (!devServerUrl) return false
  try {
    return url.origin === new URL(devServerUrl).origin
  } catch {
    return false
  }
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

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
 * Is this IPC sender the app's own page? It must be the top-level frame of its window (a sub
 * frame could hold other content) and its URL must be on the app origin, or on the dev server's
 * origin during `npm run dev`. `file:`, other hosts and other schemes are refused.
 */
export function isTrustedSender(
  frame: { url: string; isMainFrame: boolean } | null | undefined,
  allowed: { devServerUrl?: string },
): boolean {
  if (!frame || !frame.isMainFrame) return false
  const url = parseUrl(frame.url)
  return url !== null && isAppOrigin(url, allowed.devServerUrl)
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string
  readonly parent: unknown
  readonly detached?: boolean
  readonly processId?: number
  readonly routingId?: number
}

/** The same frame: the same object, or (should Electron hand out a new wrapper) the same ids. */
function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true
  return (
    a.processId !== undefined &&
    a.routingId !== undefined &&
    a.processId === b.processId &&
    a.routingId === b.routingId
  )
}

/**
 * What `isTrustedSender` needs to know about an IPC event's `senderFrame`. Only the top-level
 * frame of the calling window counts (the very object that is its `mainFrame`, with no parent),
 * never an iframe inside it. A detached frame, a page still running unload handlers while the
 * next one replaces it, may report the new page's URL, so it does not count either.
 */
export function senderFrameInfo(
  frame: FrameLike | null | undefined,
  mainFrame: FrameLike | null | undefined,
): { url: string; isMainFrame: boolean } | null {
  if (!frame) return null
  const isMainFrame =
    !!mainFrame && sameFrame(frame, mainFrame) && frame.parent === null && frame.detached !== true
  return { url: frame.url, isMainFrame }
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

/**
 * Navigation away from the app is never allowed. A change of the `#/route` part is in-page (no
 * navigation event fires for it); a navigation event for the same page, differing at most in its
 * hash, is a reload and allowed. Everything else, also other paths on the app origin, is refused.
 */
export function isAllowedNavigation(
  target: string,
  current: string,
  devServerUrl?: string,
): boolean {
  const t = parseUrl(target)
  const c = parseUrl(current)
  if (!t || !c || !isAppOrigin(t, devServerUrl) || !isAppOrigin(c, devServerUrl)) return false
  return (
    t.protocol === c.protocol &&
    t.host === c.host &&
    t.pathname === c.pathname &&
    t.search === c.search
  )
}

/**
 * Links the app may hand to the user's browser with `shell.openExternal`. Empty: no screen links
 * out yet. Add an exact host name only together with the screen that needs it.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = []

/**
 * May this URL be opened in the user's browser? Only `https:` on the default port, no user name
 * or password in the URL (they can disguise the real host), and a host name exactly on the
 * allow-list: no sub-domain or look-alike matching.
 */
export function isAllowedExternalUrl(value: string, allowList: readonly string[]): boolean {
  const url = parseUrl(value)
  if (!url || url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '' || url.port !== '') return false
  return allowList.some((host) => host.toLowerCase() === url.hostname)
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
