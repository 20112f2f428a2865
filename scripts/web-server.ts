import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Router } from '../src/main/router'
import { LOCAL_ADMIN } from '../src/main/services/context'
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
const MAX_BODY = 1_000_000

export interface WebServer {
  server: Server
  url: string
  token: string
  close(): Promise<void>
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  // Past the limit the rest is read and dropped, so the client still gets its 413 answer.
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= MAX_BODY) chunks.push(chunk as Buffer)
  }
  if (size > MAX_BODY) throw new BodyTooLarge()
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The browser bridge: the built renderer plus `POST /api` into the same router the IPC handler
 * uses, on 127.0.0.1 only, behind a random token that is new every run.
 */
export async function startWebServer(options: {
  router: Router
  rendererDir: string
  port?: number
  token?: string
}): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const root = resolve(options.rendererDir)
  let port = 0

  const send = (res: ServerResponse, status: number, body: string | Buffer, type: string): void => {
    res.writeHead(status, {
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
        const auth = req.headers.authorization ?? ''
        const given = auth.startsWith('Bearer ') ? auth.slice(7) : ''
        if (!sameToken(given, token)) return send(res, 401, 'Unauthorized', 'text/plain')
        let payload: { method?: unknown; input?: unknown }
        try {
          payload = JSON.parse(await readBody(req)) as typeof payload
        } catch (err) {
          if (err instanceof BodyTooLarge) return send(res, 413, 'Payload too large', 'text/plain')
          return send(res, 400, 'Bad request', 'text/plain')
        }
        const result = await options.router.call(LOCAL_ADMIN, String(payload.method), payload.input)
        return send(res, 200, JSON.stringify(result), 'application/json')
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
    token,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}
