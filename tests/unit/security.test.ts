import { describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  EXTERNAL_LINK_HOSTS,
  devServerUrlFrom,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isTrustedSender,
  senderFrameInfo,
  windowWebPreferences,
} from '../../src/main/security'
import { resolveDataDir } from '../../src/main/paths'

const dev = { devServerUrl: 'http://localhost:5173' }
const main = (url: string): { url: string; isMainFrame: boolean } => ({ url, isMainFrame: true })

describe('IPC sender check', () => {
  it("accepts the main frame of the app's own origin", () => {
    expect(APP_ORIGIN).toBe('app://dichtbij')
    expect(isTrustedSender(main(`${APP_INDEX_URL}#/households`), {})).toBe(true)
    expect(isTrustedSender(main('app://dichtbij/'), {})).toBe(true)
  })
  it('refuses a sub frame, even of the app origin', () => {
    expect(isTrustedSender({ url: APP_INDEX_URL, isMainFrame: false }, {})).toBe(false)
    expect(isTrustedSender({ url: 'http://localhost:5173/', isMainFrame: false }, dev)).toBe(false)
  })
  it.each([
    ['file:///opt/Dichtbij/resources/app.asar/out/renderer/index.html'],
    ['file:///tmp/evil.html'],
    ['app://other/index.html'],
    ['app://dichtbij.evil.example/index.html'],
    ['app://dichtbij:8080/index.html'],
    ['app://user@dichtbij/index.html'],
    ['app:dichtbij/index.html'],
    ['https://dichtbij/index.html'],
    ['https://example.org/'],
    ['http://localhost:5174/'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>api.call()</script>'],
    ['about:blank'],
    [''],
    ['not a url'],
  ])('refuses %s', (url) => {
    expect(isTrustedSender(main(url), dev)).toBe(false)
  })
  it('refuses a missing frame', () => {
    expect(isTrustedSender(null, dev)).toBe(false)
    expect(isTrustedSender(undefined, {})).toBe(false)
  })
  it('accepts the dev server only when one is configured', () => {
    const frame = main('http://localhost:5173/#/')
    expect(isTrustedSender(frame, {})).toBe(false)
    expect(isTrustedSender(frame, dev)).toBe(true)
  })
})

describe('sender frame', () => {
  const top = { url: APP_INDEX_URL, parent: null, detached: false }
  const child = { url: APP_INDEX_URL, parent: top, detached: false }
  it("counts only the window's own main frame", () => {
    expect(senderFrameInfo(top, top)).toEqual({ url: APP_INDEX_URL, isMainFrame: true })
    // An iframe showing the app's own page is still an iframe.
    expect(senderFrameInfo(child, top)).toEqual({ url: APP_INDEX_URL, isMainFrame: false })
    // A top-level frame that is not this window's main frame (another window, a popup).
    expect(senderFrameInfo({ ...top }, top)?.isMainFrame).toBe(false)
    expect(senderFrameInfo(top, null)?.isMainFrame).toBe(false)
  })
  it('matches the main frame by its process and routing ids when the wrapper differs', () => {
    const ids = { ...top, processId: 4, routingId: 1 }
    expect(senderFrameInfo({ ...ids }, ids)?.isMainFrame).toBe(true)
    expect(senderFrameInfo({ ...ids, routingId: 2 }, ids)?.isMainFrame).toBe(false)
    expect(senderFrameInfo({ ...ids, parent: ids }, ids)?.isMainFrame).toBe(false)
  })
  it('refuses a detached frame and a missing one', () => {
    const detached = { ...top, detached: true }
    expect(senderFrameInfo(detached, detached)?.isMainFrame).toBe(false)
    expect(senderFrameInfo(null, top)).toBeNull()
  })
  it('feeds the sender check: a sub frame of the app origin is refused', () => {
    expect(isTrustedSender(senderFrameInfo(top, top), {})).toBe(true)
    expect(isTrustedSender(senderFrameInfo(child, top), {})).toBe(false)
    const other = { url: 'app://other/index.html', parent: null }
    expect(isTrustedSender(senderFrameInfo(other, other), {})).toBe(false)
  })
})

describe('dev server address', () => {
  it('accepts only http on a loopback address', () => {
    expect(devServerUrlFrom('http://localhost:5173/')).toBe('http://localhost:5173')
    expect(devServerUrlFrom('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173')
    expect(devServerUrlFrom('https://localhost:5173')).toBeUndefined()
    expect(devServerUrlFrom('http://evil.example:5173')).toBeUndefined()
    expect(devServerUrlFrom('nonsense')).toBeUndefined()
    expect(devServerUrlFrom(undefined)).toBeUndefined()
  })
})

describe('window and navigation', () => {
  it('keeps the renderer isolated and sandboxed', () => {
    const p = windowWebPreferences('/x/preload/index.cjs')
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    })
    // No DevTools in the installed app; a developer's unpackaged run keeps them.
    expect(p.devTools).toBe(false)
    expect(windowWebPreferences('/x/preload/index.cjs', false).devTools).toBe(true)
  })
  it('allows only the same app page, differing at most in its hash', () => {
    const here = `${APP_INDEX_URL}#/`
    expect(isAllowedNavigation(`${APP_INDEX_URL}#/stats`, here)).toBe(true)
    expect(isAllowedNavigation(APP_INDEX_URL, here)).toBe(true)
    expect(isAllowedNavigation('app://dichtbij/assets/index.js', here)).toBe(false)
    expect(isAllowedNavigation(`${APP_INDEX_URL}?x=1`, here)).toBe(false)
    expect(isAllowedNavigation('app://other/index.html', here)).toBe(false)
    expect(isAllowedNavigation('https://example.org', here)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', here)).toBe(false)
    expect(isAllowedNavigation('javascript:alert(1)', here)).toBe(false)
    expect(isAllowedNavigation('not a url', here)).toBe(false)
    // The same path on another page is no reason to allow it: the current page must be ours.
    expect(isAllowedNavigation('file:///x/index.html', 'file:///x/index.html')).toBe(false)
  })
  it('allows the dev server page only when one is configured', () => {
    const here = 'http://localhost:5173/#/'
    expect(isAllowedNavigation('http://localhost:5173/#/stats', here)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5173/#/stats', here, dev.devServerUrl)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/', here, dev.devServerUrl)).toBe(false)
  })
  it('has a CSP without remote sources or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
  })
})

describe('external links', () => {
  const allow = ['www.example.nl', 'Docs.Example.org']
  it('allows https to a host exactly on the list', () => {
    expect(isAllowedExternalUrl('https://www.example.nl/privacy', allow)).toBe(true)
    expect(isAllowedExternalUrl('https://WWW.EXAMPLE.NL/', allow)).toBe(true)
    expect(isAllowedExternalUrl('https://docs.example.org/a?b#c', allow)).toBe(true)
  })
  it.each([
    ['http://www.example.nl/'],
    ['https://example.nl/'],
    ['https://evil.www.example.nl/'],
    ['https://www.example.nl.evil.example/'],
    ['https://www.example.nl:8443/'],
    ['https://user:pw@www.example.nl/'],
    ['https://www.example.nl@evil.example/'],
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['app://dichtbij/index.html'],
    ['mailto:info@www.example.nl'],
    ['not a url'],
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, allow)).toBe(false)
  })
  it('refuses everything with an empty list, which is what the app ships with', () => {
    expect(isAllowedExternalUrl('https://www.example.nl/', [])).toBe(false)
    expect(EXTERNAL_LINK_HOSTS).toEqual([])
  })
})

describe('data folder', () => {
  it('prefers --data-dir, then DICHTBIJ_DATA_DIR, then the default', () => {
    expect(
      resolveDataDir(
        ['electron', '.', '--data-dir=/usb/dichtbij'],
        { DICHTBIJ_DATA_DIR: '/env' },
        '/home',
      ),
    ).toBe('/usb/dichtbij')
    expect(resolveDataDir(['electron', '--data-dir', '/usb2'], {}, '/home')).toBe('/usb2')
    expect(resolveDataDir(['electron'], { DICHTBIJ_DATA_DIR: '/env' }, '/home')).toBe('/env')
    expect(resolveDataDir(['electron'], {}, '/home')).toBe('/home')
  })
})
