import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security'

/**
 * The `app://dichtbij/` protocol: serves the built renderer (out/renderer) and nothing else.
 * The decisions are plain functions here so they are unit tested without Electron; `index.ts`
 * only registers the scheme and turns `serveAppRequest`'s answer into a `Response`.
 */

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`. `standard` gives the scheme a real
 * origin (relative URLs, storage, same-origin module scripts), `secure` makes it a secure
 * context like https, `supportFetchAPI` lets the page fetch its own files. `corsEnabled` stays
 * off on purpose: it would let other origins read app files. No `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const

/** Content types of what electron-vite emits for the renderer; anything else is not served. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
}

export type AppRequestTarget =
  { ok: true; segments: string[]; mimeType: string } | { ok: false; status: 400 | 403 | 404 | 405 }

/**
 * A path segment we are willing to look up on disk. Decoding happens before this check, so
 * `%2e%2e` and `%2f` cannot smuggle in `..` or an extra level. Backslashes and colons are
 * refused because Windows reads them as separators, drive letters or alternate data streams;
 * dot files and trailing dots or spaces (which Windows silently drops) are never renderer output.
 */
function isSafeSegment(segment: string): boolean {
  if (segment === '' || segment.startsWith('.')) return false
  if (/[\\/:\0]/.test(segment)) return false
  return !/[. ]$/.test(segment)
}

/**
 * Maps a request on the app scheme to a file below the renderer folder, without touching the
 * disk. Only GET and HEAD on `app://dichtbij` (no port, no user name) are answered; `/` means
 * `index.html`; a path that could leave the folder is refused with 403; an unknown file type
 * is 404.
 */
export function resolveAppRequest(requestUrl: string, method = 'GET'): AppRequestTarget {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 }
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400 }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 }
  if (url.username !== '' || url.password !== '') return { ok: false, status: 403 }
  const rawPath = url.pathname === '/' ? '/index.html' : url.pathname
  let segments: string[]
  try {
    segments = rawPath.slice(1).split('/').map(decodeURIComponent)
  } catch {
    // Broken percent-encoding, such as a lone `%`.
    return { ok: false, status: 400 }
  }
  if (!segments.every(isSafeSegment)) return { ok: false, status: 403 }
  const mimeType = MIME_TYPES[extname(segments[segments.length - 1]).toLowerCase()]
  if (!mimeType) return { ok: false, status: 404 }
  return { ok: true, segments, mimeType }
}

/**
 * The file for these segments, or null when the joined path would not be inside `rootDir`.
 * A second line of defence behind `isSafeSegment`: the check is on the final path.
 */
export function fileInRoot(rootDir: string, segments: readonly string[]): string | null {
  const root = resolve(rootDir)
  const file = resolve(join(root, ...segments))
  const rel = relative(root, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}

export interface AppResponse {
  status: number
  headers: Record<string, string>
  /** A copy in a plain ArrayBuffer, as the web `Response` wants (a Buffer may share a pool). */
  body: Uint8Array<ArrayBuffer> | null
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
}

function errorResponse(status: number): AppResponse {
  return {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
    body: new TextEncoder().encode(STATUS_TEXT[status] ?? 'Error'),
  }
}

/**
 * The complete answer to one app-scheme request. Every response carries the app's CSP (as a
 * header it also covers `frame-ancestors`, which the `<meta>` tag cannot) and `nosniff`, so a
 * file is only ever used as the type we name. A missing file or a folder is 404.
 */
export async function serveAppRequest(
  rootDir: string,
  requestUrl: string,
  method = 'GET',
): Promise<AppResponse> {
  const target = resolveAppRequest(requestUrl, method)
  if (!target.ok) return errorResponse(target.status)
  const file = fileInRoot(rootDir, target.segments)
  if (!file) return errorResponse(403)
  let body: Buffer
  try {
    body = await readFile(file)
  } catch {
    // ENOENT, EISDIR and the like: to the page they are all "not there".
    return errorResponse(404)
  }
  return {
    status: 200,
    headers: {
      'Content-Type': target.mimeType,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
    body: method === 'HEAD' ? null : new Uint8Array(body),
  }
}
