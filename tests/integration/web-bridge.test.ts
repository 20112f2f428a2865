import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../scripts/web-server'
import { createTestApp, type TestApp } from '../helpers/db'

let app: TestApp
let web: WebServer
let port: number

beforeAll(async () => {
  app = await createTestApp()
  const rendererDir = join(app.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dichtbij</title>')
  writeFileSync(join(app.dir, 'secret.txt'), 'geheim')
  web = await startWebServer({ router: app.router, rendererDir })
  port = Number(new URL(web.url).port)
})
afterAll(async () => {
  await web.close()
  await app.close()
})

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.on('data', (c: Buffer) => (body += c.toString()))
        res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

const apiBody = JSON.stringify({ method: 'lists.list', input: { kind: 'category' } })

describe('browser bridge', () => {
  it('listens on 127.0.0.1 only, with a fresh random token', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(web.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers the API with the right token only', async () => {
    const ok = await send('/api', {
      method: 'POST',
      headers: { Authorization: `Bearer ${web.token}` },
      body: apiBody,
    })
    expect(ok.status).toBe(200)
    const parsed = JSON.parse(ok.body) as { ok: boolean; value: { name: string }[] }
    expect(parsed.ok).toBe(true)
    expect(parsed.value.map((c) => c.name)).toContain('Kleding')
    expect((await send('/api', { method: 'POST', body: apiBody })).status).toBe(401)
    const wrong = await send('/api', {
      method: 'POST',
      headers: { Authorization: 'Bearer nope' },
      body: apiBody,
    })
    expect(wrong.status).toBe(401)
  })

  it('refuses an oversized body and broken JSON', async () => {
    const auth = { Authorization: `Bearer ${web.token}` }
    const big = await send('/api', { method: 'POST', headers: auth, body: 'x'.repeat(1_100_000) })
    expect(big.status).toBe(413)
    const broken = await send('/api', { method: 'POST', headers: auth, body: '{"method":' })
    expect(broken.status).toBe(400)
  })

  it('serves the renderer with a CSP and nothing outside its folder', async () => {
    const page = await send('/')
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'")
    expect((await send('/../secret.txt')).status).toBe(404)
    expect((await send('/%2e%2e/secret.txt')).status).toBe(404)
  })

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const r = await send('/', { headers: { Host: `evil.example:${port}` } })
    expect(r.status).toBe(421)
  })
})
