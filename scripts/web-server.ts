import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { hostname } from 'node:os'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Router } from '../src/main/router'
import type { Caller } from '../src/main/services/auth'
import { CONTENT_SECURITY_POLICY } from '../src/main/security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}
// A restore sends a whole backup file (base64); nothing else comes near this.
export const MAX_BODY = 300_000_000

/** The response header that hands a tab its session after logging in (empty after logging out). */
export const SESSION_HEADER = 'X-Dichtbij-Session'

export interface WebServer {
  server: Server
  url: string
  close(): Promise<void>
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, maxBody: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  // Past the limit the rest is read and dropped, so the client still gets its 413 answer.
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= maxBody) chunks.push(chunk as Buffer)
  }
  if (size > maxBody) throw new BodyTooLarge()
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The browser bridge: the built renderer plus `POST /api` into the same router the IPC handler
 * uses, on 127.0.0.1 only. There is no shared secret: a tab gets its session token from
 * `auth.login` (in a response header) and sends it back as a bearer token, so the bridge asks
 * for the same login as the app.
 */
export async function startWebServer(options: {
  router: Router
  rendererDir: string
  port?: number
  /** Largest request body in bytes (default MAX_BODY). */
  maxBody?: number
}): Promise<WebServer> {
  const workstation = `${hostname()} (browser)`
  const root = resolve(options.rendererDir)
  let port = 0

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type: string,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, {
      ...extra,
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    })
    res.end(body)
  }

  const server = createServer((req, res) => {
    void (async () => {
      // Refuse other host names, so a web page cannot reach the bridge by DNS rebinding.
      const host = req.headers.host ?? ''
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
        return send(res, 421, 'Misdirected request', 'text/plain')
      const url = new URL(req.url ?? '/', `http://${host}`)
      if (url.pathname === '/api') {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain')
        // A page from elsewhere may not call in; the app's own page sends its own origin.
        const origin = req.headers.origin
        if (origin !== undefined && origin !== `http://${host}`)
          return send(res, 403, 'Forbidden', 'text/plain')
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return send(res, 415, 'Unsupported media type', 'text/plain')
        const auth = req.headers.authorization ?? ''
        const given = auth.startsWith('Bearer ') ? auth.slice(7) : ''
        let payload: { method?: unknown; input?: unknown }
        try {
          payload = JSON.parse(await readBody(req, options.maxBody ?? MAX_BODY)) as typeof payload
        } catch (err) {
          if (err instanceof BodyTooLarge) return send(res, 413, 'Payload too large', 'text/plain')
          return send(res, 400, 'Bad request', 'text/plain')
        }
        const caller: Caller = { sessionId: given || null, workstation }
        const result = await options.router.call(caller, String(payload.method), payload.input)
        const extra: Record<string, string> =
          caller.sessionId !== (given || null) ? { [SESSION_HEADER]: caller.sessionId ?? '' } : {}
        return send(res, 200, JSON.stringify(result), 'application/json', extra)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed', 'text/plain')
      const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1))
      const file = normalize(join(root, rel))
      if (file !== root && !file.startsWith(root + sep))
        return send(res, 404, 'Not found', 'text/plain')
      try {
        const body = await readFile(file)
        return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream')
      } catch {
        return send(res, 404, 'Not found', 'text/plain')
      }
    })().catch(() => send(res, 500, 'Internal error', 'text/plain'))
  })

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => ok())
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : 0
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}
