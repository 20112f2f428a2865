import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  APP_SCHEME_PRIVILEGES,
  fileInRoot,
  resolveAppRequest,
  serveAppRequest,
} from '../../src/main/app-protocol'
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY } from '../../src/main/security'

describe('app:// request resolution', () => {
  it('maps the app page and its assets to files with their content type', () => {
    expect(resolveAppRequest(APP_INDEX_URL)).toEqual({
      ok: true,
      segments: ['index.html'],
      mimeType: 'text/html; charset=utf-8',
    })
    expect(resolveAppRequest('app://dichtbij/')).toMatchObject({ segments: ['index.html'] })
    expect(resolveAppRequest('app://dichtbij/index.html#/households?x=1')).toMatchObject({
      ok: true,
    })
    expect(resolveAppRequest('app://dichtbij/assets/index-DiT11KN4.js')).toEqual({
      ok: true,
      segments: ['assets', 'index-DiT11KN4.js'],
      mimeType: 'text/javascript; charset=utf-8',
    })
    expect(resolveAppRequest('app://dichtbij/assets/index.CSS')).toMatchObject({
      mimeType: 'text/css; charset=utf-8',
    })
    expect(resolveAppRequest('app://dichtbij/fonts/a.woff2')).toMatchObject({
      mimeType: 'font/woff2',
    })
    expect(resolveAppRequest('app://dichtbij/a%20b.svg')).toMatchObject({
      segments: ['a b.svg'],
      mimeType: 'image/svg+xml',
    })
  })

  it.each([
    ['app://other/index.html', 403],
    ['app://dichtbij.evil.example/index.html', 403],
    ['app://dichtbij:8080/index.html', 403],
    ['app://user:pw@dichtbij/index.html', 403],
    ['app:index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://dichtbij/index.html', 403],
    // Encoded separators and dots are decoded before the check, so they cannot climb out.
    ['app://dichtbij/assets/..%2F..%2Fmain%2Findex.js', 403],
    ['app://dichtbij/%2e%2e%2fpackage.json', 403],
    ['app://dichtbij/..%5C..%5Cmain%5Cindex.js', 403],
    ['app://dichtbij/assets\\..\\..\\main\\index.js', 403],
    ['app://dichtbij/C:%5Cwindows%5Cwin.ini', 403],
    ['app://dichtbij/index.html:stream.js', 403],
    ['app://dichtbij/index.html%00.js', 403],
    ['app://dichtbij/.env.json', 403],
    ['app://dichtbij/index.html.', 403],
    ['app://dichtbij/index.html%20', 403],
    ['app://dichtbij/assets//index.js', 403],
    ['app://dichtbij/%', 400],
    ['app://dichtbij/%E0%A4%A.js', 400],
    ['app://dichtbij/assets', 404],
    ['app://dichtbij/main/index.ts', 404],
    ['app://dichtbij/app.exe', 404],
    ['not a url', 400],
  ])('refuses %s with %i', (url, status) => {
    expect(resolveAppRequest(url)).toEqual({ ok: false, status })
  })

  it('keeps a literal ../ inside the root: the URL parser removes it first', () => {
    // WHATWG and Chromium both collapse dot segments; what is left is an ordinary path.
    expect(resolveAppRequest('app://dichtbij/../../../etc/x.json')).toMatchObject({
      segments: ['etc', 'x.json'],
    })
    expect(resolveAppRequest('app://dichtbij/assets/%2e%2e/%2e%2e/index.html')).toMatchObject({
      segments: ['index.html'],
    })
  })

  it('answers only GET and HEAD', () => {
    expect(resolveAppRequest(APP_INDEX_URL, 'HEAD')).toMatchObject({ ok: true })
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'get'])
      expect(resolveAppRequest(APP_INDEX_URL, method)).toEqual({ ok: false, status: 405 })
  })

  it('registers the scheme as standard and secure, without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true })
  })
})

describe('fileInRoot', () => {
  const root = join(tmpdir(), 'renderer')
  it('joins segments below the root', () => {
    expect(fileInRoot(root, ['assets', 'a.js'])).toBe(join(root, 'assets', 'a.js'))
  })
  it('refuses anything that ends outside or at the root', () => {
    expect(fileInRoot(root, ['..', 'main', 'index.js'])).toBeNull()
    expect(fileInRoot(root, ['assets', '..', '..', 'x.js'])).toBeNull()
    expect(fileInRoot(root, ['..', 'renderer-evil', 'x.js'])).toBeNull()
    expect(fileInRoot(root, [])).toBeNull()
    expect(fileInRoot(root, ['.'])).toBeNull()
    expect(fileInRoot(root, [`${sep}etc`, 'passwd'])).toBe(join(root, 'etc', 'passwd'))
  })
})

describe('serveAppRequest on a real folder', () => {
  let dir: string
  let root: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dichtbij-app-protocol-'))
    root = join(dir, 'renderer')
    mkdirSync(join(root, 'assets', 'folder.js'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Dichtbij</title>')
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
    // A file next to the root that a traversal would try to reach.
    writeFileSync(join(dir, 'secret.json'), '{"secret":true}')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('serves index.html with its type, the CSP and nosniff', async () => {
    const res = await serveAppRequest(root, APP_INDEX_URL)
    expect(res.status).toBe(200)
    expect(res.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    })
    expect(new TextDecoder().decode(res.body!)).toContain('<title>Dichtbij</title>')
  })

  it('serves a script as JavaScript and HEAD without a body', async () => {
    const res = await serveAppRequest(root, 'app://dichtbij/assets/index-abc.js')
    expect(res.headers['Content-Type']).toBe('text/javascript; charset=utf-8')
    expect(new TextDecoder().decode(res.body!)).toBe('console.log(1)')
    const head = await serveAppRequest(root, 'app://dichtbij/assets/index-abc.js', 'HEAD')
    expect(head).toMatchObject({ status: 200, body: null })
  })

  it('answers 404 for missing files and folders, 403 for escapes, 405 for POST', async () => {
    expect((await serveAppRequest(root, 'app://dichtbij/missing.js')).status).toBe(404)
    expect((await serveAppRequest(root, 'app://dichtbij/assets/folder.js')).status).toBe(404)
    expect((await serveAppRequest(root, 'app://dichtbij/..%2Fsecret.json')).status).toBe(403)
    expect((await serveAppRequest(root, 'app://other/index.html')).status).toBe(403)
    expect((await serveAppRequest(root, APP_INDEX_URL, 'POST')).status).toBe(405)
    const refused = await serveAppRequest(root, 'app://dichtbij/..%2Fsecret.json')
    expect(new TextDecoder().decode(refused.body!)).not.toContain('secret')
    expect(refused.headers).toMatchObject({
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    })
  })
})

describe('the built renderer', () => {
  // `npm test` runs `electron-vite build` first. Every emitted file must be reachable over
  // app://, or the installed app would show a blank or unstyled window.
  it('has only files that app:// serves with a known type', () => {
    const rendererDir = join('out', 'renderer')
    expect(existsSync(rendererDir), 'run `npm run build` first').toBe(true)
    const files = readdirSync(rendererDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(rendererDir, join(entry.parentPath, entry.name)))
    expect(files).toContain('index.html')
    for (const file of files) {
      const url = `app://dichtbij/${file.split(sep).map(encodeURIComponent).join('/')}`
      expect(resolveAppRequest(url), file).toMatchObject({ ok: true })
    }
  })
})
