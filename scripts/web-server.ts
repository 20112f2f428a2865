import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { hostname } from 'node:os'
import { open, readFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Router } from '../src/main/router'
import type { Caller } from '../src/main/domains/accounts/auth'
import { CONTENT_SECURITY_POLICY } from '../src/main/security'
import { MAX_BACKUP_BYTES } from '../src/shared/schemas/backup'
import { MalformedBytesTag, tagBytes, untagBytes } from '../src/shared/tagged-bytes'
import { TICKET_PATTERN, type TakenDownload } from '../src/main/downloads/tickets'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}
/**
 * Ordinary calls. The largest is the organisation with its logo (a data URL of at most 400,000
 * characters, see `logoDataUrl`); everything else is a few kilobytes. Five times the logo leaves
 * room, and keeps `JSON.parse` far from the sizes where V8 gives up and ends the process.
 */
export const MAX_BODY = 2_000_000
/** A restore upload: the backup file's own bytes, as many as main takes (`backupSource`). */
export const MAX_UPLOAD = MAX_BACKUP_BYTES
/** No call of this app nests deeper than a handful of levels; deeper JSON is refused unparsed. */
export const MAX_DEPTH = 32

/** The response header that hands a tab its session after logging in (empty after logging out). */
export const SESSION_HEADER = 'X-Dichtbij-Session'

/**
 * A restore from a file the user picked comes here: the file's bytes are the raw body, never
 * parsed as JSON; the rest of the call (method and input without the bytes) is JSON in
 * `CALL_HEADER`, URI-encoded because a header carries no UTF-8 (a file name may have accents).
 */
export const UPLOAD_PATH = '/api/upload'
export const CALL_HEADER = 'X-Dichtbij-Call'
const UPLOAD_METHODS: readonly string[] = ['backup.restore', 'setup.restore']

/**
 * A file main made (a backup, a PDF, a CSV) is fetched here by its download ticket, with a GET
 * the page starts from an anchor: a real browser download, streamed from the file, never JSON.
 */
export const DOWNLOAD_PATH = '/api/download/'

/** `filename` for Content-Disposition: a plain ASCII fallback and the exact name in UTF-8. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export interface WebServer {
  server: Server
  url: string
  close(): Promise<void>
}

class BodyTooLarge extends Error {}

/** Reads and drops a body the bridge will not use, so the client still gets its answer. */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((ok) => {
    if (req.readableEnded || req.destroyed) return ok()
    req.once('end', ok)
    req.once('close', ok)
    req.once('error', () => ok())
    req.resume()
  })
}

async function readBody(req: IncomingMessage, maxBody: number): Promise<Buffer> {
  // A declared length over the limit is refused without keeping a byte of it.
  if (Number(req.headers['content-length']) > maxBody) {
    await drain(req)
    throw new BodyTooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  // Past the limit the rest is read and dropped, so the client still gets its 413 answer.
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= maxBody) chunks.push(chunk as Buffer)
    else chunks.length = 0
  }
  if (size > maxBody) throw new BodyTooLarge()
  return Buffer.concat(chunks)
}

/**
 * Whether JSON text nests arrays and objects deeper than `max`, found by one pass over the text
 * (brackets inside strings do not count), before anything is built from it.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // a backslash: the next character is escaped
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

type Call = { method: string; input: unknown }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A call as JSON text: an object with a method name. Anything else (also `null`) is null. */
function parseCall(text: string): Call | null {
  if (nestsDeeperThan(text, MAX_DEPTH)) return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(value) || typeof value.method !== 'string') return null
  return { method: value.method, input: value.input }
}

/** An answer in the API's own shape, so the page can show it as any other refusal. */
function refusal(code: 'VALIDATION' | 'CONFLICT', key: string): string {
  return JSON.stringify({ ok: false, error: { code, key } })
}

/** Bytes in JSON: main's files go out as `{ "$bytes": "<base64>" }` (see shared/tagged-bytes). */
const toBase64 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64')
const fromBase64 = (text: string): Uint8Array => {
  const b = Buffer.from(text, 'base64')
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
}

/** A result as JSON text, with every Uint8Array in it in its tagged text form. */
export function resultJson(result: unknown): string {
  return JSON.stringify(tagBytes(result, toBase64))
}

/**
 * A call's input with its tagged bytes as Uint8Arrays, or a refusal at the field when a tag is
 * malformed: what the page sends is not trusted, and a bad tag is its mistake (VALIDATION), not
 * a fault in main.
 */
