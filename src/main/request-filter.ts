import { isAppOrigin } from './security'

/**
 * Dichtbij makes no request outside itself: main cancels every request of the app's session
 * that `isOwnRequest` does not accept (index.ts wires it to `session.webRequest`). A plain
 * function, so it is unit tested without Electron.
 */

function parse(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

/**
 * May the app's session load this URL? Only:
 * - the app's own files, `app://dichtbij/...` (no other host, no user name or password);
 * - `data:` URLs: their content is in the URL itself (Mantine's inline images, fonts);
 * - `blob:` URLs the app's own page made (files it saves, such as a CSV or a PDF);
 * - in an unpackaged run (`npm run dev`), the loopback dev server that `devServerUrlFrom`
 *   accepted, for its files and for its hot-reload websocket on the same host and port, and
 *   the built-in DevTools (`devtools:`), which the installed app does not have.
 * Everything else is refused: http and https anywhere, also on this computer, `file:`, other
 * schemes and anything that does not parse.
 */
export function isOwnRequest(
  url: string,
  allowed: { devServerUrl?: string; devTools?: boolean } = {},
): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  switch (parsed.protocol) {
    case 'app:':
      return isAppOrigin(parsed)
    case 'data:':
      return true
    case 'blob:': {
      // A blob URL's path is the origin of the page that made it: blob:app://dichtbij/<uuid>.
      const creator = parse(parsed.pathname)
      return creator !== null && isAppOrigin(creator, allowed.devServerUrl)
    }
    case 'devtools:':
      return allowed.devTools === true
    case 'http:':
      return allowed.devServerUrl !== undefined && isAppOrigin(parsed, allowed.devServerUrl)
    case 'ws:': {
      if (!allowed.devServerUrl || parsed.username !== '' || parsed.password !== '') return false
      const server = parse(allowed.devServerUrl)
      return server !== null && server.host === parsed.host
    }
    default:
      return false
  }
}
