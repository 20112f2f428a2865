import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../scripts/web-server'
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestApp, type TestApp } from '../helpers/db'

let app: TestApp
let web: WebServer
let port: number

beforeAll(async () => {
  app = await createTestApp()
  const rendererDir = join(app.dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dichtbij</title>')
  writeFileSync(join(app.dir, 'secret.txt'), 'geheim')
  web = await startWebServer({ router: app.router, rendererDir, maxBody: 1_000_000 })
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

const JSON_TYPE = { 'Content-Type': 'application/json' }
const body = (method: string, input: unknown = {}) => JSON.stringify({ method, input })
const listsBody = body('lists.list', { kind: 'category' })

describe('browser bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('answers data calls only with a session that auth.login issued', async () => {
    const anonymous = await send('/api', { method: 'POST', headers: JSON_TYPE, body: listsBody })
    expect(anonymous.status).toBe(200)
    expect(JSON.parse(anonymous.body)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'notLoggedIn' },
    })
    const status = await send('/api', {
      method: 'POST',
      headers: JSON_TYPE,
      body: body('setup.status'),
    })
    expect(JSON.parse(status.body)).toMatchObject({ ok: true, value: { needsSetup: false } })

    const wrongLogin = await send('/api', {
      method: 'POST',
      headers: JSON_TYPE,
      body: body('auth.login', { username: ADMIN_USERNAME, password: 'niet-het-wachtwoord' }),
    })
    expect(JSON.parse(wrongLogin.body)).toMatchObject({ ok: false, error: { key: 'loginFailed' } })
    expect(wrongLogin.headers['x-dichtbij-session']).toBeUndefined()

    const login = await send('/api', {
      method: 'POST',
      headers: JSON_TYPE,
      body: body('auth.login', { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }),
    })
    const token = String(login.headers['x-dichtbij-session'])
    expect(token.length).toBeGreaterThanOrEqual(40)
    expect(JSON.parse(login.body)).toMatchObject({ ok: true, value: { user: { role: 'admin' } } })
    expect(login.body).not.toContain(token)

    const auth = { ...JSON_TYPE, Authorization: `Bearer ${token}` }
    const lists = await send('/api', { method: 'POST', headers: auth, body: listsBody })
    const parsed = JSON.parse(lists.body) as { ok: boolean; value: { name: string }[] }
    expect(parsed.ok).toBe(true)
    expect(parsed.value.map((c) => c.name)).toContain('Kleding')

    const forged = await send('/api', {
      method: 'POST',
      headers: { ...JSON_TYPE, Authorization: 'Bearer nope' },
      body: listsBody,
    })
    expect(JSON.parse(forged.body)).toMatchObject({ ok: false, error: { key: 'notLoggedIn' } })
    expect(forged.headers['x-dichtbij-session']).toBe('')

    const logout = await send('/api', { method: 'POST', headers: auth, body: body('auth.logout') })
    expect(logout.headers['x-dichtbij-session']).toBe('')
    const after = await send('/api', { method: 'POST', headers: auth, body: listsBody })
    expect(JSON.parse(after.body)).toMatchObject({ ok: false, error: { key: 'notLoggedIn' } })
  })

  it('refuses calls from another origin and bodies that are not JSON', async () => {
    const foreign = await send('/api', {
      method: 'POST',
      headers: { ...JSON_TYPE, Origin: 'http://evil.example' },
      body: body('setup.status'),
    })
    expect(foreign.status).toBe(403)
    const own = await send('/api', {
      method: 'POST',
      headers: { ...JSON_TYPE, Origin: `http://127.0.0.1:${port}` },
      body: body('setup.status'),
    })
    expect(own.status).toBe(200)
    const form = await send('/api', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: body('setup.status'),
    })
    expect(form.status).toBe(415)
  })

  it('refuses an oversized body and broken JSON', async () => {
    const big = await send('/api', {
      method: 'POST',
      headers: JSON_TYPE,
      body: 'x'.repeat(1_100_000),
    })
    expect(big.status).toBe(413)
    const broken = await send('/api', { method: 'POST', headers: JSON_TYPE, body: '{"method":' })
    expect(broken.status).toBe(400)
  })

  it('answers a body of null and a broken escape in a path with 400, not a server error', async () => {
    const nothing = await send('/api', { method: 'POST', headers: JSON_TYPE, body: 'null' })
    expect(nothing.status).toBe(400)
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js'])
      expect((await send(path)).status, path).toBe(400)
    // The server is still there.
    expect((await send('/')).status).toBe(200)
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