export function decodeInput(input: unknown): { input: unknown } | { refusal: string } {
  try {
    return { input: untagBytes(input, fromBase64) }
  } catch (err) {
    if (!(err instanceof MalformedBytesTag)) throw err
    return {
      refusal: JSON.stringify({
        ok: false,
        error: {
          code: 'VALIDATION',
          key: 'validation',
          fields: [{ path: err.path, key: 'invalidType' }],
        },
      }),
    }
  }
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
  /** Largest body of an ordinary call in bytes (default MAX_BODY). */
  maxBody?: number
  /** Largest restore upload in bytes (default MAX_UPLOAD). */
  maxUpload?: number
  /**
   * Whether `setup.restore` (a restore without a login) is open now: only on an empty or
   * damaged installation. Main decides, this only spares the bridge reading a large upload
   * that main will refuse anyway. Without it every upload is read and main decides.
   */
  restoreWithoutLoginOpen?: () => boolean
}): Promise<WebServer> {
  const workstation = `${hostname()} (browser)`
  const root = resolve(options.rendererDir)
  const maxBody = options.maxBody ?? MAX_BODY
  const maxUpload = options.maxUpload ?? MAX_UPLOAD
  let port = 0
  // One upload in memory at a time: a few concurrent ones would otherwise fill it.
  let uploading = false

  /**
   * Answers once the request's body is all in (read, or read and dropped): an answer before it
   * would let the connection break under a client still sending, which then sees no answer.
   */
  const send = async (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type: string,
    extra: Record<string, string> = {},
  ): Promise<void> => {
    await drain(res.req)
    if (res.socket?.destroyed) return
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
  const tooLarge = (res: ServerResponse): Promise<void> =>
    send(res, 413, refusal('VALIDATION', 'requestTooLarge'), 'application/json')

  /** Hands the call to the router and answers with its result (and a new session, if any). */
  const answer = async (
    res: ServerResponse,
    caller: Caller,
    call: Call,
    given: string | null,
  ): Promise<void> => {
    const result = await options.router.call(caller, call.method, call.input)
    const extra: Record<string, string> =
      caller.sessionId !== given ? { [SESSION_HEADER]: caller.sessionId ?? '' } : {}
    await send(res, 200, resultJson(result), 'application/json', extra)
  }

  const api = async (req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void> => {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, 'Unsupported media type', 'text/plain')
    let text: string
    try {
      text = (await readBody(req, maxBody)).toString('utf8')
    } catch (err) {
      if (err instanceof BodyTooLarge) return tooLarge(res)
      return send(res, 400, 'Bad request', 'text/plain')
    }
    const call = parseCall(text)
    if (!call) return send(res, 400, 'Bad request', 'text/plain')
    const decoded = decodeInput(call.input)
    if ('refusal' in decoded) return send(res, 200, decoded.refusal, 'application/json')
    return answer(res, caller, { method: call.method, input: decoded.input }, caller.sessionId)
  }

  /**
   * Streams a download ticket's file. An anchor's GET carries no bearer token, so the ticket is
   * the proof here: 256 random bits, used once, minutes long, and only while the session that
   * made it is logged in and unlocked. A tab that does send its token must be that session.
   */
  const download = async (
    req: IncomingMessage,
    res: ServerResponse,
    ticket: string,
    given: string,
  ): Promise<void> => {
    if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain')
    // A download starts from the app's own page (same-origin) or the address bar (none).
    const site = req.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return send(res, 403, 'Forbidden', 'text/plain')
    const owner =
      given || (TICKET_PATTERN.test(ticket) ? options.router.downloads.sessionOf(ticket) : null)
    const file: TakenDownload | null = owner
      ? await options.router.takeDownload({ sessionId: owner, workstation }, ticket)
      : null
    if (!file) return send(res, 404, 'Not found', 'text/plain')
    try {
      const handle = await open(file.path, 'r')
      try {
        const { size } = await handle.stat()
        await drain(req)
        res.writeHead(200, {
          'Content-Type': file.mime,
          'Content-Length': String(size),
          'Content-Disposition': contentDisposition(file.filename),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cache-Control': 'no-store',
        })
        // A chunk at a time, with back-pressure: a backup of any size never sits in memory.
        await pipeline(handle.createReadStream({ autoClose: false }), res)
      } finally {
        await handle.close()
      }
    } catch {
      if (!res.headersSent) return send(res, 404, 'Not found', 'text/plain')
      res.destroy()
    } finally {
      file.release()
    }
  }

  const upload = async (
    req: IncomingMessage,
    res: ServerResponse,
    caller: Caller,
  ): Promise<void> => {
    const given = caller.sessionId
    if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream'))
      return send(res, 415, 'Unsupported media type', 'text/plain')
    let call: Call | null
    try {
      call = parseCall(decodeURIComponent(String(req.headers[CALL_HEADER.toLowerCase()] ?? '')))
    } catch {
      call = null
    }
    const input = call && isRecord(call.input) ? call.input : null
    const source = input && isRecord(input.source) ? input.source : null
    if (!call || !UPLOAD_METHODS.includes(call.method) || !input || source?.kind !== 'upload')
      return send(res, 400, 'Bad request', 'text/plain')
    if (Number(req.headers['content-length']) > maxUpload) return tooLarge(res)
    // Whatever the header says about the bytes, they are the body's: the header's are dropped.
    const { bytes: _ignored, ...described } = source
    const withBytes = (bytes?: Uint8Array): Call => ({
      method: call.method,
      input: { ...input, source: bytes ? { ...described, bytes } : described },
    })
    // Before a byte is kept: would main take this call at all? Without the bytes it answers with
    // the same refusal it would give with them (no login, another role, a locked screen, a
    // missing password); only the missing bytes themselves let the upload through.
    if (call.method === 'setup.restore' && options.restoreWithoutLoginOpen?.() === false)
      return send(
        res,
        200,
        JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', key: 'restoreNeedsLogin' } }),
        'application/json',
      )
    const check = await options.router.call(caller, call.method, withBytes().input)
    const onlyBytesMissing =
      !check.ok &&
      check.error.code === 'VALIDATION' &&
      (check.error.fields ?? []).length > 0 &&
      (check.error.fields ?? []).every((f) => f.path === 'source.bytes')
    if (!onlyBytesMissing) {
      // The bytes were only left out here: their absence is not the caller's mistake.
      const result =
        !check.ok && check.error.fields
          ? {
              ...check,
              error: {
                ...check.error,
                fields: check.error.fields.filter((f) => f.path !== 'source.bytes'),
              },
            }
          : check
      const extra: Record<string, string> =
        caller.sessionId !== given ? { [SESSION_HEADER]: caller.sessionId ?? '' } : {}
      return send(res, 200, resultJson(result), 'application/json', extra)
    }
    if (uploading)
      return send(res, 503, refusal('CONFLICT', 'uploadBusy'), 'application/json', {
        'Retry-After': '10',
      })
    uploading = true
    try {
      let body: Buffer
      try {
        // The raw bytes go to main as they are, the way IPC hands them over: no text form.
        body = await readBody(req, maxUpload)
      } catch (err) {
        if (err instanceof BodyTooLarge) return tooLarge(res)
        return send(res, 400, 'Bad request', 'text/plain')
      }
      const bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
      return await answer(res, caller, withBytes(bytes), given)
    } finally {
      uploading = false
    }
  }

  const server = createServer((req, res) => {
    // A client that goes away mid-answer is no reason to stop the server.
    res.on('error', () => undefined)
    req.on('error', () => undefined)
    void (async () => {
      // Refuse other host names, so a web page cannot reach the bridge by DNS rebinding.
      const host = req.headers.host ?? ''
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
        return send(res, 421, 'Misdirected request', 'text/plain')
      let url: URL
      try {
        url = new URL(req.url ?? '/', `http://${host}`)
      } catch {
        return send(res, 400, 'Bad request', 'text/plain')
      }
      if (url.pathname.startsWith(DOWNLOAD_PATH)) {
        const origin = req.headers.origin
        if (origin !== undefined && origin !== `http://${host}`)
          return send(res, 403, 'Forbidden', 'text/plain')
        const auth = req.headers.authorization ?? ''
        // The raw path: a ticket is plain base64url, so an escape or a slash in it is no ticket.
        const ticket = url.pathname.slice(DOWNLOAD_PATH.length)
        if (!TICKET_PATTERN.test(ticket)) {
          if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain')
          return send(res, 404, 'Not found', 'text/plain')
        }
        return download(req, res, ticket, auth.startsWith('Bearer ') ? auth.slice(7) : '')
      }
      if (url.pathname === '/api' || url.pathname === UPLOAD_PATH) {
        if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain')
        // A page from elsewhere may not call in; the app's own page sends its own origin.
        const origin = req.headers.origin
        if (origin !== undefined && origin !== `http://${host}`)
          return send(res, 403, 'Forbidden', 'text/plain')
        const auth = req.headers.authorization ?? ''
        const given = auth.startsWith('Bearer ') ? auth.slice(7) : ''
        const caller: Caller = { sessionId: given || null, workstation }
        return url.pathname === '/api' ? api(req, res, caller) : upload(req, res, caller)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed', 'text/plain')
      let rel: string
      try {
        rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1))
      } catch {
        // A broken escape such as `/%E0%A4%A` names no file.
        return send(res, 400, 'Bad request', 'text/plain')
      }
      const file = normalize(join(root, rel))
      if (file !== root && !file.startsWith(root + sep))
        return send(res, 404, 'Not found', 'text/plain')
      try {
        const body = await readFile(file)
        return send(res, 200, body, TYPES[extname(file)] ?? 'application/octet-stream')
      } catch {
        return send(res, 404, 'Not found', 'text/plain')
      }
    })().catch(() => {
      // Whatever went wrong, the server answers or drops this one request and keeps running.
      if (res.headersSent) res.destroy()
      else send(res, 500, 'Internal error', 'text/plain').catch(() => res.destroy())
    })
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
