import { closeSync, mkdirSync, openSync, writeSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../scripts/web-server'
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestApp, type TestApp } from '../helpers/db'
import { householdInput } from '../helpers/fixtures'

let app: TestApp
let web: WebServer
let port: number
let token: string
let householdId: number

interface Answer {
  status: number
  body: Buffer
  headers: Record<string, string | string[] | undefined>
  chunks: number
}

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  onChunk?: (chunk: Buffer) => void,
): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const parts: Buffer[] = []
        let chunks = 0
        res.on('data', (c: Buffer) => {
          chunks++
          if (onChunk) onChunk(c)
          else parts.push(c)
        })
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            body: Buffer.concat(parts),
            headers: res.headers,
            chunks,
          }),
        )
      },
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

const auth = (t = token): Record<string, string> => ({
  'Content-Type': 'application/json',
  Authorization: `Bearer ${t}`,
})

async function apiCall(method: string, input: unknown, t = token): Promise<unknown> {
  const res = await send('/api', {
    method: 'POST',
    headers: auth(t),
    body: JSON.stringify({ method, input }),
  })
  const answer = JSON.parse(res.body.toString()) as { ok: boolean; value?: unknown }
  if (!answer.ok) throw new Error(res.body.toString())
  return answer.value
}

async function login(username: string, password: string): Promise<string> {
  const res = await send('/api', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'auth.login', input: { username, password } }),
  })
  return String(res.headers['x-dichtbij-session'])
}

const exportPdf = async (t = token): Promise<{ ticket: string; filename: string }> =>
  (await apiCall('subjects.export', { kind: 'household', id: householdId, format: 'pdf' }, t)) as {
    ticket: string
    filename: string
  }

beforeAll(async () => {
  app = await createTestApp()
  const rendererDir = join(app.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dichtbij</title>')
  web = await startWebServer({ router: app.router, rendererDir })
  port = Number(new URL(web.url).port)
  token = await login(ADMIN_USERNAME, ADMIN_PASSWORD)
  householdId = (await app.call('households.create', householdInput())).id
})
afterAll(async () => {
  await web.close()
  await app.close()
})

describe('downloads from the browser bridge', () => {
  it('stream the file as an attachment with its length and type, not to be cached', async () => {
    const file = await exportPdf()
    // An anchor's GET carries no token: the ticket is the proof.
    const res = await send(`/api/download/${file.ticket}`)
    expect(res.status).toBe(200)
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-')
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-length']).toBe(String(res.body.length))
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${file.filename}"; filename*=UTF-8''${file.filename}`,
    )
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('give a ticket once: the second GET finds nothing', async () => {
    const file = await exportPdf()
    expect((await send(`/api/download/${file.ticket}`)).status).toBe(200)
    const again = await send(`/api/download/${file.ticket}`)
    expect(again.status).toBe(404)
    expect(again.body.toString()).toBe('Not found')
  })

  it("refuse a tab that shows another session's token, and keep the ticket for its owner", async () => {
    await app.call('users.create', {
      username: 'coco',
      displayName: 'Coco',
      role: 'coordinator',
      password: 'Eerste-wachtwoord-77',
    })
    const other = await login('coco', 'Eerste-wachtwoord-77')
    const file = await exportPdf()
    const wrong = await send(`/api/download/${file.ticket}`, {
      headers: { Authorization: `Bearer ${other}` },
    })
    expect(wrong.status).toBe(404)
    const own = await send(`/api/download/${file.ticket}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(own.status).toBe(200)
  })

  it('refuse guessed tickets and path tricks, and serve no other file', async () => {
    const file = await exportPdf()
    for (const path of [
      `/api/download/${'A'.repeat(43)}`,
      '/api/download/',
      '/api/download/..%2F..%2Fkeys.json',
      '/api/download/%2e%2e%2f%2e%2e%2fdichtbij.sqlite',
      `/api/download/${file.ticket}/../../keys.json`,
      `/api/download/${file.ticket}%00`,
      `/api/download/${file.ticket}/x`,
      `/api/download/${file.ticket.slice(0, 42)}`,
      '/api/download/../../keys.json',
    ]) {
      const res = await send(path)
      expect(res.status, path).toBe(404)
      expect(res.body.toString(), path).toBe('Not found')
    }
    // None of that used the real ticket up.
    expect((await send(`/api/download/${file.ticket}`)).status).toBe(200)
  })

  it('refuse another host name, another site, and other methods, leaving the ticket', async () => {
    const file = await exportPdf()
    const path = `/api/download/${file.ticket}`
    expect((await send(path, { headers: { Host: `evil.example:${port}` } })).status).toBe(421)
    expect((await send(path, { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403)
    expect((await send(path, { headers: { Origin: 'http://evil.example' } })).status).toBe(403)
    expect((await send(path, { method: 'POST' })).status).toBe(405)
    expect((await send(path, { headers: { 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200)
  })

  it('refuse the ticket once its session is locked', async () => {
    const file = await exportPdf()
    await apiCall('auth.lock', { reason: 'button' })
    expect((await send(`/api/download/${file.ticket}`)).status).toBe(404)
    await apiCall('auth.unlock', { password: ADMIN_PASSWORD })
  })

  it("stream a large file a chunk at a time: the bridge's memory does not grow with it", async () => {
    const size = 96 * 1024 * 1024
    const session = app.router.sessions.get(token)!
    const issuer = app.router.downloads.issuer(session.id, session.role)
    const path = issuer.tempPath('bin')
    const block = Buffer.alloc(1024 * 1024, 0x5a)
    const fd = openSync(path, 'wx', 0o600)
    for (let written = 0; written < size; written += block.length) writeSync(fd, block)
    closeSync(fd)
    const file = issuer.issue({
      path,
      filename: 'groot.bin',
      mime: 'application/octet-stream',
      sizeBytes: size,
      temp: true,
    })
    const baseline = process.memoryUsage().rss
    let peak = baseline
    let received = 0
    const res = await send(`/api/download/${file.ticket}`, {}, (chunk) => {
      received += chunk.length
      peak = Math.max(peak, process.memoryUsage().rss)
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-length']).toBe(String(size))
    expect(received).toBe(size)
    // Streamed: many chunks, and the process (bridge and client in one) held far less than
    // the file at any moment.
    expect(res.chunks).toBeGreaterThan(100)
    expect(peak - baseline).toBeLessThan(size / 2)
    console.log(
      `bridge download of ${size / 2 ** 20} MiB: ${res.chunks} chunks, RSS grew ${((peak - baseline) / 2 ** 20).toFixed(1)} MiB`,
    )
  })
})
