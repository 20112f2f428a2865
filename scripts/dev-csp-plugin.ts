import type { Plugin } from 'vite'
import {
  contentSecurityPolicy,
  inlineScriptHash,
  metaContentSecurityPolicy,
} from '../src/main/security'

const CSP_META = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi

/**
 * The dev server's page with a CSP that fits it: the page's own meta policy is replaced by the
 * app's policy plus the hash of each inline script the dev server wrote (React's fast-refresh
 * preamble). The new meta tag goes first in <head>, before any
 * script, so it covers every one of them: a policy only applies to what follows it.
 */
export function withDevContentSecurityPolicy(html: string): string {
  const withoutPolicy = html.replace(CSP_META, '')
  const scriptHashes: string[] = []
  for (const [, attrs, body] of withoutPolicy.matchAll(SCRIPT))
    if (!/\bsrc\s*=/i.test(attrs) && body.length > 0) scriptHashes.push(inlineScriptHash(body))
  const policy = metaContentSecurityPolicy(contentSecurityPolicy({ scriptHashes }))
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`
  return withoutPolicy.replace(/<head(\s[^>]*)?>/i, (head) => `${head}\n    ${meta}`)
}

/** `npm run dev` only: the built page keeps the strict policy of index.html. */
export function devContentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'dichtbij:dev-content-security-policy',
    apply: 'serve',
    transformIndexHtml: {
      // After every other plugin and Vite itself have written their scripts into the page.
      order: 'post',
      handler: (html) => withDevContentSecurityPolicy(html),
    },
  }
}
