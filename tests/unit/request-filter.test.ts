import { describe, expect, it } from 'vitest'
import { isOwnRequest } from '../../src/main/request-filter'
import { APP_INDEX_URL, devServerUrlFrom } from '../../src/main/security'

const dev = { devServerUrl: devServerUrlFrom('http://localhost:5173'), devTools: true }

describe('isOwnRequest: what the app session may load', () => {
  it('lets the installed app load its own files, data: URLs and the blobs its page made', () => {
    for (const url of [
      APP_INDEX_URL,
      'app://dichtbij/assets/index-3f2a.js',
      'app://dichtbij/assets/inter-latin-400.woff2',
      'data:image/svg+xml;base64,PHN2Zy8+',
      'data:font/woff2;base64,AAAA',
      'blob:app://dichtbij/0d4e6c1a-6a1c-4a53-9c1e-8f3b2b8c9d10',
    ])
      expect(isOwnRequest(url), url).toBe(true)
  })

  it('cancels everything that would leave the computer, or is not the app', () => {
    for (const url of [
      'https://fonts.googleapis.com/css2?family=Inter',
      'https://fonts.gstatic.com/s/inter/v12/a.woff2',
      'http://example.nl/',
      'https://redirector.gvt1.com/edgedl/chrome/dict/nl-nl-3-0.bdic',
      'wss://example.nl/socket',
      'ws://localhost:5173/',
      'ftp://example.nl/',
      // Also loopback: a web server on the shop PC is not the app.
      'http://localhost:5173/',
      'http://127.0.0.1:8080/',
      // Other hosts or credentials on the app scheme, other local schemes.
      'app://other/index.html',
      'app://user:pw@dichtbij/index.html',
      'file:///etc/passwd',
      'file:///C:/Users/shop/Documents/',
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      'chrome://gpu',
      'devtools://devtools/bundled/inspector.html',
      'blob:https://example.nl/0d4e6c1a',
      'blob:null/0d4e6c1a',
      'javascript:alert(1)',
      'not a url',
      '',
    ])
      expect(isOwnRequest(url), url).toBe(false)
  })

  it('in an unpackaged run also allows the loopback dev server, its hot reload and DevTools', () => {
    expect(dev.devServerUrl).toBe('http://localhost:5173')
    for (const url of [
      'http://localhost:5173/',
      'http://localhost:5173/src/main.tsx',
      'http://localhost:5173/@vite/client',
      'ws://localhost:5173/',
      'ws://localhost:5173/?token=abc',
      'blob:http://localhost:5173/0d4e6c1a',
      'devtools://devtools/bundled/inspector.html',
      APP_INDEX_URL,
    ])
      expect(isOwnRequest(url, dev), url).toBe(true)
    for (const url of [
      'http://localhost:5174/',
      'http://127.0.0.1:5173/',
      'ws://localhost:5174/',
      'ws://user@localhost:5173/',
      'https://localhost:5173/',
      'https://fonts.googleapis.com/css2?family=Inter',
      'http://example.nl/',
    ])
      expect(isOwnRequest(url, dev), url).toBe(false)
  })

  it('gives a dev server address that is not loopback no way out', () => {
    // index.ts passes only what devServerUrlFrom accepted, which is never a remote host.
    const remote = { devServerUrl: devServerUrlFrom('http://example.nl:5173') }
    expect(remote.devServerUrl).toBeUndefined()
    expect(isOwnRequest('http://example.nl:5173/', remote)).toBe(false)
    expect(isOwnRequest('ws://example.nl:5173/', remote)).toBe(false)
  })
})
