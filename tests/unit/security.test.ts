import { describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  devServerUrlFrom,
  isAllowedNavigation,
  isTrustedSender,
  windowWebPreferences,
} from '../../src/main/security'
import { resolveDataDir } from '../../src/main/paths'

const allowed = { indexFileUrl: 'file:///opt/Dichtbij/resources/app.asar/out/renderer/index.html' }

describe('IPC sender check', () => {
  it("accepts the app's own page in the main frame", () => {
    expect(
      isTrustedSender({ url: `${allowed.indexFileUrl}#/households`, isMainFrame: true }, allowed),
    ).toBe(true)
  })
  it('refuses sub frames, other files, remote pages and garbage', () => {
    expect(isTrustedSender({ url: allowed.indexFileUrl, isMainFrame: false }, allowed)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', isMainFrame: true }, allowed)).toBe(
      false,
    )
    expect(isTrustedSender({ url: 'https://example.org/', isMainFrame: true }, allowed)).toBe(false)
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true }, allowed)).toBe(false)
    expect(isTrustedSender(null, allowed)).toBe(false)
  })
  it('accepts the dev server only when one is configured', () => {
    const frame = { url: 'http://localhost:5173/#/', isMainFrame: true }
    expect(isTrustedSender(frame, allowed)).toBe(false)
    expect(isTrustedSender(frame, { ...allowed, devServerUrl: 'http://localhost:5173' })).toBe(true)
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
  it('allows only in-page navigation', () => {
    const here = `${allowed.indexFileUrl}#/`
    expect(isAllowedNavigation(`${allowed.indexFileUrl}#/stats`, here)).toBe(true)
    expect(isAllowedNavigation('https://example.org', here)).toBe(false)
    expect(isAllowedNavigation('file:///etc/passwd', here)).toBe(false)
  })
  it('has a CSP without remote sources or eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
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
