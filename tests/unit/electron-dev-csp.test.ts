import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createServer, type Plugin, type PluginOption } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config from '../../electron.vite.config'
import { withDevContentSecurityPolicy } from '../../scripts/dev-csp-plugin'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  cspHeaderFor,
  inlineScriptHash,
  metaContentSecurityPolicy,
} from '../../src/main/security'

/** The directives of a policy, as a map from name to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  )
}

function metaPolicies(html: string): string[] {
  return [
    ...html.matchAll(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*content="([^"]*)"/gi),
  ].map((m) => m[1])
}

/** Inline scripts in document order, each with its offset in the page. */
function inlineScripts(html: string): { at: number; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/\bsrc\s*=/.test(m[1]) && m[2].length > 0)
    .map((m) => ({ at: m.index ?? 0, body: m[2] }))
}

describe('Content-Security-Policy of the built app', () => {
  it('allows scripts from the app only and keeps frame-ancestors in the header', () => {
    const policy = directives(CONTENT_SECURITY_POLICY)
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline'[^;]*;.*script|unsafe-eval|sha256/)
  })

  it("is the policy written in index.html's meta tag (without frame-ancestors, which meta cannot carry)", () => {
    const html = readFileSync('src/renderer/index.html', 'utf8')
    expect(metaPolicies(html)).toEqual([metaContentSecurityPolicy(CONTENT_SECURITY_POLICY)])
    expect(metaContentSecurityPolicy(CONTENT_SECURITY_POLICY)).not.toContain('frame-ancestors')
  })

  it('main adds its header to everything but the dev server page, which carries its own', () => {
    const dev = 'http://localhost:5173'
    expect(cspHeaderFor('app://dichtbij/index.html')).toBe(CONTENT_SECURITY_POLICY)
    expect(cspHeaderFor('app://dichtbij/index.html', dev)).toBe(CONTENT_SECURITY_POLICY)
    expect(cspHeaderFor('http://localhost:5173/', dev)).toBeNull()
    // Only the accepted dev server: another port or host still gets the app's policy.
    expect(cspHeaderFor('http://localhost:5174/', dev)).toBe(CONTENT_SECURITY_POLICY)
    expect(cspHeaderFor('http://example.org/', dev)).toBe(CONTENT_SECURITY_POLICY)
    // A packaged app has no dev server.
    expect(cspHeaderFor('http://localhost:5173/')).toBe(CONTENT_SECURITY_POLICY)
  })
})

describe('Content-Security-Policy of `npm run dev`', () => {
  it('allows each inline script by its hash, never all inline scripts', () => {
    const policy = directives(contentSecurityPolicy({ scriptHashes: [inlineScriptHash('a()')] }))
    expect(policy.get('script-src')).toEqual(["'self'", `'${inlineScriptHash('a()')}'`])
    expect(inlineScriptHash('a()')).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/)
    // Everything but script-src is the built app's policy.
    policy.delete('script-src')
    const built = directives(CONTENT_SECURITY_POLICY)
    built.delete('script-src')
    expect(policy).toEqual(built)
  })

  it('puts its policy first in <head>, with the hash of every inline script', () => {
    const html =
      '<html><head><meta charset="UTF-8" />' +
      `<meta http-equiv="Content-Security-Policy" content="script-src 'self'" />` +
      '<script type="module">a()</script><script src="/x.js"></script></head></html>'
    const out = withDevContentSecurityPolicy(html)
    const [policy, ...others] = metaPolicies(out)
    expect(others).toEqual([])
    expect(directives(policy).get('script-src')).toEqual(["'self'", `'${inlineScriptHash('a()')}'`])
    expect(out.indexOf('Content-Security-Policy')).toBeLessThan(out.indexOf('<script'))
  })

  describe("electron-vite's dev server page (Vite with the renderer's plugins)", () => {
    let server: Awaited<ReturnType<typeof createServer>>
    let page: string

    beforeAll(async () => {
      const renderer = config.renderer as { root: string; plugins: PluginOption[] }
      server = await createServer({
        configFile: false,
        root: renderer.root,
        plugins: renderer.plugins,
        logLevel: 'silent',
        server: { middlewareMode: true, ws: false },
        appType: 'custom',
      })
      const raw = readFileSync(resolve(renderer.root, 'index.html'), 'utf8')
      page = await server.transformIndexHtml('/index.html', raw)
    })
    afterAll(async () => {
      await server?.close()
    })

    it("gets React's fast-refresh preamble (the script the old policy blocked)", () => {
      const plugins = (config.renderer as { plugins: PluginOption[] }).plugins.flat() as Plugin[]
      expect(plugins.some((p) => p && p.name === 'vite:react-refresh')).toBe(true)
      expect(inlineScripts(page).some((s) => s.body.includes('injectIntoGlobalHook'))).toBe(true)
    })

    it('has one policy, before every script, allowing exactly its inline scripts', () => {
      const policies = metaPolicies(page)
      expect(policies).toHaveLength(1)
      const scriptSrc = directives(policies[0]).get('script-src') ?? []
      const scripts = inlineScripts(page)
      expect(scripts.length).toBeGreaterThan(0)
      for (const script of scripts) {
        expect(scriptSrc).toContain(`'${inlineScriptHash(script.body)}'`)
        expect(page.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(script.at)
      }
      expect(scriptSrc).not.toContain("'unsafe-inline'")
      expect(scriptSrc).not.toContain("'unsafe-eval'")
    })
  })
})
