import { createHash } from 'node:crypto'

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

/**
 * The Content-Security-Policy of the app's page. Without `dev` it is the policy of the built app,
 * served by app-protocol.ts as a header and by the page's meta tag. `npm run dev` (electron-vite's
 * dev server) needs one thing more: the exact inline scripts the dev server
 * writes into the page (React's fast-refresh preamble), allowed one by one by their hash, never
 * with 'unsafe-inline'. (Its hot-reload websocket is on the page's own host and port, which
 * 'self' covers.)
 */
export function contentSecurityPolicy(dev?: { scriptHashes: readonly string[] }): string {
  const scripts = ["'self'", ...(dev?.scriptHashes ?? []).map((hash) => `'${hash}'`)]
  return [
    "default-src 'none'",
    `script-src ${scripts.join(' ')}`,
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
}

/** The Content-Security-Policy of every page the built app serves. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy()

/**
 * The same policy as a `<meta http-equiv>` tag can carry it: browsers ignore (and warn about)
 * `frame-ancestors` there, so it is left out; the header keeps it.
 */
export function metaContentSecurityPolicy(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
}

/** A CSP hash source for one inline script, over its exact text: `sha256-<base64>`. */
export function inlineScriptHash(code: string): string {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`
}

/**
 * The CSP header main adds to a response it did not serve itself. The dev server's page carries
 * its own policy in its meta tag, with the hashes of the inline scripts the dev server wrote
 * (electron-vite.config.ts computes them): a stricter header on top would block React's
 * preamble and leave `npm run dev` with a blank window. Everything else gets the app's policy.
 */
export function cspHeaderFor(url: string, devServerUrl?: string): string | null {
  const parsed = parseUrl(url)
  if (devServerUrl && parsed && parsed.protocol === 'http:' && isAppOrigin(parsed, devServerUrl))
    return null
  return CONTENT_SECURITY_POLICY
}

/**
 * May the page save this download? Only files the app's own page made (a CSV, PDF or backup it
 * turned into a `blob:` URL on its own origin); anything else, such as a link to elsewhere, is
 * cancelled. An allowed file is never written silently: main asks where with a save dialog.
 */
export function isAllowedDownload(url: string, devServerUrl?: string): boolean {
  const parsed = parseUrl(url)
  if (!parsed || parsed.protocol !== 'blob:') return false
  // A blob URL's path is the URL of the page that made it: blob:app://dichtbij/<uuid>.
  const creator = parseUrl(parsed.pathname)
  return creator !== null && isAppOrigin(creator, devServerUrl)
}

/** Chromium's net::ERR_ABORTED: a load replaced by another (a reload, an in-page move). */
const ERR_ABORTED = -3

/**
 * What the user is told when the app's page did not load, or null when nothing is wrong for them
 * (a sub frame, or a load that was only replaced by another). Without this the window, which
 * waits for `ready-to-show`, would stay invisible while the process runs on.
 */
export function loadFailureMessage(failure: {
  errorCode: number
  errorDescription: string
  validatedURL: string
  isMainFrame: boolean
}): { title: string; detail: string } | null {
  if (!failure.isMainFrame || failure.errorCode === ERR_ABORTED) return null
  return {
    title: 'Dichtbij kan het scherm niet laden',
    detail:
      `Het scherm van Dichtbij kon niet worden geladen (${failure.errorDescription || 'onbekende fout'}, ` +
      `code ${failure.errorCode}). Kies Opnieuw proberen; helpt dat niet, installeer Dichtbij dan opnieuw. ` +
      'Uw gegevens blijven bewaard.',
  }
}
